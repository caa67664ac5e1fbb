/**
 * 過去の相談を検索: the search box at the top of the pane (a combobox: ↑↓ move through the results,
 * Enter selects that row in the sheet, Esc clears) and the results, best first.
 */
import { useEffect, useRef } from "react";
import type { KeyboardEvent } from "react";
import { Badge, Caption1, Field, ProgressBar, SearchBox, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SearchResult } from "../../engine";
import type { Messages } from "../i18n";
import type { PaneActions, SearchState } from "../state/pane-controller";
import { SEARCH_TEXT_LIMIT } from "../state/search-view";
import { percent } from "./SuggestionCard";

export const SEARCH_LISTBOX_ID = "faq-search-results";
const optionId = (index: number) => `faq-search-result-${index}`;

const useStyles = makeStyles({
  box: { width: "100%", maxWidth: "100%" },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "grid",
    gap: tokens.spacingVerticalXS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  option: {
    display: "grid",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    minWidth: 0,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    "@media (forced-colors: active)": { outline: "2px solid Highlight" },
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  subject: { overflowWrap: "anywhere" },
  answer: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis", display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical" },
  category: { maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", justifySelf: "start" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The search box at the top of the pane. Typing opens the search view; the keys drive the results. */
export function SearchField({ t, state, actions, expanded }: { t: Messages; state: SearchState; actions: PaneActions; expanded: boolean }) {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that confirm an IME conversion are the IME's, not ours.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        actions.search.move(1);
        return;
      case "ArrowUp":
        event.preventDefault();
        actions.search.move(-1);
        return;
      case "Enter":
        if (state.results.length === 0) return;
        event.preventDefault();
        actions.search.choose();
        return;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        actions.search.clear();
        return;
    }
  };
  const active = expanded && state.active >= 0 ? optionId(state.active) : undefined;
  return (
    <SearchBox
      className={styles.box}
      size="small"
      value={state.query}
      placeholder={t.searchPlaceholder}
      aria-label={t.searchLabel}
      role="combobox"
      aria-autocomplete="list"
      aria-expanded={expanded && state.results.length > 0}
      aria-controls={SEARCH_LISTBOX_ID}
      aria-activedescendant={active}
      dismiss={{ "aria-label": t.searchClear }}
      onChange={(_, data) => actions.search.setQuery(data.value)}
      onKeyDown={onKeyDown}
      data-testid="search-box"
    />
  );
}

export function SearchPanel({ t, state, actions, categories }: { t: Messages; state: SearchState; actions: PaneActions; categories: string[] }) {
  const styles = useStyles();
  return (
    <section aria-label={t.searchLabel} style={{ display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 }}>
      <Field label={t.searchCategory} size="small">
        <Select size="small" value={state.category} onChange={(_, data) => actions.search.setCategory(data.value)} data-testid="search-category">
          <option value="">{t.searchAllCategories}</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </Select>
      </Field>
      {state.preparing && (
        <Field validationMessage={t.searchPreparing(state.preparing.done, state.preparing.total)} validationState="none">
          <ProgressBar value={state.preparing.total ? state.preparing.done / state.preparing.total : undefined} aria-label={t.searchPreparing(state.preparing.done, state.preparing.total)} />
        </Field>
      )}
      {state.truncated && (
        <Caption1 role="status" data-testid="search-truncated">
          {t.searchTruncated(SEARCH_TEXT_LIMIT)}
        </Caption1>
      )}
      {state.query.trim() === "" ? (
        <Caption1 className={styles.hint}>{t.searchHint}</Caption1>
      ) : state.searched && state.results.length === 0 ? (
        <Text role="status">{t.searchNoResults}</Text>
      ) : (
        state.searched && (
          <Caption1 role="status" data-testid="search-count">
            {t.searchCount(state.results.length)}
          </Caption1>
        )
      )}
      {/*
        The results are reachable both ways: ↑↓ from the search box (aria-activedescendant there), and
        by Tab — the list is one Tab stop that ↑↓ Home End move through and Enter opens.
      */}
      <ul
        id={SEARCH_LISTBOX_ID}
        role="listbox"
        aria-label={t.searchResultsLabel}
        className={styles.list}
        tabIndex={state.results.length > 0 ? 0 : undefined}
        aria-activedescendant={state.active >= 0 && state.results.length > 0 ? optionId(state.active) : undefined}
        onFocus={(event) => {
          if (event.target === event.currentTarget && state.active < 0) actions.search.move(1);
        }}
        onKeyDown={(event) => {
          const keys: Record<string, () => void> = {
            ArrowDown: () => actions.search.move(1),
            ArrowUp: () => actions.search.move(-1),
            Home: () => actions.search.move(-state.active),
            End: () => actions.search.move(state.results.length - 1 - state.active),
            Enter: () => actions.search.choose(),
            " ": () => actions.search.choose(),
          };
          const act = keys[event.key];
          if (!act || state.results.length === 0) return;
          event.preventDefault();
          act();
        }}
        data-testid="search-results"
        data-took-ms={state.tookMs === null ? undefined : state.tookMs.toFixed(1)}
      >
        {state.results.map((result, index) => (
          <ResultOption key={result.rowNumber} t={t} result={result} index={index} active={index === state.active} onChoose={() => actions.search.choose(index)} />
        ))}
      </ul>
    </section>
  );
}

function ResultOption({ t, result, index, active, onChoose }: { t: Messages; result: SearchResult; index: number; active: boolean; onChoose(): void }) {
  const styles = useStyles();
  const answer = result.answer || (result.reply ? t.searchReply(result.reply) : t.searchNoAnswer);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) item.current?.scrollIntoView?.({ block: "nearest" });
  }, [active]);
  return (
    <li
      ref={item}
      id={optionId(index)}
      role="option"
      aria-selected={active}
      className={mergeClasses(styles.option, active && styles.active)}
      onClick={onChoose}
      data-row={result.rowNumber}
      data-testid="search-result"
    >
      <span className={styles.meta}>
        <Caption1>{t.rowLabel(result.rowNumber)}</Caption1>
        {result.caseNumber && <Caption1>{`${t.caseNumber} ${result.caseNumber}`}</Caption1>}
        <Caption1>{t.similarity(percent(result.similarity))}</Caption1>
      </span>
      <Text weight="semibold" className={styles.subject}>
        {result.subject}
      </Text>
      <Badge appearance={result.category ? "tint" : "outline"} color={result.category ? "brand" : "informative"} className={styles.category} title={result.category}>
        {result.category || t.searchUncategorised}
      </Badge>
      <Caption1 className={styles.answer}>{answer}</Caption1>
    </li>
  );
}
