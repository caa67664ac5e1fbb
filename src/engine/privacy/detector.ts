/**
 * The one detector of private data. Drafts, keywords, the check, the published page and the FAQ
 * sheet all ask it, with the same context (the names the row reveals, the morphology loaded), and
 * get the same answer in the same shape, so no two places can disagree about a text.
 *
 * It reads the text normalised (view.ts: NFKC, invisible characters removed, kanji digits read) and
 * masks the original: what is not private is published as written. In order:
 *  1. URLs, decoded, with the data inside them: a phone number or an e-mail address in a link makes
 *     the whole link private (it would be published live); any other link is a `url` finding, which a
 *     reference ignores;
 *  2. the general patterns (privacy.ts and privacy-names.ts: phones, e-mail, 〒 addresses, accounts,
 *     cards, legal forms, trade words, honorifics, roles) and the forms they missed (forms.ts);
 *  3. the names the row reveals elsewhere, wherever they occur bare;
 *  4. with kuromoji, the tokens its dictionary knows as people's names, looked up once per distinct
 *     sentence (a cache) and only in sentences where a cheap pass found a kanji or katakana word that
 *     is not an everyday word;
 * and drops every name found inside an everyday word of the field (スマートフォン, ローソン:
 * everyday-words.ts).
 */
import type { Morphology, MorphToken } from "../text";
import type { MaskedItem, MaskKind } from "../types";
import { everydaySpans, isEverydayWord } from "./everyday-words";
import { FORMS } from "./forms";
import { isPublicUrl, legacySpans, stripSignature } from "./privacy";
import { isPublicEntity } from "./privacy-public";
import { cachedTokens, SENTENCE } from "./token-cache";
import { originalSpan, privacyView } from "./view";

/** What stands in the text for each kind of private data: one style everywhere (drafts, fixes, page, sheet). */
export const PLACEHOLDER: Readonly<Record<MaskKind, string>> = {
  person: "［氏名］",
  company: "［会社名］",
  email: "［メールアドレス］",
  phone: "［電話番号］",
  address: "［住所］",
  account: "［口座番号］",
  card: "［カード番号］",
  mynumber: "［マイナンバー］",
  birthdate: "［生年月日］",
  url: "［URL］",
};

/** Any placeholder the detector writes (and 〇〇, the editors' own). */
export const PLACEHOLDERS = /〇〇|［(?:氏名|会社名|メールアドレス|電話番号|住所|口座番号|カード番号|マイナンバー|生年月日|URL)］/g;

/**
 * Characters of one text the detector reads at most, and so what may be published of it: far above
 * Excel's 32,767 per cell, it only bounds a CSV cell built to exhaust the checker. The rest is cut.
 */
export const PRIVACY_TEXT_LIMIT = 200_000;

export interface PrivacyFinding {
  kind: MaskKind;
  /**
   * What found it: the text's own wording (a pattern: 山田様, 090-…), a name the row reveals elsewhere,
   * or the dictionary. The check calls the first personal data and the others names in keywords.
   */
  by: "pattern" | "row" | "dictionary";
  /** The words found, as written (for the check's message; never printed by the export). */
  found: string;
  /** Where, in the original text. */
  start: number;
  end: number;
}

export interface PrivacyResult {
  /** The text with every finding replaced by its placeholder (a signature block left out). */
  text: string;
  findings: PrivacyFinding[];
  /** The distinct kinds found, in order of appearance. */
  kinds: MaskKind[];
  /** The replacements with their offsets in `text` (a draft's `masked`). */
  masked: MaskedItem[];
}

export interface PrivacyContext {
  /** Names the row reveals in any of its cells (`rowPrivateNames`), found wherever they occur bare. */
  names?: readonly string[];
  /** kuromoji when loaded (its dictionary knows people's names); tiny-segmenter knows none. */
  morphology?: Morphology;
  /** Kinds not to report: a reference is a link, so `url` there is no finding. */
  ignore?: readonly MaskKind[];
}

interface Span {
  start: number;
  end: number;
  kind: MaskKind;
  by?: PrivacyFinding["by"];
}

const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s「」『』（）()<>、。"']{1,2000}/g;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, " "));
  } catch {
    return url.replace(/%40/gi, "@");
  }
}

/** The private kinds a (decoded) link carries inside: a phone number or an e-mail address. */
function dataInside(url: string): MaskKind | undefined {
  const inside = privacyView(decoded(url)).text;
  for (const span of [...patternSpans(inside, false)]) if (span.kind === "phone" || span.kind === "email") return span.kind;
  return undefined;
}

/** Spans of the general patterns and the newer forms over a view, without overlaps (first found wins). */
function patternSpans(view: string, withUrls = true): Span[] {
  const spans: Span[] = [];
  const free = (start: number, end: number) => !spans.some((s) => start < s.end && end > s.start);
  if (withUrls && /https?:\/\/|www\./.test(view)) {
    URL_PATTERN.lastIndex = 0;
    for (const m of view.matchAll(URL_PATTERN)) {
      const url = m[0].replace(/[.,;:!?]+$/, "");
      const inside = dataInside(url);
      if (inside || !isPublicUrl(url)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + url.length, kind: inside ?? "url" });
    }
  }
  // The older rules first: where both match, theirs is the wider span (〒… with the street and building).
  for (const span of legacySpans(view)) if (free(span.start, span.end)) spans.push(span);
  for (const form of FORMS) {
    if (!form.trigger.test(view)) continue;
    form.pattern.lastIndex = 0;
    for (const m of view.matchAll(form.pattern)) {
      const span = form.span ? form.span(m, view) : { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      if (span && span.end > span.start && free(span.start, span.end)) spans.push({ ...span, kind: form.kind });
    }
  }
  return spans;
}

const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** A row name wherever it occurs, spaced or not (カフェ こもれび堂 = カフェこもれび堂), any width (the view is NFKC). */
function nameSpans(view: string, names: readonly string[]): Span[] {
  const spans: Span[] = [];
  const keys = [...new Set(names.map((n) => n.normalize("NFKC").replace(/\s+/g, "")).filter((n) => n.length >= 2 && !isEverydayWord(n)))];
  for (const name of keys.sort((a, b) => b.length - a.length)) {
    if (!view.includes(name[0])) continue;
    const pattern = new RegExp([...name].map(escapeChar).join("\\s?"), "gi");
    for (const m of view.matchAll(pattern)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: "person", by: "row" });
  }
  return spans;
}

// ---- kuromoji, once per distinct sentence ---------------------------------------------------------

/** A word kuromoji could take for a name: kanji, or katakana of two or more, outside every everyday word. */
const NAME_CANDIDATE = /[\u3400-\u9fff々]|[ァ-ヺー]{2,}/;

function dictionarySpans(view: string, morphology: Morphology, everyday: { start: number; end: number }[]): Span[] {
  const spans: Span[] = [];
  for (const m of view.matchAll(SENTENCE)) {
    const sentence = m[0];
    const at = m.index ?? 0;
    if (!NAME_CANDIDATE.test(sentence)) continue;
    let offset = 0;
    const tokens = cachedTokens(sentence, morphology);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const start = sentence.indexOf(token.surface, offset);
      if (start < 0) continue;
      offset = start + token.surface.length;
      if (!token.posDetail.includes("人名") || token.pos !== "名詞") continue;
      // A one-character name only before a title (林部長), as the dictionary reads 林 alone as a forest too.
      const next = tokens[i + 1]?.surface ?? "";
      if (token.surface.length < 2 && !/^(?:部長|課長|係長|社長|店長|さん|様|氏)/.test(next)) continue;
      if (/^[\u3041-\u309f]+$/.test(token.surface)) continue;
      // スマート+フォン, グーグル+マップ: a katakana "name" glued to more katakana or latin is part of a
      // compound word, unless the neighbour is a name too (ヤマダ+タロウ).
      const compound = (other: MorphToken | undefined, edge: RegExp) => other !== undefined && edge.test(other.surface) && !other.posDetail.includes("人名");
      if (/^[ァ-ヺー]+$/.test(token.surface) && (compound(tokens[i + 1], /^[ァ-ヺーA-Za-z]/) || compound(tokens[i - 1], /[ァ-ヺーA-Za-z]$/))) continue;
      const span = { start: at + start, end: at + offset, kind: "person" as const, by: "dictionary" as const };
      if (!everyday.some((e) => span.start >= e.start && span.end <= e.end)) spans.push(span);
    }
  }
  return spans;
}

// ---- the detector ---------------------------------------------------------------------------------

/** Is the found text only part of an everyday word, or a public body's or brand's name? */
function notPrivate(span: Span, view: string, everyday: { start: number; end: number }[]): boolean {
  if (span.kind !== "person" && span.kind !== "company") return false;
  if (everyday.some((e) => span.start >= e.start && span.end <= e.end)) return true;
  const found = view.slice(span.start, span.end);
  return isEverydayWord(found) || isPublicEntity(found);
}

export function detectPrivate(whole: string, context: PrivacyContext = {}): PrivacyResult {
  const input = whole.length > PRIVACY_TEXT_LIMIT ? whole.slice(0, PRIVACY_TEXT_LIMIT) : whole;
  const signature = stripSignature(input);
  const text = signature.text;
  const view = privacyView(text);
  const everyday = everydaySpans(view.text);
  const spans: Span[] = [];
  const add = (span: Span) => {
    if (context.ignore?.includes(span.kind) || notPrivate(span, view.text, everyday)) return;
    if (!spans.some((s) => span.start < s.end && span.end > s.start)) spans.push(span);
  };
  for (const span of patternSpans(view.text)) add(span);
  if (context.names && context.names.length > 0) for (const span of nameSpans(view.text, context.names)) add(span);
  if (context.morphology?.name === "kuromoji") for (const span of dictionarySpans(view.text, context.morphology, everyday)) add(span);

  spans.sort((a, b) => a.start - b.start);
  const findings: PrivacyFinding[] = [];
  const masked: MaskedItem[] = [];
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    const { start, end } = originalSpan(view, span.start, span.end);
    if (start < cursor) continue;
    findings.push({ kind: span.kind, by: span.by ?? "pattern", found: text.slice(start, end), start, end });
    out += text.slice(cursor, start);
    const replacement = PLACEHOLDER[span.kind];
    masked.push({ kind: span.kind, replacement, start: out.length, end: out.length + replacement.length });
    out += replacement;
    cursor = end;
  }
  out += text.slice(cursor);
  if (signature.removedAt !== undefined) {
    findings.push({ kind: "person", by: "pattern", found: input.slice(signature.removedAt), start: signature.removedAt, end: input.length });
    masked.push({ kind: "person", replacement: "", start: out.length, end: out.length });
  }
  return { text: out, findings, kinds: [...new Set(findings.map((f) => f.kind))], masked };
}
