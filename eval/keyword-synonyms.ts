/**
 * Keyword agreement with synonyms allowed (issue 13, item 5): a suggested keyword agrees with an editor's
 * when both are the same term after NFKC and glossary folding (the exact rule of keyword-quality.ts), or
 * when they belong to one synonym group (src/engine/text/synonyms.ts: the glossary's spelling groups and
 * the words that mean the same thing, カード = クレジットカード, 乗っ取り = 不正ログイン). Broad/narrow pairs
 * (SNS / Instagram) do not agree. Figures are averaged per case, like the exact ones.
 *
 * Measured as the quality report measures keywords: each part's cases alone in a sheet, nothing filled.
 */
import type * as EngineApi from "../src/engine";
import type { CaseTable } from "../src/engine";
import { sameMeaning } from "../src/engine/text/synonyms";
import type { CorpusCase } from "./corpus";

type Engine = typeof EngineApi;

/** Same keyword, or one synonym group (the engine's own rule, src/engine/text/synonyms.ts). */
export const agreesWithSynonyms = sameMeaning;

export interface SynonymKeywordFigures {
  cases: number;
  precision: number;
  recall: number;
  /** Mean number of keywords offered, and the most offered for one case. */
  meanCount: number;
  maxCount: number;
}

export function synonymAgreement(pairs: readonly { suggested: readonly string[]; expected: readonly string[] }[]): SynonymKeywordFigures {
  const scored = pairs.filter((p) => p.expected.length > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    cases: scored.length,
    precision: mean(scored.map((p) => (p.suggested.length ? p.suggested.filter((s) => p.expected.some((e) => agreesWithSynonyms(s, e))).length / p.suggested.length : 0))),
    recall: mean(scored.map((p) => p.expected.filter((e) => p.suggested.some((s) => agreesWithSynonyms(s, e))).length / p.expected.length)),
    meanCount: mean(scored.map((p) => p.suggested.length)),
    maxCount: Math.max(0, ...scored.map((p) => p.suggested.length)),
  };
}

/** The cases alone in a sheet, nothing filled (as eval/measure.ts measures keywords). */
function casesAlone(cases: readonly CorpusCase[]): CaseTable {
  const rows = cases.map((c, i) => ({ rowNumber: i + 2, cells: { caseNumber: c.id, subject: c.subject, content: c.content, category: "", classification: "", keywords: "" } }));
  return { sheetName: "corpus", headerRow: 1, columns: { caseNumber: 1, subject: 2, content: 3, category: 4, classification: 5, keywords: 6 }, headerText: {}, rows, lastRow: rows.length + 1 };
}

export function keywordSynonymFigures(engine: Engine, cases: readonly CorpusCase[]): SynonymKeywordFigures {
  const table = casesAlone(cases);
  const built = engine.SuggestionEngine.build({ ...table, rows: table.rows.slice() });
  return synonymAgreement(cases.map((c, i) => ({ expected: c.keywords, suggested: built.suggest(table.rows[i].rowNumber).keywords.values })));
}
