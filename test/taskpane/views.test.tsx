/** @jest-environment jsdom */
/**
 * What the pane's views need a DOM for: the search box as a combobox driven by the keys, the tabs, the
 * backlog's checkboxes and batch dialog, the check's fix buttons, the publish view's download (or copy
 * where the host cannot download) and its sheet-replacement dialog, names for every control, English.
 * The rules behind them are tested without a DOM in views.test.ts; layout in Chromium (e2e).
 */
import "@testing-library/jest-dom";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import type { FileHost } from "../../src/taskpane/state/export-view";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { COL, SHEET, deskRows, deskWorkbook } from "./desk-fixture";
import { INTERACTIVE, button, fluentInJsdom, named, unnamedControls as unnamed } from "./pane-harness";

configure({ defaultHidden: true });
jest.setTimeout(30000);

fluentInJsdom();

afterEach(cleanup);

function host(canDownload = true): FileHost & { downloads: string[]; copies: string[] } {
  const downloads: string[] = [];
  const copies: string[] = [];
  return { canDownload, downloads, copies, download: (text) => (downloads.push(text), true), copy: async (text) => (copies.push(text), true) };
}

async function openPane(wb: MemoryWorkbook, files = host(), language: "ja" | "en" = "ja") {
  // kuromoji from the installed package, as the CLI loads it: publishing waits for the full detector.
  render(<App port={wb} language={language} options={{ files, loadMorphology: loadNodeMorphology, changeDelayMs: 0 }} />);
  await screen.findByTestId("filled-count", undefined, { timeout: 15000 });
  return files;
}

const TAB_VIEWS: Record<string, string> = { 相談: "case", 検索: "search", 未入力: "backlog", 点検: "check", 公開: "export", Case: "case", Search: "search", Backlog: "backlog", Check: "check", Publish: "export" };
/** A tab by its label (Fluent repeats a tab's text in a hidden span that reserves its bold width). */
function tab(label: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[role="tab"][data-testid="view-${TAB_VIEWS[label]}"]`);
  if (!element) throw new Error(`No tab ${label}`);
  return element;
}
const searchBox = () => document.querySelector<HTMLInputElement>('input[role="combobox"]') as HTMLInputElement;

async function findDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) throw new Error("No dialog open");
    return dialog;
  });
}

describe("search box at the top of the pane", () => {
  it("is a combobox: typing shows results, ↓ points at one, Enter selects its row, Esc clears", async () => {
    const wb = deskWorkbook();
    wb.select("A30");
    await openPane(wb);
    const box = searchBox();
    expect(box).toHaveAccessibleName("過去の相談を検索");
    fireEvent.change(box, { target: { value: "警告画面 電話" } });
    const list = await screen.findByRole("listbox");
    await waitFor(() => expect(within(list).getAllByRole("option").length).toBeGreaterThan(1));
    expect(tab("検索")).toHaveAttribute("aria-selected", "true");
    expect(box).toHaveAttribute("aria-controls", list.id);
    const options = within(list).getAllByRole("option");
    // Its name is what it shows (row, 受理番号, similarity, subject…), not a shorter label that hides them.
    expect(options[0]).toHaveAccessibleName(/^\d+ 行目 受理番号 \d+ 類似度 \d+% /);
    expect(options[0]).toHaveTextContent(/類似度 \d+%/);

    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    await waitFor(() => expect(options[1]).toHaveAttribute("aria-selected", "true"));
    expect(box).toHaveAttribute("aria-activedescendant", options[1].id);
    const row = Number(options[1].getAttribute("data-row"));
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(async () => expect((await wb.getSelection()).row).toBe(row));
    await waitFor(() => expect(tab("相談")).toHaveAttribute("aria-selected", "true"));
    await screen.findByTestId("case-summary");

    fireEvent.keyDown(box, { key: "Escape" });
    await waitFor(() => expect(searchBox()).toHaveValue(""));
  });

  it("selects a result's row with a click, and filters by category", async () => {
    const rows = deskRows();
    rows.push(["", "164", "1", "", "", "ファイルが暗号化された", "身代金を要求された", "", "", "", "ランサムウェア", "1-2 ランサムウェアを使った詐欺・恐喝", "", "身代金は払わないでください。", ""]);
    const wb = new MemoryWorkbook(SHEET, rows);
    await openPane(wb);
    fireEvent.change(searchBox(), { target: { value: "画面" } });
    await waitFor(() => expect(screen.getAllByTestId("search-result").length).toBeGreaterThan(1));
    const filter = screen.getByTestId("search-category") as HTMLSelectElement;
    fireEvent.change(filter, { target: { value: "1-9 巧妙・悪質化するワンクリック詐欺" } });
    await waitFor(() => expect(screen.getAllByTestId("search-result").map((o) => o.getAttribute("data-row"))).toEqual(["2"]));
    fireEvent.change(filter, { target: { value: "" } });
    fireEvent.change(searchBox(), { target: { value: "身代金" } });
    await waitFor(() => expect(screen.getAllByTestId("search-result")[0]).toHaveAttribute("data-row", "7"));
    fireEvent.click(screen.getAllByTestId("search-result")[0]);
    await waitFor(async () => expect((await wb.getSelection()).row).toBe(7));
  });

  it("says when nothing matches", async () => {
    await openPane(deskWorkbook());
    fireEvent.change(searchBox(), { target: { value: "ゾウガメ配送ロボ" } });
    await screen.findByText("該当する相談は見つかりませんでした。言葉を変えるか、分類の絞り込みを外してください。");
  });
});

describe("backlog view", () => {
  it("ticks rows by their named checkboxes and applies the top category in one write, with one undo", async () => {
    const wb = deskWorkbook();
    await openPane(wb);
    fireEvent.click(tab("未入力"));
    await waitFor(() => expect(screen.getAllByTestId("backlog-item")).toHaveLength(3));
    const boxes = screen.getAllByTestId("backlog-item").map((item) => item.querySelector<HTMLInputElement>('input[type="checkbox"]') as HTMLInputElement);
    expect(boxes[0]).toHaveAccessibleName(/^\d+ 行目「.+」$/);
    fireEvent.click(boxes[0]);
    fireEvent.click(boxes[2]);
    await waitFor(() => expect(screen.getByTestId("backlog-count")).toHaveTextContent("3 行 ・ 選択 2 行"));
    fireEvent.click(button("分類を適用 (2)"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("2 行・2 セルに書き込みました"));
    expect(wb.writeLog).toHaveLength(1);
    fireEvent.click(button("元に戻す"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("最後の適用を取り消しました"));
    for (const row of [3, 4, 6]) expect(wb.getCell(SHEET, row, COL.L)).toBe("");
  });

  it("ticks every row at or above the threshold, and lists row and field for each overwrite", async () => {
    const wb = deskWorkbook();
    wb.setCellByUser(SHEET, 4, COL.L, "仮");
    wb.setCellByUser(SHEET, 6, COL.L, "仮2");
    await openPane(wb);
    fireEvent.click(tab("未入力"));
    await waitFor(() => expect(screen.getAllByTestId("backlog-item")).toHaveLength(3));
    fireEvent.change(screen.getByTestId("backlog-threshold"), { target: { value: "0" } });
    fireEvent.click(button("0% 以上を選択"));
    await waitFor(() => expect(screen.getByTestId("backlog-count")).toHaveTextContent("選択 3 行"));
    fireEvent.click(button("分類を適用 (3)"));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent("2 個のセルにはすでに値があります。");
    expect(dialog).toHaveTextContent("4 行目 ・ 案件項目");
    expect(dialog).toHaveTextContent("6 行目 ・ 案件項目");
    fireEvent.click(button("キャンセル", dialog));
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(wb.writeLog).toHaveLength(0);
  });
});

describe("check view", () => {
  it("lists each problem with its row and fixes one through the confirmation", async () => {
    const rows = deskRows();
    rows.push(
      ["", "170", "1", "", "", "暗号化", "ファイルが暗号化された。", "", "", "", "ランサムウェア", "1-2 ランサムウエア", "2-4 バックアップ", "復旧してください。", "警視庁 サイバー犯罪対策課 03-5805-1731"],
      ["", "171", "1", "", "", "身代金", "身代金を要求された。", "", "", "", "ランサムウェア", "1-2 ランサムウェアを使った詐欺・恐喝", "2-4 バックアップ", "払わないでください。", "警視庁 サイバー犯罪対策課 03-5805-1731"],
      ["", "172", "1", "", "", "暗号化2", "サーバーが暗号化された。", "", "", "", "ランサムウェア", "1-2 ランサムウェアを使った詐欺・恐喝", "2-4 バックアップ", "切り離してください。", "警視庁 サイバー犯罪対策課 03-5805-1731"],
    );
    const wb = new MemoryWorkbook(SHEET, rows);
    await openPane(wb);
    fireEvent.click(tab("点検"));
    const problem = await waitFor(() => {
      const found = screen.getAllByTestId("check-problem").find((p) => p.getAttribute("data-row") === "7" && /表記/.test(p.textContent ?? ""));
      if (!found) throw new Error("not listed yet");
      return found;
    });
    expect(problem).toHaveTextContent("修正後: 1-2 ランサムウェアを使った詐欺・恐喝");
    fireEvent.change(screen.getByTestId("check-filter"), { target: { value: "categorySpelling" } });
    await waitFor(() => expect(screen.getAllByTestId("check-problem")).toHaveLength(1));
    fireEvent.click(button("7 行目の「案件項目」を修正"));
    const dialog = await findDialog();
    expect(within(dialog).getByTestId("overwrite-old")).toHaveTextContent("1-2 ランサムウエア");
    fireEvent.click(button("上書きする", dialog));
    await waitFor(() => expect(wb.getCell(SHEET, 7, COL.L)).toBe("1-2 ランサムウェアを使った詐欺・恐喝"));
    await waitFor(() => expect(screen.getByTestId("check-count")).toHaveTextContent(/問題|0 件/));
    await waitFor(() => expect(screen.queryAllByTestId("check-problem").filter((p) => p.getAttribute("data-row") === "7" && /表記/.test(p.textContent ?? ""))).toHaveLength(0));
  });
});

describe("check view: personal data", () => {
  it("names the words found, and its fix marks what stands in their place", async () => {
    const rows = deskRows();
    rows.push(["", "173", "1", "", "", "偽警告", "警告が出た。", "", "", "", "偽警告", "1-9 巧妙・悪質化するワンクリック詐欺", "2-12 安全なWebサイト利用", "経理の高橋から 090-1234-5678 に電話がありました。", "警視庁 サイバー犯罪対策課 03-5805-1731"]);
    await openPane(new MemoryWorkbook(SHEET, rows));
    fireEvent.click(tab("点検"));
    const problem = await waitFor(() => {
      const found = screen.getAllByTestId("check-problem").find((p) => p.getAttribute("data-row") === String(rows.length));
      if (!found) throw new Error("not listed yet");
      return found;
    });
    expect(problem).toHaveTextContent("「高橋」「090-1234-5678」");
    expect([...problem.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["［氏名］", "［電話番号］"]);
  });
});

describe("publish view", () => {
  it("offers the page as a download, and asks before replacing the add-in's FAQ sheet", async () => {
    const wb = deskWorkbook();
    const files = await openPane(wb);
    fireEvent.click(tab("公開"));
    await screen.findByTestId("export-summary", undefined, { timeout: 20000 });
    expect(screen.getByTestId("export-summary")).toHaveTextContent("1 項目（1 行から）");
    fireEvent.click(button("ダウンロード"));
    expect(files.downloads).toHaveLength(1);
    expect(files.downloads[0]).toContain("data-faq-entry");

    fireEvent.click(button("シート「FAQ」に書き出す"));
    await waitFor(() => expect(wb.sheetNames).toEqual([SHEET, "FAQ"]));
    fireEvent.click(button("シート「FAQ」に書き出す"));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent("シート「FAQ」は以前このアドインが書き出したものです");
    fireEvent.click(button("置き換える", dialog));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("シート「FAQ」に 1 項目を書き出しました。"));
  });

  it("where the host cannot download (Excel for Mac), offers copying instead and says why", async () => {
    const files = await openPane(deskWorkbook(), host(false));
    fireEvent.click(tab("公開"));
    await screen.findByTestId("export-summary", undefined, { timeout: 20000 });
    expect(named("button", "ダウンロード")).toHaveLength(0);
    expect(screen.getByText(/Excel for Mac と iPad では/)).toBeInTheDocument();
    fireEvent.click(button("HTML をコピー"));
    await waitFor(() => expect(files.copies).toHaveLength(1));
  });
});

describe("every view", () => {
  it("names every control, in Japanese and in English", async () => {
    for (const language of ["ja", "en"] as const) {
      const wb = deskWorkbook();
      wb.setCellByUser(SHEET, 2, COL.K, "偽警告、偽警告、電話");
      await openPane(wb, host(), language);
      const labels = language === "ja" ? ["検索", "未入力", "点検", "公開"] : ["Search", "Backlog", "Check", "Publish"];
      fireEvent.change(searchBox(), { target: { value: language === "ja" ? "警告画面" : "警告画面" } });
      await waitFor(() => expect(screen.getAllByTestId("search-result").length).toBeGreaterThan(0));
      expect(unnamed()).toEqual([]);
      const ready = ["backlog-item", "check-problem", "export-summary"];
      for (const [i, label] of labels.slice(1).entries()) {
        fireEvent.click(tab(label));
        await waitFor(() => expect(screen.getAllByTestId(ready[i]).length).toBeGreaterThan(0));
        expect(document.querySelectorAll(INTERACTIVE).length).toBeGreaterThan(8);
        expect(unnamed()).toEqual([]);
      }
      if (language === "en") {
        expect(screen.getByTestId("export-summary")).toHaveTextContent("1 entry (from 1 row). 3 rows without a standard answer are not published.");
        expect(button("Download")).toBeInTheDocument();
      }
      cleanup();
    }
  });
});
