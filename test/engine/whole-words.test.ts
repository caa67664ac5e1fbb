/** Keywords are whole words: nothing cut out of a longer word of the case's text. */
import { isCutWord } from "../../src/engine/text";

it("finds words cut out of a longer latin, katakana or kanji word", () => {
  expect(isCutWord("電話帳ナビap", "電話帳ナビappの口コミに書かれた")).toBe(true);
  expect(isCutWord("アクセス集", "アクセス集中でサーバーが落ちた")).toBe(true);
  expect(isCutWord("ウイルス", "ウイルスバスターを入れた")).toBe(true);
  expect(isCutWord("pc1", "社内pc1台で検知")).toBe(true);
});

it("keeps whole words, and words whole at one place at least", () => {
  expect(isCutWord("アクセス集中", "アクセス集中でサーバーが落ちた")).toBe(false);
  expect(isCutWord("ウイルス", "ウイルスバスターを入れたがウイルスに感染した")).toBe(false);
  expect(isCutWord("不正ログイン", "不正ログイン被害にあった")).toBe(false);
  expect(isCutWord("sms", "smsが届いた")).toBe(false);
  expect(isCutWord("emotet", "社内でemotetを検知")).toBe(false);
  // Not in the text at all: judged elsewhere (a vocabulary word).
  expect(isCutWord("ランサムウェア", "ファイルが開けない")).toBe(false);
});
