// Over 400 lines: the pane's frame (header, tabs, case view, action bar, dialogs) is one layout whose focus order and landmarks are read together.
/** The task pane. Depends only on the WorkbookPort, so Excel and the offline preview run the same UI. */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowSyncRegular, CheckmarkCircleRegular, DismissRegular } from "@fluentui/react-icons";
import { HEADER_NAMES } from "../../engine";
import type { FaqRole } from "../../engine";
import type { WorkbookPort } from "../../workbook/port";
import { messagesFor } from "../i18n";
import { LIGHT_THEME, type ThemeSource } from "../theme";
import type { Language, Messages } from "../i18n";
import { faqColumnsOf, shownSources } from "../state/pane-model";
import type { SelectionTarget } from "../state/pane-model";
import { PANE_VIEWS, type PaneActions, type PaneOptions, type PaneState, type PaneView } from "../state/pane-controller";
import { usePaneController } from "../state/usePaneController";
import { useShortcuts } from "../state/useShortcuts";
import { CaseSummary } from "./CaseSummary";
import { focusFirstIn, useFocusKeeper } from "./focus";
import { DialogOpenContext, Hint } from "./Hint";
import { ColumnMappingForm } from "./ColumnMappingForm";
import { OverwriteDialog } from "./OverwriteDialog";
import { AnswerCard, CategoryCard, ListCard, SourceList } from "./SuggestionCard";
import { BacklogActions, BacklogPanel } from "./BacklogPanel";
import { CheckActions, CheckPanel } from "./CheckPanel";
import { ExportActions, ExportPanel, ReplaceSheetDialog } from "./ExportPanel";
import { QualityPanel } from "./QualityPanel";
import { SearchField, SearchPanel } from "./SearchPanel";
import { UndoButton } from "./UndoButton";

const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: "300px",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    flexShrink: 0,
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Five short tabs fit 320 px; should a language need more room, they scroll rather than push the pane wider.
  tabs: { overflowX: "auto", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalS})` },
  title: { flexGrow: 1 },
  body: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    display: "grid",
    alignContent: "start",
    // Rows as tall as their content: once the body overflows, "auto" rows would shrink an item that
    // clips its overflow (a MessageBar) to its min-height and cut its second line off.
    gridAutoRows: "max-content",
    gap: tokens.spacingVerticalM,
  },
  cards: { display: "grid", gap: tokens.spacingVerticalS },
  actions: {
    flexShrink: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  // Outside the scrolling body, so the outcome of an apply is seen wherever the editor has scrolled to.
  noticeArea: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    maxHeight: "30vh",
    overflowY: "auto",
  },
  messageText: { whiteSpace: "pre-wrap" },
  // Off screen until focused: the first Tab stops of the pane, straight to the fields or the buttons.
  skipLinks: { position: "absolute", top: 0, left: 0, right: 0, zIndex: 10, display: "flex", flexDirection: "column", alignItems: "flex-start", pointerEvents: "none" },
  // A 1 px clipped box until focused (not moved off screen: that would make the pane scroll sideways).
  skipLink: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    pointerEvents: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ":focus": {
      position: "static",
      width: "auto",
      height: "auto",
      overflow: "visible",
      clipPath: "none",
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      border: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  landing: { ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" } },
});

const CARDS_ID = "faq-cards";
const ACTIONS_ID = "pane-actions";

export interface AppProps {
  port: WorkbookPort;
  language: Language;
  /** A fixed theme, or one that follows Office's theme while the pane is open. */
  theme?: Theme | ThemeSource;
  options?: PaneOptions;
}

const NO_CHANGES = () => () => undefined;

export function App({ port, language, theme, options }: AppProps) {
  const source = theme && "subscribe" in theme ? theme : null;
  const followed = useSyncExternalStore(source?.subscribe ?? NO_CHANGES, () => (source ? source.get() : null));
  const current = followed ?? (theme && !("subscribe" in theme) ? theme : LIGHT_THEME);
  return (
    <FluentProvider theme={current} style={{ height: "100%" }} lang={language}>
      <Pane port={port} t={messagesFor(language)} options={options} />
    </FluentProvider>
  );
}

function Pane({ port, t, options }: { port: WorkbookPort; t: Messages; options?: PaneOptions }) {
  const styles = useStyles();
  const { controller, state } = usePaneController(port, t, options);
  const actions = controller.actions;
  const confirmation = pendingConfirmation(state, actions);
  const dialogOpen = confirmation !== null || state.export.pendingReplace !== null;
  // The case view's shortcuts act on the case shown, so only while it is on screen and no dialog asks.
  useShortcuts({
    applyAll: () => state.view === "case" && !dialogOpen && actions.applyAll(),
    nextUnfilled: () => state.view === "case" && !dialogOpen && actions.nextUnfilled(),
  });
  const ready = state.load.phase === "ready";
  const fieldName = (role: FaqRole) => t.roleNames[role];
  const root = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const noticeBar = useRef<HTMLDivElement>(null);
  useFocusKeeper(root, {
    busy: state.busy,
    dialogOpen,
    revision: state,
    notice: () => noticeBar.current,
    noticeKey: state.notice,
    landing: () => body.current?.querySelector<HTMLElement>("[data-landing]") ?? body.current,
  });
  // A new case opens at its top (its summary), wherever the last one was scrolled to.
  const caseKey = state.view === "case" && state.focus ? `${state.focus.caseRef.row}:${state.focus.caseRef.hash}` : null;
  useEffect(() => {
    if (caseKey && body.current) body.current.scrollTop = 0;
  }, [caseKey]);
  // A notice takes room from the scrolling body: keep the control the editor is on in view.
  useEffect(() => {
    const active = document.activeElement;
    if (state.notice && active instanceof HTMLElement && body.current?.contains(active)) active.scrollIntoView?.({ block: "nearest" });
  }, [state.notice]);
  const footer = ready && (state.view === "case" || (state.view === "backlog" && state.backlog.phase !== "idle") || (state.view === "check" && state.check.phase === "ready") || state.view === "export");
  const cardsShown = ready && state.view === "case" && state.focus !== null && state.draft !== null;
  const error = state.notice?.intent === "error" ? state.notice : null;
  const status = state.notice && !error ? state.notice : null;
  const noticeBarFor = (notice: NonNullable<PaneState["notice"]>) => (
    <div className={styles.noticeArea}>
      <MessageBar ref={noticeBar} tabIndex={-1} intent={notice.intent} data-testid="notice" className={styles.landing}>
        <MessageBarBody className={styles.messageText}>{notice.text}</MessageBarBody>
        <MessageBarActions
          containerAction={<Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t.dismiss} onClick={actions.dismissNotice} />}
        />
      </MessageBar>
    </div>
  );

  return (
    <DialogOpenContext.Provider value={dialogOpen}>
      <main ref={root} className={styles.root} aria-label={t.appTitle}>
        <div className={styles.skipLinks}>
          {cardsShown && <SkipLink target={CARDS_ID} className={styles.skipLink}>{t.skipToCards}</SkipLink>}
          {footer && <SkipLink target={ACTIONS_ID} className={styles.skipLink}>{t.skipToActions}</SkipLink>}
        </div>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Title3 as="h1" className={styles.title}>
              {t.appTitle}
            </Title3>
            <Hint content={t.reloadHint}>
              <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={actions.reload}>
                {t.reload}
              </Button>
            </Hint>
          </div>
          {ready && <SearchField t={t} state={state.search} actions={actions} expanded={state.view === "search"} />}
          {ready && (
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={state.view}
              onTabSelect={(_, data) => actions.showView(data.value as PaneView)}
              aria-label={t.viewsLabel}
              data-testid="views"
            >
              {PANE_VIEWS.map((view) => (
                <Tab key={view} value={view} data-testid={`view-${view}`}>
                  {t.views[view]}
                </Tab>
              ))}
            </TabList>
          )}
          <LoadProgress t={t} state={state} />
        </header>

        <div ref={body} className={styles.body} tabIndex={-1} data-testid="pane-body">
          <SheetNotes t={t} state={state} />
          <Problem t={t} state={state} actions={actions} />
          {ready && state.view === "case" && <SelectionView t={t} state={state} actions={actions} fieldName={fieldName} />}
          {ready && state.view === "search" && <SearchPanel t={t} state={state.search} actions={actions} categories={searchCategories(state)} />}
          {ready && state.view === "backlog" && <BacklogPanel t={t} state={state.backlog} actions={actions} caseSheets={state.caseSheets} />}
          {ready && state.view === "check" && <CheckPanel t={t} state={state.check} actions={actions} busy={state.busy} caseSheets={state.caseSheets} />}
          {ready && state.view === "export" && <ExportPanel t={t} state={state.export} actions={actions} caseSheets={state.caseSheets} />}
          {ready && state.view === "quality" && <QualityPanel t={t} state={state.quality} actions={actions} />}
        </div>

        {/* Live regions exist before their text, or screen readers miss the first message. */}
        <div role="status" aria-label={t.noticesLabel}>{status && noticeBarFor(status)}</div>
        <div role="alert">{error && noticeBarFor(error)}</div>
        <div role="status" className={styles.visuallyHidden} data-testid="announcement">
          {state.announcement}
        </div>
        {footer && (
          <section id={ACTIONS_ID} tabIndex={-1} aria-label={t.actionsLabel} className={mergeClasses(styles.actions, styles.landing)}>
            {state.view === "case" && (
              <>
                <Hint content={t.applyAllHint} disabled={!state.focus?.shownValues || !state.draft || state.busy}>
                  <Button
                    appearance="primary"
                    icon={<CheckmarkCircleRegular />}
                    aria-keyshortcuts="Control+Alt+Enter"
                    disabled={!state.focus?.shownValues || !state.draft || state.busy}
                    onClick={actions.applyAll}
                  >
                    {t.applyAll}
                  </Button>
                </Hint>
                <UndoButton t={t} canUndo={state.canUndo} onUndo={actions.undo} />
                <Hint content={t.nextEmptyHint}>
                  <Button icon={<ArrowDownRegular />} aria-keyshortcuts="Control+Alt+ArrowDown" onClick={actions.nextUnfilled}>
                    {t.nextEmpty}
                  </Button>
                </Hint>
              </>
            )}
            {state.view === "backlog" && <BacklogActions t={t} state={state.backlog} actions={actions} canUndo={state.canUndo} busy={state.busy} />}
            {state.view === "check" && <CheckActions t={t} state={state.check} actions={actions} canUndo={state.canUndo} busy={state.busy} />}
            {state.view === "export" && <ExportActions t={t} state={state.export} actions={actions} busy={state.busy} />}
          </section>
        )}

        <OverwriteDialog
          t={t}
          overwrites={confirmation?.overwrites ?? null}
          fieldName={(overwrite) => fieldName(overwrite.role)}
          onConfirm={confirmation?.confirm ?? actions.confirmOverwrite}
          onCancel={confirmation?.cancel ?? actions.cancelOverwrite}
        />
        <ReplaceSheetDialog t={t} sheetName={state.export.pendingReplace} onConfirm={actions.export.confirmReplace} onCancel={actions.export.cancelReplace} />
      </main>
    </DialogOpenContext.Provider>
  );
}

/** A link that moves focus to the first control of a part of the pane (no URL change, no scroll jump). */
function SkipLink({ target, className, children }: { target: string; className: string; children: string }) {
  return (
    <a
      href={`#${target}`}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        const element = document.getElementById(target);
        if (!focusFirstIn(element)) element?.focus();
      }}
    >
      {children}
    </a>
  );
}

/** The one overwrite confirmation open now (the case view's, the backlog's or the check's), with its answers. */
function pendingConfirmation(state: PaneState, actions: PaneActions) {
  if (state.pendingConfirmation) return { overwrites: state.pendingConfirmation.overwrites, confirm: actions.confirmOverwrite, cancel: actions.cancelOverwrite };
  if (state.backlog.pendingConfirmation) {
    return { overwrites: state.backlog.pendingConfirmation.overwrites, confirm: actions.backlog.confirmOverwrite, cancel: actions.backlog.cancelOverwrite };
  }
  if (state.check.pendingConfirmation) return { overwrites: state.check.pendingConfirmation.overwrites, confirm: actions.check.confirmOverwrite, cancel: actions.check.cancelOverwrite };
  return null;
}

/** Values for the search's category filter: the sheet's own spellings first, then the guidebook's. */
function searchCategories(state: PaneState): string[] {
  return state.categoryOptions.category.length > 0 ? state.categoryOptions.category : state.categoryOptions.classification;
}

/** A progress bar for one loading phase; indeterminate until the phase knows its total. */
function PhaseProgress({ label, done, total, text }: { label: string; done?: number; total?: number; text?: string | null }) {
  return (
    <Field validationMessage={text ?? label} validationState="none">
      <ProgressBar value={done !== undefined && total ? done / total : undefined} aria-label={label} />
    </Field>
  );
}

function LoadProgress({ t, state }: { t: Messages; state: PaneState }) {
  const styles = useStyles();
  const load = state.load;
  if (load.phase === "reading") {
    const p = load.progress;
    return <PhaseProgress label={t.readingSheet} done={p?.rowsRead} total={p?.totalRows} text={p && t.readingProgress(p.rowsRead, p.totalRows)} />;
  }
  if (load.phase === "building") {
    const p = load.progress;
    return <PhaseProgress label={t.buildingIndex} done={p?.done} total={p?.total} text={p && t.buildProgress(p.done, p.total)} />;
  }
  if (state.writeProgress && state.writeProgress.total > 1) {
    const p = state.writeProgress;
    const label = p.phase === "checking" ? t.checkingProgress(p.done, p.total) : t.writingProgress(p.done, p.total);
    return <PhaseProgress label={label} done={p.done} total={p.total} text={label} />;
  }
  if (load.phase === "ready" && state.progress) {
    const { filled, total } = state.progress;
    return (
      <Field validationMessage={<span data-testid="filled-count">{t.filledCount(filled, total)}</span>} validationState="none">
        <ProgressBar value={total ? filled / total : 0} max={1} aria-label={t.progressLabel} color="success" />
      </Field>
    );
  }
  return <Caption1 className={styles.hint}>{t.shortcutsHint}</Caption1>;
}

/** Conditions of the sheet itself: protection, read-only, merged cells, hidden rows, stray cells (which can be dismissed). */
function SheetNotes({ t, state }: { t: Messages; state: PaneState }) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  const notes: { key: string; intent: "warning" | "info"; text: string; dismissable?: boolean }[] = [];
  if (state.status?.sheetProtected) notes.push({ key: "protected", intent: "warning", text: t.protectedSheet });
  if (state.status?.readOnly) notes.push({ key: "readOnly", intent: "warning", text: t.readOnlyWorkbook });
  const table = state.table;
  const snapshot = state.snapshot;
  if (table && snapshot) {
    if (snapshot.mergedAreas.length) {
      const areas = snapshot.mergedAreas;
      notes.push({ key: "merged", intent: "warning", text: t.mergedCells(areas.length > 4 ? [...areas.slice(0, 4), "…"] : areas) });
    }
    const hidden = snapshot.hiddenRows.filter((row) => row > table.headerRow && row <= table.lastRow).length;
    if (hidden) notes.push({ key: "hidden", intent: "info", text: t.hiddenRows(hidden) });
  }
  if (snapshot?.ignoredBeyond) notes.push({ key: "ignored", intent: "info", text: t.ignoredBeyond(snapshot.ignoredBeyond), dismissable: true });
  if (state.refreshing) notes.push({ key: "refreshing", intent: "info", text: t.sheetChangedReloading });
  return (
    <>
      {notes
        .filter((note) => !dismissed.includes(`${note.key}:${note.text}`))
        .map((note) => (
          <MessageBar key={note.key} intent={note.intent} layout="multiline" data-testid={`sheet-note-${note.key}`}>
            <MessageBarBody>{note.text}</MessageBarBody>
            {note.dismissable && (
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t.dismiss} onClick={() => setDismissed((keys) => [...keys, `${note.key}:${note.text}`])} />
                }
              />
            )}
          </MessageBar>
        ))}
    </>
  );
}

function Problem({ t, state, actions }: { t: Messages; state: PaneState; actions: PaneActions }) {
  const load = state.load;
  if (load.phase === "failed") {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t.readFailed(load.detail)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (load.phase === "tooLarge") {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="problem">
        <MessageBarBody>{t.tooLarge(load.rows, load.limit, load.lastCell)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (load.phase !== "noTable") return null;
  const problem = load.problem;
  if (problem.kind === "empty") {
    return (
      <MessageBar intent="info" data-testid="problem">
        <MessageBarBody>{t.emptySheet}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent="warning" data-testid="problem">
        <MessageBarBody>
          <MessageBarTitle>{t.noHeaderTitle}</MessageBarTitle>
          {problem.kind === "noHeader" ? t.noHeaderBody(problem.lookedFor) : t.noContentColumn(problem.lookedFor)}
        </MessageBarBody>
      </MessageBar>
      {state.snapshot && (
        <ColumnMappingForm
          t={t}
          grid={state.snapshot}
          initial={state.savedMapping}
          headerNames={HEADER_NAMES}
          onSave={actions.saveMapping}
        />
      )}
      {state.savedMapping && (
        <Button size="small" appearance="subtle" onClick={actions.clearMapping}>
          {t.clearMapping}
        </Button>
      )}
    </>
  );
}

function targetMessage(t: Messages, target: SelectionTarget): string | null {
  switch (target.kind) {
    case "none":
      return t.selectionNone;
    case "otherSheet":
      return t.selectionOtherSheet(target.tableSheet);
    case "header":
      return t.selectionHeader;
    case "emptyRow":
      return t.selectionEmptyRow;
    case "outside":
      return t.selectionOutside;
    case "case":
      return null;
  }
}

function SelectionView({
  t,
  state,
  actions,
  fieldName,
}: {
  t: Messages;
  state: PaneState;
  actions: PaneActions;
  fieldName(role: FaqRole): string;
}) {
  const styles = useStyles();
  const message = targetMessage(t, state.target);
  const columns = useMemo(() => (state.table ? faqColumnsOf(state.table.columns) : []), [state.table]);
  if (message) {
    return (
      <Text role="status" data-testid="selection-message">
        {message}
      </Text>
    );
  }
  const focus = state.focus;
  if (!focus) return <Spinner size="tiny" label={t.loadingSuggestions} />;
  const { suggestions, shownValues } = focus;
  const draft = state.draft;
  return (
    <>
      {focus.multiRow && (
        <MessageBar intent="info">
          <MessageBarBody>{t.multiRow(focus.row.rowNumber)}</MessageBarBody>
        </MessageBar>
      )}
      <CaseSummary key={focus.row.rowNumber} t={t} row={focus.row} />
      {suggestions?.lowInformation && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.lowInformation}</MessageBarBody>
        </MessageBar>
      )}
      {suggestions &&
        (shownSources(suggestions.similar).length > 0 ? (
          <SourceList t={t} sources={suggestions.similar} onSelectRow={actions.selectRow} />
        ) : (
          <Caption1 data-testid="no-similar-rows">{t.noSimilarRows}</Caption1>
        ))}
      {!suggestions || !draft ? (
        <Spinner size="tiny" label={t.loadingSuggestions} />
      ) : (
        <div id={CARDS_ID} className={styles.cards} role="region" aria-label={t.candidates} tabIndex={-1}>
          {columns.map(({ role, column }) => {
            const common = {
              t,
              role,
              title: fieldName(role),
              headerText: state.table?.headerText[role] ?? "",
              currentValue: shownValues?.[column],
              canApply: shownValues !== null && !state.busy,
              onApply: () => actions.applyFields([role]),
              onSelectRow: actions.selectRow,
            };
            switch (role) {
              case "category":
              case "classification":
                return (
                  <CategoryCard
                    key={role}
                    {...common}
                    candidates={suggestions[role]}
                    value={draft[role]}
                    options={state.categoryOptions[role]}
                    onChange={(value) => actions.editDraft({ type: "setText", role, value })}
                  />
                );
              case "keywords":
              case "countermeasures":
              case "references":
                return (
                  <ListCard
                    key={role}
                    {...common}
                    values={draft[role]}
                    origin={suggestions[role].origin}
                    confidence={suggestions[role].confidence}
                    sources={suggestions[role].sources}
                    addLabel={role === "keywords" ? t.addKeyword : t.addItem}
                    showCredit={role === "countermeasures"}
                    pendingText={state.pendingItems[role] ?? ""}
                    onPendingChange={(text) => actions.setPendingItem(role, text)}
                    onAdd={(value) => actions.editDraft({ type: "addItem", role, value })}
                    onRemove={(index) => actions.editDraft({ type: "removeItem", role, index })}
                    onReplace={(index, value) => actions.editDraft({ type: "replaceItem", role, index, value })}
                  />
                );
              case "answer":
                return (
                  <AnswerCard
                    key={role}
                    {...common}
                    value={draft.answer}
                    suggestedText={suggestions.answer.text}
                    masked={suggestions.answer.masked}
                    origin={suggestions.answer.origin}
                    confidence={suggestions.answer.confidence}
                    sources={suggestions.answer.sources}
                    sentences={suggestions.answer.sentences}
                    onChange={(value) => actions.editDraft({ type: "setText", role: "answer", value })}
                  />
                );
            }
          })}
        </div>
      )}
    </>
  );
}
