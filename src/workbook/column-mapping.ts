/**
 * The column mapping an editor chose for a sheet whose header could not be recognised. It is kept in
 * the workbook's own settings, one key per sheet, so it travels with the file, two sheets can be
 * mapped differently, and the pane and the ribbon command agree.
 */
import type { ColumnMap, ColumnRole } from "../engine/types";
import type { WorkbookPort } from "./port";

/** The one workbook-wide key earlier versions used; still read (for any sheet) until it is cleared. */
export const LEGACY_COLUMN_MAPPING_SETTING = "columnMapping";

export function columnMappingKey(sheetName: string): string {
  return `columnMapping:${sheetName}`;
}

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

export async function loadColumnMapping(port: WorkbookPort, sheetName: string): Promise<ColumnMap | undefined> {
  return (
    parseColumnMapping(await port.loadSetting(columnMappingKey(sheetName))) ??
    parseColumnMapping(await port.loadSetting(LEGACY_COLUMN_MAPPING_SETTING))
  );
}

/** Saves a sheet's mapping, or forgets it when `mapping` is undefined (the setting is removed, not blanked). */
export async function saveColumnMapping(port: WorkbookPort, sheetName: string, mapping: ColumnMap | undefined): Promise<void> {
  if (mapping) {
    await port.saveSetting(columnMappingKey(sheetName), JSON.stringify(mapping));
    return;
  }
  await port.removeSetting(columnMappingKey(sheetName));
  if ((await port.loadSetting(LEGACY_COLUMN_MAPPING_SETTING)) !== undefined) await port.removeSetting(LEGACY_COLUMN_MAPPING_SETTING);
}
