import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import type { SelectionInfo } from "../../src/workbook/port";

const CSV = `,受理番号,件名,相談内容
,160,"メールの件","怪しいメールが届いた。
添付を開いてしまった"
,161,請求画面,ワンクリックで請求画面が出た
`;

describe("MemoryWorkbook", () => {
  it("builds a sheet from CSV, keeping line breaks inside quoted cells", () => {
    const wb = MemoryWorkbook.fromCsv(CSV, "相談");
    expect(wb.activeSheetName).toBe("相談");
    expect(wb.getCell("相談", 2, 4)).toBe("怪しいメールが届いた。\n添付を開いてしまった");
    expect(wb.getCell("相談", 3, 2)).toBe("161");
    expect(wb.size()).toEqual({ rows: 3, columns: 4 });
  });

  it("reads the used range only, from its first used cell", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    const progress: number[] = [];
    const snapshot = await wb.readActiveSheet((p) => progress.push(p.rowsRead));
    expect(snapshot.firstRow).toBe(1);
    expect(snapshot.firstColumn).toBe(2);
    expect(snapshot.values[0]).toEqual(["受理番号", "件名", "相談内容"]);
    expect(progress[progress.length - 1]).toBe(3);
  });

  it("reports hidden rows and merged areas inside the used range", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.hideRows("Sheet1", [3, 40]);
    wb.merge("Sheet1", "c2:d2");
    wb.merge("Sheet1", "X50:Y50");
    const snapshot = await wb.readActiveSheet();
    expect(snapshot.hiddenRows).toEqual([3]);
    expect(snapshot.mergedAreas).toEqual(["C2:D2"]);
  });

  it("keeps '=…' as text in a text-formatted cell and as a formula elsewhere", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    await wb.writeCells("Sheet1", [{ row: 2, column: 6, value: "=SUM(A1:A3)" }]);
    expect(wb.getCellState("Sheet1", 2, 6)).toEqual({ row: 2, column: 6, value: "=SUM(A1:A3)", formula: "", numberFormat: "@" });
    wb.setCellByUser("Sheet1", 3, 6, "=1+1");
    expect(wb.getCellState("Sheet1", 3, 6).formula).toBe("=1+1");
  });

  it("refuses writes on a protected sheet or a read-only workbook", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.setProtected("Sheet1", true);
    await expect(wb.writeCells("Sheet1", [{ row: 2, column: 6, value: "x" }])).rejects.toMatchObject({ code: "protected" });
    expect(() => wb.setCellByUser("Sheet1", 2, 6, "x")).toThrow(expect.objectContaining({ code: "protected" }));
    wb.setProtected("Sheet1", false);
    wb.setReadOnly(true);
    await expect(wb.writeCells("Sheet1", [{ row: 2, column: 6, value: "x" }])).rejects.toMatchObject({ code: "readOnly" });
    expect(wb.getCell("Sheet1", 2, 6)).toBe("");
    expect(await wb.getStatus("Sheet1")).toEqual({ sheetProtected: false, readOnly: true });
  });

  it("selects like Excel and tells selection listeners and subscribers", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    const selections: SelectionInfo[] = [];
    const sources: string[] = [];
    await wb.onSelectionChanged((s) => selections.push(s));
    const stop = wb.subscribe((source) => sources.push(source));
    wb.select("B3:D4");
    await wb.selectCell("Sheet1", { row: 2, column: 12 });
    stop();
    wb.select("A1");
    expect(selections.map((s) => [s.address, s.row, s.column, s.rowCount, s.columnCount])).toEqual([
      ["B3:D4", 3, 2, 2, 3],
      ["L2", 2, 12, 1, 1],
      ["A1", 1, 1, 1, 1],
    ]);
    expect(sources).toEqual(["selection", "selection"]);
    expect((await wb.getSelection()).address).toBe("A1");
  });

  it("tells change listeners about user, co-author and add-in edits", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    let changes = 0;
    const sources: string[] = [];
    const unsubscribe = await wb.onSheetChanged(() => changes++);
    wb.subscribe((source) => sources.push(source));
    wb.setCellByUser("Sheet1", 2, 6, "a");
    wb.simulateCoauthorEdit("Sheet1", 2, 7, "b");
    await wb.writeCells("Sheet1", [{ row: 2, column: 8, value: "c" }]);
    await unsubscribe();
    wb.setCellByUser("Sheet1", 2, 6, "d");
    expect(changes).toBe(3);
    expect(sources).toEqual(["user", "coauthor", "addin", "user"]);
  });

  it("restores values, formulas and formats", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.setNumberFormat("Sheet1", 2, 6, "0.00");
    wb.setCellByUser("Sheet1", 2, 6, "=A1*2");
    const before = await wb.readCells("Sheet1", [{ row: 2, column: 6 }]);
    await wb.writeCells("Sheet1", [{ row: 2, column: 6, value: "上書き" }]);
    await wb.restoreCells("Sheet1", before);
    expect(wb.getCellState("Sheet1", 2, 6)).toEqual(before[0]);
    expect(wb.writeLog.map((entry) => entry.kind)).toEqual(["write", "restore"]);
  });

  it("saves settings with the workbook", async () => {
    const wb = new MemoryWorkbook();
    await wb.saveSetting("k", "v");
    expect(await wb.loadSetting("k")).toBe("v");
    expect(await wb.loadSetting("other")).toBeUndefined();
  });

  it("returns an empty snapshot for an empty sheet and names unknown sheets", async () => {
    const wb = new MemoryWorkbook("空");
    expect((await wb.readActiveSheet()).values).toEqual([]);
    await expect(wb.readCells("無い", [])).rejects.toMatchObject({ code: "noSheet" });
  });
});

describe("MemoryWorkbook with several sheets", () => {
  it("tells change listeners when a selection moves to another sheet, as sheet activation does in Excel", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV, "相談");
    wb.addSheet("メモ", [["x"]]);
    let changes = 0;
    await wb.onSheetChanged(() => changes++);
    wb.select("B2");
    expect(changes).toBe(0);
    wb.select("メモ!A1");
    expect(changes).toBe(1);
    expect(wb.activeSheetName).toBe("メモ");
    expect((await wb.readActiveSheet()).values).toEqual([["x"]]);
  });
});
