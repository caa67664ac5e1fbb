/**
 * Builds the CLI's binary and re-encoded test fixtures from test/fixtures/cli/small.csv, so each
 * one can be rebuilt and reviewed from its recipe:
 *
 *   npx tsx scripts/make-cli-fixtures.ts
 *
 * - stray-cell.xlsx: the small case table from A1, plus one stray value in XFD1048576 (the last
 *   cell of a sheet), as happens when someone presses Ctrl+End and types. The used range is then
 *   1,048,576 rows × 16,384 columns although the file is a few KB.
 * - small-utf16le.csv / small-utf16be.csv: small.csv in UTF-16 with a byte-order mark, as some
 *   tools and Excel's "Unicode text" export write it; small-utf16le-tabs.csv is that export
 *   itself (tab-separated, no BOM-less variant needed: Excel always writes the BOM).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const DIR = path.resolve(__dirname, "..", "test", "fixtures", "cli");
/** Fixed document dates keep the committed file stable when it is rebuilt. */
const DOCUMENT_DATE = new Date("2025-01-01T00:00:00Z");

function smallCsv(): string {
  return readFileSync(path.join(DIR, "small.csv"), "utf8");
}

async function strayCellWorkbook(): Promise<void> {
  const rows = Papa.parse<string[]>(smallCsv(), { skipEmptyLines: true }).data;
  // From the header row on, without the spacer column A and the empty column D: header in row 1, cases in rows 2–6.
  const header = rows.findIndex((row) => row.includes("件名"));
  const table = rows
    .slice(header)
    .filter((row) => row.some((cell, i) => i > 0 && cell !== ""))
    .map((row) => row.filter((_, i) => i !== 0 && i !== 3));
  const workbook = new ExcelJS.Workbook();
  workbook.created = DOCUMENT_DATE;
  workbook.modified = DOCUMENT_DATE;
  const sheet = workbook.addWorksheet("相談記録");
  for (const row of table) sheet.addRow(row);
  sheet.getCell("XFD1048576").value = "x";
  await workbook.xlsx.writeFile(path.join(DIR, "stray-cell.xlsx"));
}

function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? le : le.swap16();
}

async function main(): Promise<void> {
  await strayCellWorkbook();
  const csv = smallCsv().replace(/\r?\n/g, "\r\n");
  writeFileSync(path.join(DIR, "small-utf16le.csv"), utf16(csv, "le"));
  writeFileSync(path.join(DIR, "small-utf16be.csv"), utf16(csv, "be"));
  const rows = Papa.parse<string[]>(smallCsv(), { skipEmptyLines: false }).data;
  const tabs = Papa.unparse(rows, { delimiter: "\t", newline: "\r\n" });
  writeFileSync(path.join(DIR, "small-utf16le-tabs.csv"), utf16(tabs, "le"));
}

void main();
