import { FakeExcel, WEB_PAYLOAD_LIMIT } from "./fake-excel";
import { OfficeWorkbook, cellText, nextChunkRows, DEFAULT_CHUNK_OPTIONS, toWorkbookError, type ChunkOptions } from "../../src/workbook/office-adapter";
import { WorkbookError, type CellState, type ReadProgress, type SheetChange } from "../../src/workbook/port";
import { readTable } from "../../src/workbook/read-table";
import { locateCaseTable } from "../../src/workbook/bounded-read";
import { dateSerial } from "../../src/workbook/excel-values";

function workbook(fake: FakeExcel, chunk?: Partial<ChunkOptions>): OfficeWorkbook {
  return new OfficeWorkbook({ excel: fake.excel, office: fake.office, chunk });
}

/** The desk's header (columns B 受理番号, F 件名, G 相談内容, K–O FAQ). */
const HEADER = ["", "受理番号", "相談種別ID", "相談内容分類", "", "件名", "相談内容", "相談備考", "対応状況", "処置備考", "検索キーワード", "案件項目【Mission1】", "提示する対策項目", "標準回答（案）", "参考資料"];

function deskTable(cases: number, content: (i: number) => string = (i) => `相談${i}：パスワードを使い回していた件について`): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 1; i <= cases; i++) rows.push(["", 1000 + i, 1, "", "", `件名${i}`, content(i), "", "助言した", "", "", "", "", "", ""]);
  return rows;
}

const locate = { locate: (top: Parameters<typeof locateCaseTable>[0]) => locateCaseTable(top) };

describe("OfficeWorkbook reading only the case table", () => {
  it("reads 10,000 cases in several chunks, each response far under 5 MB, with progress", async () => {
    const fake = new FakeExcel();
    fake.fill(deskTable(10_000), 3, 1);
    const progress: ReadProgress[] = [];

    const snapshot = await workbook(fake).readActiveSheet({ ...locate, onProgress: (p) => progress.push(p) });

    expect(snapshot.firstRow).toBe(3);
    expect(snapshot.firstColumn).toBe(2); // column A is empty
    expect(snapshot.values).toHaveLength(10_001);
    expect(snapshot.values[0][4]).toBe("件名");
    expect(snapshot.values[10_000][0]).toBe("11000");
    expect(snapshot.values[5_000][5]).toBe("相談5000：パスワードを使い回していた件について");
    const cellReads = fake.syncLog.filter((s) => s.responseBytes > 0);
    expect(cellReads.length).toBeGreaterThan(3);
    for (const read of cellReads) expect(read.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT / 2);
    expect(progress[progress.length - 1]).toEqual({ rowsRead: 10_001, totalRows: 10_001 });
    expect(snapshot.ignoredBeyond).toBeUndefined();
  });

  it("reads the stray-cell sheet (one value in XFD1048576) in a handful of small requests and says what it ignored", async () => {
    const fake = new FakeExcel();
    fake.fill(deskTable(60));
    fake.setCell(1_048_576, 16_384, { value: "x" });

    const { snapshot, result } = await readTable(workbook(fake));

    expect(result.ok && result.table.rows).toHaveLength(60);
    expect(snapshot.values).toHaveLength(61);
    expect(snapshot.values[0]).toHaveLength(14);
    expect(snapshot.ignoredBeyond).toBe("B1:XFD1048576");
    // sheet name, used range, probe box, probe cells, key-column extent, merged areas: no million chunks,
    // and no more bytes than the same sheet without the stray cell.
    expect(fake.syncLog.length).toBeLessThanOrEqual(6);
    const bytes = fake.syncLog.reduce((sum, s) => sum + s.responseBytes, 0);
    const clean = new FakeExcel();
    clean.fill(deskTable(60));
    await readTable(workbook(clean));
    expect(bytes).toBe(clean.syncLog.reduce((sum, s) => sum + s.responseBytes, 0));
  });

  it("costs the same number of chunks with or without the stray cell on a large table", async () => {
    const chunks = async (stray: boolean) => {
      const fake = new FakeExcel();
      fake.fill(deskTable(5_000));
      if (stray) fake.setCell(1_048_576, 16_384, { value: "x" });
      await readTable(workbook(fake));
      return fake.syncLog.length;
    };
    expect(await chunks(true)).toBe(await chunks(false));
  });

  it("refuses, with the cell that makes it so, a table whose case column runs past the rows the pane can serve", async () => {
    const fake = new FakeExcel();
    fake.fill(deskTable(20));
    fake.setCell(900_000, 7, { value: "迷子のセル" });
    const read = readTable(workbook(fake));
    await expect(read).rejects.toMatchObject({ code: "tooLarge", detail: { lastCell: "G900000", limit: 60_000 } });
    expect(fake.syncLog.every((s) => s.responseBytes < 100_000)).toBe(true);
  });

  it("reads only the first rows when no header is recognised (enough for the column-mapping form)", async () => {
    const fake = new FakeExcel();
    fake.fill(Array.from({ length: 3_000 }, (_, r) => [`番号${r}`, `本文${r}`]));
    const { snapshot, result } = await readTable(workbook(fake));
    expect(result.ok).toBe(false);
    expect(snapshot.values).toHaveLength(200);
    expect(snapshot.ignoredBeyond).toBe("A1:B3000");
  });

  it("shrinks the chunk and retries when cells are so long that a chunk would exceed the limit", async () => {
    const fake = new FakeExcel();
    const long = "長い相談内容".repeat(500); // 3,000 characters, ~9 KB as UTF-8
    fake.fill(deskTable(300, (i) => `${i}:${long}`).map((row, r) => (r === 0 ? row : row.map((cell, c) => (c >= 6 && c <= 9 ? `${r}:${long}` : cell)))));

    const snapshot = await workbook(fake).readActiveSheet(locate);

    expect(snapshot.values).toHaveLength(301);
    expect(snapshot.values[300][6]).toBe(`300:${long}`);
    expect(fake.syncLog.some((s) => s.refused)).toBe(true);
    expect(fake.syncLog.filter((s) => !s.refused).every((s) => s.responseBytes <= WEB_PAYLOAD_LIMIT)).toBe(true);
  });

  it("shows numbers and dates as the user sees them, strings whole, and never '####'", async () => {
    const fake = new FakeExcel();
    fake.fill([["受理番号", "日付", "件名", "金額"]]);
    fake.setCell(2, 1, { value: 160 });
    fake.setCell(2, 2, { value: 45383, format: "yyyy/m/d" });
    fake.setCell(2, 3, { value: "=ではじまる件名" });
    fake.setCell(2, 4, { value: 1234567, text: "####" });

    const snapshot = await workbook(fake).readActiveSheet(locate);

    expect(snapshot.values[1]).toEqual(["160", "2024/4/1", "=ではじまる件名", "1234567"]);
  });

  it("reports hidden (filtered) rows and merged areas; no merged areas without ExcelApi 1.13", async () => {
    const fake = new FakeExcel();
    fake.fill(deskTable(40));
    fake.sheet().hiddenRows = new Set([5, 6, 30]);
    fake.sheet().merged = ["F10:G10"];
    const snapshot = await workbook(fake).readActiveSheet(locate);
    expect(snapshot.hiddenRows).toEqual([5, 6, 30]);
    expect(snapshot.mergedAreas).toEqual(["F10:G10"]);

    fake.apiVersion = "1.7";
    expect((await workbook(fake).readActiveSheet(locate)).mergedAreas).toEqual([]);
  });

  it("returns an empty snapshot for an empty sheet", async () => {
    expect((await workbook(new FakeExcel()).readActiveSheet(locate)).values).toEqual([]);
  });

  it("reads a cell's shown text, raw value, formula and number format", async () => {
    const fake = new FakeExcel();
    fake.setCell(2, 3, { value: 6, formula: "=SUM(A1:A3)" });
    fake.setCell(2, 4, { value: "=SUM(A1:A3)", format: "@" });
    fake.setCell(2, 5, { value: 3.14159, format: "0.00" });
    const [formula, text, number] = await workbook(fake).readCells("Sheet1", [
      { row: 2, column: 3 },
      { row: 2, column: 4 },
      { row: 2, column: 5 },
    ]);
    expect(formula).toEqual({ row: 2, column: 3, value: "6", raw: 6, formula: "=SUM(A1:A3)", numberFormat: "General" });
    expect(text).toEqual({ row: 2, column: 4, value: "=SUM(A1:A3)", raw: "=SUM(A1:A3)", formula: "", numberFormat: "@" });
    expect(number).toEqual({ row: 2, column: 5, value: "3.14", raw: 3.14159, formula: "", numberFormat: "0.00" });
  });

  it("finds the rows holding given 受理番号, reading that one column", async () => {
    const fake = new FakeExcel();
    fake.fill(deskTable(50));
    const found = await workbook(fake).findRows("Sheet1", 2, ["1007", "1042", "9999"], 2);
    expect(Object.fromEntries(found)).toEqual({ "1007": [8], "1042": [43] });
  });
});

/** Write texts through writeChecked with no check (the writer's job), as a helper for these tests. */
function writeTexts(wb: OfficeWorkbook, writes: { row: number; column: number; value: string }[]) {
  return wb.writeChecked("Sheet1", { read: writes, decide: () => ({ result: true, texts: writes }) });
}

function restoreStates(wb: OfficeWorkbook, states: CellState[]) {
  return wb.writeChecked("Sheet1", { read: states, decide: () => ({ result: true, restores: states }) });
}

describe("OfficeWorkbook writing", () => {
  it("sets the text format before the values, in one batch, so '=…' stays text", async () => {
    const fake = new FakeExcel();
    await writeTexts(workbook(fake), [
      { row: 5, column: 11, value: "=SUM(A1:A3)" },
      { row: 5, column: 12, value: "-1 はマイナスではなく文字" },
      { row: 5, column: 14, value: "0120" },
    ]);
    const writeSyncs = fake.syncLog.filter((s) => s.ops.length > 0);
    expect(writeSyncs).toHaveLength(1);
    expect(writeSyncs[0].ops.map((op) => `${op.address}:${op.prop}`)).toEqual(["K5:L5:numberFormat", "K5:L5:values", "N5:numberFormat", "N5:values"]);
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

  it("hands the cells it read to the decision, and writes nothing when the decision refuses", async () => {
    const fake = new FakeExcel();
    fake.setCell(2, 11, { value: "共同編集者の入力" });
    const result = await workbook(fake).writeChecked("Sheet1", {
      read: [{ row: 2, column: 11 }],
      decide: (states) => (states[0].value === "" ? { result: "ok", texts: [{ row: 2, column: 11, value: "x" }] } : { refuse: states[0].value }),
    });
    expect(result).toEqual({ written: false, result: "共同編集者の入力" });
    expect(fake.syncLog.some((s) => s.ops.length > 0)).toBe(false);
  });

  it("refuses to write into locked cells of a protected sheet and changes nothing", async () => {
    const fake = new FakeExcel();
    fake.sheet().protected = true;
    await expect(writeTexts(workbook(fake), [{ row: 2, column: 2, value: "x" }])).rejects.toMatchObject({ name: "WorkbookError", code: "protected", detail: { cells: ["B2"] } });
    expect(fake.cell(2, 2).value).toBe("");
    expect(fake.syncLog.some((s) => s.ops.length > 0)).toBe(false);
  });

  it("writes into a protected sheet whose FAQ cells are unlocked, keeping '=…' as text without touching the format", async () => {
    const fake = new FakeExcel();
    fake.sheet().protected = true;
    fake.sheet().unlocked = [{ top: 1, left: 11, bottom: 1_048_576, right: 15 }];
    const wb = workbook(fake);
    await writeTexts(wb, [{ row: 4, column: 11, value: "=1+1" }, { row: 4, column: 12, value: "1-9 ワンクリック詐欺" }]);
    expect(fake.cell(4, 11)).toMatchObject({ value: "=1+1", formula: "", format: "General" });
    expect(fake.cell(4, 12)).toMatchObject({ value: "1-9 ワンクリック詐欺", formula: "" });

    // With "Format cells" allowed, the usual "@" format is used.
    fake.sheet().allowFormatCells = true;
    await writeTexts(wb, [{ row: 5, column: 11, value: "=2+2" }]);
    expect(fake.cell(5, 11)).toMatchObject({ value: "=2+2", formula: "", format: "@" });
    // A locked cell beside them is still refused.
    await expect(writeTexts(wb, [{ row: 5, column: 7, value: "x" }])).rejects.toMatchObject({ code: "protected" });
  });

  it("refuses to write into a read-only workbook (ExcelApi 1.8)", async () => {
    const fake = new FakeExcel();
    fake.readOnly = true;
    await expect(writeTexts(workbook(fake), [{ row: 2, column: 2, value: "x" }])).rejects.toMatchObject({ code: "readOnly" });
  });

  it("puts the cells back when Excel fails part-way through the batch (all or nothing)", async () => {
    const fake = new FakeExcel();
    fake.setCell(4, 2, { value: "前の値", format: "General" });
    fake.failAfterWrites = 1;
    await expect(
      writeTexts(workbook(fake), [
        { row: 4, column: 2, value: "新しい値" },
        { row: 6, column: 3, value: "もう一つ" },
      ]),
    ).rejects.toMatchObject({ code: "writeFailed" });
    expect(fake.cell(4, 2)).toMatchObject({ value: "前の値", format: "General" });
    expect(fake.cell(6, 3)).toMatchObject({ value: "", format: "General" });
  });

  it("splits a write whose request would be too large into several batches, each under the limit", async () => {
    const fake = new FakeExcel();
    const answer = "回答".repeat(2_000);
    const writes = Array.from({ length: 400 }, (_, i) => ({ row: i + 2, column: 14, value: `${i}${answer}` }));
    await writeTexts(workbook(fake), writes);
    const writeSyncs = fake.syncLog.filter((s) => s.ops.length > 0);
    expect(writeSyncs.length).toBeGreaterThan(1);
    for (const sync of writeSyncs) expect(sync.requestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(fake.cell(401, 14).value).toBe(`399${answer}`);
  });

  describe("exact undo: raw values, formulas and number formats come back as they were", () => {
    for (const version of ["1.16", "1.13"]) {
      it(`restores a number, a date, a formula, '=…' text and a number-like string (ExcelApi ${version})`, async () => {
        const fake = new FakeExcel();
        fake.apiVersion = version;
        fake.setCell(3, 1, { value: 3.14159, format: "0.00" });
        fake.setCell(3, 2, { value: dateSerial(2024, 4, 1), format: "yyyy/m/d" });
        fake.setCell(3, 3, { value: 6, formula: "=SUM(B1:B3)", format: "0.0" });
        fake.setCell(3, 4, { value: "=A1 ではなく文章" }); // typed as '=A1 … in a General cell
        fake.setCell(3, 5, { value: "0120" }); // typed as '0120
        fake.setCell(3, 6, { value: true });
        const wb = workbook(fake);
        const cells = [1, 2, 3, 4, 5, 6].map((column) => ({ row: 3, column }));
        const before = await wb.readCells("Sheet1", cells);
        const snapshot = cells.map(({ column }) => ({ ...fake.cell(3, column) }));

        await writeTexts(wb, cells.map((cell) => ({ ...cell, value: "上書き" })));
        await restoreStates(wb, before);

        cells.forEach(({ column }, i) => {
          const { value, formula, format } = fake.cell(3, column);
          // A formula's value is Excel's to compute; the formula itself must come back.
          const expected = snapshot[i].formula ? { formula, format } : { value, formula, format };
          expect(expected).toEqual(snapshot[i].formula ? { formula: snapshot[i].formula, format: snapshot[i].format } : { value: snapshot[i].value, formula: "", format: snapshot[i].format });
        });
        expect(typeof fake.cell(3, 1).value).toBe("number");
        expect(fake.cell(3, 4).formula).toBe("");
        expect(fake.cell(3, 5).value).toBe("0120");
      });
    }
  });
});

describe("OfficeWorkbook selection, events and settings", () => {
  it("reads whole-row, whole-column and multi-area selections from the indexes", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    fake.select("5:5");
    expect(await wb.getSelection()).toMatchObject({ row: 5, column: 1, rowCount: 1, columnCount: 16_384, address: "5:5" });
    fake.select("$5:$7");
    expect(await wb.getSelection()).toMatchObject({ row: 5, rowCount: 3, address: "5:7" });
    fake.select("A:A");
    expect(await wb.getSelection()).toMatchObject({ row: 1, column: 1, rowCount: 1_048_576, address: "A:A" });
    fake.select("B3:C4,F9");
    expect(await wb.getSelection()).toMatchObject({ row: 3, column: 2, rowCount: 2, address: "B3:C4" });
    fake.apiVersion = "1.7";
    await expect(wb.getSelection()).rejects.toBeInstanceOf(WorkbookError);
  });

  it("listens for selection changes on every sheet (1.9) or on the workbook (1.7), and removes the handler in its own context", async () => {
    for (const [version, event] of [["1.9", "worksheetsSelectionChanged"], ["1.7", "selectionChanged"]]) {
      const fake = new FakeExcel();
      fake.apiVersion = version;
      let pings = 0;
      const unsubscribe = await workbook(fake).onSelectionChanged(() => pings++);
      expect(fake.handlers.map((h) => h.event)).toEqual([event]);
      await fake.fire(event);
      await unsubscribe();
      await fake.fire(event);
      expect(pings).toBe(1);
      expect(fake.handlers).toHaveLength(0);
    }
  });

  it("passes on each change's sheet, address, kind and source (local or a co-author)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("二枚目");
    fake.apiVersion = "1.10";
    const changes: SheetChange[] = [];
    const unsubscribe = await workbook(fake).onSheetChanged((change) => changes.push(change));
    await fake.coauthorEdit(5, 6, "共同編集者の件名");
    await fake.insertRows(3, 2, "Local");
    await fake.fire("worksheetsRowSorted", { address: "A2:O40", source: "Remote", worksheetId: fake.sheet().id });
    await fake.fire("worksheetActivated", { worksheetId: fake.sheet("二枚目").id });
    expect(changes).toEqual([
      { sheetName: "Sheet1", kind: "edit", address: "F5", source: "remote" },
      { sheetName: "Sheet1", kind: "rowsInserted", address: "3:4", source: "local" },
      { sheetName: "Sheet1", kind: "sorted", address: "A2:O40", source: "remote" },
      { sheetName: "二枚目", kind: "activated", source: "local" },
    ]);
    await unsubscribe();
    expect(fake.handlers).toHaveLength(0);
  });

  it("listens sheet by sheet where WorksheetCollection.onChanged (1.9) is missing", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.7";
    fake.addSheet("二枚目");
    const changes: SheetChange[] = [];
    const unsubscribe = await workbook(fake).onSheetChanged((change) => changes.push(change));
    expect(fake.handlers.map((h) => h.event).sort()).toEqual(["changed:Sheet1", "changed:二枚目", "worksheetActivated", "worksheetAdded", "worksheetDeleted"]);
    await fake.coauthorEdit(2, 2, "x", "二枚目");
    expect(changes).toEqual([{ sheetName: "二枚目", kind: "edit", address: "B2", source: "remote" }]);
    await unsubscribe();
    expect(fake.handlers).toHaveLength(0);
  });

  it("reports protection and read-only status", async () => {
    const fake = new FakeExcel();
    fake.sheet().protected = true;
    expect(await workbook(fake).getStatus("Sheet1")).toEqual({ sheetProtected: true, readOnly: false });
    fake.apiVersion = "1.7";
    fake.readOnly = true;
    expect(await workbook(fake).getStatus("Sheet1")).toEqual({ sheetProtected: true, readOnly: false });
  });

  it("keeps settings in the document, saves them, and removes a setting rather than blanking it", async () => {
    const fake = new FakeExcel();
    const wb = workbook(fake);
    await wb.saveSetting("columnMapping:相談", "{\"content\":7}");
    expect(fake.savedSettings).toBe(1);
    expect(await wb.loadSetting("columnMapping:相談")).toBe("{\"content\":7}");
    await wb.removeSetting("columnMapping:相談");
    expect(fake.settings.has("columnMapping:相談")).toBe(false);
    expect(fake.savedSettings).toBe(2);
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
