/**
 * A batch write from a list view (the backlog queue, the check's fixes) through the session's one
 * writer, with the same rules as a single row: each case checked by its identity, every target cell
 * compared with what the view showed, no filled cell overwritten without a confirmation listing old
 * and new values, all or nothing, one undo record for the whole batch.
 */
import type { ApplyOutcome, CaseWrite } from "../../workbook/faq-writer";
import { WorkbookError, cellKey, type WorkbookPort, type WriteProgress } from "../../workbook/port";
import type { Messages } from "../i18n";
import { failureText, type PendingConfirmation } from "./case-view";
import type { Notices } from "./notices";
import type { SheetSession } from "./sheet-session";
import type { Store } from "./store";

/**
 * The views show cell texts as the table reader keeps them (trimmed). Where the sheet's cell holds
 * exactly that text give or take surrounding spaces, its own text becomes the baseline the writer
 * compares with, so a stray trailing space or line break does not refuse the batch for ever. A cell
 * that reads otherwise keeps the shown text, and the writer refuses: it changed since it was shown.
 */
export async function withSheetBaseline(port: WorkbookPort, sheetName: string, items: CaseWrite[]): Promise<CaseWrite[]> {
  const cells = items.flatMap((item) => item.writes.map((write) => ({ row: item.case.row, column: write.column })));
  if (cells.length === 0) return items;
  // Texts only, read as a few rectangles (runs of nearby rows over the columns written), not cell by cell.
  const left = Math.min(...cells.map((c) => c.column));
  const right = Math.max(...cells.map((c) => c.column));
  const now = new Map<string, string>();
  for (const span of rowSpans(cells.map((c) => c.row))) {
    const texts = await port.readTexts(sheetName, span.top, span.bottom, left, right);
    texts.forEach((line, r) => line.forEach((text, c) => now.set(cellKey(span.top + r, left + c), text)));
  }
  return items.map((item) => {
    const shownValues = { ...item.shownValues };
    for (const write of item.writes) {
      const text = now.get(cellKey(item.case.row, write.column));
      const shown = shownValues[write.column] ?? "";
      if (text !== undefined && text !== shown && text.trim() === shown.trim()) shownValues[write.column] = text;
    }
    return { ...item, shownValues };
  });
}

/** Rows gathered into spans; rows a few apart share a span (one request instead of many). */
function rowSpans(rows: number[], gap = 20): { top: number; bottom: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const spans: { top: number; bottom: number }[] = [];
  for (const row of sorted) {
    const last = spans[spans.length - 1];
    if (last && row - last.bottom <= gap) last.bottom = row;
    else spans.push({ top: row, bottom: row });
  }
  return spans;
}

function rowList(rows: number[]): number[] {
  return [...new Set(rows)].sort((a, b) => a - b);
}

/**
 * Writes the batch and tells the editor what happened. Returns the confirmation to ask for when filled
 * cells would be overwritten (nothing has been written then), else null.
 */
export async function applyBatch(
  session: SheetSession,
  notices: Notices,
  t: Messages,
  items: CaseWrite[],
  confirmed: boolean,
  onProgress?: (progress: WriteProgress) => void,
): Promise<{ outcome: ApplyOutcome | null; confirmation: PendingConfirmation | null }> {
  const table = session.store.get().table;
  if (!table || items.length === 0) {
    notices.show("info", t.nothingToWriteBatch);
    return { outcome: null, confirmation: null };
  }
  let outcome: ApplyOutcome;
  try {
    const checked = confirmed ? items : await withSheetBaseline(session.port, table.sheetName, items);
    outcome = await session.apply(checked, confirmed, onProgress);
    if (outcome.kind === "needsConfirmation") return { outcome, confirmation: { overwrites: outcome.overwrites, items: checked } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    notices.show("error", failureText(t, error instanceof WorkbookError ? error.code : undefined, message, error instanceof WorkbookError ? error.detail.cells : undefined));
    return { outcome: null, confirmation: null };
  }
  switch (outcome.kind) {
    case "applied": {
      const cells = outcome.written.reduce((sum, w) => sum + w.values.length, 0);
      const moved = outcome.moved.length;
      notices.show("success", t.batchApplied(outcome.written.length, cells, moved));
      break;
    }
    case "nothingToWrite":
      notices.show("info", t.nothingToWriteBatch);
      break;
    case "changedSinceShown":
      notices.show("warning", t.batchChangedSinceShown(rowList(outcome.changed.map((c) => c.row))));
      break;
    case "caseChanged":
      notices.show("warning", t.batchCaseChanged(rowList(outcome.cases.map((c) => c.row))));
      break;
    case "caseNotFound":
      notices.show("warning", (outcome.ambiguous ? t.caseAmbiguous : t.batchCaseNotFound)(rowList(outcome.cases.map((c) => c.row))));
      break;
    case "tooLong":
      notices.show("error", t.tooLongInRow(outcome.row, t.roleNames[outcome.role], outcome.length, outcome.limit));
      break;
    case "failed":
      notices.show("error", failureText(t, outcome.code, outcome.message, outcome.cells));
      break;
  }
  return { outcome, confirmation: null };
}

/**
 * A list view's writes, one after another (a second click waits for the first write), and the
 * editor's answer to the overwrite dialog a batch raised: confirming writes exactly the items the
 * dialog listed, cancelling writes nothing.
 */
export class BatchQueue {
  private working: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store<{ pendingConfirmation: PendingConfirmation | null }>,
    private readonly write: (items: CaseWrite[], confirmed: boolean) => Promise<void>,
  ) {}

  run(task: () => Promise<void>): Promise<void> {
    this.working = this.working.then(task);
    return this.working;
  }

  whenIdle(): Promise<void> {
    return this.working;
  }

  confirmOverwrite(): Promise<void> {
    const pending = this.store.get().pendingConfirmation;
    this.store.set({ pendingConfirmation: null });
    if (!pending) return Promise.resolve();
    return this.run(() => this.write(pending.items, true));
  }

  cancelOverwrite(): void {
    this.store.set({ pendingConfirmation: null });
  }
}
