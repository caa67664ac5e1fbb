/** @jest-environment jsdom */
import { buildFaqModel, readCaseTable, renderFaqPage } from "../../src/engine";

const HEADER = ["受理番号", "件名", "相談内容", "【FAQ用】検索キーワード", "案件項目【Mission1】", "提示する対策項目【Mission2～4】", "【FAQ用】標準回答（案）", "【FAQ用】対策のための参考資料・サイト"];

it("a browser parsing the exported page finds no element, attribute or link injected from cells", () => {
  const evil = [
    `<script>alert("no")</script>`,
    `"><img src=x onerror=alert(1)>`,
    `<svg onload=alert(7)>内容です</svg>`,
    `<b>太字</b>、" onmouseover="alert(1)、' onfocus='alert(8)`,
    `</section><script>alert(2)</script>`,
    `2-9 電子メールの安全利用\n<a href="javascript:alert(9)">x</a>`,
    `<script>alert(3)</script> 詳しくは javascript:alert(4) と https://www.ipa.go.jp/"onclick="x を参照してください。`,
    `javascript:alert(5)\nhttps://www.ipa.go.jp/"><script>alert(6)</script>\nhttps://www.ipa.go.jp/security/' onmouseover='alert(10)`,
  ];
  const parsed = readCaseTable({ sheetName: "s", firstRow: 1, firstColumn: 1, values: [HEADER, evil] });
  if (!parsed.ok) throw new Error("not recognised");
  const html = renderFaqPage(buildFaqModel(parsed.table));
  const doc = new DOMParser().parseFromString(html, "text/html");
  // One script (the page's search) and one data block for it, which cells cannot close or escape.
  expect(doc.querySelectorAll("script:not([type])")).toHaveLength(1);
  expect(doc.querySelectorAll("script")).toHaveLength(2);
  const data = JSON.parse(doc.getElementById("faq-search-data")?.textContent ?? "") as { docs: string[][] };
  expect(data.docs).toHaveLength(1);
  expect(data.docs[0].join(" ")).toContain("<script>alert(3)</script>");
  expect(doc.querySelectorAll("img, svg, iframe, b, object, embed, link, base, form")).toHaveLength(0);
  for (const element of Array.from(doc.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on/);
  }
  const hrefs = Array.from(doc.querySelectorAll("a")).map((a) => a.getAttribute("href") ?? "");
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^(?:#cat-|https:\/\/www\.ipa\.go\.jp\/)/);
  // The injected text is shown as text.
  const entry = doc.querySelector("[data-faq-entry]")!;
  expect(entry.textContent).toContain(`<script>alert(3)</script>`);
  expect(doc.querySelectorAll("[data-faq-entry]")).toHaveLength(1);
});
