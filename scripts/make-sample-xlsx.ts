/**
 * Builds the sample workbook a user opens in Excel to try the add-in, from the sample CSV.
 *
 *   npx tsx scripts/make-sample-xlsx.ts [input.csv] [output.xlsx]
 *   (npm run sample:xlsx)
 *
 * The CSV is the source of truth (reviewable in diffs); the .xlsx is derived and committed so
 * that nobody needs Node to try the add-in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_INPUT = path.join(ROOT, "samples", "consultations-sample.csv");
const DEFAULT_OUTPUT = path.join(ROOT, "samples", "consultations-sample.xlsx");
const SHEET_NAME = "相談受付";
const COLUMN_COUNT = 15;

/** Widths in Excel character units for columns A–O: narrow spacers, wide free-text columns. */
const COLUMN_WIDTHS = [4, 9, 9, 24, 3, 32, 60, 24, 60, 26, 30, 30, 34, 60, 44];
/** FAQ columns (D, K–O) get their own header colour so editors see which columns they fill. */
const FAQ_COLUMNS = new Set([4, 11, 12, 13, 14, 15]);
const HEADER_FILL = "FFDDEBF7";
const FAQ_HEADER_FILL = "FFFFF2CC";
const LINE_HEIGHT_POINTS = 15;
/** Long e-mail replies would make rows taller than the screen; Excel users can expand a row by hand. */
const MAX_ROW_HEIGHT_POINTS = 165;
/** Fixed document dates keep the committed file stable when it is rebuilt from an unchanged CSV. */
const DOCUMENT_DATE = new Date("2025-01-01T00:00:00Z");

export function readCsvRows(text: string): string[][] {
  const withoutBom = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(withoutBom, { skipEmptyLines: false });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`CSV を読めません（${first.row ?? "?"} 行目付近: ${first.message}） / Cannot parse CSV`);
  }
  const rows = parsed.data;
  // A final line break yields one empty record that is not part of the sheet.
  if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  rows.forEach((row, index) => {
    if (row.length !== COLUMN_COUNT) {
      throw new Error(`${index + 1} 行目の列数が ${row.length} です（${COLUMN_COUNT} 列のはず） / Row ${index + 1} has ${row.length} columns`);
    }
  });
  return rows;
}

/** Display width: full-width characters take two cells, as in Excel's column width unit. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2;
  return width;
}

function estimatedRowHeight(row: string[]): number | undefined {
  let lines = 1;
  row.forEach((value, index) => {
    if (!value) return;
    const usable = Math.max(COLUMN_WIDTHS[index] - 1, 1);
    const wrapped = value.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, wrapped);
  });
  return lines > 1 ? Math.min(lines * LINE_HEIGHT_POINTS, MAX_ROW_HEIGHT_POINTS) : undefined;
}

export function buildWorkbook(rows: string[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "faq-assist";
  workbook.created = DOCUMENT_DATE;
  workbook.modified = DOCUMENT_DATE;
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });

  sheet.columns = COLUMN_WIDTHS.map((width) => ({
    width,
    // Text format everywhere: case numbers and IDs must stay as typed, and cells the editors add later stay text too.
    style: { numFmt: "@", alignment: { wrapText: true, vertical: "top" } },
  }));

  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 1);
    values.forEach((value, columnIndex) => {
      if (value !== "") row.getCell(columnIndex + 1).value = value;
    });
    if (index > 0) {
      const height = estimatedRowHeight(values);
      if (height !== undefined) row.height = height;
    }
  });

  const header = sheet.getRow(1);
  for (let column = 1; column <= COLUMN_COUNT; column++) {
    const cell = header.getCell(column);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FAQ_COLUMNS.has(column) ? FAQ_HEADER_FILL : HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.border = { bottom: { style: "thin" } };
  }
  header.height = 48;
  return workbook;
}

async function main(): Promise<void> {
  const [input = DEFAULT_INPUT, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  const rows = readCsvRows(readFileSync(input, "utf8"));
  await buildWorkbook(rows).xlsx.writeFile(output);
  console.log(`${path.relative(process.cwd(), output)}: ${rows.length} 行 / rows, シート「${SHEET_NAME}」`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
