/**
 * The pane's list views without React or a DOM — search, the backlog queue, the check and publishing —
 * composed in the controller over the in-memory workbook (and, for the 1,000-row batch, over Office.js
 * on the simulated Excel).
 */
import { PaneController, type PaneOptions, type PaneView } from "../../src/taskpane/state/pane-controller";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import type { Morphology } from "../../src/engine/text";
import type { FileHost } from "../../src/taskpane/state/export-view";
import { messagesFor, type Messages } from "../../src/taskpane/i18n";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { FAQ_SHEET_SETTING } from "../../src/workbook/faq-sheet";
import type { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel } from "../workbook/fake-excel";
import { COL, SHEET, changedCells, deskRows, deskWorkbook, everyCell } from "./desk-fixture";
import { paneControllers } from "./pane-harness";

const t = messagesFor("ja");
const open = paneControllers(t);

/** `open`, then the view shown and prepared (ranked, checked, built). */
async function openOn(view: PaneView, wb: WorkbookPort, options?: PaneOptions, messages?: Messages): Promise<PaneController> {
  const c = await open(wb, options, messages);
  c.actions.showView(view);
  await c.whenIdle();
  return c;
}

const notice = (c: PaneController) => c.getSnapshot().notice?.text ?? "";

/** The desk sheet with more filled rows, so the category filter and the check have something to work on. */
function richerDesk(): MemoryWorkbook {
  const rows = deskRows();
  rows.push(
    ["", "164", "1", "1-2 ランサムウェアを使った詐欺・恐喝", "", "ファイルが暗号化され身代金を要求された", "社内のパソコンのファイルが開けなくなり、復元するには身代金を払えという画面が出た。", "", "窓口で助言した。", "", "ランサムウェア、身代金、暗号化", "1-2 ランサムウェアを使った詐欺・恐喝", "2-4 バックアップ", "身代金は支払わず、ネットワークから切り離してください。", "警視庁 サイバー犯罪対策課 03-5805-1731"],
    ["", "165", "1", "", "", "パソコンに偽警告が出て電話した", "偽の警告画面に表示された番号に電話してしまった。", "", "窓口で助言した。", "", "", "", "", "", ""],
  );
  return new MemoryWorkbook(SHEET, rows);
}

describe("search past cases", () => {
  it("finds past cases with no row selected, best first, with row, 受理番号, 件名, category, answer and similarity", async () => {
    const wb = deskWorkbook();
    wb.select("A20");
    const c = await open(wb);
    expect(c.getSnapshot().target.kind).toBe("outside");
    c.actions.search.setQuery("警告画面が出て電話するよう言われた");
    await c.whenIdle();
    const { results } = c.getSnapshot().search;
    expect(c.getSnapshot().view).toBe("search");
    expect(results.map((r) => r.rowNumber).slice(0, 4).sort()).toEqual([2, 3, 6].concat(results.length > 3 ? [results[3].rowNumber] : []).sort());
    expect(results[0].similarity).toBeGreaterThan(0);
    expect(results[0].similarity).toBeLessThanOrEqual(1);
    const filled = results.find((r) => r.rowNumber === 2);
    expect(filled).toMatchObject({ caseNumber: "160", subject: "パソコンに偽の警告画面が出た", category: "1-9 巧妙・悪質化するワンクリック詐欺", answer: "表示された番号には電話せず、ブラウザを閉じてください。" });
    // The BEC case shares nothing telling with the query.
    expect(results.slice(0, 3).map((r) => r.rowNumber)).not.toContain(4);
    expect(c.getSnapshot().search.tookMs).toBeGreaterThanOrEqual(0);
  });

  it("takes a whole pasted consultation as the query", async () => {
    const c = await open(richerDesk());
    c.actions.search.setQuery("お世話になっております。本日朝から社内のパソコンのファイルが開けません。画面に、復元したければ身代金を払えと英語で表示されています。どうすればよいでしょうか。");
    await c.whenIdle();
    expect(c.getSnapshot().search.results[0]).toMatchObject({ rowNumber: 7, caseNumber: "164" });
  });

  it("a 1 MB paste: only the first 20,000 characters are analysed, the pane says so, and the case is still found", async () => {
    const c = await open(richerDesk());
    const consultation = "社内のパソコンのファイルが開けなくなり、身代金を払えという画面が出た。";
    c.actions.search.setQuery(consultation + "あ".repeat(1024 * 1024));
    await c.whenIdle();
    expect(c.getSnapshot().search).toMatchObject({ truncated: true, searched: true });
    expect(c.getSnapshot().search.results[0]).toMatchObject({ rowNumber: 7 });
    expect(t.searchTruncated(20_000)).toBe("入力が長いため、先頭の 20,000 文字だけで検索しました。");
    c.actions.search.setQuery(consultation);
    await c.whenIdle();
    expect(c.getSnapshot().search.truncated).toBe(false);
  });

  it("filters by category, and only filed rows match a filter", async () => {
    const c = await open(richerDesk());
    c.actions.search.setQuery("パソコン");
    await c.whenIdle();
    expect(c.getSnapshot().search.results.length).toBeGreaterThan(2);
    c.actions.search.setCategory("1-2 ランサムウェアを使った詐欺・恐喝");
    await c.whenIdle();
    expect(c.getSnapshot().search.results.map((r) => r.rowNumber)).toEqual([7]);
    c.actions.search.setCategory("");
    await c.whenIdle();
    expect(c.getSnapshot().search.results.length).toBeGreaterThan(2);
  });

  it("arrow keys move through the results, Enter selects that row in the sheet and the case view follows; Escape clears", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    c.actions.search.setQuery("警告画面");
    await c.whenIdle();
    const results = c.getSnapshot().search.results;
    c.actions.search.move(1);
    c.actions.search.move(1);
    expect(c.getSnapshot().search.active).toBe(1);
    c.actions.search.move(-1);
    c.actions.search.move(-1);
    expect(c.getSnapshot().search.active).toBe(results.length - 1);
    c.actions.search.choose();
    await c.whenIdle();
    const chosen = results[results.length - 1].rowNumber;
    expect((await wb.getSelection()).row).toBe(chosen);
    expect(c.getSnapshot().focus?.row.rowNumber).toBe(chosen);
    expect(c.getSnapshot().view).toBe("case");

    c.actions.showView("search");
    c.actions.search.clear();
    expect(c.getSnapshot().search).toMatchObject({ query: "", results: [], active: -1 });
    expect(c.getSnapshot().view).toBe("search");
    c.actions.search.clear();
    expect(c.getSnapshot().view).toBe("case");
  });

  it("a click on a result (by index) selects that row", async () => {
    const wb = richerDesk();
    const c = await open(wb);
    c.actions.search.setQuery("身代金");
    await c.whenIdle();
    c.actions.search.choose(0);
    await c.whenIdle();
    expect((await wb.getSelection()).row).toBe(7);
    expect(c.getSnapshot().focus?.row.cells.caseNumber).toBe("164");
  });

  it("learns new rows at once: a case typed in by a co-author is found at the next search", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    c.actions.search.setQuery("ネットバンキング 不正送金");
    await c.whenIdle();
    expect(c.getSnapshot().search.results.map((r) => r.rowNumber)).not.toContain(7);
    wb.simulateCoauthorEdit(SHEET, 7, 2, "170");
    wb.simulateCoauthorEdit(SHEET, 7, 6, "ネットバンキングで不正送金された");
    await c.whenIdle();
    expect(c.getSnapshot().search.results[0]).toMatchObject({ rowNumber: 7, caseNumber: "170" });
  });

  it("shows a category written by the pane at once", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    c.actions.search.setQuery("スマホに警告画面");
    await c.whenIdle();
    expect(c.getSnapshot().search.results.find((r) => r.rowNumber === 3)?.category).toBe("");
    wb.select("F3");
    await c.whenIdle();
    await c.caseView.applyAll();
    await c.whenIdle();
    expect(c.getSnapshot().search.results.find((r) => r.rowNumber === 3)?.category).toBe(wb.getCell(SHEET, 3, COL.L));
  });
});

describe("clear the backlog", () => {
  const backlog = (wb: WorkbookPort) => openOn("backlog", wb);

  it("lists the rows whose FAQ columns are not all filled, most confident top category first", async () => {
    const c = await backlog(deskWorkbook());
    const { items, phase } = c.getSnapshot().backlog;
    expect(phase).toBe("ready");
    expect(items.map((i) => i.rowNumber).sort()).toEqual([3, 4, 6]);
    for (const item of items) {
      expect(item.top?.value).toBeTruthy();
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.caseRef).toMatchObject({ sheetName: SHEET, row: item.rowNumber });
    }
    const confidences = items.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("ticks rows one by one, or every row at or above a confidence", async () => {
    const c = await backlog(deskWorkbook());
    const items = c.getSnapshot().backlog.items;
    c.actions.backlog.toggle(items[0].rowNumber);
    c.actions.backlog.toggle(99);
    expect([...c.getSnapshot().backlog.ticked]).toEqual([items[0].rowNumber]);
    c.actions.backlog.toggle(items[0].rowNumber);
    expect(c.getSnapshot().backlog.ticked.size).toBe(0);
    const middle = Math.round(items[1].confidence * 100);
    c.actions.backlog.tickAbove(middle);
    expect([...c.getSnapshot().backlog.ticked].sort()).toEqual(items.filter((i) => Math.round(i.confidence * 100) >= middle).map((i) => i.rowNumber).sort());
    expect(c.getSnapshot().backlog.threshold).toBe(middle);
    c.actions.backlog.tickAbove(0);
    expect(c.getSnapshot().backlog.ticked.size).toBe(3);
    c.actions.backlog.tickNone();
    expect(c.getSnapshot().backlog.ticked.size).toBe(0);
  });

  it("applies the top category to the ticked rows in one write, and one 元に戻す takes the whole batch back", async () => {
    const wb = deskWorkbook();
    const c = await backlog(wb);
    const before = everyCell(wb);
    const items = c.getSnapshot().backlog.items;
    c.actions.backlog.tickAbove(0);
    await c.backlogView.apply("category");
    await c.whenIdle();
    expect(wb.writeLog).toHaveLength(1);
    expect(changedCells(before, everyCell(wb)).sort()).toEqual(["3,12", "4,12", "6,12"]);
    for (const item of items) expect(wb.getCell(SHEET, item.rowNumber, COL.L)).toBe(item.top?.value);
    expect(notice(c)).toContain("3 行・3 セルに書き込みました");
    // Written rows stay in the queue (their other columns are empty), show the new value, and are unticked.
    expect(c.getSnapshot().backlog.items.find((i) => i.rowNumber === 3)?.current).toBe(wb.getCell(SHEET, 3, COL.L));
    expect(c.getSnapshot().backlog.ticked.size).toBe(0);

    await c.caseView.undo();
    await c.whenIdle();
    expect(wb.writeLog.map((e) => e.kind)).toEqual(["write", "restore"]);
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    expect(c.getSnapshot().backlog.items.find((i) => i.rowNumber === 3)?.current).toBe("");
  });

  it("applies every FAQ suggestion into the empty cells of the ticked rows, in one write", async () => {
    const wb = deskWorkbook();
    wb.setCellByUser(SHEET, 6, COL.K, "自分で入れた語");
    const c = await backlog(wb);
    c.actions.backlog.toggle(3);
    c.actions.backlog.toggle(6);
    await c.backlogView.apply("all");
    await c.whenIdle();
    expect(wb.writeLog).toHaveLength(1);
    for (const column of [COL.D, COL.K, COL.L, COL.M, COL.N]) expect(wb.getCell(SHEET, 3, column)).not.toBe("");
    expect(wb.getCell(SHEET, 6, COL.K)).toBe("自分で入れた語");
    expect(wb.getCell(SHEET, 6, COL.L)).not.toBe("");
    expect(wb.getCell(SHEET, 4, COL.L)).toBe("");
    // Row 3 is now complete (or nearly): a complete row leaves the queue.
    const row3Complete = [COL.D, COL.K, COL.L, COL.M, COL.N, COL.O].every((column) => wb.getCell(SHEET, 3, column) !== "");
    expect(c.getSnapshot().backlog.items.some((i) => i.rowNumber === 3)).toBe(!row3Complete);
  });

  it("asks before overwriting a filled category, listing row, old and new value; cancel writes nothing", async () => {
    const wb = deskWorkbook();
    wb.setCellByUser(SHEET, 4, COL.L, "仮の分類");
    const c = await backlog(wb);
    const row4 = c.getSnapshot().backlog.items.find((i) => i.rowNumber === 4);
    expect(row4?.current).toBe("仮の分類");
    c.actions.backlog.toggle(3);
    c.actions.backlog.toggle(4);
    const before = everyCell(wb);
    await c.backlogView.apply("category");
    await c.whenIdle();
    const pending = c.getSnapshot().backlog.pendingConfirmation;
    expect(pending?.overwrites).toEqual([{ row: 4, role: "category", column: COL.L, oldValue: "仮の分類", newValue: row4?.top?.value }]);
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    c.actions.backlog.cancelOverwrite();
    expect(c.getSnapshot().backlog.pendingConfirmation).toBeNull();
    expect(wb.writeLog).toHaveLength(0);

    await c.backlogView.apply("category");
    await c.backlogView.confirmOverwrite();
    await c.whenIdle();
    expect(wb.writeLog).toHaveLength(1);
    expect(wb.getCell(SHEET, 4, COL.L)).toBe(row4?.top?.value);
  });

  it("refuses the whole batch when one of the cases changed since it was shown (the event arrives late)", async () => {
    const wb = deskWorkbook();
    const c = await backlog(wb);
    c.actions.backlog.tickAbove(0);
    wb.holdEvents();
    wb.simulateCoauthorEdit(SHEET, 6, 7, "実は別の相談：SNS のアカウントを乗っ取られた");
    const before = everyCell(wb);
    await c.backlogView.apply("category");
    expect(notice(c)).toContain("6 行目の相談が表示した後に変更されていたため、何も書き込みませんでした");
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    expect(wb.writeLog).toHaveLength(0);
    wb.releaseEvents();
    await c.whenIdle();
  });

  it("unticks a ticked row whose case text a co-author changed (the event on time), and says so", async () => {
    const wb = deskWorkbook();
    const c = await backlog(wb);
    c.actions.backlog.tickAbove(0);
    wb.simulateCoauthorEdit(SHEET, 6, 6, "タブレットの警告画面（追記あり）");
    await c.whenIdle();
    expect([...c.getSnapshot().backlog.ticked].sort()).toEqual([3, 4]);
    expect(notice(c)).toBe(t.backlogUnticked(1));
    expect(c.getSnapshot().backlog.items.find((i) => i.rowNumber === 6)?.subject).toBe("タブレットの警告画面（追記あり）");
  });

  it("keeps ticks on the same cases when rows are inserted above them (the queue is ranked again)", async () => {
    const wb = deskWorkbook();
    const c = await backlog(wb);
    c.actions.backlog.toggle(4);
    wb.insertRows(SHEET, 2, 1, "remote");
    await c.whenIdle();
    expect([...c.getSnapshot().backlog.ticked]).toEqual([5]);
    await c.backlogView.apply("category");
    await c.whenIdle();
    expect(wb.getCell(SHEET, 5, COL.L)).not.toBe("");
    expect(wb.getCell(SHEET, 5, 2)).toBe("162");
  });

  it("teaches the engine a large batch at once (rebuilt from the model): search and suggestions see it, undo too", async () => {
    const rows = deskRows();
    for (let i = 0; i < 150; i++) rows.push(["", String(300 + i), "1", "", "", `警告画面が表示された（${i}）`, "サイトを見ていたらウイルス感染の警告画面が出て、電話するよう指示された。", "", "", "", "", "", "", "", ""]);
    const wb = new MemoryWorkbook(SHEET, rows);
    const c = await backlog(wb);
    const engineBefore = c.session.engine;
    c.actions.backlog.tickAbove(0);
    await c.backlogView.apply("category");
    await c.whenIdle();
    expect(wb.writeLog).toHaveLength(1);
    expect(c.session.engine).not.toBe(engineBefore);
    expect(c.session.engine?.filledCounts().category).toBe(c.getSnapshot().backlog.items.length + 1);
    c.actions.search.setQuery("警告画面が表示された（42）");
    await c.whenIdle();
    expect(c.getSnapshot().search.results[0]).toMatchObject({ caseNumber: "342", category: wb.getCell(SHEET, 48, COL.L) });
    await c.caseView.undo();
    await c.whenIdle();
    expect(c.session.engine?.filledCounts().category).toBe(1);
    expect(c.getSnapshot().search.results[0]).toMatchObject({ caseNumber: "342", category: "" });
  });

  it("says so when nothing is ticked", async () => {
    const wb = deskWorkbook();
    const c = await backlog(wb);
    await c.backlogView.apply("category");
    expect(notice(c)).toBe(t.backlogNothingTicked);
    expect(wb.writeLog).toHaveLength(0);
  });
});

describe("clear the backlog in Excel: 1,000 rows (Office.js on the simulated Excel)", () => {
  const CASES = 1_000;
  const HEADER = ["", "受理番号", "相談種別ID", "相談内容分類", "", "件名", "相談内容", "相談備考", "対応状況", "処置備考", "検索キーワード", "案件項目【Mission1】", "提示する対策項目", "標準回答（案）", "参考資料"];
  const TOPICS = [
    ["不審なメールの添付を開いた", "取引先を名乗るメールの添付ファイルを開いてしまった。ウイルス感染が心配。"],
    ["ファイルが暗号化された", "社内のファイルが暗号化され、身代金を要求する画面が表示された。"],
    ["偽の警告画面が出た", "サイトを見ていたらウイルス感染の警告画面が出て、電話するよう指示された。"],
    ["ネットバンキングで不正送金", "ネットバンキングから身に覚えのない送金がされていた。"],
  ];

  function desk(): { fake: FakeExcel; port: OfficeWorkbook } {
    const fake = new FakeExcel(SHEET);
    const rows: (string | number)[][] = [HEADER];
    for (let i = 0; i < CASES; i++) {
      const [subject, content] = TOPICS[i % TOPICS.length];
      rows.push(["", 5000 + i, 1, "", "", `${subject}（${i}）`, content, "", "助言した", "", "", "", "", "", ""]);
    }
    fake.fill(rows);
    return { fake, port: new OfficeWorkbook({ excel: fake.excel, office: fake.office }) };
  }

  const writeSyncs = (fake: FakeExcel, from = 0) => fake.syncLog.slice(from).filter((s) => s.ops.some((op) => op.prop === "values" || op.prop === "formulas"));

  it("applies the top category to 1,000 rows in one write, refused whole if one case changed, undone whole by one 元に戻す", async () => {
    const { fake, port } = desk();
    const c = await openOn("backlog", port);
    expect(c.getSnapshot().backlog.items).toHaveLength(CASES);
    c.actions.backlog.tickAbove(0);
    expect(c.getSnapshot().backlog.ticked.size).toBe(CASES);

    // A co-author rewrites one case; Excel's event has not reached the pane: the batch is refused whole.
    fake.setCell(701, 7, { value: "別の相談に書き換えられた" });
    let from = fake.syncLog.length;
    await c.backlogView.apply("category");
    expect(notice(c)).toContain("701 行目の相談が表示した後に変更されていたため、何も書き込みませんでした");
    expect(writeSyncs(fake, from)).toHaveLength(0);
    for (const row of [2, 500, 1001]) expect(fake.cell(row, COL.L).value).toBe("");
    await c.whenIdle();

    // The pane has re-read the table; the rewritten case is in the queue with its new text.
    expect(c.getSnapshot().backlog.items.find((i) => i.rowNumber === 701)?.caseRef.hash).not.toBe(undefined);
    c.actions.backlog.tickAbove(0);
    const tops = new Map(c.getSnapshot().backlog.items.map((i) => [i.rowNumber, i.top?.value]));
    from = fake.syncLog.length;
    const started = performance.now();
    await c.backlogView.apply("category");
    const elapsed = performance.now() - started;
    await c.whenIdle();
    expect(notice(c)).toContain(`${CASES} 行・${CASES} セルに書き込みました`);
    const writes = writeSyncs(fake, from);
    expect(writes).toHaveLength(1);
    expect(writes[0].ops.filter((op) => op.prop === "values")).toHaveLength(1);
    for (let row = 2; row <= CASES + 1; row++) expect(fake.cell(row, COL.L)).toMatchObject({ value: tops.get(row), format: "@" });
    expect(fake.cell(3, COL.L).value).toMatch(/^1-2 /);

    from = fake.syncLog.length;
    await c.caseView.undo();
    await c.whenIdle();
    expect(notice(c)).toBe(t.undone);
    expect(writeSyncs(fake, from)).toHaveLength(1);
    for (let row = 2; row <= CASES + 1; row++) expect(fake.cell(row, COL.L).value).toBe("");
    // For docs/ui.md: the apply's wall time on the simulated Excel (check read + one write).
    process.stdout.write(`backlog apply, 1,000 rows on the simulated Excel: ${elapsed.toFixed(0)} ms\n`);
  }, 60_000);
});

describe("check before publishing (点検)", () => {
  /** Row 7 spells 1-2 differently from the column's usual spelling (rows 8 and 9). */
  function misspelt(): MemoryWorkbook {
    const rows = deskRows();
    const filled = (number: string, subject: string, category: string, keywords: string): string[] => [
      "", number, "1", "", "", subject, `${subject}。`, "", "窓口で助言した。", "", keywords, category, "2-4 バックアップ", "バックアップから復旧してください。", "警視庁 サイバー犯罪対策課 03-5805-1731",
    ];
    rows.push(
      filled("170", "ファイルが暗号化された", "1-2 ランサムウエア", "ランサムウェア、暗号化"),
      filled("171", "身代金を要求された", "1-2 ランサムウェアを使った詐欺・恐喝", "ランサムウェア、身代金、身代金"),
      filled("172", "サーバーが暗号化された", "1-2 ランサムウェアを使った詐欺・恐喝", "ランサムウェア、サーバー"),
    );
    return new MemoryWorkbook(SHEET, rows);
  }

  const check = (wb: WorkbookPort) => openOn("check", wb);

  it("lists problems with their row and kind, and filters by kind", async () => {
    const c = await check(misspelt());
    const { problems, phase } = c.getSnapshot().check;
    expect(phase).toBe("ready");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rowNumber: 7, kind: "categorySpelling", column: COL.L, value: "1-2 ランサムウエア", fix: "1-2 ランサムウェアを使った詐欺・恐喝" }),
        expect.objectContaining({ rowNumber: 8, kind: "duplicateKeyword", column: COL.K, items: ["身代金"] }),
        expect.objectContaining({ rowNumber: 7, kind: "partlyFilled" }),
      ]),
    );
    c.actions.check.setFilter("categorySpelling");
    expect(c.getSnapshot().check.filter).toBe("categorySpelling");
    expect(c.getSnapshot().check.fixes.map((f) => `${f.rowNumber}:${f.role}`)).toEqual(["7:category", "8:keywords"]);
  });

  it("fixes one problem through the safe writer: confirmation with old and new, then one undo", async () => {
    const wb = misspelt();
    const c = await check(wb);
    const problem = c.getSnapshot().check.problems.find((p) => p.kind === "categorySpelling");
    if (!problem) throw new Error("no spelling problem");
    c.actions.check.fix(problem);
    await c.whenIdle();
    expect(c.getSnapshot().check.pendingConfirmation?.overwrites).toEqual([
      { row: 7, role: "category", column: COL.L, oldValue: "1-2 ランサムウエア", newValue: "1-2 ランサムウェアを使った詐欺・恐喝" },
    ]);
    expect(wb.writeLog).toHaveLength(0);
    c.actions.check.confirmOverwrite();
    await c.whenIdle();
    expect(wb.getCell(SHEET, 7, COL.L)).toBe("1-2 ランサムウェアを使った詐欺・恐喝");
    expect(wb.writeLog).toHaveLength(1);
    // Checked again: the problem is gone.
    expect(c.getSnapshot().check.problems.some((p) => p.kind === "categorySpelling")).toBe(false);
    await c.caseView.undo();
    await c.whenIdle();
    expect(wb.getCell(SHEET, 7, COL.L)).toBe("1-2 ランサムウエア");
    expect(c.getSnapshot().check.problems.some((p) => p.kind === "categorySpelling" && p.rowNumber === 7)).toBe(true);
  });

  it("fixes every obvious problem in one write", async () => {
    const wb = misspelt();
    const c = await check(wb);
    const before = everyCell(wb);
    c.actions.check.fixAll();
    await c.whenIdle();
    c.actions.check.confirmOverwrite();
    await c.whenIdle();
    expect(wb.writeLog).toHaveLength(1);
    expect(changedCells(before, everyCell(wb)).sort()).toEqual([`7,${COL.L}`, `8,${COL.K}`]);
    expect(wb.getCell(SHEET, 8, COL.K)).toBe("ランサムウェア、身代金");
    expect(c.getSnapshot().check.fixes).toEqual([]);
  });

  it("does not fix a cell that changed since it was checked (the event arrives late)", async () => {
    const wb = misspelt();
    const c = await check(wb);
    wb.holdEvents();
    wb.simulateCoauthorEdit(SHEET, 7, COL.L, "1-2 ランサムウェア（同僚が修正中）");
    c.actions.check.fixAll();
    await c.whenIdle();
    // Refused before any confirmation is asked for: the cell no longer reads as it was checked.
    expect(c.getSnapshot().check.pendingConfirmation).toBeNull();
    expect(notice(c)).toContain("7 行目のセルが変更されていたため、何も書き込みませんでした");
    expect(wb.getCell(SHEET, 7, COL.L)).toBe("1-2 ランサムウェア（同僚が修正中）");
    expect(wb.getCell(SHEET, 8, COL.K)).toBe("ランサムウェア、身代金、身代金");
    wb.releaseEvents();
    await c.whenIdle();
  });

  it("checks again after an edit while shown; when hidden, on being shown again", async () => {
    const wb = misspelt();
    const c = await check(wb);
    wb.setCellByUser(SHEET, 9, COL.K, "ランサムウェア、サーバー、サーバー");
    await c.whenIdle();
    expect(c.getSnapshot().check.problems.some((p) => p.rowNumber === 9 && p.kind === "duplicateKeyword")).toBe(true);
    c.actions.showView("case");
    wb.setCellByUser(SHEET, 9, COL.K, "ランサムウェア");
    await c.whenIdle();
    expect(c.getSnapshot().check.stale).toBe(true);
    c.actions.showView("check");
    await c.whenIdle();
    expect(c.getSnapshot().check.problems.some((p) => p.rowNumber === 9 && p.kind === "duplicateKeyword")).toBe(false);
  });
});

describe("publish the FAQ", () => {
  function files(canDownload = true): FileHost & { downloads: { text: string; fileName: string; type: string }[]; copies: string[] } {
    const downloads: { text: string; fileName: string; type: string }[] = [];
    const copies: string[] = [];
    return {
      canDownload,
      downloads,
      copies,
      download: (text, fileName, type) => (downloads.push({ text, fileName, type }), true),
      copy: async (text) => (copies.push(text), true),
    };
  }

  /** Row 7's answer carries a phone number and an e-mail address that must never reach the page. */
  function privateDesk(): MemoryWorkbook {
    const wb = richerDesk();
    wb.setCellByUser(SHEET, 7, COL.N, "身代金は支払わないでください。担当の山田（090-1234-5678、yamada@example.co.jp）まで。");
    return wb;
  }

  // The pane as it runs: kuromoji's dictionary loads, and publishing waits for it.
  const publish = (wb: WorkbookPort, host = files(), loadMorphology: PaneOptions["loadMorphology"] = loadNodeMorphology) =>
    openOn("export", wb, { files: host, loadMorphology });

  it("builds the page when shown, offers it as a download, and lists what the privacy gate masked", async () => {
    const host = files();
    const c = await publish(privateDesk(), host);
    const state = c.getSnapshot().export;
    expect(state.phase).toBe("ready");
    expect(state.summary).toMatchObject({ entries: 2, rowsPublished: 2 });
    expect(state.notes).toEqual([expect.objectContaining({ rowNumber: 7, caseNumber: "164", action: "masked", role: "answer" })]);
    expect(state.notes[0].text).toMatch(/電話番号/);
    expect(state.fileName).toMatch(/^faq-\d{4}-\d{2}-\d{2}\.html$/);
    c.actions.export.download();
    expect(host.downloads).toHaveLength(1);
    const page = host.downloads[0].text;
    expect(host.downloads[0].type).toMatch(/^text\/html/);
    expect(page).toContain("data-faq-entry");
    expect(page).toContain('type="search"');
    expect(page).not.toContain("090-1234-5678");
    expect(page).not.toContain("yamada@example.co.jp");
    expect(c.getSnapshot().export.delivered).toBe("download");
    expect(notice(c)).toBe(t.exportDownloaded(state.fileName));
  });

  it("leaves out rows whose answer has personal data when asked, and says which", async () => {
    const c = await publish(privateDesk());
    c.actions.export.setPrivateData("omit");
    await c.whenIdle();
    expect(c.getSnapshot().export.summary).toMatchObject({ entries: 1, rowsOmitted: 1 });
    expect(c.getSnapshot().export.notes).toEqual([expect.objectContaining({ rowNumber: 7, action: "omitted" })]);
  });

  it("where the host cannot download (Excel for Mac), says so and copies the page instead", async () => {
    const host = files(false);
    const c = await publish(privateDesk(), host);
    c.actions.export.download();
    expect(host.downloads).toHaveLength(0);
    expect(notice(c)).toBe(t.exportDownloadUnavailable);
    c.actions.export.copy();
    await c.whenIdle();
    expect(host.copies).toHaveLength(1);
    expect(host.copies[0]).toContain("data-faq-entry");
    expect(notice(c)).toBe(t.exportCopied);
  });

  it("writes the entries to a sheet named FAQ without touching the case sheet, and asks before replacing it", async () => {
    const wb = privateDesk();
    const c = await publish(wb);
    const cases = everyCell(wb);
    c.actions.export.writeSheet();
    await c.whenIdle();
    expect(wb.sheetNames).toEqual([SHEET, "FAQ"]);
    expect(wb.activeSheetName).toBe(SHEET);
    expect(wb.getCell("FAQ", 1, 2)).toBe("質問");
    expect(wb.getCell("FAQ", 2, 3)).not.toBe("");
    expect(JSON.stringify(wb.size("FAQ"))).toBe(JSON.stringify({ rows: 3, columns: 7 }));
    expect([...Array(3).keys()].map((r) => wb.getCell("FAQ", r + 1, 3)).join()).not.toContain("090-1234-5678");
    expect(everyCell(wb)).toEqual(cases);
    expect(notice(c)).toBe(t.exportSheetWritten("FAQ", 2, []));

    c.actions.export.writeSheet();
    await c.whenIdle();
    expect(c.getSnapshot().export.pendingReplace).toBe("FAQ");
    c.actions.export.cancelReplace();
    expect(c.getSnapshot().export.pendingReplace).toBeNull();
    c.actions.export.writeSheet();
    await c.whenIdle();
    c.actions.export.confirmReplace();
    await c.whenIdle();
    expect(wb.sheetNames).toEqual([SHEET, "FAQ"]);
    expect(JSON.parse((await wb.loadSetting(FAQ_SHEET_SETTING)) ?? "{}")).toMatchObject({ id: wb.sheetId("FAQ"), name: "FAQ" });
  });

  it("keeps a user's own sheet named FAQ and writes FAQ (2) instead", async () => {
    const wb = privateDesk();
    wb.addSheet("FAQ", [["自分で作った FAQ"]]);
    const c = await publish(wb);
    c.actions.export.writeSheet();
    await c.whenIdle();
    expect(wb.getCell("FAQ", 1, 1)).toBe("自分で作った FAQ");
    expect(wb.getCell("FAQ (2)", 1, 2)).toBe("質問");
    expect(notice(c)).toBe(t.exportSheetWritten("FAQ (2)", 2, ["FAQ"]));
  });

  it("marks the page out of date after an edit and builds it again when shown", async () => {
    const wb = privateDesk();
    const c = await publish(wb);
    c.actions.showView("case");
    wb.setCellByUser(SHEET, 3, COL.N, "警告画面は閉じて、表示された番号には電話しないでください。");
    await c.whenIdle();
    expect(c.getSnapshot().export.stale).toBe(true);
    c.actions.showView("export");
    await c.whenIdle();
    expect(c.getSnapshot().export).toMatchObject({ stale: false, summary: expect.objectContaining({ rowsPublished: 3 }) });
  });

  it("writes the page in English when the pane is in English", async () => {
    const host = files();
    const controller = await openOn("export", privateDesk(), { files: host }, messagesFor("en"));
    controller.actions.export.download();
    expect(host.downloads[0].text).toContain('<html lang="en">');
    expect(controller.getSnapshot().export.notes[0].text).toMatch(/phone number/);
  });
});

describe("publish waits for the full privacy detector", () => {
  function host(): FileHost & { downloads: string[] } {
    const downloads: string[] = [];
    return { canDownload: true, downloads, download: (text) => (downloads.push(text), true), copy: async () => true };
  }

  /** A name only kuromoji's dictionary knows: no honorific, role or legal form around it. */
  function bareNameDesk(): MemoryWorkbook {
    const wb = richerDesk();
    wb.setCellByUser(SHEET, 7, COL.N, "身代金は支払わないでください。山田太郎から連絡があっても、ネットワークから切り離してください。");
    return wb;
  }

  it("while the dictionary loads the page waits and says why; when it arrives the page is built with it", async () => {
    let arrive: (m: Morphology) => void = () => undefined;
    const loading = new Promise<Morphology>((resolve) => (arrive = resolve));
    const c = await open(bareNameDesk(), { files: host(), loadMorphology: () => loading });
    c.actions.showView("export");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(c.getSnapshot().export).toMatchObject({ phase: "building", detector: "waiting" });
    arrive(await loadNodeMorphology());
    await c.whenIdle();
    expect(c.getSnapshot().export).toMatchObject({ phase: "ready", detector: "full" });
    expect(c.exportView.page).not.toContain("山田");
    c.actions.export.writeSheet();
    await c.whenIdle();
    expect(notice(c)).not.toBe(t.exportSheetNeedsDictionary);
  }, 60_000);

  it("if the dictionary cannot load: the page says it used the weaker detector, and the FAQ sheet is not written", async () => {
    const wb = bareNameDesk();
    const c = await open(wb, { files: host(), loadMorphology: () => Promise.reject(new Error("offline")) });
    c.actions.showView("export");
    await c.whenIdle();
    expect(c.getSnapshot().export).toMatchObject({ phase: "ready", detector: "weaker" });
    c.actions.export.writeSheet();
    await c.whenIdle();
    expect(notice(c)).toBe(t.exportSheetNeedsDictionary);
    expect(wb.sheetNames).toEqual([SHEET]);
  });

  it("publishing 10,000 rows yields to the pane in slices (no task of the build takes the whole build)", async () => {
    const rows = deskRows();
    const base = rows[rows.length - 1];
    for (let i = 0; i < 10_000; i++) {
      const row = [...base];
      row[1] = String(20_000 + i);
      row[COL.N - 1] = `身代金は支払わないでください。担当の見本${i % 50}郎まで（090-1234-${String(1000 + (i % 9000)).padStart(4, "0")}）。`;
      rows.push(row);
    }
    const c = await open(new MemoryWorkbook(SHEET, rows), { files: host(), loadMorphology: loadNodeMorphology });
    let yields = 0;
    const counter = setInterval(() => yields++, 0);
    c.actions.showView("export");
    await c.whenIdle();
    clearInterval(counter);
    expect(c.getSnapshot().export.phase).toBe("ready");
    expect(c.getSnapshot().export.summary?.rowsPublished).toBeGreaterThan(10_000);
    // A timer could fire between slices: the build gave the pane many turns, not one at the end.
    expect(yields).toBeGreaterThan(10);
  }, 120_000);
});
