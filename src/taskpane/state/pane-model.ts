/**
 * Pure pane logic: which case a selection points at, the editor's draft of a row's FAQ values,
 * progress counts and the next unfilled row. No React, no Office: unit-testable and shared by the hook.
 */
import { formatList, isFaqComplete } from "../../engine";
import type { CaseRow, CaseTable, ColumnMap, FaqRole, RowSuggestions, SheetGrid, SourceRow } from "../../engine";
import { FAQ_ROLES } from "../../engine/types";
import type { FieldWrite } from "../../workbook/faq-writer";
import type { SelectionInfo } from "../../workbook/port";

export type ListRole = "keywords" | "countermeasures" | "references";
export type ChoiceRole = "category" | "classification";
export const LIST_ROLES: readonly ListRole[] = ["keywords", "countermeasures", "references"];

/** What the current selection points at, as the pane explains it. */
export type SelectionTarget =
  | { kind: "none" }
  | { kind: "otherSheet"; tableSheet: string }
  | { kind: "header" }
  | { kind: "emptyRow" }
  | { kind: "outside" }
  | { kind: "case"; rowNumber: number; multiRow: boolean };

export function resolveSelection(
  selection: SelectionInfo | null,
  table: CaseTable,
  caseRows: ReadonlyMap<number, CaseRow>,
  grid: SheetGrid,
): SelectionTarget {
  if (!selection) return { kind: "none" };
  if (selection.sheetName !== table.sheetName) return { kind: "otherSheet", tableSheet: table.sheetName };
  const first = selection.row;
  const last = selection.row + Math.max(1, selection.rowCount) - 1;
  // A selection over many rows (a whole column, say) must not scan a million rows.
  const scanLast = Math.min(last, Math.max(table.lastRow, first));
  for (let row = Math.max(first, table.headerRow + 1); row <= scanLast; row++) {
    if (caseRows.has(row)) return { kind: "case", rowNumber: row, multiRow: last > first };
  }
  if (first <= table.headerRow && table.headerRow <= last) return { kind: "header" };
  // Below the last case row the sheet was not read (stray cells are ignored): that is outside the table.
  if (first > table.headerRow && first <= table.lastRow && isBlankRow(grid, first)) return { kind: "emptyRow" };
  return { kind: "outside" };
}

function isBlankRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row - grid.firstRow];
  return !cells || cells.every((text) => text.trim() === "");
}

/** The FAQ columns this sheet has, in the sheet's order. */
export function faqColumnsOf(columns: ColumnMap): { role: FaqRole; column: number }[] {
  return FAQ_ROLES.flatMap((role) => (columns[role] ? [{ role, column: columns[role] as number }] : [])).sort(
    (a, b) => a.column - b.column,
  );
}

export interface Progress {
  filled: number;
  total: number;
}

export function countFilled(rows: Iterable<CaseRow>, columns: ColumnMap): Progress {
  let filled = 0;
  let total = 0;
  for (const row of rows) {
    total++;
    if (isFaqComplete(row, columns)) filled++;
  }
  return { filled, total };
}

/** The editor's working copy of a row's FAQ values. Lists stay lists until they are written. */
export interface Draft {
  category: string;
  classification: string;
  keywords: string[];
  countermeasures: string[];
  references: string[];
  answer: string;
}

export function draftFromSuggestions(suggestions: RowSuggestions): Draft {
  return {
    category: suggestions.category[0]?.value ?? "",
    classification: suggestions.classification[0]?.value ?? "",
    keywords: [...suggestions.keywords.values],
    countermeasures: [...suggestions.countermeasures.values],
    references: [...suggestions.references.values],
    answer: suggestions.answer.text,
  };
}

/** The cell text a draft field becomes, joined with the separator the sheet already uses. */
export function draftCellText(draft: Draft, role: FaqRole, suggestions: RowSuggestions): string {
  switch (role) {
    case "category":
    case "classification":
    case "answer":
      return draft[role];
    case "keywords":
    case "countermeasures":
    case "references":
      return formatList(draft[role], suggestions[role].separator);
  }
}

/**
 * The writes for the chosen fields. With `onlyEmpty` (すべて適用) cells that were filled when the
 * suggestions were shown are left alone; fields whose draft is empty are never written.
 */
export function writesFor(
  roles: readonly FaqRole[],
  draft: Draft,
  suggestions: RowSuggestions,
  columns: ColumnMap,
  shownValues: Record<number, string>,
  onlyEmpty: boolean,
): FieldWrite[] {
  const writes: FieldWrite[] = [];
  for (const { role, column } of faqColumnsOf(columns)) {
    if (!roles.includes(role)) continue;
    if (onlyEmpty && (shownValues[column] ?? "").trim() !== "") continue;
    const value = draftCellText(draft, role, suggestions);
    if (value.trim() === "") continue;
    writes.push({ role, column, value });
  }
  return writes;
}

/** A copy of the case row with the written cell values, for the engine and the counters. */
export function rowWithValues(row: CaseRow, values: { role: FaqRole; value: string }[]): CaseRow {
  const cells = { ...row.cells };
  for (const { role, value } of values) cells[role] = value.trim();
  return { rowNumber: row.rowNumber, cells };
}

export type DraftAction =
  | { type: "reset"; draft: Draft | null }
  | { type: "setText"; role: ChoiceRole | "answer"; value: string }
  | { type: "addItem"; role: ListRole; value: string }
  | { type: "removeItem"; role: ListRole; index: number }
  | { type: "replaceItem"; role: ListRole; index: number; value: string }
  | { type: "setItems"; role: ListRole; values: string[] };

export function draftReducer(draft: Draft | null, action: DraftAction): Draft | null {
  if (action.type === "reset") return action.draft;
  if (!draft) return draft;
  switch (action.type) {
    case "setText":
      // Unchanged text keeps the same draft, so nothing re-renders for it.
      return draft[action.role] === action.value ? draft : { ...draft, [action.role]: action.value };
    case "addItem": {
      const value = action.value.trim();
      if (!value || draft[action.role].includes(value)) return draft;
      return { ...draft, [action.role]: [...draft[action.role], value] };
    }
    case "removeItem":
      return { ...draft, [action.role]: draft[action.role].filter((_, index) => index !== action.index) };
    case "replaceItem": {
      const value = action.value.trim();
      const items = draft[action.role];
      if (action.index < 0 || action.index >= items.length) return draft;
      // Emptied, or made a copy of another chip: the chip goes, as it would on removal.
      if (!value || items.some((item, index) => item === value && index !== action.index)) return { ...draft, [action.role]: items.filter((_, index) => index !== action.index) };
      return { ...draft, [action.role]: items.map((item, index) => (index === action.index ? value : item)) };
    }
    case "setItems":
      return { ...draft, [action.role]: action.values.map((v) => v.trim()).filter(Boolean) };
  }
}

/** Short labels for the column-mapping form: each column's first texts in the first non-empty rows. */
export function columnSamples(grid: SheetGrid, rowsToLook = 5, maxLength = 24): { column: number; text: string }[] {
  const width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  const nonEmptyRows = grid.values.filter((row) => row.some((text) => text.trim() !== "")).slice(0, rowsToLook);
  const samples: { column: number; text: string }[] = [];
  for (let index = 0; index < width; index++) {
    const text = nonEmptyRows.map((row) => (row[index] ?? "").trim()).find((t) => t !== "") ?? "";
    const oneLine = text.replace(/\s+/g, " ");
    samples.push({
      column: grid.firstColumn + index,
      text: oneLine.length > maxLength ? `${oneLine.slice(0, maxLength)}…` : oneLine,
    });
  }
  return samples;
}

/**
 * Below this similarity a row says nothing about the case (the sample's unrelated rows score 3–10 %),
 * and listing it beside a confident guidebook suggestion only misleads.
 */
export const MIN_SHOWN_SIMILARITY = 0.15;

/** The rows a card shows as its evidence: similar enough to be worth reading, most similar first. */
export function shownSources(sources: readonly SourceRow[], limit = 5): SourceRow[] {
  return sources
    .filter((source) => source.similarity >= MIN_SHOWN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.rowNumber - b.rowNumber)
    .slice(0, limit);
}
