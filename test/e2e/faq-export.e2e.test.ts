/**
 * End to end on the published FAQ: `faq-assist export` on the sample workbook, the page opened from a
 * file in Debian's Chromium with every network request blocked, typing in its search box filters the
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

it("filters the entries as you type, and hides categories left empty", async () => {
  const search = page.locator('input[type="search"]');
  await search.click();
  await search.pressSequentially("ランサム", { delay: 20 });
  await page.waitForFunction(() => document.getElementById("faq-count")?.textContent === "2 件");
  expect(await visibleEntries().count()).toBe(2);
  for (const text of await visibleEntries().allTextContents()) expect(text).toMatch(/ランサム/);
  expect(await page.locator("[data-faq-category]:visible h2").allTextContents()).toEqual(["1-2 ランサムウェアを使った詐欺・恐喝"]);
  await screenshot(page, "faq-export.png", { docs: true });

  // Full-width and case do not matter; every word must match.
  await search.fill("ＳＭＳ 銀行");
  await page.waitForFunction(() => document.querySelectorAll("[data-faq-entry]:not([hidden])").length > 0);
  for (const text of await visibleEntries().allTextContents()) expect(text).toMatch(/SMS|ＳＭＳ/i);

  await search.fill("ゾウガメ配送ロボ");
  await page.locator("#faq-empty").waitFor({ state: "visible" });
  expect(await visibleEntries().count()).toBe(0);

  await search.fill("");
  await page.waitForFunction(() => document.getElementById("faq-count")?.textContent === "22 件");
  expect(await visibleEntries().count()).toBe(22);
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
