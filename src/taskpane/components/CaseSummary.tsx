/** The selected case: 受理番号, 件名 and 相談内容 (first lines, expandable). */
import { useState } from "react";
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CaseRow } from "../../engine";
import type { Messages } from "../i18n";

const PREVIEW_CHARS = 120;

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalXS },
  fields: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  label: { color: tokens.colorNeutralForeground3 },
  value: { overflowWrap: "anywhere", minWidth: 0 },
  content: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function CaseSummary({ t, row }: { t: Messages; row: CaseRow }) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const content = row.cells.content ?? "";
  const long = content.length > PREVIEW_CHARS || content.split("\n").length > 3;
  const shown = expanded || !long ? content : `${content.split("\n").slice(0, 3).join("\n").slice(0, PREVIEW_CHARS)}…`;
  return (
    <section className={styles.root} aria-label={t.caseHeading(row.rowNumber)} data-testid="case-summary" data-landing tabIndex={-1}>
      <Subtitle2 as="h2">{t.caseHeading(row.rowNumber)}</Subtitle2>
      <div className={styles.fields}>
        <Caption1 className={styles.label}>{t.caseNumber}</Caption1>
        <Text className={styles.value} data-testid="case-number">
          {row.cells.caseNumber ?? ""}
        </Text>
        <Caption1 className={styles.label}>{t.subject}</Caption1>
        <Text className={styles.value} weight="semibold" data-testid="case-subject">
          {row.cells.subject ?? ""}
        </Text>
      </div>
      <Caption1 className={styles.label}>{t.content}</Caption1>
      <div id={`case-content-${row.rowNumber}`} className={styles.content} data-testid="case-content">
        {shown}
      </div>
      {long && (
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={expanded}
          aria-controls={`case-content-${row.rowNumber}`}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t.showLess : t.showMore}
        </Button>
      )}
    </section>
  );
}
