/**
 * Keyword precision and recall against keywords an editor wrote, shared by the sample's
 * leave-one-out (`evaluate`), the tuning benchmark (bench/keywords.ts) and the quality report.
 *
 * A suggested keyword matches an editor's keyword when both are the same term after NFKC, lower
 * case and glossary folding ("exact": ＳＭＳ = SMS, ネットバンキング = インターネットバンキング,
 * ウィルス = ウイルス). "containment" also accepts one containing the other (ウイルス対策ソフト ~
 * ウイルス), the looser rule the sample's first figures used. Figures are averaged per case.
 */
import { foldSpelling } from "./glossary";
import { normalizeText } from "./text";

export type KeywordMatch = "exact" | "containment";

/** The form two keywords are compared in. */
export function keywordKey(keyword: string): string {
  return normalizeText(foldSpelling(keyword)).replace(/\s+/g, "");
}

export function sameKeyword(a: string, b: string, match: KeywordMatch = "exact"): boolean {
  const x = keywordKey(a);
  const y = keywordKey(b);
  if (x === y) return true;
  return match === "containment" && x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
}

export interface KeywordScore {
  precision: number;
  recall: number;
}

/** One case: share of suggested keywords that match an editor's, and of editor's keywords suggested. */
export function keywordScore(suggested: readonly string[], expected: readonly string[], match: KeywordMatch = "exact"): KeywordScore {
  const hits = suggested.filter((s) => expected.some((e) => sameKeyword(s, e, match))).length;
  const found = expected.filter((e) => suggested.some((s) => sameKeyword(s, e, match))).length;
  return {
    precision: suggested.length > 0 ? hits / suggested.length : 0,
    recall: expected.length > 0 ? found / expected.length : 0,
  };
}

export interface KeywordCase {
  suggested: readonly string[];
  expected: readonly string[];
}

/** Mean precision and recall over the cases that have editor keywords. */
export function keywordPrecisionRecall(cases: readonly KeywordCase[], match: KeywordMatch = "exact"): KeywordScore & { cases: number } {
  const scored = cases.filter((c) => c.expected.length > 0).map((c) => keywordScore(c.suggested, c.expected, match));
  const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return { precision: mean(scored.map((s) => s.precision)), recall: mean(scored.map((s) => s.recall)), cases: scored.length };
}
