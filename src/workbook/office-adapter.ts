/**
 * The workbook port over the Excel JavaScript API (see docs/office.md for the reasoning): one facade
 * over its parts — office-reading.ts, office-writing.ts, office-events.ts, office-settings.ts, sharing
 * office-host.ts (the hosts, chunk sizes, requirement checks and error mapping).
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
import { OfficeEvents } from "./office-events";
import { OfficeConnection, type ChunkOptions, type ExcelHost, type OfficeHost } from "./office-host";
import { OfficeReader } from "./office-reading";
import { OfficeSettings } from "./office-settings";
import { OfficeWriter } from "./office-writing";
import type {
  CellAddress,
  CellState,
  CheckedWritePlan,
  CheckedWriteResult,
  ReadOptions,
  SelectionInfo,
  SheetChange,
  SheetSnapshot,
  SheetWriteOptions,
  SheetWriteResult,
  Unsubscribe,
  WorkbookPort,
  WorkbookStatus,
} from "./port";

export { DEFAULT_CHUNK_OPTIONS, REQUIRED_EXCEL_API, toWorkbookError, type ChunkOptions, type ExcelHost, type OfficeHost } from "./office-host";
export { cellText, estimateChunkBytes, nextChunkRows } from "./office-reading";

export class OfficeWorkbook implements WorkbookPort {
  private readonly host: OfficeConnection;
  private readonly reader: OfficeReader;
  private readonly writer: OfficeWriter;
  private readonly events: OfficeEvents;
  private readonly settings: OfficeSettings;

  constructor(hosts: { excel?: ExcelHost; office?: OfficeHost; chunk?: Partial<ChunkOptions> } = {}) {
    this.host = new OfficeConnection(hosts);
    this.reader = new OfficeReader(this.host);
    this.writer = new OfficeWriter(this.host, this.reader);
    this.events = new OfficeEvents(this.host);
    this.settings = new OfficeSettings(this.host);
  }

  supports(version: string): boolean {
    return this.host.supports(version);
  }

  readActiveSheet(options?: ReadOptions): Promise<SheetSnapshot> {
    return this.reader.readActiveSheet(options);
  }

  readTexts(sheetName: string, top: number, bottom: number, left: number, right: number): Promise<string[][]> {
    return this.reader.readTexts(sheetName, top, bottom, left, right);
  }

  findRows(sheetName: string, column: number, texts: string[], fromRow: number): Promise<Map<string, number[]>> {
    return this.reader.findRows(sheetName, column, texts, fromRow);
  }

  readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]> {
    return this.reader.readCells(sheetName, cells);
  }

  writeChecked<T>(sheetName: string, plan: CheckedWritePlan<T>): Promise<CheckedWriteResult<T>> {
    return this.writer.writeChecked(sheetName, plan);
  }

  getStatus(sheetName: string): Promise<WorkbookStatus> {
    return this.writer.getStatus(sheetName);
  }

  writeFaqSheet(name: string, values: string[][], options?: SheetWriteOptions): Promise<SheetWriteResult> {
    return this.writer.writeFaqSheet(name, values, options);
  }

  getSelection(): Promise<SelectionInfo> {
    return this.events.getSelection();
  }

  selectCell(sheetName: string, cell: CellAddress): Promise<void> {
    return this.events.selectCell(sheetName, cell);
  }

  onSelectionChanged(listener: () => void): Promise<Unsubscribe> {
    return this.events.onSelectionChanged(listener);
  }

  onSheetChanged(listener: (change: SheetChange) => void): Promise<Unsubscribe> {
    return this.events.onSheetChanged(listener);
  }

  loadSetting(key: string): Promise<string | undefined> {
    return this.settings.loadSetting(key);
  }

  saveSetting(key: string, value: string): Promise<void> {
    return this.settings.saveSetting(key, value);
  }

  removeSetting(key: string): Promise<void> {
    return this.settings.removeSetting(key);
  }
}
