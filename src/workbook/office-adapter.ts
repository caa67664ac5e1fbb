/**
 * The workbook port over the Excel JavaScript API (see docs/office.md for the reasoning).
 *
 * - Reads the used range in row chunks sized from what the previous chunk actually weighed, so each
 *   response stays far below Excel on the web's 5 MB payload limit; a chunk that still trips the
 *   limit is halved and retried.
 * - Cell text: a string value is taken as is (never clipped); numbers, dates and booleans are taken
 *   from `text` (what the user sees), unless `text` is "####" because the column is too narrow.
 * - Writes set the "@" number format before the values in the same batch, so "=…" stays text.
 * - Requirement sets: ExcelApi 1.7 is needed (getRangeByIndexes, Worksheet.onChanged); newer calls
 *   (readOnly 1.8, WorksheetCollection.onChanged 1.9, merged areas 1.13) are used only when supported.
 */
import { withoutSheetNames, parseRange, rangeAddress } from "./a1-address";
import {
  a1,
  WorkbookError,
  type CellAddress,
  type CellState,
  type CellWrite,
  type ReadProgress,
  type SelectionInfo,
  type SheetSnapshot,
  type Unsubscribe,
  type WorkbookPort,
  type WorkbookStatus,
} from "./port";

/** What the adapter uses of the `Excel` namespace (injectable so tests can pass office-addin-mock objects). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** What the adapter uses of the `Office` namespace. */
export interface OfficeHost {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: { settings: Pick<Office.Settings, "get" | "set" | "saveAsync"> };
  };
}

export interface ChunkOptions {
  /** Bytes one chunk's response should weigh at most by our estimate (Excel on the web refuses > 5 MB). */
  targetChunkBytes: number;
  /** Cells in the first chunk, before anything is known about how long the cells are. */
  firstChunkCells: number;
  /** Upper bound on rows per chunk, however short the cells. */
  maxChunkRows: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  targetChunkBytes: 1_000_000,
  firstChunkCells: 3_000,
  maxChunkRows: 5_000,
};

/** The ExcelApi version the manifest declares; everything newer is feature-tested. */
export const REQUIRED_EXCEL_API = "1.7";

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

interface OfficeLikeError {
  code?: string;
  message?: string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as OfficeLikeError).code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as OfficeLikeError).message === "string") {
    return (error as OfficeLikeError).message as string;
  }
  return String(error);
}

/** Office error → WorkbookError the pane can explain. */
export function toWorkbookError(error: unknown, fallback: "readFailed" | "writeFailed"): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const message = errorMessage(error);
  switch (code) {
    case "AccessDenied":
      // Writing into a protected sheet or a read-only/locked file comes back as AccessDenied.
      return new WorkbookError(/read.?only/i.test(message) ? "readOnly" : "protected", message);
    case "InvalidOperation":
      return new WorkbookError(/protect/i.test(message) ? "protected" : fallback, message);
    case "ItemNotFound":
      return new WorkbookError("noSheet", message);
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(fallback, `Excel is in cell edit mode; finish editing the cell and retry. (${message})`);
    default:
      return new WorkbookError(fallback, code ? `${code}: ${message}` : message);
  }
}

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
export function estimateChunkBytes(values: unknown[][], texts: unknown[][]): number {
  let bytes = 0;
  const add = (cell: unknown) => {
    const s = typeof cell === "string" ? cell : String(cell ?? "");
    for (let i = 0; i < s.length; i++) bytes += s.charCodeAt(i) < 128 ? 1 : 6;
    bytes += 4;
  };
  for (const row of values) for (const cell of row) add(cell);
  for (const row of texts) for (const cell of row) add(cell);
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

export class OfficeWorkbook implements WorkbookPort {
  private readonly excel: ExcelHost;
  private readonly office: OfficeHost;
  private readonly chunk: ChunkOptions;

  constructor(hosts: { excel?: ExcelHost; office?: OfficeHost; chunk?: Partial<ChunkOptions> } = {}) {
    this.excel = hosts.excel ?? (globalThis as unknown as { Excel: ExcelHost }).Excel;
    this.office = hosts.office ?? (globalThis as unknown as { Office: OfficeHost }).Office;
    this.chunk = { ...DEFAULT_CHUNK_OPTIONS, ...hosts.chunk };
  }

  supports(version: string): boolean {
    try {
      return this.office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  async readActiveSheet(onProgress?: (progress: ReadProgress) => void): Promise<SheetSnapshot> {
    return this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const sheetName = sheet.name;
      if (used.isNullObject) {
        onProgress?.({ rowsRead: 0, totalRows: 0 });
        return { sheetName, firstRow: 1, firstColumn: 1, values: [], hiddenRows: [], mergedAreas: [] };
      }
      const { rowIndex, columnIndex, rowCount, columnCount } = used;

      const mergedAreas = await this.readMergedAreas(context, used);
      const values: string[][] = [];
      const hiddenRows: number[] = [];
      let bytesPerRow: number | undefined;
      let rows = nextChunkRows(columnCount, undefined, this.chunk);
      onProgress?.({ rowsRead: 0, totalRows: rowCount });
      for (let start = 0; start < rowCount; ) {
        const count = Math.min(rows, rowCount - start);
        const range = sheet.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount);
        range.load("values,text,rowHidden");
        try {
          await context.sync();
        } catch (error) {
          const code = errorCode(error);
          if (code && PAYLOAD_ERRORS.has(code) && count > 1) {
            rows = Math.max(1, Math.floor(count / 2));
            continue;
          }
          throw error;
        }
        const chunkValues = range.values as unknown[][];
        const chunkTexts = range.text as unknown[][];
        for (let r = 0; r < count; r++) {
          const line: string[] = [];
          for (let c = 0; c < columnCount; c++) line.push(cellText(chunkValues[r]?.[c], chunkTexts[r]?.[c]));
          values.push(line);
        }
        hiddenRows.push(...(await this.hiddenRowsOf(context, range, count, rowIndex + start + 1)));
        bytesPerRow = estimateChunkBytes(chunkValues, chunkTexts) / count;
        rows = nextChunkRows(columnCount, bytesPerRow, this.chunk);
        start += count;
        onProgress?.({ rowsRead: start, totalRows: rowCount });
      }
      return { sheetName, firstRow: rowIndex + 1, firstColumn: columnIndex + 1, values, hiddenRows, mergedAreas };
    });
  }

  async readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]> {
    if (cells.length === 0) return [];
    return this.run("readFailed", async (context) => {
      const ranges = loadCellRanges(context, sheetName, cells);
      await context.sync();
      return ranges.map((range, i) => stateOf(cells[i], range));
    });
  }

  async writeCells(sheetName: string, writes: CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.guardedWrite(sheetName, writes, (range, write) => {
      // Order matters inside the batch: with "@" in place first, Excel stores "=SUM(…)" as text.
      range.numberFormat = [["@"]];
      range.values = [[write.value]];
    });
  }

  async restoreCells(sheetName: string, states: CellState[]): Promise<void> {
    if (states.length === 0) return;
    await this.guardedWrite(sheetName, states, (range, state) => restore(range, state));
  }

  async getSelection(): Promise<SelectionInfo> {
    return this.run("readFailed", async (context) => {
      let range = context.workbook.getSelectedRange();
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      range.worksheet.load("name");
      try {
        await context.sync();
      } catch (error) {
        // Several areas selected (Ctrl+click): use the first one where the API can tell us (1.9).
        if (!this.supports("1.9")) throw error;
        const areas = context.workbook.getSelectedRanges();
        range = areas.areas.getItemAt(0);
        range.load("address,rowIndex,columnIndex,rowCount,columnCount");
        range.worksheet.load("name");
        await context.sync();
      }
      return {
        sheetName: range.worksheet.name,
        row: range.rowIndex + 1,
        column: range.columnIndex + 1,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        address: rangeAddress(parseRange(range.address)),
      };
    });
  }

  async selectCell(sheetName: string, cell: CellAddress): Promise<void> {
    await this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(a1(cell)).select();
      await context.sync();
    });
  }

  async onSelectionChanged(listener: (selection: SelectionInfo) => void): Promise<Unsubscribe> {
    return this.run("readFailed", async (context) => {
      const handler = context.workbook.onSelectionChanged.add(async () => {
        try {
          listener(await this.getSelection());
        } catch {
          // A selection we cannot read (e.g. a chart) is not worth an error; the next one will do.
        }
      });
      await context.sync();
      return () => removeHandlers([handler]);
    });
  }

  async onSheetChanged(listener: () => void): Promise<Unsubscribe> {
    const fire = async () => listener();
    return this.run("readFailed", async (context) => {
      const worksheets = context.workbook.worksheets;
      // Switching sheets changes what "the active sheet" holds, so activation counts as a change.
      const handlers = [worksheets.onActivated.add(fire)];
      if (this.supports("1.9")) {
        handlers.push(worksheets.onChanged.add(fire));
      } else {
        worksheets.load("items/name");
        await context.sync();
        for (const sheet of worksheets.items) handlers.push(sheet.onChanged.add(fire));
      }
      await context.sync();
      return () => removeHandlers(handlers);
    });
  }

  async getStatus(sheetName: string): Promise<WorkbookStatus> {
    return this.run("readFailed", (context) => this.statusIn(context, sheetName));
  }

  async loadSetting(key: string): Promise<string | undefined> {
    const value: unknown = this.office.context.document.settings.get(key);
    return typeof value === "string" ? value : undefined;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    const settings = this.office.context.document.settings;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result: Office.AsyncResult<void>) => {
        if (String(result.status) === "failed") reject(toWorkbookError(result.error, "writeFailed"));
        else resolve();
      });
    });
  }

  // ---- internals ------------------------------------------------------------------------------

  private async run<T>(fallback: "readFailed" | "writeFailed", batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (error) {
      throw toWorkbookError(error, fallback);
    }
  }

  private async statusIn(context: Excel.RequestContext, sheetName: string): Promise<WorkbookStatus> {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.protection.load("protected");
    const knowsReadOnly = this.supports("1.8");
    if (knowsReadOnly) context.workbook.load("readOnly");
    await context.sync();
    return { sheetProtected: sheet.protection.protected, readOnly: knowsReadOnly ? context.workbook.readOnly : false };
  }

  /**
   * One batch of cell writes, all or nothing: refused up front on a protected sheet or read-only
   * workbook, and rolled back from the state read just before if Excel fails part-way (a batch is
   * not a transaction).
   */
  private async guardedWrite<T extends CellAddress>(
    sheetName: string,
    cells: T[],
    apply: (range: Excel.Range, cell: T) => void,
  ): Promise<void> {
    await this.run("writeFailed", async (context) => {
      const status = await this.statusIn(context, sheetName);
      if (status.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
      if (status.sheetProtected) throw new WorkbookError("protected", `Sheet ${sheetName} is protected.`);
      const ranges = loadCellRanges(context, sheetName, cells);
      await context.sync();
      const before = ranges.map((range, i) => stateOf(cells[i], range));
      ranges.forEach((range, i) => apply(range, cells[i]));
      try {
        await context.sync();
      } catch (error) {
        try {
          ranges.forEach((range, i) => restore(range, before[i]));
          await context.sync();
        } catch {
          // The original error is the one worth reporting.
        }
        throw toWorkbookError(error, "writeFailed");
      }
    });
  }

  private async readMergedAreas(context: Excel.RequestContext, used: Excel.Range): Promise<string[]> {
    if (!this.supports("1.13")) return [];
    const merged = used.getMergedAreasOrNullObject();
    merged.load("isNullObject,address");
    await context.sync();
    return merged.isNullObject ? [] : withoutSheetNames(merged.address);
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

/** Queues a load of everything `stateOf` needs for each cell; the caller syncs. */
function loadCellRanges(context: Excel.RequestContext, sheetName: string, cells: readonly CellAddress[]): Excel.Range[] {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  return cells.map((cell) => {
    const range = sheet.getRange(a1(cell));
    range.load("values,text,formulas,numberFormat");
    return range;
  });
}

function stateOf(cell: CellAddress, range: Excel.Range): CellState {
  const formula: unknown = range.formulas?.[0]?.[0];
  const value: unknown = range.values?.[0]?.[0];
  const numberFormat: unknown = range.numberFormat?.[0]?.[0];
  // `formulas` repeats a constant's value, so text "=SUM(A1)" in an "@" cell reads back the same in
  // both; only a formula reads back differently from its result.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  return {
    row: cell.row,
    column: cell.column,
    value: cellText(value, range.text?.[0]?.[0]),
    formula: isFormula ? formula : "",
    numberFormat: typeof numberFormat === "string" ? numberFormat : "General",
  };
}

function restore(range: Excel.Range, state: CellState): void {
  // The format goes back first, so a value that was text ("=…" in an "@" cell) is text again.
  range.numberFormat = [[state.numberFormat]];
  if (state.formula) range.formulas = [[state.formula]];
  else range.values = [[state.value]];
}

async function removeHandlers(handlers: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
  for (const handler of handlers) handler.remove();
  await handlers[0]?.context.sync();
}
