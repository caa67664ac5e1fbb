/**
 * Writes test/fixtures/two-years.xlsx (sheets 2024年度 and 2025年度) from test/fixtures/two-years.ts:
 *
 *   npm run fixtures:two-years
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { twoYears } from "../test/fixtures/two-years";

/** Fixed document dates keep the committed file stable when it is rebuilt. */
const DOCUMENT_DATE = new Date("2025-01-01T00:00:00Z");

async function main(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = DOCUMENT_DATE;
  workbook.modified = DOCUMENT_DATE;
  for (const { name, rows } of twoYears()) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((cell) => (cell === "" ? null : cell)));
  }
  await workbook.xlsx.writeFile(path.resolve(__dirname, "..", "test", "fixtures", "two-years.xlsx"));
}

void main();
