/**
 * Reading only the case table, whatever else the sheet holds. One value typed far away (XFD1048576)
 * makes Excel's used range a million rows by 16,384 columns; reading that would take about a million
 * round trips. So a read is planned in steps, each cheap:
 *
 * 1. the used range's position (one small request);
 * 2. the bounding box of the data in the first rows (at most HEADER_PROBE_ROWS rows and
 *    MAX_READ_COLUMNS columns), then those cells: the header is among them;
 * 3. the caller's locator recognises the header and names the key columns (the case text columns);
 * 4. for each key column, the last row holding a value (one small request for all of them);
 * 5. the rows below the first ones, down to that last row, only as wide as the table.
 *
 * Anything outside (stray cells far right or below) is not read and is reported in `ignoredBeyond`.
 * The same plan runs over Excel (office-adapter) and over the in-memory workbook.
 */
import type { CaseRow, ColumnMap, ColumnRole, SheetGrid } from "../engine/types";
import { INPUT_ROLES } from "../engine/types";
import { readCaseTable } from "../engine";
import { a1, WorkbookError, type ReadOptions, type SheetSnapshot, type TableExtentHint } from "./port";
import type { Rect } from "./a1-address";

/** The header is looked for in the first rows only (the engine searches the same number of rows). */
export const HEADER_PROBE_ROWS = 200;
/** A consultation table has a few dozen columns; nothing past this column is read. */
export const MAX_READ_COLUMNS = 256;
/** The most case rows the pane serves (the benchmarks measure 50,000: 2.6 s to serve, 335 MB). */
export const MAX_TABLE_ROWS = 60_000;

/** What a sheet offers the plan; each call is one cheap request (or a chunked read for `read`). */
export interface GridSource {
  sheetName: string;
  /** Bounding box of the cells holding values, within `within` (the whole sheet when omitted). */
  usedRect(within?: Rect): Promise<Rect | undefined>;
  /** The last row at or above `bottom` holding a value in each column (undefined: none), in one request. */
  lastFilledRows(columns: number[], top: number, bottom: number): Promise<(number | undefined)[]>;
  /** Cell texts of a rectangle, chunked as the host needs; calls `onRows` with rows read so far. */
  read(rect: Rect, onRows: (rowsRead: number) => void): Promise<{ values: string[][]; hiddenRows: number[] }>;
  mergedAreas(rect: Rect): Promise<string[]>;
}

/** Rows whose text in these columns makes them a case (as the engine's table reader decides). */
export const CASE_TEXT_ROLES = INPUT_ROLES.filter((role) => role !== "caseNumber" && role !== "caseType");

/**
 * One sheet row as the engine's table reader makes it (trimmed text per mapped role), or undefined
 * when the row holds no case text — for re-reading single rows after an edit.
 */
export function caseRowFromLine(line: readonly string[], firstColumn: number, columns: ColumnMap, rowNumber: number): CaseRow | undefined {
  const cells: Partial<Record<ColumnRole, string>> = {};
  for (const [role, column] of Object.entries(columns) as [ColumnRole, number][]) cells[role] = (line[column - firstColumn] ?? "").trim();
  return CASE_TEXT_ROLES.some((role) => columns[role] !== undefined && cells[role] !== "") ? { rowNumber, cells } : undefined;
}

/**
 * Finds the case table in the top rows of a sheet with the engine's header recognition (or the
 * editor's saved column mapping). Undefined when no table is recognised.
 */
export function locateCaseTable(top: SheetGrid, mapping?: ColumnMap): TableExtentHint | undefined {
  const result = readCaseTable(top, mapping);
  if (!result.ok) return undefined;
  const { table } = result;
  const columns = Object.values(table.columns).filter((column): column is number => typeof column === "number");
  const keyColumns = CASE_TEXT_ROLES.flatMap((role) => (table.columns[role] !== undefined ? [table.columns[role] as number] : []));
  const header = top.values[table.headerRow - top.firstRow] ?? [];
  let lastHeaderColumn = 0;
  header.forEach((text, index) => {
    if (text.trim() !== "") lastHeaderColumn = top.firstColumn + index;
  });
  return { headerRow: table.headerRow, keyColumns, lastColumn: Math.max(lastHeaderColumn, ...columns) };
}

export async function readCaseSheet(source: GridSource, options: ReadOptions = {}): Promise<SheetSnapshot> {
  const { sheetName } = source;
  const empty: SheetSnapshot = { sheetName, firstRow: 1, firstColumn: 1, values: [], hiddenRows: [], mergedAreas: [] };
  const used = await source.usedRect();
  if (!used) {
    options.onProgress?.({ rowsRead: 0, totalRows: 0 });
    return empty;
  }

  // The first rows, no wider than their own data (a stray cell far to the right is not in them).
  const probeArea: Rect = {
    top: used.top,
    left: used.left,
    bottom: Math.min(used.bottom, used.top + HEADER_PROBE_ROWS - 1),
    right: Math.min(used.right, used.left + MAX_READ_COLUMNS - 1),
  };
  const probeBox = (await source.usedRect(probeArea)) ?? probeArea;
  const left = used.left;
  const probeRect: Rect = { top: used.top, left, bottom: probeBox.bottom, right: probeBox.right };
  const probeRows = probeRect.bottom - probeRect.top + 1;
  options.onProgress?.({ rowsRead: 0, totalRows: probeRows });
  const probe = await source.read(probeRect, (rowsRead) => options.onProgress?.({ rowsRead, totalRows: probeRows }));
  const topGrid: SheetGrid = { sheetName, firstRow: probeRect.top, firstColumn: left, values: probe.values };

  const hint = options.locate ? await options.locate(topGrid) : undefined;
  if (!hint) {
    // No table recognised: the first rows are enough to offer a column mapping.
    const snapshot = await finish(source, topGrid, probe.hiddenRows, probeRect);
    return withIgnored(snapshot, used, probeRect);
  }

  const keyColumns = hint.keyColumns.filter((column) => column >= left && column <= used.right);
  const lastRows = keyColumns.length > 0 ? await source.lastFilledRows(keyColumns, hint.headerRow, used.bottom) : [];
  let bottom = hint.headerRow;
  let lastCell: string | undefined;
  lastRows.forEach((row, i) => {
    if (row !== undefined && row > bottom) {
      bottom = row;
      lastCell = a1({ row, column: keyColumns[i] });
    }
  });
  const caseRows = bottom - hint.headerRow;
  if (caseRows > MAX_TABLE_ROWS) {
    throw new WorkbookError("tooLarge", `The case table reaches row ${bottom} (${lastCell}); at most ${MAX_TABLE_ROWS} rows can be served.`, {
      rows: caseRows,
      limit: MAX_TABLE_ROWS,
      lastCell,
    });
  }

  const right = Math.max(left, Math.min(probeRect.right, Math.max(hint.lastColumn, ...keyColumns)));
  const width = right - left + 1;
  const tableRect: Rect = { top: probeRect.top, left, bottom, right };
  const totalRows = bottom - probeRect.top + 1;
  const fromProbe = probe.values.slice(0, Math.min(probe.values.length, totalRows)).map((line) => line.slice(0, width));
  const hiddenRows = probe.hiddenRows.filter((row) => row <= bottom);
  const values = fromProbe;
  if (bottom > probeRect.bottom) {
    const restRect: Rect = { top: probeRect.bottom + 1, left, bottom, right };
    options.onProgress?.({ rowsRead: fromProbe.length, totalRows });
    const rest = await source.read(restRect, (rowsRead) => options.onProgress?.({ rowsRead: fromProbe.length + rowsRead, totalRows }));
    values.push(...rest.values);
    hiddenRows.push(...rest.hiddenRows);
  }
  options.onProgress?.({ rowsRead: values.length, totalRows: values.length });
  const snapshot = await finish(source, { sheetName, firstRow: probeRect.top, firstColumn: left, values }, hiddenRows, tableRect);
  return withIgnored(snapshot, used, tableRect);
}

async function finish(source: GridSource, grid: SheetGrid, hiddenRows: number[], rect: Rect): Promise<SheetSnapshot> {
  return { ...grid, hiddenRows, mergedAreas: await source.mergedAreas(rect) };
}

function withIgnored(snapshot: SheetSnapshot, used: Rect, read: Rect): SheetSnapshot {
  const beyond = used.bottom > read.bottom || used.right > read.right;
  // Spelled cell to cell ("B1:XFD1048576"), not in Excel's whole-column short form, so the far cell is named.
  return beyond ? { ...snapshot, ignoredBeyond: `${a1({ row: used.top, column: used.left })}:${a1({ row: used.bottom, column: used.right })}` } : snapshot;
}
