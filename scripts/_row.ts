import * as fs from "fs";
import Papa from "papaparse";
import { readCaseTable } from "../src/engine";
import { modelPrior } from "../src/engine/category";
const values = Papa.parse<string[]>(fs.readFileSync("samples/consultations-sample.csv", "utf8")).data;
const p = readCaseTable({ sheetName: "s", firstRow: 1, firstColumn: 1, values });
if (!p.ok) throw 0;
for (const n of process.argv.slice(2).map(Number)) {
  const c = p.table.rows.find((r) => r.rowNumber === n)!.cells;
  for (const withReply of [true, false]) {
    const r = modelPrior([{ text: c.subject ?? "", kind: "subject" }, { text: [c.content, c.consultNote].filter(Boolean).join("\n"), kind: "body" }, { text: withReply ? [c.response, c.followUp].filter(Boolean).join("\n") : "", kind: "reply" }]);
    console.log(n, withReply ? "reply" : "noreply", r.slice(0, 3).map((x) => `${x.item.id} ${(x.probability * 100).toFixed(0)}% [${x.matchedTerms.join(",")}]`).join(" | "));
  }
}
