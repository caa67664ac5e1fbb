// Over 400 lines: a whole fake workbook (typed cells, formats, protection, row moves, co-author events) behind every WorkbookPort method, over one cell store.
/**
 * An in-memory workbook that behaves like Excel where faq-assist can tell the difference: cells hold
 * typed values (3.14159 shown as "3.14", dates as serial numbers), "=…" typed into a General cell is a
 * formula and stays text in an "@" cell, protected sheets refuse writes to locked cells, read-only
 * workbooks refuse all writes, rows can be inserted, deleted and sorted, and every change is reported
 * with its address and source (local or a co-author), as Excel's change events do. Change events can
 * be held back to play a host whose events arrive late or not at all.
 *
 * The preview page draws it as a grid and the tests drive it.
 */
import Papa from "papaparse";
import { readCaseSheet, type GridSource } from "./bounded-read";
import { EXCEL_MAX_COLUMNS, blocksOf, cellRect, contains, overlaps, parseAreas, parseRange, qualifiedAddress, rangeAddress, type Rect } from "./a1-address";
import { GENERAL_FORMAT, TEXT_FORMAT, displayText, enterValue } from "./excel-values";
import {
  WorkbookError,
  a1,
  cellKey,
  type CellAddress,
  type CellState,
  type CellValue,
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

export { GENERAL_FORMAT, TEXT_FORMAT };

/** Who changed the workbook, for the preview grid (which re-renders on anything). */
export type ChangeSource = "user" | "coauthor" | "addin" | "selection" | "structure";
export type WorkbookListener = (source: ChangeSource) => void;

interface Cell {
  raw: CellValue;
  formula: string;
  format: string;
}

interface MemorySheet {
  name: string;
  /** Excel's worksheet id: stays the same when the sheet is renamed or moved. */
  id: string;
  /** rows[row-1][column-1]; ragged, missing means an empty General cell. */
  rows: (Cell | undefined)[][];
  hiddenRows: Set<number>;
  mergedAreas: string[];
  protected: boolean;
  /** Protection option: formatting cells is allowed (Excel's "Format cells" checkbox). */
  allowFormatCells: boolean;
  /** Areas whose cells are unlocked; Excel's default is every cell locked (it matters once the sheet is protected). */
  unlocked: Rect[];
}

/** Rows per simulated chunk, so progress reporting is exercised as in Excel on the web. */
const MEMORY_CHUNK_ROWS = 500;
const EMPTY: Cell = { raw: "", formula: "", format: GENERAL_FORMAT };

export type WriteLogEntry = { kind: "write" | "restore" | "sheet"; sheetName: string; cells: CellAddress[] };

export class MemoryWorkbook implements WorkbookPort {
  private sheets = new Map<string, MemorySheet>();
  private activeSheet: string;
  private selection: { sheetName: string } & Rect;
  private readOnly = false;
  private readonly settings = new Map<string, string>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly changeListeners = new Set<(change: SheetChange) => void>();
  private readonly anyListeners = new Set<WorkbookListener>();
  private pendingWriteFailure: Error | undefined;
  private held: SheetChange[] | undefined;
  private nextSheetId = 1;
  /** Every successful write, in order (tests assert "one write"). */
  readonly writeLog: WriteLogEntry[] = [];
  /** Every `readTexts`/`readCells`/chunk read, so tests can see what a change cost. */
  readonly readLog: { kind: "texts" | "cells" | "sheet"; rows: number; columns?: number }[] = [];

  constructor(sheetName = "Sheet1", rows: CellValue[][] = []) {
    this.activeSheet = sheetName;
    this.addSheet(sheetName, rows);
    this.selection = { sheetName, top: 1, left: 1, bottom: 1, right: 1 };
  }

  /** Builds a one-sheet workbook from CSV text (quoted cells with line breaks are fine); every cell is text. */
  static fromCsv(text: string, sheetName = "Sheet1"): MemoryWorkbook {
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
    const rows = parsed.data.filter((row, index, all) => !(index === all.length - 1 && row.length === 1 && row[0] === ""));
    return new MemoryWorkbook(sheetName, rows);
  }

  // ---- helpers for the preview grid and for tests -------------------------------------------

  /** Adds a sheet; strings are stored as text as given (a CSV import), numbers and booleans as such. */
  addSheet(name: string, rows: CellValue[][] = []): void {
    if (this.sheets.has(name)) throw new Error(`Sheet already exists: ${name}`);
    this.sheets.set(name, {
      name,
      id: this.newSheetId(),
      rows: rows.map((line) => line.map((raw) => (raw === "" || raw === undefined || raw === null ? undefined : { ...EMPTY, raw }))),
      hiddenRows: new Set(),
      mergedAreas: [],
      protected: false,
      allowFormatCells: false,
      unlocked: [],
    });
  }

  get sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /** The sheet's id (undefined when there is no such sheet). */
  sheetId(name: string): string | undefined {
    return this.sheets.get(name)?.id;
  }

  /** Renames a sheet, as a user does on its tab (its id stays). */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (this.sheets.has(to)) throw new Error(`Sheet already exists: ${to}`);
    this.sheets = new Map([...this.sheets].map(([name, s]) => (name === from ? [to, s] : [name, s])));
    sheet.name = to;
    if (this.activeSheet === from) this.activeSheet = to;
    if (this.selection.sheetName === from) this.selection = { ...this.selection, sheetName: to };
    this.notifyAny("structure");
  }

  /** Deletes a sheet, as a user does on its tab. */
  deleteSheet(name: string): void {
    this.sheet(name);
    if (this.activeSheet === name) throw new Error("The active sheet cannot be deleted here; activate another first.");
    this.sheets.delete(name);
    this.notifyAny("structure");
  }

  get activeSheetName(): string {
    return this.activeSheet;
  }

  activateSheet(name: string): void {
    this.sheet(name);
    this.activeSheet = name;
    this.selection = { sheetName: name, top: 1, left: 1, bottom: 1, right: 1 };
    this.notifySelection();
    this.emit({ sheetName: name, kind: "activated", source: "local" }, "structure");
  }

  /** Extent of the sheet's data (at least 1 × 1), for drawing a grid. */
  size(sheetName = this.activeSheet): { rows: number; columns: number } {
    const sheet = this.sheet(sheetName);
    const columns = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
    return { rows: Math.max(1, sheet.rows.length), columns: Math.max(1, columns) };
  }

  /** What the cell shows. */
  getCell(sheetName: string, row: number, column: number): string {
    const cell = this.cellAt(this.sheet(sheetName), row, column);
    return displayText(cell.raw, cell.format);
  }

  getCellState(sheetName: string, row: number, column: number): CellState {
    const cell = this.cellAt(this.sheet(sheetName), row, column);
    return { row, column, value: displayText(cell.raw, cell.format), raw: cell.raw, formula: cell.formula, numberFormat: cell.format };
  }

  /** Typing into a cell, as the editor does in Excel (a local change). Protection applies to people too. */
  setCellByUser(sheetName: string, row: number, column: number, text: string): void {
    this.typeInto(sheetName, row, column, text, "local");
  }

  /** A co-author edits the workbook (a remote change), e.g. between the pane's read and its write. */
  simulateCoauthorEdit(sheetName: string, row: number, column: number, text: string): void {
    this.typeInto(sheetName, row, column, text, "remote");
  }

  /** Sets a typed value (a number, a date serial, a boolean) and optionally its number format. */
  setCellValue(sheetName: string, row: number, column: number, raw: CellValue, numberFormat?: string): void {
    const sheet = this.sheet(sheetName);
    const cell = { ...this.cellAt(sheet, row, column), raw, formula: "" };
    if (numberFormat !== undefined) cell.format = numberFormat;
    this.put(sheet, row, column, cell);
    this.emit({ sheetName, kind: "edit", address: a1({ row, column }), source: "local" }, "user");
  }

  setNumberFormat(sheetName: string, row: number, column: number, numberFormat: string): void {
    const sheet = this.sheet(sheetName);
    this.put(sheet, row, column, { ...this.cellAt(sheet, row, column), format: numberFormat });
    this.notifyAny("structure");
  }

  /** Selects a range given as "L5", "B3:D7", "5:5", "A:A", "A1:B2,C3" or "Sheet1!L5"; tells the listeners. */
  select(address: string): void {
    const [ref] = parseAreas(address);
    const sheetName = ref.sheetName ?? this.activeSheet;
    this.sheet(sheetName);
    const switched = sheetName !== this.activeSheet;
    this.activeSheet = sheetName;
    this.selection = { sheetName, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
    this.notifySelection();
    // Another sheet became active: as in Excel (worksheet activation), readers of "the active sheet" re-read.
    if (switched) this.emit({ sheetName, kind: "activated", source: "local" }, "structure");
    this.notifyAny("selection");
  }

  /** Protects a sheet; `allowFormatCells` is Excel's "Format cells" permission. */
  setProtected(sheetName: string, isProtected: boolean, options: { allowFormatCells?: boolean } = {}): void {
    const sheet = this.sheet(sheetName);
    sheet.protected = isProtected;
    sheet.allowFormatCells = options.allowFormatCells ?? false;
    this.notifyAny("structure");
  }

  /** Unlocks cells (Format Cells › Protection › Locked off), the usual template for a protected sheet with input columns. */
  unlockCells(sheetName: string, address: string): void {
    this.sheet(sheetName).unlocked.push(parseRange(address));
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

  /** Inserts empty rows before `row`, shifting the rows below down (by the user, or a co-author). */
  insertRows(sheetName: string, row: number, count = 1, source: "local" | "remote" = "remote"): void {
    const sheet = this.sheet(sheetName);
    while (sheet.rows.length < row - 1) sheet.rows.push([]);
    sheet.rows.splice(row - 1, 0, ...Array.from({ length: count }, () => []));
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map((r) => (r >= row ? r + count : r)));
    this.followRows(sheetName, (r) => (r >= row ? r + count : r), source);
    this.emit({ sheetName, kind: "rowsInserted", address: `${row}:${row + count - 1}`, source }, source === "remote" ? "coauthor" : "user");
  }

  /** Deletes rows, shifting the rows below up. */
  deleteRows(sheetName: string, row: number, count = 1, source: "local" | "remote" = "remote"): void {
    const sheet = this.sheet(sheetName);
    sheet.rows.splice(row - 1, count);
    sheet.hiddenRows = new Set([...sheet.hiddenRows].filter((r) => r < row || r >= row + count).map((r) => (r >= row + count ? r - count : r)));
    this.followRows(sheetName, (r) => (r >= row + count ? r - count : r >= row ? row : r), source);
    this.emit({ sheetName, kind: "rowsDeleted", address: `${row}:${row + count - 1}`, source }, source === "remote" ? "coauthor" : "user");
  }

  /** Sorts rows top..bottom by the text of one column (as Data › Sort does). */
  sortRows(sheetName: string, top: number, bottom: number, byColumn: number, descending = false, source: "local" | "remote" = "remote"): void {
    const sheet = this.sheet(sheetName);
    while (sheet.rows.length < bottom) sheet.rows.push([]);
    const block = sheet.rows.slice(top - 1, bottom);
    const text = (line: (Cell | undefined)[]) => {
      const cell = line[byColumn - 1] ?? EMPTY;
      return displayText(cell.raw, cell.format);
    };
    block.sort((a, b) => (descending ? -1 : 1) * text(a).localeCompare(text(b), "ja"));
    sheet.rows.splice(top - 1, block.length, ...block);
    this.emit({ sheetName, kind: "sorted", address: `${top}:${bottom}`, source }, source === "remote" ? "coauthor" : "user");
  }

  /** Holds change events back (a host whose events are late); `releaseEvents` delivers them in order. */
  holdEvents(): void {
    this.held ??= [];
  }

  releaseEvents(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const change of held) for (const listener of [...this.changeListeners]) listener(change);
  }

  /** Makes the next write fail as Excel would on a network or host error. */
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

  async readActiveSheet(options: ReadOptions = {}): Promise<SheetSnapshot> {
    return readCaseSheet(this.gridSource(this.sheet(this.activeSheet)), options);
  }

  async readTexts(sheetName: string, top: number, bottom: number, left: number, right: number): Promise<string[][]> {
    const sheet = this.sheet(sheetName);
    this.readLog.push({ kind: "texts", rows: bottom - top + 1, columns: right - left + 1 });
    return this.texts(sheet, { top, bottom, left, right });
  }

  async findRows(sheetName: string, column: number, texts: string[], fromRow: number): Promise<Map<string, number[]>> {
    const sheet = this.sheet(sheetName);
    const wanted = new Set(texts.map((text) => text.trim()));
    const found = new Map<string, number[]>();
    for (let row = fromRow; row <= sheet.rows.length; row++) {
      const cell = sheet.rows[row - 1]?.[column - 1];
      const text = cell ? displayText(cell.raw, cell.format).trim() : "";
      if (text !== "" && wanted.has(text)) found.set(text, [...(found.get(text) ?? []), row]);
    }
    this.readLog.push({ kind: "texts", rows: Math.max(0, sheet.rows.length - fromRow + 1) });
    return found;
  }

  async readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]> {
    this.sheet(sheetName);
    this.readLog.push({ kind: "cells", rows: new Set(cells.map((c) => c.row)).size });
    return cells.map((cell) => this.getCellState(sheetName, cell.row, cell.column));
  }

  async writeChecked<T>(sheetName: string, plan: CheckedWritePlan<T>): Promise<CheckedWriteResult<T>> {
    const sheet = this.sheet(sheetName);
    plan.onProgress?.({ phase: "checking", done: 0, total: plan.read.length });
    const states = plan.read.map((cell) => this.getCellState(sheetName, cell.row, cell.column));
    plan.onProgress?.({ phase: "checking", done: plan.read.length, total: plan.read.length });
    // Nothing happens between the check and the write: this workbook is single-threaded.
    const decision = plan.decide(states);
    if ("refuse" in decision) return { written: false, result: decision.refuse };
    const texts = decision.texts ?? [];
    const restores = decision.restores ?? [];
    const targets = [...texts, ...restores];
    if (targets.length === 0) return { written: true, result: decision.result, before: [] };
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
    const locked = sheet.protected ? targets.filter((cell) => isLocked(sheet, cell)) : [];
    if (locked.length > 0) {
      throw new WorkbookError("protected", `Sheet ${sheetName} is protected.`, { cells: locked.map((cell) => a1(cell)) });
    }
    const canFormat = !sheet.protected || sheet.allowFormatCells;
    if (!canFormat && restores.some((state) => state.numberFormat !== this.cellAt(sheet, state.row, state.column).format)) {
      throw new WorkbookError("protected", `Sheet ${sheetName} is protected: number formats cannot be changed.`);
    }
    this.consumeFailure();
    // The cells were read for the check just above: their states are the undo's "before", as in Excel.
    const stateAt = new Map(states.map((state) => [cellKey(state.row, state.column), state]));
    const before = targets.map((cell) => {
      const state = stateAt.get(cellKey(cell.row, cell.column));
      if (!state) throw new Error(`Cell ${a1(cell)} is written without having been read first.`);
      return state;
    });
    plan.onProgress?.({ phase: "writing", done: 0, total: 1 });
    for (const write of texts) {
      const cell = this.cellAt(sheet, write.row, write.column);
      // Excel: with "@" applied first, the value is stored as text whatever it starts with; where the
      // format may not change (protected sheet), the leading apostrophe does the same.
      const format = canFormat ? TEXT_FORMAT : cell.format;
      const entered = canFormat ? enterValue(write.value, TEXT_FORMAT) : enterValue(write.value === "" ? "" : `'${write.value}`, format);
      this.put(sheet, write.row, write.column, { ...cell, raw: entered.raw, formula: "", format });
    }
    for (const state of restores) {
      const cell = this.cellAt(sheet, state.row, state.column);
      this.put(sheet, state.row, state.column, { ...cell, raw: state.formula ? state.value : state.raw, formula: state.formula, format: state.numberFormat });
    }
    plan.onProgress?.({ phase: "writing", done: 1, total: 1 });
    if (texts.length > 0) this.writeLog.push({ kind: "write", sheetName, cells: texts.map(({ row, column }) => ({ row, column })) });
    if (restores.length > 0) this.writeLog.push({ kind: "restore", sheetName, cells: restores.map(({ row, column }) => ({ row, column })) });
    this.emitArea(sheetName, targets, "local", "addin");
    return { written: true, result: decision.result, before };
  }

  async getSelection(): Promise<SelectionInfo> {
    const { sheetName, top, left, bottom, right } = this.selection;
    return { sheetName, row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1, address: rangeAddress({ top, left, bottom, right }) };
  }

  async selectCell(sheetName: string, cell: CellAddress): Promise<void> {
    this.sheet(sheetName);
    this.select(qualifiedAddress(sheetName, cellRect(cell)));
  }

  async onSelectionChanged(listener: () => void): Promise<Unsubscribe> {
    this.selectionListeners.add(listener);
    return () => {
      this.selectionListeners.delete(listener);
    };
  }

  async onSheetChanged(listener: (change: SheetChange) => void): Promise<Unsubscribe> {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  async getStatus(sheetName: string): Promise<WorkbookStatus> {
    return { sheetProtected: this.sheet(sheetName).protected, readOnly: this.readOnly };
  }

  async writeFaqSheet(name: string, values: string[][], options: SheetWriteOptions = {}): Promise<SheetWriteResult> {
    // Excel's sheet names ignore case: "faq" is the sheet named "FAQ".
    const existing = [...this.sheets.values()].find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (existing && existing.id !== options.replaceId) return { written: false, existingId: existing.id };
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
    // A failure leaves nothing behind: the old sheet stays, no new sheet appears.
    this.consumeFailure();
    options.onProgress?.({ phase: "writing", done: 0, total: 1 });
    const width = values.reduce((max, line) => Math.max(max, line.length), 0);
    // As in Excel: the "@" format on the whole rectangle first, then the values, so "=…" stays text.
    const rows = values.map((line) =>
      Array.from({ length: width }, (_, c): Cell => ({ raw: enterValue(line[c] ?? "", TEXT_FORMAT).raw, formula: "", format: TEXT_FORMAT })),
    );
    const sheet: MemorySheet = { name, id: this.newSheetId(), rows, hiddenRows: new Set(), mergedAreas: [], protected: false, allowFormatCells: false, unlocked: [] };
    this.sheets = existing ? new Map([...this.sheets].map(([key, s]) => (s === existing ? [name, sheet] : [key, s]))) : new Map([...this.sheets, [name, sheet]]);
    if (existing && this.activeSheet === existing.name) this.activeSheet = name;
    options.onProgress?.({ phase: "writing", done: 1, total: 1 });
    const cells = values.flatMap((line, r) => line.map((_, c) => ({ row: r + 1, column: c + 1 })));
    this.writeLog.push({ kind: "sheet", sheetName: name, cells });
    if (values.length > 0 && width > 0) {
      this.emit({ sheetName: name, kind: "edit", address: rangeAddress({ top: 1, left: 1, bottom: values.length, right: width }), source: "local" }, "addin");
    } else this.notifyAny("structure");
    return { written: true, sheetName: name, sheetId: sheet.id, rows: values.length, replaced: existing !== undefined };
  }

  async loadSetting(settingKey: string): Promise<string | undefined> {
    return this.settings.get(settingKey);
  }

  async saveSetting(settingKey: string, value: string): Promise<void> {
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only; the setting cannot be saved.");
    this.settings.set(settingKey, value);
  }

  async removeSetting(settingKey: string): Promise<void> {
    if (this.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only; the setting cannot be saved.");
    this.settings.delete(settingKey);
  }

  /** Every setting key (tests check that clearing removes the key, not writes ""). */
  get settingKeys(): string[] {
    return [...this.settings.keys()];
  }

  // ---- internals ------------------------------------------------------------------------------

  private gridSource(sheet: MemorySheet): GridSource {
    return {
      sheetName: sheet.name,
      usedRect: async (within) => this.usedRect(sheet, within),
      lastFilledRows: async (columns, top, bottom) =>
        columns.map((column) => {
          for (let row = Math.min(bottom, sheet.rows.length); row >= top; row--) {
            if (!isBlank(sheet.rows[row - 1]?.[column - 1])) return row;
          }
          return undefined;
        }),
      read: async (rect, onRows) => {
        const values: string[][] = [];
        for (let start = rect.top; start <= rect.bottom; start += MEMORY_CHUNK_ROWS) {
          const end = Math.min(rect.bottom, start + MEMORY_CHUNK_ROWS - 1);
          values.push(...this.texts(sheet, { top: start, bottom: end, left: rect.left, right: rect.right }));
          this.readLog.push({ kind: "sheet", rows: end - start + 1 });
          onRows(end - rect.top + 1);
          // Yield like a real round trip, so a pane that renders progress gets the chance to.
          await Promise.resolve();
        }
        const hiddenRows = [...sheet.hiddenRows].filter((row) => row >= rect.top && row <= rect.bottom).sort((a, b) => a - b);
        return { values, hiddenRows };
      },
      mergedAreas: async (rect) => sheet.mergedAreas.filter((area) => overlaps(parseRange(area), rect)),
    };
  }

  private texts(sheet: MemorySheet, rect: Rect): string[][] {
    const out: string[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: string[] = [];
      const cells = sheet.rows[row - 1];
      for (let column = rect.left; column <= rect.right; column++) {
        const cell = cells?.[column - 1];
        line.push(cell ? displayText(cell.raw, cell.format) : "");
      }
      out.push(line);
    }
    return out;
  }

  private usedRect(sheet: MemorySheet, within?: Rect): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const firstRow = within?.top ?? 1;
    const lastRow = Math.min(within?.bottom ?? sheet.rows.length, sheet.rows.length);
    for (let row = firstRow; row <= lastRow; row++) {
      const line = sheet.rows[row - 1];
      const lastColumn = Math.min(within?.right ?? EXCEL_MAX_COLUMNS, line.length);
      for (let column = within?.left ?? 1; column <= lastColumn; column++) {
        if (isBlank(line[column - 1])) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
    }
    return bottom === 0 ? undefined : { top, left, bottom, right };
  }

  private typeInto(sheetName: string, row: number, column: number, text: string, source: "local" | "remote"): void {
    const sheet = this.sheet(sheetName);
    const cell = this.cellAt(sheet, row, column);
    if (sheet.protected && isLocked(sheet, { row, column })) throw new WorkbookError("protected", `Sheet ${sheetName} is protected.`);
    const entered = enterValue(text, cell.format);
    this.put(sheet, row, column, { ...cell, raw: entered.raw, formula: entered.formula, format: entered.autoFormat ?? cell.format });
    this.emit({ sheetName, kind: "edit", address: a1({ row, column }), source }, source === "remote" ? "coauthor" : "user");
  }

  private cellAt(sheet: MemorySheet, row: number, column: number): Cell {
    return sheet.rows[row - 1]?.[column - 1] ?? EMPTY;
  }

  private put(sheet: MemorySheet, row: number, column: number, cell: Cell): void {
    while (sheet.rows.length < row) sheet.rows.push([]);
    const line = sheet.rows[row - 1];
    while (line.length < column) line.push(undefined);
    line[column - 1] = cell;
  }

  /** A co-author's insert or delete moves the cells under this user's selection; the selection follows them. */
  private followRows(sheetName: string, map: (row: number) => number, source: "local" | "remote"): void {
    if (source !== "remote" || this.selection.sheetName !== sheetName) return;
    const { top, bottom } = this.selection;
    if (bottom - top >= 1_000_000) return;
    this.selection = { ...this.selection, top: map(top), bottom: map(bottom) };
    this.notifySelection();
  }

  private newSheetId(): string {
    return `{memory-sheet-${this.nextSheetId++}}`;
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new WorkbookError("noSheet", `No sheet named ${name}.`);
    return sheet;
  }

  private consumeFailure(): void {
    const failure = this.pendingWriteFailure;
    if (!failure) return;
    this.pendingWriteFailure = undefined;
    throw new WorkbookError("writeFailed", failure.message);
  }

  /** One change event per block of cells written, as Excel reports each range written. */
  private emitArea(sheetName: string, cells: CellAddress[], source: "local" | "remote", any: ChangeSource): void {
    for (const block of blocksOf(cells)) this.emit({ sheetName, kind: "edit", address: rangeAddress(block.rect), source }, any);
  }

  private emit(change: SheetChange & { kind: SheetChangeKind }, any: ChangeSource): void {
    if (this.held) this.held.push(change);
    else for (const listener of [...this.changeListeners]) listener(change);
    this.notifyAny(any);
  }

  private notifySelection(): void {
    for (const listener of [...this.selectionListeners]) listener();
  }

  private notifyAny(source: ChangeSource): void {
    for (const listener of [...this.anyListeners]) listener(source);
  }
}

function isLocked(sheet: MemorySheet, cell: CellAddress): boolean {
  return !sheet.unlocked.some((area) => contains(area, cellRect(cell)));
}

function isBlank(cell: Cell | undefined): boolean {
  return !cell || (cell.raw === "" && cell.formula === "");
}
