/**
 * Saving the in-memory workbook as an .xlsx and opening one into it, as a desk saves and reopens its
 * file: cells through ExcelJS, custom XML parts (the acceptance log) into the zip as Excel stores them.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/read-workbook";
import { readCustomXmlParts, writeCustomXmlParts } from "../../src/cli/xlsx-custom-xml";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { rootNamespace } from "../../src/workbook/xml-parts";

export async function saveXlsx(wb: MemoryWorkbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const name of wb.sheetNames) {
    const sheet = book.addWorksheet(name);
    const { rows, columns } = wb.size(name);
    for (let r = 1; r <= rows; r++) {
      const line = Array.from({ length: columns }, (_, c) => wb.getCell(name, r, c + 1));
      if (line.some((cell) => cell !== "")) sheet.getRow(r).values = line;
    }
  }
  let bytes = Buffer.from(await book.xlsx.writeBuffer());
  const byNamespace = new Map<string, string[]>();
  for (const part of wb.xmlParts.all()) byNamespace.set(rootNamespace(part.xml), [...(byNamespace.get(rootNamespace(part.xml)) ?? []), part.xml]);
  for (const [namespace, xmls] of byNamespace) bytes = await writeCustomXmlParts(bytes, namespace, xmls);
  await fs.writeFile(file, bytes);
}

export async function openXlsx(file: string): Promise<MemoryWorkbook> {
  const grids = await readWorkbook(file);
  const rowsOf = (index: number) => {
    const grid = grids[index];
    const rows: string[][] = Array.from({ length: grid.firstRow - 1 }, () => []);
    for (const line of grid.values) rows.push([...Array<string>(grid.firstColumn - 1).fill(""), ...line]);
    return rows;
  };
  const wb = new MemoryWorkbook(grids[0].sheetName, rowsOf(0));
  grids.slice(1).forEach((grid, i) => wb.addSheet(grid.sheetName, rowsOf(i + 1)));
  for (const part of await readCustomXmlParts(await fs.readFile(file))) wb.xmlParts.add(part.xml);
  return wb;
}
