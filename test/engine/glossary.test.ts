import { foldSpelling, isPublicName } from "../../src/engine/text/glossary";
import { keywordScore, sameKeyword } from "../../src/engine/text/keyword-quality";

describe("glossary: the spelling an editor publishes", () => {
  it.each([
    ["コピィー", "コピー"],
    ["違法コピィー", "違法コピー"],
    ["アカント", "アカウント"],
    ["アカント権限", "アカウント権限"],
    ["Faceブック", "Facebook"],
    ["Ｆａｃｅブック", "Facebook"],
    ["Tsyss", "TCYSS"],
    ["Ｔｓｙｓｓ活動", "TCYSS活動"],
    ["ドメイ", "ドメイン"],
    ["メッッセージ", "メッセージ"],
    ["インスタ", "Instagram"],
    ["ネットバンク", "インターネットバンキング"],
    ["ウィルス対策ソフト", "ウイルス対策ソフト"],
    ["サーバ", "サーバー"],
    ["Ｉ－ｐｈon", "iPhone"],
  ])("folds %s into %s", (variant, term) => {
    expect(foldSpelling(variant)).toBe(term);
  });

  it("leaves other words alone, including words one letter away from a short term", () => {
    for (const word of ["サイバーセキュリティ", "サイバー保険", "ランダム", "インターネットバンキング", "DDoS対策", "誹謗中傷", "見積書"]) {
      expect(foldSpelling(word)).toBe(word);
    }
  });

  it("reads a short form as the long term only when it is the whole word", () => {
    expect(foldSpelling("DDoS")).toBe("DDoS攻撃");
    expect(foldSpelling("ランサム")).toBe("ランサムウェア");
    expect(foldSpelling("DDoS対策")).toBe("DDoS対策");
  });

  it("knows public institutions and platforms, not private companies", () => {
    for (const name of ["警視庁", "IPA", "消費者センター", "Facebook", "マイクロソフト", "浅草警察署"]) expect(isPublicName(name)).toBe(true);
    for (const name of ["ミナト精機", "タカノメディカル", "山田"]) expect(isPublicName(name)).toBe(false);
  });
});

describe("keyword precision and recall", () => {
  it("matches after width and glossary folding; containment only when asked", () => {
    expect(sameKeyword("ＳＭＳ", "SMS")).toBe(true);
    expect(sameKeyword("ネットバンキング", "インターネットバンキング")).toBe(true);
    expect(sameKeyword("ウイルス", "ウイルス感染")).toBe(false);
    expect(sameKeyword("ウイルス", "ウイルス感染", "containment")).toBe(true);
    expect(keywordScore(["フィッシング", "銀行", "返信"], ["フィッシング", "SMS"])).toEqual({ precision: 1 / 3, recall: 1 / 2 });
  });
});
