/**
 * End to end on the offline preview: the real pane and the sample workbook in Debian's Chromium.
 * select a case → suggestions → edit a keyword → すべて適用 → grid shows the values → 元に戻す → empty
 * again → 次の未入力行へ moves the selection.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Locator, Page } from "playwright-core";
import { startPreviewServer } from "../../scripts/preview";

jest.setTimeout(120_000);

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.resolve(__dirname, "../../test-results");
/** Sample workbook columns: B 受理番号, F 件名, K–O FAQ columns. */
const FAQ_LETTERS = ["D", "K", "L", "M", "N", "O"];

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startPreviewServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByTestId("filled-count").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function cell(address: string): Locator {
  return page.locator(`[data-cell="${address}"]`);
}

async function cellText(address: string): Promise<string> {
  return (await cell(address).textContent()) ?? "";
}

/** First case row (subject filled) whose FAQ columns are all empty, read from the grid itself. */
async function firstUnfilledRow(): Promise<number> {
  return page.evaluate((letters) => {
    for (let row = 2; row < 1000; row++) {
      const subject = document.querySelector(`[data-cell="F${row}"]`);
      if (!subject) break;
      const empty = letters.every((letter) => (document.querySelector(`[data-cell="${letter}${row}"]`)?.textContent ?? "") === "");
      if (subject.textContent && empty) return row;
    }
    return -1;
  }, FAQ_LETTERS);
}

/** Reads until the value is accepted (the UI updates asynchronously); fails with the last value seen. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

function shot(name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, name) });
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
  await shot("preview-suggestions.png");

  const applyAll = page.getByRole("button", { name: "すべて適用" });
  await applyAll.click();
  await until(() => cellText(`K${row}`), (text) => text.includes("E2E追加語"));
  const written = await cellText(`K${row}`);
  expect(written.split(/[、,\n]/).map((s) => s.trim())).not.toContain(removed);
  await until(() => cellText(`L${row}`), (text) => text !== "");
  await shot("preview-applied.png");

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

test("the pane stays usable at 320 px", async () => {
  const narrow = await browser.newPage({ viewport: { width: 900, height: 800 } });
  await narrow.goto(`${server.url}?pane=320`);
  await narrow.getByTestId("filled-count").waitFor();
  await narrow.locator('[data-cell="F3"]').click();
  await narrow.getByTestId("case-subject").waitFor();
  const pane = await narrow.locator("aside.pane").boundingBox();
  expect(pane?.width).toBe(320);
  // No control of the pane is pushed outside it.
  const overflow = await narrow.evaluate(() => {
    const aside = document.querySelector("aside.pane");
    const body = aside?.querySelector("main > div");
    return body ? body.scrollWidth - body.clientWidth : -1;
  });
  expect(overflow).toBe(0);
  await expect(narrow.getByRole("button", { name: "すべて適用" }).isVisible()).resolves.toBe(true);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await narrow.screenshot({ path: path.join(SCREENSHOTS, "preview-320.png") });
  await narrow.close();
});
