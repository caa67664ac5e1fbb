/**
 * Privacy questions asked of FAQ cells before they are published (check and export). Detection is
 * `maskPrivate`'s — there is one detector — used in two extra ways:
 *
 * - which kinds of private data a cell carries, and what it reads like masked;
 * - which names a row's own case text mentions (`collectRowNames`, the detector's row-aware reading), so a FAQ cell of
 *   that row that repeats the bare name — a keyword "見本", 「見本の件は…」 without 様 — is caught too.
 */
import type { Morphology } from "../text";
import { collectRowNames, maskPrivate } from "./privacy";
import { LEGAL_FORM_SOURCE, nameCore } from "./privacy-names";
import { isPublicEntity } from "./privacy-public";
import type { CaseRow, FaqRole, InputRole, MaskKind } from "../types";

const INPUT_TEXT_ROLES: readonly InputRole[] = ["subject", "content", "consultNote", "response", "followUp"];
/** FAQ cells can reveal a name too (「経理の宮坂部長が…」); it is then masked in every FAQ cell of the row. */
const FAQ_TEXT_ROLES: readonly FaqRole[] = ["answer", "keywords", "countermeasures", "references"];

/**
 * Names of people and organisations the row's case text mentions (as masking found them), without
 * legal forms, so a bare "サンプル商事" or "見本" in the row's FAQ cells can be recognised.
 */
export function rowPrivateNames(row: CaseRow, morphology?: Morphology): string[] {
  const names = new Set<string>();
  // The detector's own reading of the row: …様, 株式会社…, the client's business and shop names, and
  // with kuromoji the dictionary's names.
  const texts = [...INPUT_TEXT_ROLES, ...FAQ_TEXT_ROLES].map((role) => row.cells[role]).filter((t): t is string => Boolean(t));
  for (const { text, kind } of collectRowNames(texts, morphology)) {
    const name = nameCore(text).replace(/[\s　]+/g, "");
    if (name.length >= 2) names.add(name);
    // A full name of 4–5 kanji is usually a two-kanji family name first: 見本太郎 is also written 見本.
    if (kind === "person" && /^[\u3400-\u9fff々]{4,5}$/.test(name)) names.add(name.slice(0, 2));
  }
  return [...names];
}

/** A legal form anywhere in a short item (a keyword, a list entry): the item names an organisation. */
const NAMES_AN_ORGANISATION = new RegExp(LEGAL_FORM_SOURCE);

/** Does `text` repeat one of the row's private names (or is it a good part of one)? Returns that name. */
export function mentionsPrivateName(text: string, names: readonly string[]): string | undefined {
  const t = text.normalize("NFKC").replace(/[\s　]+/g, "");
  if (t.length < 2) return undefined;
  if (t.length <= 40 && NAMES_AN_ORGANISATION.test(t) && !isPublicEntity(nameCore(t))) return t;
  return names.find((name) => t.includes(name) || (name.includes(t) && t.length * 2 >= name.length));
}

/** The kinds of private data `maskPrivate` finds in a text (optionally ignoring some, e.g. URLs in references). */
export function privateKinds(text: string, ignore: readonly MaskKind[] = []): MaskKind[] {
  const kinds = new Set<MaskKind>();
  for (const item of maskPrivate(text).masked) if (!ignore.includes(item.kind)) kinds.add(item.kind);
  return [...kinds];
}

/** With real morphology (kuromoji), a token tagged as a person's name; tiny-segmenter has no tags. */
export function morphologicalName(text: string, morphology: Morphology | undefined): string | undefined {
  if (!morphology || morphology.name === "tiny-segmenter") return undefined;
  return morphology.tokenize(text).find((t) => t.posDetail.includes("人名"))?.surface;
}

/** Replaces in `text` the spans where `pattern` matches its same-length `view`. */
function spliceMatches(text: string, view: string, pattern: RegExp): string {
  let out = "";
  let cursor = 0;
  for (const m of view.matchAll(pattern)) {
    out += text.slice(cursor, m.index) + "〇〇";
    cursor = (m.index ?? 0) + m[0].length;
  }
  return out + text.slice(cursor);
}

export interface PublicationMask {
  text: string;
  /** Kinds of private data replaced; "person" also when a name of the row's case text was found bare. */
  kinds: MaskKind[];
}

/**
 * A text as it may be published: `maskPrivate`, then every bare mention of a name the row's case text
 * carries (see `rowPrivateNames`) replaced by 〇〇, and, with real morphology, every token tagged as a
 * person's name.
 */
export function maskForPublication(text: string, names: readonly string[] = [], morphology?: Morphology): PublicationMask {
  const { text: masked, masked: items } = maskPrivate(text);
  const kinds = new Set<MaskKind>(items.map((m) => m.kind));
  let out = masked;
  if (morphology && morphology.name !== "tiny-segmenter") {
    const tagged = morphology.tokenize(out).filter((t) => t.posDetail.includes("人名") && t.surface.length >= 2);
    for (const token of tagged) {
      out = out.split(token.surface).join("〇〇");
      kinds.add("person");
    }
  }
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    // Names are kept without spaces (カフェこもれび堂); the cell may space them (カフェ こもれび堂) or write them full-width.
    const pattern = new RegExp([...name].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("[\\s　]*"), "gi");
    const view = out.normalize("NFKC");
    if (view.length === out.length ? pattern.test(view) : pattern.test(out)) {
      pattern.lastIndex = 0;
      // NFKC keeps the length of Japanese text and of full-width latin, so offsets of the view fit the text.
      out = view.length === out.length ? spliceMatches(out, view, pattern) : out.replace(pattern, "〇〇");
      kinds.add("person");
    }
  }
  return { text: out, kinds: [...kinds] };
}
