// Over 400 lines: the controller wires every view, the selection and the shortcuts in one place, so the order of their events is read together.
/**
 * The pane's controller: owns the port, the session (table, engine, write rules), the selection
 * follower, the case view and the notice line, and exposes one immutable `PaneState` for React
 * (`useSyncExternalStore(controller.subscribe, controller.getSnapshot)`).
 *
 * New views are added the same way as the case view: a plain class over `controller.session`
 * (shared model, engine and writes) with its own `Store`, composed here and listed in `views`.
 */
import type { CaseTable, ColumnMap, FaqRole, Morphology, SuggestionEngine } from "../../engine";
import type { SelectionInfo, SheetSnapshot, WorkbookPort, WorkbookStatus, WriteProgress } from "../../workbook/port";
import type { Messages } from "../i18n";
import { BacklogView, type BacklogMode, type BacklogState } from "./backlog-view";
import { CaseView, type FocusedCase, type PendingConfirmation } from "./case-view";
import { CheckView, type CheckFilter, type CheckState } from "./check-view";
import { ExportView, type ExportState, type FileHost } from "./export-view";
import { Notices, type Notice } from "./notices";
import type { ChoiceRole, Draft, DraftAction, ListRole, Progress, SelectionTarget } from "./pane-model";
import { QualityView, type QualityState } from "./quality-view";
import { SearchView, type SearchState } from "./search-view";
import { SelectionFollower } from "./selection-follower";
import { SheetSession, type LoadState } from "./sheet-session";
import { Store } from "./store";
import { ViewBase } from "./view-base";
import type { CheckProblem } from "../../engine";

export type { FocusedCase, PendingConfirmation, LoadState, Notice, SearchState, BacklogState, CheckState, ExportState };

/** The pane's views: the selected case, search, the backlog queue, the check, publishing. */
export type PaneView = "case" | "search" | "backlog" | "check" | "export" | "quality";
export const PANE_VIEWS: readonly PaneView[] = ["case", "search", "backlog", "check", "export", "quality"];

export interface PaneState {
  load: LoadState;
  table: CaseTable | null;
  snapshot: SheetSnapshot | null;
  status: WorkbookStatus | null;
  progress: Progress | null;
  selection: SelectionInfo | null;
  target: SelectionTarget;
  focus: FocusedCase | null;
  draft: Draft | null;
  /** Text typed in a list card's add box, not added yet (an apply adds it). */
  pendingItems: Partial<Record<ListRole, string>>;
  notice: Notice | null;
  /** For screen readers only: where 次の未入力行へ landed, the dictionary's refinement. */
  announcement: string;
  pendingConfirmation: PendingConfirmation | null;
  canUndo: boolean;
  busy: boolean;
  refreshing: boolean;
  writeProgress: WriteProgress | null;
  categoryOptions: Record<ChoiceRole, string[]>;
  savedMapping: ColumnMap | null;
  view: PaneView;
  search: SearchState;
  backlog: BacklogState;
  check: CheckState;
  export: ExportState;
  /** The log's case sheets: the active one first (see `SheetSession.poolSheets`). */
  caseSheets: string[];
  quality: QualityState;
}

export interface PaneActions {
  reload(): void;
  editDraft(action: DraftAction): void;
  setPendingItem(role: ListRole, text: string): void;
  applyFields(roles: FaqRole[]): void;
  applyAll(): void;
  confirmOverwrite(): void;
  cancelOverwrite(): void;
  undo(): void;
  nextUnfilled(): void;
  selectRow(row: number): void;
  saveMapping(mapping: ColumnMap): void;
  clearMapping(): void;
  dismissNotice(): void;
  showView(view: PaneView): void;
  search: {
    setQuery(query: string): void;
    setCategory(category: string): void;
    move(delta: number): void;
    /** Selects the result's row in the sheet and shows the case view (the pointed-at result by default). */
    choose(index?: number): void;
    /** Escape: clears the query; a second Escape (nothing left to clear) goes back to the case view. */
    clear(): void;
  };
  backlog: {
    toggle(row: number): void;
    setThreshold(percent: number): void;
    tickAbove(percent?: number): void;
    tickNone(): void;
    setScope(scope: "sheet" | "all"): void;
    apply(mode: BacklogMode): void;
    rank(): void;
    confirmOverwrite(): void;
    cancelOverwrite(): void;
  };
  check: {
    setFilter(filter: CheckFilter): void;
    setScope(scope: "sheet" | "all"): void;
    fix(problem: CheckProblem): void;
    fixAll(): void;
    run(): void;
    confirmOverwrite(): void;
    cancelOverwrite(): void;
  };
  export: {
    build(): void;
    setPrivateData(privateData: "mask" | "omit"): void;
    setScope(scope: "sheet" | "all"): void;
    download(): void;
    copy(): void;
    writeSheet(): void;
    confirmReplace(): void;
    cancelReplace(): void;
  };
  quality: {
    run(): void;
    askClear(): void;
    confirmClear(): void;
    cancelClear(): void;
  };
}


/** A host that cannot hand files out (tests, and until a real one is given). */
const NO_FILES: FileHost = { canDownload: false, download: () => false, copy: async () => false };

export interface PaneOptions {
  /** Changes arriving within this many milliseconds are handled together (default 100). */
  changeDelayMs?: number;
  /** Also re-read the selection this often (0: only on events and focus). Excel: a few seconds. */
  selectionPollMs?: number;
  /**
   * Build the search index this long after loading unless the first suggestions or a query start it
   * sooner (0: at once, as tests want). The pane: a few seconds, so a first click never waits for it.
   */
  searchWarmUpMs?: number;
  /**
   * Loads real morphology (kuromoji). Started once the first suggestions are on screen, so the
   * dictionary never delays them; until it resolves the engine keeps tiny-segmenter.
   */
  loadMorphology?: () => Promise<Morphology>;
  /** How the pane hands a file out (download, clipboard); the browser's in the pane. */
  files?: FileHost;
  /**
   * The other case sheets are read this long after loading unless the first suggestions start it
   * sooner (0: at once, as tests want). The pane: a few seconds, so the first suggestion never waits.
   */
  poolDelayMs?: number;
  /** Filled rows per step of the Quality view's leave-one-out (default `QUALITY_STEP_ROWS`). */
  qualityStepRows?: number;
}

export class PaneController {
  readonly session: SheetSession;
  readonly selection: SelectionFollower;
  readonly notices = new Notices();
  readonly caseView: CaseView;
  readonly searchView: SearchView;
  readonly backlogView: BacklogView;
  readonly checkView: CheckView;
  readonly exportView: ExportView;
  readonly qualityView: QualityView;
  readonly nav = new Store<{ view: PaneView; before: PaneView }>({ view: "case", before: "case" });
  /** The views in the order they start, settle and stop. */
  private readonly views: readonly ViewBase<object>[];
  private morphology: Morphology | undefined;
  private snapshot: PaneState;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private started = false;
  /** The first suggestions have been on screen (what starts the search index and the dictionary). */
  private suggestedOnce = false;
  private readonly loadMorphology?: () => Promise<Morphology>;
  private morphologyLoad: Promise<Morphology | undefined> | undefined;

  constructor(
    readonly port: WorkbookPort,
    private readonly t: Messages,
    options: PaneOptions = {},
  ) {
    this.loadMorphology = options.loadMorphology;
    this.session = new SheetSession(port, { changeDelayMs: options.changeDelayMs, poolDelayMs: options.poolDelayMs });
    this.selection = new SelectionFollower(port, options.selectionPollMs ?? 0);
    this.caseView = new CaseView(this.session, this.selection, this.notices, t);
    this.searchView = new SearchView(this.session, (row) => this.caseView.selectRow(row), options.searchWarmUpMs ?? 0);
    this.backlogView = new BacklogView(this.session, this.notices, t);
    this.checkView = new CheckView(this.session, this.notices, t, () => this.morphology);
    this.exportView = new ExportView(this.session, this.notices, t, options.files ?? NO_FILES, () => this.dictionary());
    this.qualityView = new QualityView(this.session, this.notices, t, () => this.morphology, options.qualityStepRows);
    this.views = [this.caseView, this.searchView, this.backlogView, this.checkView, this.exportView, this.qualityView];
    this.snapshot = this.compose();
    const stores = [this.session.store, this.selection.store, this.notices.store, ...this.views.map((view) => view.store), this.nav];
    for (const store of stores) {
      this.offs.push(store.subscribe(() => this.changed()));
    }
  }

  /** Reads the sheet, builds the engine, starts following the selection and the sheet's changes. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const view of this.views) view.start();
    await Promise.all([this.session.start(), this.selection.start()]);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    for (const view of this.views) view.dispose();
    this.session.dispose();
    this.selection.dispose();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): PaneState => this.snapshot;

  /** The pane regained focus or became visible: selection events may have been missed meanwhile. */
  refreshSelection(): Promise<void> {
    return this.selection.refresh();
  }

  /** Applies an engine setting now and to every engine built later, then refreshes the suggestions. */
  configureEngine(configure: (engine: SuggestionEngine) => void): void {
    this.session.configureEngine(configure);
  }

  /** Resolves once the sheet's changes, the selection and the focused case's reads have settled. */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const before = this.snapshot;
      await this.session.whenIdle();
      await this.selection.whenIdle();
      for (const view of this.views) await view.whenIdle();
      await this.session.whenIdle();
      if (before === this.snapshot) return;
    }
  }

  readonly actions: PaneActions = {
    reload: () => {
      this.notices.dismiss();
      void this.session.reload();
    },
    editDraft: (action) => this.caseView.editDraft(action),
    setPendingItem: (role, text) => this.caseView.setPendingItem(role, text),
    applyFields: (roles) => void this.caseView.applyFields(roles),
    applyAll: () => void this.caseView.applyAll(),
    confirmOverwrite: () => void this.caseView.confirmOverwrite(),
    cancelOverwrite: () => this.caseView.cancelOverwrite(),
    undo: () => void this.caseView.undo(),
    nextUnfilled: () => void this.caseView.nextUnfilled(),
    selectRow: (row) => void this.caseView.selectRow(row),
    saveMapping: (mapping) => {
      void this.session
        .saveMapping(mapping)
        .then(() => this.notices.show("success", this.t.mappingSaved))
        .catch((error: unknown) => this.notices.show("error", this.t.writeFailed(error instanceof Error ? error.message : String(error))));
    },
    clearMapping: () => {
      void this.session.clearMapping().catch((error: unknown) => this.notices.show("error", this.t.writeFailed(error instanceof Error ? error.message : String(error))));
    },
    dismissNotice: () => this.notices.dismiss(),
    showView: (view) => this.showView(view),
    search: {
      setQuery: (query) => {
        this.searchView.setQuery(query);
        if (query.trim() !== "") this.showView("search");
      },
      setCategory: (category) => this.searchView.setCategory(category),
      move: (delta) => {
        this.showView("search");
        this.searchView.move(delta);
      },
      choose: (index) => {
        void this.searchView.choose(index).then((row) => {
          if (row !== undefined) this.showView("case");
        });
      },
      clear: () => {
        if (this.searchView.store.get().query === "" && this.nav.get().view === "search") this.showView(this.nav.get().before);
        this.searchView.clear();
      },
    },
    backlog: {
      toggle: (row) => this.backlogView.toggle(row),
      setThreshold: (percent) => this.backlogView.setThreshold(percent),
      tickAbove: (percent) => this.backlogView.tickAbove(percent),
      tickNone: () => this.backlogView.tickNone(),
      setScope: (scope) => this.backlogView.setScope(scope),
      apply: (mode) => void this.backlogView.apply(mode),
      rank: () => void this.backlogView.rank(),
      confirmOverwrite: () => void this.backlogView.confirmOverwrite(),
      cancelOverwrite: () => this.backlogView.cancelOverwrite(),
    },
    check: {
      setFilter: (filter) => this.checkView.setFilter(filter),
      setScope: (scope) => this.checkView.setScope(scope),
      fix: (problem) => void this.checkView.fix(problem),
      fixAll: () => void this.checkView.fixAll(),
      run: () => void this.checkView.run(),
      confirmOverwrite: () => void this.checkView.confirmOverwrite(),
      cancelOverwrite: () => this.checkView.cancelOverwrite(),
    },
    export: {
      build: () => void this.exportView.build(),
      setPrivateData: (privateData) => this.exportView.setPrivateData(privateData),
      setScope: (scope) => this.exportView.setScope(scope),
      download: () => this.exportView.download(),
      copy: () => void this.exportView.copy(),
      writeSheet: () => void this.exportView.writeSheet(),
      confirmReplace: () => void this.exportView.confirmReplace(),
      cancelReplace: () => this.exportView.cancelReplace(),
    },
    quality: {
      run: () => void this.qualityView.run(),
      askClear: () => this.qualityView.askClear(),
      confirmClear: () => void this.qualityView.confirmClear(),
      cancelClear: () => this.qualityView.cancelClear(),
    },
  };

  /** Switches the view; a list view prepares its content the first time it is shown. */
  showView(view: PaneView): void {
    const current = this.nav.get().view;
    if (view !== current) this.nav.set({ view, before: current === "search" ? this.nav.get().before : current });
    this.checkView.setVisible(view === "check");
    if (view === "backlog") this.backlogView.open();
    if (view === "export") this.exportView.open();
    if (view === "quality") this.qualityView.open();
  }

  private changed(): void {
    this.snapshot = this.compose();
    // Once, not on every later change: both only start background work that then looks after itself.
    if (!this.suggestedOnce && this.snapshot.focus?.suggestions) {
      this.suggestedOnce = true;
      this.searchView.warmUp();
      this.session.poolNow();
      this.startMorphology();
    }
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Once, after the first suggestions (or when publishing needs it first): load the dictionary, then
   * suggest with it (an edited draft is kept) and build a page made without it again.
   */
  private startMorphology(): Promise<Morphology | undefined> {
    if (this.morphologyLoad) return this.morphologyLoad;
    if (!this.loadMorphology) return (this.morphologyLoad = Promise.resolve(undefined));
    this.morphologyLoad = this.loadMorphology().then(
      (morphology) => {
        this.morphology = morphology;
        const { focus, draftEdited } = this.caseView.store.get();
        this.configureEngine((engine) => engine.setMorphology(morphology));
        // The suggestions on screen may reorder (an edited draft is kept as it is): say why.
        if (focus?.suggestions && !draftEdited) {
          this.notices.announce(this.t.suggestionsRefined);
          if (!this.notices.current()) this.notices.show("info", this.t.suggestionsRefined);
        }
        this.exportView.dictionaryArrived();
        return morphology;
      },
      // Without the dictionary the pane keeps tiny-segmenter: same features, plainer keywords.
      () => undefined,
    );
    return this.morphologyLoad;
  }

  /** kuromoji once loaded (publishing waits for it), undefined when it cannot load. */
  private dictionary(): Promise<Morphology | undefined> {
    return this.morphology ? Promise.resolve(this.morphology) : this.startMorphology();
  }

  private compose(): PaneState {
    const session = this.session.store.get();
    const view = this.caseView.store.get();
    return {
      load: session.load,
      table: session.table,
      snapshot: session.snapshot,
      status: session.status,
      progress: session.progress,
      selection: this.selection.store.get().selection,
      target: view.target,
      focus: view.focus,
      draft: view.draft,
      pendingItems: view.pendingItems,
      notice: this.notices.store.get().notice,
      announcement: this.notices.store.get().announcement,
      pendingConfirmation: view.pendingConfirmation,
      canUndo: session.canUndo && !session.busy,
      busy: session.busy,
      refreshing: session.refreshing,
      writeProgress: session.writeProgress,
      categoryOptions: session.categoryOptions,
      savedMapping: session.mapping,
      view: this.nav.get().view,
      search: this.searchView.store.get(),
      backlog: this.backlogView.store.get(),
      check: this.checkView.store.get(),
      export: this.exportView.store.get(),
      caseSheets: session.poolSheets,
      quality: this.qualityView.store.get(),
    };
  }
}
