/**
 * The column mapping an editor chose for a sheet whose header could not be recognised. It is kept in
 * the workbook's own settings, so it travels with the file and the pane and the ribbon command agree.
 */
import type { ColumnMap, ColumnRole } from "../engine/types";
import type { WorkbookPort } from "./port";

export const COLUMN_MAPPING_SETTING = "columnMapping";

/** A mapping read back from settings; anything malformed counts as no mapping rather than an error. */
export function parseColumnMapping(json: string | undefined): ColumnMap | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return undefined;
    const map: ColumnMap = {};
    for (const [role, column] of Object.entries(value as Record<string, unknown>)) {
      if (typeof column === "number" && Number.isInteger(column) && column > 0) map[role as ColumnRole] = column;
    }
    return Object.keys(map).length > 0 ? map : undefined;
  } catch {
    return undefined;
  }
}

export async function loadColumnMapping(port: WorkbookPort): Promise<ColumnMap | undefined> {
  return parseColumnMapping(await port.loadSetting(COLUMN_MAPPING_SETTING));
}

/** Saves a mapping, or forgets it when `mapping` is undefined. */
export function saveColumnMapping(port: WorkbookPort, mapping: ColumnMap | undefined): Promise<void> {
  return port.saveSetting(COLUMN_MAPPING_SETTING, mapping ? JSON.stringify(mapping) : "");
}
