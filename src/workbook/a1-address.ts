/**
 * A1 address parsing shared by the adapters, in every form Excel hands out: "L5", "B3:D7",
 * "Sheet1!A1", "'My sheet'!$A$1:$B$2", whole rows ("5:5", "$5:$7" — what clicking a row number
 * gives), whole columns ("A:A", "$B:$D") and lists of areas ("A1:B2,C3", a Ctrl+click selection).
 * Rows and columns are 1-based, as Excel shows them.
 */
import { cellKey, columnLetter, type CellAddress } from "./port";

/** The size of an Excel grid (ExcelApi: 1,048,576 rows × 16,384 columns, XFD1048576). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RangeRef extends Rect {
  sheetName?: string;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const ROW = /^\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One end of a reference: a cell, a bare row number or a bare column. */
type End = { row?: number; column?: number };

function parseEnd(text: string): End {
  const trimmed = text.trim();
  const cell = CELL.exec(trimmed);
  if (cell) return { row: Number(cell[2]), column: columnNumber(cell[1]) };
  const row = ROW.exec(trimmed);
  if (row) return { row: Number(row[1]) };
  const column = COLUMN.exec(trimmed);
  if (column) return { column: columnNumber(column[1]) };
  throw new Error(`Not an A1 reference: ${text}`);
}

function checked(ref: RangeRef, address: string): RangeRef {
  const ok =
    Number.isInteger(ref.top) &&
    Number.isInteger(ref.left) &&
    ref.top >= 1 &&
    ref.left >= 1 &&
    ref.bottom <= EXCEL_MAX_ROWS &&
    ref.right <= EXCEL_MAX_COLUMNS;
  if (!ok) throw new Error(`Outside the Excel grid: ${address}`);
  return ref;
}

/** Splits "Sheet1!A1" into the sheet name (quotes undone) and the local part. */
function splitSheet(address: string): { sheetName?: string; local: string } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  const sheetName = text.slice(0, bang).replace(/^'(.*)'$/s, "$1").replace(/''/g, "'");
  return { sheetName, local: text.slice(bang + 1) };
}

/** Parses one rectangular reference (cell, range, whole rows or whole columns), with or without a sheet name. */
export function parseRange(address: string): RangeRef {
  const { sheetName, local } = splitSheet(address);
  const parts = local.split(":");
  if (parts.length > 2) throw new Error(`Not an A1 reference: ${address}`);
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  const rowsOnly = a.column === undefined && b.column === undefined;
  const columnsOnly = a.row === undefined && b.row === undefined;
  // "5" or "A" alone is not a reference; "5:5" and "A:A" are; "A5:7" mixes the two forms.
  if ((rowsOnly || columnsOnly) && parts.length !== 2) throw new Error(`Not an A1 reference: ${address}`);
  if (!rowsOnly && !columnsOnly && (a.row === undefined || a.column === undefined || b.row === undefined || b.column === undefined)) {
    throw new Error(`Not an A1 reference: ${address}`);
  }
  const top = rowsOnly ? Math.min(a.row as number, b.row as number) : columnsOnly ? 1 : Math.min(a.row as number, b.row as number);
  const bottom = rowsOnly ? Math.max(a.row as number, b.row as number) : columnsOnly ? EXCEL_MAX_ROWS : Math.max(a.row as number, b.row as number);
  const left = columnsOnly ? Math.min(a.column as number, b.column as number) : rowsOnly ? 1 : Math.min(a.column as number, b.column as number);
  const right = columnsOnly ? Math.max(a.column as number, b.column as number) : rowsOnly ? EXCEL_MAX_COLUMNS : Math.max(a.column as number, b.column as number);
  return checked({ sheetName, top, left, bottom, right }, address);
}

/**
 * Parses an address that may list several areas ("Sheet1!A1:B2, Sheet1!C3" or "A1:B2,C3").
 * A sheet name given once applies to the areas after it, as Excel writes it.
 */
export function parseAreas(address: string): RangeRef[] {
  const areas: RangeRef[] = [];
  let sheetName: string | undefined;
  for (const part of splitAreas(address)) {
    const ref = parseRange(part);
    sheetName = ref.sheetName ?? sheetName;
    areas.push({ ...ref, sheetName });
  }
  if (areas.length === 0) throw new Error(`Not an A1 reference: ${address}`);
  return areas;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * A1 text of a rectangle without the sheet name: "L5" for one cell, "B3:D7" for a range, "5:7" for
 * whole rows and "A:C" for whole columns, as Excel writes them.
 */
export function rangeAddress(ref: Rect): string {
  if (ref.left === 1 && ref.right === EXCEL_MAX_COLUMNS) return `${ref.top}:${ref.bottom}`;
  if (ref.top === 1 && ref.bottom === EXCEL_MAX_ROWS) return `${columnLetter(ref.left)}:${columnLetter(ref.right)}`;
  const start = `${columnLetter(ref.left)}${ref.top}`;
  return ref.top === ref.bottom && ref.left === ref.right ? start : `${start}:${columnLetter(ref.right)}${ref.bottom}`;
}

/** "Sheet1!A1", quoting the sheet name when Excel would. */
export function qualifiedAddress(sheetName: string, ref: Rect): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${rangeAddress(ref)}`;
}

/** Drops "Sheet1!" prefixes from each part of an address list such as "Sheet1!A1:B2, Sheet1!C3". */
export function withoutSheetNames(addressList: string): string[] {
  return parseAreas(addressList).map((area) => rangeAddress(area));
}

export function cellRect(cell: CellAddress): Rect {
  return { top: cell.row, left: cell.column, bottom: cell.row, right: cell.column };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** A horizontal run of cells of one row: one range in a request. */
export interface Run {
  row: number;
  left: number;
  right: number;
}

/** Groups cells into horizontal runs (fewer range objects in a request than one per cell). */
export function runsOf(cells: readonly CellAddress[]): Run[] {
  const byRow = new Map<number, number[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell.column]);
  const runs: Run[] = [];
  for (const [row, columns] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(columns)].sort((a, b) => a - b);
    let start = sorted[0];
    let previous = sorted[0];
    for (const column of sorted.slice(1)) {
      if (column === previous + 1) {
        previous = column;
        continue;
      }
      runs.push({ row, left: start, right: previous });
      start = previous = column;
    }
    runs.push({ row, left: start, right: previous });
  }
  return runs;
}

/** Rectangles of cells to write with one value each: rows next to each other with the same columns merge. */
export function blocksOf<T extends CellAddress>(cells: readonly T[]): { rect: Rect; cells: T[][] }[] {
  const at = new Map(cells.map((cell) => [cellKey(cell.row, cell.column), cell]));
  const blocks: { rect: Rect; cells: T[][] }[] = [];
  for (const run of runsOf(cells)) {
    const line = Array.from({ length: run.right - run.left + 1 }, (_, i) => at.get(cellKey(run.row, run.left + i)) as T);
    const last = blocks[blocks.length - 1];
    if (last && last.rect.bottom === run.row - 1 && last.rect.left === run.left && last.rect.right === run.right) {
      last.rect.bottom = run.row;
      last.cells.push(line);
    } else blocks.push({ rect: { top: run.row, left: run.left, bottom: run.row, right: run.right }, cells: [line] });
  }
  return blocks;
}

