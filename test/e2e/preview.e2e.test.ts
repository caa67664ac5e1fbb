/**
 * End to end on the offline preview: the real pane and the sample workbook in Debian's Chromium.
 * select a case → suggestions → edit a keyword → すべて適用 → grid shows the values → 元に戻す → empty
 * again → 次の未入力行へ moves the selection; then what Excel does to a pane: a co-author rewrites the
 * selected case, a row is inserted above it (events on time, or late), a whole row is selected by its
 * number, a number and a date are written over and undone. The preview exposes its in-memory workbook
 * as `window.faqAssistPreview.workbook`, which plays the co-author here.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Locator, Page } from "playwright-core";
import { offlineFileContext, screenshot, until } from "./chromium";
import { onWorkbook, usePreviewInChromium } from "./preview-in-chromium";

jest.setTimeout(120_000);

/** Sample workbook columns: B 受理番号, F 件名, G 相談内容, K–O FAQ columns. */
const FAQ_LETTERS = ["D", "K", "L", "M", "N", "O"];
const K = 11;
const N = 14;

const preview = usePreviewInChromium();
let page: Page;

beforeAll(async () => {
  page = await preview.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(preview.url);
  await page.getByTestId("filled-count").waitFor();
});

function cell(address: string): Locator {
  return page.locator(`[data-cell="${address}"]`);
}

async function cellText(address: string, on: Page = page): Promise<string> {
  return (await on.locator(`[data-cell="${address}"]`).textContent()) ?? "";
}

/** A fresh preview page (its own in-memory workbook), read and indexed. */
async function openPreview(): Promise<Page> {
  const fresh = await preview.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await fresh.goto(preview.url);
  await fresh.getByTestId("filled-count").waitFor();
  return fresh;
}

async function showCase(on: Page, row: number): Promise<string> {
  const subject = await cellText(`F${row}`, on);
  await on.locator(`[data-cell="F${row}"]`).click();
  await on.getByTestId("case-subject").filter({ hasText: subject }).waitFor();
  await until(() => on.getByRole("button", { name: "すべて適用" }).isEnabled(), (enabled) => enabled);
  return subject;
}

/** First case row (subject filled) whose FAQ columns are all empty, read from the grid itself. */
async function firstUnfilledRow(on: Page = page): Promise<number> {
  return on.evaluate((letters) => {
    for (let row = 2; row < 1000; row++) {
      const subject = document.querySelector(`[data-cell="F${row}"]`);
      if (!subject) break;
      const empty = letters.every((letter) => (document.querySelector(`[data-cell="${letter}${row}"]`)?.textContent ?? "") === "");
      if (subject.textContent && empty) return row;
    }
    return -1;
  }, FAQ_LETTERS);
}


test("clicking a case row's cell shows that case in the pane", async () => {
  const caseNumber = await cellText("B5");
  const subject = await cellText("F5");
  expect(caseNumber).not.toBe("");
  await cell("G5").click();
  await expect(page.getByTestId("case-number").textContent()).resolves.toBe(caseNumber);
  await expect(page.getByTestId("case-subject").textContent()).resolves.toBe(subject);
  await expect(page.getByTestId("name-box").textContent()).resolves.toBe("G5");
});

test("suggest → edit a keyword → すべて適用 → grid shows it → 元に戻す → empty → 次の未入力行へ", async () => {
  const row = await firstUnfilledRow();
  expect(row).toBeGreaterThan(1);
  await cell(`F${row}`).click();
  await page.getByTestId("case-subject").filter({ hasText: await cellText(`F${row}`) }).waitFor();

  // Suggestions appear: the keyword card has chips to remove and a box to add.
  const keywords = page.locator('[data-role="keywords"]');
  const removeButtons = keywords.getByRole("button", { name: /を削除$/ });
  await removeButtons.first().waitFor();
  const removedLabel = (await removeButtons.first().getAttribute("aria-label")) ?? "";
  const removed = removedLabel.replace(/^「(.*)」を削除$/, "$1");
  await removeButtons.first().click();
  await keywords.getByRole("textbox", { name: /キーワードを追加/ }).fill("E2E追加語");
  await keywords.getByRole("button", { name: "検索キーワード: 追加" }).click();
  await expect(keywords.getByRole("button", { name: "「E2E追加語」を削除" }).count()).resolves.toBe(1);
  await screenshot(page, "preview-suggestions.png");

  const applyAll = page.getByRole("button", { name: "すべて適用" });
  await applyAll.click();
  await until(() => cellText(`K${row}`), (text) => text.includes("E2E追加語"));
  const written = await cellText(`K${row}`);
  expect(written.split(/[、,\n]/).map((s) => s.trim())).not.toContain(removed);
  await until(() => cellText(`L${row}`), (text) => text !== "");
  await screenshot(page, "preview-applied.png");

  await page.getByRole("button", { name: "元に戻す" }).click();
  for (const letter of FAQ_LETTERS) await until(() => cellText(`${letter}${row}`), (text) => text === "");

  await page.getByRole("button", { name: "次の未入力行へ" }).click();
  const address = await until(
    async () => (await page.getByTestId("name-box").textContent()) ?? "",
    (text) => !new RegExp(`^[A-Z]+${row}$`).test(text),
  );
  const moved = Number(address.replace(/^[A-Z]+/, ""));
  expect(moved).not.toBe(row);
  // The next unfilled row: its FAQ columns are empty, and the pane shows it.
  const movedFaq = await Promise.all(FAQ_LETTERS.map((letter) => cellText(`${letter}${moved}`)));
  expect(movedFaq).toContain("");
  const movedSubject = await cellText(`F${moved}`);
  expect(movedSubject).not.toBe("");
  await until(() => page.getByTestId("case-subject").textContent(), (text) => text === movedSubject);
});

describe("what Excel does to the pane", () => {
  const BEC_SUBJECT = "取引先を装ったメールで振込先の変更依頼";
  const BEC_CONTENT = "取引先の担当者を名乗るメールで、請求書の振込先口座を変更したいと連絡があった。本物か確認したい。";
  const rewrite = (on: Page, row: number) =>
    onWorkbook(
      on,
      (workbook, [r, subject, content]) => {
        workbook.simulateCoauthorEdit("相談受付", r, 6, subject);
        workbook.simulateCoauthorEdit("相談受付", r, 7, content);
      },
      [row, BEC_SUBJECT, BEC_CONTENT] as [number, string, string],
    );

  // How fast the pane follows a co-author is measured by `npm run bench:pane` (docs/performance.md), not here.
  test("a co-author rewrites the selected case: the pane shows the new case without being reselected; すべて適用 writes the new case's values", async () => {
    const p = await openPreview();
    const row = await firstUnfilledRow(p);
    await showCase(p, row);
    const answer = p.getByRole("textbox", { name: "標準回答" });
    const oldAnswer = await answer.inputValue();

    await rewrite(p, row);
    await until(() => p.getByTestId("case-subject").textContent(), (text) => text === BEC_SUBJECT);
    await until(() => answer.inputValue(), (text) => text !== oldAnswer);
    const newAnswer = await answer.inputValue();

    await p.getByRole("button", { name: "すべて適用" }).click();
    await until(() => cellText(`N${row}`, p), (text) => text !== "");
    expect(await cellText(`N${row}`, p)).toBe(newAnswer);
    expect(await cellText(`N${row}`, p)).not.toBe(oldAnswer);
    await p.close();
  });

  test("a co-author rewrites the selected case and the event comes late: すべて適用 writes nothing", async () => {
    const p = await openPreview();
    const row = await firstUnfilledRow(p);
    await showCase(p, row);
    await onWorkbook(p, (workbook) => workbook.holdEvents(), null);
    await rewrite(p, row);
    await p.getByRole("button", { name: "すべて適用" }).click();
    await p.getByTestId("notice").filter({ hasText: "何も書き込みませんでした" }).waitFor();
    for (const letter of FAQ_LETTERS) expect(await cellText(`${letter}${row}`, p)).toBe("");
    await onWorkbook(p, (workbook) => workbook.releaseEvents(), null);
    await until(() => p.getByTestId("case-subject").textContent(), (text) => text === BEC_SUBJECT);
    await p.close();
  });

  test("a row inserted above the selected case: the write lands on the case the pane shows", async () => {
    const p = await openPreview();
    const row = await firstUnfilledRow(p);
    const subject = await showCase(p, row);
    // Late event: the pane still shows the case as in row `row`; Excel's selection stays on that address.
    await onWorkbook(p, (workbook, r) => {
      workbook.holdEvents();
      workbook.insertRows("相談受付", r, 1, "local");
    }, row);
    await p.getByRole("button", { name: "すべて適用" }).click();
    await p.getByTestId("notice").filter({ hasText: `${row + 1} 行目に移動していたため` }).waitFor();
    expect(await cellText(`F${row + 1}`, p)).toBe(subject);
    expect(await cellText(`L${row + 1}`, p)).not.toBe("");
    for (const letter of FAQ_LETTERS) expect(await cellText(`${letter}${row}`, p)).toBe("");
    await onWorkbook(p, (workbook) => workbook.releaseEvents(), null);

    // On time, from a co-author: the pane keeps showing the same case, now one row lower, and writes there.
    const next = await firstUnfilledRow(p);
    const nextSubject = await showCase(p, next);
    await onWorkbook(p, (workbook, r) => workbook.insertRows("相談受付", r - 1, 1, "remote"), next);
    await until(() => p.getByTestId("name-box").textContent(), (text) => text === `F${next + 1}`);
    await p.getByRole("button", { name: "すべて適用" }).click();
    await until(() => cellText(`L${next + 1}`, p), (text) => text !== "");
    expect(await cellText(`F${next + 1}`, p)).toBe(nextSubject);
    await p.close();
  });

  test("clicking a row number selects the whole row (5:5) and the pane shows that case", async () => {
    await page.locator('[data-row-header="5"]').click();
    await until(() => page.getByTestId("name-box").textContent(), (text) => text === "5:5");
    const caseNumber = await cellText("B5");
    await until(() => page.getByTestId("case-number").textContent(), (text) => text === caseNumber);
    expect(await page.getByTestId("case-subject").textContent()).toBe(await cellText("F5"));
  });

  test("undo after writing over a number and a date restores them exactly", async () => {
    const p = await openPreview();
    const row = await firstUnfilledRow(p);
    await onWorkbook(p, (workbook, [r, k, n]) => {
      workbook.setCellValue("相談受付", r, k, 3.14159, "0.00");
      workbook.setCellValue("相談受付", r, n, 45383, "yyyy/m/d");
    }, [row, K, N] as [number, number, number]);
    expect(await cellText(`K${row}`, p)).toBe("3.14");
    await showCase(p, row);
    const state = (column: number) => onWorkbook(p, (workbook, [r, c]) => workbook.getCellState("相談受付", r, c), [row, column] as [number, number]);

    for (const [field, column, shown] of [["検索キーワード", K, "3.14"], ["標準回答", N, "2024/4/1"]] as const) {
      await p.getByRole("button", { name: `「${field}」を適用` }).click();
      await p.getByRole("dialog").getByRole("button", { name: "上書きする" }).click();
      await until(async () => (await state(column)).numberFormat, (format) => format === "@");
      await p.getByRole("button", { name: "元に戻す" }).click();
      await p.getByTestId("notice").filter({ hasText: "最後の適用を取り消しました" }).waitFor();
      expect(await cellText(`${column === K ? "K" : "N"}${row}`, p)).toBe(shown);
    }
    expect(await state(K)).toMatchObject({ raw: 3.14159, numberFormat: "0.00", formula: "" });
    expect(await state(N)).toMatchObject({ raw: 45383, numberFormat: "yyyy/m/d", formula: "" });
    await p.close();
  });
});

/**
 * The pane's views, in one narrow pane (320 px, Excel's narrowest) on a page of its own: the case,
 * search past cases, the backlog queue, the check and publishing. Each view's pane is photographed for
 * docs/ui.md (test-results/ always; docs/ui-*.png with UPDATE_DOCS_SCREENSHOTS=1).
 */
describe("the pane's views at 320 px", () => {
  let narrow: Page;

  beforeAll(async () => {
    narrow = await preview.browser.newPage({ viewport: { width: 900, height: 800 }, acceptDownloads: true });
    await narrow.goto(`${preview.url}?pane=320`);
    await narrow.getByTestId("filled-count").waitFor();
  });

  afterAll(async () => {
    await narrow?.close();
  });

  /** The pane alone, as the editor sees it beside the sheet (without the previous test's notice). */
  async function photograph(name: string): Promise<void> {
    const close = narrow.getByTestId("notice").getByRole("button", { name: "閉じる" });
    if (await close.isVisible()) {
      await close.click();
      await narrow.getByTestId("notice").waitFor({ state: "detached" });
    }
    await screenshot(narrow.locator("div.pane"), name, { docs: true });
  }

  /** Nothing in the pane's body sticks out past its right edge. */
  async function fitsThePane(): Promise<void> {
    const overflow = await narrow.evaluate(() => {
      const aside = document.querySelector("div.pane") as HTMLElement;
      // Screen-reader-only text (clipped to nothing on purpose) is not something that sticks out.
      const visible = [...aside.querySelectorAll("main > *")].filter((element) => getComputedStyle(element).clipPath === "none");
      return visible.map((element) => element.scrollWidth - element.clientWidth).filter((extra) => extra > 0);
    });
    expect(overflow).toEqual([]);
  }

  test("case: the pane is 320 px wide and nothing in it sticks out", async () => {
    await narrow.locator('[data-cell="F3"]').click();
    await narrow.getByTestId("case-subject").waitFor();
    const pane = await narrow.locator("div.pane").boundingBox();
    expect(pane?.width).toBe(320);
    // No control of the pane is pushed outside it.
    const overflow = await narrow.evaluate(() => {
      const aside = document.querySelector("div.pane");
      const body = aside?.querySelector('[data-testid="pane-body"]');
      // Name what sticks out, so a failure says where to look.
      const wide = [...(body?.querySelectorAll("*") ?? [])]
        .filter((element) => element.getBoundingClientRect().right > (aside?.getBoundingClientRect().right ?? 0) + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName} ${element.getAttribute("data-testid") ?? ""} ${(element.textContent ?? "").slice(0, 40)}`);
      const overflow = body ? body.scrollWidth - body.clientWidth : -1;
      return { overflow, wide: overflow === 0 ? [] : wide };
    });
    expect(overflow).toEqual({ overflow: 0, wide: [] });
    await expect(narrow.getByRole("button", { name: "すべて適用" }).isVisible()).resolves.toBe(true);
    await screenshot(narrow, "preview-320.png");
  });

  test("search: type → results → click → the grid selects that row and the pane shows the case", async () => {
    const box = narrow.getByRole("combobox", { name: "過去の相談を検索" });
    await box.click();
    await box.pressSequentially("ランサムウェア 身代金", { delay: 10 });
    const results = narrow.getByRole("listbox", { name: "検索結果" }).getByRole("option");
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(1);
    await expect(narrow.getByRole("tab", { name: "検索" }).getAttribute("aria-selected")).resolves.toBe("true");
    // Keyboard: ↓ points at the second result.
    await box.press("ArrowDown");
    await box.press("ArrowDown");
    await expect(results.nth(1).getAttribute("aria-selected")).resolves.toBe("true");
    await photograph("ui-search.png");
    await fitsThePane();

    const second = results.nth(1);
    const row = Number(await second.getAttribute("data-row"));
    const subject = await cellText(`F${row}`, narrow);
    expect(await second.textContent()).toContain(subject.split("\n")[0].trim().slice(0, 10));
    await second.click();
    await until(async () => (await narrow.getByTestId("name-box").textContent()) ?? "", (text) => text === `B${row}`);
    // The grid itself marks that row's cell, and only it, as selected.
    await until(() => narrow.locator('[data-cell][aria-selected="true"]').evaluateAll((cells) => cells.map((c) => c.getAttribute("data-cell"))), (cells) => cells.join() === `B${row}`);
    await until(async () => (await narrow.getByTestId("case-subject").textContent()) ?? "", (text) => text === subject);
    await expect(narrow.getByRole("tab", { name: "相談" }).getAttribute("aria-selected")).resolves.toBe("true");

    // Escape clears the box.
    await box.click();
    await box.press("Escape");
    await expect(box.inputValue()).resolves.toBe("");
  });

  test("backlog: tick three rows → 分類を適用 → the three category cells are filled → 元に戻す → empty again", async () => {
    await narrow.getByRole("tab", { name: "未入力" }).click();
    const items = narrow.getByTestId("backlog-item");
    await items.first().waitFor();
    const rows: number[] = [];
    for (let i = 0; i < 3; i++) {
      const item = items.nth(i);
      rows.push(Number(await item.getAttribute("data-row")));
      await item.getByRole("checkbox").check();
    }
    for (const row of rows) expect(await cellText(`L${row}`, narrow)).toBe("");
    await narrow.getByTestId("backlog-count").filter({ hasText: "選択 3 行" }).waitFor();
    await photograph("ui-backlog.png");
    await fitsThePane();

    await narrow.getByRole("button", { name: "分類を適用 (3)" }).click();
    await narrow.getByTestId("notice").filter({ hasText: "3 行・3 セルに書き込みました" }).waitFor();
    for (const row of rows) {
      const confidence = items.filter({ has: narrow.locator(`[aria-label="${row} 行目を選択"]`) });
      const shown = (await confidence.locator(".fui-Badge").first().textContent()) ?? "";
      expect(await cellText(`L${row}`, narrow)).toBe(shown);
    }
    await narrow.getByRole("button", { name: "元に戻す" }).click();
    await narrow.getByTestId("notice").filter({ hasText: "最後の適用を取り消しました" }).waitFor();
    for (const row of rows) await until(() => cellText(`L${row}`, narrow), (text) => text === "");
  });

  test("check: lists a planted misspelled category and fixes it through the confirmation", async () => {
    // Rows 13, 20 and 34 file 1-9 the same way; row 20 gets another spelling of the same item.
    const usual = await cellText("L13", narrow);
    expect(usual).toBe("1-9 巧妙・悪質化するワンクリック詐欺");
    await onWorkbook(narrow, (workbook) => workbook.setCellByUser("相談受付", 20, 12, "1-9 ワンクリック詐欺"), null);
    await until(() => cellText("L20", narrow), (text) => text === "1-9 ワンクリック詐欺");
    await narrow.getByRole("tab", { name: "点検" }).click();
    const problem = narrow.getByTestId("check-problem").filter({ hasText: "1-9 ワンクリック詐欺" });
    await problem.waitFor();
    expect(await problem.getAttribute("data-row")).toBe("20");
    await narrow.getByTestId("check-filter").selectOption("categorySpelling");
    await photograph("ui-check.png");
    await fitsThePane();

    await problem.getByRole("button", { name: "20 行目の「案件項目」を修正" }).click();
    const dialog = narrow.getByRole("dialog");
    await expect(dialog.getByTestId("overwrite-old").textContent()).resolves.toBe("1-9 ワンクリック詐欺");
    await expect(dialog.getByTestId("overwrite-new").textContent()).resolves.toBe(usual);
    await dialog.getByRole("button", { name: "上書きする" }).click();
    await until(() => cellText("L20", narrow), (text) => text === usual);
    await problem.waitFor({ state: "detached" });
  });

  test("publish: the pane offers the FAQ page as a download, and writes the FAQ sheet", async () => {
    await narrow.getByRole("tab", { name: "公開" }).click();
    await narrow.getByTestId("export-summary").waitFor();
    await photograph("ui-publish.png");
    await fitsThePane();
    const [download] = await Promise.all([narrow.waitForEvent("download"), narrow.getByRole("button", { name: "ダウンロード" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faq-\d{4}-\d{2}-\d{2}\.html$/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "faq-download-")), download.suggestedFilename());
    await download.saveAs(file);
    await narrow.getByTestId("notice").filter({ hasText: "ダウンロードしました" }).waitFor();

    // The downloaded page, opened from the file with the network blocked, filters as you type.
    const { context, outside } = await offlineFileContext(preview.browser);
    try {
      const faq = await context.newPage();
      await faq.goto(pathToFileURL(file).href);
      const entries = faq.locator("[data-faq-entry]:visible");
      const total = await entries.count();
      expect(total).toBeGreaterThanOrEqual(20);
      await faq.locator('input[type="search"]').pressSequentially("ランサム", { delay: 20 });
      const shown = await until(() => entries.allTextContents(), (texts) => texts.length > 0 && texts.every((text) => text.includes("ランサム")));
      expect(shown.length).toBeLessThan(total);
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }

    await narrow.getByRole("button", { name: "シート「FAQ」に書き出す" }).click();
    await narrow.getByTestId("notice").filter({ hasText: "シート「FAQ」に" }).waitFor();
    const sheet = await onWorkbook(narrow, (workbook) => ({ names: workbook.sheetNames, header: workbook.getCell("FAQ", 1, 2), active: workbook.activeSheetName }), null);
    expect(sheet).toEqual({ names: ["相談受付", "FAQ"], header: "質問", active: "相談受付" });
  });
});
