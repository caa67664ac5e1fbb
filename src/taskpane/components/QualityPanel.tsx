/**
 * 品質 / Quality: each FAQ column's figures with one plain sentence, and the acceptance log per
 * column and week — a small stacked-bar chart for the eye, the same numbers as a table for everyone
 * (the chart is hidden from screen readers; the table is what they read).
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DeleteRegular } from "@fluentui/react-icons";
import { FAQ_ROLES, type ColumnFigure, type FaqRole } from "../../engine";
import type { ColumnAcceptance, WeekCounts } from "../../workbook/acceptance-summary";
import type { Messages } from "../i18n";
import type { PaneActions } from "../state/pane-controller";
import type { QualityState } from "../state/quality-view";

/** Weeks drawn at most (the table lists them all). */
const CHART_WEEKS = 12;

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalS },
  figure: { display: "grid", gap: "2px", minWidth: 0 },
  numbers: { color: tokens.colorNeutralForeground2 },
  sentence: { overflowWrap: "anywhere" },
  chart: { width: "100%", height: "48px", display: "block" },
  accepted: { fill: tokens.colorBrandBackground },
  edited: { fill: tokens.colorNeutralForeground3 },
  replaced: { fill: tokens.colorNeutralStroke1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { textAlign: "end", padding: `0 ${tokens.spacingHorizontalXS}`, fontVariantNumeric: "tabular-nums" },
  headCell: { textAlign: "start", padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightRegular },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

function numbers(t: Messages, figure: ColumnFigure): string {
  switch (figure.kind) {
    case "rank":
      return `${t.qualityAt1} ${pct(figure.at1)} · ${t.qualityAt3} ${pct(figure.at3)}`;
    case "list":
      return `${t.qualityPrecision} ${pct(figure.precision)} · ${t.qualityRecall} ${pct(figure.recall)}`;
    case "coverage":
      return `${t.qualityCoverage} ${pct(figure.coverage)}`;
  }
}

export function QualityPanel({ t, state, actions }: { t: Messages; state: QualityState; actions: PaneActions }) {
  const styles = useStyles();
  const figures = state.figures;
  const roles = FAQ_ROLES.filter((role) => figures?.columns[role]);
  return (
    <section className={styles.panel} aria-label={t.views.quality} data-testid="quality">
      <Caption1 className={styles.hint}>{t.qualityIntro}</Caption1>
      {state.sheets.length > 0 && <Caption1>{t.qualitySheets(state.sheets)}</Caption1>}
      {state.phase === "running" && state.progress && (
        <ProgressBar
          value={state.progress.total > 0 ? state.progress.done / state.progress.total : undefined}
          aria-label={t.qualityRunning(state.progress.done, state.progress.total)}
          aria-valuetext={t.qualityRunning(state.progress.done, state.progress.total)}
        />
      )}
      {state.phase === "running" && state.progress && <Caption1 role="status">{t.qualityRunning(state.progress.done, state.progress.total)}</Caption1>}
      {state.stale && state.phase === "ready" && (
        <MessageBar intent="info">
          <MessageBarBody>{t.qualityStale}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={actions.quality.run} disabled={state.phase === "running"}>
          {t.qualityRun}
        </Button>
      </div>

      <h2 className={styles.heading}>{t.qualityFiguresTitle}</h2>
      {state.phase === "ready" && figures && figures.rows === 0 && <Caption1>{t.qualityNoRows}</Caption1>}
      {figures && figures.rows > 0 && (
        <ul className={styles.list} data-testid="quality-figures">
          {roles.map((role) => {
            const figure = figures.columns[role] as ColumnFigure;
            return (
              <li key={role} className={styles.figure} data-role={role}>
                <Text weight="semibold">{`${t.roleNames[role]}（${t.qualityRows(figure.rows)}）`}</Text>
                <Caption1 className={styles.numbers}>{numbers(t, figure)}</Caption1>
                <Text className={styles.sentence}>{state.sentences[role]}</Text>
              </li>
            );
          })}
        </ul>
      )}

      <h2 className={styles.heading}>{t.qualityAcceptanceTitle}</h2>
      <Caption1 className={styles.hint}>{t.qualityAcceptanceIntro}</Caption1>
      {state.acceptance === null ? (
        <Caption1>{t.qualityLogUnsupported}</Caption1>
      ) : state.entries === 0 ? (
        <Caption1>{t.qualityNoLog}</Caption1>
      ) : (
        <>
          <Caption1>{t.qualityEntries(state.entries)}</Caption1>
          {state.acceptance
            .filter((column) => column.weeks.length > 0)
            .map((column) => (
              <AcceptanceChart key={column.role} t={t} column={column} name={t.roleNames[column.role as FaqRole]} />
            ))}
          {state.confirmingClear ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.qualityClearConfirm(state.entries)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" onClick={actions.quality.confirmClear}>
                  {t.qualityClearYes}
                </Button>
                <Button size="small" onClick={actions.quality.cancelClear} autoFocus>
                  {t.qualityCancel}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <div>
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={actions.quality.askClear}>
                {t.qualityClear}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function AcceptanceChart({ t, column, name }: { t: Messages; column: ColumnAcceptance; name: string }) {
  const styles = useStyles();
  const weeks = column.weeks.slice(-CHART_WEEKS);
  const most = Math.max(1, ...weeks.map((w) => w.counts.accepted + w.counts.edited + w.counts.replaced));
  const width = 10;
  const gap = 4;
  const height = 40;
  const bar = (week: WeekCounts, index: number) => {
    let y = height;
    return (["accepted", "edited", "replaced"] as const).map((outcome) => {
      const h = (week.counts[outcome] / most) * height;
      y -= h;
      return h > 0 ? <rect key={outcome} className={styles[outcome]} x={index * (width + gap)} y={y} width={width} height={h} /> : null;
    });
  };
  return (
    <figure style={{ margin: 0 }} data-testid="acceptance-chart" data-role={column.role}>
      {/* The table below carries the same numbers for screen readers; the drawing is for the eye. */}
      <svg className={styles.chart} viewBox={`0 0 ${CHART_WEEKS * (width + gap)} ${height}`} preserveAspectRatio="xMinYMax meet" aria-hidden="true" focusable="false">
        {weeks.map((week, index) => (
          <g key={week.week}>{bar(week, index)}</g>
        ))}
      </svg>
      <table className={styles.table}>
        <caption className={styles.caption}>{t.qualityChartLabel(name)}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.headCell}>
              {t.qualityWeek}
            </th>
            {(["accepted", "edited", "replaced"] as const).map((outcome) => (
              <th key={outcome} scope="col" className={styles.cell}>
                {t.qualityOutcomes[outcome]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {column.weeks.map((week) => (
            <tr key={week.week}>
              <th scope="row" className={styles.headCell}>
                {week.week}
              </th>
              <td className={styles.cell}>{week.counts.accepted}</td>
              <td className={styles.cell}>{week.counts.edited}</td>
              <td className={styles.cell}>{week.counts.replaced}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
