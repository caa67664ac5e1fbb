import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { applyFaqBatch, applyFaqValues, undoApply, type BatchRequest, type CaseWrite } from "../../src/workbook/faq-writer";
import { CaseIdentities, caseRefOf, type CaseRef } from "../../src/workbook/case-identity";
import { EXCEL_CELL_CHAR_LIMIT, type WorkbookPort } from "../../src/workbook/port";
import { readCaseTable, type CaseTable, type ColumnMap } from "../../src/engine";
import { FakeExcel, WEB_PAYLOAD_LIMIT } from "./fake-excel";

const SHEET = "相談";
// Columns as in the desk's sheet: B 受理番号, F 件名, G 相談内容, K keywords, L category, N answer.
const K = 11;
const L = 12;
const N = 14;
const HEADER = ["", "受理番号", "", "", "", "件名", "相談内容", "", "", "", "【FAQ用】検索キーワード", "案件項目【Mission1】", "", "【FAQ用】標準回答（案）"];

function deskRows(): string[][] {
  return [
    HEADER,
    ["", "160", "", "", "", "請求画面", "ワンクリックで請求画面が出た", "", "", "", "", "", "", ""],
    ["", "161", "", "", "", "メール", "怪しいメール", "", "", "", "既存のキーワード", "", "", ""],
    ["", "162", "", "", "", "偽警告", "警告画面が出て電話するよう言われた", "", "", "", "", "", "", ""],
  ];
}

function desk(): MemoryWorkbook {
  return new MemoryWorkbook(SHEET, deskRows());
}

function tableOf(rows: string[][]): CaseTable {
  const result = readCaseTable({ sheetName: SHEET, firstRow: 1, firstColumn: 1, values: rows });
  if (!result.ok) throw new Error("no table");
  return result.table;
}

const TABLE = tableOf(deskRows());
const COLUMNS: ColumnMap = TABLE.columns;
const ref = (row: number): CaseRef => caseRefOf(SHEET, TABLE.rows.find((r) => r.rowNumber === row) as CaseRow);
type CaseRow = CaseTable["rows"][number];

function single(overrides: Partial<Parameters<typeof applyFaqValues>[1]> = {}): Parameters<typeof applyFaqValues>[1] {
  return {
    sheetName: SHEET,
    columns: COLUMNS,
    case: ref(2),
    writes: [
      { role: "keywords", column: K, value: "ワンクリック詐欺、請求画面" },
      { role: "category", column: L, value: "1-9 巧妙・悪質化するワンクリック詐欺" },
    ],
    shownValues: { [K]: "", [L]: "" },
    overwriteConfirmed: false,
    ...overrides,
  };
}

/** Every cell of the sheet as text, to prove that nothing else changed. */
function everything(wb: MemoryWorkbook): string[][] {
  const { rows, columns } = wb.size(SHEET);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => wb.getCell(SHEET, r + 1, c + 1)));
}

function differences(before: string[][], after: string[][]): string[] {
  const out: string[] = [];
  after.forEach((line, r) => line.forEach((cell, c) => cell !== (before[r]?.[c] ?? "") && out.push(`${r + 1},${c + 1}`)));
  return out;
}

describe("applyFaqValues (the batch of one)", () => {
  it("writes only the FAQ cells of that case's row, in one write", async () => {
    const wb = desk();
    const before = everything(wb);
    const outcome = await applyFaqValues(wb, single());
    expect(outcome.kind).toBe("applied");
    expect(differences(before, everything(wb))).toEqual([`2,${K}`, `2,${L}`]);
    expect(wb.writeLog).toHaveLength(1);
  });

  it("writes values beginning with = + - @ as text", async () => {
    const wb = desk();
    const values = ["=HYPERLINK(\"http://x\")", "+81 3 0000 0000", "-に注意", "@mention"];
    const writes = values.map((value, i) => ({ role: "answer" as const, column: N + i, value }));
    expect((await applyFaqValues(wb, single({ writes, shownValues: {} }))).kind).toBe("applied");
    values.forEach((value, i) => expect(wb.getCellState(SHEET, 2, N + i)).toMatchObject({ value, formula: "", numberFormat: "@" }));
  });

  it("asks before overwriting a filled cell, showing old and new values, and writes nothing meanwhile", async () => {
    const wb = desk();
    const req = single({ case: ref(3), shownValues: { [K]: "既存のキーワード", [L]: "" } });
    expect(await applyFaqValues(wb, req)).toEqual({
      kind: "needsConfirmation",
      overwrites: [{ row: 3, role: "keywords", column: K, oldValue: "既存のキーワード", newValue: "ワンクリック詐欺、請求画面" }],
    });
    expect(wb.writeLog).toHaveLength(0);
    expect((await applyFaqValues(wb, { ...req, overwriteConfirmed: true })).kind).toBe("applied");
    expect(wb.getCell(SHEET, 3, K)).toBe("ワンクリック詐欺、請求画面");
  });

  it("treats a formula cell as filled even when it shows nothing", async () => {
    const wb = desk();
    wb.setCellByUser(SHEET, 2, K, "=\"\"");
    expect((await applyFaqValues(wb, single({ shownValues: { [K]: "=\"\"", [L]: "" } }))).kind).toBe("needsConfirmation");
  });

  it("writes nothing when a target cell changed since the suggestions were shown (co-author)", async () => {
    const wb = desk();
    wb.simulateCoauthorEdit(SHEET, 2, L, "共同編集者が入力");
    expect(await applyFaqValues(wb, single())).toEqual({
      kind: "changedSinceShown",
      changed: [{ row: 2, role: "category", column: L, shown: "", now: "共同編集者が入力" }],
    });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
    expect(wb.writeLog).toHaveLength(0);
  });

  it("writes nothing into a row whose case was rewritten since it was shown (same 受理番号, new text)", async () => {
    const wb = desk();
    wb.simulateCoauthorEdit(SHEET, 2, 7, "実は別の相談：SNSアカウントを乗っ取られた");
    const before = everything(wb);
    expect(await applyFaqValues(wb, single())).toEqual({ kind: "caseChanged", cases: [ref(2)] });
    expect(differences(before, everything(wb))).toEqual([]);
  });

  it("writes into the row the case moved to when a row was inserted above it", async () => {
    const wb = desk();
    wb.insertRows(SHEET, 2, 1);
    const outcome = await applyFaqValues(wb, single());
    expect(outcome).toMatchObject({ kind: "applied", moved: [{ case: ref(2), to: 3 }] });
    expect(wb.getCell(SHEET, 3, L)).toBe("1-9 巧妙・悪質化するワンクリック詐欺");
    expect(wb.getCell(SHEET, 2, L)).toBe("");
    expect(wb.getCell(SHEET, 3, 2)).toBe("160");
  });

  it("finds a case moved by a sort, and refuses a case deleted since it was shown", async () => {
    const wb = desk();
    wb.sortRows(SHEET, 2, 4, 2, true); // 受理番号 descending: 162, 161, 160
    const outcome = await applyFaqValues(wb, single());
    expect(outcome).toMatchObject({ kind: "applied", moved: [{ to: 4 }] });
    expect(wb.getCell(SHEET, 4, L)).toBe("1-9 巧妙・悪質化するワンクリック詐欺");

    const other = desk();
    other.deleteRows(SHEET, 2, 1);
    const before = everything(other);
    expect(await applyFaqValues(other, single())).toEqual({ kind: "caseNotFound", cases: [ref(2)] });
    expect(differences(before, everything(other))).toEqual([]);
  });

  it("two identical case rows: once the original is deleted, the write does not land on its copy", async () => {
    // Row 2 pasted again as row 5: the same 受理番号 and text.
    const rows = [...deskRows(), deskRows()[1]];
    const identities = new CaseIdentities(SHEET, tableOf(rows).rows);
    const shown = identities.refOf(tableOf(rows).rows[0]);
    expect(shown).toMatchObject({ row: 2, duplicated: true });
    expect(identities.refOf(tableOf(rows).rows[1]).duplicated).toBeUndefined();

    // Nothing moved: the row shown is the row written, twin or not.
    const still = new MemoryWorkbook(SHEET, rows);
    expect((await applyFaqValues(still, single({ case: shown }))).kind).toBe("applied");
    expect(still.getCell(SHEET, 2, L)).toBe("1-9 巧妙・悪質化するワンクリック詐欺");

    const wb = new MemoryWorkbook(SHEET, rows);
    wb.deleteRows(SHEET, 2, 1);
    const before = everything(wb);
    expect(await applyFaqValues(wb, single({ case: shown }))).toEqual({ kind: "caseNotFound", cases: [shown], ambiguous: true });
    expect(differences(before, everything(wb))).toEqual([]);
  });

  it("refuses a value longer than Excel's cell limit instead of cutting it", async () => {
    const wb = desk();
    const long = "あ".repeat(EXCEL_CELL_CHAR_LIMIT + 1);
    expect(await applyFaqValues(wb, single({ writes: [...single().writes, { role: "answer", column: N, value: long }] }))).toEqual({
      kind: "tooLong",
      row: 2,
      role: "answer",
      length: EXCEL_CELL_CHAR_LIMIT + 1,
      limit: EXCEL_CELL_CHAR_LIMIT,
    });
    expect(wb.writeLog).toHaveLength(0);
    const exact = "い".repeat(EXCEL_CELL_CHAR_LIMIT);
    expect((await applyFaqValues(wb, single({ writes: [{ role: "answer", column: N, value: exact }], shownValues: {} }))).kind).toBe("applied");
    expect(wb.getCell(SHEET, 2, N)).toHaveLength(EXCEL_CELL_CHAR_LIMIT);
  });

  it("reports a protected sheet with the locked cells, and writes into unlocked FAQ cells", async () => {
    const wb = desk();
    wb.setProtected(SHEET, true);
    expect(await applyFaqValues(wb, single())).toMatchObject({ kind: "failed", code: "protected", cells: ["K2", "L2"] });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
    wb.unlockCells(SHEET, "K:O");
    expect((await applyFaqValues(wb, single())).kind).toBe("applied");
    expect(wb.getCellState(SHEET, 2, K)).toMatchObject({ value: "ワンクリック詐欺、請求画面", formula: "", numberFormat: "General" });
  });

  it("reports a failed write and leaves the cells as they were", async () => {
    const wb = desk();
    wb.failNextWrite(new Error("network"));
    expect(await applyFaqValues(wb, single())).toMatchObject({ kind: "failed", code: "writeFailed" });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
  });

  it("has nothing to write for no writes or values already in place", async () => {
    const wb = desk();
    expect(await applyFaqValues(wb, single({ writes: [] }))).toEqual({ kind: "nothingToWrite" });
    const same = single({ case: ref(3), writes: [{ role: "keywords", column: K, value: "既存のキーワード" }], shownValues: { [K]: "既存のキーワード" } });
    expect(await applyFaqValues(wb, same)).toEqual({ kind: "nothingToWrite" });
    expect(wb.writeLog).toHaveLength(0);
  });
});

describe("undoApply", () => {
  it("restores the previous values and number formats exactly", async () => {
    const wb = desk();
    wb.setNumberFormat(SHEET, 3, L, "0.0");
    const cells = [{ row: 3, column: K }, { row: 3, column: L }];
    const before = await wb.readCells(SHEET, cells);
    const outcome = await applyFaqValues(wb, single({ case: ref(3), shownValues: { [K]: "既存のキーワード", [L]: "" }, overwriteConfirmed: true }));
    if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
    expect(wb.getCellState(SHEET, 3, L).numberFormat).toBe("@");
    expect((await undoApply(wb, outcome.undo)).kind).toBe("undone");
    expect(await wb.readCells(SHEET, cells)).toEqual(before);
  });

  it("puts a number and a date back as the same number and serial with their formats", async () => {
    const wb = desk();
    wb.setCellValue(SHEET, 2, K, 3.14159, "0.00");
    wb.setCellValue(SHEET, 2, L, 45383, "yyyy/m/d");
    const req = single({ shownValues: { [K]: "3.14", [L]: "2024/4/1" }, overwriteConfirmed: true });
    const outcome = await applyFaqValues(wb, req);
    if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
    expect((await undoApply(wb, outcome.undo)).kind).toBe("undone");
    expect(wb.getCellState(SHEET, 2, K)).toMatchObject({ raw: 3.14159, value: "3.14", numberFormat: "0.00" });
    expect(wb.getCellState(SHEET, 2, L)).toMatchObject({ raw: 45383, value: "2024/4/1", numberFormat: "yyyy/m/d" });
  });

  it("undoes into the row the case moved to", async () => {
    const wb = desk();
    const outcome = await applyFaqValues(wb, single());
    if (outcome.kind !== "applied") throw new Error("expected applied");
    wb.insertRows(SHEET, 2, 2);
    expect(await undoApply(wb, outcome.undo)).toMatchObject({ kind: "undone", restored: [{ row: 4 }] });
    expect(wb.getCell(SHEET, 4, K)).toBe("");
    expect(wb.getCell(SHEET, 4, 2)).toBe("160");
  });

  it("refuses when the cells were edited after the apply, and keeps that edit", async () => {
    const wb = desk();
    const outcome = await applyFaqValues(wb, single());
    if (outcome.kind !== "applied") throw new Error("expected applied");
    wb.setCellByUser(SHEET, 2, L, "編集者が直した");
    const undo = await undoApply(wb, outcome.undo);
    expect(undo.kind).toBe("changedSinceApply");
    if (undo.kind === "changedSinceApply") expect(undo.changed.map((c) => [c.column, c.value])).toEqual([[L, "編集者が直した"]]);
    expect(wb.getCell(SHEET, 2, K)).toBe("ワンクリック詐欺、請求画面");
  });

  it("reports a failure (e.g. the sheet was protected since) without changing anything", async () => {
    const wb = desk();
    const outcome = await applyFaqValues(wb, single());
    if (outcome.kind !== "applied") throw new Error("expected applied");
    wb.setProtected(SHEET, true);
    expect(await undoApply(wb, outcome.undo)).toMatchObject({ kind: "failed", code: "protected" });
    expect(wb.getCell(SHEET, 2, K)).toBe("ワンクリック詐欺、請求画面");
  });
});

describe("applyFaqBatch: a thousand cases in one write", () => {
  const CASES = 1_000;
  const bigRows = (): string[][] => [
    HEADER,
    ...Array.from({ length: CASES }, (_, i) => ["", String(5000 + i), "", "", "", `件名${i}`, `相談${i}：不審なメールが届いた`, "", "", "", "", "", "", ""]),
  ];
  const bigTable = tableOf(bigRows());
  const items = (): CaseWrite[] =>
    bigTable.rows.map((row) => ({ case: caseRefOf(SHEET, row), writes: [{ role: "category", column: L, value: "1-6 標的型攻撃メール" }], shownValues: { [L]: "" } }));
  const request = (overrides: Partial<BatchRequest> = {}): BatchRequest => ({ sheetName: SHEET, columns: bigTable.columns, items: items(), overwriteConfirmed: false, ...overrides });

  function fakeDesk(): { fake: FakeExcel; port: WorkbookPort } {
    const fake = new FakeExcel(SHEET);
    fake.fill(bigRows());
    return { fake, port: new OfficeWorkbook({ excel: fake.excel, office: fake.office }) };
  }

  it("in Excel: one sync carries every value, the check reads stay under the payload limit, progress is reported", async () => {
    const { fake, port } = fakeDesk();
    const progress: string[] = [];
    const outcome = await applyFaqBatch(port, request({ onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) }));
    expect(outcome.kind).toBe("applied");
    const writes = fake.syncLog.filter((s) => s.ops.length > 0);
    expect(writes).toHaveLength(1);
    expect(writes[0].ops.filter((op) => op.prop === "values")).toHaveLength(1); // one block L2:L1001
    for (let row = 2; row <= CASES + 1; row++) expect(fake.cell(row, L)).toMatchObject({ value: "1-6 標的型攻撃メール", format: "@" });
    expect(fake.syncLog.every((s) => s.responseBytes < WEB_PAYLOAD_LIMIT && s.requestBytes < WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(progress[0]).toMatch(/^checking:0\//);
    expect(progress).toContain("writing:1/1");
  });

  it("in Excel: refused whole when one of the cases changed since shown — nothing written", async () => {
    const { fake, port } = fakeDesk();
    await fake.coauthorEdit(700, 7, "別の相談に書き換えられた");
    expect(await applyFaqBatch(port, request())).toMatchObject({ kind: "caseChanged", cases: [{ row: 700 }] });
    expect(fake.syncLog.filter((s) => s.ops.length > 0)).toHaveLength(0);

    const other = fakeDesk();
    other.fake.setCell(900, L, { value: "共同編集者の分類" });
    expect(await applyFaqBatch(other.port, request())).toMatchObject({ kind: "changedSinceShown", changed: [{ row: 900 }] });
    expect(other.fake.syncLog.filter((s) => s.ops.length > 0)).toHaveLength(0);
  });

  it("in Excel: a co-author's edit between the pane's check and write cannot slip in (same batch session)", async () => {
    const { fake, port } = fakeDesk();
    // The edit lands before the first check read of the write's Excel.run: the check sees it.
    fake.beforeSync = (index) => {
      if (index === 0) fake.setCell(500, L, { value: "同時に入力" });
    };
    expect((await applyFaqBatch(port, request())).kind).toBe("changedSinceShown");
    expect(fake.cell(2, L).value).toBe("");
  });

  it("in Excel: undone whole by one undo, in one write", async () => {
    const { fake, port } = fakeDesk();
    fake.setCell(10, L, { value: 42, format: "0" });
    const req = request();
    req.items[8].shownValues = { [L]: "42" };
    const outcome = await applyFaqBatch(port, { ...req, overwriteConfirmed: true });
    if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
    const before = fake.syncLog.length;
    expect((await undoApply(port, outcome.undo)).kind).toBe("undone");
    expect(fake.syncLog.slice(before).filter((s) => s.ops.length > 0)).toHaveLength(1);
    expect(fake.cell(10, L)).toMatchObject({ value: 42, format: "0" });
    for (const row of [2, 500, 1001]) expect(fake.cell(row, L)).toMatchObject({ value: "", format: "General" });
  });

  it("in memory: one write, all or nothing, one undo record", async () => {
    const wb = new MemoryWorkbook(SHEET, bigRows());
    const outcome = await applyFaqBatch(wb, request());
    if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
    expect(wb.writeLog).toEqual([expect.objectContaining({ kind: "write", cells: expect.any(Array) })]);
    expect(wb.writeLog[0].cells).toHaveLength(CASES);
    expect(outcome.undo.entries).toHaveLength(CASES);
    await undoApply(wb, outcome.undo);
    expect(wb.writeLog.map((entry) => entry.kind)).toEqual(["write", "restore"]);
    expect(wb.getCell(SHEET, 600, L)).toBe("");
  });
});
