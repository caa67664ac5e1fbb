/**
 * npx tsx bench/quality.ts [--verbose]
 * Quality on the sample workbook: leave-one-out (category, keywords), taxonomy-only against the gold
 * labels (all rows, and the seed-derived rows 2–19 alone), and the top category of every unfilled
 * row with the filled rows present. Deterministic: one run is the median.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { evaluate, readCaseTable, SuggestionEngine, taxonomyIdOf, type CaseTable } from "../src/engine";

const root = path.join(__dirname, "..");
const values = Papa.parse<string[]>(fs.readFileSync(path.join(root, "samples/consultations-sample.csv"), "utf8")).data;
const gold = new Map(
  Object.entries(JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/sample-gold.json"), "utf8")) as Record<string, string>).map(
    ([row, label]) => [Number(row), label],
  ),
);
const parsed = readCaseTable({ sheetName: "sample", firstRow: 1, firstColumn: 1, values });
if (!parsed.ok) throw new Error("sample not recognised");
const table: CaseTable = parsed.table;
const verbose = process.argv.includes("--verbose");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const loo = evaluate(table);
console.log(`leave-one-out: rows ${loo.rows}, @1 ${pct(loo.categoryAt1)}, @3 ${pct(loo.categoryAt3)}`);
console.log(`keywords (leave-one-out, ${loo.keywordRows} rows): precision ${pct(loo.keywordPrecision)}, recall ${pct(loo.keywordRecall)}`);
const cold = evaluate(table, { mode: "taxonomyOnly", gold });
console.log(`taxonomy only vs gold: rows ${cold.rows}, @1 ${pct(cold.categoryAt1)}, @3 ${pct(cold.categoryAt3)}`);
const seedGold = new Map([...gold].filter(([row]) => row <= 19));
const seed = evaluate(table, { mode: "taxonomyOnly", gold: seedGold });
console.log(`taxonomy only, seed rows 2–19: @1 ${Math.round(seed.categoryAt1 * seed.rows)}/${seed.rows}, @3 ${Math.round(seed.categoryAt3 * seed.rows)}/${seed.rows}`);

// Unfilled rows with the filled rows present: what an editor sees today.
const engine = SuggestionEngine.build({ ...table, rows: table.rows.slice() });
let right = 0;
let total = 0;
const wrong: string[] = [];
for (const row of table.rows) {
  if (row.cells.category?.trim()) continue;
  const expected = gold.get(row.rowNumber);
  if (!expected) continue;
  total++;
  const s = engine.suggest(row.rowNumber);
  if (taxonomyIdOf(s.category[0]?.value ?? "") === taxonomyIdOf(expected)) right++;
  else wrong.push(`${row.rowNumber}: ${expected} → ${s.category[0]?.value}`);
  if (verbose) console.log(row.rowNumber, s.keywords.values.join("、"));
}
console.log(`unfilled rows, filled rows present: @1 ${right}/${total} (${pct(right / total)})`);
for (const w of wrong) console.log(`  miss ${w}`);
if (verbose) for (const m of [...loo.misses, ...cold.misses]) console.log("  miss", m.row, m.expected, "→", m.suggested[0]);
