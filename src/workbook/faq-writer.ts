/**
 * Safe write-back of accepted FAQ values into one case row, and exact undo.
 * CONTRACT ONLY: the implementation is being written (see issue 4). Signatures are stable.
 */
import type { FaqRole } from "../engine/types";
import type { CellState, CellWrite, WorkbookPort } from "./port";

export interface FieldWrite {
  role: FaqRole;
  /** 1-based sheet column of that FAQ column. */
  column: number;
  value: string;
}

export interface ApplyRequest {
  sheetName: string;
  row: number;
  writes: FieldWrite[];
  /** Each target cell's text as the pane showed it when the suggestions were made, by column. */
  shownValues: Record<number, string>;
  /** The editor has confirmed overwriting the filled cells listed by a previous `needsConfirmation`. */
  overwriteConfirmed: boolean;
}

export interface Overwrite {
  role: FaqRole;
  column: number;
  oldValue: string;
  newValue: string;
}

export interface ChangedCell {
  role: FaqRole;
  column: number;
  shown: string;
  now: string;
}

export interface UndoRecord {
  sheetName: string;
  row: number;
  before: CellState[];
  after: CellWrite[];
}

export type ApplyOutcome =
  | { kind: "applied"; undo: UndoRecord }
  | { kind: "nothingToWrite" }
  | { kind: "needsConfirmation"; overwrites: Overwrite[] }
  | { kind: "changedSinceShown"; changed: ChangedCell[] }
  | { kind: "tooLong"; role: FaqRole; length: number; limit: number }
  | { kind: "failed"; message: string; code?: string };

export type UndoOutcome =
  | { kind: "undone" }
  | { kind: "changedSinceApply"; changed: CellState[] }
  | { kind: "failed"; message: string; code?: string };

export async function applyFaqValues(port: WorkbookPort, request: ApplyRequest): Promise<ApplyOutcome> {
  void port;
  void request;
  throw new Error("applyFaqValues: not implemented yet");
}

export async function undoApply(port: WorkbookPort, record: UndoRecord): Promise<UndoOutcome> {
  void port;
  void record;
  throw new Error("undoApply: not implemented yet");
}
