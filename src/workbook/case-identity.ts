/**
 * Which case a suggestion was made for. A row number alone is not an identity: a co-author inserts a
 * row, sorts the sheet or rewrites a case, and row 25 holds another case. A case is its 受理番号 and
 * the text of its input cells (件名, 相談内容, …), kept as a short hash.
 */
import { INPUT_ROLES, type CaseRow, type ColumnMap, type InputRole } from "../engine/types";

export interface CaseRef {
  sheetName: string;
  /** Where the case was when it was read. */
  row: number;
  /** 受理番号 as shown ("" when the sheet has no such column or the cell is empty). */
  caseNumber: string;
  /** Hash of the case's input cells (including 受理番号), trimmed as the table reader trims them. */
  hash: string;
  /**
   * Another row of the table held the very same case (受理番号 and text) when it was read. Such a
   * case is written only at the row it was shown at: once rows move, the copy cannot be told from
   * the original (delete the original and its identical copy would take the write).
   */
  duplicated?: true;
}

/** The input columns a case is identified by, in a fixed order. */
export function identityColumns(columns: ColumnMap): { role: InputRole; column: number }[] {
  return INPUT_ROLES.flatMap((role) => (columns[role] !== undefined ? [{ role, column: columns[role] as number }] : []));
}

/** 53-bit string hash (cyrb53); collisions between two cases of one sheet are not a practical concern. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Hash of a case's input texts, by role (missing roles count as empty). */
export function caseHash(texts: Partial<Record<InputRole, string>>): string {
  return cyrb53(INPUT_ROLES.map((role) => (texts[role] ?? "").trim()).join("\u001f"));
}

export function caseRefOf(sheetName: string, row: CaseRow): CaseRef {
  const texts: Partial<Record<InputRole, string>> = {};
  for (const role of INPUT_ROLES) texts[role] = row.cells[role] ?? "";
  return { sheetName, row: row.rowNumber, caseNumber: (row.cells.caseNumber ?? "").trim(), hash: caseHash(texts) };
}

const identityKey = (ref: CaseRef) => `${ref.caseNumber}\u001f${ref.hash}`;

/** The cases of a table by identity, so that a case with an identical twin is marked `duplicated`. */
export class CaseIdentities {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly sheetName: string,
    rows: Iterable<CaseRow>,
  ) {
    for (const row of rows) {
      const key = identityKey(caseRefOf(sheetName, row));
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  refOf(row: CaseRow): CaseRef {
    const ref = caseRefOf(this.sheetName, row);
    return (this.counts.get(identityKey(ref)) ?? 0) > 1 ? { ...ref, duplicated: true } : ref;
  }
}

/** Identity of the case found in some cells now: texts by input column. */
export function caseRefFromTexts(sheetName: string, row: number, columns: ColumnMap, textOf: (column: number) => string): CaseRef {
  const texts: Partial<Record<InputRole, string>> = {};
  for (const { role, column } of identityColumns(columns)) texts[role] = textOf(column).trim();
  return { sheetName, row, caseNumber: (texts.caseNumber ?? "").trim(), hash: caseHash(texts) };
}

export function sameCase(a: CaseRef, b: CaseRef): boolean {
  return a.caseNumber === b.caseNumber && a.hash === b.hash;
}
