/**
 * 品質 / Quality: how far to trust each FAQ column's suggestion on this desk's own log, and whether
 * the editors take the suggestions more as they fill rows.
 *
 * - The figures are leave-one-out over the filled rows of every case sheet (`QualityRun`), computed
 *   in small steps that yield to the pane between them, with progress. The case sheets are pooled in
 *   tab order, as `faq-assist evaluate --sheet all` pools them, so both give the same figures for the
 *   same file (and the same word segmentation).
 * - The acceptance log (`acceptance-log.ts`) is read from the workbook's custom XML part and summed up
 *   per column and week; it can be cleared from here, after a confirmation.
 *
 * Plain TypeScript over the session; the panel draws the state.
 */
import { FAQ_ROLES, QualityRun, poolCaseTables, qualitySentence, type CaseTable, type FaqRole, type Morphology, type QualityFigures } from "../../engine";
import { ACCEPTANCE_NAMESPACE, clearEntries, readEntries } from "../../workbook/acceptance-log";
import { summarizeAcceptance, type ColumnAcceptance } from "../../workbook/acceptance-summary";
import type { Messages } from "../i18n";
import type { Notices } from "./notices";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

/** Filled rows suggested per step: each step stays well under a frame's worth of work at 10,000 rows. */
export const QUALITY_STEP_ROWS = 10;

export interface QualityState {
  phase: "idle" | "running" | "ready" | "failed";
  progress: { done: number; total: number } | null;
  figures: QualityFigures | null;
  /** One plain sentence per column, in the pane's language. */
  sentences: Partial<Record<FaqRole, string>>;
  /** The case sheets the figures cover, in tab order. */
  sheets: string[];
  /** Rows changed since the figures were computed. */
  stale: boolean;
  /** The acceptance log per column and week; null where the host keeps no custom XML parts. */
  acceptance: ColumnAcceptance[] | null;
  /** Entries in the acceptance log. */
  entries: number;
  /** The editor asked to clear the log and has not confirmed yet. */
  confirmingClear: boolean;
}

export class QualityView extends ViewBase<QualityState> {
  private working: Promise<void> = Promise.resolve();
  /** Bumped by every run: an older run that is still stepping stops. */
  private generation = 0;

  constructor(
    private readonly session: SheetSession,
    private readonly notices: Notices,
    private readonly t: Messages,
    private readonly morphology: () => Morphology | undefined = () => undefined,
    private readonly stepRows = QUALITY_STEP_ROWS,
  ) {
    super({
      phase: "idle",
      progress: null,
      figures: null,
      sentences: {},
      sheets: [],
      stale: false,
      acceptance: null,
      entries: 0,
      confirmingClear: false,
    });
  }

  start(): void {
    this.listen(
      this.session.onEvent((event) => {
        if (event.kind !== "engine" && this.store.get().phase === "ready") this.store.set({ stale: true });
      }),
    );
  }

  override dispose(): void {
    this.generation++;
    super.dispose();
  }

  whenIdle(): Promise<void> {
    return this.working;
  }

  /** The view is shown: compute the figures if never computed or out of date, and read the log. */
  open(): void {
    const { phase, stale } = this.store.get();
    if (phase === "idle" || phase === "failed" || stale) void this.run();
    else void this.readLog();
  }

  /** The case sheets as the pane holds them, in tab order (the active one with the rows as they are now). */
  private async caseTables(): Promise<CaseTable[]> {
    const active = this.session.store.get().table;
    if (!active) return [];
    const names = await this.session.port.listSheets().catch(() => [active.sheetName]);
    const rows = [...this.session.rows.values()].sort((a, b) => a.rowNumber - b.rowNumber);
    return names.flatMap((name) => {
      if (name === active.sheetName) return [{ ...active, rows }];
      const table = this.session.sheetTable(name);
      return table ? [table] : [];
    });
  }

  /** Leave-one-out over every case sheet's filled rows, a few rows per step, with progress. */
  run(): Promise<void> {
    const generation = ++this.generation;
    this.working = this.working.then(async () => {
      if (generation !== this.generation) return;
      const tables = await this.caseTables();
      if (tables.length === 0) return;
      const pool = poolCaseTables(tables);
      this.store.set({ phase: "running", stale: false, progress: { done: 0, total: 0 }, sheets: pool.sheets });
      try {
        const run = new QualityRun(pool.table, { morphology: this.morphology() });
        this.store.set({ progress: run.progress });
        for (;;) {
          const finished = run.step(this.stepRows);
          this.store.set({ progress: run.progress });
          if (finished) break;
          // Yield to the pane (and to Excel's events) between steps.
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          if (generation !== this.generation) return;
        }
        const figures = run.result();
        const sentences: QualityState["sentences"] = {};
        for (const role of FAQ_ROLES) {
          const figure = figures.columns[role];
          if (figure) sentences[role] = qualitySentence(role, figure, this.t.lang);
        }
        this.store.set({ phase: "ready", progress: null, figures, sentences });
      } catch (error) {
        this.store.set({ phase: "failed", progress: null });
        this.notices.show("error", this.t.qualityFailed(error instanceof Error ? error.message : String(error)));
      }
      await this.readLog();
    });
    return this.working;
  }

  /** Reads the acceptance log from the workbook and sums it up per column and week. */
  async readLog(): Promise<void> {
    const parts = await this.session.port.readXmlParts?.(ACCEPTANCE_NAMESPACE).catch(() => undefined);
    if (!parts) {
      this.store.set({ acceptance: null, entries: 0 });
      return;
    }
    const entries = readEntries(parts);
    const columns = this.session.store.get().table?.columns ?? {};
    const roles = FAQ_ROLES.filter((role) => columns[role] !== undefined || entries.some((e) => e.columns.some((c) => c.role === role)));
    this.store.set({ acceptance: summarizeAcceptance(entries, roles), entries: entries.length });
  }

  askClear(): void {
    if (this.store.get().entries > 0) this.store.set({ confirmingClear: true });
  }

  cancelClear(): void {
    this.store.set({ confirmingClear: false });
  }

  /** Deletes the acceptance log from the workbook (the cells are not touched). */
  confirmClear(): Promise<void> {
    this.working = this.working.then(async () => {
      this.store.set({ confirmingClear: false });
      try {
        const done = await this.session.port.updateXmlParts?.(ACCEPTANCE_NAMESPACE, clearEntries);
        if (done) this.notices.show("success", this.t.qualityLogCleared);
      } catch (error) {
        this.notices.show("error", this.t.writeFailed(error instanceof Error ? error.message : String(error)));
      }
      await this.readLog();
    });
    return this.working;
  }
}
