/**
 * The bundled sample workbook is what a newcomer first sees and what the quality figures are measured on:
 * it must keep the desk's layout, keep private data out, and keep its gold labels inside the taxonomy.
 */
import Papa from "papaparse";
import sampleCsv from "../samples/consultations-sample.csv";
import gold from "./fixtures/sample-gold.json";
import { readCaseTable, TAXONOMY, isFaqComplete, type SheetGrid } from "../src/engine";

const rows = Papa.parse<string[]>(sampleCsv, { skipEmptyLines: false }).data;
const grid: SheetGrid = { sheetName: "相談受付", firstRow: 1, firstColumn: 1, values: rows };

describe("sample workbook", () => {
  it("keeps the seed layout: 15 columns A–O with the desk's header texts in row 1", () => {
    expect(rows.every((r) => r.length === 15)).toBe(true);
    expect(rows[0][1]).toBe("受理番号");
    expect(rows[0][6]).toBe("相談内容");
    expect(rows[0][11]).toBe("案件項目【Mission1】");
    expect(rows[0][14]).toBe("【FAQ用】対策のための参考資料・サイト（ここからセキュリティ等を参照）");
  });

  it("is recognised as a case table with about a third of the cases filled in", () => {
    const result = readCaseTable(grid);
    if (!result.ok) throw new Error(`table not recognised: ${JSON.stringify(result.problem)}`);
    const { rows: cases, columns } = result.table;
    const filled = cases.filter((c) => isFaqComplete(c, columns)).length;
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(filled / cases.length).toBeGreaterThan(0.25);
    expect(filled / cases.length).toBeLessThan(0.45);
  });

  it("has a gold label from the taxonomy for every case row", () => {
    const result = readCaseTable(grid);
    if (!result.ok) throw new Error("table not recognised");
    const labels = new Set(TAXONOMY.map((t) => t.label));
    const goldByRow = gold as Record<string, string>;
    for (const c of result.table.rows) {
      expect(labels.has(goldByRow[String(c.rowNumber)])).toBe(true);
    }
  });

  it("contains only reserved example e-mail domains (RFC 2606), never a real address", () => {
    const domains = Array.from(sampleCsv.normalize("NFKC").matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g), (m) => m[1]);
    expect(domains.length).toBeGreaterThan(0);
    for (const d of domains) expect(d).toMatch(/(^|\.)example(\.[a-z]+)+$/);
  });
});
