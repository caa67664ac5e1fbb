/**
 * Category evidence: the taxonomy prior (keyword matching against the case text) and the mapping
 * between sheet spellings and taxonomy ids.
 */
import { TAXONOMY } from "./taxonomy";
import { normalizeText } from "./text";
import type { TaxonomyItem } from "./types";

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

export interface PriorScore {
  item: TaxonomyItem;
  probability: number;
  matchedTerms: string[];
}

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

const ID_PREFIX = /^\s*((?:\d{1,2}|他)\s*[-‐－ー−]\s*\d{1,2})(?![\d])/;

/** The taxonomy id a sheet value refers to ("1-9 ワンクリック…" → "1-9"), by prefix or by title. */
export function taxonomyIdOf(value: string): string | undefined {
  const nfkc = value.normalize("NFKC");
  const m = ID_PREFIX.exec(nfkc);
  if (m) {
    const id = m[1].replace(/\s/g, "").replace(/[‐－ー−]/g, "-");
    if (TAXONOMY.some((item) => item.id === id)) return id;
  }
  const key = normalizeText(value);
  if (key.length < 2) return undefined;
  const byTitle = TAXONOMY.find((item) => {
    const title = normalizeText(item.title);
    return title === key || title.includes(key) || key.includes(title);
  });
  return byTitle?.id;
}

/** Key under which votes for the same category meet: the taxonomy id, else the normalised text. */
export function categoryKey(value: string): string {
  return taxonomyIdOf(value) ?? `text:${normalizeText(value)}`;
}
