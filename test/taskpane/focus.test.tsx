/** @jest-environment jsdom */
/**
 * Where keyboard focus lands after each action, so a keyboard-only editor never starts again from the
 * top of the pane: the next chip after a removal, the notice after a button disables itself, the opener
 * after a dialog, the new case after a row link; dialogs open on キャンセル and hold the shortcuts;
 * text typed but not added is written; chips edit in place; the live region exists before its text.
 */
import "@testing-library/jest-dom";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { COL, SHEET, deskRows, deskWorkbook } from "./desk-fixture";
import { button, fluentInJsdom, named, one } from "./pane-harness";

configure({ defaultHidden: true });
jest.setTimeout(30000);

fluentInJsdom();

afterEach(cleanup);

async function openPane(wb: MemoryWorkbook) {
  render(<App port={wb} language="ja" options={{ changeDelayMs: 0 }} />);
  await screen.findByTestId("filled-count", undefined, { timeout: 15000 });
}


function card(role: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-role="${role}"]`);
  if (!element) throw new Error(`No card for ${role}`);
  return element;
}

/** The chips' own buttons (not their × buttons), in order. */
function chips(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>("button.fui-InteractionTagPrimary")];
}

async function selectCase(wb: MemoryWorkbook, address: string, subject: string) {
  act(() => wb.select(address));
  await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent(subject));
  await waitFor(() => expect(button("すべて適用")).toBeEnabled());
}

async function findDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error("No dialog open");
    return dialog;
  });
}

describe("focus after an action", () => {
  it("removing a chip with Delete moves focus to the next chip, at the end to the previous one, then to the add box", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const keywords = card("keywords");
    await waitFor(() => expect(chips(keywords).length).toBeGreaterThan(1));
    const before = chips(keywords).map((chip) => chip.textContent);
    chips(keywords)[0].focus();
    fireEvent.keyDown(chips(keywords)[0], { key: "Delete" });
    await waitFor(() => expect(chips(keywords).map((chip) => chip.textContent)).toEqual(before.slice(1)));
    expect(document.activeElement).toBe(chips(keywords)[0]);
    expect(document.activeElement).toHaveTextContent(before[1] ?? "");

    // The last chip: focus goes back to the one before it.
    const last = chips(keywords).at(-1) as HTMLButtonElement;
    last.focus();
    fireEvent.keyDown(last, { key: "Backspace" });
    await waitFor(() => expect(chips(keywords)).toHaveLength(before.length - 2));
    expect(document.activeElement).toBe(chips(keywords).at(-1));

    // None left: the add box.
    while (chips(keywords).length > 0) {
      const chip = chips(keywords)[0];
      chip.focus();
      fireEvent.keyDown(chip, { key: "Delete" });
      await waitFor(() => expect(chip.isConnected).toBe(false));
    }
    expect(document.activeElement).toBe(one("input", /キーワードを追加/, keywords));
  });

  it("a chip is edited in place: Enter opens it, Enter keeps the new text and focus returns to that chip; Esc keeps the old", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const keywords = card("keywords");
    await waitFor(() => expect(chips(keywords).length).toBeGreaterThan(0));
    const original = chips(keywords)[0].textContent ?? "";
    fireEvent.click(chips(keywords)[0]);
    const editor = one<HTMLInputElement>("input", `「${original}」を編集`, keywords);
    expect(editor.value).toBe(original);
    fireEvent.change(editor, { target: { value: "書き換えた語" } });
    fireEvent.keyDown(editor, { key: "Enter" });
    await waitFor(() => expect(chips(keywords)[0]).toHaveTextContent("書き換えた語"));
    expect(document.activeElement).toBe(chips(keywords)[0]);

    fireEvent.keyDown(chips(keywords)[0], { key: "F2" });
    const again = one<HTMLInputElement>("input", "「書き換えた語」を編集", keywords);
    fireEvent.change(again, { target: { value: "捨てる語" } });
    fireEvent.keyDown(again, { key: "Escape" });
    await waitFor(() => expect(chips(keywords)[0]).toHaveTextContent("書き換えた語"));

    fireEvent.click(button("すべて適用"));
    await waitFor(() => expect(wb.getCell(SHEET, 3, COL.K)).toContain("書き換えた語"));
    expect(wb.getCell(SHEET, 3, COL.K)).not.toContain(original);
  });

  it("text typed in the add box but not added is written by すべて適用, not silently left out", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const keywords = card("keywords");
    fireEvent.change(one("input", /キーワードを追加/, keywords), { target: { value: "打ちかけの語" } });
    fireEvent.click(button("すべて適用"));
    await waitFor(() => expect(wb.getCell(SHEET, 3, COL.K)).toContain("打ちかけの語"));
    expect(one<HTMLInputElement>("input", /キーワードを追加/, keywords).value).toBe("");
    expect(named("button", "「打ちかけの語」を削除", keywords)).toHaveLength(1);
  });

  it("元に戻す disables itself after undoing: focus goes to the notice that says what happened", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    fireEvent.click(button("すべて適用"));
    await waitFor(() => expect(wb.getCell(SHEET, 3, COL.K)).not.toBe(""));
    const undo = button("元に戻す");
    await waitFor(() => expect(undo).toBeEnabled());
    undo.focus();
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("最後の適用を取り消しました"));
    await waitFor(() => expect(document.activeElement?.outerHTML.slice(0, 200)).toBe(screen.getByTestId("notice").outerHTML.slice(0, 200)));
  });

  it("the overwrite dialog opens on キャンセル, holds the shortcuts, closes with one Esc and gives focus back to the button that opened it", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F2", "パソコンに偽の警告画面が出た");
    const apply = button("「検索キーワード」を適用");
    apply.focus();
    fireEvent.click(apply);
    const dialog = await findDialog();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId("dialog-cancel")));
    expect(document.activeElement).toHaveTextContent("キャンセル");

    // Ctrl+Alt+Enter and Ctrl+Alt+↓ do nothing behind the dialog.
    const selection = await wb.getSelection();
    fireEvent.keyDown(document.activeElement as Element, { key: "Enter", ctrlKey: true, altKey: true });
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown", ctrlKey: true, altKey: true });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    expect(wb.writeLog).toHaveLength(0);
    expect((await wb.getSelection()).row).toBe(selection.row);

    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(apply));
    expect(wb.writeLog).toHaveLength(0);
  });

  it("Enter on a row link of 参考にした行 shows that case and focus lands on its summary", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    const link = await waitFor(() => named<HTMLButtonElement>("button", "2 行目を選択")[0]);
    link.focus();
    fireEvent.click(link);
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("パソコンに偽の警告画面が出た"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("case-summary")));
  });

  it("次の未入力行へ announces the case it opens in a live region that was there before the text", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F4", "取引先を装ったメールで振込先の変更依頼");
    const region = screen.getByTestId("announcement");
    expect(region).toHaveAttribute("role", "status");
    expect(region).toHaveTextContent("");
    fireEvent.click(button("次の未入力行へ"));
    await waitFor(() => expect(screen.getByTestId("case-subject")).toHaveTextContent("タブレットに警告画面が表示された"));
    await waitFor(() => expect(region).toHaveTextContent("6 行目の相談に移動しました: タブレットに警告画面が表示された"));
    expect(screen.getByTestId("announcement")).toBe(region);
  });

  it("search results take the Tab key: the list is one stop, ↓ moves, Enter opens the case and focus lands on it", async () => {
    const rows = deskRows();
    const wb = new MemoryWorkbook(SHEET, rows);
    await openPane(wb);
    const box = document.querySelector<HTMLInputElement>('input[role="combobox"]') as HTMLInputElement;
    fireEvent.change(box, { target: { value: "警告画面" } });
    const list = await screen.findByRole("listbox");
    await waitFor(() => expect(within(list).getAllByRole("option").length).toBeGreaterThan(1));
    expect(list).toHaveAttribute("tabindex", "0");
    list.focus();
    await waitFor(() => expect(list.getAttribute("aria-activedescendant")).toBe(within(list).getAllByRole("option")[0].id));
    fireEvent.keyDown(list, { key: "ArrowDown" });
    const second = within(list).getAllByRole("option")[1];
    await waitFor(() => expect(list.getAttribute("aria-activedescendant")).toBe(second.id));
    const row = Number(second.getAttribute("data-row"));
    fireEvent.keyDown(list, { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("case-summary")).toHaveAttribute("aria-label", `${row} 行目の相談`));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("case-summary")));
  });

  it("skip links lead to the first FAQ field and to the action bar", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    await selectCase(wb, "F3", "スマホに警告画面が表示された");
    fireEvent.click(one("a", "FAQ 欄へ移動"));
    expect(document.getElementById("faq-cards")?.contains(document.activeElement)).toBe(true);
    fireEvent.click(one("a", "操作ボタンへ移動"));
    expect(document.activeElement).toBe(button("すべて適用"));
  });
});
