import { readCaseTable, type CaseTable } from "../../src/engine";
import { findNextIncompleteRow, firstEmptyFaqColumn } from "../../src/workbook/next-incomplete-row";
import { selectNextEmptyRow } from "../../src/commands/select-next-empty-row";
import { LEGACY_COLUMN_MAPPING_SETTING, columnMappingKey } from "../../src/workbook/column-mapping";
import { feedbackText, nextEmptyRowCommand, runCommand, showFeedbackDialog, type Feedback } from "../../src/commands/commands";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";

const HEADER = [
  "", "受理番号", "相談種別ID", "【相談内容分類：ガイドブックmission1に準拠して】", "", "件名", "相談内容", "相談備考",
  "対応状況", "処置備考", "【FAQ用】検索キーワード", "案件項目【Mission1】", "提示する対策項目【Mission2～4】",
  "【FAQ用】標準回答（案）", "【FAQ用】対策のための参考資料・サイト（ここからセキュリティ等を参照）",
];
const FILLED = ["分類", "", "キーワード", "1-9 ワンクリック詐欺", "対策", "回答", "資料"];

/** A case row; `faq` fills D and K–O (all filled) or leaves them empty. */
function caseRow(n: number, faq: "filled" | "empty" | "partial"): string[] {
  const row = ["", String(160 + n), "1", "", "", `件名${n}`, `相談内容${n}：メールが届いた`, "", "", "", "", "", "", "", ""];
  if (faq !== "empty") {
    row[3] = FILLED[0];
    [10, 11, 12, 13, 14].forEach((c, i) => (row[c] = FILLED[i + 2]));
  }
  if (faq === "partial") row[13] = "";
  return row;
}

// Rows 2..7: filled, empty, filled, partial, filled, empty.
const KINDS = ["filled", "empty", "filled", "partial", "filled", "empty"] as const;
const ROWS = [HEADER, ...KINDS.map((kind, i) => caseRow(i, kind))];

function table(rows: string[][] = ROWS): CaseTable {
  const result = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values: rows });
  if (!result.ok) throw new Error(`no table: ${JSON.stringify(result.problem)}`);
  return result.table;
}

describe("findNextIncompleteRow", () => {
  it("finds the next row below the selection whose FAQ columns are not all filled", () => {
    expect(findNextIncompleteRow(table(), 2)?.rowNumber).toBe(3);
    expect(findNextIncompleteRow(table(), 3)?.rowNumber).toBe(5); // partly filled counts as incomplete
    expect(findNextIncompleteRow(table(), 5)?.rowNumber).toBe(7);
  });

  it("wraps round to the top after the last row, and from the header or above the table", () => {
    expect(findNextIncompleteRow(table(), 7)?.rowNumber).toBe(3);
    expect(findNextIncompleteRow(table(), 100)?.rowNumber).toBe(3);
    expect(findNextIncompleteRow(table(), 1)?.rowNumber).toBe(3);
  });

  it("passes over hidden rows and returns the current row when it is the only incomplete one", () => {
    expect(findNextIncompleteRow(table(), 3, new Set([5]))?.rowNumber).toBe(7);
    const onlyOne = [HEADER, caseRow(0, "filled"), caseRow(1, "empty"), caseRow(2, "filled")];
    expect(findNextIncompleteRow(table(onlyOne), 3)?.rowNumber).toBe(3);
  });

  it("returns nothing when every row is complete or there is no FAQ column", () => {
    expect(findNextIncompleteRow(table([HEADER, caseRow(0, "filled"), caseRow(1, "filled")]), 2)).toBeUndefined();
    const noFaq = ROWS.map((row) => row.slice(0, 3).concat(["", "", row[5], row[6]]));
    expect(findNextIncompleteRow(table(noFaq), 2)).toBeUndefined();
  });

  it("points at the leftmost empty FAQ cell", () => {
    const t = table();
    expect(firstEmptyFaqColumn(t.rows.find((r) => r.rowNumber === 3)!, t.columns)).toBe(4); // D
    expect(firstEmptyFaqColumn(t.rows.find((r) => r.rowNumber === 5)!, t.columns)).toBe(14); // N
  });
});

describe("selectNextEmptyRow command", () => {
  it("selects the first empty FAQ cell of the next incomplete row in the workbook", async () => {
    const wb = new MemoryWorkbook("相談", ROWS);
    wb.select("F3");
    expect(await selectNextEmptyRow(wb)).toEqual({ kind: "selected", row: 5, column: 14 });
    expect((await wb.getSelection()).address).toBe("N5");
    await selectNextEmptyRow(wb);
    expect((await wb.getSelection()).address).toBe("D7");
    await selectNextEmptyRow(wb);
    expect((await wb.getSelection()).address).toBe("D3");
  });

  it("skips rows hidden by a filter", async () => {
    const wb = new MemoryWorkbook("相談", ROWS);
    wb.hideRows("相談", [5]);
    wb.select("B3");
    await selectNextEmptyRow(wb);
    expect((await wb.getSelection()).row).toBe(7);
  });

  it("leaves the selection alone when all rows are filled or no table is found", async () => {
    const full = new MemoryWorkbook("相談", [HEADER, caseRow(0, "filled")]);
    full.select("C2");
    expect(await selectNextEmptyRow(full)).toEqual({ kind: "allFilled" });
    expect((await full.getSelection()).address).toBe("C2");
    const noTable = new MemoryWorkbook("メモ", [["買い物リスト"], ["牛乳"]]);
    expect(await selectNextEmptyRow(noTable)).toEqual({ kind: "noTable" });
  });

  it("uses the column mapping saved for that sheet when the headers are not recognised", async () => {
    const rows = [["番号", "題", "中身", "欄"], ["1", "メールが届いた", "不審なメールの件", "済"], ["2", "電話が来た", "不審な電話の件", ""]];
    const wb = new MemoryWorkbook("独自", rows);
    await wb.saveSetting(columnMappingKey("別のシート"), JSON.stringify({ content: 2 }));
    wb.select("A2");
    expect(await selectNextEmptyRow(wb)).toEqual({ kind: "noTable" });
    await wb.saveSetting(columnMappingKey("独自"), JSON.stringify({ caseNumber: 1, subject: 2, content: 3, keywords: 4 }));
    expect(await selectNextEmptyRow(wb)).toEqual({ kind: "selected", row: 3, column: 4 });
  });

  it("still reads a mapping saved by earlier versions under the workbook-wide key", async () => {
    const rows = [["番号", "題", "中身", "欄"], ["1", "メールが届いた", "不審なメールの件", ""]];
    const wb = new MemoryWorkbook("独自", rows);
    await wb.saveSetting(LEGACY_COLUMN_MAPPING_SETTING, JSON.stringify({ caseNumber: 1, subject: 2, content: 3, keywords: 4 }));
    wb.select("A1");
    expect(await selectNextEmptyRow(wb)).toEqual({ kind: "selected", row: 2, column: 4 });
  });

  it("works from a whole-row selection (a click on the row number: '5:5')", async () => {
    const wb = new MemoryWorkbook("相談", ROWS);
    wb.select("5:5");
    expect(await selectNextEmptyRow(wb)).toEqual({ kind: "selected", row: 7, column: 4 });
  });
});

describe("ribbon command feedback", () => {
  const event = () => ({ completed: jest.fn() });

  it("tells the user when every row is filled, when there is no table, and why it failed — then completes", async () => {
    const told: Feedback[] = [];
    const notify = async (feedback: Feedback) => void told.push(feedback);
    const full = new MemoryWorkbook("相談", [HEADER, caseRow(0, "filled")]);
    const e1 = event();
    await nextEmptyRowCommand(() => full, notify)(e1 as unknown as Office.AddinCommands.Event);
    const e2 = event();
    await nextEmptyRowCommand(() => new MemoryWorkbook("メモ", [["買い物"]]), notify)(e2 as unknown as Office.AddinCommands.Event);
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const e3 = event();
    await runCommand(e3, async () => {
      throw new Error("The sheet is protected.");
    }, notify);
    spy.mockRestore();
    expect(told).toEqual([{ kind: "allFilled" }, { kind: "noTable" }, { kind: "failed", detail: "The sheet is protected." }]);
    for (const e of [e1, e2, e3]) expect(e.completed).toHaveBeenCalledTimes(1);
    expect(feedbackText("ja", told[0])).toBe("FAQ 列が空の相談行はもうありません。");
    expect(feedbackText("en", told[2])).toContain("The sheet is protected.");
  });

  it("says nothing when the selection moved (that is the feedback), and completes only after the dialog closed", async () => {
    const wb = new MemoryWorkbook("相談", ROWS);
    wb.select("B2");
    const notify = jest.fn(async () => undefined);
    const e = event();
    await nextEmptyRowCommand(() => wb, notify)(e as unknown as Office.AddinCommands.Event);
    expect(notify).not.toHaveBeenCalled();
    expect((await wb.getSelection()).row).toBe(3);

    const order: string[] = [];
    let close: () => void = () => undefined;
    const slow = () => new Promise<void>((resolve) => (close = () => (order.push("closed"), resolve())));
    const e2 = { completed: jest.fn(() => order.push("completed")) };
    const running = runCommand(e2, async () => ({ kind: "allFilled" }), slow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(e2.completed).not.toHaveBeenCalled();
    close();
    await running;
    expect(order).toEqual(["closed", "completed"]);
  });

  it("opens this page as a small dialog with the message, and resolves when the user closes it", async () => {
    const handlers = new Map<string, () => void>();
    const dialog = { close: jest.fn(), addEventHandler: (type: string, handler: () => void) => handlers.set(type, handler) };
    let opened = "";
    const office = {
      context: {
        displayLanguage: "en-US",
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
            opened = url;
            callback({ status: "succeeded", value: dialog });
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded" },
      EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    } as unknown as typeof Office;
    const shown = showFeedbackDialog(office, { kind: "failed", detail: "保護" }, "https://localhost:3000/commands.html");
    const url = new URL(opened);
    expect(url.pathname).toBe("/commands.html");
    expect(Object.fromEntries(url.searchParams)).toEqual({ feedback: "failed", detail: "保護", lang: "en" });
    handlers.get("message")?.();
    await shown;
    expect(dialog.close).toHaveBeenCalled();
  });
});

describe("ribbon registration", () => {
  it("associates the command at the top level of the function file, before Office.onReady calls back", () => {
    const associate = jest.fn();
    const onReady = jest.fn(() => new Promise(() => undefined));
    (globalThis as unknown as { Office: unknown }).Office = { actions: { associate }, onReady };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module load is the point
      require("../../src/commands/commands");
    });
    expect(associate).toHaveBeenCalledWith("selectNextEmptyRow", expect.any(Function));
    delete (globalThis as { Office?: unknown }).Office;
  });
});
