/**
 * End to end on the offline preview, in Debian's Chromium: a log kept as a sheet per fiscal year
 * (test/fixtures/two-years.ts, invented cases). With 2025年度 active, a 2025 case's suggestion cites a
 * 2024年度 row (a click on it switches sheets), search finds 2024 cases, publishing from every case
 * sheet holds both years, a sheet renamed while the pane is open is followed, and the Quality view
 * shows every FAQ column's figures. The preview's in-memory workbook plays Excel's sheet tabs.
 */
import type { Page } from "playwright-core";
import { SHEET_2024, SHEET_2025, WARNING_ROW_2025, WARNING_ROWS_2024, twoYears } from "../fixtures/two-years";
import { screenshot, until } from "./chromium";
import { onWorkbook, usePreviewInChromium } from "./preview-in-chromium";

jest.setTimeout(180_000);

const preview = usePreviewInChromium();
let page: Page;

beforeAll(async () => {
  page = await preview.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(preview.url);
  await page.getByTestId("filled-count").waitFor();
  // The desk's file: two fiscal-year sheets; the sample sheet the preview opened with goes.
  await onWorkbook(
    page,
    (workbook, sheets) => {
      const first = workbook.sheetNames[0];
      for (const sheet of sheets) workbook.addSheet(sheet.name, sheet.rows);
      workbook.activateSheet(sheets[1].name);
      workbook.deleteSheet(first);
    },
    twoYears(),
  );
  await until(() => page.locator(".sheet-tab").allTextContents(), (tabs) => tabs.join("|") === `${SHEET_2024}|${SHEET_2025}`);
});

async function showWarningCase(): Promise<void> {
  await page.getByTestId("view-case").click();
  await page.locator(".sheet-tab", { hasText: SHEET_2025 }).click();
  await page.locator(`[data-cell="B${WARNING_ROW_2025}"]`).click();
  await page.getByTestId("case-subject").filter({ hasText: "偽のウイルス警告" }).waitFor();
}

test("a 2025 case's suggestion cites a 2024 row, and a click on it switches to that sheet and row", async () => {
  await showWarningCase();
  const evidence = page.getByRole("button", { name: `${SHEET_2024} ${WARNING_ROWS_2024[0]} 行目を選択` }).first();
  await evidence.waitFor({ timeout: 20_000 });
  await screenshot(page, "case-sheets-evidence.png");
  await evidence.click();
  await until(() => page.locator(".sheet-tab.active").textContent(), (name) => name === SHEET_2024);
  await until(() => page.getByTestId("name-box").textContent(), (address) => address?.endsWith(String(WARNING_ROWS_2024[0])) ?? false);
});

test("search finds 2024 cases from the 2025 sheet", async () => {
  await showWarningCase();
  const search = page.getByRole("combobox", { name: "過去の相談を検索" });
  await search.click();
  await search.pressSequentially("身代金 暗号化", { delay: 10 });
  const first = page.getByRole("listbox", { name: "検索結果" }).getByRole("option").first();
  await first.waitFor();
  await until(() => first.textContent(), (text) => (text ?? "").includes(`${SHEET_2024} 4 行目`));
  await search.press("Escape");
});

test("publishing from every case sheet holds both years", async () => {
  await showWarningCase();
  await page.getByTestId("view-export").click();
  const summary = page.getByTestId("export-summary");
  await summary.waitFor();
  const thisSheet = await summary.textContent();
  await page.getByRole("checkbox", { name: new RegExp("すべての相談シートから作る") }).check();
  await until(() => summary.textContent(), (text) => text !== thisSheet);
  expect(await summary.textContent()).toContain("7");
});

test("a sheet renamed while the pane is open: the evidence names it by its new name", async () => {
  await onWorkbook(page, (workbook, name) => workbook.renameSheet(name, "2024年度（確定）"), SHEET_2024);
  await until(() => page.locator(".sheet-tab").allTextContents(), (tabs) => tabs.includes("2024年度（確定）"));
  await showWarningCase();
  await page.getByRole("button", { name: `2024年度（確定） ${WARNING_ROWS_2024[0]} 行目を選択` }).first().waitFor({ timeout: 20_000 });
});

test("the Quality view shows every FAQ column's figures over both sheets", async () => {
  await page.getByTestId("view-quality").click();
  const figures = page.getByTestId("quality-figures");
  await figures.waitFor({ timeout: 60_000 });
  expect(await figures.locator("li").count()).toBe(6);
  expect(await page.getByTestId("quality").textContent()).toContain("2024年度（確定）・2025年度");
  await screenshot(page, "quality-view.png", { docs: true });
});
