import { maskPrivate } from "../../src/engine";

function masked(text: string) {
  const result = maskPrivate(text);
  for (const item of result.masked) expect(result.text.slice(item.start, item.end)).toBe(item.replacement);
  return result;
}

describe("maskPrivate", () => {
  it("masks person names with honorifics and self-introductions", () => {
    const r = masked("山田太郎様\nお世話になっております。相談窓口の鈴木と申します。佐藤さんにも伝えました。");
    expect(r.text).not.toMatch(/山田|鈴木|佐藤/);
    expect(r.text).toContain("〇〇様");
    expect(r.masked.filter((m) => m.kind === "person").length).toBeGreaterThanOrEqual(3);
  });

  it("keeps generic honorifics such as お客様", () => {
    expect(masked("お客様と皆様へのお知らせ").text).toBe("お客様と皆様へのお知らせ");
  });

  it("masks company names in both word orders and ㈱", () => {
    const r = masked("日本アニメコンテンツ株式会社の件、株式会社サンプル商事と㈱テストにも確認");
    expect(r.text).not.toMatch(/アニメコンテンツ|サンプル商事|テスト/);
    expect(r.masked.filter((m) => m.kind === "company")).toHaveLength(3);
  });

  it("masks e-mail addresses and private phone numbers, full width too", () => {
    const r = masked("連絡先 taro.yamada@example.co.jp 090-1234-5678 ０３－１２３４－５６７８");
    expect(r.text).not.toMatch(/example|1234|１２３４/);
    expect(r.masked.map((m) => m.kind).sort()).toEqual(["email", "phone", "phone"]);
  });

  it("keeps the public contact numbers of the guidebook", () => {
    const text = "警視庁（０３－５８０５－１７３１）、IPA 03-5978-7509、法テラス 0570-078374、消費者ホットライン188";
    expect(masked(text).text).toBe(text);
  });

  it("masks card and account numbers and postal addresses", () => {
    const r = masked("カード 4980-1234-5678-9012、口座番号 1234567 へ。住所は〒100-0001 千代田区千代田1-1");
    expect(r.text).not.toMatch(/4980|1234567|100-0001/);
    expect(r.masked.map((m) => m.kind)).toEqual(expect.arrayContaining(["card", "account", "address"]));
  });

  it("masks private web addresses but keeps public bodies' sites", () => {
    const r = masked("https://www.example-shop.jp/item と https://www.ipa.go.jp/security/anshin/about.html");
    expect(r.text).toContain("［URL］");
    expect(r.text).toContain("https://www.ipa.go.jp/security/anshin/about.html");
  });
});
