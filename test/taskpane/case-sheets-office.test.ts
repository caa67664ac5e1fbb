/**
 * The pooled log over the simulated Excel (office-addin-mock objects, Excel's events): a 2025 case's
 * suggestion cites 2024年度, search finds 2024 cases, publishing from every case sheet holds both
 * years, and a sheet renamed on its tab while the pane is open (WorksheetCollection.onNameChanged,
 * ExcelApi 1.17) is followed.
 */
import { messagesFor } from "../../src/taskpane/i18n";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { FakeExcel } from "../workbook/fake-excel";
import { SHEET_2024, SHEET_2025, WARNING_ROW_2025, WARNING_ROWS_2024, twoYears } from "../fixtures/two-years";
import { paneControllers } from "./pane-harness";

const t = messagesFor("ja");
const open = paneControllers(t);

function excel(): FakeExcel {
  const [y2024, y2025] = twoYears();
  const fake = new FakeExcel(y2024.name);
  fake.apiVersion = "1.17";
  fake.fill(y2024.rows, 1, 1, y2024.name);
  fake.addSheet(y2025.name);
  fake.fill(y2025.rows, 1, 1, y2025.name);
  fake.activeSheet = y2025.name;
  fake.select(`B${WARNING_ROW_2025}`, y2025.name);
  return fake;
}

describe("every case sheet is one log, in Excel (simulated)", () => {
  it("suggests from 2024年度, finds 2024 cases, publishes both years, and follows a sheet renamed while open", async () => {
    const fake = excel();
    const c = await open(new OfficeWorkbook({ excel: fake.excel, office: fake.office }));
    await c.refreshSelection();
    await c.whenIdle();
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, SHEET_2024]);
    const suggestions = c.getSnapshot().focus?.suggestions;
    expect(suggestions?.category[0].value).toMatch(/^1-9 /);
    expect(suggestions?.category[0].sources.map((s) => s.place)).toContainEqual({ sheetName: SHEET_2024, row: WARNING_ROWS_2024[0] });

    c.searchView.setQuery("身代金 暗号化");
    await c.whenIdle();
    expect(c.searchView.store.get().results[0]).toMatchObject({ caseNumber: "2403", place: { sheetName: SHEET_2024, row: 4 } });

    c.exportView.setScope("all");
    await c.exportView.build();
    expect(c.exportView.page).toContain("身代金は支払わないでください");
    expect(c.exportView.page).toContain("振込先の変更はメール以外の方法で");

    await fake.renameSheetByUser(SHEET_2024, "2024年度（確定）");
    await c.whenIdle();
    expect(c.session.store.get().poolSheets).toEqual([SHEET_2025, "2024年度（確定）"]);
    const source = c.session.withPlaces((c.session.engine as NonNullable<typeof c.session.engine>).suggest(WARNING_ROW_2025)).category[0].sources.find((s) => s.place);
    expect(source?.place?.sheetName).toBe("2024年度（確定）");

    // A click on that evidence row selects it on its sheet: Excel switches to 2024年度（確定）.
    await c.caseView.selectRow((source?.rowNumber as number));
    await c.whenIdle();
    expect(fake.activeSheet).toBe("2024年度（確定）");
    expect(fake.selection.areas[0].top).toBe(source?.place?.row);
  });
});
