/**
 * Search keywords a person would type: content words and compounds of the case, security terms
 * from the taxonomy found in it, and the keyword vocabulary of similar rows that the case uses.
 */
import { segment } from "./segment";
import { charClass, normalizeText } from "./text";

/** Content words too general to search for. */
const GENERIC = new Set(
  (
    "今回 当社 弊社 自社 当方 御社 貴社 当組合 以下 以上 場合 内容 方法 対応 状況 確認 連絡 可能 必要 相談 質問 最近 現在 前回 今後 " +
    "自分 私 個人 会社 事業者 利用 使用 問題 件 様 等 旨 際 為 点 中 後 前 時 日 月 年 円 名 人 方 先 上 下 教示 説明 回答 依頼 紹介 " +
    "助言 検討 実施 対策 被害 お願い 願い 感じ 思い 事 物 所 者 他 他社 一部 全て 全部 実際 一度 再度 直接 突然 大量 多数 結果 " +
    "原因 理由 手段 手掛かり 手掛 内容等 相手 相手方 先方 通報 通報者 外部 内部 部分 具体的 具体 詳細 不明 不安 心配 困っ 教え 知り " +
    "指示 表示 入力 記載 掲載 送信 受信 登録 販売 購入 契約 開催 予定 当該 同様 同一 一致 関係 関連 関する 関し 対し 通り 程度 " +
    "ご相談 ご連絡 ご確認 お問い合わせ 問い合わせ 問合せ 窓口 担当 担当者 本人 家族 ホームページ上 画面上 サイト上 今年 昨年 先日 " +
    "以前 当時 毎日 一か月 数十万円 年前 くらい ぐらい 頃 ころ 約 目 回 度 枚 件数 万円 千円 行 等々"
  ).split(/\s+/),
);

function isContentChar(ch: string): boolean {
  const cls = charClass(ch);
  return cls === "kanji" || cls === "katakana" || cls === "alnum" || ch === "ー" || ch === "・";
}

function isContentToken(token: string): boolean {
  return token.length > 0 && [...token].every(isContentChar) && !/^[・ー]+$/.test(token);
}

const NUMERIC_PREFIX = /^[0-9〇一二三四五六七八九十百千万億.,]+(?:[年月日時分秒円名人件回個台枚歳才か月ヶ月カ月%]+)?/;

/** Cleans a candidate; returns "" when nothing searchable is left. */
export function cleanKeyword(word: string): string {
  let w = word.replace(/^[・ー]+|[・]+$/g, "");
  w = w.replace(NUMERIC_PREFIX, "");
  w = w.replace(/(?:等|など|様|氏|さん|的)$/, "");
  if (w.length < 2) return "";
  if (/^[0-9.,:\-]+$/.test(w)) return "";
  if (/^[a-z]$/i.test(w)) return "";
  if ([...w].every((ch) => charClass(ch) === "hiragana")) return "";
  if (GENERIC.has(w)) return "";
  if (/[0-9]{3,}/.test(w)) return "";
  return w;
}

/** Compounds: runs of adjacent content tokens, broken at hiragana, punctuation and generic words. */
export function compoundsOf(text: string): { word: string; parts: string[] }[] {
  const tokens = segment(text.normalize("NFKC"));
  const out: { word: string; parts: string[] }[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push({ word: run.join(""), parts: run.slice() });
    run = [];
  };
  for (const token of tokens) {
    if (isContentToken(token) && !GENERIC.has(token)) run.push(token);
    else flush();
  }
  flush();
  return out;
}

export interface KeywordContext {
  /** Distinctiveness of a normalised word in the sheet (higher is rarer); 0 when unknown. */
  idf: (normalizedWord: string) => number;
  /** Security terms of the taxonomy, content words only. */
  dictionary: readonly string[];
  /** Keywords of similar filled rows with the weight of their row's similarity. */
  neighbourVocabulary: ReadonlyMap<string, number>;
  /** Extra candidates if the case alone yields too few (e.g. the top category's terms). */
  fallback: readonly string[];
}

const MAX_COMPOUND = 14;

/** Ranks keyword candidates for a case; `title` counts extra because clients summarise there. */
export function suggestKeywords(title: string, body: string, context: KeywordContext, max = 8): string[] {
  const scores = new Map<string, number>();
  const display = new Map<string, string>();
  const add = (word: string, score: number) => {
    const clean = cleanKeyword(word);
    if (!clean) return;
    const key = normalizeText(clean);
    scores.set(key, (scores.get(key) ?? 0) + score);
    if (!display.has(key)) display.set(key, clean);
  };

  const weighOccurrence = (word: string) => 1 + Math.min(3, context.idf(normalizeText(word))) / 3;
  for (const [text, weight] of [
    [title, 2],
    [body, 1],
  ] as const) {
    if (!text) continue;
    for (const { word, parts } of compoundsOf(text)) {
      if (word.length <= MAX_COMPOUND && parts.length > 1) add(word, weight * 1.2 * weighOccurrence(word));
      for (const part of parts) add(part, weight * 0.8 * weighOccurrence(part));
    }
  }

  const haystack = normalizeText(`${title}\n${body}`);
  for (const term of context.dictionary) {
    if (haystack.includes(normalizeText(term))) add(term, 3 + term.length / 4);
  }
  for (const [term, weight] of context.neighbourVocabulary) {
    if (haystack.includes(normalizeText(term))) add(term, 2 + 4 * weight);
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const chosen: string[] = [];
  for (const [key] of ranked) {
    if (chosen.length >= max) break;
    // A word inside a chosen compound adds nothing a searcher would miss.
    if (chosen.some((c) => c.includes(key))) continue;
    const superseded = chosen.findIndex((c) => key.includes(c) && key.length <= MAX_COMPOUND);
    if (superseded >= 0 && (scores.get(key) ?? 0) >= (scores.get(chosen[superseded]) ?? 0) * 0.8) {
      chosen[superseded] = key;
      continue;
    }
    chosen.push(key);
  }
  const words = chosen.filter((key, i) => chosen.indexOf(key) === i).map((key) => display.get(key) ?? key);
  for (const extra of context.fallback) {
    if (words.length >= 3) break;
    const clean = cleanKeyword(extra);
    if (clean && !words.some((w) => normalizeText(w) === normalizeText(clean))) words.push(clean);
  }
  return words;
}
