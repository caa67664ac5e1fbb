/**
 * The published page's own script, running in a DOM: what a reader sees while typing in the search box
 * and after clearing it.
 */
import { JSDOM } from "jsdom";
import { buildFaqModel, renderFaqPage, type CaseTable } from "../../src/engine";
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
