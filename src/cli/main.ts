/**
 * faq-assist command line: suggestions and evaluation over a .xlsx/.csv file, with the same engine
 * as the task pane. Reads the file only; output goes to stdout, problems to one stderr line.
 */
import { parseArgs } from "util";
import {
  EngineError,
  SuggestionEngine,
  evaluate,
  headerLookedFor,
  readCaseTable,
  type CaseTable,
  type SheetGrid,
  type TableProblem,
} from "../engine";
import { FAQ_COMMANDS } from "./commands";
import { detectLang, message, type Lang, type MessageKey } from "./messages";
import { readWorkbook, WorkbookReadError } from "./read-workbook";
import { formatEvaluation, formatRow, toJson } from "./report";

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

async function loadTable(file: string, sheetName: string | undefined): Promise<{ table: CaseTable; grid: SheetGrid }> {
  let grids: SheetGrid[];
  try {
    grids = await readWorkbook(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      throw error.kind === "unsupportedType"
        ? new CliProblem("unsupportedType", { file })
        : new CliProblem("unreadable", { file, reason: error.reason });
    }
    throw new CliProblem("unreadable", { file, reason: (error as Error).message });
  }
  if (sheetName !== undefined) {
    const grid = grids.find((g) => g.sheetName === sheetName);
    if (!grid) throw new CliProblem("unknownSheet", { sheet: sheetName, sheets: grids.map((g) => g.sheetName).join(", ") });
    const result = readCaseTable(grid);
    if (!result.ok) throw problemOfTable(result.problem, `${file} / ${grid.sheetName}`);
    return { table: result.table, grid };
  }
  let first: TableProblem | undefined;
  for (const grid of grids) {
    const result = readCaseTable(grid);
    if (result.ok) return { table: result.table, grid };
    if (!first || first.kind === "empty") first = result.problem;
  }
  throw problemOfTable(first ?? { kind: "noHeader", lookedFor: headerLookedFor() }, file);
}

function parseRow(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new CliProblem("badRowNumber", { value }, 2);
  return Number(value);
}

async function suggestCommand(
  options: { workbook: string; sheet?: string; row?: string; all: boolean; json: boolean },
  io: CliIO,
  lang: Lang,
): Promise<number> {
  if ((options.row === undefined) === !options.all) throw new CliProblem("rowOrAll", {}, 2);
  const requested = options.row !== undefined ? parseRow(options.row) : undefined;
  const { table, grid } = await loadTable(options.workbook, options.sheet);
  if (table.rows.length === 0) throw new CliProblem("noCases", { where: `${options.workbook} / ${table.sheetName}` });
  const first = table.rows[0].rowNumber;
  const last = table.lastRow;

  let rowNumbers: number[];
  if (requested !== undefined) {
    const sheetLast = grid.firstRow + grid.values.length - 1;
    if (requested > sheetLast) {
      throw new CliProblem("rowOutOfRange", { row: requested, sheet: table.sheetName, first: grid.firstRow, last: sheetLast });
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

  const engine = SuggestionEngine.build(table);
  const subjects = new Map(table.rows.map((r) => [r.rowNumber, r.cells.subject || r.cells.content || ""]));
  const suggestions = rowNumbers.map((n) => engine.suggest(n));
  if (options.json) {
    io.stdout(`${JSON.stringify(suggestions.map(toJson), null, 2)}\n`);
  } else {
    io.stdout(`${suggestions.map((s) => formatRow(s, subjects.get(s.rowNumber) ?? "", lang)).join("\n\n")}\n`);
  }
  return 0;
}

async function evaluateCommand(options: { workbook: string; sheet?: string; json: boolean }, io: CliIO, lang: Lang): Promise<number> {
  const { table } = await loadTable(options.workbook, options.sheet);
  if (table.rows.length === 0) throw new CliProblem("noCases", { where: `${options.workbook} / ${table.sheetName}` });
  const results = [evaluate(table, { mode: "leaveOneOut" }), evaluate(table, { mode: "taxonomyOnly" })];
  if (options.json) {
    io.stdout(`${JSON.stringify({ leaveOneOut: results[0], taxonomyOnly: results[1] }, null, 2)}\n`);
  } else {
    io.stdout(`${formatEvaluation(results, lang)}\n`);
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
      return await faqCommand(rest, { io, lang, loadTable, problem: (key, args, exitCode) => new CliProblem(key, args, exitCode) });
    } catch (error) {
      if (error instanceof CliProblem) return fail(error);
      throw error;
    }
  }
  if (command !== "suggest" && command !== "evaluate") return fail(new CliProblem("unknownCommand", { command }, 2));

  let values: { workbook?: string; sheet?: string; row?: string; all?: boolean; json?: boolean };
  try {
    values = parseArgs({
      args: rest,
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
