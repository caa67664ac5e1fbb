/**
 * The backlog: case rows whose FAQ columns are not all filled, each with the engine's top category
 * and its confidence, most confident first — so an editor can apply the sure ones in one batch and
 * look at the doubtful ones by hand. (The batch write is the workbook layer's safe writer.)
 */
import { yieldToHost, type BuildOptions, type SuggestionEngine } from "../suggest";
import { EngineError } from "../errors";
import { isFaqComplete } from "../text";
import { FAQ_ROLES, type CaseRow, type CategoryCandidate, type FaqRole } from "../types";

export interface BacklogItem {
  rowNumber: number;
  /** 受理番号 ("" when the sheet has none). */
  caseNumber: string;
  /** 件名, or the start of 相談内容. */
  subject: string;
  /** FAQ columns the sheet has that are still empty in this row. */
  missing: FaqRole[];
  /** Which category column `top` is for: 案件項目, or 相談内容分類 when the sheet has no 案件項目. */
  role?: "category" | "classification";
  /** The engine's top suggestion for that column (spelled as the sheet spells it). */
  top?: CategoryCandidate;
  /** `top`'s confidence, 0 when there is none. */
  confidence: number;
  /** That column's current value ("" when empty): a filled category stays as it is unless the editor confirms. */
  current: string;
  /** The case has too little text for a confident suggestion. */
  lowInformation: boolean;
}

/** Rows ranked between two yields in `listBacklogAsync` (about 1 ms each). */
const CHUNK_ROWS = 200;

function subjectOf(row: CaseRow): string {
  return (row.cells.subject || row.cells.content || "").replace(/\s+/g, " ").trim().slice(0, 80);
}

function backlogRows(engine: SuggestionEngine): CaseRow[] {
  return engine.table.rows.filter((row) => !isFaqComplete(row, engine.table.columns));
}

/** One row's backlog entry (the pane refreshes the rows an edit touched without ranking them all again). */
export function backlogItem(engine: SuggestionEngine, row: CaseRow): BacklogItem {
  const columns = engine.table.columns;
  const missing = FAQ_ROLES.filter((role) => columns[role] !== undefined && (row.cells[role] ?? "").trim() === "");
  const role = columns.category !== undefined ? "category" : columns.classification !== undefined ? "classification" : undefined;
  const base = {
    rowNumber: row.rowNumber,
    caseNumber: (row.cells.caseNumber ?? "").trim(),
    subject: subjectOf(row),
    missing,
    current: role ? (row.cells[role] ?? "").trim() : "",
  };
  if (!role) return { ...base, confidence: 0, lowInformation: false };
  const s = engine.suggestCategories(row.rowNumber);
  const top = s[role][0];
  return { ...base, role, top, confidence: top?.confidence ?? 0, lowInformation: s.lowInformation };
}

function byConfidence(a: BacklogItem, b: BacklogItem): number {
  return b.confidence - a.confidence || a.rowNumber - b.rowNumber;
}

/** The backlog, most confident first. */
export function listBacklog(engine: SuggestionEngine): BacklogItem[] {
  return backlogRows(engine).map((row) => backlogItem(engine, row)).sort(byConfidence);
}

/** The same, in chunks that yield to the host (for the task pane), with progress and cancellation. */
export async function listBacklogAsync(engine: SuggestionEngine, options: BuildOptions = {}): Promise<BacklogItem[]> {
  const rows = backlogRows(engine);
  const items: BacklogItem[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    if (options.signal?.aborted) throw new EngineError("aborted", "Backlog ranking was cancelled.");
    options.onProgress?.({ done: start, total: rows.length });
    for (const row of rows.slice(start, start + CHUNK_ROWS)) items.push(backlogItem(engine, row));
    await yieldToHost();
  }
  if (options.signal?.aborted) throw new EngineError("aborted", "Backlog ranking was cancelled.");
  options.onProgress?.({ done: rows.length, total: rows.length });
  return items.sort(byConfidence);
}
