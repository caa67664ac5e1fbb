import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { applyFaqValues, undoApply, type ApplyRequest } from "../../src/workbook/faq-writer";
import { EXCEL_CELL_CHAR_LIMIT } from "../../src/workbook/port";

const SHEET = "相談";
// Columns as in the desk's sheet: B 受理番号, F 件名, G 相談内容, K keywords, L category, N answer.
const K = 11;
const L = 12;
const N = 14;

function desk(): MemoryWorkbook {
  const rows: string[][] = [
    ["", "受理番号", "", "", "", "件名", "相談内容", "", "", "", "【FAQ用】検索キーワード", "案件項目【Mission1】", "", "【FAQ用】標準回答（案）"],
    ["", "160", "", "", "", "請求画面", "ワンクリックで請求画面が出た", "", "", "", "", "", "", ""],
    ["", "161", "", "", "", "メール", "怪しいメール", "", "", "", "既存のキーワード", "", "", ""],
  ];
  return new MemoryWorkbook(SHEET, rows);
}

function request(overrides: Partial<ApplyRequest> = {}): ApplyRequest {
  return {
    sheetName: SHEET,
    row: 2,
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

describe("applyFaqValues", () => {
  it("writes only the FAQ cells of that row, in one write", async () => {
    const wb = desk();
    const before = everything(wb);
    const outcome = await applyFaqValues(wb, request());
    expect(outcome.kind).toBe("applied");
    const after = everything(wb);
    const differences: string[] = [];
    after.forEach((line, r) => line.forEach((cell, c) => cell !== (before[r]?.[c] ?? "") && differences.push(`${r + 1},${c + 1}`)));
    expect(differences).toEqual([`2,${K}`, `2,${L}`]);
    expect(wb.getCell(SHEET, 2, L)).toBe("1-9 巧妙・悪質化するワンクリック詐欺");
    expect(wb.writeLog).toHaveLength(1);
  });

  it("writes values beginning with = + - @ as text", async () => {
    const wb = desk();
    const values = ["=HYPERLINK(\"http://x\")", "+81 3 0000 0000", "-に注意", "@mention"];
    const writes = values.map((value, i) => ({ role: "answer" as const, column: N + i, value }));
    const outcome = await applyFaqValues(wb, request({ writes, shownValues: {} }));
    expect(outcome.kind).toBe("applied");
    values.forEach((value, i) => expect(wb.getCellState(SHEET, 2, N + i)).toMatchObject({ value, formula: "", numberFormat: "@" }));
  });

  it("asks before overwriting a filled cell, showing old and new values, and writes nothing meanwhile", async () => {
    const wb = desk();
    const req = request({ row: 3, shownValues: { [K]: "既存のキーワード", [L]: "" } });
    const outcome = await applyFaqValues(wb, req);
    expect(outcome).toEqual({
      kind: "needsConfirmation",
      overwrites: [{ role: "keywords", column: K, oldValue: "既存のキーワード", newValue: "ワンクリック詐欺、請求画面" }],
    });
    expect(wb.writeLog).toHaveLength(0);
    expect(wb.getCell(SHEET, 3, L)).toBe("");

    const confirmed = await applyFaqValues(wb, { ...req, overwriteConfirmed: true });
    expect(confirmed.kind).toBe("applied");
    expect(wb.getCell(SHEET, 3, K)).toBe("ワンクリック詐欺、請求画面");
  });

  it("treats a formula cell as filled even when it shows nothing", async () => {
    const wb = desk();
    wb.setCellByUser(SHEET, 2, K, "=\"\"");
    const outcome = await applyFaqValues(wb, request({ shownValues: { [K]: "=\"\"", [L]: "" } }));
    expect(outcome.kind).toBe("needsConfirmation");
  });

  it("writes nothing when a target cell changed since the suggestions were shown (co-author)", async () => {
    const wb = desk();
    wb.simulateCoauthorEdit(SHEET, 2, L, "共同編集者が入力");
    const outcome = await applyFaqValues(wb, request());
    expect(outcome).toEqual({
      kind: "changedSinceShown",
      changed: [{ role: "category", column: L, shown: "", now: "共同編集者が入力" }],
    });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
    expect(wb.writeLog).toHaveLength(0);
  });

  it("refuses a value longer than Excel's cell limit instead of cutting it", async () => {
    const wb = desk();
    const long = "あ".repeat(EXCEL_CELL_CHAR_LIMIT + 1);
    const outcome = await applyFaqValues(
      wb,
      request({ writes: [...request().writes, { role: "answer", column: N, value: long }], shownValues: {} }),
    );
    expect(outcome).toEqual({ kind: "tooLong", role: "answer", length: EXCEL_CELL_CHAR_LIMIT + 1, limit: EXCEL_CELL_CHAR_LIMIT });
    expect(wb.writeLog).toHaveLength(0);

    const exact = "い".repeat(EXCEL_CELL_CHAR_LIMIT);
    const ok = await applyFaqValues(wb, request({ writes: [{ role: "answer", column: N, value: exact }], shownValues: {} }));
    expect(ok.kind).toBe("applied");
    expect(wb.getCell(SHEET, 2, N)).toHaveLength(EXCEL_CELL_CHAR_LIMIT);
  });

  it("reports a protected sheet as a failure with its code and writes nothing", async () => {
    const wb = desk();
    wb.setProtected(SHEET, true);
    const outcome = await applyFaqValues(wb, request());
    expect(outcome).toMatchObject({ kind: "failed", code: "protected" });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
  });

  it("reports a failed write and leaves the cells as they were", async () => {
    const wb = desk();
    wb.failNextWrite(new Error("network"));
    expect(await applyFaqValues(wb, request())).toMatchObject({ kind: "failed", code: "writeFailed" });
    expect(wb.getCell(SHEET, 2, K)).toBe("");
  });

  it("has nothing to write for no writes or values already in place", async () => {
    const wb = desk();
    expect(await applyFaqValues(wb, request({ writes: [] }))).toEqual({ kind: "nothingToWrite" });
    const same = request({ row: 3, writes: [{ role: "keywords", column: K, value: "既存のキーワード" }], shownValues: { [K]: "既存のキーワード" } });
    expect(await applyFaqValues(wb, same)).toEqual({ kind: "nothingToWrite" });
    expect(wb.writeLog).toHaveLength(0);
  });
});

describe("undoApply", () => {
  it("restores the previous values and number formats exactly", async () => {
    const wb = desk();
    wb.setNumberFormat(SHEET, 3, K, "General");
    wb.setNumberFormat(SHEET, 3, L, "0.0");
    const before = await wb.readCells(SHEET, [
      { row: 3, column: K },
      { row: 3, column: L },
    ]);
    const outcome = await applyFaqValues(wb, request({ row: 3, shownValues: { [K]: "既存のキーワード", [L]: "" }, overwriteConfirmed: true }));
    if (outcome.kind !== "applied") throw new Error(`expected applied, got ${outcome.kind}`);
    expect(wb.getCellState(SHEET, 3, L).numberFormat).toBe("@");

    expect(await undoApply(wb, outcome.undo)).toEqual({ kind: "undone" });
    expect(await wb.readCells(SHEET, [
      { row: 3, column: K },
      { row: 3, column: L },
    ])).toEqual(before);
  });

  it("refuses when the cells were edited after the apply, and keeps that edit", async () => {
    const wb = desk();
    const outcome = await applyFaqValues(wb, request());
    if (outcome.kind !== "applied") throw new Error("expected applied");
    wb.setCellByUser(SHEET, 2, L, "編集者が直した");
    const undo = await undoApply(wb, outcome.undo);
    expect(undo.kind).toBe("changedSinceApply");
    if (undo.kind === "changedSinceApply") expect(undo.changed.map((c) => [c.column, c.value])).toEqual([[L, "編集者が直した"]]);
    expect(wb.getCell(SHEET, 2, L)).toBe("編集者が直した");
    expect(wb.getCell(SHEET, 2, K)).toBe("ワンクリック詐欺、請求画面");
  });

  it("reports a failure (e.g. the sheet was protected since) without changing anything", async () => {
    const wb = desk();
    const outcome = await applyFaqValues(wb, request());
    if (outcome.kind !== "applied") throw new Error("expected applied");
    wb.setProtected(SHEET, true);
    expect(await undoApply(wb, outcome.undo)).toMatchObject({ kind: "failed", code: "protected" });
    expect(wb.getCell(SHEET, 2, K)).toBe("ワンクリック詐欺、請求画面");
  });
});
