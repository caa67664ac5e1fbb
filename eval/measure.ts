/**
 * The measurements behind `npm run eval`, against any checkout's engine (so the same code measures
 * the engine before this change, for eval/baseline.json). Only the public engine API is used.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Papa from "papaparse";
import type * as EngineApi from "../src/engine";
import type { CaseRow, CaseTable } from "../src/engine";
import { keywordPrecisionRecall } from "../src/engine/text/keyword-quality";
import type { CorpusCase } from "./corpus";

export type Engine = typeof EngineApi;

const ROOT = path.join(__dirname, "..");

export interface Bin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface CategoryFigures {
  cases: number;
  at1: number;
  at3: number;
  /** Per category (by label): precision and recall of the first suggestion. */
  perCategory: Record<string, { support: number; predicted: number; precision: number; recall: number }>;
  /** Label → first suggestion, for misses, most frequent first. */
  confusions: { expected: string; suggested: string; count: number }[];
  reliability: Bin[];
  /** Expected calibration error of the first suggestion's confidence. */
  ece: number;
  meanConfidence: number;
}

export interface KeywordFigures {
  cases: number;
  /**
   * The shared keyword-quality rule (src/engine/text/keyword-quality.ts): a suggested keyword matches an
   * editor's when both are the same term after NFKC, lower case and glossary folding.
   */
  precision: number;
  recall: number;
  /** The looser rule: one contains the other after the same folding. */
  containmentPrecision: number;
  containmentRecall: number;
}

export interface PartFigures {
  cases: number;
  nothingFilled: CategoryFigures;
  withSamplePool: CategoryFigures;
  keywords: KeywordFigures;
}

export interface SampleFigures {
  leaveOneOut: { rows: number; at1: number; at3: number; keywordPrecision: number; keywordRecall: number };
  nothingFilled: { rows: number; at1: number; at3: number };
  seedRows: { rows: number; at1: number; at3: number };
  unfilledWithFilledPresent: { rows: number; at1: number };
}

export const RELIABILITY_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];

export function loadSampleTable(engine: Engine): CaseTable {
  const values = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "samples/consultations-sample.csv"), "utf8")).data;
  const parsed = engine.readCaseTable({ sheetName: "sample", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("the sample workbook's header was not recognised");
  return parsed.table;
}

export function loadSampleGold(): Map<number, string> {
  const gold = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/sample-gold.json"), "utf8")) as Record<string, string>;
  return new Map(Object.entries(gold).map(([row, label]) => [Number(row), label]));
}

function corpusRow(c: CorpusCase, rowNumber: number): CaseRow {
  return { rowNumber, cells: { caseNumber: c.id, subject: c.subject, content: c.content, category: "", classification: "", keywords: "" } };
}

/** A sheet holding only the corpus cases, nothing filled. */
function corpusOnlyTable(cases: readonly CorpusCase[]): CaseTable {
  const rows = cases.map((c, i) => corpusRow(c, i + 2));
  return {
    sheetName: "corpus",
    headerRow: 1,
    columns: { caseNumber: 1, subject: 2, content: 3, category: 4, classification: 5, keywords: 6 },
    headerText: {},
    rows,
    lastRow: rows.length + 1,
  };
}

/** The sample sheet with the corpus cases appended as unfilled rows: its filled rows are the pool. */
function withSamplePool(sample: CaseTable, cases: readonly CorpusCase[]): CaseTable {
  const first = sample.lastRow + 2;
  const rows = [...sample.rows.map((r) => ({ rowNumber: r.rowNumber, cells: { ...r.cells } })), ...cases.map((c, i) => corpusRow(c, first + i))];
  return { ...sample, rows, lastRow: first + cases.length };
}

function categoryFigures(
  engine: Engine,
  labelled: { label: string; accepted: string[]; suggested: { value: string; confidence: number }[] }[],
): CategoryFigures {
  const idOf = (value: string) => engine.taxonomyIdOf(value) ?? value;
  let at1 = 0;
  let at3 = 0;
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const truePos = new Map<string, number>();
  const confusions = new Map<string, number>();
  const points: { confidence: number; hit: boolean }[] = [];
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { label, accepted, suggested } of labelled) {
    const ids = suggested.map((s) => idOf(s.value));
    const ok = (id: string | undefined) => id !== undefined && (id === label || accepted.includes(id));
    const hit1 = ok(ids[0]);
    if (hit1) at1++;
    if (ids.slice(0, 3).some(ok)) at3++;
    inc(support, label);
    if (ids[0]) inc(predicted, ids[0]);
    // Precision/recall by label: a first suggestion that is an accepted second counts as right.
    if (hit1) inc(truePos, label);
    if (!hit1) inc(confusions, `${label}\u0000${ids[0] ?? "(none)"}`);
    points.push({ confidence: suggested[0]?.confidence ?? 0, hit: hit1 });
  }
  const perCategory: CategoryFigures["perCategory"] = {};
  const order = (id: string) => {
    const m = /^(1|他)-(\d+)$/.exec(id);
    return m ? (m[1] === "1" ? 0 : 100) + Number(m[2]) : 1000;
  };
  const ids = [...new Set([...support.keys(), ...predicted.keys()])].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  for (const id of ids) {
    const s = support.get(id) ?? 0;
    const p = predicted.get(id) ?? 0;
    const tp = truePos.get(id) ?? 0;
    // A first suggestion counted right for another label (an accepted second) is not a false positive of this one.
    const correctAsPredicted = labelled.filter((l) => idOf(l.suggested[0]?.value ?? "") === id && (l.label === id || l.accepted.includes(id))).length;
    perCategory[id] = { support: s, predicted: p, precision: p ? correctAsPredicted / p : 0, recall: s ? tp / s : 0 };
  }
  const reliability: Bin[] = [];
  let ece = 0;
  for (let b = 0; b + 1 < RELIABILITY_EDGES.length; b++) {
    const from = RELIABILITY_EDGES[b];
    const to = RELIABILITY_EDGES[b + 1];
    const inBin = points.filter((p) => p.confidence >= from && p.confidence < to);
    const meanConfidence = inBin.reduce((s, p) => s + p.confidence, 0) / (inBin.length || 1);
    const accuracy = inBin.filter((p) => p.hit).length / (inBin.length || 1);
    reliability.push({ from, to: Math.min(1, to), count: inBin.length, meanConfidence, accuracy });
    ece += (inBin.length / (points.length || 1)) * Math.abs(meanConfidence - accuracy);
  }
  const n = labelled.length || 1;
  return {
    cases: labelled.length,
    at1: at1 / n,
    at3: at3 / n,
    perCategory,
    confusions: [...confusions.entries()]
      .map(([key, count]) => {
        const [expected, suggested] = key.split("\u0000");
        return { expected, suggested, count };
      })
      .sort((a, b) => b.count - a.count || (a.expected + a.suggested < b.expected + b.suggested ? -1 : 1)),
    reliability,
    ece,
    meanConfidence: points.reduce((s, p) => s + p.confidence, 0) / n,
  };
}

function keywordFigures(pairs: { expected: string[]; got: string[] }[]): KeywordFigures {
  const cases = pairs.map((p) => ({ suggested: p.got, expected: p.expected }));
  const exact = keywordPrecisionRecall(cases, "exact");
  const containment = keywordPrecisionRecall(cases, "containment");
  return { cases: exact.cases, precision: exact.precision, recall: exact.recall, containmentPrecision: containment.precision, containmentRecall: containment.recall };
}

export interface MeasureOptions {
  /** Called with each built engine before suggesting (e.g. to switch its tokenizer). */
  prepare?: (engine: EngineApi.SuggestionEngine) => void;
}

export function measurePart(engine: Engine, cases: readonly CorpusCase[], options: MeasureOptions = {}): PartFigures {
  const alone = corpusOnlyTable(cases);
  const cold = engine.SuggestionEngine.build(alone);
  options.prepare?.(cold);
  const coldRows = alone.rows.map((row) => cold.suggest(row.rowNumber));

  const pooled = withSamplePool(loadSampleTable(engine), cases);
  const warm = engine.SuggestionEngine.build(pooled);
  options.prepare?.(warm);
  const firstCorpusRow = pooled.rows.length - cases.length;
  const warmRows = pooled.rows.slice(firstCorpusRow).map((row) => warm.suggest(row.rowNumber));

  const labelled = (suggestions: typeof coldRows) =>
    cases.map((c, i) => ({ label: c.category, accepted: c.alsoAccepted ?? [], suggested: suggestions[i].category }));
  return {
    cases: cases.length,
    nothingFilled: categoryFigures(engine, labelled(coldRows)),
    withSamplePool: categoryFigures(engine, labelled(warmRows)),
    keywords: keywordFigures(cases.map((c, i) => ({ expected: c.keywords, got: coldRows[i].keywords.values }))),
  };
}

export function measureSample(engine: Engine, options: MeasureOptions = {}): SampleFigures {
  const table = loadSampleTable(engine);
  const gold = loadSampleGold();
  const loo = engine.evaluate(table);
  const cold = engine.evaluate(table, { mode: "taxonomyOnly", gold });
  const seed = engine.evaluate(table, { mode: "taxonomyOnly", gold: new Map([...gold].filter(([row]) => row <= 19)) });
  const built = engine.SuggestionEngine.build({ ...table, rows: table.rows.slice() });
  options.prepare?.(built);
  let right = 0;
  let total = 0;
  for (const row of table.rows) {
    if (row.cells.category?.trim()) continue;
    const expected = gold.get(row.rowNumber);
    if (!expected) continue;
    total++;
    const top = built.suggest(row.rowNumber).category[0]?.value ?? "";
    if (engine.taxonomyIdOf(top) === engine.taxonomyIdOf(expected)) right++;
  }
  return {
    leaveOneOut: { rows: loo.rows, at1: loo.categoryAt1, at3: loo.categoryAt3, keywordPrecision: loo.keywordPrecision, keywordRecall: loo.keywordRecall },
    nothingFilled: { rows: cold.rows, at1: cold.categoryAt1, at3: cold.categoryAt3 },
    seedRows: { rows: seed.rows, at1: seed.categoryAt1, at3: seed.categoryAt3 },
    unfilledWithFilledPresent: { rows: total, at1: total ? right / total : 0 },
  };
}
