/**
 * Safe write-back of accepted FAQ values into one case row, and exact undo.
 *
 * Excel's own undo does not cover add-in writes, and co-authors may edit the row while the editor
 * reads the suggestions, so every write is checked against what the pane showed, never overwrites a
 * filled cell without the editor's say-so, and records enough to put the cells back exactly.
 */
import type { FaqRole } from "../engine/types";
import { EXCEL_CELL_CHAR_LIMIT, WorkbookError, type CellState, type CellWrite, type WorkbookPort } from "./port";

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

/** A cell counts as filled when it shows text or holds a formula (a formula may show ""). */
function isFilled(state: CellState): boolean {
  return state.value !== "" || state.formula !== "";
}

function failure(error: unknown): { kind: "failed"; message: string; code?: string } {
  if (error instanceof WorkbookError) return { kind: "failed", message: error.message, code: error.code };
  return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
}

export async function applyFaqValues(port: WorkbookPort, request: ApplyRequest): Promise<ApplyOutcome> {
  const { sheetName, row } = request;
  const columns = new Set<number>();
  for (const write of request.writes) {
    if (columns.has(write.column)) {
      return { kind: "failed", message: `Column ${write.column} is written twice in one apply.` };
    }
    columns.add(write.column);
  }
  if (request.writes.length === 0) return { kind: "nothingToWrite" };

  // Refuse rather than cut: a truncated FAQ answer looks complete and is wrong.
  for (const write of request.writes) {
    if (write.value.length > EXCEL_CELL_CHAR_LIMIT) {
      return { kind: "tooLong", role: write.role, length: write.value.length, limit: EXCEL_CELL_CHAR_LIMIT };
    }
  }

  let current: CellState[];
  try {
    current = await port.readCells(
      sheetName,
      request.writes.map((write) => ({ row, column: write.column })),
    );
  } catch (error) {
    return failure(error);
  }
  const stateOf = new Map(current.map((state) => [state.column, state]));

  const changed: ChangedCell[] = [];
  for (const write of request.writes) {
    const now = stateOf.get(write.column)?.value ?? "";
    const shown = request.shownValues[write.column] ?? "";
    if (now !== shown) changed.push({ role: write.role, column: write.column, shown, now });
  }
  if (changed.length > 0) return { kind: "changedSinceShown", changed };

  // A cell that already holds exactly the new text needs no write (and keeps its own format).
  const effective = request.writes.filter((write) => {
    const state = stateOf.get(write.column);
    return !state || state.formula !== "" || state.value !== write.value;
  });
  if (effective.length === 0) return { kind: "nothingToWrite" };

  const overwrites: Overwrite[] = effective.flatMap((write) => {
    const state = stateOf.get(write.column);
    return state && isFilled(state)
      ? [{ role: write.role, column: write.column, oldValue: state.formula || state.value, newValue: write.value }]
      : [];
  });
  if (overwrites.length > 0 && !request.overwriteConfirmed) return { kind: "needsConfirmation", overwrites };

  const writes: CellWrite[] = effective.map((write) => ({ row, column: write.column, value: write.value }));
  const before = effective.map((write) => stateOf.get(write.column) as CellState);
  try {
    await port.writeCells(sheetName, writes);
  } catch (error) {
    return failure(error);
  }
  return { kind: "applied", undo: { sheetName, row, before, after: writes } };
}

export async function undoApply(port: WorkbookPort, record: UndoRecord): Promise<UndoOutcome> {
  try {
    const now = await port.readCells(
      record.sheetName,
      record.after.map(({ row, column }) => ({ row, column })),
    );
    const written = new Map(record.after.map((write) => [`${write.row},${write.column}`, write.value]));
    // Someone typed over what we wrote: putting the old value back would destroy their edit.
    const changed = now.filter((state) => state.formula !== "" || state.value !== written.get(`${state.row},${state.column}`));
    if (changed.length > 0) return { kind: "changedSinceApply", changed };
    await port.restoreCells(record.sheetName, record.before);
    return { kind: "undone" };
  } catch (error) {
    return failure(error);
  }
}
