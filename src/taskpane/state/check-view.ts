/**
 * 点検 (check before publishing): the problems of the FAQ columns, each with its row, filterable by
 * kind; one click fixes a cell whose fix is obvious, and "fix all obvious" fixes every such cell in
 * one write — both through the session's writer (identity, confirmation of the overwrite with old and
 * new values, all or nothing, one undo).
 *
 * The check runs row by row in chunks (10,000 rows take about a second) the first time the view is
 * opened; after an edit it runs again if the view is on screen (a fixed spelling can change what the
 * column's usual spelling is, so other rows' findings may change too), else when it is next opened.
 */
import { EngineError, FaqChecker, yieldToHost, type CellFix, type CheckKind, type CheckProblem, type Morphology } from "../../engine";
import type { CaseRef } from "../../workbook/case-identity";
import type { CaseWrite } from "../../workbook/faq-writer";
import type { Messages } from "../i18n";
import { BatchQueue, applyBatch } from "./batch-apply";
import type { PendingConfirmation } from "./case-view";
import type { Notices } from "./notices";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

export type CheckFilter = CheckKind | "all";

export interface CheckState {
  phase: "idle" | "checking" | "ready";
  progress: { done: number; total: number } | null;
  problems: CheckProblem[];
  /** Every cell with an obvious fix (all its fixes folded into one new value). */
  fixes: CellFix[];
  filter: CheckFilter;
  /** The sheet changed since the last check (it runs again when the view is opened). */
  stale: boolean;
  busy: boolean;
  pendingConfirmation: PendingConfirmation | null;
}

/** Longest stretch of checking between two yields to the pane. */
const CHECK_SLICE_MS = 40;


export class CheckView extends ViewBase<CheckState> {
  /** The case each row held when it was checked: a fix is written only into that case. */
  private checkedCases = new Map<number, CaseRef>();
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly writes = new BatchQueue(this.store, (items, confirmed) => this.write(items, confirmed));
  private visible = false;

  constructor(
    private readonly session: SheetSession,
    private readonly notices: Notices,
    private readonly t: Messages,
    private readonly morphology: () => Morphology | undefined = () => undefined,
  ) {
    super({ phase: "idle", progress: null, problems: [], fixes: [], filter: "all", stale: false, busy: false, pendingConfirmation: null });
  }

  start(): void {
    this.listen(
      this.session.onEvent((event) => {
        if (event.kind === "engine" || this.store.get().phase === "idle") return;
        if (this.visible) void this.run();
        else this.store.set({ stale: true });
      }),
    );
  }

  override dispose(): void {
    this.generation++;
    super.dispose();
  }

  async whenIdle(): Promise<void> {
    await this.writes.whenIdle();
    await this.running;
  }

  /** The view is shown (true) or hidden: it checks when first shown, and again if the sheet changed meanwhile. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    const { phase, stale } = this.store.get();
    if (visible && (phase === "idle" || stale)) void this.run();
  }

  setFilter(filter: CheckFilter): void {
    this.store.set({ filter });
  }

  /** Checks every case row, in chunks with progress. The last findings stay on screen meanwhile. */
  run(): Promise<void> {
    const generation = ++this.generation;
    this.running = this.checkAll(generation);
    return this.running;
  }

  private async checkAll(generation: number): Promise<void> {
    const table = this.session.store.get().table;
    if (!table) {
      this.store.set({ phase: "idle", problems: [], fixes: [], progress: null, stale: false });
      return;
    }
    const rows = [...this.session.rows.values()].sort((a, b) => a.rowNumber - b.rowNumber);
    const cases = new Map<number, CaseRef>();
    for (const row of rows) {
      const ref = this.session.caseRef(row.rowNumber);
      if (ref) cases.set(row.rowNumber, ref);
    }
    const checker = new FaqChecker({ ...table, rows }, { morphology: this.morphology() });
    this.store.set({ phase: this.store.get().phase === "ready" ? "ready" : "checking", progress: { done: 0, total: rows.length } });
    const problems: CheckProblem[] = [];
    // Slices bounded in time, not rows: with kuromoji a row costs from microseconds (a cached
    // sentence) to tens of milliseconds (a long new text), and 200 rows could hold the pane 400 ms.
    for (let start = 0; start < rows.length; ) {
      const sliceStart = Date.now();
      while (start < rows.length && Date.now() - sliceStart < CHECK_SLICE_MS) problems.push(...checker.checkRow(rows[start++]));
      if (generation !== this.generation) return;
      this.store.set({ progress: { done: start, total: rows.length } });
      await yieldToHost();
      if (generation !== this.generation) return;
    }
    let fixes: CellFix[];
    try {
      fixes = checker.planFixes(problems);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      fixes = [];
    }
    this.checkedCases = cases;
    this.store.set({ phase: "ready", progress: null, problems, fixes, stale: false });
  }

  /** The obvious fix of the problem's cell (every obvious fix of that cell, folded into one value). */
  fixFor(problem: CheckProblem): CellFix | undefined {
    return this.store.get().fixes.find((fix) => fix.rowNumber === problem.rowNumber && fix.column === problem.column);
  }

  fix(problem: CheckProblem): Promise<void> {
    const fix = problem.fix === undefined ? undefined : this.fixFor(problem);
    return this.writeFixes(fix ? [fix] : []);
  }

  fixAll(): Promise<void> {
    return this.writeFixes(this.store.get().fixes);
  }

  confirmOverwrite(): Promise<void> {
    return this.writes.confirmOverwrite();
  }

  cancelOverwrite(): void {
    this.writes.cancelOverwrite();
  }

  private writeFixes(fixes: CellFix[]): Promise<void> {
    return this.writes.run(async () => {
      if (this.store.get().busy || this.session.store.get().busy) return;
      const items: CaseWrite[] = [];
      const byRow = new Map<number, CellFix[]>();
      for (const fix of fixes) byRow.set(fix.rowNumber, [...(byRow.get(fix.rowNumber) ?? []), fix]);
      for (const [row, cells] of byRow) {
        const ref = this.checkedCases.get(row);
        if (!ref) continue;
        items.push({
          case: ref,
          writes: cells.map((fix) => ({ role: fix.role, column: fix.column, value: fix.newValue })),
          shownValues: Object.fromEntries(cells.map((fix) => [fix.column, fix.oldValue])),
        });
      }
      if (items.length === 0) {
        this.notices.show("info", this.t.checkNothingToFix);
        return;
      }
      await this.write(items, false);
    });
  }

  private async write(items: CaseWrite[], confirmed: boolean): Promise<void> {
    this.store.set({ busy: true });
    try {
      const { confirmation } = await applyBatch(this.session, this.notices, this.t, items, confirmed);
      if (confirmation) this.store.set({ pendingConfirmation: confirmation });
    } finally {
      this.store.set({ busy: false });
    }
  }
}
