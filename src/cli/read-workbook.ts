/** Reads a .xlsx or .csv file into sheet grids. Never writes to the file. */
import { promises as fs, type Stats } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { SheetGrid } from "../engine";
import type { XmlPart } from "../workbook/port";
import { checkXlsxArchive, XlsxArchiveError, type XlsxProblem } from "./xlsx-archive";
import { readCustomXmlParts, writeCustomXmlParts } from "./xlsx-custom-xml";
import { rootNamespace } from "../workbook/xml-parts";

export type ReadProblem =
  | { kind: "unsupportedType"; extension: string }
  | { kind: "unreadable"; reason: "noSuchFile" | "notAFile" | "permission" | "other"; code?: string }
  /** A UTF-8 file with a byte that is not UTF-8 (1-based line, 1-based byte offset in the file). */
  | { kind: "invalidUtf8"; line: number; offset: number; byte: number }
  | XlsxProblem;

export class WorkbookReadError extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.kind);
    this.name = "WorkbookReadError";
  }
}

/** Where bytes stop being UTF-8: the first invalid byte, and how many sequences were valid or not. */
interface Utf8Scan {
  /** Multi-byte sequences that are valid UTF-8 (ASCII bytes say nothing about the encoding). */
  valid: number;
  invalid: number;
  firstInvalid: number;
}

/** One pass over the bytes by the UTF-8 rules (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const c = bytes[i + k];
      ok = k === 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/**
 * The encoding of a CSV file's bytes:
 * - a byte-order mark says UTF-8, UTF-16LE or UTF-16BE (Excel's "Unicode text" is UTF-16LE with BOM);
 * - without one, NUL bytes mean UTF-16 (UTF-8 and Shift_JIS text never contain NUL): the side they
 *   fall on says the byte order, because CSV punctuation and digits are ASCII;
 * - otherwise UTF-8 when the bytes are valid UTF-8, else Shift_JIS/CP932, which is what Japanese
 *   Excel writes by default for "CSV" — unless the bytes are mostly valid UTF-8 with a few bad ones:
 *   Shift_JIS text forms a valid UTF-8 sequence only by accident (far fewer than its invalid ones),
 *   so that file is UTF-8 with a damaged byte, and reading it as Shift_JIS would turn every line
 *   into nonsense ("no header row found"). Its position is reported instead.
 */
export function detectCsvEncoding(bytes: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be" | "shift_jis"; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  let even = 0;
  let odd = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd > 0) return { encoding: odd >= even ? "utf-16le" : "utf-16be", bom: 0 };
  const scan = scanUtf8(bytes);
  if (scan.invalid === 0) return { encoding: "utf-8", bom: 0 };
  if (scan.valid >= 4 && scan.valid >= 4 * scan.invalid) throw invalidUtf8(bytes, scan.firstInvalid);
  return { encoding: "shift_jis", bom: 0 };
}

function invalidUtf8(bytes: Uint8Array, at: number): WorkbookReadError {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return new WorkbookReadError({ kind: "invalidUtf8", line, offset: at + 1, byte: bytes[at] });
}

export function decodeCsv(bytes: Uint8Array): string {
  const { encoding, bom } = detectCsvEncoding(bytes);
  if (encoding === "utf-8" && bom > 0) {
    // A byte-order mark says UTF-8 outright: a bad byte after it is damage, not another encoding.
    const scan = scanUtf8(bytes.subarray(bom));
    if (scan.invalid > 0) throw invalidUtf8(bytes, scan.firstInvalid + bom);
  }
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

export function parseCsv(text: string, sheetName: string): SheetGrid {
  // Papa detects the delimiter: "," for CSV, a tab for Excel's "Unicode text" saved as .csv.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const values = result.data.map((row) => row.map((cell) => (cell == null ? "" : String(cell))));
  // Papa keeps a trailing empty line as a row of one empty cell; it is not part of the sheet.
  while (values.length > 0 && values[values.length - 1].every((cell) => cell === "")) values.pop();
  return { sheetName, firstRow: 1, firstColumn: 1, values };
}

async function readBytes(file: string): Promise<Buffer> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw new WorkbookReadError(unreadable(error));
  }
  if (!stat.isFile()) throw new WorkbookReadError({ kind: "unreadable", reason: "notAFile" });
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new WorkbookReadError(unreadable(error));
  }
}

function unreadable(error: unknown): ReadProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "unreadable", reason: "noSuchFile" };
  if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "permission" };
  return { kind: "unreadable", reason: "other", code: code ?? "unknown" };
}

function cellText(cell: ExcelJS.Cell): string {
  // ExcelJS gives every cell a merged area covers its top-left cell's value; Excel shows them
  // blank (and reads them as blank), so three rows under one merged answer are not three answers.
  if (cell.isMerged && cell.master !== cell) return "";
  try {
    return cell.text ?? "";
  } catch {
    return cell.value == null ? "" : String(cell.value);
  }
}

/** Shared by every row without a value: an empty row costs one pointer, not a row of "" cells. */
const EMPTY_ROW: string[] = Object.freeze([]) as unknown as string[];

/**
 * The sheet's cells from its first to its last row with a value, starting at its first column with a
 * value (as Excel's values-only used range). Only the cells the file stores are visited, and each row
 * is only as long as its own last value (cells past it read as ""), so one stray value in XFD1048576
 * costs a million shared pointers and one row, never rows × columns.
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const cells: { row: number; column: number; text: string }[] = [];
  let firstRow = Infinity;
  let lastRow = 0;
  let firstColumn = Infinity;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      const text = cellText(cell);
      if (text === "") return;
      cells.push({ row: rowNumber, column, text });
      firstRow = Math.min(firstRow, rowNumber);
      lastRow = Math.max(lastRow, rowNumber);
      firstColumn = Math.min(firstColumn, column);
    });
  });
  if (cells.length === 0) return { sheetName: sheet.name, firstRow: 1, firstColumn: 1, values: [] };
  const values: string[][] = new Array<string[]>(lastRow - firstRow + 1).fill(EMPTY_ROW);
  for (const { row, column, text } of cells) {
    let line = values[row - firstRow];
    if (line === EMPTY_ROW) line = values[row - firstRow] = [];
    // Fill the gap before this cell so rows stay packed arrays (no holes).
    for (let c = line.length; c < column - firstColumn; c++) line.push("");
    line[column - firstColumn] = text;
  }
  return { sheetName: sheet.name, firstRow, firstColumn, values };
}

async function checkedArchive(bytes: Buffer): Promise<void> {
  try {
    await checkXlsxArchive(bytes);
  } catch (error) {
    if (error instanceof XlsxArchiveError) throw new WorkbookReadError(error.problem);
    throw error;
  }
}

async function readXlsx(bytes: Buffer): Promise<SheetGrid[]> {
  await checkedArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // The library's own words ("Corrupted zip ?", "Cannot read properties of undefined…") mean
    // nothing to a desk; what they mean is that this is not a workbook we can read.
    throw new WorkbookReadError({ kind: "notXlsx" });
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError({ kind: "notXlsx" });
  return workbook.worksheets.map(worksheetGrid);
}

/** All sheets of the file, in workbook order. A CSV file is one sheet named after the file. */
export async function readWorkbook(file: string): Promise<SheetGrid[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new WorkbookReadError({ kind: "unsupportedType", extension: ext });
  const bytes = await readBytes(file);
  if (ext === ".csv") return [parseCsv(decodeCsv(bytes), path.basename(file, path.extname(file)))];
  return readXlsx(bytes);
}

function requireXlsx(file: string): void {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".xlsx") throw new WorkbookReadError({ kind: "unsupportedType", extension: ext });
}

/** The custom XML parts of one namespace in an .xlsx file (a CSV file has none: refused as a type). */
export async function readXmlPartsOfFile(file: string, namespace: string): Promise<XmlPart[]> {
  requireXlsx(file);
  const bytes = await readBytes(file);
  await checkedArchive(bytes);
  try {
    return (await readCustomXmlParts(bytes)).filter((part) => rootNamespace(part.xml) === namespace);
  } catch {
    throw new WorkbookReadError({ kind: "notXlsx" });
  }
}

/**
 * Replaces the parts of one namespace in an .xlsx file, everything else kept. Written beside the file
 * and renamed over it, so an interrupted write never leaves half a workbook.
 */
export async function writeXmlPartsOfFile(file: string, namespace: string, xmls: string[]): Promise<void> {
  requireXlsx(file);
  const bytes = await readBytes(file);
  await checkedArchive(bytes);
  const updated = await writeCustomXmlParts(bytes, namespace, xmls);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, updated);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new WorkbookReadError(unreadable(error));
  }
}
