import { SuggestionEngine, taxonomyIdOf } from "../../src/engine";
import { CaseSearchIndex } from "../../src/engine/search/search";
import { sampleTable } from "./seed-named";

describe("search past cases", () => {
  it("finds the ransomware cases for a few words, best first, with row, 受理番号, subject, category and answer", () => {
    const engine = SuggestionEngine.build(sampleTable());
    const results = engine.search("ランサムウェア 身代金", { limit: 5 });
    expect(results.slice(0, 2).map((r) => r.rowNumber).sort()).toEqual([22, 38]);
    const [first] = results;
    expect(first.caseNumber).toMatch(/^\d+$/);
    expect(first.subject.length).toBeGreaterThan(5);
    expect(taxonomyIdOf(first.category)).toBe("1-2");
    expect(first.answer).toMatch(/ランサムウェア/);
    expect(first.answer).not.toMatch(/\n/);
    const similarities = results.map((r) => r.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const s of similarities) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it("forgives as the published page's search does: synonyms and a katakana word typed in hiragana", () => {
    const engine = SuggestionEngine.build(sampleTable());
    const ids = (query: string) => engine.search(query, { limit: 2 }).map((r) => taxonomyIdOf(r.category));
    expect(ids("らんさむうぇあ")).toEqual(["1-2", "1-2"]);
    // クレカ is only a synonym of the rows' クレジットカード.
    expect(engine.search("クレカ", { limit: 3 }).map((r) => r.subject).join(" ")).toMatch(/クレジット/);
    expect(ids("乗っ取り")).toEqual(["1-10", "1-10"]);
  });

  it("takes a whole pasted consultation and finds the case of the same kind", () => {
    const engine = SuggestionEngine.build(sampleTable());
    const pasted =
      "昼過ぎにパソコンで検索していたところ、急に大きな警告音が鳴り出し、ウイルスに感染したのでサポートに電話するよう表示が出ました。" +
      "表示された番号に電話してしまい、言われるままにソフトを入れてしまいました。どうすればよいでしょうか。";
    const results = engine.search(pasted, { limit: 3 });
    expect(results[0].rowNumber).toBe(20);
    expect(taxonomyIdOf(results[0].category)).toBe("1-9");
  });

  it("searches unfilled rows too, showing what the desk replied", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    const [hit] = engine.search("保守業者 リモートデスクトップ サーバー 身代金要求", { limit: 1 });
    expect(hit.rowNumber).toBe(56);
    expect(hit.category).toBe("");
    expect(hit.answer).toBe("");
    expect(hit.reply.length).toBeGreaterThan(0);
    expect(hit.faqComplete).toBe(false);
  });

  it("filters by category (id, label or the sheet's spelling); unfiled rows never match a filter", () => {
    const engine = SuggestionEngine.build(sampleTable());
    const unfiltered = engine.search("ウイルス", { limit: 10 });
    expect(unfiltered.some((r) => r.category === "")).toBe(true);
    for (const filter of ["1-9", "1-9 巧妙・悪質化するワンクリック詐欺", "１－９"]) {
      const results = engine.search("ウイルス", { limit: 10, category: filter });
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(taxonomyIdOf(r.category)).toBe("1-9");
    }
  });

  it("finds a short query made only of common words (they are not skipped as they are for suggestions)", () => {
    const table = sampleTable();
    // Every row mentions メール: its bigrams are in far more than a quarter of the rows.
    const rows = table.rows.map((r) => ({ ...r, cells: { ...r.cells, consultNote: `${r.cells.consultNote ?? ""} メール` } }));
    const engine = SuggestionEngine.build({ ...table, rows });
    expect(engine.search("メール", { limit: 5 })).toHaveLength(5);
  });

  it("returns nothing for an empty or one-character query, and respects the limit", () => {
    const engine = SuggestionEngine.build(sampleTable());
    expect(engine.search("")).toEqual([]);
    expect(engine.search("　")).toEqual([]);
    expect(engine.search("詐")).toEqual([]);
    expect(engine.search("詐欺", { limit: 2 })).toHaveLength(2);
  });

  it("learns a new or changed row at once (updateRow), before and after the index was built", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    const query = "ゾウガメ配送ロボの設定を忘れた";
    expect(engine.search(query)).toEqual([]);
    const row = table.rows.find((r) => r.rowNumber === 33)!;
    engine.updateRow({ rowNumber: 33, cells: { ...row.cells, subject: "ゾウガメ配送ロボの設定を忘れた" } });
    expect(engine.search(query)[0].rowNumber).toBe(33);
    // A new row below the table, and an edit that removes the words again.
    const last = table.lastRow + 1;
    engine.updateRow({ rowNumber: last, cells: { subject: "ゾウガメ配送ロボが再起動を繰り返す", content: "ゾウガメ配送ロボが再起動する" } });
    expect(engine.search(query, { limit: 2 }).map((r) => r.rowNumber).sort((a, b) => a - b)).toEqual([33, last]);
    engine.updateRow({ rowNumber: 33, cells: row.cells });
    expect(engine.search(query).map((r) => r.rowNumber)).toEqual([last]);
  });

  it("prepareSearch indexes in chunks with progress and a row updated meanwhile is searched in its new form", async () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    const progress: number[] = [];
    const row = table.rows.find((r) => r.rowNumber === 40)!;
    const preparing = engine.prepareSearch({ onProgress: (p) => progress.push(p.done) });
    engine.updateRow({ rowNumber: 40, cells: { ...row.cells, subject: "ゾウガメ配送ロボの件" } });
    await preparing;
    expect(progress[progress.length - 1]).toBe(table.rows.length);
    expect(engine.search("ゾウガメ配送ロボ")[0].rowNumber).toBe(40);
    expect(engine.search("ゾウガメ配送ロボ")).toHaveLength(1);
  });

  it("an update that arrives while rows are still pending wins over the pending older copy", () => {
    const table = sampleTable();
    const index = new CaseSearchIndex(table.rows, table.columns, () => undefined, () => new Map());
    expect(index.step(10)).toBe(false);
    const late = table.rows[40];
    index.update({ rowNumber: late.rowNumber, cells: { ...late.cells, subject: "ゾウガメ配送ロボの件" } });
    expect(index.step(1000)).toBe(true);
    expect(index.search("ゾウガメ配送ロボ").map((r) => r.rowNumber)).toEqual([late.rowNumber]);
    expect(index.search(late.cells.subject ?? "", { limit: 60 }).filter((r) => r.rowNumber === late.rowNumber)).toHaveLength(1);
  });

  it("results cover the categories the query may be about: the closest case of a second likely category joins the first results", () => {
    const row = (rowNumber: number, subject: string, category: string) => ({ rowNumber, cells: { subject, content: subject, category } });
    const rows = [
      row(2, "社長を名乗るメールで送金を指示された", "1-15 ビジネスメール詐欺（BEC）にご注意！"),
      row(3, "社長を名乗るメールで至急の送金を指示された", "1-15 ビジネスメール詐欺（BEC）にご注意！"),
      row(4, "社長を名乗るメールで口座への送金を指示された", "1-15 ビジネスメール詐欺（BEC）にご注意！"),
      row(5, "社長の名前のメールで送金を頼まれた", "1-15 ビジネスメール詐欺（BEC）にご注意！"),
      row(6, "社長を名乗るメールが届いた", "他-1 フィッシング・迷惑メール"),
    ];
    // No reading of its own: each call below says what the query is about.
    const index = new CaseSearchIndex(rows, { subject: 1, content: 2, category: 3 }, () => undefined, () => new Map());
    const query = "社長を名乗るメールで送金を指示された";
    const top3 = (about?: Map<string, number>) => index.search(query, { limit: 3 }, about).map((r) => r.rowNumber);
    expect(top3(new Map([["1-15", 1]]))).toEqual([2, 3, 4]);
    const ambiguous = top3(new Map([["1-15", 0.6], ["他-1", 0.4]]));
    expect(ambiguous[0]).toBe(2);
    expect(ambiguous).toContain(6);
    // Without a view of the query's categories, plain similarity order.
    expect(index.search(query, { limit: 3 }, undefined).map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it("rows not filed yet take part in covering the query's categories through the row reading it is given", () => {
    const subjects = ["社長を名乗るメールで送金を指示された", "社長を名乗るメールで至急の送金を指示された", "社長を名乗るメールで口座への送金を指示された", "社長の名前のメールで送金を頼まれた", "社長を名乗るメールが届いた"];
    const rows = subjects.map((subject, i) => ({ rowNumber: i + 2, cells: { subject, content: subject } }));
    const read = new Map<number, string>([[2, "1-15"], [3, "1-15"], [4, "1-15"], [5, "1-15"], [6, "他-1"]]);
    const readRow = jest.fn((row: { rowNumber: number }) => new Map([[read.get(row.rowNumber) ?? "", 1]]));
    const index = new CaseSearchIndex(rows, { subject: 1, content: 2 }, () => new Map([["1-15", 0.6], ["他-1", 0.4]]), readRow);
    const top3 = index.search(subjects[0], { limit: 3 }).map((r) => r.rowNumber);
    expect(top3[0]).toBe(2);
    expect(top3).toContain(6);
    // Each row is read once, however many searches follow.
    const calls = readRow.mock.calls.length;
    index.search(subjects[0], { limit: 3 });
    expect(readRow.mock.calls.length).toBe(calls);
  });
});
