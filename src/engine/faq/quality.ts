/**
 * How far to trust each FAQ column's suggestion on this desk's own log: leave-one-out over the rows
 * the editors filled. Each filled row is suggested as if it were new (its own values never count as
 * evidence for itself) and the suggestion is compared with what the editors wrote:
 *
 * - 案件項目 / 相談内容分類: the editors' item first (@1) or among the first three (@3), by guidebook id;
 * - keywords: precision and recall, a keyword matching when it is the same after the glossary's
 *   folding (variants and spellings of one term) or one contains the other;
 * - countermeasure items: precision and recall by guidebook item (2-12 …), else by text;
 * - references: precision and recall by address (scheme, www. and a trailing slash ignored) or name;
 * - the draft answer: how much of the desk's own answer it covers (share of the answer's character
 *   pairs, punctuation and spaces aside, that the draft has too).
 *
 * The work is cut into steps (`QualityRun.step`) so the pane can show progress and stay responsive;
 * the CLI runs the same steps to the end, so both give the same figures for the same file.
 */
import { categoryKey } from "../guidebook";
import { SuggestionEngine } from "../suggest";
import { keywordScore, parseList, type Morphology } from "../text";
import { FAQ_ROLES, type CaseRow, type CaseTable, type FaqRole, type RowSuggestions } from "../types";

export interface RankFigure {
  kind: "rank";
  rows: number;
  at1: number;
  at3: number;
}

export interface ListFigure {
  kind: "list";
  rows: number;
  precision: number;
  recall: number;
}

export interface CoverageFigure {
  kind: "coverage";
  rows: number;
  /** Mean share of the desk's answer that the draft covers, 0–1. */
  coverage: number;
}

export type ColumnFigure = RankFigure | ListFigure | CoverageFigure;

export interface QualityFigures {
  /** Filled rows (any FAQ column) suggested once each. */
  rows: number;
  /** Per FAQ column the sheet has; a column nobody filled yet has `rows: 0`. */
  columns: Partial<Record<FaqRole, ColumnFigure>>;
}

export interface QualityProgress {
  done: number;
  total: number;
}

/** The key two countermeasure items are compared by: the guidebook id ("2-12"), else the text. */
function measureKey(item: string): string {
  const nfkc = item.normalize("NFKC").trim();
  const id = /^(\d+)\s*[-‐－ー−]\s*(\d+)/.exec(nfkc);
  return id ? `${id[1]}-${id[2]}` : nfkc.replace(/\s+/g, "").toLowerCase();
}

/** The key two references are compared by: an address without scheme, www. and trailing slash; else the text. */
function referenceKey(item: string): string {
  const nfkc = item.normalize("NFKC").trim().toLowerCase();
  const url = /(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,}(?:\/[^\s]*)?)/.exec(nfkc);
  if (url) return url[1].replace(/[/#?]+$/, "");
  return nfkc.replace(/\s+/g, "");
}

function listScore(suggested: readonly string[], expected: readonly string[], key: (item: string) => string): { precision: number; recall: number } {
  const want = new Set(expected.map(key));
  const got = new Set(suggested.map(key));
  const hits = [...got].filter((k) => want.has(k)).length;
  return { precision: got.size > 0 ? hits / got.size : 0, recall: want.size > 0 ? hits / want.size : 0 };
}

function pairs(text: string): Map<string, number> {
  const chars = [...text.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "")];
  const found = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    found.set(pair, (found.get(pair) ?? 0) + 1);
  }
  return found;
}

/** Share of `reference`'s character pairs that `draft` has as well (counted with repeats). */
export function answerCoverage(draft: string, reference: string): number {
  const want = pairs(reference);
  const have = pairs(draft);
  let total = 0;
  let covered = 0;
  for (const [pair, count] of want) {
    total += count;
    covered += Math.min(count, have.get(pair) ?? 0);
  }
  return total === 0 ? 0 : covered / total;
}

const filled = (row: CaseRow, role: FaqRole) => (row.cells[role] ?? "").trim() !== "";

interface Sums {
  rows: number;
  a: number;
  b: number;
}

export class QualityRun {
  private readonly engine: SuggestionEngine;
  private readonly queue: CaseRow[];
  private readonly roles: FaqRole[];
  private readonly sums = new Map<FaqRole, Sums>();
  private next = 0;

  constructor(table: CaseTable, options: { morphology?: Morphology } = {}) {
    this.engine = SuggestionEngine.build({ ...table, rows: table.rows.slice() });
    if (options.morphology) this.engine.setMorphology(options.morphology);
    this.roles = FAQ_ROLES.filter((role) => table.columns[role] !== undefined);
    this.queue = table.rows.filter((row) => this.roles.some((role) => filled(row, role)));
    for (const role of this.roles) this.sums.set(role, { rows: 0, a: 0, b: 0 });
  }

  get progress(): QualityProgress {
    return { done: this.next, total: this.queue.length };
  }

  get done(): boolean {
    return this.next >= this.queue.length;
  }

  /** Suggests up to `rows` more filled rows; true when every row is done. */
  step(rows: number): boolean {
    const end = Math.min(this.queue.length, this.next + rows);
    for (; this.next < end; this.next++) {
      const row = this.queue[this.next];
      this.score(row, this.engine.suggest(row.rowNumber));
    }
    return this.done;
  }

  private add(role: FaqRole, a: number, b: number): void {
    const sums = this.sums.get(role) as Sums;
    sums.rows++;
    sums.a += a;
    sums.b += b;
  }

  private score(row: CaseRow, suggestion: RowSuggestions): void {
    for (const role of this.roles) {
      if (!filled(row, role)) continue;
      const expected = row.cells[role] as string;
      switch (role) {
        case "category":
        case "classification": {
          const key = categoryKey(expected);
          const keys = suggestion[role].map((c) => categoryKey(c.value));
          this.add(role, keys[0] === key ? 1 : 0, keys.slice(0, 3).includes(key) ? 1 : 0);
          break;
        }
        case "keywords": {
          const score = keywordScore(suggestion.keywords.values, parseList(expected), "containment");
          this.add(role, score.precision, score.recall);
          break;
        }
        case "countermeasures":
        case "references": {
          const score = listScore(suggestion[role].values, parseList(expected), role === "countermeasures" ? measureKey : referenceKey);
          this.add(role, score.precision, score.recall);
          break;
        }
        case "answer":
          this.add(role, answerCoverage(suggestion.answer.text, expected), 0);
          break;
      }
    }
  }

  result(): QualityFigures {
    const columns: QualityFigures["columns"] = {};
    for (const role of this.roles) {
      const { rows, a, b } = this.sums.get(role) as Sums;
      const mean = (x: number) => (rows > 0 ? x / rows : 0);
      if (role === "category" || role === "classification") columns[role] = { kind: "rank", rows, at1: mean(a), at3: mean(b) };
      else if (role === "answer") columns[role] = { kind: "coverage", rows, coverage: mean(a) };
      else columns[role] = { kind: "list", rows, precision: mean(a), recall: mean(b) };
    }
    return { rows: this.next, columns };
  }
}

/** Runs every step at once (the CLI). */
export function evaluateQuality(table: CaseTable, options: { morphology?: Morphology } = {}): QualityFigures {
  const run = new QualityRun(table, options);
  run.step(Number.MAX_SAFE_INTEGER);
  return run.result();
}

/** Below this many rows a figure says more about chance than about the engine. */
export const MIN_ROWS_FOR_SENTENCE = 10;

const tenths = (x: number) => Math.round(x * 10);

/** "about 7 times in 10", "nearly every time", "every time" (and the Japanese the desk reads). */
function howOften(x: number, lang: "ja" | "en"): string {
  if (x >= 1) return lang === "ja" ? "毎回" : "every time";
  if (tenths(x) >= 10) return lang === "ja" ? "ほぼ毎回" : "nearly every time";
  return lang === "ja" ? `10 回に約 ${tenths(x)} 回` : `about ${tenths(x)} times in 10`;
}

/** One plain sentence per column, for a desk that does not read precision and recall. */
export function qualitySentence(role: FaqRole, figure: ColumnFigure, lang: "ja" | "en"): string {
  const ja = lang === "ja";
  if (figure.rows < MIN_ROWS_FOR_SENTENCE) {
    return ja
      ? `記入済みの行が ${figure.rows} 行だけなので、まだ確かなことは言えません（${MIN_ROWS_FOR_SENTENCE} 行から数えます）。`
      : `Only ${figure.rows} filled row${figure.rows === 1 ? "" : "s"} so far: too few to say (figures start at ${MIN_ROWS_FOR_SENTENCE}).`;
  }
  switch (figure.kind) {
    case "rank": {
      const what = ja ? (role === "category" ? "案件項目" : "相談内容分類") : role === "category" ? "category" : "classification";
      return ja
        ? `このような相談では、最初の${what}の候補が${howOften(figure.at1, "ja")}正しく、上位 3 件までに正解がある割合は${howOften(figure.at3, "ja")}です。`
        : `For cases like these the first ${what} is right ${howOften(figure.at1, "en")}, and one of the first three ${howOften(figure.at3, "en")}.`;
    }
    case "list": {
      const what = ja
        ? { keywords: "キーワード", countermeasures: "対策項目", references: "参考資料" }[role as "keywords" | "countermeasures" | "references"]
        : { keywords: "keywords", countermeasures: "countermeasure items", references: "references" }[role as "keywords" | "countermeasures" | "references"];
      return ja
        ? `提案する${what}の 10 個に約 ${tenths(figure.precision)} 個は担当者が選んだものと同じで、担当者が選んだ${what}の 10 個に約 ${tenths(figure.recall)} 個を提案できています。`
        : `About ${tenths(figure.precision)} in 10 suggested ${what} are ones the desk chose, and the suggestions hold about ${tenths(figure.recall)} in 10 of the desk's own.`;
    }
    case "coverage":
      return ja
        ? `回答案は、担当者自身の標準回答の約 ${Math.round(figure.coverage * 100)}% の内容を含んでいます。`
        : `The draft answer covers about ${Math.round(figure.coverage * 100)}% of the desk's own answer.`;
  }
}
