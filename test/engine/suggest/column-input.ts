/**
 * Builds what a column module is given (the case, its similar filled rows, the sheet's vocabulary, its situation) from a
 * few rows, the way SuggestionEngine does, so that each column's tests need only that column's module.
 */
import { taxonomyItem, type CaseRow, type ColumnMap } from "../../../src/engine";
import type { ColumnInput } from "../../../src/engine/suggest/column-input";
import { Neighbours } from "../../../src/engine/suggest/neighbours";
import { referenceKey } from "../../../src/engine/suggest/references";
import { readSituation } from "../../../src/engine/suggest/situation";
import { itemKey, SheetVocabulary } from "../../../src/engine/suggest/vocabulary";

export const COLUMNS: ColumnMap = { subject: 1, content: 2, category: 3, keywords: 4, countermeasures: 5, references: 6, answer: 7 };

export function columnInput(rows: CaseRow[], rowNumber: number, topItemId?: string, columns: ColumnMap = COLUMNS): ColumnInput {
  const neighbours = new Neighbours();
  const vocabulary = new SheetVocabulary({ keywords: itemKey, countermeasures: itemKey, references: referenceKey });
  for (const row of rows) neighbours.learn(row, 1, vocabulary.learn(row, 1), false);
  neighbours.refreshNorms();
  const row = rows.find((r) => r.rowNumber === rowNumber) as CaseRow;
  return {
    row,
    neighbours: neighbours.similarRows(row),
    vocabulary,
    columns,
    topItem: topItemId ? taxonomyItem(topItemId) : undefined,
    damp: 1,
    situation: readSituation([row.cells.subject, row.cells.content].filter(Boolean).join("\n")),
  };
}
