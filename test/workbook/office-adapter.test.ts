import { FakeExcel, WEB_PAYLOAD_LIMIT } from "./fake-excel";
import { OfficeWorkbook, cellText, nextChunkRows, DEFAULT_CHUNK_OPTIONS, toWorkbookError } from "../../src/workbook/office-adapter";
import { WorkbookError, type ReadProgress } from "../../src/workbook/port";
import { applyFaqValues, undoApply } from "../../src/workbook/faq-writer";

function workbook(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ excel: fake.excel, office: fake.office });
}

function bigTable(rows: number, columns: number, cell: (r: number, c: number) => string | number): (string | number)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

describe("OfficeWorkbook reading", () => {
  it("reads 10,000 rows × 15 columns in several chunks, each response far under 5 MB, with progress", async () => {
    const fake = new FakeExcel();
    const header = Array.from({ length: 15 }, (_, c) => `見出し${c + 1}`);
    const body = bigTable(10_000, 15, (r, c) => (c === 0 ? r + 1 : `相談${r + 1}-${c}：パスワードを使い回していた件について`));
    fake.fill([header, ...body], 3, 2);
    const progress: ReadProgress[] = [];

    const snapshot = await workbook(fake).readActiveSheet((p) => progress.push(p));

    expect(snapshot.firstRow).toBe(3);
    expect(snapshot.firstColumn).toBe(2);
    expect(snapshot.values).toHaveLength(10_001);
    expect(snapshot.values[0]).toEqual(header);
    expect(snapshot.values[10_000][0]).toBe("10000");
    expect(snapshot.values[5_000][14]).toBe("相談5000-14：パスワードを使い回していた件について");
    const cellReads = fake.syncLog.filter((s) => s.responseBytes > 0);
    expect(cellReads.length).toBeGreaterThan(3);
    for (const read of cellReads) expect(read.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT / 2);
    expect(progress[progress.length - 1]).toEqual({ rowsRead: 10_001, totalRows: 10_001 });
    const counts = progress.map((p) => p.rowsRead);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(3);
  });

  it("shrinks the chunk and retries when cells are so long that a chunk would exceed the limit", async () => {
    const fake = new FakeExcel();
    const long = "長い相談内容".repeat(500); // 3,000 characters, ~9 KB as UTF-8
    fake.fill(bigTable(300, 15, (r) => `${r}:${long}`));

    const snapshot = await workbook(fake).readActiveSheet();

    expect(snapshot.values).toHaveLength(300);
    expect(snapshot.values[299][14]).toBe(`299:${long}`);
    const refused = fake.syncLog.filter((s) => s.refused);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.syncLog.filter((s) => !s.refused).every((s) => s.responseBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
  });

  it("shows numbers and dates as the user sees them, strings whole, and never '####'", async () => {
    const fake = new FakeExcel();
    fake.fill([["受理番号", "日付", "件名", "金額"]]);
    fake.setCell(2, 1, { value: 160 });
    fake.setCell(2, 2, { value: 45383, text: "2024/4/1", format: "yyyy/m/d" });
    fake.setCell(2, 3, { value: "=ではじまる件名" });
    fake.setCell(2, 4, { value: 1234567, text: "####" });

    const snapshot = await workbook(fake).readActiveSheet();

    expect(snapshot.values[1]).toEqual(["160", "2024/4/1", "=ではじまる件名", "1234567"]);
  });

  it("reports hidden (filtered) rows and merged areas", async () => {
    const fake = new FakeExcel();
    fake.fill(bigTable(40, 3, (r, c) => `${r}-${c}`));
    fake.sheet().hiddenRows = new Set([5, 6, 30]);
    fake.sheet().merged = ["B10:C10"];

    const snapshot = await workbook(fake).readActiveSheet();

    expect(snapshot.hiddenRows).toEqual([5, 6, 30]);
    expect(snapshot.mergedAreas).toEqual(["B10:C10"]);
  });

  it("does not ask for merged areas where ExcelApi 1.13 is missing", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.7";
    fake.fill([["a", "b"]]);
    fake.sheet().merged = ["A1:B1"];
    const snapshot = await workbook(fake).readActiveSheet();
    expect(snapshot.mergedAreas).toEqual([]);
    expect(snapshot.values).toEqual([["a", "b"]]);
  });

  it("returns an empty snapshot for an empty sheet", async () => {
    const snapshot = await workbook(new FakeExcel()).readActiveSheet();
    expect(snapshot.values).toEqual([]);
  });

  it("reads a cell's value, formula and number format", async () => {
    const fake = new FakeExcel();
    fake.setCell(2, 3, { value: 6, formula: "=SUM(A1:A3)" });
    fake.setCell(2, 4, { value: "=SUM(A1:A3)", format: "@" });
    const [formula, text] = await workbook(fake).readCells("Sheet1", [
      { row: 2, column: 3 },
      { row: 2, column: 4 },
    ]);
    expect(formula).toEqual({ row: 2, column: 3, value: "6", formula: "=SUM(A1:A3)", numberFormat: "General" });
    expect(text).toEqual({ row: 2, column: 4, value: "=SUM(A1:A3)", formula: "", numberFormat: "@" });
  });
});

describe("OfficeWorkbook writing", () => {
  it("sets the text format before the values, all in one batch, so '=…' stays text", async () => {
    const fake = new FakeExcel();
    await workbook(fake).writeCells("Sheet1", [
      { row: 5, column: 11, value: "=SUM(A1:A3)" },
      { row: 5, column: 12, value: "-1 はマイナスではなく文字" },
      { row: 5, column: 14, value: "0120" },
    ]);

    const writeSyncs = fake.syncLog.filter((s) => s.ops.length > 0);
    expect(writeSyncs).toHaveLength(1);
    const ops = writeSyncs[0].ops.map((op) => `${op.address}:${op.prop}`);
    expect(ops).toEqual(["K5:numberFormat", "K5:values", "L5:numberFormat", "L5:values", "N5:numberFormat", "N5:values"]);
    expect(fake.cell(5, 11)).toMatchObject({ value: "=SUM(A1:A3)", formula: "", format: "@" });
    expect(fake.cell(5, 14)).toMatchObject({ value: "0120", format: "@" });
  });

  it("(control) the simulated Excel turns '=…' into a formula when values come before the format", async () => {
    const fake = new FakeExcel();
    await fake.excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.values = [["=SUM(B1:B3)"]];
      range.numberFormat = [["@"]];
      await context.sync();
    });
    expect(fake.cell(1, 1).formula).toBe("=SUM(B1:B3)");
  });

  it("refuses to write into a protected sheet and changes nothing", async () => {
    const fake = new FakeExcel();
    fake.sheet().protected = true;
    await expect(workbook(fake).writeCells("Sheet1", [{ row: 2, column: 2, value: "x" }])).rejects.toMatchObject({
      name: "WorkbookError",
      code: "protected",
    });
    expect(fake.cell(2, 2).value).toBe("");
  });

  it("refuses to write into a read-only workbook (ExcelApi 1.8)", async () => {
    const fake = new FakeExcel();
    fake.readOnly = true;
    await expect(workbook(fake).writeCells("Sheet1", [{ row: 2, column: 2, value: "x" }])).rejects.toMatchObject({ code: "readOnly" });
  });

  it("puts the cells back when Excel fails part-way through the batch (all or nothing)", async () => {
    const fake = new FakeExcel();
    fake.setCell(4, 2, { value: "前の値", format: "General" });
    fake.failAfterWrites = 3;
    await expect(
      workbook(fake).writeCells("Sheet1", [
        { row: 4, column: 2, value: "新しい値" },
        { row: 4, column: 3, value: "もう一つ" },
      ]),
    ).rejects.toMatchObject({ code: "writeFailed" });
    expect(fake.cell(4, 2)).toMatchObject({ value: "前の値", format: "General" });
    expect(fake.cell(4, 3)).toMatchObject({ value: "", format: "General" });
  });

  it("restores values, formulas and number formats", async () => {
    const fake = new FakeExcel();
    fake.setCell(3, 1, { value: 6, formula: "=SUM(B1:B3)", format: "0.00" });
    fake.setCell(3, 2, { value: "メモ", format: "General" });
    const wb = workbook(fake);
    const before = await wb.readCells("Sheet1", [
      { row: 3, column: 1 },
      { row: 3, column: 2 },
    ]);
    await wb.writeCells("Sheet1", [
      { row: 3, column: 1, value: "上書き" },
      { row: 3, column: 2, value: "上書き" },
    ]);
    await wb.restoreCells("Sheet1", before);
    expect(fake.cell(3, 1)).toMatchObject({ formula: "=SUM(B1:B3)", format: "0.00" });
    expect(fake.cell(3, 2)).toMatchObject({ value: "メモ", formula: "", format: "General" });
  });
});

describe("FAQ writer over the Office adapter", () => {
  it("re-reads the target cells just before writing and writes nothing when a co-author changed one", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    fake.setCell(5, 12, { value: "共同編集者の入力" });

    const outcome = await applyFaqValues(wb, {
      sheetName: "Sheet1",
      row: 5,
      writes: [
        { role: "category", column: 12, value: "1-9 巧妙・悪質化するワンクリック詐欺" },
        { role: "keywords", column: 11, value: "ワンクリック詐欺" },
      ],
      shownValues: { 11: "", 12: "" },
      overwriteConfirmed: false,
    });

    expect(outcome).toEqual({
      kind: "changedSinceShown",
      changed: [{ role: "category", column: 12, shown: "", now: "共同編集者の入力" }],
    });
    expect(fake.syncLog.some((s) => s.ops.length > 0)).toBe(false);
    expect(fake.cell(5, 11).value).toBe("");
  });

  it("applies as text and undoes back to the original values and formats", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    fake.setCell(7, 14, { value: "", format: "General" });
    const outcome = await applyFaqValues(wb, {
      sheetName: "Sheet1",
      row: 7,
      writes: [{ role: "answer", column: 14, value: "=HYPERLINK(\"x\") ではなく文章" }],
      shownValues: { 14: "" },
      overwriteConfirmed: false,
    });
    expect(outcome.kind).toBe("applied");
    expect(fake.cell(7, 14)).toMatchObject({ value: "=HYPERLINK(\"x\") ではなく文章", formula: "", format: "@" });
    if (outcome.kind !== "applied") return;

    expect(await undoApply(wb, outcome.undo)).toEqual({ kind: "undone" });
    expect(fake.cell(7, 14)).toMatchObject({ value: "", format: "General" });
  });
});

describe("OfficeWorkbook selection, events and settings", () => {
  it("reports the selection without the sheet name and follows selection events until unsubscribed", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    const seen: string[] = [];
    const unsubscribe = await wb.onSelectionChanged((s) => seen.push(`${s.sheetName}!${s.address}:${s.row}:${s.rowCount}`));

    await wb.selectCell("Sheet1", { row: 5, column: 12 });
    await fake.fire("selectionChanged");
    fake.selection = { sheet: "Sheet1", top: 3, left: 2, bottom: 7, right: 4 };
    await fake.fire("selectionChanged");
    await unsubscribe();
    await fake.fire("selectionChanged");

    expect(seen).toEqual(["Sheet1!L5:5:1", "Sheet1!B3:D7:3:5"]);
  });

  it("listens for changes on all sheets (1.9) or sheet by sheet (1.7), and for sheet activation", async () => {
    for (const version of ["1.9", "1.7"]) {
      const fake = new FakeExcel();
      fake.apiVersion = version;
      fake.addSheet("二枚目");
      let changes = 0;
      const unsubscribe = await workbook(fake).onSheetChanged(() => changes++);
      const changeEvents = fake.handlers.filter((h) => h.event !== "worksheetActivated").map((h) => h.event);
      expect(changeEvents).toEqual(version === "1.9" ? ["worksheetsChanged"] : ["changed:Sheet1", "changed:二枚目"]);
      await fake.fire(changeEvents[0]);
      await fake.fire("worksheetActivated");
      expect(changes).toBe(2);
      await unsubscribe();
      expect(fake.handlers).toHaveLength(0);
    }
  });

  it("reports protection and read-only status", async () => {
    const fake = new FakeExcel();
    fake.sheet().protected = true;
    expect(await workbook(fake).getStatus("Sheet1")).toEqual({ sheetProtected: true, readOnly: false });
    fake.apiVersion = "1.7";
    fake.readOnly = true;
    expect(await workbook(fake).getStatus("Sheet1")).toEqual({ sheetProtected: true, readOnly: false });
  });

  it("keeps settings in the document and saves them", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    await wb.saveSetting("faq-assist.columns", "{\"content\":7}");
    expect(fake.savedSettings).toBe(1);
    expect(await wb.loadSetting("faq-assist.columns")).toBe("{\"content\":7}");
    expect(await wb.loadSetting("missing")).toBeUndefined();
  });

  it("names an unknown sheet as such", async () => {
    await expect(workbook(new FakeExcel()).readCells("無い", [{ row: 1, column: 1 }])).rejects.toMatchObject({ code: "noSheet" });
  });
});

describe("helpers", () => {
  it("sizes chunks from the column count first, then from measured bytes", () => {
    expect(nextChunkRows(15, undefined, DEFAULT_CHUNK_OPTIONS)).toBe(200);
    expect(nextChunkRows(15, 100, DEFAULT_CHUNK_OPTIONS)).toBe(5_000);
    expect(nextChunkRows(15, 2_000_000, DEFAULT_CHUNK_OPTIONS)).toBe(1);
  });

  it("turns cell values into text", () => {
    expect(cellText(null, "")).toBe("");
    expect(cellText(true, "TRUE")).toBe("TRUE");
    expect(cellText(0.5, "50%")).toBe("50%");
  });

  it("maps Office errors to workbook errors", () => {
    expect(toWorkbookError({ code: "AccessDenied", message: "protected sheet" }, "writeFailed").code).toBe("protected");
    expect(toWorkbookError({ code: "InvalidOperation", message: "The sheet is protected" }, "writeFailed").code).toBe("protected");
    expect(toWorkbookError({ code: "GeneralException", message: "boom" }, "readFailed")).toEqual(
      expect.objectContaining({ code: "readFailed", message: "GeneralException: boom" }),
    );
    expect(toWorkbookError(new WorkbookError("tooLong", "x"), "readFailed").code).toBe("tooLong");
  });
});
