/**
 * An in-memory workbook that behaves like Excel where faq-assist can tell the difference: protected
 * sheets and read-only workbooks refuse writes, a text-formatted cell keeps "=…" as text, hidden rows
 * and merged areas are reported, settings travel with the workbook. The preview page draws it as a
 * grid and the tests drive it, including edits "by a co-author" between a read and a write.
 */
import Papa from "papaparse";
import { parseRange, rangeAddress } from "./a1-address";
import {
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

export const GENERAL_FORMAT = "General";
export const TEXT_FORMAT = "@";

/** Who changed the workbook, for listeners that care (the preview ignores it, tests may not). */
export type ChangeSource = "user" | "coauthor" | "addin" | "selection" | "structure";

export type WorkbookListener = (source: ChangeSource) => void;

interface MemorySheet {
  name: string;
  /** values[row-1][column-1]: what the cell shows. Ragged; missing means "". */
  values: string[][];
  formulas: Map<string, string>;
  formats: Map<string, string>;
  hiddenRows: Set<number>;
  mergedAreas: string[];
  protected: boolean;
}

/** Rows per simulated chunk, so progress reporting is exercised the way Excel on the web does it. */
const MEMORY_CHUNK_ROWS = 500;

const key = (row: number, column: number): string => `${row},${column}`;

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets = new Map<string, MemorySheet>();
  private activeSheet: string;
  private selection: { sheetName: string; top: number; left: number; bottom: number; right: number };
  private readOnly = false;
  private readonly settings = new Map<string, string>();
  private readonly selectionListeners = new Set<(selection: SelectionInfo) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly anyListeners = new Set<WorkbookListener>();
  private pendingWriteFailure: Error | undefined;
  /** Every successful `writeCells`/`restoreCells` call, in order (tests assert "one write"). */
  readonly writeLog: { kind: "write" | "restore"; sheetName: string; cells: CellAddress[] }[] = [];

  constructor(sheetName = "Sheet1", rows: string[][] = []) {
    this.activeSheet = sheetName;
    this.addSheet(sheetName, rows);
    this.selection = { sheetName, top: 1, left: 1, bottom: 1, right: 1 };
  }

  /** Builds a one-sheet workbook from CSV text (quoted cells with line breaks are fine). */
  static fromCsv(text: string, sheetName = "Sheet1"): MemoryWorkbook {
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
    const rows = parsed.data.filter((row, index, all) => !(index === all.length - 1 && row.length === 1 && row[0] === ""));
    return new MemoryWorkbook(sheetName, rows);
  }

  // ---- helpers for the preview grid and for tests -------------------------------------------

  addSheet(name: string, rows: string[][] = []): void {
    if (this.sheets.has(name)) throw new Error(`Sheet already exists: ${name}`);
    this.sheets.set(name, {
      name,
      values: rows.map((row) => row.map((cell) => cell ?? "")),
      formulas: new Map(),
      formats: new Map(),
      hiddenRows: new Set(),
      mergedAreas: [],
      protected: false,
    });
  }

  get sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  get activeSheetName(): string {
    return this.activeSheet;
  }

  activateSheet(name: string): void {
    this.sheet(name);
    this.activeSheet = name;
    this.selection = { sheetName: name, top: 1, left: 1, bottom: 1, right: 1 };
    this.notifySelection();
    for (const listener of this.changeListeners) listener();
    this.notifyAny("structure");
  }

  /** Extent of the sheet's data (at least 1 × 1), for drawing a grid. */
  size(sheetName = this.activeSheet): { rows: number; columns: number } {
    const sheet = this.sheet(sheetName);
    const columns = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
    return { rows: Math.max(1, sheet.values.length), columns: Math.max(1, columns) };
  }

  getCell(sheetName: string, row: number, column: number): string {
    return this.sheet(sheetName).values[row - 1]?.[column - 1] ?? "";
  }

  getCellState(sheetName: string, row: number, column: number): CellState {
    const sheet = this.sheet(sheetName);
    return {
      row,
      column,
      value: this.getCell(sheetName, row, column),
      formula: sheet.formulas.get(key(row, column)) ?? "",
      numberFormat: sheet.formats.get(key(row, column)) ?? GENERAL_FORMAT,
    };
  }

  /** Typing into a cell, as the editor does in Excel. Protection applies to people too. */
  setCellByUser(sheetName: string, row: number, column: number, text: string): void {
    this.typeInto(sheetName, row, column, text, "user");
  }

  /** Someone else edits the workbook (co-authoring), e.g. between the pane's read and its write. */
  simulateCoauthorEdit(sheetName: string, row: number, column: number, text: string): void {
    this.typeInto(sheetName, row, column, text, "coauthor");
  }

  setNumberFormat(sheetName: string, row: number, column: number, numberFormat: string): void {
    this.sheet(sheetName).formats.set(key(row, column), numberFormat);
    this.notifyAny("structure");
  }

  /** Selects a range given as "L5", "B3:D7" or "Sheet1!L5", and tells the selection listeners. */
  select(address: string): void {
    const ref = parseRange(address);
    const sheetName = ref.sheetName ?? this.activeSheet;
    this.sheet(sheetName);
    const switched = sheetName !== this.activeSheet;
    this.activeSheet = sheetName;
    this.selection = { sheetName, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
    this.notifySelection();
    // Another sheet became active: as in Excel (worksheet activation), readers of "the active sheet" re-read.
    if (switched) for (const listener of this.changeListeners) listener();
    this.notifyAny("selection");
  }

  setProtected(sheetName: string, isProtected: boolean): void {
    this.sheet(sheetName).protected = isProtected;
    this.notifyAny("structure");
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.notifyAny("structure");
  }

  hideRows(sheetName: string, rows: number[]): void {
    for (const row of rows) this.sheet(sheetName).hiddenRows.add(row);
    this.notifyAny("structure");
  }

  merge(sheetName: string, address: string): void {
    this.sheet(sheetName).mergedAreas.push(rangeAddress(parseRange(address)));
    this.notifyAny("structure");
  }

  /** Makes the next write or restore fail as Excel would on a network or host error. */
  failNextWrite(error: Error = new Error("Simulated write failure")): void {
    this.pendingWriteFailure = error;
  }

  /** Listens to every change (values, selection, formats, protection); the preview grid re-renders. */
  subscribe(listener: WorkbookListener): () => void {
    this.anyListeners.add(listener);
    return () => {
      this.anyListeners.delete(listener);
    };
  }

  // ---- WorkbookPort ---------------------------------------------------------------------------

  async readActiveSheet(onProgress?: (progress: ReadProgress) => void): Promise<SheetSnapshot> {
    const sheet = this.sheet(this.activeSheet);
    const used = this.usedRange(sheet);
    if (!used) {
      onProgress?.({ rowsRead: 0, totalRows: 0 });
      return { sheetName: sheet.name, firstRow: 1, firstColumn: 1, values: [], hiddenRows: [], mergedAreas: [] };
    }
    const totalRows = used.bottom - used.top + 1;
    const values: string[][] = [];
    for (let start = used.top; start <= used.bottom; start += MEMORY_CHUNK_ROWS) {
      const end = Math.min(used.bottom, start + MEMORY_CHUNK_ROWS - 1);
      for (let row = start; row <= end; row++) {
        const line: string[] = [];
        for (let column = used.left; column <= used.right; column++) line.push(this.getCell(sheet.name, row, column));
        values.push(line);
      }
      onProgress?.({ rowsRead: end - used.top + 1, totalRows });
      // Yield like a real round trip, so a pane that renders progress gets the chance to.
      await Promise.resolve();
    }
    return {
      sheetName: sheet.name,
      firstRow: used.top,
      firstColumn: used.left,
      values,
      hiddenRows: [...sheet.hiddenRows].filter((row) => row >= used.top && row <= used.bottom).sort((a, b) => a - b),
      mergedAreas: sheet.mergedAreas.filter((area) => overlaps(parseRange(area), used)),
    };
  }

  async readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]> {
    this.sheet(sheetName);
    return cells.map((cell) => this.getCellState(sheetName, cell.row, cell.column));
  }

  async writeCells(sheetName: string, writes: CellWrite[]): Promise<void> {
    const sheet = this.writableSheet(sheetName);
    this.consumeFailure();
    for (const write of writes) {
      // Excel: the "@" format is applied first, so the value is stored as text whatever it starts with.
      sheet.formats.set(key(write.row, write.column), TEXT_FORMAT);
      sheet.formulas.delete(key(write.row, write.column));
      this.setValue(sheet, write.row, write.column, write.value);
    }
    this.writeLog.push({ kind: "write", sheetName, cells: writes.map(({ row, column }) => ({ row, column })) });
    this.notifyChanged("addin");
  }

  async restoreCells(sheetName: string, states: CellState[]): Promise<void> {
    const sheet = this.writableSheet(sheetName);
    this.consumeFailure();
    for (const state of states) {
      const k = key(state.row, state.column);
      if (state.numberFormat === GENERAL_FORMAT) sheet.formats.delete(k);
      else sheet.formats.set(k, state.numberFormat);
      if (state.formula) sheet.formulas.set(k, state.formula);
      else sheet.formulas.delete(k);
      this.setValue(sheet, state.row, state.column, state.value);
    }
    this.writeLog.push({ kind: "restore", sheetName, cells: states.map(({ row, column }) => ({ row, column })) });
    this.notifyChanged("addin");
  }

  async getSelection(): Promise<SelectionInfo> {
    return this.selectionInfo();
  }

  async selectCell(sheetName: string, cell: CellAddress): Promise<void> {
    this.sheet(sheetName);
    this.select(`'${sheetName.replace(/'/g, "''")}'!${rangeAddress({ top: cell.row, left: cell.column, bottom: cell.row, right: cell.column })}`);
  }

  async onSelectionChanged(listener: (selection: SelectionInfo) => void): Promise<Unsubscribe> {
    this.selectionListeners.add(listener);
    return () => {
      this.selectionListeners.delete(listener);
    };
  }

  async onSheetChanged(listener: () => void): Promise<Unsubscribe> {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  async getStatus(sheetName: string): Promise<WorkbookStatus> {
    return { sheetProtected: this.sheet(sheetName).protected, readOnly: this.readOnly };
  }

  async loadSetting(settingKey: string): Promise<string | undefined> {
    return this.settings.get(settingKey);
  }

  async saveSetting(settingKey: string, value: string): Promise<void> {
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only; the setting cannot be saved.");
    this.settings.set(settingKey, value);
  }

  // ---- internals ------------------------------------------------------------------------------

  private typeInto(sheetName: string, row: number, column: number, text: string, source: ChangeSource): void {
    const sheet = this.sheet(sheetName);
    if (sheet.protected) throw new WorkbookError("protected", `Sheet ${sheetName} is protected.`);
    const k = key(row, column);
    const isText = sheet.formats.get(k) === TEXT_FORMAT;
    // Typed "=…" becomes a formula unless the cell is text-formatted; we cannot evaluate it, so it shows as typed.
    if (!isText && text.startsWith("=")) sheet.formulas.set(k, text);
    else sheet.formulas.delete(k);
    this.setValue(sheet, row, column, text);
    this.notifyChanged(source);
  }

  private setValue(sheet: MemorySheet, row: number, column: number, value: string): void {
    while (sheet.values.length < row) sheet.values.push([]);
    const line = sheet.values[row - 1];
    while (line.length < column) line.push("");
    line[column - 1] = value;
  }

  private usedRange(sheet: MemorySheet): { top: number; left: number; bottom: number; right: number } | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    sheet.values.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === "") return;
        top = Math.min(top, r + 1);
        bottom = Math.max(bottom, r + 1);
        left = Math.min(left, c + 1);
        right = Math.max(right, c + 1);
      }),
    );
    return bottom === 0 ? undefined : { top, left, bottom, right };
  }

  private selectionInfo(): SelectionInfo {
    const { sheetName, top, left, bottom, right } = this.selection;
    return {
      sheetName,
      row: top,
      column: left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
      address: rangeAddress({ top, left, bottom, right }),
    };
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new WorkbookError("noSheet", `No sheet named ${name}.`);
    return sheet;
  }

  private writableSheet(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
    if (sheet.protected) throw new WorkbookError("protected", `Sheet ${name} is protected.`);
    return sheet;
  }

  private consumeFailure(): void {
    const failure = this.pendingWriteFailure;
    if (!failure) return;
    this.pendingWriteFailure = undefined;
    throw new WorkbookError("writeFailed", failure.message);
  }

  private notifySelection(): void {
    const info = this.selectionInfo();
    for (const listener of this.selectionListeners) listener(info);
  }

  private notifyChanged(source: ChangeSource): void {
    for (const listener of this.changeListeners) listener();
    this.notifyAny(source);
  }

  private notifyAny(source: ChangeSource): void {
    for (const listener of this.anyListeners) listener(source);
  }
}

function overlaps(
  a: { top: number; left: number; bottom: number; right: number },
  b: { top: number; left: number; bottom: number; right: number },
): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
