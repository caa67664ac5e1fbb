/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { SuggestionEngine, TAXONOMY, headerLookedFor, readCaseTable } from "../../src/engine";
import { messagesFor } from "../../src/taskpane/i18n";
import { originText } from "../../src/taskpane/components/SuggestionCard";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { COL, FAQ_COLUMNS, SHEET, changedCells, deskRows, deskWorkbook, everyCell } from "./desk-fixture";
import { INTERACTIVE, fluentInJsdom, unnamedControls as unnamed } from "./pane-harness";

// Fluent's many CSS rules make jsdom's getComputedStyle slow; role queries need not check visibility here.
configure({ defaultHidden: true });
jest.setTimeout(30000);

fluentInJsdom();

afterEach(cleanup);

async function openPane(wb: MemoryWorkbook, language: "ja" | "en" = "ja") {
  render(<App port={wb} language={language} />);
  await screen.findByTestId("filled-count", undefined, { timeout: 15000 });
}

/** Selects a cell as the editor would and waits until the pane can apply to that row. */
async function selectCase(wb: MemoryWorkbook, address: string, subject: string) {
  act(() => wb.select(address));
  const summary = await screen.findByTestId("case-summary");
  await waitFor(() => expect(within(summary).getByTestId("case-subject")).toHaveTextContent(subject));
  await waitFor(() => expect(button("すべて適用")).toBeEnabled());
}

/**
 * Testing Library's name queries compute accessible names through getComputedStyle, which is very slow
 * in jsdom with Fluent's style sheets. These controls carry their name in aria-label or their text,
 * so the helpers match on exactly that. (The end-to-end test uses real role queries in Chromium.)
 */
function named<T extends HTMLElement>(selector: string, name: string | RegExp, container: ParentNode = document): T[] {
  return [...container.querySelectorAll<T>(selector)].filter((element) => {
    const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim();
    return typeof name === "string" ? text === name : name.test(text);
  });
}

function button(name: string | RegExp, container: ParentNode = document): HTMLButtonElement {
  const found = named<HTMLButtonElement>("button", name, container);
  if (found.length !== 1) throw new Error(`Expected one button named ${name}, found ${found.length}`);
  return found[0];
}

function textbox(name: string | RegExp, container: ParentNode = document): HTMLInputElement | HTMLTextAreaElement {
  const found = named<HTMLInputElement | HTMLTextAreaElement>("input, textarea", name, container);
  if (found.length !== 1) throw new Error(`Expected one text box named ${name}, found ${found.length}`);
  return found[0];
}

function card(role: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-role="${role}"]`);
  if (!element) throw new Error(`No card for ${role}`);
  return element;
}

async function findDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error("No dialog open");
    return dialog;
  });
}

function notice(): HTMLElement {
  return screen.getByTestId("notice");
}

describe("task pane: opening and following the selection", () => {
  it("shows how many cases are filled and the selected case", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    expect(screen.getByTestId("filled-count")).toHaveTextContent("入力済み 1 / 4 件");
    await selectCase(wb, "G3", "スマホに警告画面が表示された");
    expect(screen.getByTestId("case-number")).toHaveTextContent("161");
    expect(screen.getByTestId("case-content")).toHaveTextContent("スマートフォンでサイトを見ていたら");
    // A card for every FAQ column the sheet has, each with its own apply button.
    for (const name of ["相談内容分類", "検索キーワード", "案件項目", "対策項目", "標準回答", "参考資料・サイト"]) {
      expect(button(`「${name}」を適用`)).toBeInTheDocument();
    }
    // The category list's opener is named in the pane's language, not Fluent's English "Open".
    const opener = card("category").querySelector('[role="button"][aria-label]');
    expect(opener).toHaveAttribute("aria-label", "候補の一覧を開く");
  });

  it("says which headers it looked for when the sheet has none, and offers a column mapping", async () => {
    const wb = new MemoryWorkbook("Sheet1", [
      ["番号", "タイトル", "本文"],
      ["1", "警告画面", "警告画面が出た"],
    ]);
    await act(async () => {
      render(<App port={wb} language="ja" />);
    });
    const problem = await screen.findByTestId("problem");
    expect(problem).toHaveTextContent("相談表の見出し行が見つかりません");
    for (const header of headerLookedFor()) expect(problem).toHaveTextContent(header);
    expect(document.querySelector('form[aria-label="列の割り当て"]')).not.toBeNull();
  });

  it("saves the column mapping chosen in the form and uses it at once", async () => {
    const wb = new MemoryWorkbook("Sheet1", [
      ["番号", "タイトル", "本文"],
      ["1", "警告画面が出た", "パソコンに警告画面が出て電話するよう言われた"],
    ]);
    await act(async () => {
      render(<App port={wb} language="ja" />);
    });
    const form = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('form[aria-label="列の割り当て"]');
      if (!element) throw new Error("no mapping form");
      return element;
    });
    // Choose column C (its first text is 本文) for 相談内容, then save.
    fireEvent.click(button("相談内容", form));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === "C 列: 本文");
      if (!found) throw new Error("option not shown");
      return found;
    });
    fireEvent.click(option);
    fireEvent.click(button("この割り当てを使う", form));
    await screen.findByTestId("filled-count", undefined, { timeout: 15000 });
    expect(JSON.parse((await wb.loadSetting("columnMapping:Sheet1")) ?? "{}")).toMatchObject({ content: 3 });
    expect(screen.getByTestId("filled-count")).toHaveTextContent("入力済み 0 / 1 件");
  });

  it("gives a plain message for the header row, an empty row and cells outside the table", async () => {
    const wb = deskWorkbook();
    wb.setCellByUser(SHEET, 8, 1, "メモ: 集計は月末");
    await openPane(wb);
    act(() => wb.select("F1"));
    expect(await screen.findByTestId("selection-message")).toHaveTextContent("見出し行が選択されています");
    act(() => wb.select("F5"));
    await waitFor(() => expect(screen.getByTestId("selection-message")).toHaveTextContent("空の行が選択されています"));
    act(() => wb.select("A8"));
    await waitFor(() => expect(screen.getByTestId("selection-message")).toHaveTextContent("相談表の外が選択されています"));
    expect(document.querySelector('[role="alert"]')?.textContent ?? "").toBe("");
  });

  it("asks for the selection again when the pane regains focus (selection events can go missing)", async () => {
    const wb = deskWorkbook();
    const deaf = Object.assign(Object.create(wb) as MemoryWorkbook, { onSelectionChanged: async () => () => undefined });
    await openPane(deaf);
    act(() => wb.select("F4"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId("case-summary")).toBeNull();
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("取引先を装ったメールで振込先の変更依頼"));
  });

  it("uses the first case row of a multi-row selection and says so", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    act(() => wb.select("B5:F6"));
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("タブレットに警告画面が表示された"));
    expect(screen.getByText(/複数の行が選択されています。最初の相談行（6 行目）を使います/)).toBeInTheDocument();
  });

  it("explains merged cells, hidden rows, stray far cells, protection, an empty sheet and a sheet too large", async () => {
    const wb = deskWorkbook();
    wb.merge(SHEET, "F3:G3");
    wb.hideRows(SHEET, [4]);
    wb.setCellByUser(SHEET, 9000, 100, "迷子");
    wb.setProtected(SHEET, true);
    await openPane(wb);
    expect(screen.getByTestId("sheet-note-merged")).toHaveTextContent("F3:G3");
    expect(screen.getByTestId("sheet-note-hidden")).toHaveTextContent("1 行");
    expect(screen.getByTestId("sheet-note-ignored")).toHaveTextContent("相談表の外（CV9000 まで）にも値の入ったセルがあります");
    // Says what can still be written, not that nothing can.
    expect(screen.getByTestId("sheet-note-protected")).toHaveTextContent("書き込めるのは、ロックが解除された FAQ 列のセルだけです");
    // The stray-cell note names the cell and can be closed.
    fireEvent.click(button("閉じる", screen.getByTestId("sheet-note-ignored")));
    await waitFor(() => expect(screen.queryByTestId("sheet-note-ignored")).toBeNull());
    cleanup();

    const huge = deskWorkbook();
    huge.setCellByUser(SHEET, 80_000, 7, "迷子の相談");
    await act(async () => {
      render(<App port={huge} language="en" />);
    });
    expect(await screen.findByTestId("problem")).toHaveTextContent("more than the 60,000 the pane can serve (last value: G80000)");
    cleanup();

    await act(async () => {
      render(<App port={new MemoryWorkbook("Sheet1", [])} language="ja" />);
    });
    expect(await screen.findByTestId("problem")).toHaveTextContent("このシートは空です");
  });

  it("gives every control an accessible name", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F2", "パソコンに偽の警告画面が出た");
    expect(document.querySelectorAll(INTERACTIVE).length).toBeGreaterThan(20);
    expect(unnamed()).toEqual([]);
    cleanup();

    await act(async () => {
      render(<App port={new MemoryWorkbook("Sheet1", [["番号", "タイトル", "本文"], ["1", "警告", "警告画面が出た"]])} language="en" />);
    });
    await waitFor(() => expect(document.querySelector("form")).not.toBeNull());
    expect(unnamed()).toEqual([]);
  });

  it("follows the Office display language", async () => {
    const wb = deskWorkbook();
    await openPane(wb, "en");
    expect(screen.getByTestId("filled-count")).toHaveTextContent("Filled 1 / 4 cases");
    expect(button("Apply all")).toBeInTheDocument();
  });
});

describe("task pane: why each suggestion was made, and editing it", () => {
  it("shows on every card whether it came from filled rows or the guidebook, and the filled cell's current value", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F2", "パソコンに偽の警告画面が出た");
    // The expected origins come from the engine itself, on the same sheet.
    const result = readCaseTable({ sheetName: SHEET, firstRow: 1, firstColumn: 1, values: deskRows() });
    if (!result.ok) throw new Error("fixture has no table");
    const suggestions = SuggestionEngine.build(result.table).suggest(2);
    const t = messagesFor("ja");
    const origins = {
      classification: suggestions.classification[0].origin,
      category: suggestions.category[0].origin,
      keywords: suggestions.keywords.origin,
      countermeasures: suggestions.countermeasures.origin,
      answer: suggestions.answer.origin,
      references: suggestions.references.origin,
    };
    for (const [role, origin] of Object.entries(origins)) expect(card(role)).toHaveTextContent(originText(t, origin));
    // Row 2 is filled: each card shows what the cell holds now.
    expect(within(card("keywords")).getByTestId("current-keywords")).toHaveTextContent("偽警告、サポート詐欺、電話");
    expect(within(card("answer")).getByTestId("current-answer")).toHaveTextContent("表示された番号には電話せず");
  });

  it("selects a similar row in the sheet when its row number is clicked", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    fireEvent.click(named("button", "2 行目を選択")[0]);
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("パソコンに偽の警告画面が出た"));
    expect((await wb.getSelection()).row).toBe(2);
  });

  it("lets the editor type a category, completed from the sheet's values and the guidebook list", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const combobox = textbox("相談内容分類: 候補から選ぶか入力", card("classification"));
    // Typed through an IME: only change events, no key that would open the list by itself.
    fireEvent.change(combobox, { target: { value: "詐欺" } });
    const options = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent ?? "");
      if (found.length === 0) throw new Error("no options shown");
      return found;
    });
    // The sheet's own spelling (row 2) first, then the guidebook titles that match what was typed.
    expect(options[0]).toBe("1-9 ワンクリック詐欺・偽警告");
    const guidebook = TAXONOMY.filter((item) => item.label.includes("詐欺") && !item.label.startsWith("1-9 ")).map((item) => item.label);
    expect(guidebook.length).toBeGreaterThan(0);
    expect(options.slice(1)).toEqual(guidebook);
    fireEvent.click([...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === "1-9 ワンクリック詐欺・偽警告")!);
    // Fluent keeps the list mounted while the box has focus; moving on (as Tab would) unmounts it.
    act(() => combobox.blur());
    fireEvent.click(button("「相談内容分類」を適用"));
    await waitFor(() => expect(wb.getCell(SHEET, 3, COL.D)).toBe("1-9 ワンクリック詐欺・偽警告"));
  });

  it("removes a chip with Delete or Backspace on the chip itself", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const keywords = card("keywords");
    const chips = () => [...keywords.querySelectorAll<HTMLElement>(".fui-InteractionTagPrimary")];
    const first = chips()[0];
    const value = first.textContent ?? "";
    expect(value).not.toBe("");
    fireEvent.keyDown(first, { key: "Delete" });
    await waitFor(() => expect(named("button", `「${value}」を削除`, keywords)).toHaveLength(0));
    const second = chips()[0];
    const secondValue = second.textContent ?? "";
    fireEvent.keyDown(second, { key: "Backspace" });
    await waitFor(() => expect(named("button", `「${secondValue}」を削除`, keywords)).toHaveLength(0));
  });

  it("lists and highlights what was masked in the draft answer, also after the editor changes it", async () => {
    const rows = deskRows();
    rows[1][13] = "山田様、表示された番号（090-1234-5678）には電話せず、ブラウザを閉じてください。";
    const wb = new MemoryWorkbook(SHEET, rows);
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const answer = card("answer");
    const draft = textbox("標準回答", answer);
    expect(draft.value).not.toContain("090-1234-5678");
    expect(draft.value).not.toContain("山田");
    expect(within(answer).getByTestId("masked-list")).toHaveTextContent("電話番号 → ［電話番号］");
    expect(within(answer).getByTestId("masked-list")).toHaveTextContent("人名 → ［氏名］");
    const marked = () => [...answer.querySelectorAll("mark")].map((mark) => mark.textContent);
    expect(marked()).toEqual(expect.arrayContaining(["［氏名］", "［電話番号］"]));
    fireEvent.change(draft, { target: { value: `はじめに。${draft.value}` } });
    expect(marked()).toEqual(expect.arrayContaining(["［氏名］", "［電話番号］"]));
  });
});

describe("task pane: where each sentence of the draft comes from", () => {
  it("lists the guidebook item or the row each sentence of the suggested draft comes from", async () => {
    const rows = deskRows();
    rows[1][13] = "表示された番号に電話しないでください。ブラウザを閉じれば消えます。";
    const wb = new MemoryWorkbook(SHEET, rows);
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const sources = within(card("answer")).getByTestId("answer-sources");
    const items = [...sources.querySelectorAll("li")];
    expect(items.length).toBeGreaterThan(1);
    // The desk's own sentence (row 2) is credited to its row, as a link that selects it …
    expect(named("button", "2 行目を選択", sources)).toHaveLength(1);
    // … and the others to the guidebook's item.
    expect(sources).toHaveTextContent(/ガイドブック 1-9/);
  });
});

describe("task pane: applying suggestions", () => {
  it("すべて適用 writes only the empty FAQ cells of that row, in one write", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const before = everyCell(wb);
    fireEvent.click(button("すべて適用"));
    await waitFor(() => expect(notice()).toHaveTextContent("3 行目に"));
    const changed = changedCells(before, everyCell(wb));
    expect(changed.length).toBeGreaterThan(0);
    // Every changed cell is a FAQ cell of row 3; nothing else in the workbook moved.
    for (const cell of changed) expect(FAQ_COLUMNS.map((c) => `3,${c}`)).toContain(cell);
    expect(wb.writeLog).toHaveLength(1);
    expect(wb.getCell(SHEET, 3, COL.L)).not.toBe("");
  });

  it("asks before overwriting a filled cell, showing the old and the new value", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F2", "パソコンに偽の警告画面が出た");
    const keywordCard = card("keywords");
    fireEvent.change(textbox(/キーワードを追加/, keywordCard), { target: { value: "新しい語" } });
    fireEvent.click(button("検索キーワード: 追加", keywordCard));
    fireEvent.click(button("「検索キーワード」を適用"));

    const dialog = await findDialog();
    expect(within(dialog).getByTestId("overwrite-old")).toHaveTextContent("偽警告、サポート詐欺、電話");
    expect(within(dialog).getByTestId("overwrite-new")).toHaveTextContent("新しい語");
    expect(wb.getCell(SHEET, 2, COL.K)).toBe("偽警告、サポート詐欺、電話");

    fireEvent.click(button("キャンセル", dialog));
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(wb.getCell(SHEET, 2, COL.K)).toBe("偽警告、サポート詐欺、電話");
    expect(wb.writeLog).toHaveLength(0);

    fireEvent.click(button("「検索キーワード」を適用"));
    fireEvent.click(button("上書きする", await findDialog()));
    await waitFor(() => expect(wb.getCell(SHEET, 2, COL.K)).toContain("新しい語"));
  });

  it("元に戻す restores the previous values and formats of the last apply", async () => {
    const wb = deskWorkbook();
    wb.setNumberFormat(SHEET, 3, COL.K, "0.00");
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const before = everyCell(wb);
    fireEvent.click(button("すべて適用"));
    await waitFor(() => expect(wb.getCell(SHEET, 3, COL.K)).not.toBe(""));
    expect(wb.getCellState(SHEET, 3, COL.K).numberFormat).toBe("@");

    const undo = button("元に戻す");
    await waitFor(() => expect(undo).toBeEnabled());
    fireEvent.click(undo);
    await waitFor(() => expect(notice()).toHaveTextContent("最後の適用を取り消しました"));
    expect(changedCells(before, everyCell(wb))).toEqual([]);
    expect(wb.getCellState(SHEET, 3, COL.K)).toMatchObject({ value: "", numberFormat: "0.00" });
    expect(screen.getByTestId("filled-count")).toHaveTextContent("入力済み 1 / 4 件");
  });

  it("次の未入力行へ selects the next case row with an empty FAQ column, skipping filled and empty rows", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F4", "取引先を装ったメールで振込先の変更依頼");
    fireEvent.click(button("次の未入力行へ"));
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("タブレットに警告画面が表示された"));
    expect((await wb.getSelection()).row).toBe(6);
    // Wraps round, past the filled row 2, to row 3.
    fireEvent.keyDown(document, { key: "ArrowDown", ctrlKey: true, altKey: true });
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("スマホに警告画面が表示された"));
    expect((await wb.getSelection()).row).toBe(3);
  });

  it("Ctrl+Alt+Enter applies all, even while the editor is typing in the draft", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const draft = textbox("標準回答");
    draft.focus();
    fireEvent.keyDown(draft, { key: "Enter", ctrlKey: true, altKey: true });
    await waitFor(() => expect(notice()).toHaveTextContent("3 行目に"));
    for (const column of [COL.K, COL.L, COL.N]) expect(wb.getCell(SHEET, 3, column)).not.toBe("");
    expect(wb.writeLog).toHaveLength(1);
  });

});
