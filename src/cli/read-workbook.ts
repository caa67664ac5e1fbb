/** Reads a .xlsx or .csv file into sheet grids. Never writes to the file. */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { SheetGrid } from "../engine";

export class WorkbookReadError extends Error {
  constructor(
    readonly kind: "unreadable" | "unsupportedType",
    readonly reason: string,
  ) {
    super(reason);
    this.name = "WorkbookReadError";
  }
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Shift_JIS/CP932, which is
 * what Japanese Excel writes by default for "CSV".
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

export function parseCsv(text: string, sheetName: string): SheetGrid {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const values = result.data.map((row) => row.map((cell) => (cell == null ? "" : String(cell))));
  // Papa keeps a trailing empty line as a row of one empty cell; it is not part of the sheet.
  while (values.length > 0 && values[values.length - 1].every((cell) => cell === "")) values.pop();
  return { sheetName, firstRow: 1, firstColumn: 1, values };
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new WorkbookReadError("unreadable", "not a file");
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookReadError("unreadable", code === "ENOENT" ? "no such file" : code ?? String(error));
  }
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return cell.value == null ? "" : String(cell.value);
  }
}

function worksheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const values: string[][] = [];
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const line: string[] = new Array(columnCount).fill("");
    if (row.hasValues) {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= columnCount) line[column - 1] = cellText(cell);
      });
    }
    values.push(line);
  }
  return { sheetName: sheet.name, firstRow: 1, firstColumn: 1, values };
}

/** All sheets of the file, in workbook order. A CSV file is one sheet named after the file. */
export async function readWorkbook(file: string): Promise<SheetGrid[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new WorkbookReadError("unsupportedType", ext || "no extension");
  const bytes = await readBytes(file);
  if (ext === ".csv") {
    return [parseCsv(decodeCsv(bytes), path.basename(file, path.extname(file)))];
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError("unreadable", `not a valid .xlsx: ${(error as Error).message.split("\n")[0]}`);
  }
  return workbook.worksheets.map(worksheetGrid);
}
