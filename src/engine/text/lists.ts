/** Reading and writing list cells (keywords, countermeasures, references) the way the sheet does. */
import { type CaseRow, type ColumnMap, FAQ_ROLES, type FaqRole } from "../types";

export const DEFAULT_SEPARATOR = "、";

/**
 * Separators between items. A half-width "/" separates only with spaces around it ("A / B"), so
 * URLs and names such as "TCP/IP" stay whole; the full-width "／" is always a separator.
 */
const SEPARATOR = /\s*(?:\r?\n|、|，|,|／|;|；|\t)\s*|\s+\/\s+|・(?=\s)\s*/g;
/** URLs are never split, whatever characters they contain. */
const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+=%]+/g;

/** Splits at separators outside URLs. */
function splitOutsideUrls(text: string): string[] {
  const urls: { start: number; end: number }[] = [];
  for (const m of text.matchAll(URL)) urls.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    const at = m.index ?? 0;
    if (urls.some((u) => at < u.end && at + m[0].length > u.start)) continue;
    parts.push(text.slice(from, at));
    from = at + m[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The items of a list cell as written, repeats included (a check needs to see them). */
export function splitList(text: string): string[] {
  return splitOutsideUrls(text)
    .map((part) => part.replace(/^[\s・●○■□◆◇\-*]+/, "").trim())
    .filter((value) => value !== "");
}

export function parseList(text: string): string[] {
  return [...new Set(splitList(text))];
}

export function formatList(values: string[], separator: string): string {
  return values.map((value) => value.trim()).filter((value) => value !== "").join(separator);
}

/** The separator a column already uses most, so written cells look like the editors' own. */
export function detectSeparator(cells: string[], fallback = DEFAULT_SEPARATOR): string {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const match = /\r?\n|、|，|,|／|\s\/\s|;|；/.exec(cell.replace(URL, ""));
    if (!match) continue;
    let sep = match[0] === "\r\n" ? "\n" : match[0] === " / " ? " / " : match[0].trim() === "/" ? " / " : match[0];
    if (sep === "," && /, /.test(cell)) sep = ", ";
    counts.set(sep, (counts.get(sep) ?? 0) + 1);
  }
  let best = fallback;
  let bestCount = 0;
  for (const [sep, count] of counts) {
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

/** A row's FAQ is complete when every FAQ column the sheet has is filled. */
export function isFaqComplete(row: CaseRow, columns: ColumnMap): boolean {
  const present = FAQ_ROLES.filter((role: FaqRole) => columns[role] !== undefined);
  if (present.length === 0) return false;
  return present.every((role) => (row.cells[role] ?? "").trim() !== "");
}
