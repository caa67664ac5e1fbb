import { headerLookedFor, readCaseTable, recognizeHeader, type SheetGrid } from "../../src/engine";

const grid = (values: string[][], firstRow = 1, firstColumn = 1): SheetGrid => ({ sheetName: "相談", firstRow, firstColumn, values });

describe("readCaseTable", () => {
  it("recognises the seed header with full-width brackets and ignores spacer columns", () => {
    const result = readCaseTable(
      grid([
        ["", "受理番号", "相談種別ID", "【相談内容分類：ガイドブックmission1に準拠して】", "", "件名", "相談内容", "相談備考", "対応状況", "処置備考", "【FAQ用】検索キーワード", "案件項目【Mission1】", "提示する対策項目【Mission2～4】", "【FAQ用】標準回答（案）", "【FAQ用】対策のための参考資料・サイト（ここからセキュリティ等を参照）"],
        ["", "160", "1", "", "", "件名A", "内容A", "", "", "", "", "", "", "", ""],
      ]),
    );
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.columns).toEqual({
      caseNumber: 2, caseType: 3, classification: 4, subject: 6, content: 7, consultNote: 8, response: 9, followUp: 10,
      keywords: 11, category: 12, countermeasures: 13, answer: 14, references: 15,
    });
    expect(result.table.rows.map((r) => r.rowNumber)).toEqual([2]);
  });

  it("finds a header lower down with other wording, half-width brackets and another order", () => {
    const result = readCaseTable(
      grid(
        [
          ["相談記録 2024年度", "", "", ""],
          ["", "", "", ""],
          ["ＦＡＱ用 検索キーワード", "お問い合わせ内容", "件　名", "案件項目(Mission1)"],
          ["", "パスワードを盗まれた", "不正ログイン", ""],
          ["", "", "", ""],
          ["", "偽の警告が出た", "", "1-9"],
        ],
        5,
        3,
      ),
    );
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.headerRow).toBe(7);
    expect(result.table.columns).toEqual({ keywords: 3, content: 4, subject: 5, category: 6 });
    expect(result.table.rows.map((r) => r.rowNumber)).toEqual([8, 10]);
    expect(result.table.rows[1].cells.category).toBe("1-9");
    expect(result.table.lastRow).toBe(10);
  });

  it("skips empty rows and stray cells outside the columns, and rows with only a case number", () => {
    const result = readCaseTable(
      grid([
        ["", "受理番号", "件名", "相談内容"],
        ["", "1", "件名", "本文"],
        ["", "2", "", ""],
        ["", "", "", ""],
        ["25", "", "", ""],
      ]),
    );
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.rows.map((r) => r.rowNumber)).toEqual([2]);
  });

  it("reports what it looked for when there is no header", () => {
    const result = readCaseTable(grid([["a", "b"], ["1", "2"]]));
    expect(result).toEqual({ ok: false, problem: { kind: "noHeader", lookedFor: headerLookedFor() } });
    expect(headerLookedFor()).toContain("相談内容");
  });

  it("reports a missing consultation column", () => {
    const result = readCaseTable(grid([["受理番号", "案件項目【Mission1】", "検索キーワード"], ["1", "", ""]]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe("noContentColumn");
  });

  it("uses an override mapping over what it recognised", () => {
    const result = readCaseTable(grid([["件名", "本文", "メモ"], ["a", "b", "c"]]), { content: 2 });
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.columns.content).toBe(2);
  });

  it("does not mistake 相談内容分類 for 相談内容 and ignores long case text", () => {
    expect(recognizeHeader("【相談内容分類：ガイドブックmission1に準拠して】")).toBe("classification");
    expect(recognizeHeader("相談内容")).toBe("content");
    expect(recognizeHeader("当社の相談内容としては、ホームページが改ざんされて困っているので対応を教えてほしいということです。")).toBeUndefined();
  });

  // Its speed is measured by `npm run bench` (docs/performance.md), not asserted here.
  it("reads every case of a 50,000-row sheet", () => {
    const values = [["受理番号", "件名", "相談内容", "案件項目【Mission1】"]];
    for (let i = 0; i < 50000; i++) values.push([String(i), `件名${i}`, "ウイルスに感染したかもしれない", i % 3 ? "" : "1-9"]);
    const result = readCaseTable(grid(values));
    expect(result.ok && result.table.rows.length).toBe(50000);
    expect(result.ok && result.table.rows[49999].cells.subject).toBe("件名49999");
  });

  it("a sheet without a header row: no case is taken for the header, the problem is reported (and the pane offers its mapping form)", () => {
    const cases = [
      ["", "167", "2", "他-5 一般相談", "", "社内のセキュリティレベルを向上したい", "自社のセキュリティ担当をしている。他にも担当がいる。", "", "警視庁で社内セミナーを行っていることを案内した。", "", "セキュリティ教育、社内研修、経営層、参考図書", "他-5 セキュリティ対策の一般相談", "3-7 情報セキュリティ対策診断", "まず共通の教材でそろえましょう。", "https://www.ipa.go.jp/"],
      ["", "168", "1", "", "", "偽の警告", "パソコンに警告が出た。", "", "電話しないよう助言した。", "", "", "", "", "", ""],
    ];
    expect(readCaseTable(grid(cases))).toEqual({ ok: false, problem: { kind: "noHeader", lookedFor: headerLookedFor() } });
    // With the columns mapped by hand every row is a case, the first one included.
    const mapped = readCaseTable(grid(cases), { caseNumber: 2, subject: 6, content: 7, category: 12 });
    if (!mapped.ok) throw new Error("not read with the mapping");
    expect(mapped.table.rows.map((r) => r.cells.caseNumber)).toEqual(["167", "168"]);
    expect(mapped.table.headerRow).toBe(0);
  });

  it("the header row pasted again further down is not a case", () => {
    const header = ["受理番号", "件名", "相談内容", "案件項目【Mission1】", "【FAQ用】標準回答（案）"];
    const result = readCaseTable(
      grid([header, ["1", "偽の警告", "警告が出た", "1-9 巧妙・悪質化するワンクリック詐欺", "電話しないでください。"], [...header], ["2", "口コミに悪口", "悪評を書かれた", "", ""]]),
    );
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.rows.map((r) => r.cells.caseNumber)).toEqual(["1", "2"]);
    expect(result.table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it("a header merged over two rows: both halves name the columns, and neither is a case", () => {
    // 受理番号・件名・相談内容 merged down over rows 1–2 (their lower cells read blank, as Excel shows
    // them); 【FAQ用】 merged across the FAQ columns in row 1, their names in row 2.
    const result = readCaseTable(
      grid([
        ["受理番号", "件名", "相談内容", "【FAQ用】", "", ""],
        ["", "", "", "検索キーワード", "案件項目【Mission1】", "標準回答（案）"],
        ["1", "偽の警告", "警告が出た", "偽警告", "1-9 巧妙・悪質化するワンクリック詐欺", "電話しないでください。"],
      ]),
    );
    if (!result.ok) throw new Error("not recognised");
    expect(result.table.columns).toMatchObject({ caseNumber: 1, subject: 2, content: 3, keywords: 4, category: 5, answer: 6 });
    expect(result.table.rows.map((r) => r.rowNumber)).toEqual([3]);
  });
});
