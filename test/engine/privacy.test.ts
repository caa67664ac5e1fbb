import { exportFaqPage, HEADER_NAMES, maskPrivate, readCaseTable } from "../../src/engine";
import { collectRowNames } from "../../src/engine/privacy/privacy";

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

describe("maskPrivate: names by the words around them, in any script", () => {
  it.each([
    ["有限会社ひだまり工房の件です。", "有限会社〇〇の件です。"],
    ["あおば印刷株式会社から届いた請求書", "〇〇株式会社から届いた請求書"],
    ["（株）ミライ電機の担当者", "（株）〇〇の担当者"],
    ["一般社団法人あさひ野福祉会の事務局です", "一般社団法人〇〇の事務局です"],
    ["協同組合しおさい水産の組合員", "協同組合〇〇の組合員"],
    ["私はひまわり合同会社の者です", "私は〇〇合同会社の者です"],
    ["いつもやり取りしている株式会社ナミキ物流の担当者", "いつもやり取りしている株式会社〇〇の担当者"],
    ["自社の店「はなみずき書店」のサイト", "自社の店「〇〇」のサイト"],
    ["うみねこ堂のアカウントが乗っ取られた", "〇〇堂のアカウントが乗っ取られた"],
    ["ホシノ・アンド・カワセ法律事務所からの連絡", "〇〇法律事務所からの連絡"],
    ["ハルカゼ商会御中", "〇〇商会御中"],
    ["みどり野ケアセンター御中", "〇〇御中"],
    ["ゆかりさんに転送した", "〇〇さんに転送した"],
    ["高瀬部長と柚木担当が確認", "〇〇部長と〇〇担当が確認"],
    ["桐ケ谷マサル課長から指示", "〇〇課長から指示"],
    ["総務の水無瀬カオルです。", "総務の〇〇です。"],
    ["電話は +81 90 1234 5678 まで", "電話は ［電話番号］ まで"],
  ])("%s", (input, expected) => {
    expect(masked(input).text).toBe(expected);
  });
});

describe("maskPrivate leaves advice alone: public bodies, brands fraud imitates, and words that only stand where a name would", () => {
  it.each([
    "IPA 情報セキュリティ安心相談窓口（03-5978-7509）、警察庁、警視庁のサイバー犯罪相談窓口（#9110）、国民生活センター、消費者ホットライン 188 に相談してください。",
    "Microsoft、Google、Amazon を名乗るメールに注意。三井住友銀行やゆうちょ銀行、三菱UFJ銀行を装うSMSのリンクは開かないでください。",
    "ヤマト運輸や佐川急便、日本郵便の不在通知を装うSMSが増えています。日本マイクロソフト株式会社のサポートを名乗る電話、アマゾンジャパン合同会社、楽天カード株式会社を名乗るメールも同じです。",
    "一般社団法人JPCERTコーディネーションセンター、一般社団法人セーファーインターネット協会、独立行政法人情報処理推進機構、一般財団法人日本データ通信協会の資料を参照してください。",
    "「Google Play ストア」や「App Store」、「Microsoft Store」以外からアプリを入れないでください。",
    "楽天市場やメルカリ、Yahoo!ショッピング、PayPay、LINEヤフー株式会社を装う偽サイトに注意してください。",
    "営業部長と情報システム部長、システム担当、経理担当、総務部長に報告し、代表取締役社長の承認を得てください。",
    "近くのお店やいつもの店、喫茶店、本店と支店、コンビニ店でも同じです。ネットショップの「偽ショップ」に注意してください。",
    "システム設計やセキュリティ企画、PC工房で購入した機器も、お客様やみなさんにお知らせください。おつかれさまです。",
    "株式会社や有限会社などの法人でも、差出人氏名を確認してください。",
    "今のところ実際に何かされた様子はありません。辞めたスタッフかライバル店の人が書いたようで、フォロワーさんにも変なDMが届いています。",
  ])("%s", (text) => {
    expect(masked(text).text).toBe(text);
  });

  it("and does not take those words for names the row reveals", () => {
    const names = collectRowNames([
      "三井住友銀行を名乗るSMSが届き、ヤマト運輸の不在通知も来ました。営業部長とシステム担当に報告し、警視庁とIPA、一般社団法人JPCERTコーディネーションセンターに相談しました。お客様やみなさん、差出人氏名、セキュリティ企画。",
    ]).map((n) => n.text);
    expect(names).toEqual([]);
  });

  it("but a private association is not public for ending in センター or 協会", () => {
    const names = collectRowNames(["一般社団法人みらい野支援センターの事務局です。"]).map((n) => n.text);
    expect(names).toContain("みらい野支援センター");
  });
});

describe("the export keeps advice that names public bodies and brands", () => {
  it("publishes them in answers, keywords and references without a note", () => {
    const columns = ["caseNumber", "subject", "content", "keywords", "category", "answer", "references"] as const;
    const answer =
      "三井住友銀行やゆうちょ銀行を名乗るSMS、ヤマト運輸の不在通知、Amazon や Microsoft を装うメールのリンクは開かず、警察庁・警視庁のサイバー犯罪相談窓口（#9110）、IPA、国民生活センター（消費者ホットライン188）に相談してください。";
    const keywords = "フィッシング、三井住友銀行、ヤマト運輸、Amazon、IPA、国民生活センター";
    const references = "https://www.ipa.go.jp/security/anshin/about.html\n消費者ホットライン 188\n警察相談専用電話 #9110\nhttps://www.kokusen.go.jp/";
    const values = [columns.map((c) => HEADER_NAMES[c]), ["1", "銀行を名乗るSMSが届いた", "銀行を名乗るSMSのリンクを開いてしまった。", keywords, "1-7", answer, references]];
    const parsed = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values });
    if (!parsed.ok) throw new Error("not recognised");
    const { html, model } = exportFaqPage(parsed.table);
    expect(model.notes).toEqual([]);
    expect(html).toContain(answer);
    for (const keyword of keywords.split("、")) expect(html).toContain(`<li>${keyword}</li>`);
    for (const reference of ["消費者ホットライン 188", "警察相談専用電話 #9110", "https://www.kokusen.go.jp/"]) expect(html).toContain(reference);
  });
});
