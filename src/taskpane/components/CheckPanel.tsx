/** 点検: the problems of the FAQ columns, grouped by kind (or one kind), each with its row and its fix. */
import { useState, type ReactNode } from "react";
import { Button, Caption1, Checkbox, Field, ProgressBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, WrenchRegular } from "@fluentui/react-icons";
import { CHECK_KINDS, describeProblem, PLACEHOLDERS, type CheckKind } from "../../engine";
import type { Messages } from "../i18n";
import type { CheckFilter, PlacedProblem } from "../state/check-view";
import type { CheckState, PaneActions } from "../state/pane-controller";
import { RunProgress } from "./RunProgress";
import { RowLink } from "./RowLink";
import { UndoButton } from "./UndoButton";

/** Problems drawn per kind at first; the rest on request. */
const PAGE = 100;

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  group: { display: "grid", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  text: { overflowWrap: "anywhere" },
  fix: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  fixValue: { flexGrow: 1, minWidth: 0, color: tokens.colorPaletteGreenForeground1, overflowWrap: "anywhere" },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit" },
  // A long corrected value wraps; the button keeps its label on one line.
  fixButton: { flexShrink: 0, whiteSpace: "nowrap" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function CheckPanel({ t, state, actions, busy, caseSheets = [] }: { t: Messages; state: CheckState; actions: PaneActions; busy: boolean; caseSheets?: string[] }) {
  const styles = useStyles();
  if (state.phase !== "ready") {
    const p = state.progress;
    return <RunProgress label={t.checkRunning(p?.done ?? 0, p?.total ?? 0)} progress={p} />;
  }
  const counts = new Map<CheckKind, number>();
  for (const p of state.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const kinds = CHECK_KINDS.filter((kind) => counts.has(kind) && (state.filter === "all" || state.filter === kind));
  const shown = kinds.reduce((sum, kind) => sum + (counts.get(kind) ?? 0), 0);
  return (
    <section className={styles.panel} aria-label={t.views.check} data-testid="check">
      <Caption1 className={styles.hint}>{t.checkIntro}</Caption1>
      <div className={styles.tools}>
        <Field label={t.checkFilter} size="small">
          <Select size="small" value={state.filter} onChange={(_, data) => actions.check.setFilter(data.value as CheckFilter)} data-testid="check-filter">
            <option value="all">{t.checkAllKinds}</option>
            {CHECK_KINDS.filter((kind) => counts.has(kind)).map((kind) => (
              <option key={kind} value={kind}>{`${t.checkKinds[kind]} (${counts.get(kind)})`}</option>
            ))}
          </Select>
        </Field>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={actions.check.run}>
          {t.checkRerun}
        </Button>
      </div>
      {caseSheets.length > 1 && (
        <Checkbox checked={state.scope === "all"} label={t.checkAllSheets(caseSheets)} onChange={(_, data) => actions.check.setScope(data.checked === true ? "all" : "sheet")} />
      )}
      {state.progress && <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : undefined} aria-label={t.checkRunning(state.progress.done, state.progress.total)} />}
      <Text role="status" data-testid="check-count">
        {state.problems.length === 0 ? t.checkNone : t.checkCount(shown, state.problems.length)}
      </Text>
      {kinds.map((kind) => (
        <ProblemGroup key={kind} t={t} kind={kind} problems={state.problems.filter((p) => p.kind === kind)} state={state} actions={actions} busy={busy} />
      ))}
    </section>
  );
}

function ProblemGroup({ t, kind, problems, state, actions, busy }: { t: Messages; kind: CheckKind; problems: PlacedProblem[]; state: CheckState; actions: PaneActions; busy: boolean }) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const headingId = `check-kind-${kind}`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-kind={kind}>
      <h2 id={headingId} className={styles.heading}>{`${t.checkKinds[kind]} (${problems.length})`}</h2>
      <ul className={styles.list} data-focus-region>
        {problems.slice(0, shown).map((problem) => {
          const fix = problem.fix === undefined ? undefined : state.fixes.find((f) => f.rowNumber === problem.rowNumber && f.column === problem.column);
          const field = t.roleNames[problem.role];
          return (
            <li key={`${problem.rowNumber}:${problem.column}:${problem.kind}`} className={styles.item} data-row={problem.rowNumber} data-testid="check-problem">
              <span className={styles.meta}>
                <RowLink
                  label={problem.place ? t.selectSheetRow(problem.place.sheetName, problem.place.row) : t.selectRow(problem.rowNumber)}
                  onSelect={() => actions.selectRow(problem.rowNumber)}
                >
                  {problem.place ? t.sheetRow(problem.place.sheetName, problem.place.row) : t.rowLabel(problem.rowNumber)}
                </RowLink>
                {problem.caseNumber && <Caption1>{`${t.caseNumber} ${problem.caseNumber}`}</Caption1>}
                <Caption1>{field}</Caption1>
              </span>
              <Text className={styles.text}>{describeProblem(problem, t.lang)}</Text>
              {fix && (
                <span className={styles.fix}>
                  <Caption1 className={styles.fixValue}>
                    <PlaceholdersMarked text={t.checkFixTo(fix.newValue)} markClass={styles.mark} />
                  </Caption1>
                  <Button className={styles.fixButton} size="small" icon={<WrenchRegular />} aria-label={t.checkFixLabel(problem.rowNumber, field)} disabled={busy || state.busy} onClick={() => actions.check.fix(problem)}>
                    {t.checkFix}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > shown && (
        <Button size="small" appearance="secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t.showMoreItems(problems.length - shown)}
        </Button>
      )}
    </section>
  );
}

export function CheckActions({ t, state, actions, canUndo, busy }: { t: Messages; state: CheckState; actions: PaneActions; canUndo: boolean; busy: boolean }) {
  return (
    <>
      <Button appearance="primary" icon={<WrenchRegular />} disabled={state.fixes.length === 0 || busy || state.busy} onClick={actions.check.fixAll}>
        {t.checkFixAll(state.fixes.length)}
      </Button>
      <UndoButton t={t} canUndo={canUndo} onUndo={actions.undo} />
    </>
  );
}

/** A fix's text with what the privacy detector put in place of private data (［氏名］, ［電話番号］…) marked. */
function PlaceholdersMarked({ text, markClass }: { text: string; markClass: string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const m of text.matchAll(new RegExp(PLACEHOLDERS.source, "g"))) {
    const at = m.index ?? 0;
    if (at > cursor) parts.push(text.slice(cursor, at));
    parts.push(
      <mark key={at} className={markClass}>
        {m[0]}
      </mark>,
    );
    cursor = at + m[0].length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
