// Over 400 lines: candidate extraction and ranking share their word-shape rules (compounds, names, generic words).
/**
 * Search keywords a person would type: content words and compounds of the case, security terms
 * from the taxonomy found in it, and the keyword vocabulary of similar rows that the case uses;
 * spelt as the glossary spells them, without everyday words and without the names the row reveals.
 *
 * With kuromoji loaded, compounds are runs of nouns by part of speech and a run holding a person,
 * organisation or place name is never offered; without it (the pane while the dictionary loads),
 * tiny-segmenter's runs are used and the same spelling, generic-word and row-name filters apply.
 */
import { foldSpelling, glossaryEntry, isEverydayLoanword, isPublicName } from "./glossary";
import { isCutWord } from "./whole-words";
import { isContentNoun, properNounKind, type Morphology, type MorphToken } from "./morphology";
import { segment } from "./segment";
import { charClass, normalizeText, withinOneEdit } from "./text";

/** Content words too general to search for. */
const GENERIC = new Set(
  (
    "今回 当社 弊社 自社 当方 御社 貴社 当組合 以下 以上 場合 内容 方法 対応 状況 確認 連絡 可能 必要 相談 質問 最近 現在 前回 今後 " +
    "自分 私 個人 会社 事業者 利用 使用 問題 件 様 等 旨 際 為 点 中 後 前 時 日 月 年 円 名 人 方 先 上 下 教示 説明 回答 依頼 紹介 " +
    "助言 検討 実施 対策 被害 お願い 願い 感じ 思い 事 物 所 者 他 他社 一部 全て 全部 実際 一度 再度 直接 突然 大量 多数 結果 " +
    "原因 理由 手段 手掛かり 手掛 内容等 相手 相手方 先方 通報 通報者 外部 内部 部分 具体的 具体 詳細 不明 不安 心配 困っ 教え 知り " +
    "指示 表示 入力 記載 掲載 送信 受信 登録 販売 購入 契約 開催 予定 当該 同様 同一 一致 関係 関連 関する 関し 対し 通り 程度 " +
    "ご相談 ご連絡 ご確認 お問い合わせ 問い合わせ 問合せ 窓口 担当 担当者 本人 家族 ホームページ上 画面上 サイト上 今年 昨年 先日 " +
    "以前 当時 毎日 一か月 数十万円 年前 くらい ぐらい 頃 ころ 約 目 回 度 枚 件数 万円 千円 行 等々 " +
    // Everyday words that say nothing about the threat: time, quantity, people, places, manner, judgement.
    "本日 今日 昨日 明日 昨夜 今朝 今月 先月 来月 今週 先週 来週 午前 午後 夜間 週末 時期 時間 期間 日時 日程 普段 通常 常時 " +
    "毎年 毎月 毎週 数日 数年 数件 数回 複数 両方 全員 各社 多く 多発 一部 一つ 一人 大手 中小 " +
    "情報 仕事 事業 業務 作業 対処 対処策 処理 案内 通知 移行 向上 改善 強化 維持 管理 運用 設定 変更 作成 準備 " +
    "社内 社外 社員 従業員 職員 顧客 取引 取引先 相手先 担当課 組合 当組 組合員 当店 当所 当院 店舗 自宅 事務所 会社名 " +
    "大丈夫 有効 無効 適切 不適切 最低限 注意 勝手 突然 至急 急ぎ 大変 迷惑 事実 指摘 概要 価格 名前 国内 " +
    "生年月 在籍 生年月日 住所 氏名 年齢 電話 携帯電話 番号 画面 ボタン 文字 文字列 画像 写真 " +
    "可能性 普通 大幅 無関係 強引 月々 実在 同時 社用 以降 取得 " +
    "サイト ページ 年間 総額 結構 都内 発生 報道 関心 経由 書面 英文 英語 日本語 差出 宛先 件名 本文 記録 履歴 手続 手続き 申請 支払 請求 料金 代金 費用 金額 " +
    // Everyday verbs-as-nouns and service words that describe any case, and words standing for a name.
    "返信 返事 返答 サービス 導入 利用者 使用者 登録者 登録 開始 終了 停止 再開 実行 操作 作業中 方々 員数 人数 株式会社 有限会社 合同会社 会社 法人 自社名 社名 当社名 会社名 店名 " +
    "用途 用件 要件 要望 希望 意見 要請 助言 教示 紹介 照会 相談者 代理 代表者 代表代理 本社 支店 営業所 店頭 都庁 都 " +
    "東京 東京都 日本 国内外 海外在住 全国 地域 地元 場所 現地 今回分 以前 以後 当初 途中 最初 最後 直後 直前"
  ).split(/\s+/),
);


function isContentChar(ch: string): boolean {
  const cls = charClass(ch);
  return cls === "kanji" || cls === "katakana" || cls === "alnum" || ch === "ー" || ch === "・";
}

function isContentToken(token: string): boolean {
  return token.length > 0 && [...token].every(isContentChar) && !/^[・ー]+$/.test(token);
}

/** Quantity, time and owner words that open a run without belonging to the term (両方登録, 複数端末, 当社サイト). */
const LEADING_NOISE = new Set(
  "両方 複数 全て 全部 一部 多数 大量 数々 最近 今回 前回 今後 現在 当社 自社 弊社 他社 各社 御社 貴社 当店 弊店 自分 私 同じ 別 各 全 当 約 計 毎 諸 本 同 旧 某 同様".split(" "),
);

const HAS_DIGIT = /[0-9０-９]/;
const HAS_JAPANESE = /[\u3040-\u30ff\u3400-\u9fff々]/;

const NUMERIC_PREFIX = /^[0-9〇一二三四五六七八九十百千万億.,]+(?:年間|週間|日間|時間|か月間?|ヶ月間?|カ月間?|[年月日時分秒円名人件回個台枚歳才%])*/;

/** Cleans a candidate; returns "" when nothing searchable is left. */
export function cleanKeyword(word: string, segmented = false): string {
  let w = word.replace(/^[・ー]+|[・]+$/g, "");
  // 両方登録, 複数端末: a leading quantity/time/owner word is not part of the term.
  for (const noise of LEADING_NOISE) if (noise.length >= 2 && w.startsWith(noise) && w.length - noise.length >= 2) w = w.slice(noise.length);
  w = w.replace(NUMERIC_PREFIX, "");
  w = w.replace(/(?:等|など|様|氏|さん|的)$/, "");
  // 仕事用, 自宅用: an everyday word "for …" is not searched for (不正利用 and 無断使用 are).
  if (w.length >= 3 && w.endsWith("用") && GENERIC.has(w.slice(0, -1))) return "";
  // A particle left at the start (の間, が一) means the word was cut out of a phrase.
  if (/^[のがをにはとでもやへ]/.test(w)) return "";
  // 営業上, 社内中: "regarding/within" endings are not part of what one searches for
  // (a tokenizer with a dictionary has cut them off already, and knows 向上 is a word).
  if (w.length >= 3 && !segmented) w = w.replace(/[上中内数]$/, "");
  // 当組合, 各社員, 約3万: a leading "this/each/about" is not part of the word.
  if (w.length >= 3) w = w.replace(/^[当各約計毎]/, "");
  w = w.replace(NUMERIC_PREFIX, "");
  // "Windows11" is searched as "Windows"; "午後2", "従業員20", "月額2万" are not searched at all.
  w = w.replace(/^([A-Za-z]{3,})[0-9]+$/, "$1");
  if (HAS_DIGIT.test(w) && HAS_JAPANESE.test(w)) return "";
  if (w.length < 2) return "";
  if (/^[0-9.,:\-]+$/.test(w)) return "";
  if (/^[a-z]$/i.test(w)) return "";
  if ([...w].every((ch) => charClass(ch) === "hiragana")) return "";
  if (GENERIC.has(w)) return "";
  if (/[0-9]{3,}/.test(w)) return "";
  return w;
}

/** Kana that continue a verb or adjective written with a kanji stem (名乗る, 漏えい, 取扱い), unlike particles or する. */
const OKURIGANA = new Set([..."るりっえいれらわうろけくめみむきこぎげごばびべちつじ"]);

/** 名乗|る, 情報漏|えい: the last kanji before okurigana belongs to a verb, not to the word before it. */
function withoutVerbStem(stretch: string, next: string): string {
  return OKURIGANA.has(next) && /[\u3400-\u9fff々]$/.test(stretch) ? stretch.slice(0, -1) : stretch;
}

/** Compounds: runs of adjacent content tokens, broken at hiragana, punctuation and generic words. */
export function compoundsOf(text: string): Compound[] {
  const out: Compound[] = [];
  // Runs are found by script first, so a segmenter cut across a particle (の組|合員) cannot leak into a word.
  const normalized = text.normalize("NFKC");
  for (const found of normalized.matchAll(/[\u3400-\u9fff\uf900-\ufaff々〆ヶ\u30a0-\u30ffA-Za-z0-9ー・]+/g)) {
    const stretch = withoutVerbStem(found[0], normalized.charAt((found.index ?? 0) + found[0].length));
    let run: string[] = [];
    let pending = "";
    // A run cut off by a generic word inside the same stretch (担当|者名, 当組|合員) may be a fragment.
    let partial = false;
    const flush = (cutByGeneric = false) => {
      if (pending) run.push(pending);
      pending = "";
      if (run.length > 0) out.push({ word: run.join(""), parts: run.slice(), partial: partial || cutByGeneric });
      run = [];
      partial = cutByGeneric;
    };
    for (const token of segment(stretch)) {
      if (GENERIC.has(token)) flush(true);
      else if (!isContentToken(token)) flush();
      // tiny-segmenter often cuts a kanji word unevenly (身代|金要|求); a lone kanji stays with the word before it.
      else if (token.length === 1 && charClass(token) === "kanji" && run.length > 0) run[run.length - 1] += token;
      else if (pending) {
        run.push(pending + token);
        pending = "";
      } else if (token.length === 1 && charClass(token) === "kanji") pending = token;
      else run.push(token);
    }
    flush();
  }
  return out;
}

/** A run of tokens that can make up a search term, with what it contains. */
export interface Compound {
  word: string;
  parts: string[];
  /** Cut off by a generic word inside the same stretch: may be a fragment (tiny-segmenter only). */
  partial: boolean;
}

/** 接頭詞 that belong to the word after them (再発行, 不正, 非公開, 未送金), unlike 当/各/約/ご. */
const WORD_PREFIX = /^(?:再|不|非|未|無|偽|超|多|新|旧|高|低|逆|被|総|副|反|準|脱|真|悪|誤|裏|二|第)$/;

function isLatinOrKatakana(text: string): boolean {
  return /^[A-Za-z0-9ァ-ヶー・.+#-]+$/.test(text);
}

/** Can this token extend a noun run? */
function runPart(token: MorphToken, runLength: number): boolean {
  if (token.pos === "接頭詞") return WORD_PREFIX.test(token.surface);
  if (token.pos === "名詞") {
    const d0 = token.posDetail[0];
    // 名詞-接尾 (被害届 の 届, 対策課 の 課) only continues a word; 接尾-人名 (様) ends a name, handled by the caller.
    if (d0 === "接尾") return runLength > 0 && token.posDetail[1] !== "助数詞" && token.posDetail[1] !== "人名" && token.posDetail[1] !== "地域";
    if (token.known === false) return isLatinOrKatakana(token.surface) || /^[\u3400-\u9fff々]{2,}$/.test(token.surface);
    return isContentNoun(token);
  }
  // Unknown latin words may be tagged as anything; 記号 such as "." inside "Microsoft.com" is not a word.
  return token.known === false && /^[A-Za-z][A-Za-z0-9]*$/.test(token.surface);
}

/**
 * Noun compounds by part of speech. A run that holds a person's name, an organisation (other than a
 * public institution or a platform everyone knows) or a place below country level, or that ends in
 * an honorific (様, さん), is a name and is left out whole, so no part of it can become a keyword.
 */
export function compoundsByPos(text: string, morphology: Morphology): Compound[] {
  const out: Compound[] = [];
  const tokens = morphology.tokenize(text.normalize("NFKC"));
  let run: MorphToken[] = [];
  let named = false;
  const flush = () => {
    // Leading quantity/time/owner words are not part of the term (両方登録 → 登録).
    while (run.length > 0 && LEADING_NOISE.has(run[0].surface)) run.shift();
    // 営業上, 社内中: "regarding/within" suffixes are not part of what one searches for.
    while (run.length > 1 && run[run.length - 1].posDetail[0] === "接尾" && /^[上中等]$/.test(run[run.length - 1].surface)) run.pop();
    if (run.length > 0 && !named) {
      // A suffix belongs to the word before it (対策|課 → 対策課, 従業|員 → 従業員): never offered alone.
      const parts: string[] = [];
      for (const t of run) {
        if (t.posDetail[0] === "接尾" && parts.length > 0) parts[parts.length - 1] += t.surface;
        else parts.push(t.surface);
      }
      out.push({ word: parts.join(""), parts, partial: false });
    }
    run = [];
    named = false;
  };
  for (const token of tokens) {
    if (token.pos === "名詞" && token.posDetail[0] === "接尾" && token.posDetail[1] === "人名") {
      named = run.length > 0;
      flush();
      continue;
    }
    if (!runPart(token, run.length)) {
      flush();
      continue;
    }
    const kind = properNounKind(token);
    if (kind === "person" && token.surface.length >= 2) named = true;
    else if (kind === "organisation" && !isPublicName(token.surface) && !GENERIC.has(token.surface) && !LEADING_NOISE.has(token.surface)) named = true;
    // Countries (中国, ブラジル) say where a scam came from; a town or district says where the client is.
    else if (kind === "place" && token.posDetail[2] !== "国") named = true;
    run.push(token);
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
  /** Terms that name the threat without being in the client's words: from the desk's reply and the top category. */
  threatTerms?: ReadonlyMap<string, number>;
  /** Parts of speech when kuromoji has loaded; tiny-segmenter's runs otherwise. */
  morphology?: Morphology;
  /** Names the row reveals (people, companies, the client's own business): never a keyword, nor part of one. */
  excludedNames?: readonly string[];
  /** How the sheet already spells a keyword whose glossary spelling is given (the sheet's convention wins). */
  sheetSpelling?: (glossarySpelling: string) => string | undefined;
}

/** Longest kanji stretch taken as one word when it cannot be split at a known word. */
const MAX_KANJI_WORD = 4;

/**
 * The words inside a compound. tiny-segmenter cuts unknown kanji words unevenly (当組|合員|数,
 * 営業|上大|変迷|惑), so its tokens are not trusted as words: known vocabulary words are taken out
 * first, and what is left is split where the script changes (kanji / katakana / latin), keeping
 * kanji stretches only up to MAX_KANJI_WORD characters.
 */
export function wordsInside(word: string, knownLongestFirst: readonly string[]): string[] {
  const out: string[] = [];
  let rest = word.normalize("NFKC");
  const lower = rest.toLowerCase();
  const cut: boolean[] = new Array(rest.length).fill(false);
  for (const k of knownLongestFirst) {
    let at = lower.indexOf(k);
    while (at >= 0) {
      if (!cut.slice(at, at + k.length).some(Boolean)) {
        out.push(rest.slice(at, at + k.length));
        for (let i = at; i < at + k.length; i++) cut[i] = true;
      }
      at = lower.indexOf(k, at + 1);
    }
  }
  rest = [...rest].map((ch, i) => (cut[i] ? " " : ch)).join("");
  for (const piece of rest.split(" ")) {
    for (const stretch of piece.match(/[\u3400-\u9fff々〆ヶ]+|[\u30a0-\u30ffー・]+|[A-Za-z0-9.+#-]+/g) ?? []) {
      const isKanji = /^[\u3400-\u9fff々〆ヶ]+$/.test(stretch);
      if (stretch.length >= 2 && (!isKanji || stretch.length <= MAX_KANJI_WORD)) out.push(stretch);
    }
  }
  return out;
}

/** Longer compounds are phrases, not search words, unless the vocabulary knows them. */
const MAX_COMPOUND = 8;

/** normalizeText(foldSpelling(word)), remembered: taxonomy terms and the sheet's keywords recur on every suggestion. */
const FOLD_KEYS = new Map<string, string>();
function foldKey(word: string): string {
  let key = FOLD_KEYS.get(word);
  if (key === undefined) {
    key = normalizeText(foldSpelling(word));
    if (FOLD_KEYS.size >= 50_000) FOLD_KEYS.clear();
    FOLD_KEYS.set(word, key);
  }
  return key;
}

/**
 * A family name in kanji and a given name in katakana (東雲ショウ, 巣ケイタ) is how people's names are
 * often written; a search term of that shape ends in an everyday loanword (迷惑メール, 偽サイト).
 */
function looksLikePersonName(word: string, known: ReadonlyMap<string, string>): boolean {
  const m = /^[\u3400-\u9fff々]{1,3}([ァ-ヶー]{2,4})$/.exec(word);
  return m !== null && !isEverydayLoanword(m[1]) && !glossaryEntry(word) && !known.has(normalizeText(word));
}

/** What the case's own words offer, before ranking: normalised key → score and the spelling to show. */
export interface KeywordCandidates {
  scores: Map<string, number>;
  display: Map<string, string>;
  /** Normalised keys of the taxonomy terms and the similar rows' keywords. */
  known: ReadonlySet<string>;
  /** True for a normalised word that is, or is part of, a name the row reveals. */
  isName: (key: string) => boolean;
}

/**
 * Scores the words of a case (compounds, taxonomy terms and similar rows' keywords it uses, the
 * context's threat terms), folded to the glossary's spelling, misspellings merged into the right
 * word, names left out; `title` counts extra because clients summarise there.
 */
export function keywordCandidates(title: string, body: string, context: KeywordContext): KeywordCandidates {
  const scores = new Map<string, number>();
  const display = new Map<string, string>();
  const names = (context.excludedNames ?? []).map((n) => normalizeText(n)).filter((n) => n.length >= 2);
  const isName = (key: string) => names.some((n) => key.includes(n) || (key.length >= 2 && n.includes(key)));
  const add = (word: string, score: number, segmented = false) => {
    // Cleaned, spelt the glossary's way, and cleaned again: a folded word may turn out to be an everyday one.
    const clean = cleanKeyword(foldSpelling(cleanKeyword(word, segmented)), segmented);
    if (!clean) return;
    const key = normalizeText(clean);
    if (isName(key) || looksLikePersonName(clean, knownSpelling)) return;
    scores.set(key, (scores.get(key) ?? 0) + score);
    if (!display.has(key)) display.set(key, clean);
  };

  // Vocabulary by its normalised key, with the spelling to show (the glossary's).
  const knownSpelling = new Map<string, string>();
  for (const k of [...context.dictionary, ...context.neighbourVocabulary.keys()]) {
    const key = foldKey(k);
    if (!knownSpelling.has(key)) knownSpelling.set(key, foldSpelling(k));
  }
  const known = new Set(knownSpelling.keys());
  const knownList = [...known].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);
  const weighOccurrence = (word: string) => 1 + Math.min(3, context.idf(normalizeText(word))) / 3;
  const byPos = context.morphology?.name === "kuromoji" ? context.morphology : undefined;
  for (const [text, weight] of [
    [title, 2],
    [body, 1],
  ] as const) {
    if (!text) continue;
    if (byPos) {
      for (const { word, parts } of compoundsByPos(text, byPos)) {
        const folded = foldSpelling(word);
        const isKnown = known.has(foldKey(word));
        // A compound of everyday words only (相談内容) says nothing unless it is a known term (個人情報).
        const everyday = parts.every((p) => GENERIC.has(p) || LEADING_NOISE.has(p));
        if (parts.length > 1 && (isKnown || (!everyday && word.length <= MAX_COMPOUND && parts.length <= 3))) add(word, weight * 1.2 * weighOccurrence(word), true);
        // Face|ブック is Facebook: the parts of one glossary term are not words of their own.
        if (parts.length > 1 && glossaryEntry(folded)) continue;
        for (const part of parts) add(part, weight * 0.8 * weighOccurrence(part), true);
      }
      continue;
    }
    for (const { word, parts, partial } of compoundsOf(text)) {
      const isKnown = known.has(normalizeText(foldSpelling(word)));
      if (partial && !isKnown && /^[\u3400-\u9fff々〆ヶ]+$/.test(word)) {
        for (const k of knownList) if (normalizeText(word).includes(k)) add(k, weight * 0.8 * weighOccurrence(k));
        continue;
      }
      if (parts.length > 1 && (isKnown || (word.length <= MAX_COMPOUND && parts.length <= 3))) add(word, weight * 1.2 * weighOccurrence(word));
      for (const part of wordsInside(foldSpelling(word), knownList)) add(part, weight * 0.8 * weighOccurrence(part));
    }
  }

  const haystack = normalizeText(foldSpelling(`${title}\n${body}`));
  for (const term of context.dictionary) {
    if (haystack.includes(foldKey(term))) add(term, 3 + term.length / 4);
  }
  for (const [term, weight] of context.neighbourVocabulary) {
    if (haystack.includes(foldKey(term))) add(term, 2 + 4 * weight);
  }
  // Editors file a case under the threat's name even when the client never says it (ランサムウェア, フィッシング).
  for (const [term, weight] of context.threatTerms ?? []) add(term, weight);

  // A misspelt word (one letter off a known or better-attested word) gives way to the right spelling.
  const vocabulary = [...known];
  for (const key of [...scores.keys()]) {
    if (known.has(key) || key.length < 4) continue;
    const right = vocabulary.find((v) => v.length >= 4 && withinOneEdit(key, v)) ??
      [...scores.keys()].find((other) => other !== key && other.length >= 4 && withinOneEdit(key, other) && context.idf(other) < context.idf(key));
    if (right) {
      scores.set(right, (scores.get(right) ?? 0) + (scores.get(key) ?? 0));
      if (!display.has(right)) display.set(right, knownSpelling.get(right) ?? right);
      scores.delete(key);
    }
  }

  return { scores, display, known, isName };
}

/** Ranks keyword candidates for a case by the hand-set scores of `keywordCandidates`. */
export function suggestKeywords(title: string, body: string, context: KeywordContext, max = 8): string[] {
  const { scores, display, known, isName } = keywordCandidates(title, body, context);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const chosen: string[] = [];
  const text = normalizeText(foldSpelling(`${title}\n${body}`)).replace(/\s+/g, "");
  for (const [key] of ranked) {
    if (chosen.length >= max) break;
    // A word inside a chosen compound adds nothing a searcher would miss.
    if (chosen.some((c) => c.includes(key))) continue;
    // A word of the case cut out of a longer one (電話帳ナビAp) is no search word; known words are whole.
    if (!known.has(key) && !glossaryEntry(key) && isCutWord(key.replace(/\s+/g, ""), text)) continue;
    const superseded = chosen.findIndex((c) => key.includes(c) && (key.length <= MAX_COMPOUND || known.has(key)));
    if (superseded >= 0 && (scores.get(key) ?? 0) >= (scores.get(chosen[superseded]) ?? 0) * 0.8) {
      chosen[superseded] = key;
      continue;
    }
    chosen.push(key);
  }
  const words = chosen.filter((key, i) => chosen.indexOf(key) === i).map((key) => display.get(key) ?? key);
  for (const extra of context.fallback) {
    if (words.length >= 3) break;
    const clean = cleanKeyword(foldSpelling(extra));
    if (clean && !isName(normalizeText(clean)) && !words.some((w) => normalizeText(w) === normalizeText(clean))) words.push(clean);
  }
  return words.map((w) => context.sheetSpelling?.(w) ?? w);
}
