/**
 * What main.ts hands the FAQ commands (search, check, export): output streams, language, the shared
 * table loader and a way to raise a user-facing problem — so these commands live in their own files
 * and main.ts only dispatches to them.
 */
import { parseArgs, type ParseArgsConfig } from "util";
import type { CaseTable, ColumnRole, SheetGrid } from "../../engine";
import { sheetRowOf, type CasePool } from "../../engine";
import type { Morphology } from "../../engine/text/morphology";
import type { XmlPart } from "../../workbook/port";
import type { Lang, MessageKey } from "../messages";

export { columnLetter } from "../../workbook/port";

export interface CommandContext {
  io: { stdout: (text: string) => void; stderr: (text: string) => void };
  lang: Lang;
  /** `sheet` "all": every case sheet pooled (`pool` set; row numbers pooled, see `rowRef`). */
  loadTable: (file: string, sheet: string | undefined) => Promise<{ table: CaseTable; grid: SheetGrid; pool?: CasePool }>;
  /** The custom XML parts of a namespace in an .xlsx file, and replacing them (the acceptance log). */
  readParts: (file: string, namespace: string) => Promise<XmlPart[]>;
  writeParts: (file: string, namespace: string, xmls: string[]) => Promise<void>;
  /** kuromoji when its dictionary loads (names the masking should know), else tiny-segmenter. */
  morphology: () => Promise<Morphology>;
  /** A problem the user can fix: shown as one stderr line; exit code 1 (bad input) or 2 (bad usage). */
  problem: (key: MessageKey, args?: Record<string, string | number>, exitCode?: number) => Error;
}

export type Command = (args: string[], context: CommandContext) => Promise<number>;

/** Exit code of `check` when it found problems (1 and 2 mean bad input and bad usage). */
export const PROBLEMS_FOUND = 3;

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every FAQ command takes: the workbook (required) and its sheet. */
const WORKBOOK_OPTIONS = {
  workbook: { type: "string", short: "w" },
  sheet: { type: "string", short: "s" },
} as const satisfies Options;

/** Strict option parsing of `--workbook`, `--sheet` and the command's own `options`; `--workbook` is required. */
export function parseOptions<T extends Options>(args: string[], options: T, context: CommandContext) {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof WORKBOOK_OPTIONS & T; strict: true; allowPositionals: false }>>["values"];
  try {
    values = parseArgs({ args, options: { ...WORKBOOK_OPTIONS, ...options }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw context.problem("badArguments", { detail: (error as Error).message }, 2);
  }
  const workbook = (values as { workbook?: string }).workbook;
  if (!workbook) throw context.problem("missingWorkbook", {}, 2);
  return { ...values, workbook };
}

/** A row as printed: its number, or "SHEET!ROW" when every sheet is pooled. */
export function rowRef(loaded: { pool?: CasePool }, row: number): number | string {
  if (!loaded.pool) return row;
  const place = sheetRowOf(loaded.pool, row);
  return `${place.sheetName}!${place.row}`;
}

/** The column of a role on the row's own sheet (pooled sheets may place it differently). */
export function columnOfRow(loaded: { table: CaseTable; pool?: CasePool }, row: number, role: ColumnRole, fallback: number): number {
  if (!loaded.pool) return fallback;
  return loaded.pool.tables.get(sheetRowOf(loaded.pool, row).sheetName)?.columns[role] ?? fallback;
}
