/**
 * Every case sheet is one log: the pane on 2025年度 draws suggestions and search results from
 * 2024年度 too, names the sheet and row of each, selects them (switching sheets), and notices sheets
 * renamed, added and deleted while it is open.
 */
import { messagesFor } from "../../src/taskpane/i18n";
import type { PaneController } from "../../src/taskpane/state/pane-controller";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { SHEET_2024, SHEET_2025, WARNING_ROW_2025, WARNING_ROWS_2024, twoYears } from "../fixtures/two-years";
import { paneControllers } from "./pane-harness";

const t = messagesFor("ja");
const open = paneControllers(t);

function workbook(): MemoryWorkbook {
  const [y2024, y2025] = twoYears();
  const wb = new MemoryWorkbook(y2024.name, y2024.rows);
  wb.addSheet(y2025.name, y2025.rows);
  wb.activateSheet(SHEET_2025);
  return wb;
}

async function focusWarning(c: PaneController, wb: MemoryWorkbook) {
  wb.select(`${SHEET_2025}!B${WARNING_ROW_2025}`);
  await c.whenIdle();
  return c.getSnapshot().focus?.suggestions;
}

describe("every case sheet is one log", () => {
  it("suggests for a 2025 case from 2024's filled rows, naming their sheet and row", async () => {
    const wb = workbook();
    const c = await open(wb);
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, SHEET_2024]);
    const suggestions = await focusWarning(c, wb);
    expect(suggestions?.category[0].value).toMatch(/^1-9 /);
    const places = suggestions?.category[0].sources.map((s) => s.place);
    expect(places).toContainEqual({ sheetName: SHEET_2024, row: WARNING_ROWS_2024[0] });
    expect(suggestions?.similar[0].place?.sheetName).toBe(SHEET_2024);
  });

  it("selects an evidence row on the other sheet, switching to it", async () => {
    const wb = workbook();
    const c = await open(wb);
    const suggestions = await focusWarning(c, wb);
    const source = suggestions?.category[0].sources.find((s) => s.place?.sheetName === SHEET_2024);
    if (!source?.place) throw new Error("no 2024 evidence");
    await c.caseView.selectRow(source.rowNumber);
    await c.whenIdle();
    expect(wb.activeSheetName).toBe(SHEET_2024);
    expect((await wb.getSelection()).row).toBe(source.place.row);
  });

  it("search finds 2024 cases from the 2025 sheet", async () => {
    const wb = workbook();
    const c = await open(wb);
    c.searchView.setQuery("身代金 暗号化");
    await c.whenIdle();
    const [first] = c.searchView.store.get().results;
    expect(first.place).toEqual({ sheetName: SHEET_2024, row: 4 });
    expect(first.caseNumber).toBe("2403");
  });

  it("publishes this sheet, or every case sheet when asked", async () => {
    const wb = workbook();
    const c = await open(wb);
    await c.exportView.build();
    expect(c.exportView.page).toContain("振込先の変更はメール以外の方法で"); // 2025年度
    expect(c.exportView.page).not.toContain("身代金は支払わないでください"); // 2024年度
    expect(c.getSnapshot().caseSheets).toEqual([SHEET_2025, SHEET_2024]);
    c.exportView.setScope("all");
    await c.whenIdle();
    expect(c.exportView.page).toContain("振込先の変更はメール以外の方法で");
    expect(c.exportView.page).toContain("身代金は支払わないでください");
    expect(c.exportView.store.get().summary?.rowsPublished).toBe(7);
  });

  it("checks this sheet, or every case sheet with another sheet's problems named there and not fixed from here", async () => {
    const wb = workbook();
    wb.activateSheet(SHEET_2024);
    const c = await open(wb);
    c.showView("check");
    await c.whenIdle();
    expect(c.checkView.store.get().problems.filter((p) => p.role === "classification")).toEqual([]);
    c.checkView.setScope("all");
    await c.whenIdle();
    const slip = c.checkView.store.get().problems.find((p) => p.role === "classification");
    // 2025年度 keeps 相談内容分類 in column J.
    expect(slip).toMatchObject({ kind: "categoryMismatch", place: { sheetName: SHEET_2025, row: 2 }, column: 10 });
    expect(c.checkView.store.get().fixes.every((fix) => fix.rowNumber < 1_048_576)).toBe(true);
  });

  it("lists every case sheet's unfilled rows when asked, writing only this sheet's", async () => {
    const wb = workbook();
    wb.activateSheet(SHEET_2024);
    const c = await open(wb);
    c.showView("backlog");
    await c.whenIdle();
    expect(c.backlogView.store.get().items).toEqual([]); // every 2024 case is filled
    c.backlogView.setScope("all");
    await c.whenIdle();
    const items = c.backlogView.store.get().items;
    expect(items.map((item) => item.place)).toEqual(expect.arrayContaining([{ sheetName: SHEET_2025, row: WARNING_ROW_2025 }]));
    expect(items.every((item) => item.place?.sheetName === SHEET_2025)).toBe(true);
    // Another sheet's rows are never ticked here, so nothing is written to 2024年度 in their place.
    c.backlogView.tickAbove(0);
    c.backlogView.toggle(items[0].rowNumber);
    expect(c.backlogView.store.get().ticked.size).toBe(0);
    const before = wb.writeLog.length;
    await c.backlogView.apply("category");
    await c.whenIdle();
    expect(wb.writeLog.length).toBe(before);
    // A click on one selects it on its own sheet.
    await c.caseView.selectRow(items[0].rowNumber);
    await c.whenIdle();
    expect(wb.activeSheetName).toBe(SHEET_2025);
  });

  it("notices a sheet renamed, added and deleted while the pane is open", async () => {
    const wb = workbook();
    const c = await open(wb);
    wb.renameSheet(SHEET_2024, "2024年度（確定）");
    await c.whenIdle();
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, "2024年度（確定）"]);
    const suggestions = await focusWarning(c, wb);
    expect(suggestions?.category[0].sources.map((s) => s.place?.sheetName)).toContain("2024年度（確定）");

    const [y2024] = twoYears();
    wb.addSheet("2023年度", y2024.rows.map((line, i) => (i === 0 ? line : line.map((cell, col) => (col === 1 ? `23${cell.slice(2)}` : cell)))));
    await c.whenIdle();
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, "2024年度（確定）", "2023年度"]);
    wb.deleteSheet("2023年度");
    await c.whenIdle();
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, "2024年度（確定）"]);
  });

  it("follows the active sheet's own rename: writes go to the sheet under its new name", async () => {
    const wb = workbook();
    const c = await open(wb);
    wb.renameSheet(SHEET_2025, "今年度");
    await c.whenIdle();
    expect(c.session.store.get().table?.sheetName).toBe("今年度");
    wb.select(`今年度!B${WARNING_ROW_2025}`);
    await c.whenIdle();
    expect(c.getSnapshot().focus?.caseRef.sheetName).toBe("今年度");
    await c.caseView.applyAll();
    await c.whenIdle();
    // 案件項目 is column F of the 2025 layout.
    expect(wb.getCell("今年度", WARNING_ROW_2025, 6)).toMatch(/^1-9 /);
  });
});
