/**
 * The context the detector is asked with for a row's cells (drafts, check, page, FAQ sheet alike):
 *
 * - which names the row reveals in any of its cells (`collectRowNames`), so a FAQ cell of that row
 *   that repeats the bare name — a keyword "見本", 「見本の件は…」 without 様 — is caught too;
 * - list items read whole (`detectInItem`): a keyword that is part of such a name goes.
 */
import type { Morphology } from "../text";
import { detectPrivate, PLACEHOLDER, type PrivacyContext, type PrivacyResult } from "./detector";
import { collectRowNames } from "./privacy";
import { LEGAL_FORM_SOURCE, nameCore } from "./privacy-names";
import { isPublicEntity } from "./privacy-public";
import type { CaseRow, FaqRole, InputRole } from "../types";

const ROW_NAMES_TEXT_LIMIT = 20_000;
const INPUT_TEXT_ROLES: readonly InputRole[] = ["subject", "content", "consultNote", "response", "followUp"];
/** FAQ cells can reveal a name too (「経理の宮坂部長が…」); it is then masked in every FAQ cell of the row. */
const FAQ_TEXT_ROLES: readonly FaqRole[] = ["answer", "keywords", "countermeasures", "references", "category", "classification"];

/**
 * Names of people and organisations the row's case text mentions (as masking found them), without
 * legal forms, so a bare "サンプル商事" or "見本" in the row's FAQ cells can be recognised.
 */
export function rowPrivateNames(row: CaseRow, morphology?: Morphology): string[] {
  const names = new Set<string>();
  // The detector's own reading of the row: …様, 株式会社…, the client's business and shop names, and
  // with kuromoji the dictionary's names.
  // Names are learnt from the first ROW_NAMES_TEXT_LIMIT characters of each cell: kuromoji over a
  // CSV cell of megabytes would take minutes, and the detector still reads what is published.
  const texts = [...INPUT_TEXT_ROLES, ...FAQ_TEXT_ROLES]
    .map((role) => row.cells[role]?.slice(0, ROW_NAMES_TEXT_LIMIT))
    .filter((t): t is string => Boolean(t));
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

/**
 * A list item (a keyword, a countermeasure, a reference) as the detector reads it, plus what only a
 * short item can be: a good part of one of the row's names (見本 of 見本太郎) or an organisation by its
 * legal form alone. Such an item goes whole, so a finding covers the whole item.
 */
export function detectInItem(item: string, context: PrivacyContext = {}): PrivacyResult {
  const result = detectPrivate(item, context);
  if (result.findings.some((f) => f.kind === "person" || f.kind === "company") || context.ignore?.includes("person")) return result;
  const named = mentionsPrivateName(item, context.names ?? []);
  if (!named) return result;
  const finding = { kind: "person" as const, by: "row" as const, found: named, start: 0, end: item.length };
  return {
    text: PLACEHOLDER.person,
    findings: [...result.findings, finding],
    kinds: [...new Set([...result.kinds, "person" as const])],
    masked: [{ kind: "person", replacement: PLACEHOLDER.person, start: 0, end: PLACEHOLDER.person.length }],
  };
}

/** The distinct words found, for a message that names them (「スマート」 was taken for a name). */
export function foundWords(result: PrivacyResult): string[] {
  return [...new Set(result.findings.map((f) => f.found.trim()).filter((w) => w.length > 0 && w.length <= 80))];
}
