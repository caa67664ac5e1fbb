/**
 * npx tsx bench/morphology-browser.ts [runs]
 * kuromoji in Chromium (Debian's /usr/bin/chromium, headless): builds and serves the preview, selects
 * a case row, and reads the pane's performance marks: first suggestions → dictionary fetched and
 * inflated → tokenizer built. Also reports the JS heap after loading. The dictionary comes from the
 * preview's own origin (dict/), as it does from the add-in's in Excel.
 */
import { chromium } from "playwright-core";
import { startPreviewServer } from "../scripts/preview";

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const server = await startPreviewServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--enable-precise-memory-info"],
  });
  try {
    for (let run = 1; run <= runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await page.getByTestId("filled-count").waitFor();
      await page.locator('[data-cell="F4"]').click();
      await page.getByTestId("case-subject").waitFor();
      // Page code is passed as text: tsx would otherwise wrap functions in a helper the page does not have.
      const shownAt = (await page.evaluate("performance.now()")) as number;
      await page.waitForFunction('performance.getEntriesByName("faq-assist:morphology-ready").length > 0', undefined, { timeout: 120_000 });
      const marks = (await page.evaluate(`(() => {
        const at = (name) => (performance.getEntriesByName(name)[0] || { startTime: NaN }).startTime;
        return {
          start: at("faq-assist:morphology-start"),
          fetched: at("faq-assist:morphology-fetched"),
          build: at("faq-assist:morphology-build"),
          ready: at("faq-assist:morphology-ready"),
          heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
        };
      })()`)) as { start: number; fetched: number; build: number; ready: number; heapMB: number };
      console.log(
        `run ${run}: first suggestions at ${shownAt.toFixed(0)} ms; load started ${marks.start.toFixed(0)}; ` +
          `fetched + inflated ${(marks.fetched - marks.start).toFixed(0)} ms; tokenizer built ${(marks.ready - marks.build).toFixed(0)} ms (main thread); ` +
          `total ${(marks.ready - marks.start).toFixed(0)} ms; JS heap ${marks.heapMB.toFixed(0)} MB`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
