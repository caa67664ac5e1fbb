/**
 * The substring keyword prior that the learned category model replaced in suggestions (issue 7).
 * Search keeps it for one job: a rough, very cheap reading of what each candidate row is about while
 * it spreads its results over categories (tens of rows per query, where tokenizing each row for the
 * model would cost more than the search itself). Suggestions, the backlog and the query's own category
 * use the model (`modelPrior` in category.ts).
 */
import { type PriorScore, TAXONOMY } from "../guidebook";
import { normalizeText } from "../text";
import type { TaxonomyItem } from "../types";

interface PreparedKeyword {
  text: string;
  key: string;
  weight: number;
}

const PREPARED: { item: TaxonomyItem; keywords: PreparedKeyword[] }[] = (() => {
  const owners = new Map<string, number>();
  for (const item of TAXONOMY) {
    for (const kw of new Set(item.keywords.map(normalizeText))) owners.set(kw, (owners.get(kw) ?? 0) + 1);
  }
  return TAXONOMY.map((item) => ({
    item,
    keywords: [...new Set(item.keywords)].map((text) => {
      const key = normalizeText(text);
      // Longer phrases are more telling; a phrase shared by several items tells less.
      const weight = Math.min(key.length, 8) / 3 / (owners.get(key) ?? 1);
      return { text, key, weight };
    }),
  }));
})();

/**
 * Scores every taxonomy item against the case text. Parts are weighted: the subject summarises the
 * case, the desk's response often names the threat outright.
 */
export function taxonomyPrior(parts: { text: string; weight: number }[]): { scores: PriorScore[]; evidence: number } {
  const normalized = parts.map((p) => ({ text: normalizeText(p.text), weight: p.weight }));
  const raw = PREPARED.map(({ item, keywords }) => {
    let score = 0;
    const matched: string[] = [];
    for (const kw of keywords) {
      let best = 0;
      for (const part of normalized) if (part.text.includes(kw.key)) best = Math.max(best, part.weight);
      if (best > 0) {
        // Drop a keyword already covered by a longer matched keyword of the same item.
        if (matched.some((m) => normalizeText(m).includes(kw.key))) continue;
        score += kw.weight * best;
        matched.push(kw.text);
      }
    }
    return { item, score, matched };
  });
  const evidence = raw.reduce((sum, r) => sum + r.score, 0);
  // Sharpen so that a clear winner stands out, with a floor so nothing is impossible.
  const sharpened = raw.map((r) => Math.pow(r.score, 1.5) + 0.05);
  const total = sharpened.reduce((a, b) => a + b, 0);
  const scores = raw
    .map((r, i) => ({ item: r.item, probability: sharpened[i] / total, matchedTerms: r.matched }))
    .sort((a, b) => b.probability - a.probability);
  return { scores, evidence };
}
