// Over 400 lines: argument parsing and every command's output format, one table of commands a reader scans at once.
/**
 * faq-assist command line: suggestions and evaluation over a .xlsx/.csv file, with the same engine
 * as the task pane. Reads the file only; output goes to stdout, problems to one stderr line.
 */
import { parseArgs } from "util";
import {
  EngineError,
  SuggestionEngine,
  evaluate,
  evaluateQuality,
  headerLookedFor,
  readCaseTable,
  type CaseTable,
  type SheetGrid,
  type TableProblem,
} from "../engine";
import { poolCaseTables, pooledRowOf, sheetRowOf, type CasePool } from "../engine";
import { tinySegmenterMorphology, type Morphology } from "../engine/text/morphology";
import { loadNodeMorphology } from "../engine/text/morphology-node";
import { FAQ_COMMANDS } from "./commands";
import { detectLang, message, UNREADABLE_REASONS, type Lang, type MessageKey } from "./messages";
import { readWorkbook, readXmlPartsOfFile, WorkbookReadError, writeXmlPartsOfFile, type ReadProblem } from "./read-workbook";
import { formatEvaluation, formatQuality, formatRow, toJson } from "./report";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** A problem the user can fix; shown as one line on stderr. */
class CliProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly args: Record<string, string | number> = {},
    readonly exitCode = 1,
  ) {
    super(key);
  }
}

function problemOfTable(problem: TableProblem, where: string): CliProblem {
  switch (problem.kind) {
    case "noHeader":
      return new CliProblem("noHeader", { where, lookedFor: problem.lookedFor.join(", ") });
    case "noContentColumn":
      return new CliProblem("noContent", { where, lookedFor: problem.lookedFor.join(", ") });
    case "empty":
      return new CliProblem("emptySheet", { where });
  }
}

/** Excel's last row: a row number beyond it is not a row of any sheet. */
export const MAX_EXCEL_ROW = 1_048_576;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function problemOfRead(problem: ReadProblem, file: string, lang: Lang): CliProblem {
  switch (problem.kind) {
    case "unsupportedType":
      return new CliProblem("unsupportedType", { file });
    case "unreadable":
      return new CliProblem("unreadable", {
        file,
        reason: problem.reason === "other" ? `${UNREADABLE_REASONS[lang].other}: ${problem.code}` : UNREADABLE_REASONS[lang][problem.reason],
      });
    case "notXlsx":
      return new CliProblem("notXlsx", { file });
    case "invalidUtf8":
      return new CliProblem("invalidUtf8", {
        file,
        line: problem.line,
        offset: problem.offset,
        byte: `0x${problem.byte.toString(16).toUpperCase().padStart(2, "0")}`,
      });
    case "legacyOrEncrypted":
      return new CliProblem("legacyOrEncrypted", { file });
    case "tooLarge":
      return new CliProblem("xlsxTooLarge", { file, size: megabytes(problem.expandedBytes), limit: megabytes(problem.limitBytes) });
    case "tooCompressed":
      return new CliProblem("xlsxTooCompressed", { file, part: problem.part, ratio: problem.ratio, limit: problem.limitRatio });
    case "tooManyParts":
      return new CliProblem("xlsxTooManyParts", { file, parts: problem.parts, limit: problem.limit });
  }
}

/** `--sheet all`: every sheet whose header is recognised, as one log. */
export const ALL_SHEETS = "all";

interface LoadedTable {
  table: CaseTable;
  /** The sheet from its first value down to the table's last case row (the first sheet's, for all sheets). */
  grid: SheetGrid;
  /** Values below the last case row (stray cells), which the table ignores. */
  ignoredBelow?: { count: number; address: string };
  /** Other sheets' stray cells, for `--sheet all`. */
  ignoredElsewhere?: { sheet: string; table: CaseTable; ignoredBelow: { count: number; address: string } }[];
  /** Set for `--sheet all`: the table's row numbers are pooled (`case-pool.ts`). */
  pool?: CasePool;
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Keeps the grid down to the table's last case row and counts what lies below it: a value far
 * below the table (Ctrl+End and a keystroke) makes the sheet look a million rows long.
 */
function caseTableExtent(grid: SheetGrid, table: CaseTable): LoadedTable {
  const keep = table.lastRow - grid.firstRow + 1;
  let count = 0;
  let address = "";
  for (let index = keep; index < grid.values.length; index++) {
    grid.values[index].forEach((cell, offset) => {
      if (!cell || cell.trim() === "") return;
      count++;
      address = `${columnLetters(grid.firstColumn + offset)}${grid.firstRow + index}`;
    });
  }
  return {
    table,
    grid: { ...grid, values: grid.values.slice(0, keep) },
    ignoredBelow: count > 0 ? { count, address } : undefined,
  };
}

async function loadTable(file: string, sheetName: string | undefined, lang: Lang): Promise<LoadedTable> {
  let grids: SheetGrid[];
  try {
    grids = await readWorkbook(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw problemOfRead(error.problem, file, lang);
    // Whatever a library threw, its words are not for the user.
    throw new CliProblem("unreadable", { file, reason: UNREADABLE_REASONS[lang].other });
  }
  if (sheetName === ALL_SHEETS && !grids.some((g) => g.sheetName === ALL_SHEETS)) return loadAllSheets(grids, file);
  if (sheetName !== undefined) {
    const grid = grids.find((g) => g.sheetName === sheetName);
    if (!grid) throw new CliProblem("unknownSheet", { sheet: sheetName, sheets: grids.map((g) => g.sheetName).join(", ") });
    const result = readCaseTable(grid);
    if (!result.ok) throw problemOfTable(result.problem, `${file} / ${grid.sheetName}`);
    return caseTableExtent(grid, result.table);
  }
  let first: TableProblem | undefined;
  for (const grid of grids) {
    const result = readCaseTable(grid);
    if (result.ok) return caseTableExtent(grid, result.table);
    if (!first || first.kind === "empty") first = result.problem;
  }
  throw problemOfTable(first ?? { kind: "noHeader", lookedFor: headerLookedFor() }, file);
}

function loadAllSheets(grids: SheetGrid[], file: string): LoadedTable {
  const loaded: LoadedTable[] = [];
  let first: TableProblem | undefined;
  for (const grid of grids) {
    const result = readCaseTable(grid);
    if (result.ok) loaded.push(caseTableExtent(grid, result.table));
    else if (!first || first.kind === "empty") first = result.problem;
  }
  if (loaded.length === 0) throw problemOfTable(first ?? { kind: "noHeader", lookedFor: headerLookedFor() }, file);
  const pool = poolCaseTables(loaded.map((l) => l.table));
  const ignoredElsewhere = loaded.flatMap((l) => (l.ignoredBelow ? [{ sheet: l.table.sheetName, table: l.table, ignoredBelow: l.ignoredBelow }] : []));
  return { table: pool.table, grid: loaded[0].grid, pool, ignoredElsewhere };
}

/** A row as the user reads it: "12", or "2024年度!12" when rows of every sheet are pooled. */
export function rowLabel(loaded: Pick<LoadedTable, "pool">, row: number): string {
  if (!loaded.pool) return String(row);
  const place = sheetRowOf(loaded.pool, row);
  return `${place.sheetName}!${place.row}`;
}

/**
 * A sheet row number as typed: ASCII or full-width digits (a Japanese IME gives "２５"), from 1 to
 * Excel's last row. "-3", "1e23", "2.5" and "abc" are refused with what is expected instead.
 */
export function parseRow(value: string): number {
  const digits = value.normalize("NFKC").trim();
  const row = /^\d{1,7}$/.test(digits) ? Number(digits) : NaN;
  if (!(row >= 1 && row <= MAX_EXCEL_ROW)) throw new CliProblem("badRowNumber", { value, max: MAX_EXCEL_ROW }, 2);
  return row;
}

/**
 * `--row -3` makes parseArgs call the value "ambiguous" (it looks like an option); passing it as
 * `--row=-3` lets the row check say what a row number is instead.
 */
function joinRowValue(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if ((args[i] === "--row" || args[i] === "-r") && next !== undefined && /^-(\d|$)/.test(next)) {
      joined.push(`--row=${next}`);
      i++;
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}

function noteIgnored(loaded: LoadedTable, io: CliIO, lang: Lang): void {
  for (const stray of loaded.ignoredElsewhere ?? []) {
    const args = { count: stray.ignoredBelow.count, address: `${stray.sheet}!${stray.ignoredBelow.address}`, last: stray.table.lastRow };
    io.stderr(`faq-assist: ${message(lang, "ignoredBelow", args)}\n`);
  }
  if (!loaded.ignoredBelow) return;
  const args = { count: loaded.ignoredBelow.count, address: loaded.ignoredBelow.address, last: loaded.table.lastRow };
  io.stderr(`faq-assist: ${message(lang, "ignoredBelow", args)}\n`);
}

/** kuromoji from the installed package (not copied into dist/cli); tiny-segmenter if it cannot load. */
function cliMorphology(): Promise<Morphology> {
  return loadNodeMorphology().catch(() => tinySegmenterMorphology);
}

/** `--row` with `--sheet all`: "SHEET!ROW" (the row of that sheet), as the suggestions name rows. */
function pooledRowArg(loaded: LoadedTable, value: string): number {
  const pool = loaded.pool as CasePool;
  const bang = value.lastIndexOf("!");
  const sheet = bang > 0 ? value.slice(0, bang) : "";
  const index = pool.sheets.indexOf(sheet);
  if (index < 0) throw new CliProblem("rowNeedsSheet", { value, sheets: pool.sheets.join(", ") }, 2);
  const row = parseRow(value.slice(bang + 1));
  const pooled = pooledRowOf(pool, sheet, row) as number;
  if (!loaded.table.rows.some((r) => r.rowNumber === pooled)) {
    const table = pool.tables.get(sheet) as CaseTable;
    throw new CliProblem("notACaseRow", { row: `${sheet}!${row}`, header: table.headerRow, first: table.rows[0]?.rowNumber ?? "-", last: table.lastRow });
  }
  return pooled;
}

async function suggestCommand(
  options: { workbook: string; sheet?: string; row?: string; all: boolean; json: boolean },
  io: CliIO,
  lang: Lang,
): Promise<number> {
  if ((options.row === undefined) === !options.all) throw new CliProblem("rowOrAll", {}, 2);
  const pooled = options.sheet === ALL_SHEETS;
  const requested = options.row !== undefined && !pooled ? parseRow(options.row) : undefined;
  const loaded = await loadTable(options.workbook, options.sheet, lang);
  const { table, grid } = loaded;
  if (table.rows.length === 0) throw new CliProblem("noCases", { where: `${options.workbook} / ${table.sheetName}` });
  const first = table.rows[0].rowNumber;
  const last = table.lastRow;

  let rowNumbers: number[];
  if (options.row !== undefined && loaded.pool) {
    rowNumbers = [pooledRowArg(loaded, options.row)];
  } else if (requested !== undefined) {
    const sheetLast = grid.firstRow + grid.values.length - 1;
    if (requested > sheetLast) {
      throw new CliProblem("rowOutOfRange", { row: requested, sheet: table.sheetName, header: table.headerRow, first, last });
    }
    if (!table.rows.some((r) => r.rowNumber === requested)) {
      throw new CliProblem("notACaseRow", { row: requested, header: table.headerRow, first, last });
    }
    rowNumbers = [requested];
  } else {
    const hasCategory = table.columns.category !== undefined;
    rowNumbers = table.rows.filter((r) => !hasCategory || !(r.cells.category ?? "").trim()).map((r) => r.rowNumber);
    if (rowNumbers.length === 0) throw new CliProblem("nothingToSuggest");
  }

  noteIgnored(loaded, io, lang);
  const engine = SuggestionEngine.build(table);
  engine.setMorphology(await cliMorphology());
  const subjects = new Map(table.rows.map((r) => [r.rowNumber, r.cells.subject || r.cells.content || ""]));
  const suggestions = rowNumbers.map((n) => engine.suggest(n));
  const label = (row: number) => rowLabel(loaded, row);
  if (options.json) {
    io.stdout(`${JSON.stringify(suggestions.map((s) => toJson(s, loaded.pool ? label : undefined)), null, 2)}\n`);
  } else {
    io.stdout(`${suggestions.map((s) => formatRow(s, subjects.get(s.rowNumber) ?? "", lang, label)).join("\n\n")}\n`);
  }
  return 0;
}

async function evaluateCommand(options: { workbook: string; sheet?: string; json: boolean }, io: CliIO, lang: Lang): Promise<number> {
  const loaded = await loadTable(options.workbook, options.sheet, lang);
  const { table } = loaded;
  if (table.rows.length === 0) throw new CliProblem("noCases", { where: `${options.workbook} / ${table.sheetName}` });
  noteIgnored(loaded, io, lang);
  const morphology = await cliMorphology();
  const results = [evaluate(table, { mode: "leaveOneOut", morphology }), evaluate(table, { mode: "taxonomyOnly", morphology })];
  const columns = evaluateQuality(table, { morphology });
  if (options.json) {
    const label = (row: number) => (loaded.pool ? rowLabel(loaded, row) : row);
    const withRows = results.map((r) => ({ ...r, misses: r.misses.map((m) => ({ ...m, row: label(m.row) })) }));
    const sheets = loaded.pool ? loaded.pool.sheets : [table.sheetName];
    io.stdout(`${JSON.stringify({ sheets, leaveOneOut: withRows[0], taxonomyOnly: withRows[1], columns }, null, 2)}\n`);
  } else {
    io.stdout(`${formatEvaluation(results, lang)}\n${formatQuality(columns, lang)}\n`);
  }
  return 0;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 bad input, 2 bad usage). */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const lang = detectLang(io.env);
  const fail = (problem: CliProblem): number => {
    io.stderr(`faq-assist: ${message(lang, problem.key, problem.args)}\n`);
    return problem.exitCode;
  };
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    (command ? io.stdout : io.stderr)(`${message(lang, "usage")}\n`);
    return command ? 0 : 2;
  }
  const faqCommand = FAQ_COMMANDS.get(command);
  if (faqCommand) {
    try {
      const load = async (file: string, sheet: string | undefined) => {
        const loaded = await loadTable(file, sheet, lang);
        noteIgnored(loaded, io, lang);
        return loaded;
      };
      const fileProblem = async <T>(file: string, work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          if (error instanceof WorkbookReadError) throw problemOfRead(error.problem, file, lang);
          throw error;
        }
      };
      return await faqCommand(rest, {
        io,
        lang,
        loadTable: load,
        readParts: (file, namespace) => fileProblem(file, () => readXmlPartsOfFile(file, namespace)),
        writeParts: (file, namespace, xmls) => fileProblem(file, () => writeXmlPartsOfFile(file, namespace, xmls)),
        morphology: cliMorphology,
        problem: (key, args, exitCode) => new CliProblem(key, args, exitCode),
      });
    } catch (error) {
      if (error instanceof CliProblem) return fail(error);
      throw error;
    }
  }
  if (command !== "suggest" && command !== "evaluate") return fail(new CliProblem("unknownCommand", { command }, 2));

  let values: { workbook?: string; sheet?: string; row?: string; all?: boolean; json?: boolean };
  try {
    values = parseArgs({
      args: joinRowValue(rest),
      options: {
        workbook: { type: "string", short: "w" },
        sheet: { type: "string", short: "s" },
        row: { type: "string", short: "r" },
        all: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(new CliProblem("badArguments", { detail: (error as Error).message }, 2));
  }
  if (command === "evaluate" && (values.row !== undefined || values.all)) {
    return fail(new CliProblem("badArguments", { detail: "--row/--all" }, 2));
  }
  if (!values.workbook) return fail(new CliProblem("missingWorkbook", {}, 2));

  try {
    if (command === "suggest") {
      return await suggestCommand(
        { workbook: values.workbook, sheet: values.sheet, row: values.row, all: !!values.all, json: !!values.json },
        io,
        lang,
      );
    }
    return await evaluateCommand({ workbook: values.workbook, sheet: values.sheet, json: !!values.json }, io, lang);
  } catch (error) {
    if (error instanceof CliProblem) return fail(error);
    if (error instanceof EngineError && error.code === "notACaseRow") {
      return fail(new CliProblem("notACaseRow", { row: error.rowNumber ?? "?", header: "?", first: "?", last: "?" }));
    }
    throw error;
  }
}

/**
 * Runs the CLI as a program: the exit code is set, and the process exits only once stdout and
 * stderr have drained. `process.exit()` right after a large write cuts a pipe at 64 KiB
 * (`check --json | jq` got half a JSON document): writes to a pipe are asynchronous.
 */
export async function runCli(argv: string[]): Promise<void> {
  let code: number;
  try {
    code = await main(argv);
  } catch (error) {
    const text = error instanceof Error && error.message ? error.message : String(error);
    process.stderr.write(`faq-assist: ${text}\n`);
    code = 1;
  }
  process.exitCode = code;
  const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Nothing else should keep the process alive; if a library left a handle open, leave anyway.
  process.exit(code);
}
