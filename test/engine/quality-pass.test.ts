import Papa from "papaparse";
import sample from "../../samples/consultations-sample.csv";
import gold from "../fixtures/sample-gold.json";
import { SuggestionEngine, detectSeparator, parseList, readCaseTable, taxonomyIdOf, type CaseTable } from "../../src/engine";
import { referenceKey } from "../../src/engine/engine";
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

describe("list cells and references", () => {
  it("never splits inside a URL, and splits on a half-width slash only between spaces", () => {
    const cell = "IPA 届出窓口 https://www.ipa.go.jp/security/todokede/crack-virus/about.html\n警視庁 サイバー犯罪対策課 03-5805-1731";
    expect(parseList(cell)).toEqual([
      "IPA 届出窓口 https://www.ipa.go.jp/security/todokede/crack-virus/about.html",
      "警視庁 サイバー犯罪対策課 03-5805-1731",
    ]);
    expect(parseList("www.ipa.go.jp/security、TCP/IP、偽警告 / サポート詐欺")).toEqual(["www.ipa.go.jp/security", "TCP/IP", "偽警告", "サポート詐欺"]);
    expect(detectSeparator(["https://www.ipa.go.jp/security/anshin/about.html"], "\n")).toBe("\n");
  });

  it("meets references by phone, else by page, keeping two services of one site apart", () => {
    expect(referenceKey("警視庁 サイバー犯罪対策課 03-5805-1731")).toBe(
      referenceKey("警視庁 サイバー犯罪対策課 相談窓口 03-5805-1731 https://www.keishicho.metro.tokyo.lg.jp/kurashi/cyber/cyber_sodan.html"),
    );
    expect(referenceKey("IPA 届出窓口 https://www.ipa.go.jp/security/todokede/crack-virus/about.html")).not.toBe(
      referenceKey("IPA 安心相談窓口 https://www.ipa.go.jp/security/anshin/about.html"),
    );
  });

  it("suggests whole references, each site or phone once", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    for (const row of table.rows) {
      const values = engine.suggest(row.rowNumber).references.values;
      for (const value of values) expect(value).toMatch(/[\u3400-\u9fffァ-ヶ]|https?:\/\//);
      const keys = values.map(referenceKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
