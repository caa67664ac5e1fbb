// Over 400 lines: the session is the one owner of the table, the engine, the case-sheet pool and the write rules; split, they could disagree about a row.
/**
 * The pane's model of the workbook, shared by every view (the case view today; search, backlog,
 * check and export views can sit on the same session): the case table read through the port, the
 * suggestion engine built over it, the sheet's changes applied as they come, and the write rules
 * (every write goes through `applyFaqBatch` / `undoApply`, one undo record at a time).
 *
 * Plain TypeScript, no React, no DOM: tests drive it over the in-memory workbook or the fake Excel.
 *
 * Changes: the port reports each change with its address and source. Edits re-read only the rows
 * they touch; inserted/deleted/sorted rows and header edits re-read the table (row numbers moved).
 * Nothing is dropped or ignored by time: the pane's own writes are recognised by address and
 * values — a change event over cells the pane just wrote is checked against what it wrote, and any
 * difference (a co-author typing at the same moment) is taken in. Reads and writes are serialised,
 * so a change is never applied on top of a write still under way, or the reverse.
 */
import { POOL_STRIDE, SuggestionEngine, pooledRow, sheetRowOf, type RowSuggestions, type SheetRow, type SourceRow } from "../../engine";
import type { BuildProgress, CaseRow, CaseTable, ColumnMap, FaqRole, TableProblem } from "../../engine";
import { FAQ_ROLES, INPUT_ROLES } from "../../engine/types";
import { caseRowFromLine } from "../../workbook/bounded-read";
import { CaseIdentities, type CaseRef } from "../../workbook/case-identity";
import { saveColumnMapping } from "../../workbook/column-mapping";
import { EXCEL_MAX_ROWS, parseAreas, type Rect } from "../../workbook/a1-address";
import { ENGINE_VERSION } from "../../workbook/engine-version";
import { applyFaqBatch, undoApply, type ApplyOutcome, type CaseWrite, type UndoOutcome, type UndoRecord } from "../../workbook/faq-writer";
import {
  WorkbookError,
  cellKey,
  type ReadProgress,
  type SheetChange,
  type SheetSnapshot,
  type Unsubscribe,
  type WorkbookPort,
  type WorkbookStatus,
  type WriteProgress,
} from "../../workbook/port";
import { readSheetTable, readTable } from "../../workbook/read-table";
import { countFilled, rowWithValues, type ChoiceRole, type Progress } from "./pane-model";
import { Store } from "./store";

/** Edits touching more rows than this re-read the whole table (cheaper than row by row). */
export const INCREMENTAL_ROW_LIMIT = 500;
/** A write of more rows than this rebuilds the engine rather than teaching it row by row. */
export const LEARN_ROW_LIMIT = 100;

export type LoadState =
  | { phase: "reading"; progress: ReadProgress | null }
  | { phase: "building"; progress: BuildProgress | null }
  | { phase: "ready" }
  | { phase: "noTable"; problem: TableProblem }
  | { phase: "tooLarge"; rows: number; limit: number; lastCell?: string }
  | { phase: "failed"; detail: string };

export interface SessionState {
  load: LoadState;
  snapshot: SheetSnapshot | null;
  table: CaseTable | null;
  status: WorkbookStatus | null;
  mapping: ColumnMap | null;
  progress: Progress | null;
  categoryOptions: Record<ChoiceRole, string[]>;
  /** True while the table is re-read after rows moved (the last state stays on screen meanwhile). */
  refreshing: boolean;
  busy: boolean;
  writeProgress: WriteProgress | null;
  canUndo: boolean;
  /**
   * The log's case sheets: the active sheet first, then every other sheet whose header is recognised
   * (its saved mapping included). Suggestions and search draw on all of them; a row of sheet `i` has
   * the engine row number `i × 2²⁰ + row` (`case-pool.ts`), so the active sheet's rows keep theirs.
   */
  poolSheets: string[];
  /** True while the other case sheets are being read (after the first suggestions are on screen). */
  poolLoading: boolean;
}

export type SessionEvent =
  /** A table was (re)built: row numbers may all have changed. */
  | { kind: "loaded" }
  /** Rows re-read after an edit; `inputChanged` lists those whose case text (not only FAQ cells) changed. */
  | { kind: "rows"; rows: number[]; inputChanged: number[] }
  /** The engine was reconfigured (e.g. real morphology loaded): suggestions should be recomputed. */
  | { kind: "engine" };

export interface SessionOptions {
  /** Changes arriving within this many milliseconds are handled together. */
  changeDelayMs?: number;
  /** The other case sheets are read this long after the active sheet's table is ready (the first suggestion comes first). */
  poolDelayMs?: number;
}

/** At most this long after the first suggestions the other case sheets are read, idle or not. */
const POOL_IDLE_TIMEOUT_MS = 1_000;

const SHEET_STRUCTURE = new Set<SheetChange["kind"]>(["sheetAdded", "sheetDeleted", "sheetRenamed"]);

const NO_OPTIONS: Record<ChoiceRole, string[]> = { category: [], classification: [] };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameCells(a: CaseRow, b: CaseRow, roles: readonly string[]): boolean {
  return roles.every((role) => (a.cells[role as FaqRole] ?? "") === (b.cells[role as FaqRole] ?? ""));
}

export class SheetSession {
  readonly store = new Store<SessionState>({
    load: { phase: "reading", progress: null },
    snapshot: null,
    table: null,
    status: null,
    mapping: null,
    progress: null,
    categoryOptions: NO_OPTIONS,
    refreshing: false,
    busy: false,
    writeProgress: null,
    canUndo: false,
    poolSheets: [],
    poolLoading: false,
  });
  private readonly rowMap = new Map<number, CaseRow>();
  /** Which cases have an identical twin; built when first asked, dropped when input cells change. */
  private identities: CaseIdentities | undefined;
  /** The other case sheets' tables, in pool order (sheet i + 1 of `poolSheets`). */
  private poolTables: CaseTable[] = [];
  private poolTimer: ReturnType<typeof setTimeout> | undefined;
  /** The other case sheets have been read for the current active sheet. */
  private poolLoaded = false;
  private readonly poolDelayMs: number;
  private engineRef: SuggestionEngine | null = null;
  private readonly configurators: ((engine: SuggestionEngine) => void)[] = [];
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private serial: Promise<unknown> = Promise.resolve();
  private pending: SheetChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Cells the pane wrote, with the text it wrote, until a change event over them has been checked. */
  private readonly ownCells = new Map<string, string>();
  private lastUndo: UndoRecord | null = null;
  /** A change that moves rows has arrived and the table has not been read again yet. */
  private rowsMoving = false;
  private unsubscribe: Unsubscribe | null = null;
  private disposed = false;
  private readonly changeDelayMs: number;

  constructor(
    readonly port: WorkbookPort,
    options: SessionOptions = {},
  ) {
    this.changeDelayMs = options.changeDelayMs ?? 100;
    this.poolDelayMs = options.poolDelayMs ?? 0;
  }

  // ---- reading ------------------------------------------------------------------------------

  async start(): Promise<void> {
    const off = await this.port.onSheetChanged((change) => this.onChange(change)).catch(() => null);
    if (this.disposed) void off?.();
    else this.unsubscribe = off;
    await this.enqueue(() => this.loadAll("open"));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.poolTimer);
    void Promise.resolve(this.unsubscribe?.()).catch(() => undefined);
  }

  /** Re-reads the sheet and rebuilds the index (the 再読み込み button). */
  reload(): Promise<void> {
    return this.enqueue(() => this.loadAll("reload"));
  }

  /** Resolves once every change received so far has been handled (tests, and the pane before a write). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.timer !== undefined) this.flush();
      if (this.poolTimer !== undefined) this.flushPool();
      const serial = this.serial;
      await serial;
      if (serial === this.serial && this.timer === undefined && this.poolTimer === undefined) return;
    }
  }

  get engine(): SuggestionEngine | null {
    return this.engineRef;
  }

  /** The model's case rows by sheet row number (kept in step with the sheet and the pane's writes). */
  get rows(): ReadonlyMap<number, CaseRow> {
    return this.rowMap;
  }

  /** Where an engine row is: its sheet and its row there (rows of the active sheet keep their number). */
  placeOf(rowNumber: number): SheetRow {
    const { poolSheets, table } = this.store.get();
    if (rowNumber < POOL_STRIDE) return { sheetName: table?.sheetName ?? poolSheets[0] ?? "", row: rowNumber };
    return sheetRowOf({ sheets: poolSheets }, rowNumber);
  }

  /** The suggestions with every evidence row of another case sheet named by its sheet and row. */
  withPlaces(suggestions: RowSuggestions): RowSuggestions {
    const place = (sources: SourceRow[]) => sources.map((source) => (source.rowNumber < POOL_STRIDE ? source : { ...source, place: this.placeOf(source.rowNumber) }));
    const candidates = (list: RowSuggestions["category"]) => list.map((c) => ({ ...c, sources: place(c.sources) }));
    return {
      ...suggestions,
      category: candidates(suggestions.category),
      classification: candidates(suggestions.classification),
      keywords: { ...suggestions.keywords, sources: place(suggestions.keywords.sources) },
      countermeasures: { ...suggestions.countermeasures, sources: place(suggestions.countermeasures.sources) },
      references: { ...suggestions.references, sources: place(suggestions.references.sources) },
      answer: { ...suggestions.answer, sources: place(suggestions.answer.sources) },
      similar: place(suggestions.similar),
    };
  }

  /** A case sheet's own table (the active sheet's, or another pooled sheet's). */
  sheetTable(sheetName: string): CaseTable | undefined {
    const table = this.store.get().table;
    return table?.sheetName === sheetName ? table : this.poolTables.find((t) => t.sheetName === sheetName);
  }

  /** Every case sheet's rows as the engine numbers them: the active sheet's, then the other sheets'. */
  pooledRows(): CaseRow[] {
    return [...[...this.rowMap.values()].sort((a, b) => a.rowNumber - b.rowNumber), ...this.otherSheetRows()];
  }

  private otherSheetRows(): CaseRow[] {
    return this.poolTables.flatMap((table, i) => table.rows.map((row) => ({ rowNumber: pooledRow(i + 1, row.rowNumber), cells: row.cells })));
  }

  caseRef(rowNumber: number): CaseRef | undefined {
    const row = this.rowMap.get(rowNumber);
    const table = this.store.get().table;
    if (!row || !table) return undefined;
    this.identities ??= new CaseIdentities(table.sheetName, this.rowMap.values());
    return this.identities.refOf(row);
  }

  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Configures the engine now and every engine built later (a rebuilt table gets a new engine), then
   * tells the views to recompute suggestions — e.g. `engine => engine.setMorphology(kuromoji)`.
   */
  configureEngine(configure: (engine: SuggestionEngine) => void): void {
    this.configurators.push(configure);
    if (this.engineRef) {
      configure(this.engineRef);
      this.emit({ kind: "engine" });
    }
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Runs reads and writes one after the other. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.serial.then(task, task);
    this.serial = run.catch(() => undefined);
    return run;
  }

  private async loadAll(mode: "open" | "reload" | "background"): Promise<void> {
    if (this.disposed) return;
    try {
      await this.readAndBuild(mode);
    } finally {
      // Changes that moved rows and arrived during the read are still pending: stay stale for them.
      this.rowsMoving = this.pending.some((change) => change.kind !== "edit");
    }
  }

  private async readAndBuild(mode: "open" | "reload" | "background"): Promise<void> {
    const visible = mode !== "background" || this.store.get().table === null;
    if (visible) this.store.set({ load: { phase: "reading", progress: null } });
    else this.store.set({ refreshing: true });
    try {
      const { snapshot, mapping, result } = await readTable(this.port, (progress) => {
        if (visible && !this.disposed) this.store.set({ load: { phase: "reading", progress } });
      });
      const status = await this.port.getStatus(snapshot.sheetName).catch(() => null);
      if (this.disposed) return;
      if (!result.ok) {
        this.replaceModel(null, null);
        this.store.set({ snapshot, status, mapping: mapping ?? null, table: null, progress: null, load: { phase: "noTable", problem: result.problem }, refreshing: false });
        this.emit({ kind: "loaded" });
        return;
      }
      const table = result.table;
      // The same sheet read again (rows moved, a reload): its other case sheets are kept and indexed
      // with it; another active sheet has its pool read afresh, after its first suggestions.
      const sameSheet = this.store.get().table?.sheetName === table.sheetName && this.poolLoaded;
      if (!sameSheet) {
        this.poolTables = [];
        this.poolLoaded = false;
      }
      if (visible) this.store.set({ load: { phase: "building", progress: null } });
      const engine = await SuggestionEngine.buildAsync(sameSheet ? { ...table, rows: [...table.rows, ...this.otherSheetRows()] } : table, {
        onProgress: (progress) => {
          if (visible && !this.disposed) this.store.set({ load: { phase: "building", progress } });
        },
      });
      if (this.disposed) return;
      for (const configure of this.configurators) configure(engine);
      this.replaceModel(table, engine);
      this.store.set({
        snapshot,
        status,
        mapping: mapping ?? null,
        table,
        load: { phase: "ready" },
        refreshing: false,
        poolSheets: [table.sheetName, ...this.poolTables.map((t) => t.sheetName)],
        ...this.derived(table),
      });
      this.emit({ kind: "loaded" });
      if (!sameSheet) this.schedulePool();
    } catch (error) {
      if (this.disposed) return;
      this.replaceModel(null, null);
      if (error instanceof WorkbookError && error.code === "tooLarge") {
        const { rows = 0, limit = 0, lastCell } = error.detail;
        this.store.set({ table: null, load: { phase: "tooLarge", rows, limit, lastCell }, refreshing: false });
      } else {
        this.store.set({ table: null, load: { phase: "failed", detail: errorText(error) }, refreshing: false });
      }
      this.emit({ kind: "loaded" });
    }
  }

  /** Reads the other case sheets soon, in the background (the active sheet's suggestions come first). */
  private schedulePool(): void {
    if (this.disposed) return;
    clearTimeout(this.poolTimer);
    this.poolTimer = setTimeout(() => this.flushPool(), this.poolDelayMs);
  }

  /**
   * The first suggestions are on screen: read the other case sheets when the host is next idle rather
   * than after the delay — not at once, so the suggestions are painted before the reading starts.
   */
  poolNow(): void {
    if (this.poolTimer === undefined) return;
    clearTimeout(this.poolTimer);
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
    if (idle) {
      this.poolTimer = setTimeout(() => undefined, POOL_IDLE_TIMEOUT_MS);
      idle(() => {
        if (this.poolTimer !== undefined) this.flushPool();
      }, { timeout: POOL_IDLE_TIMEOUT_MS });
    } else this.poolTimer = setTimeout(() => this.flushPool(), 0);
  }

  private flushPool(): void {
    clearTimeout(this.poolTimer);
    this.poolTimer = undefined;
    void this.enqueue(() => this.loadPool());
  }

  /**
   * Reads every other sheet whose header is recognised (bounded, each with its own saved mapping) and
   * rebuilds the engine over all of them. A sheet that cannot be read is left out of the pool.
   */
  private async loadPool(): Promise<void> {
    const table = this.store.get().table;
    if (this.disposed || !table) return;
    this.store.set({ poolLoading: true });
    try {
      const names = await this.port.listSheets();
      const tables: CaseTable[] = [];
      for (const name of names) {
        if (name === table.sheetName) continue;
        const read = await readSheetTable(this.port, name).catch(() => null);
        if (read?.result.ok && read.result.table.rows.length > 0) tables.push(read.result.table);
      }
      // A newer table (another sheet activated meanwhile) schedules its own pool.
      if (this.disposed || this.store.get().table !== table) return;
      const hadPool = this.poolTables.length > 0;
      this.poolTables = tables;
      this.poolLoaded = true;
      const poolSheets = [table.sheetName, ...tables.map((t) => t.sheetName)];
      if (!hadPool && tables.length === 0) {
        this.store.set({ poolSheets });
        return;
      }
      const engine = await SuggestionEngine.buildAsync({ ...table, rows: this.pooledRows() });
      if (this.disposed || this.store.get().table !== table) return;
      for (const configure of this.configurators) configure(engine);
      this.engineRef = engine;
      this.store.set({ poolSheets, ...this.derived(table) });
      this.emit({ kind: "engine" });
    } catch {
      // The sheet list could not be read: suggestions stay with the active sheet.
    } finally {
      this.store.set({ poolLoading: false });
    }
  }

  private replaceModel(table: CaseTable | null, engine: SuggestionEngine | null): void {
    this.rowMap.clear();
    this.identities = undefined;
    for (const row of table?.rows ?? []) this.rowMap.set(row.rowNumber, row);
    this.engineRef = engine;
  }

  /**
   * The counter and the category lists from the model. The same objects come back while their content
   * is the same, so a store update (and React) sees no change where there is none.
   */
  private derived(table: CaseTable | null = this.store.get().table): Pick<SessionState, "progress" | "categoryOptions"> {
    const engine = this.engineRef;
    const before = this.store.get();
    const progress = table ? countFilled(this.rowMap.values(), table.columns) : null;
    const category = table?.columns.category && engine ? engine.categoryOptions("category") : [];
    const classification = table?.columns.classification && engine ? engine.categoryOptions("classification") : [];
    const sameProgress = progress === before.progress || (progress !== null && before.progress !== null && progress.filled === before.progress.filled && progress.total === before.progress.total);
    const options = before.categoryOptions;
    const sameOptions = sameList(category, options.category) && sameList(classification, options.classification);
    return {
      progress: sameProgress ? before.progress : progress,
      categoryOptions: sameOptions ? options : { category, classification },
    };
  }

  // ---- changes ------------------------------------------------------------------------------

  /**
   * True between a change that moved rows (insert, delete, sort, another sheet) and the table read
   * that follows it: row numbers in the model are not to be trusted meanwhile.
   */
  get modelStale(): boolean {
    return this.rowsMoving;
  }

  private onChange(change: SheetChange): void {
    if (this.disposed) return;
    const table = this.store.get().table;
    const elsewhere = change.sheetName !== undefined && change.sheetName !== table?.sheetName && change.previousName !== table?.sheetName;
    // Another sheet's changes (and sheets added, deleted, renamed there) move none of the active sheet's rows.
    const otherSheet = elsewhere && (change.kind !== "activated" || SHEET_STRUCTURE.has(change.kind));
    if (!otherSheet && change.kind !== "edit" && (change.kind !== "activated" || change.sheetName !== table?.sheetName)) this.rowsMoving = true;
    this.pending.push(change);
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.changeDelayMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const changes = this.pending;
    this.pending = [];
    if (changes.length > 0) void this.enqueue(() => this.handleChanges(changes));
  }

  private async handleChanges(changes: SheetChange[]): Promise<void> {
    const { table, snapshot } = this.store.get();
    if (!table || !snapshot) {
      // No table yet (empty sheet, no header): anything may have made one.
      await this.loadAll("background");
      return;
    }
    // The active sheet renamed: everything it holds is read again under its new name.
    if (changes.some((change) => change.kind === "sheetRenamed" && change.previousName === table.sheetName)) {
      await this.loadAll("background");
      return;
    }
    const poolChanged = changes.some(
      (change) => SHEET_STRUCTURE.has(change.kind) || (change.sheetName !== undefined && change.sheetName !== table.sheetName && change.kind !== "activated"),
    );
    if (poolChanged) this.schedulePool();
    const mine = changes.filter((change) => (change.sheetName === undefined || change.sheetName === table.sheetName) && !SHEET_STRUCTURE.has(change.kind));
    const needsTable = changes.some(
      (change) =>
        (change.kind === "activated" && change.sheetName !== table.sheetName) ||
        (change.sheetName === table.sheetName && change.kind !== "edit" && change.kind !== "activated") ||
        (change.sheetName === table.sheetName && change.kind === "edit" && !change.address),
    );
    if (needsTable) {
      await this.loadAll("background");
      return;
    }
    const rects: Rect[] = [];
    for (const change of mine) {
      if (change.kind !== "edit" || !change.address) continue;
      try {
        rects.push(...parseAreas(change.address));
      } catch {
        await this.loadAll("background");
        return;
      }
    }
    const rowsToRead = await this.notMine(table.sheetName, rects);
    const spans = mergeSpans(rowsToRead.filter((rect) => rect.bottom > table.headerRow - 1));
    if (spans.some((span) => span.top <= table.headerRow)) {
      // The header itself changed: columns may mean something else now.
      await this.loadAll("background");
      return;
    }
    const rowCount = spans.reduce((sum, span) => sum + span.bottom - span.top + 1, 0);
    if (rowCount > INCREMENTAL_ROW_LIMIT) {
      await this.loadAll("background");
      return;
    }
    await this.rereadRows(spans);
  }

  /**
   * Drops the parts of the changed areas that only cover cells the pane itself wrote and that still
   * hold exactly what it wrote; everything else is returned to be re-read.
   */
  private async notMine(sheetName: string, rects: Rect[]): Promise<Rect[]> {
    if (this.ownCells.size === 0) return rects;
    const keep: Rect[] = [];
    for (const rect of rects) {
      const cells: { row: number; column: number }[] = [];
      const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (area <= this.ownCells.size) {
        for (let row = rect.top; row <= rect.bottom; row++) for (let column = rect.left; column <= rect.right; column++) cells.push({ row, column });
      }
      if (cells.length === 0 || !cells.every((cell) => this.ownCells.has(cellKey(cell.row, cell.column)))) {
        keep.push(rect);
        continue;
      }
      // One rectangle read back (not cell by cell): what it shows must be exactly what was written.
      const texts = await this.port.readTexts(sheetName, rect.top, rect.bottom, rect.left, rect.right).catch(() => null);
      const same = texts?.every((line, r) => line.every((text, c) => this.ownCells.get(cellKey(rect.top + r, rect.left + c)) === text)) ?? false;
      for (const cell of cells) this.ownCells.delete(cellKey(cell.row, cell.column));
      if (!same) keep.push(rect);
    }
    return keep;
  }

  private async rereadRows(spans: { top: number; bottom: number }[]): Promise<void> {
    const { table, snapshot } = this.store.get();
    const engine = this.engineRef;
    if (!table || !snapshot || !engine || spans.length === 0) return;
    const left = snapshot.firstColumn;
    const columnNumbers = Object.values(table.columns).filter((c): c is number => typeof c === "number");
    const width = Math.max(snapshot.values.reduce((max, line) => Math.max(max, line.length), 0), Math.max(...columnNumbers) - left + 1);
    const right = left + width - 1;
    const inputRoles = INPUT_ROLES.filter((role) => table.columns[role] !== undefined);
    const allRoles = [...inputRoles, ...FAQ_ROLES.filter((role) => table.columns[role] !== undefined)];
    const changed: number[] = [];
    const inputChanged: number[] = [];
    const values = snapshot.values.slice();
    for (const span of spans) {
      const texts = await this.port.readTexts(table.sheetName, span.top, span.bottom, left, right);
      texts.forEach((line, i) => {
        const rowNumber = span.top + i;
        const index = rowNumber - snapshot.firstRow;
        while (values.length <= index) values.push([]);
        values[index] = line;
        const now = caseRowFromLine(line, left, table.columns, rowNumber);
        const before = this.rowMap.get(rowNumber);
        if (now && (!before || !sameCells(before, now, allRoles))) {
          this.rowMap.set(rowNumber, now);
          engine.updateRow(now);
          changed.push(rowNumber);
          if (!before || !sameCells(before, now, inputRoles)) {
            inputChanged.push(rowNumber);
            this.identities = undefined;
          }
        } else if (!now && before) {
          // No longer a case: it leaves the model; the engine forgets its FAQ values.
          this.rowMap.delete(rowNumber);
          this.identities = undefined;
          engine.updateRow({ rowNumber, cells: {} });
          changed.push(rowNumber);
          inputChanged.push(rowNumber);
        }
      });
    }
    const lastRow = Math.max(table.headerRow, ...this.rowMap.keys());
    this.store.set({ snapshot: { ...snapshot, values }, table: { ...table, lastRow }, ...(changed.length > 0 ? this.derived() : {}) });
    if (changed.length > 0) this.emit({ kind: "rows", rows: changed, inputChanged });
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Writes FAQ values for one or many cases (see `applyFaqBatch`), then brings the model in step. */
  apply(items: CaseWrite[], overwriteConfirmed: boolean, onProgress?: (progress: WriteProgress) => void): Promise<ApplyOutcome> {
    return this.enqueue(async () => {
      const { table } = this.store.get();
      if (!table) return { kind: "failed", message: "No table is loaded." } as ApplyOutcome;
      this.store.set({ busy: true, writeProgress: null });
      try {
        const outcome = await applyFaqBatch(this.port, {
          sheetName: table.sheetName,
          columns: table.columns,
          items,
          overwriteConfirmed,
          record: { engineVersion: ENGINE_VERSION },
          onProgress: (progress) => {
            this.store.set({ writeProgress: progress });
            onProgress?.(progress);
          },
        });
        await this.afterApply(outcome);
        return outcome;
      } finally {
        this.store.set({ busy: false, writeProgress: null });
      }
    });
  }

  private async afterApply(outcome: ApplyOutcome): Promise<void> {
    switch (outcome.kind) {
      case "applied": {
        this.lastUndo = outcome.undo;
        this.store.set({ canUndo: true });
        for (const written of outcome.written) for (const value of written.values) this.ownCells.set(cellKey(written.row, value.column), value.value);
        if (outcome.moved.length > 0) {
          // Rows moved under the pane: its row numbers are stale, the table is read again.
          void this.enqueue(() => this.loadAll("background"));
          return;
        }
        await this.learn(outcome.written.map((w) => ({ row: w.row, values: w.values })));
        return;
      }
      case "changedSinceShown":
        // Take the cells as they are now; the editor decides again.
        await this.rereadRows(mergeSpans(outcome.changed.map((c) => ({ top: c.row, bottom: c.row, left: c.column, right: c.column }))));
        return;
      case "caseChanged":
      case "caseNotFound":
        void this.enqueue(() => this.loadAll("background"));
        return;
      default:
        return;
    }
  }

  /** Undoes the last apply exactly (see `undoApply`). Null when there is nothing to undo. */
  undo(): Promise<UndoOutcome | null> {
    return this.enqueue(async () => {
      const record = this.lastUndo;
      if (!record) return null;
      this.store.set({ busy: true });
      try {
        const outcome = await undoApply(this.port, record);
        if (outcome.kind === "undone") {
          this.lastUndo = null;
          this.store.set({ canUndo: false });
          const roleOf = new Map(Object.entries(record.columns).map(([role, column]) => [column, role as FaqRole]));
          for (const entry of outcome.restored) for (const state of entry.before) this.ownCells.set(cellKey(state.row, state.column), state.value);
          const moved = outcome.restored.some((entry) => entry.row !== entry.case.row);
          if (moved) void this.enqueue(() => this.loadAll("background"));
          else {
            await this.learn(
              outcome.restored.map((entry) => ({
                row: entry.row,
                values: entry.before.flatMap((state) => {
                  const role = roleOf.get(state.column);
                  return role ? [{ role, column: state.column, value: state.value }] : [];
                }),
              })),
            );
          }
        } else if (outcome.kind === "caseChanged" || outcome.kind === "caseNotFound") {
          void this.enqueue(() => this.loadAll("background"));
        }
        return outcome;
      } finally {
        this.store.set({ busy: false });
      }
    });
  }

  /**
   * Records values the pane wrote: the model's rows, the engine's index and the counters. A few rows
   * are taught to the engine one by one; a large batch (the backlog's, the check's) rebuilds the engine
   * from the model in chunks instead — `updateRow` refreshes the whole index's norms each time, so
   * 10,000 rows one by one took over a minute where one rebuild takes about a second.
   */
  private async learn(rows: { row: number; values: { role: FaqRole; value: string }[] }[]): Promise<void> {
    const engine = this.engineRef;
    const changed: number[] = [];
    const one = rows.length <= LEARN_ROW_LIMIT;
    for (const { row, values } of rows) {
      const current = this.rowMap.get(row);
      if (!current) continue;
      const updated = rowWithValues(current, values);
      this.rowMap.set(row, updated);
      if (one) engine?.updateRow(updated);
      changed.push(row);
    }
    if (changed.length === 0) return;
    const table = this.store.get().table;
    if (!one && engine && table) {
      const rebuilt = { ...table, rows: [...this.rowMap.values()].sort((a, b) => a.rowNumber - b.rowNumber) };
      const fresh = await SuggestionEngine.buildAsync({ ...table, rows: this.pooledRows() });
      if (this.disposed || this.engineRef !== engine) return;
      for (const configure of this.configurators) configure(fresh);
      this.engineRef = fresh;
      this.store.set({ table: rebuilt, ...this.derived(rebuilt) });
      this.emit({ kind: "rows", rows: changed, inputChanged: [] });
      this.emit({ kind: "engine" });
      return;
    }
    this.store.set(this.derived());
    this.emit({ kind: "rows", rows: changed, inputChanged: [] });
  }

  // ---- settings -----------------------------------------------------------------------------

  /** Saves the column mapping for the current sheet (per sheet) and reads the table with it. */
  async saveMapping(mapping: ColumnMap): Promise<void> {
    const sheetName = this.store.get().snapshot?.sheetName;
    if (!sheetName) return;
    await saveColumnMapping(this.port, sheetName, mapping);
    await this.reload();
  }

  /** Forgets the current sheet's saved mapping (the setting is removed). */
  async clearMapping(): Promise<void> {
    const sheetName = this.store.get().snapshot?.sheetName;
    if (!sheetName) return;
    await saveColumnMapping(this.port, sheetName, undefined);
    await this.reload();
  }
}

/** Row spans of the given rectangles, merged where they touch or overlap. */
function mergeSpans(rects: Rect[]): { top: number; bottom: number }[] {
  const spans = rects
    .map((rect) => ({ top: Math.max(1, rect.top), bottom: Math.min(EXCEL_MAX_ROWS, rect.bottom) }))
    .sort((a, b) => a.top - b.top);
  const merged: { top: number; bottom: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, span.bottom);
    else merged.push({ ...span });
  }
  return merged;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
