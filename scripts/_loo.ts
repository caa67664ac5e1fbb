import * as fs from "fs";
import Papa from "papaparse";
import { readCaseTable, SuggestionEngine, taxonomyIdOf } from "../src/engine";
const values = Papa.parse<string[]>(fs.readFileSync("samples/consultations-sample.csv", "utf8")).data;
const p = readCaseTable({ sheetName: "s", firstRow: 1, firstColumn: 1, values });
if (!p.ok) throw 0;
const e = SuggestionEngine.build(p.table);
for (const r of p.table.rows) {
  if (!r.cells.category) continue;
  const s = e.suggest(r.rowNumber);
  const ids = s.category.map((c) => `${taxonomyIdOf(c.value)} ${c.confidence} ${c.origin}`);
  if (taxonomyIdOf(s.category[0].value) !== taxonomyIdOf(r.cells.category)) console.log(r.rowNumber, r.cells.category, "→", ids.join(" | "), "|", r.cells.subject, "|", (r.cells.content ?? "").slice(0, 150).replace(/\n/g, " "));
}
