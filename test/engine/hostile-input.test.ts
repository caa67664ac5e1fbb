/**
 * Hostile input the engine must read in bounded time and without recursion on its length: long runs
 * of one letter, digit or kana (each privacy pattern is linear on them), 6 MB of 「。」 in one cell,
 * a megabyte pasted as a search. Each test is bounded by Jest's timeout (20 s), far above what the
 * work takes now (under a second each) and far below what it took before (a 100,000-character cell
 * cost 1.5 s per masking pass, 6 MB of 「。」 23 s per suggestion or a stack overflow).
 */
import { checkFaq, detectPrivate, exportFaqPage, faqSheetValues, HEADER_NAMES, readCaseTable, SuggestionEngine, type CaseTable } from "../../src/engine";
import { ANALYSED_TEXT_LIMIT } from "../../src/engine/suggest/engine";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import type { Morphology } from "../../src/engine/text";

let kuromoji: Morphology;
beforeAll(async () => {
  kuromoji = await loadNodeMorphology();
}, 60_000);

const COLUMNS = ["caseNumber", "subject", "content", "category", "keywords", "answer"] as const;

function table(rows: string[][]): CaseTable {
  const parsed = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values: [COLUMNS.map((c) => HEADER_NAMES[c]), ...rows] });
  if (!parsed.ok) throw new Error("not a table");
  return parsed.table;
}

const RUNS = ["a".repeat(100_000), "7".repeat(100_000), "あ".repeat(100_000), "ア".repeat(100_000), "@".repeat(100_000), "-".repeat(100_000)];
const CATEGORY = "1-9 巧妙・悪質化するワンクリック詐欺";

describe("100,000-character cells", () => {
  it("a run of one character in an answer is read once by every pattern, and a phone number after it is still masked", () => {
    for (const run of RUNS) {
      const result = detectPrivate(`${run} 連絡は090-1234-5678へ`, { morphology: kuromoji });
      expect(result.text.endsWith("連絡は［電話番号］へ")).toBe(true);
    }
  });

  it("check and export of a sheet of such cells finish, and publish nothing private", () => {
    const rows = RUNS.map((run, i) => [String(i + 1), "偽の警告が出た", run, CATEGORY, `偽警告、${run.slice(0, 50_000)}`, `表示された番号に電話しないでください。${run}担当の山田太郎まで。`]);
    const t = table(rows);
    checkFaq(t, { morphology: kuromoji });
    const { html, model } = exportFaqPage(t, { morphology: kuromoji, mergeSimilarity: 2 });
    expect(model.rowsPublished).toBe(RUNS.length);
    expect(`${html}${faqSheetValues(model).flat().join("")}`).not.toContain("山田");
  });
});

describe("6 MB of 「。」 in one cell", () => {
  const huge = "。".repeat(2 * 1024 * 1024);
  const t = () => table([["1", "偽の警告", huge, "", "", ""], ["2", "偽の警告が出た", "画面に警告が出た", CATEGORY, "偽警告", "電話しないでください。"]]);

  it("suggestions, search, check and export run without overflowing the stack", () => {
    const engine = SuggestionEngine.build(t());
    engine.setMorphology(kuromoji);
    expect(engine.suggest(2).category[0].value).toBe(CATEGORY);
    expect(engine.search(huge).length).toBeGreaterThanOrEqual(0);
    expect(() => checkFaq(t(), { morphology: kuromoji })).not.toThrow();
    expect(exportFaqPage(t(), { morphology: kuromoji }).model.rowsPublished).toBe(1);
  });

  it("the engine analyses the first ANALYSED_TEXT_LIMIT characters of a cell and of a query", () => {
    const engine = SuggestionEngine.build(t());
    const row = engine.table.rows.find((r) => r.rowNumber === 2);
    expect(row?.cells.content?.length).toBe(ANALYSED_TEXT_LIMIT);
    // The table itself (what is written back and published) is untouched.
    expect(t().rows[0].cells.content?.length).toBe(huge.length);
  });
});
