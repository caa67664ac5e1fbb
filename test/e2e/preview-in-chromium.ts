/**
 * What the end-to-end tests of the pane share: the offline preview served once per file and Debian's
 * Chromium, opened before the file's tests and closed after them, and a way to play a co-author or
 * Excel itself on the preview's in-memory workbook (`window.faqAssistPreview.workbook`).
 */
import type { Browser, Page } from "playwright-core";
import { startPreviewServer } from "../../scripts/preview";
import type { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { launchChromium } from "./chromium";

export interface PreviewInChromium {
  /** The preview's address (http://localhost:PORT/). */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Registers the file's beforeAll/afterAll that start and stop the preview server and Chromium. Call it
 * before the file's own hooks: they run in the order they were registered.
 */
export function usePreviewInChromium(): PreviewInChromium {
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPreviewServer({ port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  return {
    get url() {
      return started(server, "the preview server").url;
    },
    get browser() {
      return started(browser, "Chromium");
    },
  };
}

/** Runs `fn` on the preview's in-memory workbook in `page` (a co-author, or Excel's own behaviour). */
export function onWorkbook<A, R>(page: Page, fn: (workbook: MemoryWorkbook, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(
    ([source, value]) => {
      const workbook = (window as unknown as { faqAssistPreview: { workbook: MemoryWorkbook } }).faqAssistPreview.workbook;
      return (new Function(`return (${source})`)() as (w: MemoryWorkbook, a: unknown) => R)(workbook, value);
    },
    [fn.toString(), arg] as const,
  ) as Promise<R>;
}
