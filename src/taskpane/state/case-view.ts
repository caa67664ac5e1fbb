/**
 * The case view: the case the selection points at, its suggestions, the editor's draft, and applying
 * that draft to the row. It sits on the shared session (model, engine, write rules) and the selection
 * follower; other views (search, backlog, check) sit beside it the same way.
 *
 * The focused case is held by identity (受理番号 + hash of its input cells), not by row number: when
 * rows move under it the draft stays with the case; when the case in the selected row is rewritten
 * (by a co-author or by the editor), the view shows the new case and drops the old draft.
 */
import { EngineError, type CaseRow, type FaqRole, type RowSuggestions } from "../../engine";
import { caseRefOf, sameCase, type CaseRef } from "../../workbook/case-identity";
import type { ApplyOutcome, CaseWrite, Overwrite } from "../../workbook/faq-writer";
import { findNextIncompleteRow } from "../../workbook/next-incomplete-row";
import { WorkbookError } from "../../workbook/port";
import type { Messages } from "../i18n";
import { LIST_ROLES, draftFromSuggestions, draftReducer, faqColumnsOf, resolveSelection, writesFor, type Draft, type DraftAction, type ListRole, type SelectionTarget } from "./pane-model";
import type { Notices } from "./notices";
import type { SelectionFollower } from "./selection-follower";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

export interface FocusedCase {
  row: CaseRow;
  /** The case the suggestions were made for; every write is checked against it. */
  caseRef: CaseRef;
  multiRow: boolean;
  suggestions: RowSuggestions | null;
  /** FAQ cell texts by column, read when the case was shown; the writer compares against them. */
  shownValues: Record<number, string> | null;
}

export interface PendingConfirmation {
  overwrites: Overwrite[];
  items: CaseWrite[];
}

export interface CaseViewState {
  target: SelectionTarget;
  focus: FocusedCase | null;
  draft: Draft | null;
  /** The editor changed the draft (a refreshed suggestion must not replace their work). */
  draftEdited: boolean;
  pendingConfirmation: PendingConfirmation | null;
  /** Text typed in a list card's add box and not added yet: an apply adds it rather than drop it. */
  pendingItems: Partial<Record<ListRole, string>>;
}

const NO_PENDING: Partial<Record<ListRole, string>> = {};

export class CaseView extends ViewBase<CaseViewState> {
  /** 次の未入力行へ was asked for: the case it lands on is announced. */
  private announceNext = false;
  private shownGeneration = 0;
  /** Drafts the editor changed, kept by case when they move on, and given back when they return. */
  private readonly drafts = new Map<string, Draft>();
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: SheetSession,
    private readonly selection: SelectionFollower,
    private readonly notices: Notices,
    private readonly t: Messages,
  ) {
    super({ target: { kind: "none" }, focus: null, draft: null, draftEdited: false, pendingConfirmation: null, pendingItems: NO_PENDING });
  }

  start(): void {
    this.listen(this.selection.store.subscribe(() => this.sync(false)));
    this.listen(
      this.session.onEvent((event) => {
        if (event.kind === "loaded") this.sync(true);
        else if (event.kind === "engine") this.refreshSuggestions();
        else this.sync(false, event.rows);
      }),
    );
    this.sync(true);
  }

  /** Resolves when the focused case's cells have been read. */
  whenIdle(): Promise<void> {
    return this.reading;
  }

  /** Follows the selection and the model: which case is shown, and whether it is still the same case. */
  private sync(rebuilt: boolean, changedRows: number[] = []): void {
    // Rows are moving under the model (insert, delete, sort): a selection read now would be matched
    // against stale row numbers. The table read that follows brings a "loaded" sync.
    if (!rebuilt && this.session.modelStale) return;
    const { table, snapshot } = this.session.store.get();
    const selection = this.selection.store.get().selection;
    const target: SelectionTarget = table && snapshot ? resolveSelection(selection, table, this.session.rows, snapshot) : { kind: "none" };
    const state = this.store.get();
    if (target.kind !== "case" || !table) {
      this.keepDraft();
      this.shownGeneration++;
      this.store.set({ target, focus: null, draft: null, draftEdited: false, pendingConfirmation: null, pendingItems: NO_PENDING });
      return;
    }
    const row = this.session.rows.get(target.rowNumber) as CaseRow;
    const ref = this.session.caseRef(row.rowNumber) ?? caseRefOf(table.sheetName, row);
    const focus = state.focus;
    if (focus && sameCase(focus.caseRef, ref)) {
      const moved = focus.row.rowNumber !== row.rowNumber;
      const cellsChanged = changedRows.includes(row.rowNumber) || focus.row !== row;
      this.store.set({ target, focus: { ...focus, row, caseRef: ref, multiRow: target.multiRow } });
      if (moved || rebuilt) this.refreshSuggestions();
      if (moved || rebuilt || cellsChanged) this.readShown(row.rowNumber, ref);
      return;
    }
    // The same row now holds another case (rewritten, or rows moved under the selection).
    const replaced = focus !== null && focus.row.rowNumber === row.rowNumber;
    if (!replaced) this.notices.clearSuccess();
    else if (!this.notices.current() || this.notices.current()?.intent === "info") this.notices.show("info", this.t.caseReplaced(row.rowNumber));
    this.keepDraft();
    this.store.set({ target, pendingConfirmation: null, pendingItems: NO_PENDING });
    this.showCase(row, ref, target.multiRow);
    if (this.announceNext) {
      this.announceNext = false;
      this.notices.announce(this.t.movedToCase(row.rowNumber, row.cells.subject ?? ""));
    }
  }

  private keepDraft(): void {
    const { focus, draft, draftEdited } = this.store.get();
    if (!focus || !draft || !draftEdited) return;
    this.drafts.set(draftKey(focus.caseRef), draft);
    // A handful is plenty: the cases the editor just left.
    if (this.drafts.size > 10) this.drafts.delete(this.drafts.keys().next().value as string);
  }

  private suggest(rowNumber: number): RowSuggestions | null {
    const engine = this.session.engine;
    if (!engine) return null;
    try {
      return engine.suggest(rowNumber);
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
  }

  private showCase(row: CaseRow, caseRef: CaseRef, multiRow: boolean): void {
    const suggestions = this.suggest(row.rowNumber);
    const kept = this.drafts.get(draftKey(caseRef));
    this.drafts.delete(draftKey(caseRef));
    this.store.set({
      focus: { row, caseRef, multiRow, suggestions, shownValues: null },
      draft: kept ?? (suggestions ? draftFromSuggestions(suggestions) : null),
      draftEdited: kept !== undefined,
    });
    this.readShown(row.rowNumber, caseRef);
  }

  /** New suggestions for the focused case (engine reconfigured or rebuilt); the editor's edits stay. */
  refreshSuggestions(): void {
    const { focus, draftEdited } = this.store.get();
    if (!focus) return;
    const suggestions = this.suggest(focus.row.rowNumber);
    this.store.set({
      focus: { ...focus, suggestions },
      ...(draftEdited ? {} : { draft: suggestions ? draftFromSuggestions(suggestions) : null }),
    });
  }

  /** Reads the focused row's FAQ cells: the baseline the writer checks before writing. */
  private readShown(rowNumber: number, caseRef: CaseRef): void {
    const table = this.session.store.get().table;
    if (!table) return;
    const generation = ++this.shownGeneration;
    const columns = faqColumnsOf(table.columns);
    this.reading = this.session.port
      .readCells(
        table.sheetName,
        columns.map(({ column }) => ({ row: rowNumber, column })),
      )
      .then((states) => {
        const focus = this.store.get().focus;
        if (generation !== this.shownGeneration || !focus || !sameCase(focus.caseRef, caseRef)) return;
        const shownValues: Record<number, string> = {};
        for (const state of states) shownValues[state.column] = state.value;
        this.store.set({ focus: { ...focus, shownValues } });
      })
      .catch((error: unknown) => {
        if (generation === this.shownGeneration) this.notices.show("error", this.t.readFailed(errorText(error)));
      });
  }

  // ---- editing and applying -----------------------------------------------------------------

  editDraft(action: DraftAction): void {
    this.store.set((state) => ({ draft: draftReducer(state.draft, action), draftEdited: state.draftEdited || action.type !== "reset" }));
  }

  setPendingItem(role: ListRole, text: string): void {
    this.store.set((state) => (state.pendingItems[role] === text ? {} : { pendingItems: { ...state.pendingItems, [role]: text } }));
  }

  /** Adds what the editor typed into an add box but did not add, before a write reads the draft. */
  private takePendingItems(roles: readonly FaqRole[]): void {
    const { pendingItems } = this.store.get();
    const typed = LIST_ROLES.filter((role) => roles.includes(role) && (pendingItems[role] ?? "").trim() !== "");
    if (typed.length === 0) return;
    let draft = this.store.get().draft;
    for (const role of typed) draft = draftReducer(draft, { type: "addItem", role, value: pendingItems[role] ?? "" });
    const rest = { ...pendingItems };
    for (const role of typed) delete rest[role];
    this.store.set({ draft, draftEdited: true, pendingItems: rest });
  }

  applyFields(roles: readonly FaqRole[]): Promise<void> {
    return this.apply(roles, false);
  }

  /** すべて適用: every FAQ cell of the row that was empty when the case was shown. */
  applyAll(): Promise<void> {
    const table = this.session.store.get().table;
    return table ? this.apply(faqColumnsOf(table.columns).map((c) => c.role), true) : Promise.resolve();
  }

  private async apply(roles: readonly FaqRole[], onlyEmpty: boolean): Promise<void> {
    const { table, busy } = this.session.store.get();
    if (!table || busy) return;
    this.takePendingItems(roles);
    const { focus, draft } = this.store.get();
    if (!focus || !focus.suggestions || !focus.shownValues || !draft) return;
    const writes = writesFor(roles, draft, focus.suggestions, table.columns, focus.shownValues, onlyEmpty);
    if (writes.length === 0) {
      this.notices.show("info", this.t.nothingToWrite);
      return;
    }
    await this.run([{ case: focus.caseRef, writes, shownValues: focus.shownValues }], false);
  }

  async confirmOverwrite(): Promise<void> {
    const pending = this.store.get().pendingConfirmation;
    this.store.set({ pendingConfirmation: null });
    if (pending) await this.run(pending.items, true);
  }

  cancelOverwrite(): void {
    this.store.set({ pendingConfirmation: null });
  }

  private async run(items: CaseWrite[], confirmed: boolean): Promise<void> {
    let outcome: ApplyOutcome;
    try {
      outcome = await this.session.apply(items, confirmed);
    } catch (error) {
      this.notices.show("error", failureText(this.t, error instanceof WorkbookError ? error.code : undefined, errorText(error)));
      return;
    }
    const t = this.t;
    const roleName = (role: FaqRole) => t.roleNames[role];
    const shownRow = items[0].case.row;
    switch (outcome.kind) {
      case "applied": {
        const written = outcome.written[0];
        const count = outcome.written.reduce((sum, w) => sum + w.values.length, 0);
        this.notices.show("success", written && written.row !== written.case.row ? t.appliedMoved(count, written.case.row, written.row) : t.applied(count, written?.row ?? shownRow));
        const focus = this.store.get().focus;
        if (focus && written && sameCase(focus.caseRef, written.case)) {
          const shownValues = { ...(focus.shownValues ?? {}) };
          for (const value of written.values) shownValues[value.column] = value.value;
          this.store.set({ focus: { ...focus, shownValues } });
        }
        return;
      }
      case "nothingToWrite":
        this.notices.show("info", t.nothingToWrite);
        return;
      case "needsConfirmation":
        this.store.set({ pendingConfirmation: { overwrites: outcome.overwrites, items } });
        return;
      case "changedSinceShown":
        this.notices.show("warning", t.changedSinceShown([...new Set(outcome.changed.map((c) => roleName(c.role)))]));
        return;
      case "caseChanged":
        this.notices.show("warning", t.caseChangedNotWritten(outcome.cases[0]?.row ?? shownRow));
        return;
      case "caseNotFound":
        this.notices.show("warning", outcome.ambiguous ? t.caseAmbiguous([outcome.cases[0]?.row ?? shownRow]) : t.caseNotFound(outcome.cases[0]?.row ?? shownRow));
        return;
      case "tooLong":
        this.notices.show("error", t.tooLong(roleName(outcome.role), outcome.length, outcome.limit));
        return;
      case "failed":
        this.notices.show("error", failureText(t, outcome.code, outcome.message, outcome.cells));
        return;
    }
  }

  async undo(): Promise<void> {
    const t = this.t;
    const outcome = await this.session.undo().catch((error: unknown) => ({ kind: "failed" as const, message: errorText(error), code: undefined, cells: undefined }));
    if (!outcome) return;
    switch (outcome.kind) {
      case "undone":
        this.notices.show("success", t.undone);
        return;
      case "changedSinceApply":
        this.notices.show("warning", t.undoChanged);
        return;
      case "caseChanged":
      case "caseNotFound":
        this.notices.show("warning", t.undoCaseMissing);
        return;
      case "failed":
        this.notices.show("error", t.undoFailed(failureText(t, outcome.code, outcome.message, outcome.cells)));
        return;
    }
  }

  // ---- moving -------------------------------------------------------------------------------

  /** Selects the next case row with an empty FAQ column (same rule as the ribbon command). */
  async nextUnfilled(): Promise<void> {
    const { table, snapshot } = this.session.store.get();
    if (!table || !snapshot) return;
    const rows = [...this.session.rows.values()].sort((a, b) => a.rowNumber - b.rowNumber);
    const after = this.store.get().focus?.row.rowNumber ?? this.selection.store.get().selection?.row ?? 0;
    // Hidden or filtered-out rows are not where the editor wants to land.
    const next = findNextIncompleteRow({ ...table, rows }, after, new Set(snapshot.hiddenRows))?.rowNumber;
    if (next === undefined) {
      this.notices.show("info", this.t.noEmptyRows);
      return;
    }
    this.announceNext = true;
    await this.selectRow(next);
    this.announceNext = false;
  }

  async selectRow(row: number): Promise<void> {
    const table = this.session.store.get().table;
    if (!table) return;
    // The case number cell is the most telling one to land on; the content column always exists.
    const column = table.columns.caseNumber ?? table.columns.subject ?? table.columns.content ?? 1;
    await this.session.port.selectCell(table.sheetName, { row, column }).catch((error: unknown) => this.notices.show("error", this.t.readFailed(errorText(error))));
    // Not every host reports the pane's own selection change; ask rather than wait for an event.
    await this.selection.refresh();
  }
}

function draftKey(ref: CaseRef): string {
  return `${ref.caseNumber}\u0000${ref.hash}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function failureText(t: Messages, code: string | undefined, message: string, cells?: string[]): string {
  if (code === "protected") return cells && cells.length > 0 ? t.lockedCells(cells) : t.protectedSheet;
  if (code === "readOnly") return t.readOnlyWorkbook;
  return t.writeFailed(message);
}
