/**
 * The one door between faq-assist and a workbook. The task pane and the ribbon commands talk only
 * to this interface; `office-adapter.ts` implements it with Office.js and `memory-adapter.ts` with
 * plain arrays (preview and tests). Rows and columns are 1-based sheet numbers, as Excel shows them.
 */
import type { SheetGrid } from "../engine/types";

export interface CellAddress {
  row: number;
  column: number;
}

export interface SelectionInfo {
  sheetName: string;
  /** Top-left cell of the (first area of the) selection. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** A1-style address without the sheet name, e.g. "L5", "B3:D7", "5:5" or "A:A". */
  address: string;
}

/** A cell's value as Excel stores it: dates are serial numbers, "" is an empty cell. */
export type CellValue = string | number | boolean;

/** Everything needed to put a cell back exactly as it was. */
export interface CellState extends CellAddress {
  /** What the cell shows, as text ("" when blank): the string itself, or the displayed number/date. */
  value: string;
  /** The stored value: a number stays a number (3.14159 shown as 3.14), a date is its serial number. */
  raw: CellValue;
  /** The cell's formula when it has one (starts with "="), else "". */
  formula: string;
  numberFormat: string;
}

export interface CellWrite extends CellAddress {
  /** Written as text: never a formula, whatever it starts with. */
  value: string;
}

export interface SheetSnapshot extends SheetGrid {
  /** Sheet rows that are hidden or filtered out. */
  hiddenRows: number[];
  /** Merged areas that overlap what was read, as A1 addresses. */
  mergedAreas: string[];
  /**
   * Set when the sheet holds data outside what was read (stray cells far right or below the case
   * table): the used range's address, e.g. "A1:XFD1048576". Those cells are ignored.
   */
  ignoredBeyond?: string;
}

export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
}

/** Where the case table is, found from the top rows of a sheet (see `table-extent.ts`). */
export interface TableExtentHint {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Columns whose last filled row ends the table (the case text columns). */
  keyColumns: number[];
  /** The right-most column the table uses. */
  lastColumn: number;
}

export type TableLocator = (top: SheetGrid) => TableExtentHint | undefined | Promise<TableExtentHint | undefined>;

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /**
   * Recognises the case table in the first rows; the adapter then reads only down to the last row
   * with case text. Without it (or when nothing is recognised) only the first rows are read.
   */
  locate?: TableLocator;
}

export interface WorkbookStatus {
  sheetProtected: boolean;
  readOnly: boolean;
}

/** What kind of change a change event reports, as far as the host can tell. */
export type SheetChangeKind =
  | "edit"
  | "rowsInserted"
  | "rowsDeleted"
  | "columnsInserted"
  | "columnsDeleted"
  | "cellsInserted"
  | "cellsDeleted"
  | "sorted"
  | "activated"
  /** A sheet was added, deleted or renamed: the set of case sheets may have changed. */
  | "sheetAdded"
  | "sheetDeleted"
  | "sheetRenamed"
  | "unknown";

export interface SheetChange {
  /** The sheet the change happened on (undefined when the host could not say). */
  sheetName?: string;
  kind: SheetChangeKind;
  /** The changed area; undefined means "anything may have changed". */
  address?: string;
  /** Local: this Excel (the user or this add-in); remote: a co-author; unknown: the host did not say. */
  source: "local" | "remote" | "unknown";
  /** For `sheetRenamed`: the name before (`sheetName` is the name after). */
  previousName?: string;
}

export interface WriteProgress {
  phase: "checking" | "writing";
  done: number;
  total: number;
}

/**
 * A write that is only done if the cells still are what the caller expects. The adapter reads
 * `read` and calls `decide` with what it found, then writes what `decide` returned, with no other
 * work in between (in Excel: in the same `Excel.run`, the write batch right after the check).
 */
export interface CheckedWritePlan<T> {
  /** Cells to read first: every cell `decide` looks at, and every cell it may write. */
  read: CellAddress[];
  decide(states: CellState[]): CheckedDecision<T>;
  onProgress?(progress: WriteProgress): void;
  /**
   * Custom XML parts written with the cells (the acceptance log): read in the same batch as the
   * check, changed in the same request as the last cells, rolled back with them. Ignored where the
   * host has no custom XML parts (ExcelApi 1.5); `CheckedWriteResult.partsWritten` says which.
   */
  parts?: XmlPartsUpdate<T>;
}

/** A custom XML part: the host's id for it and its whole XML. */
export interface XmlPart {
  id: string;
  xml: string;
}

/** What to do to the parts of one namespace: replace some parts' XML, add parts, delete parts (by id). */
export interface XmlPartChanges {
  set?: XmlPart[];
  add?: string[];
  remove?: string[];
}

export interface XmlPartsUpdate<T> {
  namespace: string;
  /** Called only when cells are about to be written, with the namespace's parts as they are now. */
  update(parts: XmlPart[], result: T): XmlPartChanges;
}

export type CheckedDecision<T> =
  | { refuse: T }
  | {
      result: T;
      /** Cells written as text ("=…" stays text). */
      texts?: CellWrite[];
      /** Cells put back exactly: raw value or formula, and number format. */
      restores?: CellState[];
    };

export type CheckedWriteResult<T> =
  | { written: false; result: T }
  /** `before` holds the exact prior state of every written cell (for undo). */
  | { written: true; result: T; before: CellState[]; partsWritten?: boolean };

export type Unsubscribe = () => Promise<void> | void;

export interface SheetWriteOptions {
  /**
   * Replace the sheet already named so only when its id is this one (the sheet the add-in wrote
   * before, as recorded in the workbook's settings). Without it an existing sheet is never touched.
   */
  replaceId?: string;
  onProgress?(progress: WriteProgress): void;
}

export type SheetWriteResult =
  /** The sheet now holds exactly `values` (as text); `sheetId` is the new sheet's id. */
  | { written: true; sheetName: string; sheetId: string; rows: number; replaced: boolean }
  /** A sheet of that name exists and was not the one to replace: nothing was written. */
  | { written: false; existingId: string };

export interface WorkbookPort {
  /** Reads the active sheet's case table (bounded: header to last case row), in chunks small enough for Excel on the web. */
  readActiveSheet(options?: ReadOptions): Promise<SheetSnapshot>;
  /** Reads a named sheet's case table the same bounded way (the other case sheets of the log). */
  readSheet(sheetName: string, options?: ReadOptions): Promise<SheetSnapshot>;
  /** The worksheets' names, in tab order. */
  listSheets(): Promise<string[]>;
  /** Cell texts of a rectangle of a sheet, for re-reading the rows a change event named. */
  readTexts(sheetName: string, top: number, bottom: number, left: number, right: number): Promise<string[][]>;
  /**
   * Rows at or below `fromRow` whose cell in `column` shows one of `texts` (compared trimmed): how a
   * case that moved (rows inserted, deleted, sorted) is found again by its 受理番号.
   */
  findRows(sheetName: string, column: number, texts: string[], fromRow: number): Promise<Map<string, number[]>>;
  /** Reads the current state of some cells of a sheet. */
  readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]>;
  /**
   * Check-then-write, all or nothing: refused up front when a cell to write is locked on a protected
   * sheet or the workbook is read-only; rolled back if the host fails part-way.
   */
  writeChecked<T>(sheetName: string, plan: CheckedWritePlan<T>): Promise<CheckedWriteResult<T>>;
  getSelection(): Promise<SelectionInfo>;
  /** Selects one cell (and scrolls to it). */
  selectCell(sheetName: string, cell: CellAddress): Promise<void>;
  /** Tells that the selection may have changed; read it with `getSelection`. */
  onSelectionChanged(listener: () => void): Promise<Unsubscribe>;
  /** Cell changes (by the user, this add-in or a co-author), row inserts/deletes, sorts, sheet activation. */
  onSheetChanged(listener: (change: SheetChange) => void): Promise<Unsubscribe>;
  getStatus(sheetName: string): Promise<WorkbookStatus>;
  /**
   * Writes a table of texts into a sheet of its own (the published FAQ's copy), all or nothing: the
   * values go into a new sheet, which then takes the name `name` — in place of the existing sheet of
   * that name only when `replaceId` is its id. Every cell is text ("=…" never becomes a formula); the
   * write is cut into requests under the host's payload limit. The active sheet and the selection
   * stay as they are. A failure removes the new sheet and leaves the old one as it was.
   */
  writeFaqSheet(name: string, values: string[][], options?: SheetWriteOptions): Promise<SheetWriteResult>;
  /**
   * The custom XML parts of a namespace (ExcelApi 1.5); undefined where the host has none. Parts
   * travel with the file, like settings, but hold more (the acceptance log).
   */
  readXmlParts?(namespace: string): Promise<XmlPart[] | undefined>;
  /** Changes the parts of a namespace in one batch, given them as they are now; false where the host has none. */
  updateXmlParts?(namespace: string, update: (parts: XmlPart[]) => XmlPartChanges): Promise<boolean>;
  /** Workbook-level settings travel with the file (e.g. a saved column mapping). */
  loadSetting(key: string): Promise<string | undefined>;
  saveSetting(key: string, value: string): Promise<void>;
  removeSetting(key: string): Promise<void>;
}

export type WorkbookErrorCode =
  | "protected"
  | "readOnly"
  | "tooLong"
  | "writeFailed"
  | "readFailed"
  | "noSheet"
  | "tooLarge";

/** Raised by adapters for conditions the pane explains to the user in their language. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    /** Facts for the message: the cells refused, the row limit… */
    readonly detail: { cells?: string[]; rows?: number; limit?: number; lastCell?: string } = {},
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** Excel's limit on the characters one cell can hold. */
export const EXCEL_CELL_CHAR_LIMIT = 32767;

export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(cell: CellAddress): string {
  return `${columnLetter(cell.column)}${cell.row}`;
}

export const cellKey = (row: number, column: number): string => `${row},${column}`;
