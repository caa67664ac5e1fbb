/**
 * The search tags editors give a kind of case whatever the client's words: a case filed under 1-7 is
 * tagged インターネットバンキング and 不正送金 even when the client writes "the bank's site" and "money
 * was moved". Learnt (`learnCategoryTerms`) from editor-written keyword sets — the outside corpus's
 * tuning part and the bundled sample's filled rows, never the held-out part — by
 * `npx tsx scripts/learn-category-terms.ts`, which writes category-terms.json.
 */
import { keywordKey } from "./keyword-quality";
import learned from "./category-terms.json";
import { foldSpelling } from "./glossary";

export interface CategoryTerm {
  /** As the glossary spells it. */
  term: string;
  /** Share of the category's example cases whose editors used the term. */
  share: number;
}

/** Category id ("1-7", "他-2") → its usual tags, most used first. */
export type CategoryTerms = Record<string, CategoryTerm[]>;

export interface KeywordExample {
  category: string;
  keywords: readonly string[];
}

/** A term is a category's convention when at least this many of its cases, and this share of them, use it. */
const MIN_CASES = 2;
const MIN_SHARE = 0.25;
/** Longer tags are names of programmes or phrases (サイバーセキュリティ対策促進助成金), not search words. */
const MAX_LENGTH = 12;

export function learnCategoryTerms(examples: readonly KeywordExample[]): CategoryTerms {
  const byCategory = new Map<string, { cases: number; counts: Map<string, { term: string; count: number }> }>();
  for (const example of examples) {
    const entry = byCategory.get(example.category) ?? { cases: 0, counts: new Map() };
    entry.cases++;
    const seen = new Set<string>();
    for (const keyword of example.keywords) {
      const key = keywordKey(keyword);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const count = entry.counts.get(key) ?? { term: foldSpelling(keyword.trim()), count: 0 };
      count.count++;
      entry.counts.set(key, count);
    }
    byCategory.set(example.category, entry);
  }
  const out: CategoryTerms = {};
  for (const [category, { cases, counts }] of [...byCategory].sort((a, b) => a[0].localeCompare(b[0]))) {
    const terms = [...counts.values()]
      .filter((c) => c.count >= MIN_CASES && c.count / cases >= MIN_SHARE && c.term.length <= MAX_LENGTH)
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
      .map((c) => ({ term: c.term, share: Math.round((c.count / cases) * 100) / 100 }));
    if (terms.length > 0) out[category] = terms;
  }
  return out;
}

export const CATEGORY_TERMS: CategoryTerms = learned as CategoryTerms;
