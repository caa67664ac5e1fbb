/**
 * How far to trust the suggestions on a given sheet: leave-one-out over the filled rows, and a
 * cold-start mode with every FAQ cell blanked (taxonomy only).
 */
import { categoryKey } from "../guidebook";
import { SuggestionEngine } from "../suggest";
import { type Morphology, parseList, sameKeyword as keywordsMatch } from "../text";
import { FAQ_ROLES, type CaseRow, type CaseTable } from "../types";

export type EvaluationMode = "leaveOneOut" | "taxonomyOnly";

export interface EvaluationMiss {
  row: number;
  expected: string;
  suggested: string[];
}

export interface EvaluationResult {
  mode: EvaluationMode;
  /** Rows whose category was checked. */
  rows: number;
  categoryAt1: number;
  categoryAt3: number;
  /** Over rows with filled keywords; a suggested keyword counts when it equals or contains/is contained in a filled one. */
  keywordRows: number;
  keywordPrecision: number;
  keywordRecall: number;
  msPerRow: number;
  misses: EvaluationMiss[];
}

export interface EvaluateOptions {
  mode?: EvaluationMode;
  /** Expected category per sheet row; default: the row's own 案件項目 cell. */
  gold?: ReadonlyMap<number, string>;
  /** Word segmentation for the suggestions (kuromoji when the caller has loaded it). */
  morphology?: Morphology;
}

/** The sheet's own figures keep their first definition: equal or containing, after glossary folding (keyword-quality.ts). */
function sameKeyword(a: string, b: string): boolean {
  return keywordsMatch(a, b, "containment");
}

function blankFaq(row: CaseRow): CaseRow {
  const cells = { ...row.cells };
  for (const role of FAQ_ROLES) if (role in cells) cells[role] = "";
  return { rowNumber: row.rowNumber, cells };
}

export function evaluate(table: CaseTable, options: EvaluateOptions = {}): EvaluationResult {
  const mode = options.mode ?? "leaveOneOut";
  const source: CaseTable = mode === "taxonomyOnly" ? { ...table, rows: table.rows.map(blankFaq) } : table;
  const engine = SuggestionEngine.build({ ...source, rows: source.rows.slice() });
  if (options.morphology) engine.setMorphology(options.morphology);

  let rows = 0;
  let at1 = 0;
  let at3 = 0;
  let keywordRows = 0;
  let precisionSum = 0;
  let recallSum = 0;
  let elapsed = 0;
  let timed = 0;
  const misses: EvaluationMiss[] = [];

  for (const original of table.rows) {
    const expected = options.gold ? options.gold.get(original.rowNumber) : original.cells.category?.trim();
    const expectedKeywords = parseList(original.cells.keywords ?? "");
    const checkCategory = !!expected;
    // Leave-one-out only scores rows the editors filled; cold start scores every row with a label.
    const isFilledRow = !!original.cells.category?.trim() || expectedKeywords.length > 0;
    if (!checkCategory && (mode === "taxonomyOnly" || !isFilledRow)) continue;
    if (mode === "leaveOneOut" && !isFilledRow) continue;

    const started = performance.now();
    const suggestion = engine.suggest(original.rowNumber);
    elapsed += performance.now() - started;
    timed++;

    if (checkCategory && expected) {
      rows++;
      const key = categoryKey(expected);
      const keys = suggestion.category.map((c) => categoryKey(c.value));
      if (keys[0] === key) at1++;
      if (keys.slice(0, 3).includes(key)) at3++;
      if (keys[0] !== key) misses.push({ row: original.rowNumber, expected, suggested: suggestion.category.map((c) => c.value) });
    }
    if (mode === "leaveOneOut" && expectedKeywords.length > 0) {
      keywordRows++;
      const got = suggestion.keywords.values;
      const hits = got.filter((g) => expectedKeywords.some((e) => sameKeyword(g, e))).length;
      const found = expectedKeywords.filter((e) => got.some((g) => sameKeyword(g, e))).length;
      precisionSum += got.length > 0 ? hits / got.length : 0;
      recallSum += found / expectedKeywords.length;
    }
  }

  const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);
  return {
    mode,
    rows,
    categoryAt1: ratio(at1, rows),
    categoryAt3: ratio(at3, rows),
    keywordRows,
    keywordPrecision: ratio(precisionSum, keywordRows),
    keywordRecall: ratio(recallSum, keywordRows),
    msPerRow: ratio(elapsed, timed),
    misses,
  };
}
