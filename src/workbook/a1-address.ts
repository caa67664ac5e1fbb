/**
 * A1 address parsing shared by the adapters ("L5", "B3:D7", "Sheet1!A1", "'My sheet'!$A$1:$B$2").
 * Rows and columns are 1-based, as Excel shows them.
 */
import { columnLetter, type CellAddress } from "./port";

export interface RangeRef {
  sheetName?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseCell(text: string): CellAddress {
  const match = CELL.exec(text.trim());
  if (!match) throw new Error(`Not an A1 cell address: ${text}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** Parses one rectangular A1 reference, with or without a sheet name. */
export function parseRange(address: string): RangeRef {
  let sheetName: string | undefined;
  let local = address.trim();
  const bang = local.lastIndexOf("!");
  if (bang >= 0) {
    sheetName = local.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    local = local.slice(bang + 1);
  }
  const [first, second] = local.split(":");
  const a = parseCell(first);
  const b = second ? parseCell(second) : a;
  return {
    sheetName,
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** A1 text of a rectangle without the sheet name: "L5" for one cell, "B3:D7" otherwise. */
export function rangeAddress(ref: Pick<RangeRef, "top" | "left" | "bottom" | "right">): string {
  const start = `${columnLetter(ref.left)}${ref.top}`;
  return ref.top === ref.bottom && ref.left === ref.right ? start : `${start}:${columnLetter(ref.right)}${ref.bottom}`;
}

/** Drops "Sheet1!" prefixes from each part of an address list such as "Sheet1!A1:B2, Sheet1!C3". */
export function withoutSheetNames(addressList: string): string[] {
  return addressList
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => rangeAddress(parseRange(part)));
}
