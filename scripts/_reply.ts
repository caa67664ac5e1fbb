import * as fs from "fs";
import Papa from "papaparse";
import { readCaseTable, taxonomyIdOf } from "../src/engine";
import { modelPrior } from "../src/engine/category";
import { CategoryModel, type CategoryModelFile } from "../src/engine/classifier";
import file from "../src/engine/model/category-model.json";
import { tinySegmenterMorphology } from "../src/engine/morphology";
import { loadSampleGold } from "../eval/measure";
const values = Papa.parse<string[]>(fs.readFileSync("samples/consultations-sample.csv", "utf8")).data;
const p = readCaseTable({ sheetName: "s", firstRow: 1, firstColumn: 1, values });
if (!p.ok) throw 0;
const gold = loadSampleGold();
for (const reply of [0, 0.25, 0.5, 1]) {
  const f = file as unknown as CategoryModelFile;
  const model = CategoryModel.load({ ...f, settings: { ...f.settings, partWeights: { ...f.settings.partWeights, reply } } });
  let a1 = 0, a3 = 0, seed = 0, n = 0;
  for (const r of p.table.rows) {
    const g = taxonomyIdOf(gold.get(r.rowNumber) ?? "");
    if (!g) continue;
    n++;
    const c = r.cells;
    const ids = modelPrior([{ text: c.subject ?? "", kind: "subject" }, { text: [c.content, c.consultNote].filter(Boolean).join("\n"), kind: "body" }, { text: [c.response, c.followUp].filter(Boolean).join("\n"), kind: "reply" }], tinySegmenterMorphology, model).map((x) => x.item.id);
    if (ids[0] === g) { a1++; if (r.rowNumber <= 19) seed++; }
    if (ids.slice(0, 3).includes(g)) a3++;
  }
  console.log(`reply ${reply}: @1 ${a1}/${n} @3 ${a3}/${n} seeds ${seed}/18`);
}
