/**
 * The learned keyword scorer: the shipped file loads and was trained on what training reads today,
 * its vocabulary and scorer behave as an editor would expect on cases written here (not corpus
 * cases), selection keeps its limits, and names and misspellings never reach the keyword column.
 * No figure of the held-out part is measured or asserted.
 */
import { loadCorpus } from "../../eval/corpus";
import { HEADER_NAMES, readCaseTable, SuggestionEngine } from "../../src/engine";
import categoryModel from "../../src/engine/suggest/classifier/category-model.json";
import { FEATURE_NAMES, KEYWORD_MODEL_FORMAT, KeywordModel, selectKeywords, shippedKeywordModel, type KeywordModelFile } from "../../src/engine/suggest/keyword-model";
import shipped from "../../src/engine/suggest/keyword-model/keyword-model.json";
import { keywordKey } from "../../src/engine/text/keyword-quality";
import { buildVocabulary, fitLogistic, keywordTrainingFingerprint } from "../../scripts/train-keyword-model";

const file = shipped as unknown as KeywordModelFile;

function unfilledSheet(cases: { subject: string; content: string }[]) {
  const values = [
    [HEADER_NAMES.subject, HEADER_NAMES.content, HEADER_NAMES.category, HEADER_NAMES.keywords, HEADER_NAMES.answer],
    ...cases.map((c) => [c.subject, c.content, "", "", ""]),
  ];
  const parsed = readCaseTable({ sheetName: "cases", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("table not recognised");
  return SuggestionEngine.build(parsed.table);
}

describe("the shipped keyword model", () => {
  it("loads, with a vocabulary of editors' tags and selection limits an editor's cell can hold", () => {
    const model = shippedKeywordModel();
    expect(file.format).toBe(KEYWORD_MODEL_FORMAT);
    expect(model.vocabulary.terms.size).toBeGreaterThan(50);
    expect(model.selection.maxKeywords).toBeLessThanOrEqual(7);
    expect(model.selection.minKeywords).toBeGreaterThanOrEqual(1);
  });

  it("was trained on today's tuning part and category model (else: npm run train:keywords)", () => {
    const expected = keywordTrainingFingerprint(loadCorpus("tuning"), String((categoryModel.about as { inputs?: string }).inputs ?? ""));
    expect(file.about.inputs).toBe(expected);
  });

  it("refuses a file of another format", () => {
    expect(() => KeywordModel.load({ ...file, format: "something-else" } as unknown as KeywordModelFile)).toThrow(/keyword model/);
  });
});

describe("training pieces", () => {
  it("counts how often editors give a tag, per category and when the case contains it", () => {
    const vocabulary = buildVocabulary([
      { id: "a", subject: "ランサムウェアに感染", content: "ファイルが暗号化された", category: "1-2", keywords: ["ランサムウエア", "暗号化"], source: { url: "https://a.example/", publisher: "a" } },
      { id: "b", subject: "身代金を要求された", content: "サーバーが止まった", category: "1-2", keywords: ["ランサムウェア", "身代金"], source: { url: "https://b.example/", publisher: "b" } },
    ]);
    // The client's ランサムウエア and the editor's ランサムウェア are one tag.
    const ransomware = vocabulary.terms.get(keywordKey("ランサムウェア"));
    expect(ransomware).toMatchObject({ term: "ランサムウェア", used: 2, present: 1, usedPresent: 1, byCategory: { "1-2": 2 } });
    expect(vocabulary.categoryCases).toEqual({ "1-2": 2 });
  });

  it("fits a logistic regression that ranks a telling feature above noise", () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const telling = i % 2;
      const x = new Array<number>(FEATURE_NAMES.length).fill(0);
      x[0] = 1;
      x[3] = telling;
      x[5] = (i % 7) / 7;
      return { x, y: telling === 1 && i % 10 !== 1 ? 1 : 0 };
    });
    const w = fitLogistic(rows);
    expect(w[3]).toBeGreaterThan(1);
    expect(Math.abs(w[5])).toBeLessThan(Math.abs(w[3]));
  });

  it("selects above the threshold within the minimum and maximum, without repeating a term", () => {
    const ranked = [
      { keyword: "フィッシング", probability: 0.9 },
      { keyword: "フイッシング", probability: 0.8 },
      { keyword: "SMS", probability: 0.5 },
      { keyword: "偽サイト", probability: 0.2 },
      { keyword: "銀行", probability: 0.1 },
    ];
    expect(selectKeywords(ranked, { threshold: 0.4, minKeywords: 1, maxKeywords: 7 })).toEqual(["フィッシング", "SMS"]);
    expect(selectKeywords(ranked, { threshold: 0.4, minKeywords: 3, maxKeywords: 7 })).toEqual(["フィッシング", "SMS", "偽サイト"]);
    expect(selectKeywords(ranked, { threshold: 0, minKeywords: 1, maxKeywords: 2 })).toEqual(["フィッシング", "SMS"]);
  });
});

describe("keywords with nothing filled (cases written for this test)", () => {
  const engine = unfilledSheet([
    {
      subject: "銀行のサイトから知らないうちにお金が移されていた",
      content: "会社の口座をネットバンクで管理しています。今朝、取引銀行から連絡があり、昨夜、見覚えのない相手に300万円が振り込まれていたそうです。先週、銀行を名乗るメールのリンクからログインしたのが原因かもしれません。",
    },
    {
      subject: "社長を名乗るメールで至急の振込を頼まれた",
      content: "株式会社カザミ精工の経理担当、浜岡ユウコです。社長の名前で「極秘の買収案件なので至急この口座に送金してほしい」というメールが来ました。アドレスは社長のものと一文字違いでした。",
    },
    {
      subject: "パソコンにウイルスに感染しましたと警告が出て止まらない",
      content: "ネットを見ていたら急に大きな音とともに警告画面が出て、表示された番号に電話するとサポート料としてギフトカードを買うように言われました。セキュリティソフトのアカントも確認したいです。",
    },
  ]);
  const keywords = [2, 3, 4].map((row) => engine.suggest(row).keywords.values);

  it("names the threat the way editors file it, even when the client does not say it", () => {
    expect(keywords[0]).toEqual(expect.arrayContaining(["インターネットバンキング", "不正送金"]));
    expect(keywords[1]).toEqual(expect.arrayContaining(["ビジネスメール詐欺"]));
    expect(keywords[2]).toEqual(expect.arrayContaining(["サポート詐欺"]));
  });

  it("offers between one and seven, the glossary's spelling, and no name from the row", () => {
    for (const values of keywords) {
      expect(values.length).toBeGreaterThanOrEqual(1);
      expect(values.length).toBeLessThanOrEqual(7);
    }
    const all = keywords.flat().join("、");
    for (const misspelt of ["ネットバンク、", "アカント"]) expect(`${all}、`).not.toContain(misspelt);
    for (const name of ["カザミ", "浜岡", "ユウコ"]) expect(all).not.toContain(name);
  });
});
