/**
 * The ribbon's "次の未入力行へ" button without the pane: read the active sheet through the port, find
 * the consultation table, select the next case row whose FAQ columns are not all filled.
 */
import { readCaseTable, type ColumnMap } from "../engine";
import { findNextIncompleteRow, firstEmptyFaqColumn } from "../workbook/next-incomplete-row";
import type { WorkbookPort } from "../workbook/port";

/** Same key and JSON shape as the pane's saved column mapping (src/taskpane/state/usePane.ts). */
export const COLUMN_MAPPING_SETTING = "columnMapping";

export type NextRowOutcome =
  | { kind: "selected"; row: number; column: number }
  | { kind: "allFilled" }
  | { kind: "noTable" };

function savedMapping(json: string | undefined): ColumnMap | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return undefined;
    const map: ColumnMap = {};
    for (const [role, column] of Object.entries(value as Record<string, unknown>)) {
      if (typeof column === "number" && Number.isInteger(column) && column > 0) map[role as keyof ColumnMap] = column;
    }
    return Object.keys(map).length > 0 ? map : undefined;
  } catch {
    return undefined;
  }
}

export async function selectNextEmptyRow(port: WorkbookPort): Promise<NextRowOutcome> {
  const snapshot = await port.readActiveSheet();
  const result = readCaseTable(snapshot, savedMapping(await port.loadSetting(COLUMN_MAPPING_SETTING)));
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
