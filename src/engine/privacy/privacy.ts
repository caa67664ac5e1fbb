// Over 400 lines: the one detector of private data; its patterns are read together to see what each leaves to the others.
/**
 * The general patterns of private data (phones, e-mail, 〒 addresses, accounts, cards, and the name
 * rules of privacy-names.ts) and the names a row reveals (`collectRowNames`). The detector
 * (detector.ts) runs them over its normalised view; they also run a same-length half-width copy of
 * it, so dash-like marks between digits read as "-". Public institutions' numbers stay.
 */
import { glossaryEntry, isEverydayLoanword, isPublicName, type Morphology, type MorphToken, properNounKind } from "../text";
import { genericWord, NAME_RULES } from "./privacy-names";
import { everydaySpans } from "./everyday-words";
import { cachedTokens, SENTENCE } from "./token-cache";
import { isPublicBareName, isPublicEntity } from "./privacy-public";
import type { MaskKind } from "../types";

export const PUBLIC_PHONE_NUMBERS: readonly string[] = ["03-5805-1731", "03-3581-4321", "03-5978-7509", "0570-078374", "188"];
const PUBLIC_DIGITS = new Set(PUBLIC_PHONE_NUMBERS.map((n) => n.replace(/\D/g, "")));

/** Sites of public bodies that a draft may cite. */
const PUBLIC_HOST = /(?:^|\.)(?:[a-z0-9-]+\.go\.jp|[a-z0-9-]+\.lg\.jp|antiphishing\.jp|saferinternet\.or\.jp|houterasu\.or\.jp|tokyo-kosha\.or\.jp|jpcert\.or\.jp)$/i;

export function isPublicUrl(url: string): boolean {
  const host = url.replace(/^https?:\/\//i, "").split(/[/?#:]/)[0];
  return PUBLIC_HOST.test(host);
}

/** The rules' own replacement texts are not used: the detector writes one placeholder per kind. */
const MASK_TEXT = { person: "", company: "", email: "", phone: "", address: "", account: "", card: "", mynumber: "", birthdate: "", url: "" } satisfies Record<MaskKind, string>;

/** Same-length half-width view: full-width ASCII to ASCII, dash-like marks between digits to "-". */
function halfWidthView(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else if ("－‐‑–—―−".includes(text[i])) out += "-";
    // ー is a katakana long vowel (ダミー); it is a dash only between digits (０３ー１２３４).
    else if (text[i] === "ー" && /[0-9０-９]/.test(text[i - 1] ?? "") && /[0-9０-９]/.test(text[i + 1] ?? "")) out += "-";
    else out += text[i];
  }
  return out;
}

/** A building name with its floor or room right after the street number (「　ダミービル４階」). */
const BUILDING = "(?:\\s?[^\\s、。,()（）]{1,20}?\\s?\\d+(?:階|F|号室))?";
const NAME_CHARS = "[\\u3400-\\u9fff々ァ-ヶーA-Za-z]";
/** Honorific words that are not names. */
const GENERIC_PEOPLE = /^(?:お?客|皆|各位|利用者|相談者|担当者?|ご?婦人|ご?主人|奥|先方|相手|相手方|お子|社長|部長|課長|係長|店長|代表|会員|ユーザー?|ご?家族|ご?本人|御中|神|お得意|お世話|方々|先生|同|母|父|息子|娘|被害者|犯人|業者|事業者|取引先|患者|利用者様|常連|ご?近所|知人|友人|職員|弁護士|警察官|他|別)$/;

const GENERIC_ROLE_LOANWORD = /^(?:フォロワー|メンバー|オーナー|スタッフ|ゲスト|ファン|クライアント|ドライバー|パートナー|ベンダー|メーカー|ユーザー|カスタマー|オペレーター|エンジニア|サポーター|トレーナー|マネージャー|リーダー)$/;

/** Bracketed words after a phone number that describe the line, not a person. */
const NOT_A_NAME_IN_BRACKETS = /代表|携帯|直通|受付|内線|自宅|事務所|会社|本社|支店|窓口|専用|ダイヤル|平日|土日|夜間|無料|有料|通話|FAX|ファクス|ファックス|相談|センター|警察|署|庁|都|県|市|区|法テラス|協会|機構/;

interface Rule {
  kind: MaskKind;
  /** When given, the rule is skipped for a text this does not match (a cheap test before the pattern). */
  trigger?: RegExp;
  pattern: RegExp;
  /** Returns the replacement, or undefined to keep the match. `groups[1]` is the private part when the rule keeps a suffix. */
  replace: (match: RegExpExecArray, view: string) => { start: number; end: number; text: string } | undefined;
}

const whole = (kind: MaskKind) => (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length, text: MASK_TEXT[kind] });

const RULES: Rule[] = [
  // Bounded, and never starting inside a run of its own letters: a 32,000-letter run cost 1.5 s a pass.
  {
    kind: "email",
    trigger: /@/,
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g,
    replace: whole("email"),
  },
  {
    kind: "card",
    pattern: /(?<!\d)\d{4}[- ]?\d{4}[- ]?\d{4}[- ]?\d{2,4}(?!\d)/g,
    replace: whole("card"),
  },
  {
    kind: "account",
    pattern: /(?:口座番号|口座|普通預金|当座預金|普通|当座)\s*(?:番号)?\s*[:：]?\s*(?:No\.?\s*)?(\d{6,8})(?!\d)/g,
    replace: (m) => {
      const start = m.index + m[0].lastIndexOf(m[1]);
      return { start, end: start + m[1].length, text: MASK_TEXT.account };
    },
  },
  {
    kind: "phone",
    // 090-1234-5678, 0312345678, (03)1234-5678, +81-90-1234-5678 (the country code drops the leading 0).
    pattern: /(?<![\d-])(?:(?:\+81[- ]?)?(?:\(0\d{1,4}\)|0\d{1,4})|\+81[- ]?(?:\([1-9]\d{0,3}\)|[1-9]\d{0,3}))[- ]?(?:\(\d{1,4}\)|\d{1,4})[- ]?\d{3,4}(?![\d-])/g,
    replace: (m) => {
      const digits = m[0].replace(/\D/g, "");
      if (PUBLIC_DIGITS.has(digits) || digits.length < 10 || digits.length > 12) return undefined;
      return whole("phone")(m);
    },
  },
  {
    kind: "address",
    pattern: new RegExp(
      `(?:〒\\s?\\d{3}-?\\d{4}\\s*)(?:[^\\s、。]{0,30}?\\d+(?:丁目|番地?|号|-\\d+)+(?:-?\\d+)*${BUILDING})?` +
        `|(?:東京都|北海道|(?:京都|大阪)府|[\\u3400-\\u9fff]{2,3}県)?[\\u3400-\\u9fff々ヶ]{1,6}[区市町村][\\u3400-\\u9fff々ヶ]{0,8}\\d+(?:丁目|番地|番|号|-)\\s?\\d*(?:番地|番|号|-)?\\s?\\d*(?:号)?${BUILDING}`,
      "g",
    ),
    replace: whole("address"),
  },
  // Organisations by legal form, trade word, quotes or 御中, and people by kana honorific or role (privacy-names.ts).
  ...NAME_RULES,
  {
    kind: "person",
    pattern: new RegExp(`(${NAME_CHARS}{1,10})(?:[ 　](${NAME_CHARS}{1,8}))?(様(?![子式相態々])|さん|氏(?!名)|殿|くん|君)`, "g"),
    replace: (m) => {
      const name = m[2] ? m[2] : m[1];
      if (GENERIC_PEOPLE.test(name) || GENERIC_PEOPLE.test(m[1])) return undefined;
      // フォロワーさん, オーナー様: a katakana word for a role, not a name.
      if (/^[ァ-ヶー]+$/.test(name) && (isEverydayLoanword(name) || GENERIC_ROLE_LOANWORD.test(name))) return undefined;
      const start = m.index;
      const end = m.index + m[0].length - m[3].length;
      return { start, end, text: MASK_TEXT.person };
    },
  },
  {
    kind: "person",
    pattern: new RegExp(`(?:の|、|。|\\s|^)(${NAME_CHARS}{1,10}(?:[ 　]${NAME_CHARS}{1,8})?)(?:と申します|と申し|でございます|が担当)`, "gm"),
    replace: (m) => {
      if (GENERIC_PEOPLE.test(m[1]) || /窓口|センター|相談|課|部|室/.test(m[1])) return undefined;
      const start = m.index + m[0].indexOf(m[1]);
      return { start, end: start + m[1].length, text: MASK_TEXT.person };
    },
  },
  {
    // 「相談窓口の試験です。」: the desk's own staff introducing themselves without 申します.
    kind: "person",
    pattern: new RegExp(`(?:窓口|センター|担当|係|事務局)の(${NAME_CHARS}{1,6})(?:です|でございます)`, "g"),
    replace: (m) => {
      if (GENERIC_PEOPLE.test(m[1]) || /窓口|センター|相談|課|部|室|担当/.test(m[1])) return undefined;
      const start = m.index + m[0].indexOf(m[1], m[0].indexOf("の"));
      return { start, end: start + m[1].length, text: MASK_TEXT.person };
    },
  },
  {
    // 「０３－１２３４－５６７８（試験）」: a name in brackets after a private number.
    kind: "person",
    pattern: new RegExp(`(0\\d{1,4}-?\\d{1,4}-?\\d{3,4})\\s*\\((${NAME_CHARS}{1,6})\\)`, "g"),
    replace: (m) => {
      if (PUBLIC_DIGITS.has(m[1].replace(/\D/g, "")) || NOT_A_NAME_IN_BRACKETS.test(m[2])) return undefined;
      const start = m.index + m[0].lastIndexOf(m[2]);
      return { start, end: start + m[2].length, text: MASK_TEXT.person };
    },
  },
  {
    // A sign-off line 「相談窓口　試験」「〇〇センター 山田 花子」: an organisation, a space, a name.
    kind: "person",
    pattern: new RegExp(`^[^\\S\\n]*[^\\s。、]{0,30}?(?:窓口|センター|課|部|室|係|事務所|事務局|協会)[ ]+(${NAME_CHARS}{1,5}(?:[ ]${NAME_CHARS}{1,5})?)[^\\S\\n]*$`, "gm"),
    replace: (m) => {
      if (GENERIC_PEOPLE.test(m[1]) || /一同|担当|窓口|センター/.test(m[1])) return undefined;
      const start = m.index + m[0].lastIndexOf(m[1]);
      return { start, end: start + m[1].length, text: MASK_TEXT.person };
    },
  },
  {
    // The addressee's organisation on the line above 「…様」, even without 株式会社 (「テスト会計事務所」).
    kind: "company",
    pattern: new RegExp(`^[^\\S\\n]*([^\\s。、：:]{2,30})[^\\S\\n]*\\n(?=[^\\n]{1,24}(?:様|殿|御中)[^\\S\\n]*$)`, "gm"),
    replace: (m) => {
      if (/回答|返信|連絡|以下|下記|[〇◯△]{2}/.test(m[1])) return undefined;
      const start = m.index + m[0].indexOf(m[1]);
      const suffix = /(事務所|会社|協会|組合|法人|商店|医院|病院|学校|塾|店)$/.exec(m[1])?.[1] ?? "";
      return { start, end: start + m[1].length, text: `〇〇${suffix}` };
    },
  },
  {
    kind: "person",
    pattern: new RegExp(`(?:担当者?|氏名|名前|お名前|差出人)\\s*[:：]\\s*(${NAME_CHARS}{1,10}(?:[ 　]${NAME_CHARS}{1,8})?)`, "g"),
    replace: (m) => {
      const start = m.index + m[0].lastIndexOf(m[1]);
      return { start, end: start + m[1].length, text: MASK_TEXT.person };
    },
  },
];

/** A run of lines that looks like an e-mail signature: a rule line, or contact lines at the end. */
const SIGNATURE_RULE = /^[ \t]*[-=＝―─━_＿*＊~～◆◇■□]{4,}.*$/m;

export function stripSignature(text: string): { text: string; removedAt?: number } {
  const match = SIGNATURE_RULE.exec(text);
  if (match && match.index > text.length * 0.3) {
    const tail = text.slice(match.index);
    if (/TEL|Tel|tel|電話|E-?mail|メール|〒|株式会社|窓口|部|課/.test(tail)) {
      return { text: text.slice(0, match.index).replace(/\s+$/, ""), removedAt: match.index };
    }
  }
  return { text };
}

/** A person or organisation a row names, to be masked wherever it appears in that row's draft and keywords. */
export interface RowName {
  text: string;
  kind: "person" | "company";
}

/** Katakana and latin letters run on into one word (グーグル+マップ); kanji compounds do not tell. */
const RUN_ON = /[ァ-ヺーA-Za-z0-9]/;

/**
 * Where the text's everyday words are, each with the katakana or latin word it is part of (グーグル
 * in グーグルマップ covers マップ too, which the dictionary would take for a name).
 */
function everydayWordSpans(text: string): { start: number; end: number }[] {
  return everydaySpans(text).map(({ start, end }) => {
    let s = start;
    let e = end;
    while (s > 0 && RUN_ON.test(text[s - 1]) && RUN_ON.test(text[s])) s--;
    while (e < text.length && RUN_ON.test(text[e]) && RUN_ON.test(text[e - 1])) e++;
    return { start: s, end: e };
  });
}

/** Does `name` occur in `text` only inside everyday words (スマート of スマートフォン, ヤマダ of ヤマダ電機)? */
function onlyInEverydayWords(name: string, text: string, spans: readonly { start: number; end: number }[]): boolean {
  if (spans.length === 0) return false;
  let at = text.indexOf(name);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (!spans.some((span) => at >= span.start && end <= span.end)) return false;
  }
  return true;
}

/** Where the general rules find private data in `view` (the detector's normalised text), first rule first. */
export function legacySpans(view: string): { start: number; end: number; kind: MaskKind }[] {
  const half = halfWidthView(view);
  const spans: { start: number; end: number; kind: MaskKind }[] = [];
  const taken = (start: number, end: number) => spans.some((s) => start < s.end && end > s.start);
  for (const rule of RULES) {
    if (rule.trigger && !rule.trigger.test(half)) continue;
    rule.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.pattern.exec(half)) !== null) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const span = rule.replace(m, half);
      if (span && !taken(span.start, span.end)) spans.push({ start: span.start, end: span.end, kind: rule.kind });
      // A match that overlaps an earlier one may hide a shorter one starting inside it.
      else if (span) rule.pattern.lastIndex = m.index + 1;
    }
  }
  return spans;
}

/** Words that stand where a name would but are not one (お客様, 担当者, 弊社, 御社, 自社名). */
const NOT_A_NAME = /^(?:お?客|皆|各位|利用者|相談者|担当者?|ご?婦人|ご?主人|奥|先方|相手方?|お子|社長|部長|課長|係長|店長|代表者?|会員|ユーザー?|ご?家族|ご?本人|御中|神|お得意|お世話|方々|先生|同|母|父|息子|娘|被害者|犯人|業者|職員|弁護士|警察官|他|別|弊社|当社|自社|御社|貴社|他社|同社|各社|本社|会社|自社名|当社名|社名|会社名|店名|サイト名|当店|弊店|当方|私|私ども|我々|こちら|そちら|その|この|あの|当該|不明|未定|一同|全員|スタッフ|社員|従業員|事務局|窓口|センター|相談窓口|〇+|◯+|△+|□+)$/;

const NAME_RUN = "[\\u3400-\\u9fff々ァ-ヶーA-Za-z][\\u3400-\\u9fff々ァ-ヶーA-Za-z0-9・&]{0,19}";

/** Patterns by which a case reveals a name: group 1 is the name. */
/** Roles a person is introduced by (経理の…, 店長の…). */
const ROLE_WORDS = "経理|総務|営業|人事|広報|担当|担当者|社員|従業員|職員|店長|店主|社長|副社長|会長|部長|課長|係長|主任|専務|常務|役員|スタッフ|パート|アルバイト|事務員|事務|秘書|代表|取締役|同僚|部下|上司|所長|院長|園長|理事長|息子|娘|妻|夫|母|父";

const REVEALING: { kind: RowName["kind"]; trigger?: RegExp; pattern: RegExp; descriptive?: boolean; katakanaName?: boolean; tradeName?: boolean }[] = [
  // 見本太郎様, 見本 太郎 様, テスト商事御中
  { trigger: /様|さん|氏|殿|くん/, kind: "person", pattern: new RegExp(`(${NAME_RUN}(?:[ 　]${NAME_RUN})?)[ 　]?(?:様(?![子式相態々])|さん|氏(?!名)|殿|くん)`, "g") },
  { trigger: /御中/, kind: "company", pattern: new RegExp(`(${NAME_RUN})[ 　]?御中`, "g") },
  // 鈴木と申します, 相談窓口の試験です
  { trigger: /と申し|でございます|が担当/, kind: "person", pattern: new RegExp(`(?:^|[の、。\\s])(${NAME_RUN}(?:[ 　]${NAME_RUN})?)(?:と申します|と申し|でございます|が担当)`, "gm") },
  { kind: "person", pattern: new RegExp(`(?:窓口|センター|担当|係|事務局|部|課)の(${NAME_RUN})(?:です|でございます)`, "g") },
  { kind: "person", pattern: new RegExp(`(?:担当者?|氏名|名前|お名前|差出人)[ 　]*[:：][ 　]*(${NAME_RUN}(?:[ 　]${NAME_RUN})?)`, "g") },
  // Legal forms (株式会社サンプル商事, みなと工房有限会社) are the general name rules' (privacy-names.ts), in any script.
  // サイト名はACIDMALL, 店名：〇〇, 社名は「…」
  { kind: "company", pattern: new RegExp(`(?:サイト名|店名|社名|屋号|会社名|商号|ショップ名|アプリ名|サービス名|店舗名)(?:は|が|:|：)[ 　]*[「『"]?(${NAME_RUN})`, "g") },
  // The client's own business: 当社名検索（ミドリテック）, 弊社（ミドリテック）, ミドリテック（当社）
  { kind: "company", pattern: new RegExp(`(?:当社|弊社|自社|当店|弊店|私ども)(?:名|の社名)?(?:検索|は|で|を|が){0,2}[（(「『](${NAME_RUN})[）)」』]`, "g") },
  { trigger: /[（(](?:当社|弊社|自社|当店)[）)]/, kind: "company", pattern: new RegExp(`(${NAME_RUN})[（(](?:当社|弊社|自社|当店)[）)]`, "g") },
  // A business named by katakana or latin letters and 社: トレンドマイクロ社, ミドリテック社
  { trigger: /[ァ-ヶーA-Za-z0-9・&]社/, kind: "company", pattern: /([ァ-ヶーA-Za-z][ァ-ヶーA-Za-z0-9・&]{1,19})社(?![会長員内外])/g },
  // e-park（インターネット予約サイト）, 口コミアプリ（〇〇）
  { trigger: /[（(]/, kind: "company", pattern: new RegExp(`(${NAME_RUN})[（(][^（）()\\n]{0,20}(?:サイト|アプリ|会社|店|サービス|モール)[）)]`, "g"), descriptive: true },
  { kind: "company", pattern: new RegExp(`(?:サイト|アプリ|会社|ショップ|モール|サービス)[（(](${NAME_RUN})[）)]`, "g"), descriptive: true },
  // A business by its trade suffix: 苔桃商会, ミナト精機, ソラマメ堂 (堂 and 屋 only after katakana: 食堂, 本屋 are words).
  { trigger: /商会|商店|工房|製作所|工業|産業|商事|物産|興業|建設|工務店|精機|電機|印刷|運輸|食品|企画|技研|製菓|薬局|医院|歯科|クリニック|堂|屋|舎|亭|庵/, kind: "company", pattern: /((?:[ァ-ヶー]{2,}|[\u3400-\u9fff々]{2,4})(?:商会|商店|工房|製作所|工業|産業|商事|物産|興業|建設|工務店|精機|電機|印刷|運輸|食品|企画|技研|製菓|薬局|医院|歯科|クリニック)|[ァ-ヶー]{2,}(?:堂|屋|舎|亭|庵))/g, tradeName: true },
  // A person introduced by their role: 経理の東雲ショウが, 店長の巣ケイタ (a family name in kanji, a given name in
  // katakana); family names may hold a small ノ or ヶ between kanji (鳩ノ巣, 一ノ瀬).
  { trigger: new RegExp(ROLE_WORDS), kind: "person", pattern: new RegExp(`(?:${ROLE_WORDS})(?:の|で|である)?[ 　]?([\\u3400-\\u9fff々](?:[ノヶケ]?[\\u3400-\\u9fff々]){0,2}[ァ-ヶー]{2,4})(?![ァ-ヶー])`, "g"), katakanaName: true },
  // A sign-off line 「相談窓口　試験」: an office, a space, a name.
  { kind: "person", pattern: /^[^\S\n]*[^\s。、]{0,30}?(?:窓口|センター|課|部|室|係|事務局)[ 　]+([\u3400-\u9fff々ァ-ヶー]{1,5}(?:[ 　][\u3400-\u9fff々ァ-ヶー]{1,5})?)[^\S\n]*$/gm },
];

/** A bracketed word that describes rather than names (なりすましECサイト（偽ショップ）). */
const DESCRIPTION = /(?:サイト|アプリ|ショップ|モール|サービス|メール|ソフト|会社|企業|業者|銀行|カード|詐欺|偽|不審|悪質|正規|公式|旧|等|など)|^偽/;
/** A capture before 様 that is a role or a department, not a person (総務部, セキュリティ担当者). */
const ROLE = /(?:担当者?|部|課|係|室|長|者|員|会|店|社|所|局|署|班|チーム|グループ|御中)$/;

/** A place below country level followed by a facility names where the client is (浅草警察署, 湊川会館). */
const FACILITY = /^(?:警察署|署|会館|ビル|支店|本店|店|営業所|駅|ホール|センター|事務所)$/;

const sentenceNameCaches = new WeakMap<Morphology, Map<string, RowName[]>>();
const SENTENCE_NAMES_LIMIT = 50_000;

/** The dictionary's names in a text, sentence by sentence, each sentence read once (token-cache.ts). */
function tokenNames(text: string, morphology: Morphology): RowName[] {
  let cache = sentenceNameCaches.get(morphology);
  if (!cache) sentenceNameCaches.set(morphology, (cache = new Map()));
  const out: RowName[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    let names = cache.get(m[0]);
    if (!names) {
      if (cache.size >= SENTENCE_NAMES_LIMIT) cache.clear();
      names = sentenceNames(cachedTokens(m[0], morphology));
      cache.set(m[0], names);
    }
    out.push(...names);
  }
  return out;
}

function sentenceNames(tokens: MorphToken[]): RowName[] {
  const out: RowName[] = [];
  const isPerson = (t: MorphToken | undefined) => t !== undefined && properNounKind(t) === "person";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const kind = properNounKind(token);
    if (kind === "person") {
      // A family name and a given name are one name; a given name after an unknown word takes it as the family name (見本 太郎).
      let j = i;
      let name = token.surface;
      while (isPerson(tokens[j + 1])) name += tokens[++j].surface;
      // A family name the dictionary knows, then a given name in katakana it does not (砂川トウコ).
      const next = tokens[j + 1];
      if (token.posDetail[2] === "姓" && j === i && next && /^[ァ-ヶー]{2,4}$/.test(next.surface) && !isEverydayLoanword(next.surface) && !glossaryEntry(next.surface)) {
        name += next.surface;
        j++;
      }
      const before = tokens[i - 1];
      if (token.posDetail[2] === "名" && before && before.pos === "名詞" && !properNounKind(before) && /^[\u3400-\u9fff々ァ-ヶー]{1,3}$/.test(before.surface) && before.posDetail[0] !== "接尾") {
        name = before.surface + name;
      }
      if (name.length >= 2 && !/^[\u3041-\u309f]+$/.test(name)) out.push({ text: name, kind: "person" });
      i = j;
    } else if (kind === "organisation") {
      if (token.surface.length >= 2 && !isPublicName(token.surface) && !NOT_A_NAME.test(token.surface)) out.push({ text: token.surface, kind: "company" });
    } else if (kind === "place" && token.posDetail[2] !== "国") {
      const next = tokens[i + 1];
      if (next && FACILITY.test(next.surface) && !/^(?:東京|日本|大阪|京都|北海道)$/.test(token.surface)) out.push({ text: token.surface, kind: "company" });
    }
  }
  return out;
}

/**
 * Every person and organisation a row names, from all of its input cells: what the row reveals by
 * its wording (…様, …御中, …と申します, 株式会社…, the client's own business, a site or shop named by
 * the client) and, with kuromoji, what the dictionary knows as a person's, an organisation's or a
 * local place's name. Public institutions and platforms everyone knows (警視庁, IPA, Facebook) and
 * words that merely stand where a name would (お客様, 担当者, 弊社) are not names.
 */
export function collectRowNames(texts: readonly string[], morphology?: Morphology): RowName[] {
  const found = new Map<string, RowName>();
  // `marked`: the text itself marks the word as a private party's name (a legal form, a trade word in
  // quotes, 御中, a role): only the strict list of public bodies and brands overrides that, not the
  // glossary's broad test that takes any …センター or …協会 for an institution.
  const keepName = (raw: string, kind: RowName["kind"], marked = false) => {
    const text = raw.trim().replace(/^[・&]+|[・&]+$/g, "");
    if (text.length < 2 || NOT_A_NAME.test(text) || (marked ? isPublicEntity(text) : isPublicBareName(text))) return;
    // A domain word is never a name the row reveals (偽ショップ, Facebook, ランサムウェア).
    if (glossaryEntry(text)) return;
    // A placeholder such as 〇〇 or （担当） is already anonymous.
    if (/^[〇◯△□○×＊*]+$/.test(text)) return;
    if (!found.has(text)) found.set(text, { text, kind });
    // 砂川トウコさん … 砂川は先月: the family name alone names the same person.
    const family = kind === "person" ? /^([\u3400-\u9fff々](?:[ノヶケ]?[\u3400-\u9fff々]){1,3})[ァ-ヶー]{2,}$/.exec(text)?.[1] : undefined;
    if (family && !found.has(family) && !NOT_A_NAME.test(family) && !isPublicName(family)) found.set(family, { text: family, kind });
  };
  for (const raw of texts) {
    if (!raw) continue;
    const text = raw.normalize("NFKC");
    // Everyday words of the field are no one's name: what is found only inside them is not kept.
    let everyday: { start: number; end: number }[] | undefined;
    const keep = (name: string, kind: RowName["kind"], marked = false) => {
      everyday ??= everydayWordSpans(text);
      if (!onlyInEverydayWords(name.trim(), text, everyday)) keepName(name, kind, marked);
    };
    for (const { kind, trigger, pattern, descriptive, katakanaName, tradeName } of REVEALING) {
      if (trigger && !trigger.test(text)) continue;
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        const name = m[1];
        if (descriptive && DESCRIPTION.test(name)) continue;
        // セキュリティ企画, システム設計: a katakana word of the trade, not a business's name.
        if (tradeName && genericWord(/^[ァ-ヶー]+/.exec(name)?.[0] ?? "")) continue;
        // 総務の迷惑メール is not a person: the katakana part must not be an everyday word.
        if (katakanaName) {
          const given = /[ァ-ヶー]+$/.exec(name)?.[0] ?? "";
          if (isEverydayLoanword(given) || glossaryEntry(given)) continue;
        }
        if (kind === "person") {
          // 総務部 見本花子, 見本 太郎: each part that is not a role or department, and the whole name when none is.
          const parts = name.split(/[ 　]+/).filter((part) => !ROLE.test(part));
          if (parts.length === name.split(/[ 　]+/).length) keep(name, kind);
          if (parts.length > 1 || parts.join("") !== name) for (const part of parts) keep(part, kind);
        } else keep(name, kind);
      }
    }
    // The general name rules of masking (NFKC is the half-width view they expect): whatever they would mask is a name of this row.
    const view = text;
    for (const rule of NAME_RULES) {
      if (!rule.trigger.test(view)) continue;
      rule.pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.pattern.exec(view)) !== null) {
        const span = rule.replace(m, view);
        if (span) keep(text.slice(span.start, span.end), rule.kind === "person" ? "person" : "company", true);
      }
    }
    // The line above an addressee (株式会社…／…様) is the addressee's organisation.
    for (const m of text.matchAll(/^[^\S\n]*([^\s。、：:]{2,30})[^\S\n]*\n(?=[^\n]{1,24}(?:様|殿|御中)[^\S\n]*$)/gm)) {
      if (!/回答|返信|連絡|以下|下記/.test(m[1])) keep(m[1], "company");
    }
    if (morphology?.name === "kuromoji") for (const name of tokenNames(text, morphology)) keep(name.text, name.kind);
  }
  return [...found.values()];
}
