import Papa from "papaparse";
import sample from "../../samples/consultations-sample.csv";
import gold from "../fixtures/sample-gold.json";
import { SuggestionEngine, readCaseTable, taxonomyIdOf, type CaseTable } from "../../src/engine";
import { stripBoilerplate } from "../../src/engine/boilerplate";

function sampleTable(): CaseTable {
  const values = Papa.parse<string[]>(sample).data;
  const result = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values });
  if (!result.ok) throw new Error("sample not recognised");
  return result.table;
}

const goldOf = (row: number) => taxonomyIdOf((gold as Record<string, string>)[String(row)]);

const LETTER = [
  "以下のとおりメールにて回答",
  "",
  "株式会社サンプル",
  "総務部　見本花子様",
  "",
  "いつもお世話になっております。相談窓口の試験と申します。",
  "ご相談いただきました件についてご回答いたします。",
  "・直ちにパスワードを変更し、多要素認証を設定してください。",
  "・メールの自動転送が勝手に追加されていないかご確認ください。",
  "ご不明な点がございましたら、お気軽にご連絡ください。",
  "以上、よろしくお願いいたします。",
  "",
  "――――――――",
  "相談窓口　試験",
  "TEL：03-1234-5678",
  "――――――――",
].join("\n");

describe("reply boilerplate", () => {
  it("keeps the advice and drops delivery note, addressee, greeting, opener, sign-off and signature", () => {
    expect(stripBoilerplate(LETTER)).toBe(
      "・直ちにパスワードを変更し、多要素認証を設定してください。\n・メールの自動転送が勝手に追加されていないかご確認ください。",
    );
  });

  it("leaves a plain desk note alone", () => {
    const note = "フィッシングＳＭＳと思われる。\n銀行に連絡して口座の状況を確認するよう助言。";
    expect(stripBoilerplate(note)).toBe(note);
  });

  it("does not let shared e-mail greetings and signatures decide the category", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    // Fake lawsuit mail (架空請求) and a Microsoft 365 takeover, both answered by e-mail letters.
    for (const row of [54, 40]) {
      expect(taxonomyIdOf(engine.suggest(row).category[0].value)).toBe(goldOf(row));
    }
  });
});

describe("draft answer", () => {
  const table = sampleTable();
  const engine = SuggestionEngine.build(table);
  const categoryOfRow = new Map(table.rows.map((r) => [r.rowNumber, taxonomyIdOf(r.cells.category ?? "")]));

  it("comes only from similar rows whose category agrees with the top suggested category", () => {
    for (const row of table.rows) {
      const s = engine.suggest(row.rowNumber);
      const top = taxonomyIdOf(s.category[0].value);
      for (const source of s.answer.sources) expect(categoryOfRow.get(source.rowNumber)).toBe(top);
    }
  });

  it("for a ransomware case, is about ransomware, not the e-mail fraud of the most similar row", () => {
    const s = engine.suggest(22);
    expect(taxonomyIdOf(s.category[0].value)).toBe("1-2");
    expect(s.answer.text).toMatch(/ランサムウェア|身代金/);
    expect(s.answer.text).not.toMatch(/ビジネスメール詐欺|BEC/);
  });
});
