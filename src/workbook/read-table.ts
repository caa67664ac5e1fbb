/**
 * Read the active sheet's case table through the port: bounded to the table (found with the engine's
 * header recognition or the sheet's saved column mapping), then recognised by the engine. Shared by
 * the task pane and the ribbon command, so both see the same table.
 */
import { readCaseTable, type ColumnMap, type TableResult } from "../engine";
import { locateCaseTable } from "./bounded-read";
import { loadColumnMapping } from "./column-mapping";
import type { ReadOptions, ReadProgress, SheetSnapshot, WorkbookPort } from "./port";

export interface ReadTable {
  snapshot: SheetSnapshot;
  /** The sheet's saved column mapping, when there is one. */
  mapping: ColumnMap | undefined;
  result: TableResult;
}

export async function readTable(port: WorkbookPort, onProgress?: (progress: ReadProgress) => void): Promise<ReadTable> {
  return readWith(port, (options) => port.readActiveSheet(options), onProgress);
}

/** A named sheet's case table, read the same bounded way with that sheet's own saved mapping. */
export function readSheetTable(port: WorkbookPort, sheetName: string, onProgress?: (progress: ReadProgress) => void): Promise<ReadTable> {
  return readWith(port, (options) => port.readSheet(sheetName, options), onProgress);
}

async function readWith(port: WorkbookPort, read: (options: ReadOptions) => Promise<SheetSnapshot>, onProgress?: (progress: ReadProgress) => void): Promise<ReadTable> {
  let mapping: ColumnMap | undefined;
  const snapshot = await read({
    onProgress,
    locate: async (top) => {
      mapping = await loadColumnMapping(port, top.sheetName);
      return locateCaseTable(top, mapping);
    },
  });
  // An empty sheet never reached the locator.
  if (snapshot.values.length === 0) mapping = await loadColumnMapping(port, snapshot.sheetName);
  return { snapshot, mapping, result: readCaseTable(snapshot, mapping) };
}
