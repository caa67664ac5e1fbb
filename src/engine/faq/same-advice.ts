/**
 * When two standard answers give the same advice, so that the published FAQ can show them as one entry
 * (issue 13, item 7). Answers composed for each case share most of their wording (the same guidebook
 * steps), so overall similarity says little: two answers are the same advice only when every step
 * (sentence) of each has a counterpart in the other, worded alike. One answer that adds "call the bank"
 * or leaves out "report to 個人情報保護委員会" is different advice, and gets its own entry.
 */
import { characterPairs, comparableSentence, dice, normalizeText } from "../text";

/** A sentence and its counterpart must share this share of their character pairs (Dice). */
const SAME_STEP = 0.8;

/** The steps of an answer: its sentences, compared without spaces and punctuation. */
function adviceSteps(answer: string): string[] {
  return normalizeText(answer)
    .split(/(?<=[。．！!？?])|\n/)
    .map(comparableSentence)
    .filter((s) => s.length >= 4);
}

function covered(steps: Set<string>[], by: Set<string>[]): boolean {
  return steps.every((s) => by.some((t) => dice(s, t) >= SAME_STEP));
}

/** True when each answer's every step is in the other, worded alike (typos, a word more or less). */
export function sameAdvice(a: string, b: string): boolean {
  const x = adviceSteps(a).map(characterPairs);
  const y = adviceSteps(b).map(characterPairs);
  if (x.length === 0 || y.length === 0) return normalizeText(a) === normalizeText(b);
  return covered(x, y) && covered(y, x);
}
