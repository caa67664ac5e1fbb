import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { locateCaseTable } from "../../src/workbook/bounded-read";
import { readTable } from "../../src/workbook/read-table";
import type { SheetChange } from "../../src/workbook/port";

const CSV = `,受理番号,件名,相談内容
,160,"メールの件","怪しいメールが届いた。
添付を開いてしまった"
,161,請求画面,ワンクリックで請求画面が出た
`;

const locate = { locate: (top: Parameters<typeof locateCaseTable>[0]) => locateCaseTable(top) };

function texts(wb: MemoryWorkbook, writes: { row: number; column: number; value: string }[]) {
  return wb.writeChecked("Sheet1", { read: writes, decide: () => ({ result: true, texts: writes }) });
}

describe("MemoryWorkbook", () => {
  it("builds a sheet from CSV, keeping line breaks inside quoted cells", () => {
    const wb = MemoryWorkbook.fromCsv(CSV, "相談");
    expect(wb.activeSheetName).toBe("相談");
    expect(wb.getCell("相談", 2, 4)).toBe("怪しいメールが届いた。\n添付を開いてしまった");
    expect(wb.getCell("相談", 3, 2)).toBe("161");
    expect(wb.size()).toEqual({ rows: 3, columns: 4 });
  });

  it("reads the case table from its first used cell, with progress", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    const progress: number[] = [];
    const snapshot = await wb.readActiveSheet({ ...locate, onProgress: (p) => progress.push(p.rowsRead) });
    expect(snapshot.firstRow).toBe(1);
    expect(snapshot.firstColumn).toBe(2);
    expect(snapshot.values[0]).toEqual(["受理番号", "件名", "相談内容"]);
    expect(progress[progress.length - 1]).toBe(3);
  });

  it("reads no further than the last case row, ignoring (and naming) stray far cells", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.setCellByUser("Sheet1", 5000, 30, "迷子");
    const { snapshot, result } = await readTable(wb);
    expect(snapshot.values).toHaveLength(3);
    expect(snapshot.ignoredBeyond).toBe("B1:AD5000");
    expect(result.ok && result.table.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it("reports hidden rows and merged areas inside the table", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.hideRows("Sheet1", [3, 40]);
    wb.merge("Sheet1", "c2:d2");
    wb.merge("Sheet1", "X50:Y50");
    const snapshot = await wb.readActiveSheet(locate);
    expect(snapshot.hiddenRows).toEqual([3]);
    expect(snapshot.mergedAreas).toEqual(["C2:D2"]);
  });

  it("keeps typed values: numbers and dates display through their format, '=…' is a formula unless the cell is text", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.setCellValue("Sheet1", 2, 6, 3.14159, "0.00");
    expect(wb.getCellState("Sheet1", 2, 6)).toEqual({ row: 2, column: 6, value: "3.14", raw: 3.14159, formula: "", numberFormat: "0.00" });
    wb.setCellByUser("Sheet1", 2, 7, "2024/4/1");
    expect(wb.getCellState("Sheet1", 2, 7)).toMatchObject({ value: "2024/4/1", raw: 45383, numberFormat: "yyyy/m/d" });
    wb.setCellByUser("Sheet1", 3, 6, "=1+1");
    expect(wb.getCellState("Sheet1", 3, 6).formula).toBe("=1+1");
    wb.setCellByUser("Sheet1", 3, 7, "'=1+1");
    expect(wb.getCellState("Sheet1", 3, 7)).toMatchObject({ value: "=1+1", formula: "" });
    await texts(wb, [{ row: 2, column: 8, value: "=SUM(A1:A3)" }]);
    expect(wb.getCellState("Sheet1", 2, 8)).toEqual({ row: 2, column: 8, value: "=SUM(A1:A3)", raw: "=SUM(A1:A3)", formula: "", numberFormat: "@" });
  });

  it("refuses writes to locked cells of a protected sheet or to a read-only workbook", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.setProtected("Sheet1", true);
    await expect(texts(wb, [{ row: 2, column: 6, value: "x" }])).rejects.toMatchObject({ code: "protected", detail: { cells: ["F2"] } });
    expect(() => wb.setCellByUser("Sheet1", 2, 6, "x")).toThrow(expect.objectContaining({ code: "protected" }));
    wb.unlockCells("Sheet1", "F:F");
    await texts(wb, [{ row: 2, column: 6, value: "=x" }]);
    expect(wb.getCellState("Sheet1", 2, 6)).toMatchObject({ value: "=x", formula: "", numberFormat: "General" });
    wb.setProtected("Sheet1", false);
    wb.setReadOnly(true);
    await expect(texts(wb, [{ row: 2, column: 7, value: "x" }])).rejects.toMatchObject({ code: "readOnly" });
    expect(await wb.getStatus("Sheet1")).toEqual({ sheetProtected: false, readOnly: true });
  });

  it("selects like Excel, including whole rows and columns, and pings selection listeners", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    let pings = 0;
    const sources: string[] = [];
    await wb.onSelectionChanged(() => pings++);
    const stop = wb.subscribe((source) => sources.push(source));
    wb.select("B3:D4");
    expect(await wb.getSelection()).toMatchObject({ address: "B3:D4", row: 3, column: 2, rowCount: 2, columnCount: 3 });
    wb.select("5:5");
    expect(await wb.getSelection()).toMatchObject({ address: "5:5", row: 5, column: 1, rowCount: 1, columnCount: 16_384 });
    wb.select("C:C");
    expect(await wb.getSelection()).toMatchObject({ address: "C:C", row: 1, column: 3, rowCount: 1_048_576 });
    await wb.selectCell("Sheet1", { row: 2, column: 12 });
    stop();
    expect(pings).toBe(4);
    expect(sources).toEqual(["selection", "selection", "selection", "selection"]);
  });

  it("reports each change with its address, kind and source; events can be held back and released", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    const changes: SheetChange[] = [];
    const unsubscribe = await wb.onSheetChanged((change) => changes.push(change));
    wb.setCellByUser("Sheet1", 2, 6, "a");
    wb.simulateCoauthorEdit("Sheet1", 2, 7, "b");
    await texts(wb, [{ row: 2, column: 8, value: "c" }, { row: 3, column: 9, value: "d" }]);
    wb.holdEvents();
    wb.insertRows("Sheet1", 2, 2);
    expect(changes).toHaveLength(4);
    wb.releaseEvents();
    wb.sortRows("Sheet1", 2, 5, 2, false, "local");
    await unsubscribe();
    wb.setCellByUser("Sheet1", 2, 6, "d");
    expect(changes).toEqual([
      { sheetName: "Sheet1", kind: "edit", address: "F2", source: "local" },
      { sheetName: "Sheet1", kind: "edit", address: "G2", source: "remote" },
      // One event per block written (H2 and I3 are not one rectangle), as Excel reports each range.
      { sheetName: "Sheet1", kind: "edit", address: "H2", source: "local" },
      { sheetName: "Sheet1", kind: "edit", address: "I3", source: "local" },
      { sheetName: "Sheet1", kind: "rowsInserted", address: "2:3", source: "remote" },
      { sheetName: "Sheet1", kind: "sorted", address: "2:5", source: "local" },
    ]);
  });

  it("moves rows on insert, delete and sort; a co-author's insert moves this user's selection with its cells", () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    wb.select("C3");
    wb.insertRows("Sheet1", 2, 1, "remote");
    expect(wb.getCell("Sheet1", 4, 2)).toBe("161");
    expect(wb.getCell("Sheet1", 2, 2)).toBe("");
    expect(wb.getCellState("Sheet1", 4, 2).value).toBe("161");
    return wb.getSelection().then((selection) => {
      expect(selection.address).toBe("C4");
      wb.deleteRows("Sheet1", 2, 1, "local");
      expect(wb.getCell("Sheet1", 3, 2)).toBe("161");
      wb.sortRows("Sheet1", 2, 3, 2, true);
      expect([wb.getCell("Sheet1", 2, 2), wb.getCell("Sheet1", 3, 2)]).toEqual(["161", "160"]);
    });
  });

  it("finds rows by a column's text", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV);
    expect(Object.fromEntries(await wb.findRows("Sheet1", 2, ["161", "999"], 2))).toEqual({ "161": [3] });
  });

  it("saves and removes settings with the workbook", async () => {
    const wb = new MemoryWorkbook();
    await wb.saveSetting("k", "v");
    expect(await wb.loadSetting("k")).toBe("v");
    await wb.removeSetting("k");
    expect(wb.settingKeys).toEqual([]);
  });

  it("returns an empty snapshot for an empty sheet and names unknown sheets", async () => {
    const wb = new MemoryWorkbook("空");
    expect((await wb.readActiveSheet()).values).toEqual([]);
    await expect(wb.readCells("無い", [])).rejects.toMatchObject({ code: "noSheet" });
  });

  it("reports activation when a selection moves to another sheet, as Excel does", async () => {
    const wb = MemoryWorkbook.fromCsv(CSV, "相談");
    wb.addSheet("メモ", [["x"]]);
    const changes: SheetChange[] = [];
    await wb.onSheetChanged((change) => changes.push(change));
    wb.select("B2");
    expect(changes).toEqual([]);
    wb.select("メモ!A1");
    expect(changes).toEqual([{ sheetName: "メモ", kind: "activated", source: "local" }]);
    expect(wb.activeSheetName).toBe("メモ");
  });
});
