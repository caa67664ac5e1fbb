// Over 400 lines: apply, batch apply, relocation and exact undo share one identity check; apart, a write could land where undo cannot follow.
/**
 * Safe write-back of accepted FAQ values into case rows — one row or a thousand in one call — and
 * exact undo. The rules hold the same way in Excel and in the preview because they live here, above
 * the port:
 *
 * - every case is identified by its 受理番号 and the hash of its input cells, re-read in the same
 *   batch as the write: a case that moved (rows inserted, deleted, sorted) is found again and written
 *   where it is now; a case whose text changed, or that cannot be found, stops the whole write;
 * - every target cell must still show what the pane showed; otherwise nothing is written;
 * - a filled cell is never overwritten without the editor's confirmation (old and new values listed);
 * - values are written as text; a value over Excel's cell limit is refused, never cut;
 * - all or nothing, one write for the batch, one undo record for the batch.
 */
import type { ColumnMap, FaqRole } from "../engine/types";
import { ACCEPTANCE_NAMESPACE, appendEntries, localTimestamp, newEntryId, outcomeOf, removeEntries, type AcceptanceEntry } from "./acceptance-log";
import { caseRefFromTexts, identityColumns, sameCase, type CaseRef } from "./case-identity";
import {
  EXCEL_CELL_CHAR_LIMIT,
  WorkbookError,
  cellKey,
  type CellAddress,
  type CellState,
  type CellWrite,
  type WorkbookPort,
  type WriteProgress,
} from "./port";

export interface FieldWrite {
  role: FaqRole;
  /** 1-based sheet column of that FAQ column. */
  column: number;
  value: string;
  /** What the pane suggested for this column ("" or absent: nothing), for the acceptance log. */
  suggested?: string;
}

/** The FAQ values for one case, with what the pane showed when it suggested them. */
export interface CaseWrite {
  case: CaseRef;
  writes: FieldWrite[];
  /** Each target cell's text as the pane showed it, by column. */
  shownValues: Record<number, string>;
}

export interface BatchRequest {
  sheetName: string;
  /** The table's columns: the input columns identify each case. */
  columns: ColumnMap;
  items: CaseWrite[];
  /** The editor has confirmed overwriting the filled cells listed by a previous `needsConfirmation`. */
  overwriteConfirmed: boolean;
  onProgress?(progress: WriteProgress): void;
  /**
   * Keep an acceptance log entry for each case written, in the same batch as the cells (see
   * `acceptance-log.ts`); where the host has no custom XML parts the cells are written without one.
   */
  record?: AcceptanceRecording;
}

export interface AcceptanceRecording {
  engineVersion: string;
  /** The clock (tests fix it). */
  now?: () => Date;
}

export interface Overwrite {
  row: number;
  role: FaqRole;
  column: number;
  oldValue: string;
  newValue: string;
}

export interface ChangedCell {
  row: number;
  role: FaqRole;
  column: number;
  shown: string;
  now: string;
}

/** Where a case was written (it may have moved since it was shown). */
export interface WrittenCase {
  case: CaseRef;
  row: number;
  values: { role: FaqRole; column: number; value: string }[];
}

export interface UndoEntry {
  /** The case as it was when written (row = where it was written). */
  case: CaseRef;
  before: CellState[];
  after: CellWrite[];
}

export interface UndoRecord {
  sheetName: string;
  columns: ColumnMap;
  entries: UndoEntry[];
  /** The acceptance log entries the write added: an undo takes them out in the same batch. */
  acceptanceIds?: string[];
}

export type ApplyOutcome =
  | { kind: "applied"; undo: UndoRecord; written: WrittenCase[]; moved: { case: CaseRef; to: number }[] }
  | { kind: "nothingToWrite" }
  | { kind: "needsConfirmation"; overwrites: Overwrite[] }
  | { kind: "changedSinceShown"; changed: ChangedCell[] }
  /** The case's own text changed since it was shown: show it again, write nothing. */
  | { kind: "caseChanged"; cases: CaseRef[] }
  /**
   * The case is no longer where it was and cannot be found by its 受理番号 and text; `ambiguous`
   * when it had an identical twin row, so that which of the two moved cannot be known.
   */
  | { kind: "caseNotFound"; cases: CaseRef[]; ambiguous?: true }
  | { kind: "tooLong"; row: number; role: FaqRole; length: number; limit: number }
  | { kind: "failed"; message: string; code?: string; cells?: string[] };

export type UndoOutcome =
  | { kind: "undone"; restored: { case: CaseRef; row: number; before: CellState[] }[] }
  | { kind: "changedSinceApply"; changed: CellState[] }
  | { kind: "caseChanged"; cases: CaseRef[] }
  | { kind: "caseNotFound"; cases: CaseRef[]; ambiguous?: true }
  | { kind: "failed"; message: string; code?: string; cells?: string[] };

type Failure = { kind: "failed"; message: string; code?: string; cells?: string[] };

/** A cell counts as filled when it shows text or holds a formula (a formula may show ""). */
function isFilled(state: CellState): boolean {
  return state.value !== "" || state.formula !== "";
}

function failure(error: unknown): Failure {
  if (error instanceof WorkbookError) return { kind: "failed", message: error.message, code: error.code, cells: error.detail.cells };
  return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
}

/** Where each case is now, after looking for the ones that are not where they were. */
type Located =
  | { kind: "located"; rows: number[] }
  | { kind: "caseChanged"; cases: CaseRef[] }
  | { kind: "caseNotFound"; cases: CaseRef[]; ambiguous?: true };

/**
 * Finds cases that are no longer at their row: by 受理番号 first (one read of that column), then by
 * the hash of the candidates' input cells. Same 受理番号 with other text → changed; none → not found.
 */
async function relocate(port: WorkbookPort, sheetName: string, columns: ColumnMap, cases: CaseRef[], rows: number[], lost: number[]): Promise<Located> {
  const numberColumn = columns.caseNumber;
  const changed: CaseRef[] = [];
  const notFound: CaseRef[] = [];
  // A case that had an identical twin when it was shown cannot be told from it once rows moved.
  const ambiguous = lost.filter((i) => cases[i].duplicated).map((i) => cases[i]);
  if (ambiguous.length > 0) return { kind: "caseNotFound", cases: ambiguous, ambiguous: true };
  // Without a 受理番号 a moved case cannot be told from a rewritten one: it is not found.
  const searchable = lost.filter((i) => numberColumn !== undefined && cases[i].caseNumber !== "");
  for (const i of lost) if (!searchable.includes(i)) notFound.push(cases[i]);
  if (searchable.length > 0 && numberColumn !== undefined) {
    const numbers = [...new Set(searchable.map((i) => cases[i].caseNumber))];
    const found = await port.findRows(sheetName, numberColumn, numbers, 1);
    const candidates = [...new Set(searchable.flatMap((i) => found.get(cases[i].caseNumber) ?? []))];
    const idColumns = identityColumns(columns).map((c) => c.column);
    const states = candidates.length > 0 ? await port.readCells(sheetName, candidates.flatMap((row) => idColumns.map((column) => ({ row, column })))) : [];
    const text = new Map(states.map((s) => [cellKey(s.row, s.column), s.value]));
    const refAt = new Map(candidates.map((row) => [row, caseRefFromTexts(sheetName, row, columns, (column) => text.get(cellKey(row, column)) ?? "")]));
    const taken = new Set(rows.filter((_, i) => !lost.includes(i)));
    for (const i of searchable) {
      const rowsWithNumber = found.get(cases[i].caseNumber) ?? [];
      const matches = rowsWithNumber.filter((row) => sameCase(refAt.get(row) as CaseRef, cases[i]) && !taken.has(row));
      if (matches.length === 1) {
        rows[i] = matches[0];
        taken.add(matches[0]);
      } else if (matches.length === 0 && rowsWithNumber.length > 0) changed.push(cases[i]);
      else notFound.push(cases[i]);
    }
  }
  if (changed.length > 0) return { kind: "caseChanged", cases: changed };
  if (notFound.length > 0) return { kind: "caseNotFound", cases: notFound };
  return { kind: "located", rows };
}

/** One checked write at given rows: its outcome, or the cases (indexes) not found at those rows. */
type Attempt<O> = { outcome: O } | { kind: "lost"; lost: number[] };

/**
 * Runs `attempt` at the rows the cases were shown at; when some are no longer there, finds them again
 * (`relocate`) and runs it once more at their new rows. A case lost twice is not found.
 */
async function atCaseRows<O>(
  port: WorkbookPort,
  sheetName: string,
  columns: ColumnMap,
  cases: CaseRef[],
  attempt: (rows: number[]) => Promise<Attempt<O>>,
): Promise<O | Exclude<Located, { kind: "located" }> | Failure> {
  try {
    const rows = cases.map((ref) => ref.row);
    const first = await attempt(rows);
    if ("outcome" in first) return first.outcome;
    const located = await relocate(port, sheetName, columns, cases, [...rows], first.lost);
    if (located.kind !== "located") return located;
    const second = await attempt(located.rows);
    if ("outcome" in second) return second.outcome;
    return { kind: "caseNotFound", cases: second.lost.map((i) => cases[i]) };
  } catch (error) {
    return failure(error);
  }
}

/** The identity cells and the given columns of each row. */
function cellsToRead(rows: number[], idColumns: number[], targetColumns: number[][]): CellAddress[] {
  const seen = new Set<string>();
  const cells: CellAddress[] = [];
  rows.forEach((row, i) => {
    for (const column of [...idColumns, ...targetColumns[i]]) {
      const key = cellKey(row, column);
      if (seen.has(key)) continue;
      seen.add(key);
      cells.push({ row, column });
    }
  });
  return cells;
}

/** Which cases are not at the rows given (index list), and what was found there instead. */
function displacedCases(sheetName: string, columns: ColumnMap, cases: CaseRef[], rows: number[], stateOf: Map<string, CellState>): number[] {
  const lost: number[] = [];
  cases.forEach((ref, i) => {
    const now = caseRefFromTexts(sheetName, rows[i], columns, (column) => stateOf.get(cellKey(rows[i], column))?.value ?? "");
    if (!sameCase(now, ref)) lost.push(i);
  });
  return lost;
}

type ApplyDecision =
  | { kind: "lost"; lost: number[] }
  | { kind: "refused"; outcome: ApplyOutcome }
  | { kind: "write"; writes: CellWrite[]; written: WrittenCase[] };

/** Writes FAQ values for many case rows in one write; see the module comment for the rules. */
export async function applyFaqBatch(port: WorkbookPort, request: BatchRequest): Promise<ApplyOutcome> {
  const { sheetName, columns } = request;
  const items = request.items.filter((item) => item.writes.length > 0);
  if (items.length === 0) return { kind: "nothingToWrite" };
  for (const item of items) {
    const seen = new Set<number>();
    for (const write of item.writes) {
      if (seen.has(write.column)) return { kind: "failed", message: `Column ${write.column} is written twice for row ${item.case.row}.` };
      seen.add(write.column);
      // Refuse rather than cut: a truncated FAQ answer looks complete and is wrong.
      if (write.value.length > EXCEL_CELL_CHAR_LIMIT) {
        return { kind: "tooLong", row: item.case.row, role: write.role, length: write.value.length, limit: EXCEL_CELL_CHAR_LIMIT };
      }
    }
  }
  const cases = items.map((item) => item.case);
  const idColumns = identityColumns(columns).map((c) => c.column);
  const targetColumns = items.map((item) => item.writes.map((write) => write.column));
  return atCaseRows<ApplyOutcome>(port, sheetName, columns, cases, async (rows) => {
    let logged: AcceptanceEntry[] = [];
    const record = request.record;
    const result = await port.writeChecked<ApplyDecision>(sheetName, {
      read: cellsToRead(rows, idColumns, targetColumns),
      onProgress: request.onProgress,
      decide: (states) => {
        const decision = decideApply(request, items, rows, new Map(states.map((s) => [cellKey(s.row, s.column), s])));
        return decision.kind === "write" ? { result: decision, texts: decision.writes } : { refuse: decision };
      },
      parts: record && {
        namespace: ACCEPTANCE_NAMESPACE,
        update: (parts, decision) => {
          if (decision.kind !== "write") return {};
          logged = acceptanceEntries(sheetName, items, decision.written, record);
          return appendEntries(parts, logged);
        },
      },
    });
    const decision = result.result;
    if (decision.kind === "lost") return decision;
    if (decision.kind === "refused") return { outcome: decision.outcome };
    if (!result.written) return { outcome: { kind: "nothingToWrite" } };
    const beforeOf = new Map(result.before.map((s) => [cellKey(s.row, s.column), s]));
    const entries: UndoEntry[] = decision.written.map((w) => {
      const after = w.values.map((v) => ({ row: w.row, column: v.column, value: v.value }));
      return { case: { ...w.case, row: w.row }, after, before: after.map((cell) => beforeOf.get(cellKey(cell.row, cell.column)) as CellState) };
    });
    const moved = decision.written.filter((w) => w.row !== w.case.row).map((w) => ({ case: w.case, to: w.row }));
    const acceptanceIds = result.partsWritten ? logged.map((entry) => entry.id) : undefined;
    return { outcome: { kind: "applied", undo: { sheetName, columns, entries, acceptanceIds }, written: decision.written, moved } };
  });
}

/** One log entry per case written: per column written, what the editor did with the suggestion. */
function acceptanceEntries(sheetName: string, items: CaseWrite[], written: WrittenCase[], record: AcceptanceRecording): AcceptanceEntry[] {
  const at = localTimestamp(record.now?.() ?? new Date());
  return written.map((w) => {
    const item = items.find((i) => i.case === w.case) as CaseWrite;
    const suggestedOf = new Map(item.writes.map((write) => [write.column, write.suggested ?? ""]));
    return {
      id: newEntryId(),
      at,
      engineVersion: record.engineVersion,
      sheet: sheetName,
      row: w.row,
      caseNumber: w.case.caseNumber,
      caseHash: w.case.hash,
      columns: w.values.map((v) => ({ role: v.role, outcome: outcomeOf(v.role, suggestedOf.get(v.column) ?? "", v.value) })),
    };
  });
}

function decideApply(request: BatchRequest, items: CaseWrite[], rows: number[], stateOf: Map<string, CellState>): ApplyDecision {
  const lost = displacedCases(request.sheetName, request.columns, items.map((item) => item.case), rows, stateOf);
  if (lost.length > 0) return { kind: "lost", lost };

  const changed: ChangedCell[] = [];
  items.forEach((item, i) => {
    for (const write of item.writes) {
      const now = stateOf.get(cellKey(rows[i], write.column))?.value ?? "";
      const shown = item.shownValues[write.column] ?? "";
      if (now !== shown) changed.push({ row: rows[i], role: write.role, column: write.column, shown, now });
    }
  });
  if (changed.length > 0) return { kind: "refused", outcome: { kind: "changedSinceShown", changed } };

  const overwrites: Overwrite[] = [];
  const writes: CellWrite[] = [];
  const written: WrittenCase[] = [];
  items.forEach((item, i) => {
    const row = rows[i];
    const values: WrittenCase["values"] = [];
    for (const write of item.writes) {
      const state = stateOf.get(cellKey(row, write.column)) as CellState;
      // A cell that already holds exactly the new text needs no write (and keeps its own format).
      if (state.formula === "" && state.value === write.value) continue;
      if (isFilled(state)) overwrites.push({ row, role: write.role, column: write.column, oldValue: state.formula || state.value, newValue: write.value });
      writes.push({ row, column: write.column, value: write.value });
      values.push({ role: write.role, column: write.column, value: write.value });
    }
    if (values.length > 0) written.push({ case: item.case, row, values });
  });
  if (writes.length === 0) return { kind: "refused", outcome: { kind: "nothingToWrite" } };
  if (overwrites.length > 0 && !request.overwriteConfirmed) return { kind: "refused", outcome: { kind: "needsConfirmation", overwrites } };
  return { kind: "write", writes, written };
}

/** Single-row apply: the batch of one. */
export function applyFaqValues(
  port: WorkbookPort,
  request: { sheetName: string; columns: ColumnMap; case: CaseRef; writes: FieldWrite[]; shownValues: Record<number, string>; overwriteConfirmed: boolean; onProgress?: BatchRequest["onProgress"]; record?: AcceptanceRecording },
): Promise<ApplyOutcome> {
  return applyFaqBatch(port, {
    sheetName: request.sheetName,
    columns: request.columns,
    items: [{ case: request.case, writes: request.writes, shownValues: request.shownValues }],
    overwriteConfirmed: request.overwriteConfirmed,
    onProgress: request.onProgress,
    record: request.record,
  });
}

type UndoDecision =
  | { kind: "lost"; lost: number[] }
  | { kind: "changed"; changed: CellState[] }
  | { kind: "restore"; restores: CellState[]; restored: { case: CaseRef; row: number; before: CellState[] }[] };

/**
 * Puts back exactly what an apply replaced (raw values, formulas, number formats), in one write —
 * unless someone changed a written cell since (their edit is kept), or a case cannot be found.
 */
export async function undoApply(port: WorkbookPort, record: UndoRecord): Promise<UndoOutcome> {
  const { sheetName, columns } = record;
  const cases = record.entries.map((entry) => entry.case);
  const idColumns = identityColumns(columns).map((c) => c.column);
  const targetColumns = record.entries.map((entry) => entry.after.map((cell) => cell.column));
  return atCaseRows<UndoOutcome>(port, sheetName, columns, cases, async (rows) => {
    const ids = record.acceptanceIds ?? [];
    const { result: decision } = await port.writeChecked<UndoDecision>(sheetName, {
      read: cellsToRead(rows, idColumns, targetColumns),
      decide: (states) => {
        const decision = decideUndo(record, rows, new Map(states.map((s) => [cellKey(s.row, s.column), s])));
        return decision.kind === "restore" ? { result: decision, restores: decision.restores } : { refuse: decision };
      },
      // The write's record goes with the write: an undone write leaves no entry behind.
      parts: ids.length > 0 ? { namespace: ACCEPTANCE_NAMESPACE, update: (parts) => removeEntries(parts, ids) } : undefined,
    });
    if (decision.kind === "lost") return decision;
    if (decision.kind === "changed") return { outcome: { kind: "changedSinceApply", changed: decision.changed } };
    return { outcome: { kind: "undone", restored: decision.restored } };
  });
}

function decideUndo(record: UndoRecord, rows: number[], stateOf: Map<string, CellState>): UndoDecision {
  const lost = displacedCases(record.sheetName, record.columns, record.entries.map((e) => e.case), rows, stateOf);
  if (lost.length > 0) return { kind: "lost", lost };
  const changed: CellState[] = [];
  const restores: CellState[] = [];
  const restored: { case: CaseRef; row: number; before: CellState[] }[] = [];
  record.entries.forEach((entry, i) => {
    const row = rows[i];
    const before: CellState[] = [];
    entry.after.forEach((write, j) => {
      const now = stateOf.get(cellKey(row, write.column)) as CellState;
      // Someone typed over what we wrote: putting the old value back would destroy their edit.
      if (now.formula !== "" || now.value !== write.value) changed.push(now);
      const state = { ...entry.before[j], row };
      before.push(state);
      restores.push(state);
    });
    restored.push({ case: entry.case, row, before });
  });
  if (changed.length > 0) return { kind: "changed", changed };
  return { kind: "restore", restores, restored };
}
