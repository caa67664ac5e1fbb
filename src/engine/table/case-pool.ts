/**
 * Every case sheet of a workbook as one log. A desk keeps a sheet per fiscal year (2024年度,
 * 2025年度…); suggestions, search, the backlog, check, publish and the quality figures draw on all of
 * them. The engine keys rows by number only, so the pool gives each row a number that also says its
 * sheet: `sheetIndex × 2²⁰ + row` (2²⁰ is Excel's row count). A sheet keeps its index while it is in
 * the pool, so rows added on one sheet never renumber another's.
 */
import type { CaseRow, CaseTable, ColumnMap, ColumnRole } from "../types";

/** Excel's row count: no sheet row reaches it, so sheet and row never collide in a pooled number. */
export const POOL_STRIDE = 1_048_576;

export interface SheetRow {
  sheetName: string;
  /** 1-based row on that sheet. */
  row: number;
}

export interface CasePool {
  /** One table over every sheet: its rows are numbered by `pooledRow`. */
  table: CaseTable;
  /** The sheets, in pool order (index = the sheet's part of a pooled row number). */
  sheets: string[];
  /** Each sheet's own table (its columns, header and extent as read). */
  tables: ReadonlyMap<string, CaseTable>;
}

export function pooledRow(sheetIndex: number, row: number): number {
  return sheetIndex * POOL_STRIDE + row;
}

/** Where a pooled row is: its sheet (by pool order) and its row there. */
export function sheetRowOf(pool: Pick<CasePool, "sheets">, pooled: number): SheetRow {
  const index = Math.floor(pooled / POOL_STRIDE);
  return { sheetName: pool.sheets[index] ?? "", row: pooled - index * POOL_STRIDE };
}

export function pooledRowOf(pool: Pick<CasePool, "sheets">, sheetName: string, row: number): number | undefined {
  const index = pool.sheets.indexOf(sheetName);
  return index < 0 ? undefined : pooledRow(index, row);
}

/**
 * Pools case tables (each read with its own column mapping). A role present on any sheet is a column
 * of the pool: a row from a sheet without it simply has no value there.
 */
export function poolCaseTables(tables: readonly CaseTable[]): CasePool {
  const columns: ColumnMap = {};
  const headerText: CaseTable["headerText"] = {};
  for (const table of tables) {
    for (const [role, column] of Object.entries(table.columns) as [ColumnRole, number][]) {
      if (columns[role] === undefined) columns[role] = column;
      if (headerText[role] === undefined && table.headerText[role] !== undefined) headerText[role] = table.headerText[role];
    }
  }
  const rows: CaseRow[] = tables.flatMap((table, index) => table.rows.map((row) => ({ rowNumber: pooledRow(index, row.rowNumber), cells: row.cells })));
  const last = tables.length === 0 ? 0 : pooledRow(tables.length - 1, tables[tables.length - 1].lastRow);
  return {
    table: { sheetName: tables.map((t) => t.sheetName).join(" + "), headerRow: 0, columns, headerText, rows, lastRow: last },
    sheets: tables.map((t) => t.sheetName),
    tables: new Map(tables.map((t) => [t.sheetName, t])),
  };
}
