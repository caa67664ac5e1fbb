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
  /** Top-left cell of the selection. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** A1-style address without the sheet name, e.g. "L5" or "B3:D7". */
  address: string;
}

/** Everything needed to put a cell back exactly as it was. */
export interface CellState extends CellAddress {
  /** Displayed/raw text of the cell ("" when blank). */
  value: string;
  /** The cell's formula when it has one (starts with "="), else "". */
  formula: string;
  numberFormat: string;
}

export interface CellWrite extends CellAddress {
  /** Written as text: the cell is formatted "@" first, so "=…" never becomes a formula. */
  value: string;
}

export interface SheetSnapshot extends SheetGrid {
  /** Sheet rows that are hidden or filtered out. */
  hiddenRows: number[];
  /** Merged areas that overlap the used range, as A1 addresses. */
  mergedAreas: string[];
}

export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
}

export interface WorkbookStatus {
  sheetProtected: boolean;
  readOnly: boolean;
}

export type Unsubscribe = () => Promise<void> | void;

export interface WorkbookPort {
  /** Reads the active sheet's used range, in chunks small enough for Excel on the web. */
  readActiveSheet(onProgress?: (progress: ReadProgress) => void): Promise<SheetSnapshot>;
  /** Reads the current state of some cells of a sheet (used just before a write, and for undo). */
  readCells(sheetName: string, cells: CellAddress[]): Promise<CellState[]>;
  /** Writes all cells in one batch: text format first, then the values. All or nothing. */
  writeCells(sheetName: string, writes: CellWrite[]): Promise<void>;
  /** Puts cells back to a recorded state (values, formulas and number formats). */
  restoreCells(sheetName: string, states: CellState[]): Promise<void>;
  getSelection(): Promise<SelectionInfo>;
  /** Selects one cell (and scrolls to it). */
  selectCell(sheetName: string, cell: CellAddress): Promise<void>;
  onSelectionChanged(listener: (selection: SelectionInfo) => void): Promise<Unsubscribe>;
  /** Fires when cell contents of the active sheet change (by the user or a co-author). */
  onSheetChanged(listener: () => void): Promise<Unsubscribe>;
  getStatus(sheetName: string): Promise<WorkbookStatus>;
  /** Workbook-level settings travel with the file (e.g. a saved column mapping). */
  loadSetting(key: string): Promise<string | undefined>;
  saveSetting(key: string, value: string): Promise<void>;
}

/** Raised by adapters for conditions the pane explains to the user in their language. */
export class WorkbookError extends Error {
  constructor(
    readonly code: "protected" | "readOnly" | "tooLong" | "writeFailed" | "readFailed" | "noSheet",
    message: string,
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
