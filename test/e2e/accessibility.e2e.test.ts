/**
 * The pane as an accessibility auditor and a keyboard-only editor meet it, in Debian's Chromium:
 * - axe-core (target-size on) on every view × ja/en × 320/500 px × light/Dark Gray, zero violations;
 *   the only thing left out is Fluent's focus sentinels (`[data-tabster-dummy]`, invisible elements
 *   tabster puts round focus traps), named below;
 * - Dark Gray and Black pass axe's contrast rules, and a theme switched while the pane is open is applied;
 * - a keyboard-only walk: select → edit a chip → すべて適用 → 元に戻す → 次の未入力行へ → search → open a
 *   result → backlog 分類を適用 → 元に戻す, asserting where focus is after each step;
 * - screens of every view in light and Dark Gray at 320 px for docs/ui.md;
 * - the published FAQ page wraps at 320 px.
 * One browser and one page per language: width and theme change in place, as a user would change them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { exportFaqPage } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { readTable } from "../../src/workbook/read-table";
import { messagesFor } from "../../src/taskpane/i18n";
import { screenshot, until } from "./chromium";
import { usePreviewInChromium } from "./preview-in-chromium";

jest.setTimeout(300_000);

/** Evaluated through the debugging protocol, so the page's own CSP (script-src 'self') stays as it is. */
const AXE_SOURCE = readFileSync(path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
/** Fluent's focus-trap sentinels: hidden 1 px elements, not content; the one exclusion. */
const FLUENT_SENTINELS = "[data-tabster-dummy]";
const VIEWS = ["case", "search", "backlog", "check", "export", "quality"] as const;
type View = (typeof VIEWS)[number];

const preview = usePreviewInChromium();

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
  const page = await preview.browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${preview.url}?lang=${lang}&pane=320${theme ? `&theme=${theme}` : ""}`);
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
    case "quality":
      await page.getByTestId("quality-figures").waitFor();
      return;
  }
}

describe.each(["ja", "en"] as const)("axe (and, in Japanese, the screens for docs/ui.md), %s", (lang) => {
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
        // The screens in docs/ui.md: every view at 320 px, light and Dark Gray.
        if (lang === "ja" && width === 320) await screenshot(page.locator("div.pane"), `ui-${view}-${theme === "darkgray" ? "darkgray" : "light"}.png`, { docs: true });
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
});

/**
 * Keyboard only, no mouse: the sheet's arrow keys pick a case, Tab goes into the pane, and every step
 * says where focus is afterwards.
 */
describe.each([
  { lang: "ja", theme: "", pane: 380 },
  { lang: "ja", theme: "darkgray", pane: 320 },
  { lang: "en", theme: "darkgray", pane: 320 },
] as const)("keyboard only ($lang, $pane px, theme $theme)", ({ lang, theme, pane }) => {
  const t = messagesFor(lang);
  /** A message with its variable parts (given as ANY) matching any text: the same words in either language. */
  const ANY = "\u0001";
  const inner = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\u0001/g, ".+");
  /** The whole text is the message. */
  const shape = (text: string) => new RegExp(`^${inner(text)}$`);
  /** The message stands somewhere in the text. */
  const within = (text: string) => new RegExp(inner(text));
  const some = ANY as unknown as number;
  let page: Page;
  beforeAll(async () => {
    page = await preview.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${preview.url}?lang=${lang}&pane=${pane}${theme ? `&theme=${theme}` : ""}`);
    await page.getByTestId("filled-count").waitFor();
  });
  afterAll(async () => {
    await page?.close();
  });

  interface Focus {
    tag: string;
    testid: string | null;
    name: string;
    text: string;
    role: string | null;
    type: string | null;
    card: string | null;
    inCards: boolean;
    inView: boolean;
  }

  /** What has the keyboard now, as a person would describe it. */
  const focus = (): Promise<Focus> =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { tag: "body", testid: null, name: "", text: "", role: null, type: null, card: null, inCards: false, inView: false };
      const rect = element.getBoundingClientRect();
      const scroller = element.closest('[data-testid="pane-body"]') ?? document.documentElement;
      const box = scroller.getBoundingClientRect();
      return {
        tag: element.tagName.toLowerCase(),
        testid: element.getAttribute("data-testid"),
        name: element.getAttribute("aria-label") ?? "",
        text: (element.textContent ?? "").trim().slice(0, 60),
        role: element.getAttribute("role"),
        type: element.getAttribute("type"),
        card: element.closest("[data-role]")?.getAttribute("data-role") ?? null,
        inCards: element.closest("#faq-cards") !== null,
        inView: rect.bottom > box.top && rect.top < box.bottom,
      };
    });

  /** Presses `key` until focus matches (Tab is how a keyboard user gets anywhere); fails after `max`. */
  async function pressUntil(key: string, accept: (f: Focus) => boolean, max = 60): Promise<Focus> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      const now = await focus();
      if (accept(now)) return now;
    }
    throw new Error(`${key} × ${max} never reached it; focus is on ${JSON.stringify(await focus())}`);
  }

  const cell = (address: string) => page.locator(`[data-cell="${address}"]`).textContent().then((text) => text ?? "");
  const settledFocus = (accept: (f: Focus) => boolean) => until(focus, accept);

  test("select → edit a chip → すべて適用 → 元に戻す → 次の未入力行へ → search → open a result → backlog 分類を適用 → 元に戻す", async () => {
    // The editor is in the sheet (B2): ↓ down to the first case whose FAQ columns are empty; the pane shows it.
    const start = await page.evaluate(() => {
      for (let r = 2; r < 200; r++) {
        if (["D", "K", "L", "M", "N", "O"].every((letter) => (document.querySelector(`[data-cell="${letter}${r}"]`)?.textContent ?? "") === "") && document.querySelector(`[data-cell="F${r}"]`)?.textContent) return r;
      }
      return -1;
    });
    expect(start).toBeGreaterThanOrEqual(2);
    await page.locator(".grid-scroller").focus();
    for (let r = 2; r <= start; r++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await until(() => page.getByTestId("case-summary").getAttribute("aria-label"), (label) => label === t.caseHeading(start));
    await until(() => page.getByRole("button", { name: t.applyAll }).isEnabled(), Boolean);

    // Tab into the pane: the first stop skips to the FAQ fields.
    expect((await pressUntil("Tab", (f) => f.tag === "a", 5)).text).toBe(t.skipToCards);
    // Seen when focused (a 1 px clipped box otherwise).
    expect((await page.evaluate(() => document.activeElement?.getBoundingClientRect().width)) ?? 0).toBeGreaterThan(40);
    await page.keyboard.press("Enter");
    expect((await focus()).inCards).toBe(true);

    // A keyword chip, edited in place: Enter opens it, Enter keeps the new text, focus stays on that chip.
    await pressUntil("Tab", (f) => f.card === "keywords" && f.tag === "button" && !shape(t.removeItem(ANY)).test(f.name) && !f.name.includes(t.apply));
    await page.keyboard.press("Enter");
    const editor = await focus();
    expect(editor.tag).toBe("input");
    expect(editor.name).toMatch(shape(t.editItem(ANY)));
    await page.keyboard.press("Control+A");
    await page.keyboard.type("キーボード編集");
    await page.keyboard.press("Enter");
    await settledFocus((f) => f.card === "keywords" && f.text === "キーボード編集");

    // すべて適用 (Ctrl+Alt+Enter): written; the chip keeps the focus, still in view.
    await page.keyboard.press("Control+Alt+Enter");
    await until(() => cell(`K${start}`), (text) => text.includes("キーボード編集"));
    await page.getByTestId("notice").filter({ hasText: within(t.applied(some, start)) }).waitFor();
    expect(await focus()).toMatchObject({ card: "keywords", text: "キーボード編集", inView: true });

    // 元に戻す: reached by Tab; it disables itself, and focus goes to the notice saying what happened.
    await pressUntil("Tab", (f) => f.text === t.undo);
    await page.keyboard.press("Enter");
    await until(() => cell(`K${start}`), (text) => text === "");
    expect((await settledFocus((f) => f.testid === "notice")).text).toContain(t.undone.replace(/[。.]$/, ""));

    // 次の未入力行へ (Ctrl+Alt+↓): the next case opens at its top, is announced, and takes the focus.
    // Every text the live region says is kept: a later announcement (the dictionary's refinement, which
    // may land at any moment on a loaded machine) must not hide that the move was announced.
    await page.getByTestId("announcement").evaluate((region) => {
      const said: string[] = [];
      (window as unknown as { announced: string[] }).announced = said;
      new MutationObserver(() => said.push(region.textContent ?? "")).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.press("Control+Alt+ArrowDown");
    await until(
      () => page.evaluate(() => (window as unknown as { announced: string[] }).announced),
      (said) => said.some((text) => within(t.movedToCase(some, ANY)).test(text)),
    );
    const landed = await settledFocus((f) => f.testid === "case-summary");
    expect(landed.inView).toBe(true);
    expect(await page.getByTestId("pane-body").evaluate((body) => body.scrollTop)).toBe(0);

    // Search: back up to the box, type, then Tab to the results (one stop), ↓ to the second, Enter opens it.
    await pressUntil("Shift+Tab", (f) => f.role === "combobox", 10);
    await page.keyboard.type("ランサムウェア", { delay: 10 });
    await page.getByTestId("search-result").nth(1).waitFor();
    expect((await pressUntil("Tab", (f) => f.role === "listbox", 10)).name).toBe(t.searchResultsLabel);
    await page.keyboard.press("ArrowDown");
    const chosen = page.getByTestId("search-result").nth(1);
    await until(() => chosen.getAttribute("aria-selected"), (selected) => selected === "true");
    const row = Number(await chosen.getAttribute("data-row"));
    await page.keyboard.press("Enter");
    await until(() => page.getByTestId("case-summary").getAttribute("aria-label"), (label) => label === t.caseHeading(row));
    await settledFocus((f) => f.testid === "case-summary");

    // The backlog: ←→ on the tabs, Enter; the queue is one Tab stop, Space ticks, ↓ moves, Space ticks.
    await pressUntil("Shift+Tab", (f) => f.role === "tab", 10);
    await pressUntil("ArrowRight", (f) => f.testid === "view-backlog", 5);
    await page.keyboard.press("Enter");
    await page.getByTestId("backlog-item").first().waitFor();
    await pressUntil("Tab", (f) => f.type === "checkbox", 15);
    const ticked: number[] = [];
    for (let i = 0; i < 2; i++) {
      const rowOf = await page.evaluate(() => Number(document.activeElement?.closest("[data-row]")?.getAttribute("data-row")));
      ticked.push(rowOf);
      await page.keyboard.press("Space");
      if (i === 0) await page.keyboard.press("ArrowDown");
    }
    await page.getByTestId("backlog-count").filter({ hasText: within(t.backlogCount(some, 2)) }).waitFor();

    // 分類を適用 (2): Tab leaves the queue at once; the button disables itself, focus goes to the notice.
    await pressUntil("Tab", (f) => f.text.startsWith(t.backlogApplyTop), 10);
    await page.keyboard.press("Enter");
    expect((await settledFocus((f) => f.testid === "notice")).text).toContain(t.batchApplied(2, 2, 0).split(/[。.]/)[0]);
    for (const r of ticked) expect(await cell(`L${r}`)).not.toBe("");

    // 元に戻す: the whole batch back; focus on the notice again.
    await pressUntil("Tab", (f) => f.text === t.undo, 10);
    await page.keyboard.press("Enter");
    expect((await settledFocus((f) => f.testid === "notice" && f.text.includes(t.undone.replace(/[。.]$/, "")))).tag).toBe("div");
    for (const r of ticked) await until(() => cell(`L${r}`), (text) => text === "");
  });
});

test("the published FAQ page wraps at 320 px, long latin tokens included (no sideways scrolling)", async () => {
  const workbook = MemoryWorkbook.fromCsv(readFileSync(path.resolve(__dirname, "../../samples/consultations-sample.csv"), "utf8"), "相談受付");
  const { result } = await readTable(workbook);
  if (!result.ok) throw new Error("the sample has a table");
  const answered = result.table.rows.find((row) => (row.cells.answer ?? "") !== "");
  if (!answered) throw new Error("the sample has answers");
  answered.cells.answer = `${answered.cells.answer} MicrosoftAuthenticatorApplicationVerificationCodeRecoveryProcedureDocumentation`;
  const { html } = exportFaqPage(result.table);
  const page = await preview.browser.newPage({ viewport: { width: 320, height: 640 } });
  try {
    await page.setContent(html);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await expect(page.getByText("MicrosoftAuthenticatorApplication", { exact: false }).first().isVisible()).resolves.toBe(true);
  } finally {
    await page.close();
  }
});

test("the overwrite dialog in Chromium: opens on キャンセル, Ctrl+Alt+↓ does nothing behind it, one Esc closes it (the 適用 tooltip does not take it), focus back on 適用", async () => {
  const page = await preview.browser.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await page.goto(`${preview.url}?pane=380`);
    await page.getByTestId("filled-count").waitFor();
    // Row 3's keywords are filled: applying the card asks first.
    await page.locator('[data-cell="F3"]').click();
    const apply = page.getByRole("button", { name: "「検索キーワード」を適用" });
    await until(() => apply.isEnabled(), Boolean);
    await apply.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await until(() => page.evaluate(() => document.activeElement?.textContent ?? ""), (text) => text === "キャンセル");
    const before = await page.getByTestId("name-box").textContent();
    await page.keyboard.press("Control+Alt+ArrowDown");
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId("name-box").textContent()).toBe(before);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await until(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""), (label) => label === "「検索キーワード」を適用");
  } finally {
    await page.close();
  }
});
