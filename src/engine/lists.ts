/** Reading and writing list cells (keywords, countermeasures, references) the way the sheet does. */
import type { CaseRow, ColumnMap, FaqRole } from "./types";
import { FAQ_ROLES } from "./types";

export const DEFAULT_SEPARATOR = "、";

const SPLITTER = /\s*(?:\r?\n|、|，|,|\/|／|;|；|・(?=\s)|\t)\s*/;

export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(SPLITTER)) {
    const value = part.replace(/^[\s・●○■□◆◇\-*]+/, "").trim();
    if (value && !seen.has(value)) {
      seen.add(value);
      out.push(value);
    }
  }
  return out;
}

export function formatList(values: string[], separator: string): string {
  return values.map((value) => value.trim()).filter((value) => value !== "").join(separator);
}

/** The separator a column already uses most, so written cells look like the editors' own. */
export function detectSeparator(cells: string[], fallback = DEFAULT_SEPARATOR): string {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const match = /\r?\n|、|，|,|／|\/|;|；/.exec(cell);
    if (!match) continue;
    let sep = match[0] === "\r\n" ? "\n" : match[0];
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
