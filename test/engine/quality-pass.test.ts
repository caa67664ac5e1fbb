import gold from "../fixtures/sample-gold.json";
import { SuggestionEngine, detectSeparator, parseList, taxonomyIdOf, type CaseTable } from "../../src/engine";
import { referenceKey } from "../../src/engine/suggest/references";
import { maskPrivate } from "../../src/engine/privacy/privacy";
import { stripBoilerplate } from "../../src/engine/text/boilerplate";
import { sampleTable } from "./seed-named";

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

describe("masking on the sample's letters", () => {
  const PRIVATE = /見本|試験|仮名|サンプル商事|テスト工業|テスト会計|ダミー|hanako|jiro|soudan-shiken|1234-5678|１２３４－５６７８|9876|4980|1234567|〒|見本町/;

  it("masks the desk's own name in every form, the bracketed name after a number and the addressee's office", () => {
    const r = maskPrivate(
      [
        "テスト会計事務所",
        "所長　試験三郎様",
        "お世話になっております。相談窓口の試験です。",
        "お電話は、０３－１２３４－５６７８（試験）までお願いいたします。",
        "ご依頼の資料は、〒100-0001 東京都千代田区見本町１－２－３　ダミービル４階　合同会社ダミー企画　仮名様宛てに郵送いたします。",
        "以上、よろしくお願いいたします。",
        "相談窓口　試験",
      ].join("\n"),
    );
    expect(r.text).not.toMatch(PRIVATE);
    expect(r.text).toContain("合同会社〇〇　〇〇様");
    expect(r.text).not.toMatch(/〇〇株式会社ー|ダミー〇〇/);
    for (const item of r.masked) expect(r.text.slice(item.start, item.end)).toBe(item.replacement);
  });

  it("keeps public institutions and their numbers", () => {
    const text = "警視庁サイバー犯罪対策課（03-5805-1731）、警視庁代表 03-3581-4321（代表）、法テラス 0570-078374（法テラス）、IPA、消費生活センター（188）、東京都の助成金";
    expect(maskPrivate(text).text).toBe(text);
  });

  it("drafts clean, readable answers for every case row, with and without filled rows", () => {
    const table = sampleTable();
    const blankTable: CaseTable = {
      ...table,
      rows: table.rows.map((r) => ({ rowNumber: r.rowNumber, cells: { ...r.cells, category: "", classification: "", keywords: "", countermeasures: "", answer: "", references: "" } })),
    };
    for (const engine of [SuggestionEngine.build(table), SuggestionEngine.build(blankTable)]) {
      for (const row of table.rows) {
        const text = engine.suggest(row.rowNumber).answer.text;
        expect(text).not.toMatch(PRIVATE);
        // No greeting, self-introduction or sign-off in an FAQ draft.
        expect(text).not.toMatch(/お世話になって|と申します|よろしくお願い|〇〇様/);
      }
    }
  });
});

describe("keywords", () => {
  const table = sampleTable();
  const engine = SuggestionEngine.build(table);

  it("never suggests numbers mixed with words, fragments or everyday words", () => {
    const generic = /^(?:午後|当組|在籍|有効|両方|情報|仕事|対処|時期|事業|向上|複数|社内|案内|大丈夫|本日|普段|通知|移行)$/;
    for (const row of table.rows) {
      for (const word of engine.suggest(row.rowNumber).keywords.values) {
        expect(word).not.toMatch(generic);
        expect(/[0-9０-９]/.test(word) && /[\u3040-\u30ff\u3400-\u9fff]/.test(word)).toBe(false);
        expect(word.length).toBeLessThanOrEqual(12);
      }
    }
  });

  it("names the threat the desk's reply identifies, even when the client does not", () => {
    // Row 22: the client describes encrypted files and a ransom note; the reply says ランサムウェア.
    expect(engine.suggest(22).keywords.values).toContain("ランサムウェア");
  });
});
