/**
 * The published page's search, as a reader types into it: ranked, forgiving of other words for the same
 * thing, of partial words, of width, case and kana, and of several words of which not all match.
 */
import { pageSearchData, pageSearchOf, type SearchableGroup } from "../../src/engine/faq/page-index";
import { foldSearchText } from "../../src/engine/text";

const entry = (question: string, keywords: string[], answer: string) => ({ question, keywords, answer, countermeasures: [], references: [], caseNumbers: [] });

const GROUPS: SearchableGroup[] = [
  {
    key: "1-2",
    title: "1-2 ランサムウェアを使った詐欺・恐喝",
    entries: [entry("社内のファイルが開けなくなり、脅迫文が表示された場合は、どうすればよいですか？", ["ランサムウェア", "暗号化"], "感染した機器をネットワークから切り離し、身代金は支払わないでください。")],
  },
  {
    key: "1-3",
    title: "1-3 Webサービスからの個人情報の窃取",
    entries: [entry("ネットショップの会員情報が漏れた場合は、どうすればよいですか？", ["個人情報漏えい", "ECサイト"], "個人情報保護委員会への報告が必要か確認してください。")],
  },
  {
    key: "1-7",
    title: "1-7 インターネットバンキングの不正送金",
    entries: [entry("ネットバンキングで身に覚えのない振込があった場合は、どうすればよいですか？", ["不正送金"], "すぐに銀行に連絡し、口座の利用を止めてください。")],
  },
  {
    key: "1-10",
    title: "1-10 Webサービスへの不正ログイン",
    entries: [entry("Instagramのアカウントに他人がログインしていた場合は、どうすればよいですか？", ["不正ログイン", "Instagram"], "パスワードを変更し、二段階認証を設定してください。")],
  },
  {
    key: "他-4",
    title: "他-4 詐欺・恐喝・悪質商法（サイバー攻撃以外）",
    entries: [entry("身に覚えのないクレジットカードの請求が届いた場合は、どうすればよいですか？", ["クレジットカード", "不正利用"], "カード会社に連絡して利用を止め、警察に相談してください。")],
  },
  {
    key: "他-1",
    title: "他-1 フィッシング・迷惑メール",
    entries: [entry("Emotetに感染したかもしれないメールを開いた場合は、どうすればよいですか？", ["Emotet", "なりすましメール"], "EmoCheckで確認し、取引先に注意を呼びかけてください。")],
  },
];

const search = pageSearchOf(pageSearchData(GROUPS));
const titles = GROUPS.map((g) => g.title);
const first = (query: string) => titles[search.rank(query)[0]?.index ?? -1];
const found = (query: string) => search.rank(query).map((h) => titles[h.index]);

it("finds ランサムウェア entries for 「ランサム」, and 不正ログイン for 「乗っ取り」 though neither says it", () => {
  expect(first("ランサム")).toBe(titles[0]);
  expect(first("乗っ取り")).toBe(titles[3]);
  expect(first("SNS 乗っ取り")).toBe(titles[3]);
  // Only a synonym group links these to the entries' words.
  expect(first("クレカ 請求")).toBe(titles[4]);
  expect(first("2要素認証")).toBe(titles[3]);
});

it("ranks the card case first for 「カード 不正利用」", () => {
  expect(first("カード 不正利用")).toBe(titles[4]);
});

it("shows entries that have only some of the words, after those that have all", () => {
  const hits = found("身代金 振込");
  expect(hits).toEqual(expect.arrayContaining([titles[0], titles[2]]));
  const both = found("ネットバンキング 不正送金 銀行");
  expect(both[0]).toBe(titles[2]);
});

it("forgives partial words, width, case and kana", () => {
  expect(first("ファイル 開けない")).toBe(titles[0]);
  expect(first("ファイルが開かない")).toBe(titles[0]);
  expect(first("ｅｍｏｔｅｔ")).toBe(titles[5]);
  expect(first("エモテット")).toBe(titles[5]);
  expect(first("らんさむうぇあ")).toBe(titles[0]);
  expect(first("ネットバンク")).toBe(titles[2]);
});

it("finds nothing for an empty query or words no entry has", () => {
  expect(search.rank("")).toEqual([]);
  expect(search.rank("   ")).toEqual([]);
  expect(search.rank("ゾウガメ配送ロボ")).toEqual([]);
});

it("folds width, case and katakana the same way for the page and the pane", () => {
  expect(foldSearchText("ＳＭＳ　ランサムウェア")).toBe("sms らんさむうぇあ");
  expect(foldSearchText("Wi‐Fi")).toBe("wi-fi");
});
