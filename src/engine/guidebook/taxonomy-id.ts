/**
 * Which taxonomy item a sheet's category cell names ("1-9 ワンクリック…" → "1-9"), and the key under
 * which votes, filters and groups for one category meet however the sheet spells it.
 */
import { normalizeText } from "../text";
import type { TaxonomyItem } from "../types";
import { TAXONOMY } from "./taxonomy";

/** A taxonomy item's score for one case text (the category model's or search's cheap substring reading). */
export interface PriorScore {
  item: TaxonomyItem;
  probability: number;
  matchedTerms: string[];
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
