/**
 * What the end-to-end tests share: Debian's Chromium (never a downloaded browser), a context that
 * opens local files with every network request refused, polling for UI that updates asynchronously,
 * and screenshots (test-results/ always; docs/ too when UPDATE_DOCS_SCREENSHOTS=1, which is how the
 * images in docs/ are made: `UPDATE_DOCS_SCREENSHOTS=1 npx jest test/e2e`).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.resolve(__dirname, "../../test-results");
const DOCS = path.resolve(__dirname, "../../docs");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A context for file:// pages where any other request is aborted and recorded in `outside`. */
export async function offlineFileContext(browser: Browser, viewport = { width: 900, height: 1000 }): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext({ viewport, offline: true });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { context, outside };
}

/** Reads until the value is accepted (the UI updates asynchronously); fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Screenshot of a page or one element into test-results/, and into docs/ when asked to refresh them. */
export async function screenshot(target: Page | Locator, name: string, { docs = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await target.screenshot({ path: file });
  if (docs && process.env.UPDATE_DOCS_SCREENSHOTS === "1") copyFileSync(file, path.join(DOCS, name));
}
