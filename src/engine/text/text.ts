/** Text normalisation shared by header recognition, indexing and matching. */

/** NFKC (full/half width), lower case, unified long-vowel and dash marks, collapsed spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‐‑‒–—―−ｰ]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Header text reduced to what identifies it: no brackets, spaces or punctuation. */
export function normalizeHeader(text: string): string {
  return normalizeText(text).replace(/[\s【】\[\]()（）「」『』<>〈〉《》:：・~～〜_\-]/g, "");
}

const KANJI = /[\u3400-\u9fff\uf900-\ufaff々〆ヶ]/;
const HIRAGANA = /[\u3041-\u309f]/;
const KATAKANA = /[\u30a0-\u30ffー]/;
const ALNUM = /[a-z0-9]/i;

export type CharClass = "kanji" | "hiragana" | "katakana" | "alnum" | "other";

export function charClass(ch: string): CharClass {
  if (KANJI.test(ch)) return "kanji";
  if (KATAKANA.test(ch)) return "katakana";
  if (HIRAGANA.test(ch)) return "hiragana";
  if (ALNUM.test(ch)) return "alnum";
  return "other";
}

/** Edit distance ≤ 1 (one letter added, dropped or changed): catches typos such as メッッセージ, クレジト. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
