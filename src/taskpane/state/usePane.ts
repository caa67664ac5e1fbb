/**
 * The pane's controller: reads the sheet through the port, builds the engine, follows the selection,
 * keeps the editor's draft and runs the safe write-back. Components get plain state and callbacks.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { EngineError, SuggestionEngine, readCaseTable } from "../../engine";
import type { BuildProgress, CaseRow, CaseTable, ColumnMap, FaqRole, Morphology, RowSuggestions, TableProblem } from "../../engine";
import { loadBrowserMorphology } from "../morphology-loader";
import { applyFaqValues, undoApply } from "../../workbook/faq-writer";
import type { ApplyOutcome, ApplyRequest, FieldWrite, Overwrite, UndoRecord } from "../../workbook/faq-writer";
import type { ReadProgress, SelectionInfo, SheetSnapshot, WorkbookPort, WorkbookStatus } from "../../workbook/port";
import { WorkbookError } from "../../workbook/port";
import { loadColumnMapping, saveColumnMapping } from "../../workbook/column-mapping";
import { findNextIncompleteRow } from "../../workbook/next-incomplete-row";
import type { Messages } from "../i18n";
import {
  countFilled,
  draftFromSuggestions,
  draftReducer,
  faqColumnsOf,
  resolveSelection,
  rowWithValues,
  writesFor,
} from "./pane-model";
import type { Draft, DraftAction, Progress, SelectionTarget } from "./pane-model";

/** Edits in the sheet are picked up after this quiet period. */
export const SHEET_CHANGE_DEBOUNCE_MS = 800;
/** Above this many changed rows a full rebuild is cheaper than teaching the engine row by row. */
const INCREMENTAL_UPDATE_LIMIT = 200;

export type LoadState =
  | { phase: "reading"; progress: ReadProgress | null }
  | { phase: "building"; progress: BuildProgress | null }
  | { phase: "ready" }
  | { phase: "noTable"; problem: TableProblem }
  | { phase: "failed"; message: string };

export type NoticeIntent = "success" | "info" | "warning" | "error";
export interface Notice {
  intent: NoticeIntent;
  text: string;
}

export interface FocusedCase {
  row: CaseRow;
  multiRow: boolean;
  suggestions: RowSuggestions | null;
  /** FAQ cell texts by column, read when the suggestions were shown; the writer compares against them. */
  shownValues: Record<number, string> | null;
}

export interface PendingConfirmation {
  overwrites: Overwrite[];
  request: ApplyRequest;
}

interface Loaded {
  snapshot: SheetSnapshot;
  table: CaseTable;
  engine: SuggestionEngine;
  /** The pane's own view of the case rows, kept in step with what it writes. */
  rows: Map<number, CaseRow>;
}

export interface PaneState {
  load: LoadState;
  table: CaseTable | null;
  snapshot: SheetSnapshot | null;
  status: WorkbookStatus | null;
  progress: Progress | null;
  target: SelectionTarget;
  focus: FocusedCase | null;
  draft: Draft | null;
  notice: Notice | null;
  pendingConfirmation: PendingConfirmation | null;
  canUndo: boolean;
  busy: boolean;
  categoryOptions: Record<"category" | "classification", string[]>;
  savedMapping: ColumnMap | null;
}

export interface PaneActions {
  reload(): void;
  editDraft(action: DraftAction): void;
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
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameRow(a: CaseRow | undefined, b: CaseRow): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]) as Set<keyof CaseRow["cells"]>;
  for (const key of keys) if ((a.cells[key] ?? "") !== (b.cells[key] ?? "")) return false;
  return true;
}

export function usePane(port: WorkbookPort, t: Messages): { state: PaneState; actions: PaneActions } {
  const [load, setLoad] = useState<LoadState>({ phase: "reading", progress: null });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [snapshot, setSnapshot] = useState<SheetSnapshot | null>(null);
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [rowsVersion, setRowsVersion] = useState(0);
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const [focus, setFocus] = useState<FocusedCase | null>(null);
  const [draft, dispatchDraft] = useReducer(draftReducer, null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pendingConfirmation, setPendingConfirmation] = useState<PendingConfirmation | null>(null);
  const [lastUndo, setLastUndo] = useState<UndoRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedMapping, setSavedMapping] = useState<ColumnMap | null>(null);

  const loadedRef = useRef<Loaded | null>(null);
  loadedRef.current = loaded;
  const focusRef = useRef<FocusedCase | null>(null);
  focusRef.current = focus;
  const loadGeneration = useRef(0);
  const focusGeneration = useRef(0);
  const writing = useRef(false);
  const unmounted = useRef(false);
  /** kuromoji once its dictionary has loaded (tiny-segmenter until then); every engine built later gets it too. */
  const morphology = useRef<Morphology | null>(null);
  const morphologyStarted = useRef(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  /** Reads the sheet and builds the engine; after an edit in the sheet, only the changed rows are re-learnt. */
  const loadSheet = useCallback(
    async (reason: "open" | "reload" | "sheetChanged") => {
      const generation = ++loadGeneration.current;
      const stale = () => generation !== loadGeneration.current || unmounted.current;
      const previous = loadedRef.current;
      if (reason !== "sheetChanged" || !previous) setLoad({ phase: "reading", progress: null });
      try {
        const snap = await port.readActiveSheet((progress) => {
          if (!stale() && (reason !== "sheetChanged" || !previous)) setLoad({ phase: "reading", progress });
        });
        if (stale()) return;
        const mapping = (await loadColumnMapping(port)) ?? null;
        const sheetStatus = await port.getStatus(snap.sheetName).catch(() => null);
        if (stale()) return;
        setSavedMapping(mapping);
        setSnapshot(snap);
        setStatus(sheetStatus);
        const result = readCaseTable(snap, mapping ?? undefined);
        if (!result.ok) {
          setLoaded(null);
          setFocus(null);
          dispatchDraft({ type: "reset", draft: null });
          setLoad({ phase: "noTable", problem: result.problem });
          return;
        }
        const table = result.table;
        const rows = new Map(table.rows.map((row) => [row.rowNumber, row]));

        // A few rows edited in the same table: teach the engine those rows instead of rebuilding.
        if (reason === "sheetChanged" && previous && sameShape(previous.table, table)) {
          const changed = table.rows.filter((row) => !sameRow(previous.rows.get(row.rowNumber), row));
          const removed = [...previous.rows.keys()].some((row) => !rows.has(row));
          if (!removed && changed.length <= INCREMENTAL_UPDATE_LIMIT) {
            for (const row of changed) previous.engine.updateRow(row);
            setLoaded({ ...previous, snapshot: snap, table, rows });
            setRowsVersion((v) => v + 1);
            return;
          }
        }

        setLoad({ phase: "building", progress: null });
        const engine = await SuggestionEngine.buildAsync(table, {
          onProgress: (progress) => {
            if (!stale()) setLoad({ phase: "building", progress });
          },
        });
        if (stale()) return;
        if (morphology.current) engine.setMorphology(morphology.current);
        setLoaded({ snapshot: snap, table, engine, rows });
        setRowsVersion((v) => v + 1);
        setFocus(null);
        setLoad({ phase: "ready" });
        const current = await port.getSelection().catch(() => null);
        if (!stale()) setSelection(current ? { ...current } : null);
      } catch (error) {
        if (!stale()) setLoad({ phase: "failed", message: t.readFailed(errorText(error)) });
      }
    },
    [port, t],
  );

  // Open: read, build, subscribe to selection and sheet changes.
  useEffect(() => {
    unmounted.current = false;
    void loadSheet("open");
    const unsubscribers: Promise<(() => Promise<void> | void) | null>[] = [];
    let debounce: ReturnType<typeof setTimeout> | undefined;
    unsubscribers.push(
      port.onSelectionChanged((next) => {
        if (!unmounted.current) setSelection({ ...next });
      }).catch(() => null),
    );
    unsubscribers.push(
      port.onSheetChanged(() => {
        // The pane's own writes are already reflected in its rows and engine.
        if (writing.current) return;
        clearTimeout(debounce);
        debounce = setTimeout(() => void loadSheet("sheetChanged"), SHEET_CHANGE_DEBOUNCE_MS);
      }).catch(() => null),
    );
    return () => {
      unmounted.current = true;
      clearTimeout(debounce);
      for (const pending of unsubscribers) void pending.then((off) => off?.());
    };
  }, [port, loadSheet]);

  const target: SelectionTarget = useMemo(() => {
    if (!loaded) return { kind: "none" };
    return resolveSelection(selection, loaded.table, loaded.rows, loaded.snapshot);
  }, [selection, loaded]);

  /** Shows suggestions for a case row and reads its FAQ cells as the baseline for the write check. */
  const showCase = useCallback(
    async (rowNumber: number, multiRow: boolean, resetDraft: boolean) => {
      const current = loadedRef.current;
      if (!current) return;
      const row = current.rows.get(rowNumber);
      if (!row) return;
      const generation = ++focusGeneration.current;
      let suggestions: RowSuggestions | null = null;
      try {
        suggestions = current.engine.suggest(rowNumber);
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
      }
      setFocus({ row, multiRow, suggestions, shownValues: null });
      if (resetDraft) dispatchDraft({ type: "reset", draft: suggestions ? draftFromSuggestions(suggestions) : null });
      const columns = faqColumnsOf(current.table.columns);
      try {
        const states = await port.readCells(
          current.table.sheetName,
          columns.map(({ column }) => ({ row: rowNumber, column })),
        );
        if (generation !== focusGeneration.current || unmounted.current) return;
        const shownValues: Record<number, string> = {};
        for (const state of states) shownValues[state.column] = state.value;
        setFocus({ row, multiRow, suggestions, shownValues });
      } catch (error) {
        if (generation === focusGeneration.current) setNotice({ intent: "error", text: t.readFailed(errorText(error)) });
      }
    },
    [port, t],
  );

  // Follow the selection. Moving within the focused row keeps the editor's draft.
  useEffect(() => {
    if (target.kind !== "case") {
      if (focusRef.current) {
        focusGeneration.current++;
        setFocus(null);
        dispatchDraft({ type: "reset", draft: null });
      }
      return;
    }
    const focused = focusRef.current;
    if (focused && focused.row.rowNumber === target.rowNumber && focused.suggestions) {
      if (focused.multiRow !== target.multiRow) setFocus({ ...focused, multiRow: target.multiRow });
      return;
    }
    setPendingConfirmation(null);
    // "Wrote N items into row R" belongs to the row the editor has left.
    setNotice((current) => (current?.intent === "success" ? null : current));
    void showCase(target.rowNumber, target.multiRow, true);
  }, [target, showCase]);

  // Real morphology, loaded only after the first suggestions are on screen; then the focused row is
  // suggested again with it (its draft too, unless the editor has already changed it).
  useEffect(() => {
    if (!focus?.suggestions || morphologyStarted.current) return;
    morphologyStarted.current = true;
    loadBrowserMorphology()
      .then((loadedMorphology) => {
        if (unmounted.current) return;
        morphology.current = loadedMorphology;
        loadedRef.current?.engine.setMorphology(loadedMorphology);
        const focused = focusRef.current;
        if (!focused?.suggestions) return;
        const untouched = JSON.stringify(draftRef.current) === JSON.stringify(draftFromSuggestions(focused.suggestions));
        void showCase(focused.row.rowNumber, focused.multiRow, untouched);
      })
      .catch(() => {
        // Without the dictionary the pane keeps tiny-segmenter: same features, plainer keywords.
      });
  }, [focus, showCase]);

  const progress = useMemo(() => {
    void rowsVersion;
    return loaded ? countFilled(loaded.rows.values(), loaded.table.columns) : null;
  }, [loaded, rowsVersion]);

  const categoryOptions = useMemo(() => {
    void rowsVersion;
    return {
      category: loaded?.table.columns.category ? loaded.engine.categoryOptions("category") : [],
      classification: loaded?.table.columns.classification ? loaded.engine.categoryOptions("classification") : [],
    };
  }, [loaded, rowsVersion]);

  /** Records what was written: the pane's rows, the engine's index and the focused row's baseline. */
  const learnRow = useCallback((rowNumber: number, values: { role: FaqRole; value: string }[]) => {
    const current = loadedRef.current;
    if (!current) return;
    const row = current.rows.get(rowNumber);
    if (!row) return;
    const updated = rowWithValues(row, values);
    current.rows.set(rowNumber, updated);
    current.engine.updateRow(updated);
    setRowsVersion((v) => v + 1);
    const focused = focusRef.current;
    if (focused && focused.row.rowNumber === rowNumber) {
      const shownValues = { ...(focused.shownValues ?? {}) };
      const columns = current.table.columns;
      for (const { role, value } of values) {
        const column = columns[role];
        if (column) shownValues[column] = value;
      }
      setFocus({ ...focused, row: updated, shownValues });
    }
  }, []);

  const handleOutcome = useCallback(
    async (outcome: ApplyOutcome, request: ApplyRequest) => {
      const roleName = (role: FaqRole) => t.roleNames[role];
      switch (outcome.kind) {
        case "applied":
          setLastUndo(outcome.undo);
          learnRow(request.row, request.writes);
          setNotice({ intent: "success", text: t.applied(request.writes.length, request.row) });
          return;
        case "nothingToWrite":
          setNotice({ intent: "info", text: t.nothingToWrite });
          return;
        case "needsConfirmation":
          setPendingConfirmation({ overwrites: outcome.overwrites, request });
          return;
        case "changedSinceShown": {
          setNotice({ intent: "warning", text: t.changedSinceShown(outcome.changed.map((c) => roleName(c.role))) });
          // Take the cells as they are now as the new baseline; the editor decides again.
          learnRow(
            request.row,
            outcome.changed.map((c) => ({ role: c.role, value: c.now })),
          );
          return;
        }
        case "tooLong":
          setNotice({ intent: "error", text: t.tooLong(roleName(outcome.role), outcome.length, outcome.limit) });
          return;
        case "failed":
          setNotice({ intent: "error", text: failureText(t, outcome.code, outcome.message) });
          return;
      }
    },
    [learnRow, t],
  );

  const runApply = useCallback(
    async (request: ApplyRequest) => {
      setBusy(true);
      writing.current = true;
      try {
        const outcome = await applyFaqValues(port, request);
        await handleOutcome(outcome, request);
      } catch (error) {
        setNotice({ intent: "error", text: failureText(t, errorCode(error), errorText(error)) });
      } finally {
        releaseWriting(writing);
        setBusy(false);
      }
    },
    [port, handleOutcome, t],
  );

  const apply = useCallback(
    (roles: readonly FaqRole[], onlyEmpty: boolean) => {
      const current = loadedRef.current;
      const focused = focusRef.current;
      if (!current || !focused || !focused.suggestions || !focused.shownValues || !draft || busy) return;
      const writes: FieldWrite[] = writesFor(
        roles,
        draft,
        focused.suggestions,
        current.table.columns,
        focused.shownValues,
        onlyEmpty,
      );
      if (writes.length === 0) {
        setNotice({ intent: "info", text: t.nothingToWrite });
        return;
      }
      void runApply({
        sheetName: current.table.sheetName,
        row: focused.row.rowNumber,
        writes,
        shownValues: focused.shownValues,
        overwriteConfirmed: false,
      });
    },
    [draft, busy, runApply, t],
  );

  const actions: PaneActions = {
    reload: () => {
      setNotice(null);
      void loadSheet("reload");
    },
    editDraft: dispatchDraft,
    applyFields: (roles) => apply(roles, false),
    applyAll: () => {
      const current = loadedRef.current;
      if (current) apply(faqColumnsOf(current.table.columns).map((c) => c.role), true);
    },
    confirmOverwrite: () => {
      const pending = pendingConfirmation;
      setPendingConfirmation(null);
      if (pending) void runApply({ ...pending.request, overwriteConfirmed: true });
    },
    cancelOverwrite: () => setPendingConfirmation(null),
    undo: () => {
      const record = lastUndo;
      if (!record || busy) return;
      setBusy(true);
      writing.current = true;
      void undoApply(port, record)
        .then((outcome) => {
          if (outcome.kind === "undone") {
            setLastUndo(null);
            const columns = loadedRef.current?.table.columns ?? {};
            const roleOf = new Map(Object.entries(columns).map(([role, column]) => [column, role as FaqRole]));
            learnRow(
              record.row,
              record.before.flatMap((cell) => {
                const role = roleOf.get(cell.column);
                return role ? [{ role, value: cell.value }] : [];
              }),
            );
            setNotice({ intent: "success", text: t.undone });
          } else if (outcome.kind === "changedSinceApply") {
            setNotice({ intent: "warning", text: t.undoChanged });
          } else {
            setNotice({ intent: "error", text: t.undoFailed(failureText(t, outcome.code, outcome.message)) });
          }
        })
        .catch((error: unknown) => setNotice({ intent: "error", text: t.undoFailed(errorText(error)) }))
        .finally(() => {
          releaseWriting(writing);
          setBusy(false);
        });
    },
    nextUnfilled: () => {
      const current = loadedRef.current;
      if (!current) return;
      const rows = [...current.rows.values()].sort((a, b) => a.rowNumber - b.rowNumber);
      const after = focusRef.current?.row.rowNumber ?? selection?.row ?? 0;
      // Same rule as the ribbon command: hidden or filtered-out rows are not where the editor wants to land.
      const next = findNextIncompleteRow({ ...current.table, rows }, after, new Set(current.snapshot.hiddenRows))?.rowNumber;
      if (next === undefined) {
        setNotice({ intent: "info", text: t.noEmptyRows });
        return;
      }
      selectRowCell(port, current.table, next);
    },
    selectRow: (row) => {
      const current = loadedRef.current;
      if (current) selectRowCell(port, current.table, row);
    },
    saveMapping: (mapping) => {
      void saveColumnMapping(port, mapping)
        .then(() => {
          setNotice({ intent: "success", text: t.mappingSaved });
          return loadSheet("reload");
        })
        .catch((error: unknown) => setNotice({ intent: "error", text: failureText(t, errorCode(error), errorText(error)) }));
    },
    clearMapping: () => {
      void saveColumnMapping(port, undefined)
        .then(() => loadSheet("reload"))
        .catch((error: unknown) => setNotice({ intent: "error", text: errorText(error) }));
    },
    dismissNotice: () => setNotice(null),
  };

  return {
    state: {
      load,
      table: loaded?.table ?? null,
      snapshot,
      status,
      progress,
      target,
      focus,
      draft,
      notice,
      pendingConfirmation,
      canUndo: lastUndo !== null && !busy,
      busy,
      categoryOptions,
      savedMapping,
    },
    actions,
  };
}

function sameShape(a: CaseTable, b: CaseTable): boolean {
  return a.sheetName === b.sheetName && a.headerRow === b.headerRow && JSON.stringify(a.columns) === JSON.stringify(b.columns);
}

function selectRowCell(port: WorkbookPort, table: CaseTable, row: number): void {
  // The subject column is the most telling cell to land on; the content column always exists.
  const column = table.columns.caseNumber ?? table.columns.subject ?? table.columns.content ?? 1;
  void port.selectCell(table.sheetName, { row, column });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof WorkbookError ? error.code : undefined;
}

function failureText(t: Messages, code: string | undefined, message: string): string {
  if (code === "protected") return t.protectedSheet;
  if (code === "readOnly") return t.readOnlyWorkbook;
  return t.writeFailed(message);
}

/** Change events for the pane's own write arrive after it; ignore them for a moment longer. */
function releaseWriting(flag: { current: boolean }): void {
  setTimeout(() => {
    flag.current = false;
  }, SHEET_CHANGE_DEBOUNCE_MS);
}
