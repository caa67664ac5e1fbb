import { readCaseTable, type CaseTable } from "../../src/engine";
import {
  ACCEPTANCE_NAMESPACE,
  appendEntries,
  clearEntries,
  outcomeOf,
  parseLog,
  readEntries,
  type AcceptanceEntry,
} from "../../src/workbook/acceptance-log";
import { caseRefOf } from "../../src/workbook/case-identity";
import { ENGINE_VERSION, PACKAGE_VERSION } from "../../src/workbook/engine-version";
import { applyFaqBatch, undoApply, type BatchRequest } from "../../src/workbook/faq-writer";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import type { XmlPart } from "../../src/workbook/port";
import { XmlPartStore, rootNamespace } from "../../src/workbook/xml-parts";
import packageJson from "../../package.json";

const SHEET = "2025年度";
const HEADER = ["受理番号", "件名", "相談内容", "【FAQ用】検索キーワード", "案件項目【Mission1】", "【FAQ用】標準回答（案）"];
// Names planted in the case text and in the FAQ values: none may reach the log.
const PLANTED = ["山田花子", "やまだ商店", "090-1234-5678", "hanako@example.jp"];

function rows(): string[][] {
  return [
    HEADER,
    ["201", "請求画面", `山田花子さん（やまだ商店）から。090-1234-5678 に電話するよう画面に出た`, "", "", ""],
    ["202", "メール", "hanako@example.jp 宛に怪しいメールが届いた", "", "", ""],
  ];
}

function table(): CaseTable {
  const result = readCaseTable({ sheetName: SHEET, firstRow: 1, firstColumn: 1, values: rows() });
  if (!result.ok) throw new Error("no table");
  return result.table;
}

const CLOCK = () => new Date("2026-12-02T11:00:00Z");

function request(): BatchRequest {
  const t = table();
  const [first, second] = t.rows;
  return {
    sheetName: SHEET,
    columns: t.columns,
    overwriteConfirmed: false,
    record: { engineVersion: ENGINE_VERSION, now: CLOCK },
    items: [
      {
        case: caseRefOf(SHEET, first),
        shownValues: { 4: "", 5: "", 6: "" },
        writes: [
          { role: "keywords", column: 4, value: "偽警告、サポート詐欺", suggested: "偽警告、サポート詐欺" },
          { role: "category", column: 5, value: "1-9 ワンクリック詐欺・偽警告", suggested: "1-9 巧妙・悪質化するワンクリック詐欺" },
          { role: "answer", column: 6, value: "画面を閉じて山田花子さんに連絡しないでください。電話はかけないでください。", suggested: "画面を閉じてください。電話はかけないでください。" },
        ],
      },
      {
        case: caseRefOf(SHEET, second),
        shownValues: { 4: "", 5: "" },
        writes: [
          { role: "keywords", column: 4, value: "やまだ商店、迷惑メール", suggested: "迷惑メール、フィッシング" },
          { role: "category", column: 5, value: "1-3 フィッシング", suggested: "1-8 迷惑メール" },
        ],
      },
    ],
  };
}

describe("what the editor did with a suggestion", () => {
  it("tells accepted, edited and replaced apart per kind of column", () => {
    expect(outcomeOf("keywords", "偽警告、サポート詐欺", "サポート詐欺、偽警告")).toBe("accepted");
    expect(outcomeOf("keywords", "偽警告、サポート詐欺", "偽警告、不正請求")).toBe("edited");
    expect(outcomeOf("keywords", "偽警告、サポート詐欺", "迷惑メール")).toBe("replaced");
    expect(outcomeOf("category", "1-9 巧妙・悪質化するワンクリック詐欺", "1-9 ワンクリック詐欺")).toBe("accepted");
    expect(outcomeOf("category", "1-9 ワンクリック詐欺", "1-3 フィッシング")).toBe("replaced");
    expect(outcomeOf("answer", "画面を閉じてください。電話はかけないでください。", "画面を閉じてください。電話は絶対にかけないでください。")).toBe("edited");
    expect(outcomeOf("answer", "画面を閉じてください。", "警察に相談してください。")).toBe("replaced");
    expect(outcomeOf("references", "", "https://www.ipa.go.jp/")).toBe("replaced");
  });
});

describe("the acceptance log written with the FAQ cells", () => {
  it("records each case and column in the same write, and never any case or FAQ text", async () => {
    const wb = new MemoryWorkbook(SHEET, rows());
    const outcome = await applyFaqBatch(wb, request());
    expect(outcome.kind).toBe("applied");
    expect(wb.getCell(SHEET, 2, 4)).toBe("偽警告、サポート詐欺");
    const parts = await wb.readXmlParts(ACCEPTANCE_NAMESPACE);
    expect(parts).toHaveLength(1);
    const entries = readEntries(parts);
    expect(entries.map((e) => [e.caseNumber, e.row, e.sheet])).toEqual([
      ["201", 2, SHEET],
      ["202", 3, SHEET],
    ]);
    expect(entries[0].columns).toEqual([
      { role: "keywords", outcome: "accepted" },
      { role: "category", outcome: "accepted" },
      { role: "answer", outcome: "edited" },
    ]);
    expect(entries[1].columns).toEqual([
      { role: "keywords", outcome: "edited" },
      { role: "category", outcome: "replaced" },
    ]);
    expect(entries[0].engineVersion).toBe(ENGINE_VERSION);
    expect(entries[0].at).toMatch(/^2026-12-0[23]T\d\d:00:00[+-]\d\d:\d\d$/);
    expect(entries[0].caseHash).toBe(caseRefOf(SHEET, table().rows[0]).hash);
    const xml = parts?.map((p) => p.xml).join("") ?? "";
    for (const name of PLANTED) expect(xml).not.toContain(name);
    for (const text of ["請求画面", "偽警告", "迷惑メール", "画面を閉じて", "フィッシング"]) expect(xml).not.toContain(text);
  });

  it("writes no record when the write is refused, and no write without its record", async () => {
    const wb = new MemoryWorkbook(SHEET, rows());
    const req = request();
    req.items[0].shownValues[4] = "something else";
    expect((await applyFaqBatch(wb, req)).kind).toBe("changedSinceShown");
    expect(await wb.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);

    wb.failNextWrite();
    expect((await applyFaqBatch(wb, request())).kind).toBe("failed");
    expect(await wb.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);
    expect(wb.getCell(SHEET, 2, 4)).toBe("");
  });

  it("takes the record out again when the write is undone", async () => {
    const wb = new MemoryWorkbook(SHEET, rows());
    const first = await applyFaqBatch(wb, { ...request(), items: request().items.slice(1) });
    const second = await applyFaqBatch(wb, { ...request(), items: request().items.slice(0, 1) });
    if (second.kind !== "applied" || first.kind !== "applied") throw new Error("not applied");
    expect(readEntries((await wb.readXmlParts(ACCEPTANCE_NAMESPACE)) ?? [])).toHaveLength(2);
    expect((await undoApply(wb, second.undo)).kind).toBe("undone");
    expect(readEntries((await wb.readXmlParts(ACCEPTANCE_NAMESPACE)) ?? []).map((e) => e.caseNumber)).toEqual(["202"]);
  });
});

describe("the log's cap and parts", () => {
  const entry = (i: number): AcceptanceEntry => ({
    id: `e${i}`,
    at: "2026-12-02T20:00:00+09:00",
    engineVersion: "x",
    sheet: "S",
    row: i + 2,
    caseNumber: String(i),
    caseHash: "h",
    columns: [{ role: "category", outcome: "accepted" }],
  });
  const store = (changes: ReturnType<typeof appendEntries>, parts: XmlPartStore) => parts.apply(ACCEPTANCE_NAMESPACE, changes);

  it("keeps at most the cap, dropping the oldest, and rewrites only the parts that change", () => {
    const parts = new XmlPartStore();
    const cap = 25;
    const per = 10;
    for (let i = 0; i < 32; i++) store(appendEntries(parts.byNamespace(ACCEPTANCE_NAMESPACE), [entry(i)], cap, per), parts);
    const entries = readEntries(parts.byNamespace(ACCEPTANCE_NAMESPACE));
    expect(entries).toHaveLength(cap);
    expect(entries[0].id).toBe("e7");
    expect(entries[entries.length - 1].id).toBe("e31");
    expect(parseLog(parts.byNamespace(ACCEPTANCE_NAMESPACE)).map((p) => p.entries.length)).toEqual([3, 10, 10, 2]);
    // One more entry touches the newest part and trims the oldest: two parts, not the whole log.
    const changes = appendEntries(parts.byNamespace(ACCEPTANCE_NAMESPACE), [entry(32)], cap, per);
    expect((changes.set ?? []).length + (changes.add ?? []).length + (changes.remove ?? []).length).toBe(2);
  });

  it("stays under the 10,000-entry cap at full size, each part well under Excel on the web's 5 MB", () => {
    const parts = new XmlPartStore();
    const batch = Array.from({ length: 10_500 }, (_, i) => entry(i));
    store(appendEntries([], batch), parts);
    const all: XmlPart[] = parts.byNamespace(ACCEPTANCE_NAMESPACE);
    expect(readEntries(all)).toHaveLength(10_000);
    expect(readEntries(all)[0].id).toBe("e500");
    for (const part of all) expect(part.xml.length).toBeLessThan(512 * 1024);
    store(clearEntries(all), parts);
    expect(parts.byNamespace(ACCEPTANCE_NAMESPACE)).toEqual([]);
  });

  it("leaves parts of other namespaces and of other format versions alone", () => {
    const parts = new XmlPartStore();
    parts.add(`<x:other xmlns:x="urn:someone-else">keep</x:other>`);
    parts.add(`<log xmlns="${ACCEPTANCE_NAMESPACE}" format="2" seq="1"><w id="z"/></log>`);
    store(appendEntries(parts.byNamespace(ACCEPTANCE_NAMESPACE), [entry(1)]), parts);
    store(clearEntries(parts.byNamespace(ACCEPTANCE_NAMESPACE)), parts);
    expect(parts.all().map((p) => rootNamespace(p.xml))).toEqual(["urn:someone-else", ACCEPTANCE_NAMESPACE]);
    expect(parts.all()[1].xml).toContain('format="2"');
  });
});

it("names the package's own version", () => {
  expect(PACKAGE_VERSION).toBe(packageJson.version);
});
