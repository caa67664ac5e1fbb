/**
 * Sentences compared by their character pairs (bigrams): how alike two wordings of one piece of advice
 * are, whatever the segmenter makes of them. Used to merge FAQ entries that give the same advice and to
 * keep a draft from saying one thing twice.
 */
import { normalizeText } from "./text";

/** A sentence as compared: normalised, without spaces and punctuation. */
export function comparableSentence(sentence: string): string {
  return normalizeText(sentence).replace(/[\s、，,。．.！!？?「」『』（）()・:：]/g, "");
}

export function characterPairs(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** Dice's coefficient of two pair sets: 1 for the same wording, near 0 for unrelated ones. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  return (2 * shared(a, b)) / (a.size + b.size);
}

/** The share of the smaller set's pairs that the larger one has: 1 when one wording contains the other's. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : shared(a, b) / smaller;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const p of small) if (large.has(p)) both++;
  return both;
}
