/**
 * The published FAQ's optional copy in a sheet named FAQ, next to the case sheet.
 *
 * A user may have a sheet of their own called FAQ; it must never be replaced. So the add-in records,
 * in the workbook's settings (they travel with the file), the id of the sheet it wrote — Excel keeps
 * a worksheet's id when the sheet is renamed or moved. A sheet of that name is replaced only when its
 * id is the recorded one, and only after the editor confirmed; any other sheet of that name is left
 * alone and the copy goes to "FAQ (2)", "FAQ (3)"… instead. The case sheet is never written.
 * Should a host not keep ids across sessions, the add-in's old sheet merely looks like a user's own
 * and is kept: the failure is on the safe side.
 */
import { EXCEL_CELL_CHAR_LIMIT, WorkbookError, type WorkbookPort, type WriteProgress } from "./port";

export const FAQ_SHEET_SETTING = "faqSheet";
export const FAQ_SHEET_NAME = "FAQ";
/** "FAQ", "FAQ (2)" … "FAQ (9)": enough for the users' own sheets of that name. */
const MAX_CANDIDATES = 9;

export interface OwnedSheet {
  id: string;
  name: string;
}

export type FaqSheetOutcome =
  | {
      kind: "written";
      sheetName: string;
      /** Rows written, header included. */
      rows: number;
      /** An earlier copy made by the add-in was replaced. */
      replaced: boolean;
      /** Sheets with the wanted name that are not the add-in's (kept as they are). */
      skipped: string[];
    }
  /** The add-in's earlier copy is there: replace it only after the editor says so. */
  | { kind: "needsConfirmation"; sheetName: string }
  | { kind: "tooLong"; row: number; length: number; limit: number }
  | { kind: "noName"; tried: string[] }
  | { kind: "failed"; message: string; code?: string };

export function parseOwnedSheet(json: string | undefined): OwnedSheet | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<OwnedSheet> | null;
    return value && typeof value.id === "string" && value.id !== "" && typeof value.name === "string" ? { id: value.id, name: value.name } : undefined;
  } catch {
    return undefined;
  }
}

function candidates(base: string): string[] {
  return Array.from({ length: MAX_CANDIDATES }, (_, i) => (i === 0 ? base : `${base} (${i + 1})`));
}

export interface FaqSheetRequest {
  values: string[][];
  /** The case sheet: never written, whatever its name. */
  caseSheetName: string;
  /** The editor confirmed replacing the add-in's earlier copy named so (from a `needsConfirmation`). */
  confirmedReplace?: string;
  baseName?: string;
  onProgress?(progress: WriteProgress): void;
}

/** Writes the FAQ table into the add-in's own sheet; see the module comment for the rules. */
export async function publishFaqSheet(port: WorkbookPort, request: FaqSheetRequest): Promise<FaqSheetOutcome> {
  for (let r = 0; r < request.values.length; r++) {
    const long = request.values[r].find((value) => value.length > EXCEL_CELL_CHAR_LIMIT);
    if (long !== undefined) return { kind: "tooLong", row: r + 1, length: long.length, limit: EXCEL_CELL_CHAR_LIMIT };
  }
  try {
    const owned = parseOwnedSheet(await port.loadSetting(FAQ_SHEET_SETTING));
    const skipped: string[] = [];
    const tried = candidates(request.baseName ?? FAQ_SHEET_NAME);
    for (const name of tried) {
      if (name.toLowerCase() === request.caseSheetName.toLowerCase()) {
        skipped.push(name);
        continue;
      }
      const replaceId = owned && request.confirmedReplace === name ? owned.id : undefined;
      const result = await port.writeFaqSheet(name, request.values, { replaceId, onProgress: request.onProgress });
      if (result.written) {
        await port.saveSetting(FAQ_SHEET_SETTING, JSON.stringify({ id: result.sheetId, name: result.sheetName } satisfies OwnedSheet));
        return { kind: "written", sheetName: result.sheetName, rows: result.rows, replaced: result.replaced, skipped };
      }
      if (owned && result.existingId === owned.id) return { kind: "needsConfirmation", sheetName: name };
      skipped.push(name);
    }
    return { kind: "noName", tried };
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: "failed", message: error.message, code: error.code };
    return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
