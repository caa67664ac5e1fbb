/**
 * npx tsx bench/keywords.ts [--verbose]
 * Keyword quality for tuning (never the held-out part): the sample's leave-one-out against its
 * filled keyword cells, and the outside corpus's tuning part with nothing filled against the keywords
 * its editors wrote; each with tiny-segmenter and with kuromoji, "exact" (after glossary folding) and
 * "containment" matching (src/engine/text/keyword-quality.ts). Also prints kuromoji's load time in Node.
 * The shipped keyword scorer's vocabulary is learnt from the tuning part, so the tuning figures here
 * are optimistic: the honest ones are the cross-validated figures of `npm run train:keywords`.
 */
import { loadCorpus } from "../eval/corpus";
import { sampleTable } from "../eval/search-quality";
import { HEADER_NAMES, parseList, readCaseTable, SuggestionEngine, type CaseTable } from "../src/engine";
import { keywordPrecisionRecall, type KeywordCase } from "../src/engine/text/keyword-quality";
import { tinySegmenterMorphology, type Morphology } from "../src/engine/text/morphology";
import { loadNodeMorphology } from "../src/engine/text/morphology-node";

const verbose = process.argv.includes("--verbose");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One unfilled row per corpus case (件名, 相談内容), plus the editor's keywords to compare with. */
function corpusTable(): { table: CaseTable; expected: Map<number, string[]> } {
  const cases = loadCorpus("tuning");
  // The desk's columns, FAQ ones empty: the category column is what the category tags hang on.
  const header = [HEADER_NAMES.subject, HEADER_NAMES.content, HEADER_NAMES.category, HEADER_NAMES.keywords, HEADER_NAMES.answer];
  const values = [header, ...cases.map((c) => [c.subject, c.content, "", "", ""])];
  const parsed = readCaseTable({ sheetName: "corpus", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("corpus table not recognised");
  const expected = new Map(cases.map((c, i) => [i + 2, c.keywords]));
  return { table: parsed.table, expected };
}

function score(table: CaseTable, expectedOf: (row: number) => string[], morphology: Morphology, label: string): void {
  const engine = SuggestionEngine.build({ ...table, rows: table.rows.slice() });
  engine.setMorphology(morphology);
  const cases: KeywordCase[] = [];
  for (const row of table.rows) {
    const expected = expectedOf(row.rowNumber);
    if (expected.length === 0) continue;
    const suggested = engine.suggest(row.rowNumber).keywords.values;
    cases.push({ suggested, expected });
    if (verbose) console.log(`  ${row.rowNumber}: ${suggested.join("、")}  | ${expected.join("、")}`);
  }
  const exact = keywordPrecisionRecall(cases, "exact");
  const loose = keywordPrecisionRecall(cases, "containment");
  console.log(
    `${label} [${morphology.name}] ${exact.cases} cases: exact P ${pct(exact.precision)} R ${pct(exact.recall)}; containment P ${pct(loose.precision)} R ${pct(loose.recall)}`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const kuromoji = await loadNodeMorphology();
  console.log(`kuromoji dictionary loaded in ${(performance.now() - started).toFixed(0)} ms`);
  const sample = sampleTable();
  const filledKeywords = (row: number) => parseList(sample.rows.find((r) => r.rowNumber === row)?.cells.keywords ?? "");
  const corpus = corpusTable();
  for (const morphology of [tinySegmenterMorphology, kuromoji]) {
    score(sample, filledKeywords, morphology, "sample leave-one-out");
    if (corpus.table.rows.length > 0) score(corpus.table, (row) => corpus.expected.get(row) ?? [], morphology, "corpus tuning, nothing filled");
  }
}

void main();
