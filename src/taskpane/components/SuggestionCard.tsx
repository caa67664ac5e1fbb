// Over 400 lines: the five FAQ column cards share one shape (value, why, editor, apply) and its small parts.
/** One card per FAQ column: the suggestion, why it was made, an editor for it and its own 適用 button. */
import { useState } from "react";
import type { ReactNode } from "react";
import {
  Badge,
  Button,
  Caption1,
  Card,
  Combobox,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { GUIDEBOOK_CREDIT } from "../../engine";
import type { AnswerSentence, CategoryCandidate, FaqRole, MaskedItem, SourceRow, SuggestionOrigin } from "../../engine";
import type { Messages } from "../i18n";
import { shownSources } from "../state/pane-model";
import { ChipListEditor } from "./ChipListEditor";
import { Hint } from "./Hint";
import { RowLink } from "./RowLink";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  title: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", alignItems: "center" },
  current: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "6em",
    overflowY: "auto",
    "@media (forced-colors: active)": { border: "1px solid CanvasText" },
  },
  sources: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "grid", gap: "2px" },
  source: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline", minWidth: 0 },
  sourceSubject: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  similarity: { flexShrink: 0, whiteSpace: "nowrap" },
  masked: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit" },
  answerPreview: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "8em",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  headerText: {
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    marginTop: "-4px",
  },
  credit: { color: tokens.colorNeutralForeground3 },
  explain: { color: tokens.colorNeutralForeground3 },
  fullWidth: { width: "100%" },
});

/** A confidence or similarity (0–1) as the whole percent the pane shows. */
export function percent(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100);
}

export function originText(t: Messages, origin: SuggestionOrigin): string {
  switch (origin) {
    case "rows":
      return t.originRows;
    case "guidebook":
      return t.originGuidebook;
    case "both":
      return t.originBoth;
    case "case":
      return t.originCase;
  }
}

interface FrameProps {
  t: Messages;
  role: FaqRole;
  title: string;
  /** The column's header as the sheet writes it. */
  headerText: string;
  origin: SuggestionOrigin | null;
  confidence: number | null;
  sources: SourceRow[];
  currentValue: string | undefined;
  canApply: boolean;
  onApply(): void;
  onSelectRow(row: number): void;
  /** The card shows confidences (its own, or its candidates'): one line says what they mean. */
  explainConfidence?: boolean;
  children: ReactNode;
}

function CardFrame({ t, role, title, headerText, origin, confidence, sources, currentValue, canApply, onApply, onSelectRow, explainConfidence, children }: FrameProps) {
  const styles = useStyles();
  const headingId = `faq-card-${role}`;
  return (
    <Card className={styles.card} role="group" aria-labelledby={headingId} data-role={role}>
      <div className={styles.head}>
        <Text id={headingId} className={styles.title}>
          {title}
        </Text>
        <Hint content={t.applyField(title)} disabled={!canApply}>
          <Button
            size="small"
            appearance="primary"
            icon={<CheckmarkRegular />}
            aria-label={t.applyField(title)}
            disabled={!canApply}
            onClick={onApply}
          >
            {t.apply}
          </Button>
        </Hint>
      </div>
      {headerText && headerText !== title && (
        <Caption1 className={styles.headerText} title={headerText}>
          {headerText}
        </Caption1>
      )}
      <div className={styles.meta}>
        {origin && (
          <Badge appearance="tint" color={origin === "guidebook" ? "informative" : "brand"} size="small">
            {originText(t, origin)}
          </Badge>
        )}
        {confidence !== null && (
          <Caption1>{t.confidence(percent(confidence))}</Caption1>
        )}
      </div>
      {(explainConfidence || confidence !== null) && <Caption1 className={styles.explain}>{t.confidenceExplained}</Caption1>}
      {currentValue !== undefined && currentValue !== "" && (
        <div>
          <Caption1 id={`${headingId}-current`}>{t.currentValue}</Caption1>
          {/* Focusable: a long value scrolls, and the keyboard must be able to scroll it too. */}
          <div className={styles.current} data-testid={`current-${role}`} tabIndex={0} role="group" aria-labelledby={`${headingId}-current`}>
            {currentValue}
          </div>
        </div>
      )}
      {children}
      <SourceList t={t} sources={sources} onSelectRow={onSelectRow} />
    </Card>
  );
}

/** The similar rows behind a suggestion, worth reading ones only, most similar first (nothing when none is). */
export function SourceList({ t, sources, onSelectRow }: { t: Messages; sources: SourceRow[]; onSelectRow(row: number): void }) {
  const styles = useStyles();
  const shown = shownSources(sources);
  if (shown.length === 0) return null;
  return (
    <div>
      <Caption1>{t.similarRows}</Caption1>
      <ul className={styles.sources}>
        {shown.map((source) => (
          <li key={source.rowNumber} className={styles.source}>
            <RowLink
              label={source.place ? t.selectSheetRow(source.place.sheetName, source.place.row) : t.selectRow(source.rowNumber)}
              onSelect={() => onSelectRow(source.rowNumber)}
            >
              {source.place ? t.sheetRow(source.place.sheetName, source.place.row) : source.rowNumber}
            </RowLink>
            <Caption1 className={styles.sourceSubject} title={source.subject}>
              {source.subject}
            </Caption1>
            <Caption1 className={styles.similarity}>{t.similarity(percent(source.similarity))}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface CommonProps {
  t: Messages;
  role: FaqRole;
  title: string;
  headerText: string;
  currentValue: string | undefined;
  canApply: boolean;
  onApply(): void;
  onSelectRow(row: number): void;
}

export function CategoryCard(
  props: CommonProps & {
    candidates: CategoryCandidate[];
    value: string;
    options: string[];
    onChange(value: string): void;
  },
) {
  const { t, candidates, value, options, onChange } = props;
  const styles = useStyles();
  const chosen = candidates.find((c) => c.value === value);
  const shown = chosen ?? candidates[0];
  // Japanese is typed through an IME, whose key events never open Fluent's list; typing itself must.
  const [open, setOpen] = useState(false);
  const filter = value.trim();
  const matching = (filter ? options.filter((o) => o.includes(filter)) : options).slice(0, 50);
  return (
    <CardFrame
      {...props}
      origin={shown?.origin ?? null}
      // Each candidate carries its own percentage; the card does not repeat the chosen one.
      confidence={null}
      explainConfidence={candidates.length > 0}
      sources={shown?.sources ?? []}
    >
      {candidates.length > 0 && (
        <RadioGroup
          aria-label={`${props.title}: ${t.candidates}`}
          value={chosen ? chosen.value : ""}
          onChange={(_, data) => onChange(data.value)}
        >
          {candidates.map((candidate) => (
            <Radio
              key={candidate.value}
              value={candidate.value}
              label={`${candidate.value}（${percent(candidate.confidence)}%）`}
            />
          ))}
        </RadioGroup>
      )}
      <Combobox
        className={styles.fullWidth}
        size="small"
        freeform
        open={open && matching.length > 0}
        onOpenChange={(_, data) => setOpen(data.open)}
        value={value}
        selectedOptions={value ? [value] : []}
        placeholder={t.typeOrChoose}
        aria-label={`${props.title}: ${t.typeOrChoose}`}
        expandIcon={{ "aria-label": t.openList }}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue)}
      >
        {matching.map((option) => (
          <Option key={option} value={option}>
            {option}
          </Option>
        ))}
      </Combobox>
      <Caption1 className={styles.credit}>{GUIDEBOOK_CREDIT}</Caption1>
    </CardFrame>
  );
}

export function ListCard(
  props: CommonProps & {
    values: string[];
    origin: SuggestionOrigin;
    confidence: number;
    sources: SourceRow[];
    addLabel: string;
    showCredit: boolean;
    pendingText: string;
    onPendingChange(text: string): void;
    onAdd(value: string): void;
    onRemove(index: number): void;
    onReplace(index: number, value: string): void;
  },
) {
  const styles = useStyles();
  return (
    <CardFrame {...props}>
      <ChipListEditor
        label={props.title}
        values={props.values}
        addLabel={props.addLabel}
        t={props.t}
        pendingText={props.pendingText}
        onPendingChange={props.onPendingChange}
        onAdd={props.onAdd}
        onRemove={props.onRemove}
        onReplace={props.onReplace}
      />
      {props.showCredit && <Caption1 className={styles.credit}>{GUIDEBOOK_CREDIT}</Caption1>}
    </CardFrame>
  );
}

export function AnswerCard(
  props: CommonProps & {
    value: string;
    suggestedText: string;
    masked: MaskedItem[];
    origin: SuggestionOrigin;
    confidence: number;
    sources: SourceRow[];
    /** The suggested draft's sentences and where each came from. */
    sentences: AnswerSentence[];
    onChange(value: string): void;
  },
) {
  const { t, value, suggestedText, masked } = props;
  const styles = useStyles();
  const marks = maskedRanges(value, suggestedText, masked);
  return (
    <CardFrame {...props}>
      <Textarea
        className={styles.fullWidth}
        resize="vertical"
        rows={6}
        value={value}
        aria-label={props.title}
        onChange={(_, data) => props.onChange(data.value)}
      />
      <div>
        <Caption1>{masked.length ? t.maskedParts : t.noMasked}</Caption1>
        {masked.length > 0 && (
          <div className={styles.masked} data-testid="masked-list">
            {masked.map((item, index) => (
              <Badge key={`${item.start}-${index}`} appearance="outline" color="warning" size="small">
                {`${t.maskKind[item.kind] ?? item.kind} → ${item.replacement}`}
              </Badge>
            ))}
          </div>
        )}
        {marks.length > 0 && <HighlightedText className={styles.answerPreview} markClass={styles.mark} text={value} marks={marks} />}
      </div>
      {props.sentences.length > 0 && <SentenceSources t={t} text={suggestedText} sentences={props.sentences} onSelectRow={props.onSelectRow} />}
    </CardFrame>
  );
}

const EXCERPT_CHARS = 18;

/** For each sentence of the suggested draft, its opening words and where it came from (guidebook item / row N). */
function SentenceSources({ t, text, sentences, onSelectRow }: { t: Messages; text: string; sentences: AnswerSentence[]; onSelectRow(row: number): void }) {
  const styles = useStyles();
  return (
    <div>
      <Caption1>{t.answerSources}</Caption1>
      <ol className={styles.sources} data-testid="answer-sources">
        {sentences.map((sentence) => {
          const whole = text.slice(sentence.start, sentence.end);
          const excerpt = whole.length > EXCERPT_CHARS ? `${whole.slice(0, EXCERPT_CHARS)}…` : whole;
          const source = sentence.source;
          return (
            <li key={sentence.start} className={styles.source}>
              <Caption1 className={styles.sourceSubject} title={whole}>
                {excerpt}
              </Caption1>
              {source.kind === "row" ? (
                <RowLink label={t.selectRow(source.rowNumber)} onSelect={() => onSelectRow(source.rowNumber)}>
                  {t.sentenceFromRow(source.rowNumber)}
                </RowLink>
              ) : (
                <Caption1 className={styles.similarity} title={source.kind === "guidebook" ? `${source.sourceName} ${source.url}` : undefined}>
                  {source.kind === "guidebook" ? t.sentenceFromGuidebook(source.itemId) : t.sentenceFromCase}
                </Caption1>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * Where the masked parts are in the text the editor sees. The engine's offsets hold for the suggested
 * text; once the editor has changed it, the placeholders are found again by their text, in order.
 */
export function maskedRanges(text: string, suggestedText: string, masked: MaskedItem[]): { start: number; end: number }[] {
  const sorted = [...masked].sort((a, b) => a.start - b.start);
  if (text === suggestedText) return sorted.filter((item) => item.end <= text.length);
  const ranges: { start: number; end: number }[] = [];
  let from = 0;
  for (const item of sorted) {
    if (!item.replacement) continue;
    const start = text.indexOf(item.replacement, from);
    if (start < 0) continue;
    ranges.push({ start, end: start + item.replacement.length });
    from = start + item.replacement.length;
  }
  return ranges;
}

function HighlightedText({ text, marks, className, markClass }: { text: string; marks: { start: number; end: number }[]; className: string; markClass: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const item of marks) {
    if (item.start < at) continue;
    if (item.start > at) parts.push(text.slice(at, item.start));
    parts.push(
      <mark key={item.start} className={markClass}>
        {text.slice(item.start, item.end)}
      </mark>,
    );
    at = item.end;
  }
  parts.push(text.slice(at));
  return (
    <div className={className} aria-hidden="true">
      {parts}
    </div>
  );
}
