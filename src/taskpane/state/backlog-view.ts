/**
 * 未入力の一括処理: the queue of case rows whose FAQ columns are not all filled, most confident top
 * category first. The editor ticks rows (or every row at or above a confidence) and applies the top
 * category — or every FAQ suggestion — to all of them in one write through the session's writer, with
 * the rules of a single row (identity, no silent overwrite, all or nothing, one undo).
 *
 * The queue is ranked in chunks (`listBacklogAsync`) the first time the view is opened and again when
 * the table is re-read; an edit (the editor's, a co-author's, the pane's own write or undo) refreshes
 * only the rows it touched, in place, so the list does not jump under the editor's eyes. A ticked row
 * whose case text changes is unticked: the editor ticked the case they saw, not the new one.
 */
import { EngineError, FAQ_ROLES, backlogItem, isFaqComplete, listBacklogAsync, yieldToHost, type BacklogItem, type FaqRole } from "../../engine";
import { sameCase, type CaseRef } from "../../workbook/case-identity";
import type { CaseWrite } from "../../workbook/faq-writer";
import type { Messages } from "../i18n";
import { BatchQueue, applyBatch } from "./batch-apply";
import type { PendingConfirmation } from "./case-view";
import type { Notices } from "./notices";
import { draftFromSuggestions, faqColumnsOf, writesFor } from "./pane-model";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

export interface BacklogEntry extends BacklogItem {
  /** The case as it was when the entry was shown: every write is checked against it. */
  caseRef: CaseRef;
}

export type BacklogMode = "category" | "all";

export interface BacklogState {
  phase: "idle" | "ranking" | "ready" | "failed";
  /** Rows ranked so far while ranking; suggestions made so far while preparing an "every column" write. */
  progress: { done: number; total: number } | null;
  items: BacklogEntry[];
  /** Ticked rows (sheet row numbers). */
  ticked: ReadonlySet<number>;
  /** "All at or above N %". */
  threshold: number;
  /** A write is being prepared or made. */
  busy: boolean;
  pendingConfirmation: PendingConfirmation | null;
}

/** Suggestions made between two yields when preparing an "every column" write (about 2 ms each). */
const SUGGEST_CHUNK = 50;
const DEFAULT_THRESHOLD = 80;


export class BacklogView extends ViewBase<BacklogState> {
  private abort: AbortController | null = null;
  private ranking: Promise<void> = Promise.resolve();
  private readonly writes = new BatchQueue(this.store, (items, confirmed) => this.write(items, confirmed));

  constructor(
    private readonly session: SheetSession,
    private readonly notices: Notices,
    private readonly t: Messages,
  ) {
    super({
      phase: "idle",
      progress: null,
      items: [],
      ticked: new Set(),
      threshold: DEFAULT_THRESHOLD,
      busy: false,
      pendingConfirmation: null,
    });
  }

  start(): void {
    this.listen(
      this.session.onEvent((event) => {
        if (event.kind === "loaded") {
          if (this.store.get().phase !== "idle") void this.rank();
        } else if (event.kind === "rows") this.refreshRows(event.rows, event.inputChanged);
      }),
    );
  }

  override dispose(): void {
    this.abort?.abort();
    super.dispose();
  }

  async whenIdle(): Promise<void> {
    await this.ranking;
    await this.writes.whenIdle();
  }

  /** The view is shown: rank the queue the first time. */
  open(): void {
    if (this.store.get().phase === "idle" || this.store.get().phase === "failed") void this.rank();
  }

  /** Ranks every unfilled row again (chunked, with progress); ticks stay on the cases still listed. */
  rank(): Promise<void> {
    this.abort?.abort();
    const engine = this.session.engine;
    if (!engine) {
      this.store.set({ phase: "idle", items: [], ticked: new Set(), progress: null });
      return Promise.resolve();
    }
    const abort = new AbortController();
    this.abort = abort;
    this.store.set({ phase: "ranking", progress: { done: 0, total: 0 } });
    this.ranking = listBacklogAsync(engine, {
      signal: abort.signal,
      onProgress: (progress) => {
        if (!abort.signal.aborted) this.store.set({ progress: { ...progress } });
      },
    }).then(
      (ranked) => {
        if (abort.signal.aborted) return;
        const before = this.store.get();
        const tickedCases = before.items.filter((item) => before.ticked.has(item.rowNumber)).map((item) => item.caseRef);
        const items = ranked.flatMap((item) => this.entry(item));
        const ticked = new Set(items.filter((item) => tickedCases.some((ref) => sameCase(ref, item.caseRef))).map((item) => item.rowNumber));
        this.store.set({ phase: "ready", progress: null, items, ticked });
      },
      (error: unknown) => {
        if (abort.signal.aborted || error instanceof EngineError) return;
        this.store.set({ phase: "failed", progress: null });
        this.notices.show("error", this.t.readFailed(error instanceof Error ? error.message : String(error)));
      },
    );
    return this.ranking;
  }

  toggle(row: number): void {
    const ticked = new Set(this.store.get().ticked);
    if (ticked.has(row)) ticked.delete(row);
    else if (this.store.get().items.some((item) => item.rowNumber === row)) ticked.add(row);
    this.store.set({ ticked });
  }

  setThreshold(percent: number): void {
    if (!Number.isFinite(percent)) return;
    this.store.set({ threshold: Math.max(0, Math.min(100, Math.round(percent))) });
  }

  /** Ticks every row whose top category is at or above the threshold (and only those). */
  tickAbove(percent = this.store.get().threshold): void {
    this.setThreshold(percent);
    const threshold = this.store.get().threshold;
    const ticked = new Set(this.store.get().items.filter((item) => item.top && Math.round(item.confidence * 100) >= threshold).map((item) => item.rowNumber));
    this.store.set({ ticked });
  }

  tickNone(): void {
    this.store.set({ ticked: new Set() });
  }

  /** Writes the top category (or every FAQ suggestion) into every ticked row, in one write. */
  apply(mode: BacklogMode): Promise<void> {
    return this.writes.run(() => this.applyNow(mode));
  }

  confirmOverwrite(): Promise<void> {
    return this.writes.confirmOverwrite();
  }

  cancelOverwrite(): void {
    this.writes.cancelOverwrite();
  }

  private async applyNow(mode: BacklogMode): Promise<void> {
    const { items, ticked, busy } = this.store.get();
    const table = this.session.store.get().table;
    if (!table || busy || this.session.store.get().busy) return;
    const chosen = items.filter((item) => ticked.has(item.rowNumber));
    if (chosen.length === 0) {
      this.notices.show("info", this.t.backlogNothingTicked);
      return;
    }
    this.store.set({ busy: true });
    try {
      const writes = mode === "category" ? this.categoryWrites(chosen) : await this.everyWrites(chosen);
      await this.write(writes, false);
    } finally {
      this.store.set({ busy: false, progress: null });
    }
  }

  /** The top category of each entry, into its category column, against the value the entry showed. */
  private categoryWrites(chosen: BacklogEntry[]): CaseWrite[] {
    const columns = this.session.store.get().table?.columns ?? {};
    return chosen.flatMap((item) => {
      const column = item.role ? columns[item.role] : undefined;
      if (!item.top || !item.role || column === undefined) return [];
      return [{ case: item.caseRef, writes: [{ role: item.role, column, value: item.top.value }], shownValues: { [column]: item.current } }];
    });
  }

  /** Every FAQ suggestion of each entry, into its cells that are empty (as すべて適用 does for one row). */
  private async everyWrites(chosen: BacklogEntry[]): Promise<CaseWrite[]> {
    const engine = this.session.engine;
    const columns = this.session.store.get().table?.columns;
    if (!engine || !columns) return [];
    const faqColumns = faqColumnsOf(columns);
    const roles: FaqRole[] = faqColumns.map((c) => c.role);
    const out: CaseWrite[] = [];
    for (let start = 0; start < chosen.length; start += SUGGEST_CHUNK) {
      this.store.set({ progress: { done: start, total: chosen.length } });
      await yieldToHost();
      for (const item of chosen.slice(start, start + SUGGEST_CHUNK)) {
        const row = this.session.rows.get(item.rowNumber);
        if (!row) continue;
        let suggestions;
        try {
          suggestions = engine.suggest(item.rowNumber);
        } catch (error) {
          if (error instanceof EngineError) continue;
          throw error;
        }
        const shownValues: Record<number, string> = {};
        for (const { role, column } of faqColumns) shownValues[column] = row.cells[role] ?? "";
        const writes = writesFor(roles, draftFromSuggestions(suggestions), suggestions, columns, shownValues, true);
        if (writes.length > 0) out.push({ case: item.caseRef, writes, shownValues });
      }
    }
    this.store.set({ progress: { done: chosen.length, total: chosen.length } });
    return out;
  }

  private async write(items: CaseWrite[], confirmed: boolean): Promise<void> {
    const { outcome, confirmation } = await applyBatch(this.session, this.notices, this.t, items, confirmed);
    if (confirmation) {
      this.store.set({ pendingConfirmation: confirmation });
      return;
    }
    if (outcome?.kind === "applied") {
      // Written rows leave the selection: a second click must not write them again.
      const ticked = new Set(this.store.get().ticked);
      for (const written of outcome.written) {
        ticked.delete(written.case.row);
        ticked.delete(written.row);
      }
      this.store.set({ ticked });
    }
  }

  private entry(item: BacklogItem): BacklogEntry[] {
    const caseRef = this.session.caseRef(item.rowNumber);
    return caseRef ? [{ ...item, caseRef }] : [];
  }

  /** Rows an edit touched: refreshed in place, added (now unfilled) or removed (now filled, or no longer a case). */
  private refreshRows(rows: number[], inputChanged: number[]): void {
    const state = this.store.get();
    if (state.phase !== "ready") return;
    const engine = this.session.engine;
    const columns = this.session.store.get().table?.columns;
    if (!engine || !columns) return;
    let items = state.items.slice();
    const ticked = new Set(state.ticked);
    let unticked = 0;
    // Where each row is in the list (a batch of 10,000 rows must not search the list 10,000 times).
    const position = new Map(items.map((item, index) => [item.rowNumber, index]));
    const removed = new Set<number>();
    const added: BacklogEntry[] = [];
    const inputChangedRows = new Set(inputChanged);
    for (const rowNumber of rows) {
      const at = removed.has(rowNumber) ? -1 : (position.get(rowNumber) ?? -1);
      const row = this.session.rows.get(rowNumber);
      if (inputChangedRows.has(rowNumber) && ticked.delete(rowNumber)) unticked++;
      if (!row || isFaqComplete(row, columns)) {
        if (at >= 0) removed.add(rowNumber);
        ticked.delete(rowNumber);
        continue;
      }
      if (at >= 0 && !inputChangedRows.has(rowNumber)) {
        // Only FAQ cells changed (a write, an undo, the editor typing one): the entry shows them now.
        // Its suggestion is kept as shown — ranking 1,000 written rows again would stall the pane;
        // 並べ直す does it on demand.
        const item = items[at];
        const missing = FAQ_ROLES.filter((role) => columns[role] !== undefined && (row.cells[role] ?? "").trim() === "");
        items[at] = { ...item, missing, current: item.role ? (row.cells[item.role] ?? "").trim() : "" };
        continue;
      }
      let fresh: BacklogEntry[];
      try {
        fresh = this.entry(backlogItem(engine, row));
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        fresh = [];
      }
      if (fresh.length === 0) continue;
      if (at >= 0) items[at] = fresh[0];
      else added.push(fresh[0]);
    }
    if (removed.size > 0) items = items.filter((item) => !removed.has(item.rowNumber));
    // Rows new to the queue (an undo emptied them, say) take their place by confidence.
    if (added.length > 0) items = [...items, ...added].sort((a, b) => b.confidence - a.confidence || a.rowNumber - b.rowNumber);
    this.store.set({ items, ticked });
    if (unticked > 0) this.notices.show("info", this.t.backlogUnticked(unticked));
  }
}
