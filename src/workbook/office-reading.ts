/**
 * Reading through Office.js: only the case table (`bounded-read.ts`), in chunks sized from what the
 * previous chunk weighed and halved when Excel still refuses one; cell text as the user sees it.
 */
import { EXCEL_MAX_ROWS, runsOf, withoutSheetNames, type Rect } from "./a1-address";
import { MAX_TABLE_ROWS, readCaseSheet, type GridSource } from "./bounded-read";
import { canHalveAfter, type ChunkOptions, type OfficeConnection } from "./office-host";
import { cellKey, type CellAddress, type CellState, type CellValue, type ReadOptions, type SheetSnapshot } from "./port";

const CELL_STATE_PROPS = "values,text,formulas,numberFormat";

/** What the user sees in a cell, as text, from one `values` entry and the matching `text` entry. */
export function cellText(value: unknown, text: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  const shown = typeof text === "string" ? text : "";
  if (shown !== "" && !/^#+$/.test(shown)) return shown;
  return String(value);
}

/**
 * Pessimistic size of a chunk's response: values and text both travel, and a non-ASCII character
 * may be escaped as \uXXXX (6 bytes). Per cell we add room for quotes and commas.
 */
export function estimateChunkBytes(...grids: unknown[][][]): number {
  let bytes = 0;
  for (const grid of grids) for (const row of grid ?? []) for (const cell of row) bytes += estimateBytes(cell) + 4;
  return bytes;
}

export function estimateBytes(cell: unknown): number {
  const s = typeof cell === "string" ? cell : String(cell ?? "");
  let bytes = 0;
  for (let i = 0; i < s.length; i++) bytes += s.charCodeAt(i) < 128 ? 1 : 6;
  return bytes;
}

/** Rows for the next chunk, from the weight of rows already read (or the first-chunk cell budget). */
export function nextChunkRows(columnCount: number, bytesPerRow: number | undefined, options: ChunkOptions): number {
  const rows =
    bytesPerRow === undefined
      ? Math.floor(options.firstChunkCells / Math.max(1, columnCount))
      : Math.floor(options.targetChunkBytes / Math.max(1, bytesPerRow));
  return Math.max(1, Math.min(options.maxChunkRows, rows));
}

export class OfficeReader {
  constructor(private readonly host: OfficeConnection) {}

  async readActiveSheet(options: ReadOptions = {}): Promise<SheetSnapshot> {
    return this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return readCaseSheet(this.gridSource(context, sheet), options);
    });
  }

  async readTexts(sheetName: string, top: number, bottom: number, left: number, right: number): Promise<string[][]> {
    return this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      // eslint-disable-next-line office-addins/load-object-before-read -- readRows loads values and text itself (the plugin cannot follow the call)
      return (await this.readRows(context, sheet, { top, bottom, left, right }, false)).values;
    });
  }

  async findRows(sheetName: string, column: number, texts: string[], fromRow: number): Promise<Map<string, number[]>> {
    return this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const used = sheet.getRangeByIndexes(fromRow - 1, column - 1, EXCEL_MAX_ROWS - fromRow + 1, 1).getUsedRangeOrNullObject(true);
      // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is how a *OrNullObject result is tested; loaded with the two numbers in one sync
      used.load("isNullObject,rowIndex,rowCount");
      await context.sync();
      const found = new Map<string, number[]>();
      if (used.isNullObject) return found;
      // A stray value far down the 受理番号 column must not turn a search into a million-row read.
      const bottom = Math.min(used.rowIndex + used.rowCount, fromRow + 2 * MAX_TABLE_ROWS);
      const { values } = await this.readRows(context, sheet, { top: fromRow, bottom, left: column, right: column }, false);
      const wanted = new Set(texts.map((text) => text.trim()));
      values.forEach((line, i) => {
        const text = (line[0] ?? "").trim();
        if (text !== "" && wanted.has(text)) found.set(text, [...(found.get(text) ?? []), fromRow + i]);
      });
      return found;
    });
  }

  async readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]> {
    if (cells.length === 0) return [];
    return this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const states = await this.readStates(context, sheet, cells);
      return cells.map((cell) => states.get(cellKey(cell.row, cell.column)) as CellState);
    });
  }

  /**
   * Exact state of scattered cells (value, raw value, formula, number format), one range per run of
   * adjacent cells, in chunks whose responses stay far under the payload limit.
   */
  async readStates(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    cells: readonly CellAddress[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, CellState>> {
    const runs = runsOf(cells);
    const states = new Map<string, CellState>();
    const total = cells.length;
    let budget = this.host.chunk.firstChunkCells;
    let done = 0;
    onProgress?.(0, total);
    for (let start = 0; start < runs.length; ) {
      let cellsInChunk = 0;
      let end = start;
      while (end < runs.length && (end === start || cellsInChunk + (runs[end].right - runs[end].left + 1) <= budget)) {
        cellsInChunk += runs[end].right - runs[end].left + 1;
        end++;
      }
      const chunk = runs.slice(start, end);
      const ranges = chunk.map((run) => {
        const range = sheet.getRangeByIndexes(run.row - 1, run.left - 1, 1, run.right - run.left + 1);
        // eslint-disable-next-line office-addins/no-empty-load -- false positive: CELL_STATE_PROPS is the property list
        range.load(CELL_STATE_PROPS);
        return range;
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk on purpose: chunks are sized under the 5 MB payload limit
        await context.sync();
      } catch (error) {
        if (!canHalveAfter(error, cellsInChunk)) throw error;
        budget = Math.max(1, Math.floor(cellsInChunk / 2));
        continue;
      }
      let bytes = 0;
      chunk.forEach((run, i) => {
        const range = ranges[i];
        bytes += estimateChunkBytes(range.values, range.text, range.formulas, range.numberFormat);
        for (let c = run.left; c <= run.right; c++) states.set(cellKey(run.row, c), stateOf({ row: run.row, column: c }, range, c - run.left));
      });
      const perCell = bytes / Math.max(1, cellsInChunk);
      budget = Math.max(1, Math.min(this.host.chunk.maxChunkRows * 20, Math.floor(this.host.chunk.targetChunkBytes / Math.max(1, perCell))));
      done += cellsInChunk;
      onProgress?.(done, total);
      start = end;
    }
    return states;
  }

  private gridSource(context: Excel.RequestContext, sheet: Excel.Worksheet): GridSource {
    return {
      sheetName: sheet.name,
      usedRect: async (within) => {
        const used = within
          ? sheet.getRangeByIndexes(within.top - 1, within.left - 1, within.bottom - within.top + 1, within.right - within.left + 1).getUsedRangeOrNullObject(true)
          : sheet.getUsedRangeOrNullObject(true);
        used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        if (used.isNullObject) return undefined;
        return { top: used.rowIndex + 1, left: used.columnIndex + 1, bottom: used.rowIndex + used.rowCount, right: used.columnIndex + used.columnCount };
      },
      lastFilledRows: async (columns, top, bottom) => {
        const ranges = columns.map((column) => {
          const used = sheet.getRangeByIndexes(top - 1, column - 1, bottom - top + 1, 1).getUsedRangeOrNullObject(true);
          // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is how a *OrNullObject result is tested
          used.load("isNullObject,rowIndex,rowCount");
          return used;
        });
        await context.sync();
        return ranges.map((used) => (used.isNullObject ? undefined : used.rowIndex + used.rowCount));
      },
      read: (rect, onRows) => this.readRows(context, sheet, rect, true, onRows),
      mergedAreas: async (rect) => {
        if (!this.host.supports("1.13")) return [];
        const merged = sheet.getRangeByIndexes(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1).getMergedAreasOrNullObject();
        merged.load("isNullObject,address");
        await context.sync();
        return merged.isNullObject ? [] : withoutSheetNames(merged.address);
      },
    };
  }

  /** Cell texts of a rectangle in row chunks, each response far under the payload limit; hidden rows too. */
  private async readRows(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    rect: Rect,
    withHidden: boolean,
    onRows?: (rowsRead: number) => void,
  ): Promise<{ values: string[][]; hiddenRows: number[] }> {
    const columnCount = rect.right - rect.left + 1;
    const rowCount = rect.bottom - rect.top + 1;
    const values: string[][] = [];
    const hiddenRows: number[] = [];
    let rows = nextChunkRows(columnCount, undefined, this.host.chunk);
    for (let start = 0; start < rowCount; ) {
      const count = Math.min(rows, rowCount - start);
      const range = sheet.getRangeByIndexes(rect.top - 1 + start, rect.left - 1, count, columnCount);
      // eslint-disable-next-line office-addins/no-empty-load -- false positive: the argument is a property list chosen by withHidden
      range.load(withHidden ? "values,text,rowHidden" : "values,text");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk on purpose: chunks are sized under the 5 MB payload limit and halved when Excel refuses one
        await context.sync();
      } catch (error) {
        if (!canHalveAfter(error, count)) throw error;
        rows = Math.max(1, Math.floor(count / 2));
        continue;
      }
      // eslint-disable-next-line office-addins/load-object-before-read -- values and text are loaded just above
      const chunkValues = range.values as unknown[][];
      // eslint-disable-next-line office-addins/load-object-before-read -- values and text are loaded just above
      const chunkTexts = range.text as unknown[][];
      for (let r = 0; r < count; r++) {
        const line: string[] = [];
        for (let c = 0; c < columnCount; c++) line.push(cellText(chunkValues[r]?.[c], chunkTexts[r]?.[c]));
        values.push(line);
      }
      if (withHidden) hiddenRows.push(...(await this.hiddenRowsOf(context, range, count, rect.top + start)));
      rows = nextChunkRows(columnCount, estimateChunkBytes(chunkValues, chunkTexts) / count, this.host.chunk);
      start += count;
      onRows?.(start);
    }
    return { values, hiddenRows };
  }

  /** Hidden (or filtered-out) sheet rows of a chunk; `rowHidden` is null when the chunk is mixed. */
  private async hiddenRowsOf(context: Excel.RequestContext, range: Excel.Range, count: number, firstSheetRow: number): Promise<number[]> {
    if (range.rowHidden === false) return [];
    if (range.rowHidden === true) return Array.from({ length: count }, (_, i) => firstSheetRow + i);
    const rows = Array.from({ length: count }, (_, i) => {
      const row = range.getRow(i);
      row.load("rowHidden");
      return row;
    });
    await context.sync();
    return rows.flatMap((row, i) => (row.rowHidden ? [firstSheetRow + i] : []));
  }
}

function stateOf(cell: CellAddress, range: Excel.Range, index = 0): CellState {
  const formula: unknown = range.formulas?.[0]?.[index];
  const value: unknown = range.values?.[0]?.[index];
  const numberFormat: unknown = range.numberFormat?.[0]?.[index];
  // `formulas` repeats a constant's value, so text "=SUM(A1)" in an "@" cell reads back the same in
  // both; only a formula reads back differently from its result.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const raw: CellValue = typeof value === "number" || typeof value === "boolean" || typeof value === "string" ? value : "";
  return {
    row: cell.row,
    column: cell.column,
    value: cellText(value, range.text?.[0]?.[index]),
    raw,
    formula: isFormula ? formula : "",
    numberFormat: typeof numberFormat === "string" ? numberFormat : "General",
  };
}

