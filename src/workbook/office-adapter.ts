/**
 * The workbook port over the Excel JavaScript API (see docs/office.md for the reasoning).
 *
 * - Reads only the case table (`bounded-read.ts`): the used range's position, the first rows, the
 *   last filled row of each case-text column, then the rows down to it — never the whole used range,
 *   which one stray far cell can make a million rows by 16,384 columns.
 * - Reads in chunks sized from what the previous chunk weighed, far below Excel on the web's 5 MB
 *   payload limit; a chunk that still trips the limit is halved and retried.
 * - Cell text: a string value is taken as is (never clipped); numbers, dates and booleans are taken
 *   from `text` (what the user sees), unless `text` is "####" because the column is too narrow.
 * - Writes are checked in the same `Excel.run`, right before the write batch; text is written with
 *   the "@" format first (or, where protection forbids formatting, with a leading apostrophe) so
 *   "=…" stays text; undo restores raw values, formulas and number formats.
 * - Events: change events carry their address, type and source; handlers are removed inside
 *   `Excel.run` with the context they were added in, as Microsoft documents.
 * - Requirement sets: ExcelApi 1.7 is needed; newer calls (readOnly 1.8, WorksheetCollection events
 *   and multi-area selections 1.9, sort events 1.10, merged areas 1.13, typed values 1.16) are used
 *   only when supported.
 */
import { EXCEL_MAX_ROWS, blocksOf, rangeAddress, runsOf, withoutSheetNames, type Rect } from "./a1-address";
import { MAX_TABLE_ROWS, readCaseSheet, type GridSource } from "./bounded-read";
import {
  WorkbookError,
  a1,
  cellKey,
  type CellAddress,
  type CellState,
  type CellValue,
  type CellWrite,
  type CheckedWritePlan,
  type CheckedWriteResult,
  type ReadOptions,
  type SelectionInfo,
  type SheetChange,
  type SheetChangeKind,
  type SheetSnapshot,
  type SheetWriteOptions,
  type SheetWriteResult,
  type Unsubscribe,
  type WorkbookPort,
  type WorkbookStatus,
} from "./port";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What the adapter uses of the `Excel` namespace (injectable so tests can pass office-addin-mock objects). */
export interface ExcelHost {
  run<T>(batch: Batch<T>): Promise<T>;
  /** Runs a batch in an existing context (to remove an event handler where it was added). */
  run<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
}

/** What the adapter uses of the `Office` namespace. */
export interface OfficeHost {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: { settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync"> };
  };
}

export interface ChunkOptions {
  /** Bytes one chunk's response should weigh at most by our estimate (Excel on the web refuses > 5 MB). */
  targetChunkBytes: number;
  /** Cells in the first chunk, before anything is known about how long the cells are. */
  firstChunkCells: number;
  /** Upper bound on rows per chunk, however short the cells. */
  maxChunkRows: number;
  /** Bytes one write request may carry by our estimate before it is split (requests over 5 MB are refused). */
  maxRequestBytes: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  targetChunkBytes: 1_000_000,
  firstChunkCells: 3_000,
  maxChunkRows: 5_000,
  maxRequestBytes: 2_500_000,
};

/** The ExcelApi version the manifest declares; everything newer is feature-tested. */
export const REQUIRED_EXCEL_API = "1.7";

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);
const CELL_STATE_PROPS = "values,text,formulas,numberFormat";

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

/** A chunked read's sync failed because the chunk was too large, and the chunk (rows or cells) can still be halved. */
function canHalveAfter(error: unknown, chunkSize: number): boolean {
  const code = errorCode(error);
  return code !== undefined && PAYLOAD_ERRORS.has(code) && chunkSize > 1;
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
export function estimateChunkBytes(...grids: unknown[][][]): number {
  let bytes = 0;
  for (const grid of grids) for (const row of grid ?? []) for (const cell of row) bytes += estimateBytes(cell) + 4;
  return bytes;
}

function estimateBytes(cell: unknown): number {
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

/** Maps Excel's change type to what the pane needs to know. */
function changeKind(changeType: string | undefined): SheetChangeKind {
  switch (changeType) {
    case "RangeEdited":
      return "edit";
    case "RowInserted":
      return "rowsInserted";
    case "RowDeleted":
      return "rowsDeleted";
    case "ColumnInserted":
      return "columnsInserted";
    case "ColumnDeleted":
      return "columnsDeleted";
    case "CellInserted":
      return "cellsInserted";
    case "CellDeleted":
      return "cellsDeleted";
    default:
      return "unknown";
  }
}

function changeSource(source: string | undefined): SheetChange["source"] {
  return source === "Local" ? "local" : source === "Remote" ? "remote" : "unknown";
}

/** Cuts blocks into row slices no heavier than `maxBytes` (one long answer per row can make a block huge). */
function splitBlocks<T extends CellWrite>(blocks: { rect: Rect; cells: T[][] }[], maxBytes: number): { rect: Rect; cells: T[][] }[] {
  const out: { rect: Rect; cells: T[][] }[] = [];
  for (const block of blocks) {
    let start = 0;
    let bytes = 0;
    block.cells.forEach((line, i) => {
      const lineBytes = estimateChunkBytes([line.map((cell) => cell.value)]);
      if (i > start && bytes + lineBytes > maxBytes) {
        out.push({ rect: { ...block.rect, top: block.rect.top + start, bottom: block.rect.top + i - 1 }, cells: block.cells.slice(start, i) });
        start = i;
        bytes = 0;
      }
      bytes += lineBytes;
    });
    out.push({ rect: { ...block.rect, top: block.rect.top + start }, cells: block.cells.slice(start) });
  }
  return out;
}

/** Rows of a grid in runs whose estimated request stays under `maxBytes` (values plus their "@" formats). */
function rowBatches(grid: string[][], maxBytes: number): { start: number; rows: string[][] }[] {
  const batches: { start: number; rows: string[][] }[] = [];
  let start = 0;
  let bytes = 0;
  grid.forEach((line, i) => {
    const lineBytes = estimateChunkBytes([line]) + line.length * 6;
    if (i > start && bytes + lineBytes > maxBytes) {
      batches.push({ start, rows: grid.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += lineBytes;
  });
  if (grid.length > start) batches.push({ start, rows: grid.slice(start) });
  return batches;
}

/** A name no sheet has, for the new sheet while it is written (≤ 31 characters, no reserved characters). */
function draftSheetName(name: string): string {
  return `${name.slice(0, 18)}~${Math.random().toString(36).slice(2, 10)}`;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly excel: ExcelHost;
  private readonly office: OfficeHost;
  private readonly chunk: ChunkOptions;
  private readonly sheetNames = new Map<string, string>();

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

  async readActiveSheet(options: ReadOptions = {}): Promise<SheetSnapshot> {
    return this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return readCaseSheet(this.gridSource(context, sheet), options);
    });
  }

  async readTexts(sheetName: string, top: number, bottom: number, left: number, right: number): Promise<string[][]> {
    return this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      // eslint-disable-next-line office-addins/load-object-before-read -- readRows loads values and text itself (the plugin cannot follow the call)
      return (await this.readRows(context, sheet, { top, bottom, left, right }, false)).values;
    });
  }

  async findRows(sheetName: string, column: number, texts: string[], fromRow: number): Promise<Map<string, number[]>> {
    return this.run("readFailed", async (context) => {
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
    return this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const states = await this.readStates(context, sheet, cells);
      return cells.map((cell) => states.get(cellKey(cell.row, cell.column)) as CellState);
    });
  }

  async writeChecked<T>(sheetName: string, plan: CheckedWritePlan<T>): Promise<CheckedWriteResult<T>> {
    return this.run("writeFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const knowsReadOnly = this.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      sheet.protection.load("protected,options");
      const states = await this.readStates(context, sheet, plan.read, (done, total) => plan.onProgress?.({ phase: "checking", done, total }));
      if (plan.read.length === 0) await context.sync(); // the status loads ride on the first check read otherwise
      const decision = plan.decide(plan.read.map((cell) => states.get(cellKey(cell.row, cell.column)) as CellState));
      if ("refuse" in decision) return { written: false, result: decision.refuse };
      const texts = decision.texts ?? [];
      const restores = decision.restores ?? [];
      const targets: CellAddress[] = [...texts, ...restores];
      const before = targets.map((cell) => {
        const state = states.get(cellKey(cell.row, cell.column));
        if (!state) throw new Error(`Cell ${a1(cell)} is written without having been read first.`);
        return state;
      });
      if (targets.length === 0) return { written: true, result: decision.result, before };
      if (knowsReadOnly && context.workbook.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
      // eslint-disable-next-line office-addins/load-object-before-read -- protection/protected is loaded below, before it is read
      const protection = sheet.protection;
      const canFormat = !protection.protected || protection.options?.allowFormatCells === true;
      if (protection.protected) await this.refuseLocked(context, sheet, targets);
      if (!canFormat && restores.some((state) => state.numberFormat !== states.get(cellKey(state.row, state.column))?.numberFormat)) {
        throw new WorkbookError("protected", `Sheet ${sheetName} is protected: number formats cannot be changed.`);
      }
      await this.writeInBatches(context, sheet, texts, restores, states, canFormat, (done, total) => plan.onProgress?.({ phase: "writing", done, total }));
      return { written: true, result: decision.result, before };
    });
  }

  async getSelection(): Promise<SelectionInfo> {
    return this.run("readFailed", async (context) => {
      let range = context.workbook.getSelectedRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      range.worksheet.load("name");
      try {
        await context.sync();
      } catch (error) {
        // Several areas selected (Ctrl+click): use the first one where the API can tell us (1.9).
        if (!this.supports("1.9")) throw error;
        range = context.workbook.getSelectedRanges().areas.getItemAt(0);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        range.worksheet.load("name");
        await context.sync();
      }
      // The address is built from the indexes: a whole row ("5:5") or column ("A:A") needs no parsing.
      const rect = { top: range.rowIndex + 1, left: range.columnIndex + 1, bottom: range.rowIndex + range.rowCount, right: range.columnIndex + range.columnCount };
      return {
        // eslint-disable-next-line office-addins/load-object-before-read -- worksheet/name is loaded with the range above
        sheetName: range.worksheet.name,
        row: rect.top,
        column: rect.left,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        address: rangeAddress(rect),
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

  async onSelectionChanged(listener: () => void): Promise<Unsubscribe> {
    const fire = async () => listener();
    return this.run("readFailed", async (context) => {
      // The collection's event (1.9) follows every sheet; the workbook's (1.2) is the fallback. The pane
      // does not rely on either alone: it also re-reads the selection when it regains focus.
      const handler = this.supports("1.9") ? context.workbook.worksheets.onSelectionChanged.add(fire) : context.workbook.onSelectionChanged.add(fire);
      await context.sync();
      return () => this.removeHandlers([handler]);
    });
  }

  async onSheetChanged(listener: (change: SheetChange) => void): Promise<Unsubscribe> {
    return this.run("readFailed", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      await context.sync();
      for (const sheet of worksheets.items) this.sheetNames.set(sheet.id, sheet.name);
      const onChanged = async (args: Excel.WorksheetChangedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: changeKind(args.changeType), address: args.address, source: changeSource(args.source) });
      const onSorted = async (args: Excel.WorksheetRowSortedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: "sorted", address: args.address, source: changeSource(args.source) });
      // Switching sheets changes what "the active sheet" holds, so activation counts as a change.
      const onActivated = async (args: Excel.WorksheetActivatedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: "activated", source: "local" });
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [worksheets.onActivated.add(onActivated)];
      if (this.supports("1.9")) handlers.push(worksheets.onChanged.add(onChanged));
      else for (const sheet of worksheets.items) handlers.push(sheet.onChanged.add(onChanged));
      // A sort moves cases between rows; it is reported by its own event (1.10).
      if (this.supports("1.10")) handlers.push(worksheets.onRowSorted.add(onSorted));
      await context.sync();
      return () => this.removeHandlers(handlers);
    });
  }

  async getStatus(sheetName: string): Promise<WorkbookStatus> {
    return this.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.protection.load("protected");
      const knowsReadOnly = this.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- protection/protected is loaded above with the sheet
      return { sheetProtected: sheet.protection.protected, readOnly: knowsReadOnly ? context.workbook.readOnly : false };
    });
  }

  async writeFaqSheet(name: string, values: string[][], options: SheetWriteOptions = {}): Promise<SheetWriteResult> {
    return this.run("writeFailed", async (context) => {
      const worksheets = context.workbook.worksheets;
      const existing = worksheets.getItemOrNullObject(name);
      // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is how a *OrNullObject result is tested
      existing.load("isNullObject,id,position");
      const knowsReadOnly = this.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      await context.sync();
      if (!existing.isNullObject && existing.id !== options.replaceId) return { written: false, existingId: existing.id };
      if (knowsReadOnly && context.workbook.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
      const width = Math.max(1, values.reduce((max, line) => Math.max(max, line.length), 0));
      const grid = values.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ""));
      const batches = rowBatches(grid, this.chunk.maxRequestBytes);
      // The values go into a new sheet first: until it is complete, the old sheet (if any) is untouched.
      const draft = worksheets.add(draftSheetName(name));
      draft.load("id");
      await context.sync();
      try {
        options.onProgress?.({ phase: "writing", done: 0, total: batches.length });
        for (let i = 0; i < batches.length; i++) {
          const { start, rows } = batches[i];
          const range = draft.getRangeByIndexes(start, 0, rows.length, width);
          // "@" before the values, in the same batch: Excel then stores "=…", "+81…" and "0120" as text.
          range.numberFormat = rows.map((line) => line.map(() => "@"));
          range.values = rows;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk on purpose: each chunk stays under Excel on the web's 5 MB payload limit
          await context.sync();
          options.onProgress?.({ phase: "writing", done: i + 1, total: batches.length });
        }
        if (!existing.isNullObject) {
          existing.delete();
          await context.sync();
        }
      } catch (error) {
        try {
          draft.delete();
          await context.sync();
        } catch {
          // The original error is the one worth reporting.
        }
        throw error;
      }
      draft.name = name;
      if (!existing.isNullObject) draft.position = existing.position;
      await context.sync();
      return { written: true, sheetName: name, sheetId: draft.id, rows: values.length, replaced: !existing.isNullObject };
    });
  }

  async loadSetting(key: string): Promise<string | undefined> {
    const value: unknown = this.office.context.document.settings.get(key);
    return typeof value === "string" ? value : undefined;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.office.context.document.settings.set(key, value);
    await this.saveSettings();
  }

  async removeSetting(key: string): Promise<void> {
    // `remove` changes only the in-memory copy; `saveAsync` persists the removal in the document.
    this.office.context.document.settings.remove(key);
    await this.saveSettings();
  }

  // ---- internals ------------------------------------------------------------------------------

  private async run<T>(fallback: "readFailed" | "writeFailed", batch: Batch<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (error) {
      throw toWorkbookError(error, fallback);
    }
  }

  private saveSettings(): Promise<void> {
    const settings = this.office.context.document.settings;
    return new Promise<void>((resolve, reject) => {
      settings.saveAsync((result: Office.AsyncResult<void>) => {
        if (String(result.status) === "failed") reject(toWorkbookError(result.error, "writeFailed"));
        else resolve();
      });
    });
  }

  /** Removes handlers in the request context they were added in, inside `Excel.run` (Microsoft's documented pattern). */
  private async removeHandlers(handlers: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
    if (handlers.length === 0) return;
    await this.excel.run(handlers[0].context, async (context) => {
      for (const handler of handlers) handler.remove();
      await context.sync();
    });
  }

  private async sheetNameOf(worksheetId: string | undefined): Promise<string | undefined> {
    if (!worksheetId) return undefined;
    const known = this.sheetNames.get(worksheetId);
    if (known) return known;
    try {
      // A sheet added (or renamed) since the pane subscribed: `getItem` takes an id as well as a name.
      return await this.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(worksheetId);
        sheet.load("name");
        await context.sync();
        this.sheetNames.set(worksheetId, sheet.name);
        return sheet.name;
      });
    } catch {
      return undefined;
    }
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
        if (!this.supports("1.13")) return [];
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
    let rows = nextChunkRows(columnCount, undefined, this.chunk);
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
      rows = nextChunkRows(columnCount, estimateChunkBytes(chunkValues, chunkTexts) / count, this.chunk);
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

  /**
   * Exact state of scattered cells (value, raw value, formula, number format), one range per run of
   * adjacent cells, in chunks whose responses stay far under the payload limit.
   */
  private async readStates(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    cells: readonly CellAddress[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, CellState>> {
    const runs = runsOf(cells);
    const states = new Map<string, CellState>();
    const total = cells.length;
    let budget = this.chunk.firstChunkCells;
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
      budget = Math.max(1, Math.min(this.chunk.maxChunkRows * 20, Math.floor(this.chunk.targetChunkBytes / Math.max(1, perCell))));
      done += cellsInChunk;
      onProgress?.(done, total);
      start = end;
    }
    return states;
  }

  /** On a protected sheet only unlocked cells can be written (a common template: input columns unlocked). */
  private async refuseLocked(context: Excel.RequestContext, sheet: Excel.Worksheet, targets: CellAddress[]): Promise<void> {
    const blocks = blocksOf(targets);
    const ranges = blocks.map(({ rect }) => {
      const range = sheet.getRangeByIndexes(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
      range.format.protection.load("locked");
      return range;
    });
    await context.sync();
    // `locked` is null when the block mixes locked and unlocked cells: that is a refusal too.
    const locked = blocks.filter((_, i) => ranges[i].format.protection.locked !== false);
    if (locked.length > 0) {
      throw new WorkbookError("protected", "The target cells are locked on a protected sheet.", { cells: locked.map(({ rect }) => rangeAddress(rect)) });
    }
  }

  /**
   * The write itself: one batch when it fits in a request (the usual case, even for a thousand
   * short values), otherwise consecutive batches. If any batch fails, every cell written so far is
   * put back as it was read (a batch is not a transaction), then the failure is reported.
   */
  private async writeInBatches(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    texts: CellWrite[],
    restores: CellState[],
    states: Map<string, CellState>,
    canFormat: boolean,
    onProgress: (done: number, total: number) => void,
  ): Promise<void> {
    const typedValues = this.supports("1.16");
    const groups: { bytes: number; queue: () => void; cells: CellAddress[] }[] = [];
    for (const block of splitBlocks(blocksOf(texts), this.chunk.maxRequestBytes)) {
      const values = block.cells.map((line) => line.map((cell) => cell.value));
      groups.push({
        bytes: estimateChunkBytes(values) + 200,
        cells: block.cells.flat(),
        queue: () => {
          const range = sheet.getRangeByIndexes(block.rect.top - 1, block.rect.left - 1, block.cells.length, block.cells[0].length);
          if (canFormat) {
            // Order matters inside the batch: with "@" in place first, Excel stores "=SUM(…)" as text.
            range.numberFormat = values.map((line) => line.map(() => "@"));
            range.values = values;
          } else {
            // Formatting is not allowed on this protected sheet: a leading apostrophe keeps the value text.
            range.values = values.map((line) => line.map((value) => (value === "" ? "" : `'${value}`)));
          }
        },
      });
    }
    for (const state of restores) {
      groups.push({
        bytes: estimateBytes(state.raw) + estimateBytes(state.formula) + 300,
        cells: [state],
        queue: () => restoreCell(sheet, state, states.get(cellKey(state.row, state.column)), typedValues),
      });
    }
    const batches: (typeof groups)[] = [[]];
    let bytes = 0;
    for (const group of groups) {
      if (bytes + group.bytes > this.chunk.maxRequestBytes && batches[batches.length - 1].length > 0) {
        batches.push([]);
        bytes = 0;
      }
      batches[batches.length - 1].push(group);
      bytes += group.bytes;
    }
    const written: CellAddress[] = [];
    onProgress(0, batches.length);
    for (let i = 0; i < batches.length; i++) {
      for (const group of batches[i]) group.queue();
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch on purpose: each batch stays under the payload limit, and a failed batch is rolled back
        await context.sync();
      } catch (error) {
        written.push(...batches[i].flatMap((group) => group.cells));
        try {
          for (const cell of written) restoreCell(sheet, states.get(cellKey(cell.row, cell.column)) as CellState, undefined, typedValues);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the rollback of the batches already written, inside the failure path
          await context.sync();
        } catch {
          // The original error is the one worth reporting.
        }
        throw toWorkbookError(error, "writeFailed");
      }
      written.push(...batches[i].flatMap((group) => group.cells));
      onProgress(i + 1, batches.length);
    }
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

/**
 * Puts one cell back exactly. The format goes first, then the formula, or the raw value: a number or
 * a date serial as a number; a string as a string — typed (1.16), in a text-formatted cell, or behind
 * a leading apostrophe, so that text such as "=…" or "0120" never comes back as a formula or a number.
 */
function restoreCell(sheet: Excel.Worksheet, state: CellState, current: CellState | undefined, typedValues: boolean): void {
  const range = sheet.getRangeByIndexes(state.row - 1, state.column - 1, 1, 1);
  if (!current || current.numberFormat !== state.numberFormat) range.numberFormat = [[state.numberFormat]];
  if (state.formula) range.formulas = [[state.formula]];
  else if (typeof state.raw !== "string" || state.raw === "" || state.numberFormat === "@") range.values = [[state.raw]];
  else if (typedValues) range.valuesAsJson = [[{ type: "String", basicValue: state.raw } as Excel.StringCellValue]];
  else range.values = [[`'${state.raw}`]];
}

