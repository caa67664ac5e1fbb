/**
 * The pane's controller without React or a DOM: the in-memory workbook plays Excel (selection,
 * co-authors, inserted rows, held-back events), the controller plays the pane.
 */
import { PaneController, type PaneState } from "../../src/taskpane/state/pane-controller";
import { tinySegmenterMorphology, type Morphology } from "../../src/engine/text/morphology";
import { messagesFor } from "../../src/taskpane/i18n";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { columnMappingKey } from "../../src/workbook/column-mapping";
import { EXCEL_CELL_CHAR_LIMIT, type SelectionInfo, type WorkbookPort } from "../../src/workbook/port";
import { COL, FAQ_COLUMNS, SHEET, changedCells, deskRows, deskWorkbook, everyCell } from "./desk-fixture";
import { paneControllers } from "./pane-harness";

const t = messagesFor("ja");
const open = paneControllers(t);

async function select(c: PaneController, wb: MemoryWorkbook, address: string): Promise<PaneState> {
  wb.select(address);
  await c.whenIdle();
  return c.getSnapshot();
}

const state = (c: PaneController) => c.getSnapshot();
const subject = (c: PaneController) => state(c).focus?.row.cells.subject;
const notice = (c: PaneController) => state(c).notice?.text ?? "";

async function applyAll(c: PaneController): Promise<void> {
  await c.caseView.applyAll();
  await c.whenIdle();
}

describe("opening and following the selection", () => {
  it("counts filled cases and shows the selected case with its suggestions and current FAQ cells", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    expect(state(c).progress).toEqual({ filled: 1, total: 4 });
    const s = await select(c, wb, "G3");
    expect(s.target).toEqual({ kind: "case", rowNumber: 3, multiRow: false });
    expect(s.focus?.caseRef).toMatchObject({ sheetName: SHEET, row: 3, caseNumber: "161" });
    expect(s.focus?.suggestions?.rowNumber).toBe(3);
    expect(s.focus?.shownValues).toEqual(Object.fromEntries(FAQ_COLUMNS.map((column) => [column, ""])));
    expect(s.draft?.category).not.toBe("");
  });

  it("explains the header row, an empty row, a cell outside the table and another sheet", async () => {
    const wb = deskWorkbook();
    wb.addSheet("メモ", [["x"]]);
    wb.setCellByUser(SHEET, 8, 1, "メモ: 集計は月末");
    const c = await open(wb);
    expect((await select(c, wb, "F1")).target.kind).toBe("header");
    expect((await select(c, wb, "F5")).target.kind).toBe("emptyRow");
    expect((await select(c, wb, "A8")).target.kind).toBe("outside");
    expect(state(c).focus).toBeNull();
  });

  it("selects the case of a whole-row selection (a click on the row number) and the first case of a column", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    expect((await select(c, wb, "6:6")).target).toEqual({ kind: "case", rowNumber: 6, multiRow: false });
    expect(subject(c)).toBe("タブレットに警告画面が表示された");
    expect((await select(c, wb, "$3:$4")).target).toEqual({ kind: "case", rowNumber: 3, multiRow: true });
    expect((await select(c, wb, "G:G")).target).toEqual({ kind: "case", rowNumber: 2, multiRow: true });
    expect((await select(c, wb, "B5:F6")).target).toEqual({ kind: "case", rowNumber: 6, multiRow: true });
  });

  it("lands on the last row when an arrow key is held: replies that arrive after a newer request are thrown away", async () => {
    const wb = deskWorkbook();
    let delay = 30;
    let reads = 0;
    // Each reply takes longer than the next selection change: an older reply always arrives late.
    const slow: WorkbookPort = Object.assign(Object.create(wb) as MemoryWorkbook, {
      getSelection: async (): Promise<SelectionInfo> => {
        reads++;
        const selection = await wb.getSelection();
        await new Promise((resolve) => setTimeout(resolve, delay));
        return selection;
      },
    });
    const c = await open(slow);
    reads = 0;
    for (const row of [2, 3, 4, 5, 6, 3, 6, 2, 3]) {
      wb.select(`F${row}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    delay = 0;
    await c.whenIdle();
    expect(state(c).selection?.row).toBe(3);
    expect(subject(c)).toBe("スマホに警告画面が表示された");
    expect(c.selection.store.get().staleReplies).toBeGreaterThan(0);
    expect(reads).toBeLessThan(9);
  });

  it("re-reads the selection when the pane regains focus, for hosts whose selection events went missing", async () => {
    const wb = deskWorkbook();
    const deaf: WorkbookPort = Object.assign(Object.create(wb) as MemoryWorkbook, { onSelectionChanged: async () => () => undefined });
    const c = await open(deaf);
    wb.select("F6");
    await c.whenIdle();
    expect(state(c).selection?.row).toBe(1);
    await c.refreshSelection();
    await c.whenIdle();
    expect(subject(c)).toBe("タブレットに警告画面が表示された");
  });

  it("polls the selection where asked to (Excel), so a missed event is caught up within the interval", async () => {
    const wb = deskWorkbook();
    const deaf: WorkbookPort = Object.assign(Object.create(wb) as MemoryWorkbook, { onSelectionChanged: async () => () => undefined });
    const c = await open(deaf, { selectionPollMs: 20 });
    wb.select("F4");
    await new Promise((resolve) => setTimeout(resolve, 80));
    await c.caseView.whenIdle();
    expect(subject(c)).toBe("取引先を装ったメールで振込先の変更依頼");
  });
});

describe("changes in the sheet", () => {
  it("shows the new case within a change cycle when a co-author rewrites the selected case, and drops the old draft", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    const oldRef = state(c).focus?.caseRef;
    c.actions.editDraft({ type: "setText", role: "answer", value: "古い相談への回答" });
    wb.simulateCoauthorEdit(SHEET, 3, 6, "取引先を名乗るメールで口座変更を求められた");
    wb.simulateCoauthorEdit(SHEET, 3, 7, "請求書の振込先を変えたいというメールが取引先から届いた。");
    await c.whenIdle();
    expect(subject(c)).toBe("取引先を名乗るメールで口座変更を求められた");
    expect(state(c).focus?.caseRef.hash).not.toBe(oldRef?.hash);
    expect(state(c).draft?.answer).not.toBe("古い相談への回答");
    expect(notice(c)).toContain("3 行目の相談内容が変更されたため");
  });

  it("refreshes when the editor edits the selected row's 件名 in the sheet", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F4");
    wb.setCellByUser(SHEET, 4, 6, "取引先のメールアドレスが乗っ取られた");
    await c.whenIdle();
    expect(subject(c)).toBe("取引先のメールアドレスが乗っ取られた");
  });

  it("re-reads only the rows an edit touched, and keeps the counter right", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    wb.readLog.length = 0;
    for (const column of FAQ_COLUMNS) wb.setCellByUser(SHEET, 4, column, "手入力");
    await c.whenIdle();
    expect(state(c).progress).toEqual({ filled: 2, total: 4 });
    expect(wb.readLog.filter((entry) => entry.kind === "sheet")).toEqual([]);
    expect(wb.readLog.filter((entry) => entry.kind === "texts").every((entry) => entry.rows === 1)).toBe(true);
  });

  it("recognises its own write by address and values (no re-read of the row), yet takes in a co-author's edit made at once", async () => {
    const wb = deskWorkbook();
    const c = await open(wb, { changeDelayMs: 30 });
    await select(c, wb, "F3");
    wb.readLog.length = 0;
    await c.caseView.applyAll();
    // A co-author types into the same row's category cell right after the write, inside the quiet period.
    wb.simulateCoauthorEdit(SHEET, 3, COL.L, "共同編集者の分類");
    await c.whenIdle();
    expect(wb.readLog.filter((entry) => entry.kind === "sheet")).toEqual([]);
    expect(c.session.rows.get(3)?.cells.category).toBe("共同編集者の分類");
    expect(state(c).focus?.shownValues?.[COL.L]).toBe("共同編集者の分類");

    // Alone, the pane's own write costs a read of just the cells it wrote (D3, K3:O3), not of the row.
    const wb2 = deskWorkbook();
    const c2 = await open(wb2);
    await select(c2, wb2, "F3");
    wb2.readLog.length = 0;
    await applyAll(c2);
    const texts = wb2.readLog.filter((entry) => entry.kind === "texts");
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((entry) => entry.rows === 1 && (entry.columns ?? 0) <= 5)).toBe(true);
    expect(state(c2).progress).toEqual({ filled: 2, total: 4 });
  });

  it("never drops a remote change that arrives while the pane is writing", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    const writing = c.caseView.applyAll();
    wb.simulateCoauthorEdit(SHEET, 4, COL.K, "途中で入った語");
    await writing;
    await c.whenIdle();
    expect(c.session.rows.get(4)?.cells.keywords).toBe("途中で入った語");
  });

  it("keeps the case and the editor's draft when a row is inserted above it", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    c.actions.editDraft({ type: "setText", role: "answer", value: "編集中の回答" });
    wb.insertRows(SHEET, 2, 1, "remote");
    await c.whenIdle();
    expect(state(c).focus?.row.rowNumber).toBe(4);
    expect(subject(c)).toBe("スマホに警告画面が表示された");
    expect(state(c).draft?.answer).toBe("編集中の回答");
    await applyAll(c);
    expect(wb.getCell(SHEET, 4, COL.N)).toBe("編集中の回答");
    expect(wb.getCell(SHEET, 3, COL.N)).toBe("表示された番号には電話せず、ブラウザを閉じてください。");
  });

  it("writes where the case is now when rows were inserted and the event came late", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    wb.holdEvents();
    wb.insertRows(SHEET, 2, 1, "local"); // the selection stays at row 3, which is now another case
    const before = everyCell(wb);
    await applyAll(c);
    expect(changedCells(before, everyCell(wb)).every((cell) => cell.startsWith("4,"))).toBe(true);
    expect(wb.getCell(SHEET, 4, COL.L)).not.toBe("");
    expect(notice(c)).toContain("3 行目から 4 行目に移動していたため");
    wb.releaseEvents();
    await c.whenIdle();
    expect(state(c).progress).toEqual({ filled: 2, total: 4 });
  });

  it("writes nothing of the old case's values when the case was rewritten and the event came late", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    wb.holdEvents();
    wb.simulateCoauthorEdit(SHEET, 3, 7, "実は別件：取引先から口座変更のメール");
    const before = everyCell(wb);
    await applyAll(c);
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    expect(notice(c)).toContain("何も書き込みませんでした");
    wb.releaseEvents();
    await c.whenIdle();
    expect(state(c).focus?.row.cells.content).toBe("実は別件：取引先から口座変更のメール");
  });

  it("re-reads the table after a sort (rows moved) and shows the case now in the selected row", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F2");
    wb.sortRows(SHEET, 2, 6, 2, true, "remote");
    await c.whenIdle();
    expect(state(c).focus?.row.cells.caseNumber).toBe(wb.getCell(SHEET, 2, 2));
    expect(state(c).progress).toEqual({ filled: 1, total: 4 });
  });

  it("re-reads the table when its header is edited, counting with the new columns", async () => {
    const wb = deskWorkbook();
    for (const column of FAQ_COLUMNS.filter((c) => c !== COL.K)) wb.setCellByUser(SHEET, 3, column, "記入済み");
    const c = await open(wb);
    expect(state(c).progress).toEqual({ filled: 1, total: 4 });
    wb.setCellByUser(SHEET, 1, COL.K, "メモ欄"); // the keywords column is no longer a FAQ column
    await c.whenIdle();
    expect(state(c).table?.columns.keywords).toBeUndefined();
    expect(state(c).progress).toEqual({ filled: 2, total: 4 });
  });

  it("re-reads the table when another sheet is activated", async () => {
    const wb = deskWorkbook();
    wb.addSheet("メモ", [["買い物リスト"]]);
    const c = await open(wb);
    await select(c, wb, "メモ!A1");
    expect(state(c).load.phase).toBe("noTable");
  });
});

describe("applying", () => {
  it("すべて適用 writes only the empty FAQ cells of that row, in one write", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    const before = everyCell(wb);
    await applyAll(c);
    expect(notice(c)).toContain("3 行目に");
    const changed = changedCells(before, everyCell(wb));
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of changed) expect(FAQ_COLUMNS.map((column) => `3,${column}`)).toContain(cell);
    expect(wb.writeLog).toHaveLength(1);
  });

  it("asks before overwriting a filled cell; cancel writes nothing, confirm writes", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F2");
    c.actions.editDraft({ type: "addItem", role: "keywords", value: "新しい語" });
    await c.caseView.applyFields(["keywords"]);
    expect(state(c).pendingConfirmation?.overwrites).toEqual([
      { row: 2, role: "keywords", column: COL.K, oldValue: "偽警告、サポート詐欺、電話", newValue: expect.stringContaining("新しい語") },
    ]);
    c.actions.cancelOverwrite();
    expect(wb.writeLog).toHaveLength(0);
    await c.caseView.applyFields(["keywords"]);
    await c.caseView.confirmOverwrite();
    await c.whenIdle();
    expect(wb.getCell(SHEET, 2, COL.K)).toContain("新しい語");
  });

  it("writes nothing when a FAQ cell changed since it was shown, and takes the new value as the baseline", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    wb.holdEvents();
    wb.simulateCoauthorEdit(SHEET, 3, COL.K, "同僚が入力した語");
    const before = everyCell(wb);
    await applyAll(c);
    expect(notice(c)).toContain("何も書き込みませんでした: 検索キーワード");
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    expect(state(c).focus?.shownValues?.[COL.K]).toBe("同僚が入力した語");
  });

  it("writes '=1+1' as text and refuses a value over Excel's cell limit", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    c.actions.editDraft({ type: "setItems", role: "keywords", values: ["=1+1"] });
    await c.caseView.applyFields(["keywords"]);
    await c.whenIdle();
    expect(wb.getCellState(SHEET, 3, COL.K)).toMatchObject({ value: "=1+1", formula: "", numberFormat: "@" });
    c.actions.editDraft({ type: "setText", role: "answer", value: "あ".repeat(EXCEL_CELL_CHAR_LIMIT + 10) });
    await c.caseView.applyFields(["answer"]);
    expect(notice(c)).toContain("32,777");
    expect(wb.getCell(SHEET, 3, COL.N)).toBe("");
  });

  it("undoes exactly: a number and a date written over come back as the same number and serial with their formats", async () => {
    const wb = deskWorkbook();
    wb.setCellValue(SHEET, 3, COL.K, 3.14159, "0.00");
    wb.setCellValue(SHEET, 3, COL.N, 45383, "yyyy/m/d");
    const c = await open(wb);
    await select(c, wb, "F3");
    await c.caseView.applyFields(["keywords", "answer"]);
    await c.caseView.confirmOverwrite();
    await c.whenIdle();
    expect(wb.getCellState(SHEET, 3, COL.K).numberFormat).toBe("@");
    expect(state(c).canUndo).toBe(true);
    await c.caseView.undo();
    await c.whenIdle();
    expect(notice(c)).toBe(t.undone);
    expect(wb.getCellState(SHEET, 3, COL.K)).toMatchObject({ raw: 3.14159, value: "3.14", numberFormat: "0.00", formula: "" });
    expect(wb.getCellState(SHEET, 3, COL.N)).toMatchObject({ raw: 45383, value: "2024/4/1", numberFormat: "yyyy/m/d" });
    expect(state(c).canUndo).toBe(false);
  });

  it("does not undo over cells someone changed after the apply", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    await applyAll(c);
    wb.simulateCoauthorEdit(SHEET, 3, COL.L, "同僚の修正");
    await c.whenIdle();
    await c.caseView.undo();
    expect(notice(c)).toContain("取り消しませんでした");
    expect(wb.getCell(SHEET, 3, COL.L)).toBe("同僚の修正");
  });

  it("learns an applied row at once: the next similar row's suggestions draw on it", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F6");
    expect(state(c).focus?.suggestions?.similar.map((s) => s.rowNumber)).not.toContain(3);
    await select(c, wb, "F3");
    await applyAll(c);
    await select(c, wb, "F6");
    expect(state(c).focus?.suggestions?.similar.map((s) => s.rowNumber)).toContain(3);
  });

  it("次の未入力行へ moves to the next case row with an empty FAQ column, skipping hidden rows, wrapping round", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F4");
    await c.caseView.nextUnfilled();
    await c.whenIdle();
    expect(state(c).focus?.row.rowNumber).toBe(6);
    await c.caseView.nextUnfilled();
    await c.whenIdle();
    expect(state(c).focus?.row.rowNumber).toBe(3);

    const hidden = deskWorkbook();
    hidden.hideRows(SHEET, [6]);
    const h = await open(hidden);
    await select(h, hidden, "F4");
    await h.caseView.nextUnfilled();
    await h.whenIdle();
    expect(state(h).focus?.row.rowNumber).toBe(3);
  });

  it("refuses locked cells of a protected sheet, and writes when the FAQ columns are unlocked", async () => {
    const wb = deskWorkbook();
    wb.setProtected(SHEET, true);
    const c = await open(wb);
    expect(state(c).status?.sheetProtected).toBe(true);
    await select(c, wb, "F3");
    await applyAll(c);
    expect(notice(c)).toContain("ロックされたセル");
    expect(wb.getCell(SHEET, 3, COL.K)).toBe("");
    wb.unlockCells(SHEET, "D:D");
    wb.unlockCells(SHEET, "K:O");
    await applyAll(c);
    expect(notice(c)).toContain("3 行目に");
    expect(wb.getCell(SHEET, 3, COL.L)).not.toBe("");
  });

  it("explains a read-only workbook and a failed write, losing nothing", async () => {
    const wb = deskWorkbook();
    wb.setReadOnly(true);
    const c = await open(wb);
    await select(c, wb, "F3");
    await applyAll(c);
    expect(notice(c)).toBe(t.readOnlyWorkbook);
    wb.setReadOnly(false);
    wb.failNextWrite(new Error("ネットワークが切断されました"));
    await applyAll(c);
    expect(notice(c)).toBe("書き込めませんでした: ネットワークが切断されました");
    for (const column of FAQ_COLUMNS) expect(wb.getCell(SHEET, 3, column)).toBe("");
  });
});

describe("the sheet as a whole", () => {
  it("saves the column mapping per sheet and forgets it by removing the setting", async () => {
    const wb = new MemoryWorkbook("独自", [
      ["番号", "題", "本文"],
      ["1", "警告画面が出た", "パソコンに警告画面が出て電話するよう言われた"],
    ]);
    const c = await open(wb);
    expect(state(c).load.phase).toBe("noTable");
    await c.session.saveMapping({ caseNumber: 1, subject: 2, content: 3 });
    await c.whenIdle();
    expect(wb.settingKeys).toEqual([columnMappingKey("独自")]);
    expect(state(c).progress).toEqual({ filled: 0, total: 1 });
    await c.session.clearMapping();
    await c.whenIdle();
    expect(wb.settingKeys).toEqual([]);
    expect(state(c).load.phase).toBe("noTable");
  });

  it("notes stray far cells it did not read, and refuses politely a table past the row limit", async () => {
    const wb = deskWorkbook();
    wb.setCellByUser(SHEET, 5000, 200, "迷子");
    const c = await open(wb);
    expect(state(c).snapshot?.ignoredBeyond).toBe("B1:GR5000");
    expect(state(c).progress).toEqual({ filled: 1, total: 4 });

    const huge = deskWorkbook();
    huge.setCellByUser(SHEET, 70_000, 7, "迷子の相談");
    const h = await open(huge);
    expect(state(h).load).toEqual({ phase: "tooLarge", rows: 69_999, limit: 60_000, lastCell: "G70000" });
  });

  it("configures every engine it builds (the morphology hook) and refreshes the shown suggestions", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    await select(c, wb, "F3");
    const configured: unknown[] = [];
    const first = state(c).focus?.suggestions;
    c.configureEngine((engine) => configured.push(engine));
    expect(configured).toHaveLength(1);
    expect(state(c).focus?.suggestions).not.toBe(first);
    wb.insertRows(SHEET, 2, 1);
    await c.whenIdle();
    expect(configured).toHaveLength(2);
    expect(configured[1]).toBe(c.session.engine);
  });

  it("reads the sheet again on 再読み込み", async () => {
    const wb = new MemoryWorkbook(SHEET, deskRows());
    const c = await open(wb);
    wb.readLog.length = 0;
    c.actions.reload();
    await c.whenIdle();
    expect(wb.readLog.some((entry) => entry.kind === "sheet")).toBe(true);
    expect(state(c).load.phase).toBe("ready");
  });
});

describe("real morphology, loaded after the first suggestions", () => {
  it("waits for the first suggestions, loads once, then suggests the shown case again with the loaded tokenizer", async () => {
    const wb = deskWorkbook();
    let calls = 0;
    const tokenized: string[] = [];
    let resolve: (m: Morphology) => void = () => undefined;
    const loaded = new Promise<Morphology>((r) => (resolve = r));
    const c = await open(wb, {
      loadMorphology: () => {
        calls++;
        return loaded;
      },
    });
    // Nothing is selected yet: the dictionary must not compete with opening the sheet.
    expect(calls).toBe(0);
    const before = (await select(c, wb, "G3")).focus?.suggestions;
    expect(before).toBeTruthy();
    expect(calls).toBe(1);
    await select(c, wb, "G4");
    expect(calls).toBe(1);
    resolve({
      name: "kuromoji",
      tokenize: (text) => {
        tokenized.push(text);
        return tinySegmenterMorphology.tokenize(text);
      },
    });
    await loaded;
    await c.whenIdle();
    // The focused row was suggested again, through the loaded tokenizer.
    expect(tokenized.length).toBeGreaterThan(0);
    expect(state(c).focus?.suggestions).not.toBe(before);
    expect(state(c).focus?.row.rowNumber).toBe(4);
    // The suggestions on screen changed by themselves: the pane says why, aloud and in the notice line.
    expect(state(c).announcement).toBe(t.suggestionsRefined);
    expect(state(c).notice).toEqual({ intent: "info", text: t.suggestionsRefined });
  });

  it("says nothing when the editor has already changed the draft (it is kept as it is)", async () => {
    const wb = deskWorkbook();
    let resolve: (m: Morphology) => void = () => undefined;
    const loaded = new Promise<Morphology>((r) => (resolve = r));
    const c = await open(wb, { loadMorphology: () => loaded });
    await select(c, wb, "G3");
    c.actions.editDraft({ type: "addItem", role: "keywords", value: "自分で足した語" });
    resolve(tinySegmenterMorphology);
    await loaded;
    await c.whenIdle();
    expect(state(c).announcement).toBe("");
    expect(state(c).draft?.keywords).toContain("自分で足した語");
  });

  it("keeps working with tiny-segmenter when the dictionary cannot be loaded", async () => {
    const wb = deskWorkbook();
    const c = await open(wb, { loadMorphology: () => Promise.reject(new Error("offline")) });
    const s = await select(c, wb, "G3");
    await c.whenIdle();
    expect(s.focus?.suggestions?.rowNumber).toBe(3);
    expect(state(c).notice).toBeNull();
  });
});

describe("search index built in the background, after the first suggestion", () => {
  const { SuggestionEngine } = jest.requireActual<typeof import("../../src/engine")>("../../src/engine");

  afterEach(() => jest.restoreAllMocks());

  it("does not index for search before the first suggestions, then starts at once", async () => {
    const prepare = jest.spyOn(SuggestionEngine.prototype, "prepareSearch");
    const wb = deskWorkbook();
    const c = await open(wb, { searchWarmUpMs: 60_000 });
    // A click right after opening must not wait behind indexing every row for search.
    expect(prepare).not.toHaveBeenCalled();
    await select(c, wb, "G3");
    expect(prepare).toHaveBeenCalledTimes(1);
    c.searchView.setQuery("ランサムウェア");
    await c.whenIdle();
    expect(state(c).search.searched).toBe(true);
  });

  it("indexes at the first query when no row was selected, and finds the case", async () => {
    const prepare = jest.spyOn(SuggestionEngine.prototype, "prepareSearch");
    const wb = deskWorkbook();
    const c = await open(wb, { searchWarmUpMs: 60_000 });
    expect(prepare).not.toHaveBeenCalled();
    c.searchView.setQuery("タブレットに警告画面");
    await c.whenIdle();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(state(c).search.results[0]?.rowNumber).toBe(6);
  });
});

describe("the session's derived state", () => {
  it("keeps the same counter and category lists when an edit changes neither, and new ones when it does", async () => {
    const wb = deskWorkbook();
    const c = await open(wb);
    const before = c.session.store.get();
    // A case text edited: nothing filled, no category added.
    wb.setCellByUser(SHEET, 3, 8, "相談備考を書き足した");
    await c.whenIdle();
    const after = c.session.store.get();
    expect(after.progress).toBe(before.progress);
    expect(after.categoryOptions).toBe(before.categoryOptions);
    // A category filled in: the counter or the lists are new objects with the new content.
    wb.setCellByUser(SHEET, 3, COL.L, "1-2 ランサムウェアを使った詐欺・恐喝");
    await c.whenIdle();
    const filled = c.session.store.get();
    expect(filled.categoryOptions === before.categoryOptions && filled.progress === before.progress).toBe(false);
  });
});
