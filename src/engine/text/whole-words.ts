/**
 * Keywords must be whole words (issue 13, item 5): 「電話帳ナビAp」 cut out of 「電話帳ナビApp」 or
 * 「アクセス集」 out of 「アクセス集中」 is no search word. A word taken from the case's text is cut when, at
 * every place the text has it, it stops (or starts) in the middle of a run of one script: a latin letter
 * next to a latin letter, a katakana next to a katakana, or a lone trailing kanji glued to the next kanji.
 * Words the glossary or the editors' vocabulary know are whole by definition (パスワード inside
 * ワンタイムパスワード is still a word).
 */

const LATIN = /[a-z0-9]/i;
const KATAKANA = /[\u30a1-\u30faー]/;
const KANJI = /[\u3400-\u9fff々]/;
const COUNTER = /^[台人件名回個枚社本日月年時分秒歳才か万円]$/;

function sameRun(a: string, b: string): boolean {
  return (LATIN.test(a) && LATIN.test(b)) || (KATAKANA.test(a) && KATAKANA.test(b));
}

/** Cut at this occurrence: the word ends or starts inside a run of the text. */
function cutAt(word: string, text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : "";
  const after = text[at + word.length] ?? "";
  const first = word[0];
  const last = word[word.length - 1];
  if (before && sameRun(before, first)) return true;
  if (after && sameRun(last, after)) return true;
  // PC1|台: a number is part of a count, not of the word.
  if (/[0-9]$/.test(word) && COUNTER.test(after)) return true;
  // アクセス集|中: one kanji after another script, glued to the kanji that completes it.
  const trailingKanji = /[\u3400-\u9fff々]+$/.exec(word)?.[0] ?? "";
  return trailingKanji.length === 1 && word.length > 1 && !KANJI.test(word[word.length - 2]) && KANJI.test(after);
}

/**
 * True when `word` occurs in `text` (both folded the same way, e.g. by keywordKey) and every occurrence
 * is cut; false when it does not occur at all (a vocabulary word is judged elsewhere).
 */
export function isCutWord(word: string, text: string): boolean {
  if (!word) return false;
  let at = text.indexOf(word);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(word, at + 1)) if (!cutAt(word, text, at)) return false;
  return true;
}
