/**
 * Search quality: do outside consultations, used as search queries, find a case of their own category
 * among the first results? (issue 9: ≥ 90% at 5 over the queries whose category the pool holds.)
 *
 * Protocol (docs/faq.md):
 * - Pool: the sample workbook's filled rows (all their cells) plus the corpus cases of one part, each
 *   as a filled row (件名, 相談内容, its keywords and its category label; no answer, the corpus has none).
 * - Queries: every corpus case of that part, its 件名 and 相談内容 as one pasted text.
 * - For each query the pool is indexed anew without the query itself and without the cases written
 *   from the same source page (they would be near-copies), so neither the search nor the category the
 *   engine reads into the query can see them; a hit is a result among the first k whose
 *   category is the query's label or an accepted second (`alsoAccepted`).
 * - Only queries whose category the pool (so reduced) holds are counted; the others are reported.
 *
 * `npx tsx eval/search-quality.ts` runs it on the tuning part (and on the sample alone). The held-out
 * part is for the quality report only: it calls `corpusSearchQuality("heldout", …)` itself.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Papa from "papaparse";
import { SuggestionEngine, formatList, readCaseTable, taxonomyIdOf, taxonomyItem, type CaseRow, type CaseTable } from "../src/engine";
import { canonicalSourceUrl, loadCorpus, type CorpusCase, type CorpusPart } from "./corpus";

export interface SearchQuery {
  id: string;
  text: string;
  /** Category ids that count as a hit. */
  accepted: string[];
  /** Pool rows that must not be found for this query (itself, same-source cases). */
  excludeRows: number[];
}

export interface SearchQualityMiss {
  id: string;
  expected: string[];
  got: string[];
}

export interface SearchQualityResult {
  k: number;
  /** Queries run. */
  queries: number;
  /** Queries whose category the pool holds: the denominator. */
  counted: number;
  hits: number;
  /** hits / counted. */
  rate: number;
  /** Queries left out because the pool holds no case of their category. */
  notInPool: string[];
  misses: SearchQualityMiss[];
  /** Search time per query, for the record. */
  msPerQuery: number;
}

/**
 * Runs the queries against a table whose rows all carry a category (the pool). For each query the
 * engine is built without the rows it must not see, so neither the search nor the category it reads
 * into the query can lean on the query itself or its same-source siblings.
 */
export function searchQuality(pool: CaseTable, queries: readonly SearchQuery[], k = 5): SearchQualityResult {
  let shared: SuggestionEngine | undefined;
  const engineWithout = (excluded: ReadonlySet<number>): SuggestionEngine => {
    if (excluded.size === 0) return (shared ??= SuggestionEngine.build({ ...pool, rows: pool.rows.slice() }));
    return SuggestionEngine.build({ ...pool, rows: pool.rows.filter((r) => !excluded.has(r.rowNumber)) });
  };
  const categoryOf = new Map(pool.rows.map((r) => [r.rowNumber, taxonomyIdOf(r.cells.category ?? "") ?? (r.cells.category ?? "").trim()]));
  let counted = 0;
  let hits = 0;
  let elapsed = 0;
  const notInPool: string[] = [];
  const misses: SearchQualityMiss[] = [];
  for (const query of queries) {
    const excluded = new Set(query.excludeRows);
    const held = new Set([...categoryOf].filter(([row]) => !excluded.has(row)).map(([, id]) => id));
    if (!query.accepted.some((id) => held.has(id))) {
      notInPool.push(query.id);
      continue;
    }
    counted++;
    const engine = engineWithout(excluded);
    engine.search(""); // builds the search index, so the timing below is one search
    const started = performance.now();
    const results = engine.search(query.text, { limit: k, minSimilarity: 0 });
    elapsed += performance.now() - started;
    if (results.some((r) => excluded.has(r.rowNumber))) throw new Error(`query ${query.id} saw an excluded row`);
    const got = results.map((r) => categoryOf.get(r.rowNumber) ?? "");
    if (got.some((id) => query.accepted.includes(id))) hits++;
    else misses.push({ id: query.id, expected: query.accepted, got });
  }
  return {
    k,
    queries: queries.length,
    counted,
    hits,
    rate: counted > 0 ? hits / counted : 0,
    notInPool,
    misses,
    msPerQuery: counted > 0 ? elapsed / counted : 0,
  };
}

const ROOT = path.join(__dirname, "..");

/** The bundled sample workbook as a case table. */
export function sampleTable(): CaseTable {
  const values = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "samples/consultations-sample.csv"), "utf8")).data;
  const parsed = readCaseTable({ sheetName: "sample", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("the sample workbook is not recognised");
  return parsed.table;
}

function corpusRow(c: CorpusCase, rowNumber: number): CaseRow {
  return {
    rowNumber,
    cells: {
      caseNumber: c.id,
      subject: c.subject,
      content: c.content,
      keywords: formatList(c.keywords, "、"),
      category: taxonomyItem(c.category)?.label ?? c.category,
    },
  };
}

/**
 * The corpus protocol above, for one part. `sample` defaults to the bundled sample workbook; its
 * filled rows join the pool.
 */
export function corpusSearchQuality(part: CorpusPart, sample: CaseTable = sampleTable(), cases: CorpusCase[] = loadCorpus(part), k = 5): SearchQualityResult {
  const filled = sample.rows.filter((r) => (r.cells.category ?? "").trim() !== "");
  const firstCorpusRow = (sample.lastRow ?? 0) + 10;
  const corpusRows = cases.map((c, i) => corpusRow(c, firstCorpusRow + i));
  const pool: CaseTable = { ...sample, rows: [...filled, ...corpusRows] };
  const source = cases.map((c) => canonicalSourceUrl(c.source.url));
  const queries: SearchQuery[] = cases.map((c, i) => ({
    id: c.id,
    text: `${c.subject}\n${c.content}`,
    accepted: [c.category, ...(c.alsoAccepted ?? [])],
    excludeRows: corpusRows.filter((_, j) => j === i || source[j] === source[i]).map((r) => r.rowNumber),
  }));
  return searchQuality(pool, queries, k);
}

/**
 * Development measure on the sample alone: its unfilled rows (with the editors' labels from
 * test/fixtures/sample-gold.json) as queries against its filled rows.
 */
export function sampleSearchQuality(sample: CaseTable = sampleTable(), k = 5): SearchQualityResult {
  const gold = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/sample-gold.json"), "utf8")) as Record<string, string>;
  const filled = sample.rows.filter((r) => (r.cells.category ?? "").trim() !== "");
  const queries: SearchQuery[] = sample.rows
    .filter((r) => !(r.cells.category ?? "").trim() && gold[String(r.rowNumber)])
    .map((r) => ({
      id: `row ${r.rowNumber}`,
      text: [r.cells.subject, r.cells.content].filter(Boolean).join("\n"),
      accepted: [taxonomyIdOf(gold[String(r.rowNumber)]) ?? gold[String(r.rowNumber)]],
      excludeRows: [],
    }));
  return searchQuality({ ...sample, rows: filled }, queries, k);
}

function print(label: string, r: SearchQualityResult, verbose: boolean): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${label}: a case of the query's category in the first ${r.k}: ${r.hits}/${r.counted} (${pct(r.rate)}); ${r.notInPool.length} queries' category not in the pool; ${r.msPerQuery.toFixed(1)} ms/query`);
  if (verbose) for (const m of r.misses) console.log(`  miss ${m.id}: ${m.expected.join("|")} → ${m.got.join(", ")}`);
}

if (require.main === module) {
  const verbose = process.argv.includes("--verbose");
  print("sample (unfilled rows → filled rows)", sampleSearchQuality(), verbose);
  const tuning = loadCorpus("tuning");
  if (tuning.length > 0) print(`corpus tuning part (${tuning.length} cases)`, corpusSearchQuality("tuning", sampleTable(), tuning), verbose);
  else console.log("corpus tuning part: no cases yet");
}
