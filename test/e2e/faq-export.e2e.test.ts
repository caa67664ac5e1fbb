/**
 * End to end on the published FAQ: `faq-assist export` on the sample workbook, the page opened from a
 * file in Debian's Chromium with every network request blocked, typing in its search box ranks the
 * entries as you type. Screenshots go to test-results/ (and to docs/faq-export.png with
 * UPDATE_DOCS_SCREENSHOTS=1).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { launchChromium, offlineFileContext, screenshot } from "./chromium";

jest.setTimeout(120_000);

const SAMPLE = path.resolve(__dirname, "../../samples/consultations-sample.xlsx");

let browser: Browser;
let context: BrowserContext;
let page: Page;
let outside: string[];

beforeAll(async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "faq-export-e2e-")), "faq.html");
  const code = await main(["export", "--workbook", SAMPLE, "--out", out], { stdout: () => undefined, stderr: (t) => process.stderr.write(t), env: { LANG: "ja_JP.UTF-8" } });
  expect(code).toBe(0);
  browser = await launchChromium();
  // The network is blocked: anything but the file itself is refused and recorded.
  ({ context, outside } = await offlineFileContext(browser));
  page = await context.newPage();
  await page.goto(pathToFileURL(out).href);
});

afterAll(async () => {
  await browser?.close();
});

const visibleEntries = () => page.locator("[data-faq-entry]:visible");

it("opens from a file with the network blocked, needing nothing from outside", async () => {
  await page.locator("h1").waitFor();
  expect(await page.locator("[data-faq-entry]").count()).toBe(22);
  expect(await visibleEntries().count()).toBe(22);
  expect(await page.locator("#faq-count").textContent()).toBe("22 件");
  expect(outside).toEqual([]);
});

it("ranks the entries as you type, best first, forgiving other words and spellings; the empty box shows guidebook order", async () => {
  const search = page.locator('input[type="search"]');
  const firstCategory = () => visibleEntries().first().locator(".entry-cat").textContent();
  await search.click();
  await search.pressSequentially("ランサム", { delay: 20 });
  await page.locator("#faq-results").waitFor({ state: "visible" });
  expect(await firstCategory()).toMatch(/^1-2 ランサムウェア/);
  expect(await page.locator("#faq-count").textContent()).toBe(`${await visibleEntries().count()} 件`);
  // While searching, one list best first: the category sections and contents step aside.
  expect(await page.locator("[data-faq-category]:visible").count()).toBe(0);
  await screenshot(page, "faq-export.png", { docs: true });

  // A word the entries do not spell (乗っ取られた → 不正ログイン), full width, several words ORed.
  await search.fill("乗っ取り");
  await page.waitForFunction(() => document.querySelector("#faq-results [data-faq-entry]:not([hidden]) .entry-cat")?.textContent?.startsWith("1-10"));
  await search.fill("ＳＭＳ 銀行");
  await page.waitForFunction(() => document.querySelectorAll("#faq-results [data-faq-entry]:not([hidden])").length > 0);
  expect(await visibleEntries().first().textContent()).toMatch(/SMS/i);

  await search.fill("ゾウガメ配送ロボ");
  await page.locator("#faq-empty").waitFor({ state: "visible" });
  expect(await visibleEntries().count()).toBe(0);

  await search.fill("");
  await page.waitForFunction(() => document.getElementById("faq-count")?.textContent === "22 件");
  expect(await visibleEntries().count()).toBe(22);
  expect(await page.locator("[data-faq-category]:visible").count()).toBeGreaterThan(1);
  expect(outside).toEqual([]);
});

it("is readable at 320 px", async () => {
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 320, height: 800 });
  await narrow.goto(page.url());
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(narrow, "faq-export-320.png");
  await narrow.close();
});
