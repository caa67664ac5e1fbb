import { suggestKeywords, type KeywordContext } from "../../src/engine/text/keywords";

const context: KeywordContext = {
  idf: () => 1,
  dictionary: ["フィッシング", "クレジットカード"],
  neighbourVocabulary: new Map(),
  fallback: [],
};

describe("keywords a person would type", () => {
  it("never offers the kanji stem of a verb cut off from its kana (名乗る → 名乗, 漏えい → 情報漏)", () => {
    const words = suggestKeywords(
      "銀行を名乗るメールが届いた",
      "取引銀行を名乗るショートメールが届き、カード情報漏えいのおそれがあると書かれていた。記載の番号を取扱い注意と言われた。",
      context,
    );
    expect(words.length).toBeGreaterThanOrEqual(3);
    for (const fragment of ["名乗", "情報漏", "取扱", "漏"]) expect(words).not.toContain(fragment);
    expect(words).toEqual(expect.arrayContaining(["銀行"]));
  });

  it("keeps nouns that take する (感染する) and words before particles", () => {
    const words = suggestKeywords("パソコンがウイルスに感染した", "ウイルスに感染したパソコンから迷惑メールが送信されている。", context);
    expect(words).toEqual(expect.arrayContaining(["ウイルス", "感染", "パソコン"]));
  });
});
