/**
 * "Next row to fill": the ribbon command and the pane move the editor through the case rows whose
 * FAQ columns are not all filled. Pure functions over the engine's table model, so they are tested
 * without Excel.
 */
import { FAQ_ROLES, isFaqComplete, type CaseRow, type CaseTable, type ColumnMap } from "../engine";

/**
 * The first incomplete case row below `currentRow`, wrapping round to the top; the current row
 * itself comes last, so a lone incomplete row is still found. Rows in `skipRows` (hidden or
 * filtered out) are passed over: selecting a row the editor cannot see helps no one.
 * Returns undefined when every row is complete or the sheet has no FAQ column at all.
 */
export function findNextIncompleteRow(
  table: CaseTable,
  currentRow: number,
  skipRows: ReadonlySet<number> = new Set(),
): CaseRow | undefined {
  if (!FAQ_ROLES.some((role) => table.columns[role] !== undefined)) return undefined;
  const candidates = table.rows.filter((row) => !skipRows.has(row.rowNumber) && !isFaqComplete(row, table.columns));
  return (
    candidates.find((row) => row.rowNumber > currentRow) ??
    candidates.find((row) => row.rowNumber < currentRow) ??
    candidates.find((row) => row.rowNumber === currentRow)
  );
}

/** Sheet column of the row's leftmost empty FAQ cell (where the editor would start typing). */
export function firstEmptyFaqColumn(row: CaseRow, columns: ColumnMap): number | undefined {
  const empty = FAQ_ROLES.flatMap((role) => {
    const column = columns[role];
    return column !== undefined && (row.cells[role] ?? "").trim() === "" ? [column] : [];
  });
  return empty.length > 0 ? Math.min(...empty) : undefined;
}
