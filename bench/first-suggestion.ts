/**
 * npx tsx bench/first-suggestion.ts [runs] [rows] [sheets]
 * The pane's first suggestion on a large sheet, as an editor meets it: the preview built in production
 * mode (minified, as a desk deploys it), opened with ?rows=N (default 10,000) in Debian's Chromium.
 * With sheets = 2 the same N cases are kept as two fiscal-year sheets (2024年度, 2025年度 active): the
 * pane reads the active sheet first and the other case sheet after the first suggestion.
 * Per run it prints the time until the sheet is read and indexed (入力済み shown) and the time from a
 * click on a case row to the first suggestion card. kuromoji's dictionary loads in the background
 * after that; it is not waited for.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import webpack, { type Stats } from "webpack";
import { chromium } from "playwright-core";
import { buildConfig } from "../scripts/build-config";
import { createPreviewServer } from "../scripts/preview";

const ROOT = path.join(__dirname, "..");
const OUTPUT = ".tmp/preview-production";

async function buildProductionPreview(): Promise<string> {
  const config = await buildConfig({ preview: true, outputPath: OUTPUT }, { mode: "production" });
  const compiler = webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } });
  const stats = await new Promise<Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error ?? new Error("no result")) : resolve(result))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return path.resolve(ROOT, OUTPUT);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const rows = Number(process.argv[3] ?? 10_000);
  const sheets = Number(process.argv[4] ?? 1) === 2 ? 2 : 1;
  const directory = await buildProductionPreview();
  const server: http.Server = createPreviewServer(directory);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?rows=${rows}${sheets === 2 ? "&sheets=2" : ""}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const ready: number[] = [];
  const first: number[] = [];
  const total: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const opened = Date.now();
      await page.goto(url);
      await page.getByTestId("filled-count").waitFor({ timeout: 120_000 });
      const readyMs = Date.now() - opened;
      // SETTLE_MS: wait before clicking, to tell the click's own cost from background work after opening.
      if (process.env.SETTLE_MS) await page.waitForTimeout(Number(process.env.SETTLE_MS));
      const clicked = Date.now();
      await page.locator('[data-cell="F4"]').click();
      await page.getByTestId("case-subject").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: /すべて適用/ }).first().waitFor({ timeout: 60_000 });
      const firstMs = Date.now() - clicked;
      ready.push(readyMs);
      first.push(firstMs);
      total.push(readyMs + firstMs);
      console.log(`run ${run}: sheet read and indexed ${readyMs} ms; click → first suggestion ${firstMs} ms; ready + first ${readyMs + firstMs} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `median of ${runs}: sheet ready ${median(ready)} ms, click → first suggestion ${median(first)} ms, ` +
      `opening → first suggestion ${median(total)} ms (${rows} rows on ${sheets} sheet${sheets === 2 ? "s" : ""}, production build)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
