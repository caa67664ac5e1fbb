/**
 * The published page's own script, running in a DOM: what a reader sees while typing in the search box
 * and after clearing it.
 */
import path from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { buildFaqModel, type exportFaqPage, renderFaqPage, type CaseTable } from "../../src/engine";
import { sampleTable } from "./seed-named";

function open(table: CaseTable) {
  const model = buildFaqModel(table);
  const dom = new JSDOM(renderFaqPage(model), { runScripts: "dangerously" });
  const doc = dom.window.document;
  const input = doc.getElementById("faq-search") as HTMLInputElement;
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
  };
  const shown = () => Array.from(doc.querySelectorAll<HTMLElement>("[data-faq-entry]")).filter((e) => !e.hidden && !e.closest("[hidden]"));
  const categoryOf = (e: HTMLElement) => e.querySelector(".entry-cat")?.textContent ?? "";
  const pageOrder = model.groups.flatMap((g) => g.entries.map((e) => e.id));
  return { dom, doc, type, shown, categoryOf, pageOrder, count: () => doc.getElementById("faq-count")?.textContent };
}

it("shows every entry in guidebook order with the box empty, and again after clearing it", () => {
  const page = open(sampleTable());
  expect(page.shown().map((e) => e.id)).toEqual(page.pageOrder);
  expect(page.count()).toBe(`${page.pageOrder.length} 件`);
  page.type("ランサム");
  expect(page.shown().length).toBeLessThan(page.pageOrder.length);
  page.type("");
  expect(page.shown().map((e) => e.id)).toEqual(page.pageOrder);
  // Every entry is back under its own category heading.
  for (const section of Array.from(page.doc.querySelectorAll<HTMLElement>("[data-faq-category]"))) {
    expect(section.hidden).toBe(false);
    const heading = section.querySelector("h2")?.textContent ?? "";
    for (const entry of Array.from(section.querySelectorAll<HTMLElement>("[data-faq-entry]"))) expect(page.categoryOf(entry)).toBe(heading);
  }
  page.dom.window.close();
});

it("lists the best entries first while searching, each with its category, and says when nothing matches", () => {
  const page = open(sampleTable());
  page.type("ランサム");
  const ransom = page.shown();
  expect(ransom.length).toBeGreaterThan(0);
  expect(page.categoryOf(ransom[0])).toMatch(/^1-2 /);
  expect(page.count()).toBe(`${ransom.length} 件`);

  page.type("乗っ取り");
  expect(page.categoryOf(page.shown()[0])).toMatch(/^1-10 /);

  page.type("ファイルが開けない");
  expect(page.categoryOf(page.shown()[0])).toMatch(/^1-2 /);

  page.type("ゾウガメ配送ロボ");
  expect(page.shown()).toHaveLength(0);
  expect(page.doc.getElementById("faq-empty")?.hidden).toBe(false);
  page.dom.window.close();
});

it("still searches when the engine is bundled and minified as the production build does (esbuild, es2019)", async () => {
  // The page embeds the scorer's own source: a minifier that wrapped it or reached outside it would break the page.
  const { build } = await import("esbuild");
  const bundled = await build({
    entryPoints: [path.join(__dirname, "../../src/engine/index.ts")],
    bundle: true,
    minify: true,
    target: "es2019",
    platform: "node",
    format: "cjs",
    write: false,
    logLevel: "silent",
  });
  const module = { exports: {} as { exportFaqPage: typeof exportFaqPage } };
  new Function("module", "exports", "require", bundled.outputFiles[0].text)(module, module.exports, require);
  const { html } = module.exports.exportFaqPage(sampleTable());
  const errors: Error[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (error) => errors.push(error));
  const dom = new JSDOM(html, { runScripts: "dangerously", virtualConsole });
  const input = dom.window.document.getElementById("faq-search") as HTMLInputElement;
  input.value = "ランサム";
  input.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
  expect(errors).toEqual([]);
  const shown = Array.from(dom.window.document.querySelectorAll<HTMLElement>("#faq-results [data-faq-entry]")).filter((e) => !e.hidden);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown[0].querySelector(".entry-cat")?.textContent).toMatch(/^1-2 /);
  dom.window.close();
}, 60_000);
