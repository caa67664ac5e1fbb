/** 未入力の一括処理: the queue of unfilled rows, ticks, and the batch actions (in the pane's footer). */
import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { ArrowSyncRegular, CheckmarkCircleRegular, TaskListLtrRegular } from "@fluentui/react-icons";
import type { Messages } from "../i18n";
import type { BacklogEntry } from "../state/backlog-view";
import type { BacklogState, PaneActions } from "../state/pane-controller";
import { Hint } from "./Hint";
import { RowLink } from "./RowLink";
import { RunProgress } from "./RunProgress";
import { percent } from "./SuggestionCard";
import { UndoButton } from "./UndoButton";

/** Rows drawn at first; the rest on request (the ticks and "all above N %" still cover every row). */
const PAGE = 200;

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  threshold: { width: "5.5em" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    alignItems: "start",
    gap: `0 ${tokens.spacingHorizontalXS}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  body: { display: "grid", gap: "2px", minWidth: 0, paddingTop: tokens.spacingVerticalXS },
  subject: { overflowWrap: "anywhere" },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  category: { maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  current: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function BacklogPanel({ t, state, actions }: { t: Messages; state: BacklogState; actions: PaneActions }) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const [threshold, setThreshold] = useState(String(state.threshold));
  // The queue is one Tab stop: ↑↓←→ move between its checkboxes and row links, Tab leaves it.
  const arrows = useArrowNavigationGroup({ axis: "grid-linear", memorizeCurrent: true });
  if (state.phase === "idle" || (state.phase === "ranking" && state.items.length === 0)) {
    const p = state.progress;
    return <RunProgress label={t.backlogRanking(p?.done ?? 0, p?.total ?? 0)} progress={p} />;
  }
  const items = state.items.slice(0, shown);
  return (
    <section className={styles.panel} aria-label={t.views.backlog} data-testid="backlog">
      <Caption1 className={styles.hint}>{t.backlogIntro}</Caption1>
      {state.phase === "ranking" && state.progress && (
        <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : undefined} aria-label={t.backlogRanking(state.progress.done, state.progress.total)} />
      )}
      <div className={styles.tools}>
        <Field label={t.backlogThreshold} size="small">
          <Input
            className={styles.threshold}
            size="small"
            type="number"
            min={0}
            max={100}
            value={threshold}
            onChange={(_, data) => setThreshold(data.value)}
            onBlur={() => actions.backlog.setThreshold(Number(threshold))}
            onKeyDown={(event) => {
              if (event.key === "Enter") actions.backlog.tickAbove(Number(threshold));
            }}
            data-testid="backlog-threshold"
          />
        </Field>
        <Button size="small" icon={<TaskListLtrRegular />} onClick={() => actions.backlog.tickAbove(Number(threshold))}>
          {t.backlogTickAbove(Number(threshold) || 0)}
        </Button>
        <Button size="small" appearance="subtle" onClick={actions.backlog.tickNone} disabled={state.ticked.size === 0}>
          {t.backlogTickNone}
        </Button>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={actions.backlog.rank} disabled={state.phase === "ranking"}>
          {t.backlogRerank}
        </Button>
      </div>
      <Text role="status" data-testid="backlog-count">
        {state.items.length === 0 ? t.backlogEmpty : t.backlogCount(state.items.length, state.ticked.size)}
      </Text>
      {state.busy && state.progress && (
        <Field validationMessage={t.backlogPreparing(state.progress.done, state.progress.total)} validationState="none">
          <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : undefined} aria-label={t.backlogPreparing(state.progress.done, state.progress.total)} />
        </Field>
      )}
      <ul className={styles.list} aria-label={t.views.backlog} data-focus-region {...arrows}>
        {items.map((item) => (
          <BacklogRow key={item.rowNumber} t={t} item={item} ticked={state.ticked.has(item.rowNumber)} onToggle={() => actions.backlog.toggle(item.rowNumber)} onSelectRow={() => actions.selectRow(item.rowNumber)} />
        ))}
      </ul>
      {state.items.length > shown && (
        <Button size="small" appearance="secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t.showMoreItems(state.items.length - shown)}
        </Button>
      )}
    </section>
  );
}

function BacklogRow({ t, item, ticked, onToggle, onSelectRow }: { t: Messages; item: BacklogEntry; ticked: boolean; onToggle(): void; onSelectRow(): void }) {
  const styles = useStyles();
  return (
    <li className={styles.item} data-row={item.rowNumber} data-testid="backlog-item">
      <Checkbox checked={ticked} onChange={onToggle} aria-label={t.backlogTick(item.rowNumber, item.subject)} />
      <div className={styles.body}>
        <span className={styles.meta}>
          <RowLink label={t.selectRow(item.rowNumber)} onSelect={onSelectRow}>
            {t.rowLabel(item.rowNumber)}
          </RowLink>
          {item.caseNumber && <Caption1>{`${t.caseNumber} ${item.caseNumber}`}</Caption1>}
          <Caption1>{t.backlogMissing(item.missing.length)}</Caption1>
          {item.lowInformation && (
            <Badge size="small" appearance="outline" color="warning">
              {t.backlogLowInformation}
            </Badge>
          )}
        </span>
        <Text className={styles.subject}>{item.subject}</Text>
        <span className={styles.meta}>
          {item.top ? (
            <>
              <Badge appearance="tint" color="brand" className={styles.category} title={item.top.value}>
                {item.top.value}
              </Badge>
              <Caption1 data-testid="backlog-confidence">{t.confidence(percent(item.confidence))}</Caption1>
            </>
          ) : (
            <Caption1>{t.backlogNoSuggestion}</Caption1>
          )}
        </span>
        {item.current && <Caption1 className={styles.current}>{t.backlogCurrent(item.current)}</Caption1>}
      </div>
    </li>
  );
}

export function BacklogActions({ t, state, actions, canUndo, busy }: { t: Messages; state: BacklogState; actions: PaneActions; canUndo: boolean; busy: boolean }) {
  const count = state.ticked.size;
  const disabled = count === 0 || busy || state.busy;
  return (
    <>
      <Hint content={t.backlogApplyTopHint} disabled={disabled}>
        <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled={disabled} onClick={() => actions.backlog.apply("category")}>
          {`${t.backlogApplyTop} (${count})`}
        </Button>
      </Hint>
      <Hint content={t.backlogApplyAllHint} disabled={disabled}>
        <Button disabled={disabled} onClick={() => actions.backlog.apply("all")}>
          {t.backlogApplyAll}
        </Button>
      </Hint>
      <UndoButton t={t} canUndo={canUndo} onUndo={actions.undo} />
    </>
  );
}
