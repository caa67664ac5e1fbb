/**
 * kuromoji's reading of a sentence, once per distinct sentence: FAQ answers repeat the guidebook's
 * advice sentence for sentence across hundreds of rows, and the check, the page, the FAQ sheet and
 * the drafts ask about the same cells. Bounded (cleared when full), per morphology.
 */
import type { Morphology, MorphToken } from "../text";

const LIMIT = 50_000;
const caches = new WeakMap<Morphology, Map<string, MorphToken[]>>();

export function cachedTokens(sentence: string, morphology: Morphology): MorphToken[] {
  let cache = caches.get(morphology);
  if (!cache) caches.set(morphology, (cache = new Map()));
  let tokens = cache.get(sentence);
  if (!tokens) {
    if (cache.size >= LIMIT) cache.clear();
    tokens = morphology.tokenize(sentence);
    cache.set(sentence, tokens);
  }
  return tokens;
}

/** Forgets every reading (a benchmark measures a cold start, as a fresh CLI process has). */
export function clearTokenCache(morphology: Morphology): void {
  caches.delete(morphology);
}

/** A text cut into sentences (at 。！？ and line ends), each at most 400 characters. */
export const SENTENCE = /[^。！？!?\n]{1,400}[。！？!?\n]?|[。！？!?\n]/g;
