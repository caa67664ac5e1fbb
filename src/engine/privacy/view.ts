/**
 * The text as the privacy detector reads it, with a map back to the original: NFKC (full-width
 * digits and letters, ＠, half-width katakana), invisible characters removed (a zero-width space or a
 * soft hyphen inside a phone number or an e-mail address looks normal on the page but breaks any
 * pattern), and kanji digits read as digits (〇九〇－一二三四…, 一丁目). Findings are made on the view
 * and masked in the original text, which is otherwise published as written.
 */

/** Characters that show nothing: zero-width space/joiners, soft hyphen, word joiner, BOM, bidi marks. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/;
/** Half-width voiced marks combine with the katakana before them (ｶﾞ → ガ). */
const COMBINING = /[\uff9e\uff9f\u3099\u309a\u0300-\u036f]/;
const KANJI_DIGIT: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
const KANJI_DIGITS = "〇零一二三四五六七八九";
/** Between kanji digits of one number: hyphens, long vowel marks, spaces. */
const NUMBER_GAP = /[-‐‑–—―−ー\s]/;
/** What follows a number of an address (一丁目, 三番地, 十五号). */
const ADDRESS_UNIT = /^(?:丁目|番地|番|号)/;

/** Code points NFKC leaves as they are (printable ASCII, kana without the voiced marks, CJK ideographs). */
function isStable(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x0a ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3001 && code <= 0x3011) ||
    (code >= 0x3014 && code <= 0x301f) ||
    (code >= 0x30fb && code <= 0x30fe)
  );
}

/** NFKC of a full-width ASCII character or the ideographic space: one character, by arithmetic. */
function fullWidth(code: number): string | undefined {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return " ";
  return undefined;
}

export interface PrivacyView {
  /** The normalised text the patterns run on. */
  text: string;
  /** For each character of `text`, where it came from in the original: [start, end); null when the view is the text itself. */
  start: Int32Array | null;
  end: Int32Array | null;
}

const HAS_KANJI_DIGIT = /[〇零一二三四五六七八九十]/;

/** The original span a view span [from, to) covers. */
export function originalSpan(view: PrivacyView, from: number, to: number): { start: number; end: number } {
  if (!view.start || !view.end) return { start: from, end: Math.max(from, to) };
  if (to <= from) {
    const at = from < view.start.length ? view.start[from] : view.end[view.end.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: view.start[from], end: view.end[to - 1] };
}

export function privacyView(original: string): PrivacyView {
  // Most cells are Japanese and ASCII, full-width letters and digits at most: each character maps to
  // one, so the view needs no map back (only a 十 read away in 二十三 would shift it).
  let oneToOne = true;
  for (let i = 0; i < original.length && oneToOne; i++) {
    const code = original.charCodeAt(i);
    oneToOne = isStable(code) || fullWidth(code) !== undefined;
  }
  if (oneToOne) {
    const text = original.replace(/[\uff01-\uff5e\u3000]/g, (c) => fullWidth(c.charCodeAt(0)) ?? c);
    if (!HAS_KANJI_DIGIT.test(text)) return { text, start: null, end: null };
    const read = text.split("");
    readKanjiDigits(read);
    if (!read.includes("")) return { text: read.join(""), start: null, end: null };
  }
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i) as number;
    // ASCII, hiragana, katakana and the common kanji are already NFKC (and never invisible): the
    // common case goes without a normalize() call, which made a 100,000-character cell cost 0.5 s.
    const next = original[i + 1] ?? "";
    const simple = isStable(code) ? original[i] : fullWidth(code);
    if (simple !== undefined && !COMBINING.test(next)) {
      chars.push(simple);
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    let length = code > 0xffff ? 2 : 1;
    const char = original.slice(i, i + length);
    if (INVISIBLE.test(char)) {
      i += length;
      continue;
    }
    while (i + length < original.length && COMBINING.test(original[i + length])) length++;
    const normal = original.slice(i, i + length).normalize("NFKC");
    // Each character of the normal form maps to the whole original piece (㈱ → (株) is three).
    for (const piece of normal) {
      chars.push(piece);
      starts.push(i);
      ends.push(i + length);
    }
    i += length;
  }
  readKanjiDigits(chars);
  // A 十 read as nothing (二十三 → 23) leaves an empty slot: it goes, with its place in the map.
  const kept = chars.flatMap((c, k) => (c === "" ? [] : [k]));
  return { text: kept.map((k) => chars[k]).join(""), start: Int32Array.from(kept, (k) => starts[k]), end: Int32Array.from(kept, (k) => ends[k]) };
}

/**
 * Kanji digits become ASCII digits in place (one character each, so the map stays): a run of three or
 * more (〇九〇－一二三四－五六七八, 口座は一二三四五六七), or one or two before an address unit (一丁目,
 * 二十三番地 reads as 2‐3: 十 is dropped only there, where the number is what matters). A run made of
 * 〇 alone is a placeholder (〇〇〇様), not a number.
 */
function readKanjiDigits(chars: string[]): void {
  for (let i = 0; i < chars.length; ) {
    if (!KANJI_DIGITS.includes(chars[i]) && chars[i] !== "十") {
      i++;
      continue;
    }
    let j = i;
    let digits = 0;
    let placeholder = true;
    let tens = false;
    while (j < chars.length) {
      if (KANJI_DIGITS.includes(chars[j])) {
        digits++;
        if (chars[j] !== "〇") placeholder = false;
        j++;
      } else if (chars[j] === "十") {
        tens = true;
        placeholder = false;
        j++;
      } else if (NUMBER_GAP.test(chars[j]) && j + 1 < chars.length && KANJI_DIGITS.includes(chars[j + 1]) && digits > 0) j++;
      else break;
    }
    const beforeUnit = ADDRESS_UNIT.test(chars.slice(j, j + 2).join(""));
    if (!placeholder && ((digits >= 3 && !tens) || (beforeUnit && digits + (tens ? 1 : 0) <= 3))) {
      const run = chars.slice(i, j);
      for (let k = i; k < j; k++) {
        if (chars[k] === "十") {
          // 十 → 1 at the front (十五 = 15), 0 at the end (二十 = 20), nothing in the middle (二十三 = 23).
          const before = k > i && KANJI_DIGITS.includes(run[k - i - 1]);
          const after = k + 1 < j && KANJI_DIGITS.includes(run[k - i + 1]);
          chars[k] = !before ? "1" : !after ? "0" : "";
        } else if (KANJI_DIGITS.includes(chars[k])) chars[k] = KANJI_DIGIT[chars[k]];
      }
    }
    i = Math.max(j, i + 1);
  }
}
