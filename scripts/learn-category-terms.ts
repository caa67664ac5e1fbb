/**
 * npx tsx scripts/learn-category-terms.ts
 * Writes src/engine/category-terms.json: each category's usual editor search tags, learnt from the
 * outside corpus's tuning part and the bundled sample's filled rows (never the held-out part).
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { loadCorpus } from "../eval/corpus";
import { parseList, readCaseTable, taxonomyIdOf } from "../src/engine";
import { learnCategoryTerms, type KeywordExample } from "../src/engine/category-terms";

const root = path.join(__dirname, "..");

export function keywordExamples(): KeywordExample[] {
  const examples: KeywordExample[] = loadCorpus("tuning").map((c) => ({ category: c.category, keywords: c.keywords }));
  const values = Papa.parse<string[]>(fs.readFileSync(path.join(root, "samples/consultations-sample.csv"), "utf8")).data;
  const parsed = readCaseTable({ sheetName: "sample", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("sample not recognised");
  for (const row of parsed.table.rows) {
    const category = taxonomyIdOf(row.cells.category ?? "");
    const keywords = parseList(row.cells.keywords ?? "");
    if (category && keywords.length > 0) examples.push({ category, keywords });
  }
  return examples;
}

if (require.main === module) {
  const terms = learnCategoryTerms(keywordExamples());
  const file = path.join(root, "src/engine/category-terms.json");
  // One line per category, so a change in the learnt tags reads as a one-line diff.
  const lines = Object.entries(terms).map(([category, list]) => `  ${JSON.stringify(category)}: ${JSON.stringify(list)}`);
  fs.writeFileSync(file, `{\n${lines.join(",\n")}\n}\n`);
  console.log(`${file}: ${Object.keys(terms).length} categories, ${Object.values(terms).flat().length} terms`);
}
