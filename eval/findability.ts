/**
 * Findability of the published FAQ (issue 13): can a layperson find their own case on a page published
 * from a desk's cases with every suggestion accepted?
 *
 * Protocol (docs/quality.md, "Findability"):
 * - The desk's first day: the bundled sample workbook with only its category columns filled (no keywords,
 *   answers, countermeasures or references yet), and the part's corpus cases appended as new rows.
 * - Every corpus row gets the engine's suggestions, accepted as they are: the first category, the keywords,
 *   countermeasures, references and draft answer written into its cells.
 * - A page is published from the corpus rows alone (`exportFaqPage`, the CLI's and the pane's export).
 * - The page itself is opened in jsdom with its own script running, and each label's two `searches` are
 *   typed into its search box; a search counts as found when its own case (受理番号 = corpus id) is in
 *   one of the first 10 entries on screen. Nothing in the ranking is re-implemented here.
 *
 * `npx tsx eval/findability.ts` runs the tuning part and prints the missed searches (tuning only). The
 * held-out part is for the quality report: it calls `findability(…, "heldout")` and prints aggregates only.
 */
import { JSDOM, VirtualConsole } from "jsdom";
import type * as EngineApi from "../src/engine";
import type { CaseRow, CaseTable, RowSuggestions } from "../src/engine";
import { loadCorpus, type CorpusCase, type CorpusPart } from "./corpus";
import { loadLabels, type CaseLabels } from "./labels";
import { loadSampleTable } from "./measure";

type Engine = typeof EngineApi;

/** Entries on screen a reader looks through. */
const FIRST_ENTRIES = 10;

export interface FindabilityMiss {
  id: string;
  query: string;
  /** Position of the case among the entries shown (1-based), or 0 when not shown at all. */
  position: number;
  /** The first entries' questions. */
  shown: string[];
}

export interface FindabilityFigures {
  cases: number;
  /** Searches typed (2 per labelled case). */
  searches: number;
  /** Searches showing their own case among the first `k` entries. */
  found: number;
  rate: number;
  k: number;
  /** Entries on the page, and categories they fall under. */
  entries: number;
  categories: number;
  /** Entries holding more than one case (merged as the same advice). */
  mergedEntries: number;
  /** Mean position of the own case when shown at all. */
  meanPosition: number;
  /** Bytes of the page, and of its search script and data. */
  pageBytes: number;
  misses: FindabilityMiss[];
}

function corpusRow(c: CorpusCase, rowNumber: number): CaseRow {
  return { rowNumber, cells: { caseNumber: c.id, subject: c.subject, content: c.content, category: "", classification: "", keywords: "", countermeasures: "", answer: "", references: "" } };
}

/** The sample with only its categories filled, and the cases appended unfilled. */
function firstDayTable(sample: CaseTable, cases: readonly CorpusCase[]): { table: CaseTable; firstCase: number } {
  const firstCase = sample.lastRow + 2;
  const rows: CaseRow[] = [
    ...sample.rows.map((r) => ({ rowNumber: r.rowNumber, cells: { ...r.cells, keywords: "", countermeasures: "", answer: "", references: "" } })),
    ...cases.map((c, i) => corpusRow(c, firstCase + i)),
  ];
  const columns = { ...sample.columns };
  return { table: { ...sample, columns, rows, lastRow: firstCase + cases.length }, firstCase };
}

/** A row with every suggestion accepted as it is. */
function accepted(row: CaseRow, s: RowSuggestions, engine: Engine): CaseRow {
  const list = (l: { values: string[]; separator: string }) => engine.formatList(l.values, l.separator);
  return {
    rowNumber: row.rowNumber,
    cells: {
      ...row.cells,
      category: s.category[0]?.value ?? "",
      classification: s.classification[0]?.value ?? "",
      keywords: list(s.keywords),
      countermeasures: list(s.countermeasures),
      references: list(s.references),
      answer: s.answer.text,
    },
  };
}

/** The corpus rows of a part with every suggestion accepted, on the desk's first day. */
function acceptedCaseTable(engine: Engine, cases: readonly CorpusCase[]): CaseTable {
  const { table, firstCase } = firstDayTable(loadSampleTable(engine), cases);
  const built = engine.SuggestionEngine.build({ ...table, rows: table.rows.slice() });
  const rows = table.rows.filter((r) => r.rowNumber >= firstCase).map((r) => accepted(r, built.suggest(r.rowNumber), engine));
  return { ...table, rows };
}

/** Types each query into the page's search box (its own script running) and returns the entries shown, in order. */
function searchPage(html: string, queries: readonly string[]): string[][] {
  // An error in the page's script would leave every entry on screen: fail loudly instead.
  const virtualConsole = new VirtualConsole();
  const errors: Error[] = [];
  virtualConsole.on("jsdomError", (error) => errors.push(error));
  const dom = new JSDOM(html, { runScripts: "dangerously", virtualConsole });
  if (errors.length > 0) throw new Error(`the page's script failed: ${errors[0].message}`);
  try {
    const doc = dom.window.document;
    const input = doc.getElementById("faq-search") as HTMLInputElement | null;
    if (!input) throw new Error("the page has no search box");
    return queries.map((query) => {
      input.value = query;
      input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
      return Array.from(doc.querySelectorAll<HTMLElement>("[data-faq-entry]"))
        .filter((e) => !e.hidden && !e.closest("[hidden]"))
        .map((e) => e.id);
    });
  } finally {
    dom.window.close();
  }
}

export interface FindabilityOptions {
  k?: number;
  /** Passed to the export: above 1, no two cases share an entry (a page with one entry per case). */
  mergeSimilarity?: number;
}

export function findability(engine: Engine, cases: readonly CorpusCase[], labels: ReadonlyMap<string, CaseLabels>, options: FindabilityOptions = {}): FindabilityFigures {
  const k = options.k ?? FIRST_ENTRIES;
  const labelled = cases.filter((c) => labels.has(c.id));
  const table = acceptedCaseTable(engine, labelled);
  const { html, model } = engine.exportFaqPage(table, { lang: "ja", mergeSimilarity: options.mergeSimilarity });
  const entries = model.groups.flatMap((g) => g.entries);
  const casesOf = new Map(entries.map((e) => [e.id, e.caseNumbers]));
  const questionOf = new Map(entries.map((e) => [e.id, e.question]));
  const searches = labelled.flatMap((c) => (labels.get(c.id)?.searches ?? []).map((query) => ({ id: c.id, query })));
  const shown = searchPage(
    html,
    searches.map((s) => s.query),
  );
  let found = 0;
  let positions = 0;
  let shownAtAll = 0;
  const misses: FindabilityMiss[] = [];
  searches.forEach((s, i) => {
    const position = shown[i].findIndex((id) => (casesOf.get(id) ?? []).includes(s.id)) + 1;
    if (position > 0) {
      shownAtAll++;
      positions += position;
    }
    if (position > 0 && position <= k) found++;
    else misses.push({ id: s.id, query: s.query, position, shown: shown[i].slice(0, 3).map((id) => questionOf.get(id) ?? id) });
  });
  return {
    cases: labelled.length,
    searches: searches.length,
    found,
    rate: searches.length ? found / searches.length : 0,
    k,
    entries: entries.length,
    categories: model.groups.length,
    mergedEntries: entries.filter((e) => e.caseNumbers.length > 1).length,
    meanPosition: shownAtAll ? positions / shownAtAll : 0,
    pageBytes: Buffer.byteLength(html, "utf8"),
    misses,
  };
}

/** The figures of one part, or undefined when it has no labels yet. */
export function partFindability(engine: Engine, part: CorpusPart, options: FindabilityOptions = {}): FindabilityFigures | undefined {
  const labels = loadLabels(part);
  if (labels.size === 0) return undefined;
  return findability(engine, loadCorpus(part), labels, options);
}

if (require.main === module) {
  void (async () => {
    const engine = (await import("../src/engine")) as Engine;
    const f = partFindability(engine, "tuning");
    if (!f) {
      console.log("no tuning labels yet (eval/labels/tuning)");
      return;
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`tuning: ${f.found}/${f.searches} searches show their case among the first ${f.k} (${pct(f.rate)}); mean position ${f.meanPosition.toFixed(1)}`);
    console.log(`${f.entries} entries for ${f.cases} cases in ${f.categories} categories (${f.mergedEntries} merged); page ${(f.pageBytes / 1024).toFixed(0)} KB`);
    const apart = partFindability(engine, "tuning", { mergeSimilarity: 2 });
    if (apart) console.log(`one entry per case (nothing merged): ${apart.found}/${apart.searches} (${pct(apart.rate)}); mean position ${apart.meanPosition.toFixed(1)}; page ${(apart.pageBytes / 1024).toFixed(0)} KB`);
    for (const m of f.misses) console.log(`  ${m.id} 「${m.query}」 → ${m.position || "not shown"} | ${m.shown.join(" / ")}`);
  })();
}
