/**
 * The FAQ's copy in a sheet of its own: the port method on both adapters (the in-memory workbook and
 * Office.js over the simulated Excel), and the ownership rule above it (`publishFaqSheet`).
 */
import { FAQ_SHEET_SETTING, publishFaqSheet, parseOwnedSheet } from "../../src/workbook/faq-sheet";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import type { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel, WEB_PAYLOAD_LIMIT } from "./fake-excel";

const CASES = "相談受付";
const TABLE = [
  ["分類", "質問", "回答"],
  ["1-9 ワンクリック詐欺", "=HYPERLINK(\"http://x\")", "+81 3 0000 0000"],
  ["1-2 ランサムウェア", "0120 の番号から電話があった場合は？", "'先頭の引用符"],
];

/** One workbook behind the port, as either adapter sees it. */
interface Host {
  port: WorkbookPort;
  names(): string[];
  active(): string;
  cell(sheet: string, row: number, column: number): { text: string; isFormula: boolean; format: string };
  addUserSheet(name: string, text: string): void;
  rename(from: string, to: string): void;
  failNextWrite(): void;
  setReadOnly(): void;
  writes(): number;
}

function memoryHost(): Host {
  const wb = new MemoryWorkbook(CASES, [["受理番号", "件名"], ["1", "警告画面"]]);
  return {
    port: wb,
    names: () => wb.sheetNames,
    active: () => wb.activeSheetName,
    cell: (sheet, row, column) => {
      const state = wb.getCellState(sheet, row, column);
      return { text: state.value, isFormula: state.formula !== "", format: state.numberFormat };
    },
    addUserSheet: (name, text) => wb.addSheet(name, [[text]]),
    rename: (from, to) => wb.renameSheet(from, to),
    failNextWrite: () => wb.failNextWrite(),
    setReadOnly: () => wb.setReadOnly(true),
    writes: () => wb.writeLog.length,
  };
}

function excelHost(fake = new FakeExcel(CASES), chunk?: { maxRequestBytes: number }): Host & { fake: FakeExcel } {
  fake.fill([["受理番号", "件名"], ["1", "警告画面"]], 1, 1, CASES);
  return {
    fake,
    port: new OfficeWorkbook({ excel: fake.excel, office: fake.office, chunk }),
    names: () => fake.sheetOrder,
    active: () => fake.activeSheet,
    cell: (sheet, row, column) => {
      const cell = fake.cell(row, column, sheet);
      return { text: fake.text(cell), isFormula: cell.formula !== "", format: cell.format };
    },
    addUserSheet: (name, text) => {
      fake.addSheet(name);
      fake.fill([[text]], 1, 1, name);
    },
    rename: (from, to) => fake.changeSheets({ kind: "renameSheet", sheet: fake.sheet(from), name: to }),
    failNextWrite: () => {
      fake.failAfterWrites = 1;
    },
    setReadOnly: () => {
      fake.readOnly = true;
    },
    writes: () => fake.syncLog.filter((s) => s.ops.length > 0).length,
  };
}

describe.each([
  ["in memory", memoryHost],
  ["in Excel (Office.js on the simulated Excel)", () => excelHost()],
])("writeFaqSheet %s", (_, make) => {
  it("adds a new sheet at the end, every cell as text, without moving the user off the case sheet", async () => {
    const host = make();
    const result = await host.port.writeFaqSheet("FAQ", TABLE);
    expect(result).toMatchObject({ written: true, sheetName: "FAQ", rows: 3, replaced: false });
    expect(host.names()).toEqual([CASES, "FAQ"]);
    expect(host.active()).toBe(CASES);
    expect(host.cell("FAQ", 2, 2)).toEqual({ text: "=HYPERLINK(\"http://x\")", isFormula: false, format: "@" });
    expect(host.cell("FAQ", 2, 3).text).toBe("+81 3 0000 0000");
    expect(host.cell("FAQ", 3, 3).text).toBe("'先頭の引用符");
    expect(host.cell(CASES, 2, 2).text).toBe("警告画面");
  });

  it("never touches an existing sheet of that name unless its id is the one to replace", async () => {
    const host = make();
    host.addUserSheet("FAQ", "利用者のメモ");
    const refused = await host.port.writeFaqSheet("FAQ", TABLE);
    expect(refused).toMatchObject({ written: false, existingId: expect.any(String) });
    expect(await host.port.writeFaqSheet("faq", TABLE, { replaceId: "{some-other-sheet}" })).toMatchObject({ written: false });
    expect(host.cell("FAQ", 1, 1).text).toBe("利用者のメモ");
    expect(host.names()).toEqual([CASES, "FAQ"]);
    expect(host.writes()).toBe(0);
  });

  it("replaces the sheet whose id it is given, in the same place, with a new id", async () => {
    const host = make();
    const first = await host.port.writeFaqSheet("FAQ", [["古い"], ["古い2"], ["古い3"], ["古い4"]]);
    if (!first.written) throw new Error("not written");
    host.addUserSheet("メモ", "x");
    const second = await host.port.writeFaqSheet("FAQ", TABLE, { replaceId: first.sheetId });
    expect(second).toMatchObject({ written: true, replaced: true });
    if (!second.written) throw new Error("not written");
    expect(second.sheetId).not.toBe(first.sheetId);
    expect(host.names()).toEqual([CASES, "FAQ", "メモ"]);
    expect(host.cell("FAQ", 1, 1).text).toBe("分類");
    // Nothing of the old copy is left below the new one.
    expect(host.cell("FAQ", 4, 1).text).toBe("");
  });

  it("leaves everything as it was when the write fails: no new sheet, the old copy intact", async () => {
    const host = make();
    const first = await host.port.writeFaqSheet("FAQ", [["古い"]]);
    if (!first.written) throw new Error("not written");
    host.failNextWrite();
    await expect(host.port.writeFaqSheet("FAQ", TABLE, { replaceId: first.sheetId })).rejects.toMatchObject({ code: "writeFailed" });
    expect(host.names()).toEqual([CASES, "FAQ"]);
    expect(host.cell("FAQ", 1, 1).text).toBe("古い");
  });

  it("refuses a read-only workbook", async () => {
    const host = make();
    host.setReadOnly();
    await expect(host.port.writeFaqSheet("FAQ", TABLE)).rejects.toMatchObject({ code: expect.stringMatching(/readOnly|protected/) });
    expect(host.names()).toEqual([CASES]);
  });
});

describe("writeFaqSheet in Excel: the 5 MB payload limit", () => {
  it("cuts a large FAQ into requests under the limit, each with the text format before the values", async () => {
    const host = excelHost();
    const answer = "不審なメールの添付ファイルは開かず、送信元に別の手段で確認してください。".repeat(12);
    const values = [["分類", "質問", "回答"], ...Array.from({ length: 10_000 }, (_, i) => [`1-${(i % 15) + 1}`, `質問${i}`, `${answer}${i}`])];
    const progress: string[] = [];
    const result = await host.port.writeFaqSheet("FAQ", values, { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(result).toMatchObject({ written: true, rows: 10_001 });
    const writes = host.fake.syncLog.filter((s) => s.ops.some((op) => op.prop === "values"));
    expect(writes.length).toBeGreaterThan(1);
    expect(host.fake.syncLog.every((s) => !s.refused && s.requestBytes < WEB_PAYLOAD_LIMIT && s.responseBytes < WEB_PAYLOAD_LIMIT)).toBe(true);
    for (const sync of writes) expect(sync.ops.map((op) => op.prop)).toEqual(["numberFormat", "values"]);
    expect(progress[progress.length - 1]).toBe(`${writes.length}/${writes.length}`);
    expect(host.cell("FAQ", 10_001, 3).text).toBe(`${answer}9999`);
  });
});

describe("publishFaqSheet: the add-in's own sheet", () => {
  const hosts: [string, () => Host][] = [
    ["in memory", memoryHost],
    ["in Excel", () => excelHost()],
  ];

  it.each(hosts)("records the sheet it wrote and replaces it only after a confirmation (%s)", async (_, make) => {
    const host = make();
    const first = await publishFaqSheet(host.port, { values: TABLE, caseSheetName: CASES });
    expect(first).toEqual({ kind: "written", sheetName: "FAQ", rows: 3, replaced: false, skipped: [] });
    expect(parseOwnedSheet(await host.port.loadSetting(FAQ_SHEET_SETTING))).toMatchObject({ name: "FAQ" });

    const again = await publishFaqSheet(host.port, { values: [["新しい"]], caseSheetName: CASES });
    expect(again).toEqual({ kind: "needsConfirmation", sheetName: "FAQ" });
    expect(host.cell("FAQ", 1, 1).text).toBe("分類");

    const confirmed = await publishFaqSheet(host.port, { values: [["新しい"]], caseSheetName: CASES, confirmedReplace: "FAQ" });
    expect(confirmed).toMatchObject({ kind: "written", sheetName: "FAQ", replaced: true });
    expect(host.cell("FAQ", 1, 1).text).toBe("新しい");
    // The setting follows the new sheet: the next publish asks again.
    expect(await publishFaqSheet(host.port, { values: [["三度目"]], caseSheetName: CASES })).toEqual({ kind: "needsConfirmation", sheetName: "FAQ" });
  });

  it.each(hosts)("never replaces a user's own sheet named FAQ: the copy goes to FAQ (2) (%s)", async (_, make) => {
    const host = make();
    host.addUserSheet("FAQ", "利用者が作った FAQ");
    const outcome = await publishFaqSheet(host.port, { values: TABLE, caseSheetName: CASES, confirmedReplace: "FAQ" });
    expect(outcome).toMatchObject({ kind: "written", sheetName: "FAQ (2)", skipped: ["FAQ"] });
    expect(host.cell("FAQ", 1, 1).text).toBe("利用者が作った FAQ");
    expect(host.cell("FAQ (2)", 1, 1).text).toBe("分類");
  });

  it.each(hosts)("treats the add-in's sheet renamed by the user as theirs, and a new sheet named FAQ as not the add-in's (%s)", async (_, make) => {
    const host = make();
    await publishFaqSheet(host.port, { values: TABLE, caseSheetName: CASES });
    host.rename("FAQ", "FAQ 2024年度");
    host.addUserSheet("FAQ", "別の表");
    const outcome = await publishFaqSheet(host.port, { values: [["新"]], caseSheetName: CASES, confirmedReplace: "FAQ" });
    expect(outcome).toMatchObject({ kind: "written", sheetName: "FAQ (2)", replaced: false });
    expect(host.cell("FAQ", 1, 1).text).toBe("別の表");
    expect(host.cell("FAQ 2024年度", 1, 1).text).toBe("分類");
  });

  it("never writes the case sheet, even when it is called FAQ", async () => {
    const wb = new MemoryWorkbook("FAQ", [["受理番号", "件名"], ["1", "警告画面"]]);
    await wb.saveSetting(FAQ_SHEET_SETTING, JSON.stringify({ id: wb.sheetId("FAQ"), name: "FAQ" }));
    const outcome = await publishFaqSheet(wb, { values: TABLE, caseSheetName: "FAQ", confirmedReplace: "FAQ" });
    expect(outcome).toMatchObject({ kind: "written", sheetName: "FAQ (2)", skipped: ["FAQ"] });
    expect(wb.getCell("FAQ", 2, 2)).toBe("警告画面");
  });

  it("refuses a value longer than a cell can hold, before writing anything", async () => {
    const wb = new MemoryWorkbook(CASES, [["x"]]);
    const outcome = await publishFaqSheet(wb, { values: [["見出し"], ["あ".repeat(40_000)]], caseSheetName: CASES });
    expect(outcome).toEqual({ kind: "tooLong", row: 2, length: 40_000, limit: 32_767 });
    expect(wb.sheetNames).toEqual([CASES]);
  });

  it("reports a read-only workbook as a failure the pane can explain", async () => {
    const wb = new MemoryWorkbook(CASES, [["x"]]);
    wb.setReadOnly(true);
    expect(await publishFaqSheet(wb, { values: TABLE, caseSheetName: CASES })).toMatchObject({ kind: "failed", code: "readOnly" });
  });
});
