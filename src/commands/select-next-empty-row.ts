/**
 * The ribbon's "次の未入力行へ" button without the pane: read the active sheet's case table through
 * the port, select the next case row whose FAQ columns are not all filled.
 */
import { findNextIncompleteRow, firstEmptyFaqColumn } from "../workbook/next-incomplete-row";
import type { WorkbookPort } from "../workbook/port";
import { readTable } from "../workbook/read-table";

export type NextRowOutcome =
  | { kind: "selected"; row: number; column: number }
  | { kind: "allFilled" }
  | { kind: "noTable" };

export async function selectNextEmptyRow(port: WorkbookPort): Promise<NextRowOutcome> {
  const { snapshot, result } = await readTable(port);
  if (!result.ok) return { kind: "noTable" };
  const { table } = result;
  const selection = await port.getSelection();
  const current = selection.sheetName === table.sheetName ? selection.row : 0;
  const next = findNextIncompleteRow(table, current, new Set(snapshot.hiddenRows));
  if (!next) return { kind: "allFilled" };
  // Land on the first empty FAQ cell, where the editor starts typing.
  const column = firstEmptyFaqColumn(next, table.columns) ?? selection.column;
  await port.selectCell(table.sheetName, { row: next.rowNumber, column });
  return { kind: "selected", row: next.rowNumber, column };
}
