/**
 * Forms of private data the older rules missed, each a pattern over the detector's normalised view
 * (NFKC, invisible characters removed, kanji digits read: see view.ts). Every pattern is linear on
 * long runs: repetitions are bounded and a match may not start inside a run of its own characters
 * (a lookbehind), so a 100,000-letter cell costs one pass, not one pass per letter.
 */

export type FormKind = "person" | "company" | "email" | "phone" | "address" | "account" | "card" | "mynumber" | "birthdate";

export interface Form {
  kind: FormKind;
  /** The pattern can only match a text this matches (most cells carry no digits after 支店, no @ …). */
  trigger: RegExp;
  pattern: RegExp;
  /** The private span of a match (view offsets), or undefined to keep it. Default: the whole match. */
  span?: (m: RegExpExecArray, view: string) => { start: number; end: number } | undefined;
}

/** The span of capture group `n` (the private part; the words around it stay). */
const group = (n: number) => (m: RegExpExecArray) => {
  const value = m[n];
  if (value === undefined) return undefined;
  const start = m.index + m[0].indexOf(value, n > 1 && m[n - 1] ? m[0].indexOf(m[n - 1]) + m[n - 1].length : 0);
  return { start, end: start + value.length };
};

const digitsOf = (text: string) => text.replace(/\D/g, "");

/** Public numbers a page may carry (the guidebook's desks). */
const PUBLIC_DIGITS = new Set(["0358051731", "0335814321", "0359787509", "0570078374", "188"]);

// ---- phones ----------------------------------------------------------------------------------------

/** Separators people put between the groups of a phone number: hyphens, dots, spaces, slashes, brackets. */
const SEP = "[-‐‑–—―−ー.･・/ ]?";
const PHONE =
  `(?<![\\d])(?:\\+81${SEP}\\(?0?[1-9]\\d{0,3}\\)?|\\(0\\d{1,4}\\)|0\\d{1,4})${SEP}(?:\\(\\d{1,4}\\)|\\d{1,4})${SEP}\\d{3,4}(?!\\d)`;

const phone: Form = {
  kind: "phone",
  trigger: /\d{2}/,
  pattern: new RegExp(PHONE, "g"),
  span: (m) => {
    const digits = digitsOf(m[0]);
    const national = m[0].startsWith("+81") ? `0${digits.slice(2).replace(/^0/, "")}` : digits;
    if (PUBLIC_DIGITS.has(national) || national.length < 10 || national.length > 11) return undefined;
    // 2-12 安全な… or 1-9 (categories), 2024.04.01 (a date): a phone number starts with 0 or +81.
    return { start: m.index, end: m.index + m[0].length };
  },
};

// ---- e-mail ----------------------------------------------------------------------------------------

const LOCAL = "[A-Za-z0-9._%+-]{1,64}";
const DOMAIN = "[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,6}";
/** taro@example.co.jp and its disguises: [at], (at), " at ", アットマーク, ＠ (NFKC), %40 in a URL. */
const emailDisguised: Form = {
  kind: "email",
  trigger: /@|at\b|アットマーク|%40/i,
  pattern: new RegExp(
    `(?<![A-Za-z0-9._%+-])${LOCAL}\\s?(?:@|%40|\\[at\\]|\\(at\\)|\\{at\\}|<at>|\\s(?:at|AT)\\s|\\s?アットマーク\\s?|\\s?あっと\\s?)\\s?${DOMAIN}(?![A-Za-z0-9-])`,
    "g",
  ),
};
/** taro at example dot co dot jp. */
const emailSpelled: Form = {
  kind: "email",
  trigger: /\sdot\s/i,
  pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}\s(?:at|\[at\]|\(at\))\s[A-Za-z0-9-]{1,63}(?:\s(?:dot|\[dot\]|\(dot\))\s[A-Za-z0-9-]{1,63}){1,6}(?![A-Za-z0-9-])/gi,
};

// ---- addresses -------------------------------------------------------------------------------------

/** Letters of a town's name: kanji, katakana, and the hiragana が and の (自由が丘, 丸の内), never a particle first. */
const PLACE_START = "[\\u3400-\\u9fff々ァ-ヺ]";
const PLACE_CHAR = "[\\u3400-\\u9fff々〆ヶケがのノァ-ヺー]";
/**
 * A street address without 〒 and without a ward: a place name, then three numbers (丸の内1-1-1,
 * 自由が丘2-9-17) or 丁目 with 番/番地 (霞が関3丁目5番8号, 丸の内1丁目1番1号). Two bare numbers
 * (2-12, a guidebook item) are not an address.
 */
const streetAddress: Form = {
  kind: "address",
  trigger: /\d(?:丁目|-\d{1,4}-\d)/,
  pattern: new RegExp(
    `(?:(?:東京都|北海道|(?:京都|大阪)府|[\\u3400-\\u9fff]{2,3}県)?[\\u3400-\\u9fff々ヶ]{1,6}?[区市町村郡])?` +
      `${PLACE_START}${PLACE_CHAR}{0,9}?` +
      `(?:\\d{1,4}丁目\\s?\\d{1,5}(?:番地?|-)\\s?(?:\\d{1,5}(?:号|-\\d{1,5})?)?|\\d{1,4}丁目(?:\\d{1,5})?|\\d{1,4}-\\d{1,5}-\\d{1,5}(?:-\\d{1,5})?(?:号)?)`,
    "g",
  ),
};
/** 〒100-0005 alone (the older rule needs a street after it). */
const postalCode: Form = { kind: "address", trigger: /〒/, pattern: /〒\s?\d{3}-?\d{4}(?!\d)/g };

// ---- bank accounts ---------------------------------------------------------------------------------

/** An account number after a bank or branch, without the word 口座 (みずほ銀行 渋谷支店 1234567). */
const accountAfterBank: Form = {
  kind: "account",
  trigger: /銀行|支店|信用金庫|信金|信用組合|ゆうちょ|出張所|営業部/,
  pattern: /(?:銀行|支店|信用金庫|信金|信用組合|ゆうちょ|出張所|営業部)[^\d\n。]{0,12}?(?:普通|当座|貯蓄)?\s?[:：]?\s?(?<!\d)(\d{6,9})(?!\d)/g,
  span: group(1),
};
/** ゆうちょ: 記号 12345 番号 12345678, or 10120-12345671. */
const yuchoSymbol: Form = {
  kind: "account",
  trigger: /記号|ゆうちょ/,
  pattern: /(?:記号\s?[:：]?\s?\d{5}(?:\s?[-、,]?\s?番号)?\s?[:：]?\s?\d{6,8}|(?<!\d)1\d{4}-\d{6,8}(?!\d)|記号\s?[:：]?\s?\d{5}(?!\d))/g,
};
/** 番号 or 口座 followed by 6–9 digits. */
const numberedAccount: Form = {
  kind: "account",
  trigger: /口座|番号|普通|当座/,
  pattern: /(?:口座(?:番号)?|普通(?:預金)?|当座(?:預金)?)\s?(?:は|:|：)?\s?(?:No\.?\s?)?(?<!\d)(\d{6,9})(?!\d)/g,
  span: group(1),
};

// ---- cards, マイナンバー, birth dates ----------------------------------------------------------------

/** 14–19 digits in groups (a 15-digit card: 3782 822463 10005), or in one run. */
const card: Form = {
  kind: "card",
  trigger: /\d{4}/,
  pattern: /(?<![\d-])\d{4}[- ]?\d{4,6}[- ]?\d{4,5}(?:[- ]?\d{1,4})?(?![\d-])/g,
  span: (m) => {
    const n = digitsOf(m[0]).length;
    return n >= 14 && n <= 19 ? { start: m.index, end: m.index + m[0].length } : undefined;
  },
};
const myNumber: Form = {
  kind: "mynumber",
  trigger: /マイナンバー|個人番号|\d{4}[- ]\d{4}[- ]\d{4}/,
  pattern: /(?:(?:マイナンバー|個人番号)(?:カード)?(?:の番号)?\s?(?:は|:|：)?\s?)?(?<![\d-])(\d{4}[- ]?\d{4}[- ]?\d{4})(?![\d-])/g,
  span: (m) => {
    // Twelve digits in three groups of four, or any twelve after the word: never a phone number (10–11).
    const cued = /マイナンバー|個人番号/.test(m[0]);
    if (!cued && !/^\d{4}[- ]\d{4}[- ]\d{4}$/.test(m[1])) return undefined;
    const start = m.index + m[0].lastIndexOf(m[1]);
    return { start, end: start + m[1].length };
  },
};
const DATE = "(?:(?:19|20)\\d{2}\\s?[年/.-]\\s?\\d{1,2}\\s?[月/.-]\\s?\\d{1,2}日?|(?:昭和|平成|令和|大正|[SHRT])\\s?\\d{1,2}\\s?[年.]\\s?\\d{1,2}\\s?[月.]\\s?\\d{1,2}日?)";
const birthDate: Form = {
  kind: "birthdate",
  trigger: /生|誕生/,
  pattern: new RegExp(`(?:生年月日|誕生日|生まれ年)\\s?(?:は|:|：)?\\s?(${DATE})|(${DATE})\\s?(?:生まれ|生)(?![活産成徒命協鮮])`, "g"),
  span: (m) => {
    const value = m[1] ?? m[2];
    const start = m.index + m[0].indexOf(value);
    return { start, end: start + value.length };
  },
};

// ---- people and organisations ----------------------------------------------------------------------

/** Latin words that are products, services or plain English, never a person's name here. */
const LATIN_NOT_NAMES = /^(?:Dear|Hello|Hi|Thank|Thanks|Please|Security|Action|Account|Support|Service|Center|Centre|Team|Mail|Windows|Office|Google|Amazon|Apple|Microsoft|Prime|Store|Japan|Tokyo|Osaka|Bank|Card|Online|Login|Update|Notice|Alert|Warning)$/i;
/** A romanised Japanese name (Hepburn or Kunrei syllables): Taro, Yamada, Kenji, Shun'ichi. */
const ROMAJI = /^(?:(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|ts|j|f|[kgsztdnhbpmyrw])?[aiueo]{1,2}|n'?)+$/i;
const isRomajiName = (word: string) => word.length >= 2 && ROMAJI.test(word) && !LATIN_NOT_NAMES.test(word);

/** Mr. Yamada, Ms. Hanako Suzuki, Dear Kenji Watanabe: a title, then capitalised words. */
const latinTitled: Form = {
  kind: "person",
  trigger: /\b(?:Mr|Mrs|Ms|Miss|Dr|Dear|Prof)\b/,
  pattern: /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s([A-Z][a-z'-]{1,20}(?:\s[A-Z][a-z'-]{1,20}){0,2})|\bDear\s([A-Z][a-z'-]{1,20}(?:\s[A-Z][a-z'-]{1,20}){0,2})/g,
  span: (m) => {
    const value = m[1] ?? m[2];
    if (!m[1] && value.split(/\s/).every((w) => LATIN_NOT_NAMES.test(w))) return undefined;
    const start = m.index + m[0].lastIndexOf(value);
    return { start, end: start + value.length };
  },
};
/** Taro Yamada: two capitalised words that are both romanised Japanese. */
const latinName: Form = {
  kind: "person",
  trigger: /[A-Z][a-z]+\s[A-Z][a-z]+/,
  pattern: /(?<![A-Za-z])([A-Z][a-z']{1,15})\s([A-Z][a-z']{1,15})(?![A-Za-z])/g,
  span: (m) => (isRomajiName(m[1]) && isRomajiName(m[2]) ? { start: m.index, end: m.index + m[0].length } : undefined),
};
/** Minato Trading Co., Ltd., Sakura Robotics Inc.: capitalised words before a latin legal form. */
const latinCompany: Form = {
  kind: "company",
  trigger: /\b(?:Co|Inc|Corp|Corporation|LLC|Ltd|Limited|K\.K|GmbH|Holdings)\b/,
  pattern: /(?<![A-Za-z&])[A-Z][A-Za-z0-9&'-]{0,30}(?:\s(?:[A-Z][A-Za-z0-9&'-]{0,30}|&|and|of)){0,4},?\s(?:Co\.,?\s?Ltd\.?|Co\.|Inc\.?|Corp\.?|Corporation|LLC|Ltd\.?|Limited|K\.K\.|GmbH|Holdings)(?![A-Za-z])/g,
};

/** Words that say who someone is at a client's business, before their name (経理の高橋, 担当の山田太郎): privacy-names.ts reads them. */
export const ROLE_BEFORE = "友人|知人|友だち|友達|先輩|後輩|代表|会長|専務|常務|店主|オーナー|事務員|店員|作業員|職員|施設長|園長|院長|看護師|保育士|講師|ドライバー|スタッフ|マネージャー|デザイナー|エンジニア|担当|経理|総務|営業|人事|広報|店長|上司|部下|同僚|事務|受付|窓口|社長|部長|課長|係長|主任|秘書|社員|従業員|パート|アルバイト";
/** What follows a family name in a sentence: particles, honorifics, brackets, punctuation. */
export const AFTER_NAME = "(?:から|より|宛|あて|が|は|に|へ|と|も|の|さん|様|氏|（|\\(|、|。|\\s|$)";
/**
 * Nouns that follow 経理の/営業の/担当の as things, not people (経理の処理, 営業の電話, 担当の部署).
 * Checked on the first characters after の; any word ending like an office (…課, …者) counts too.
 */
export const NOT_A_PERSON_AFTER_ROLE =
  /^(?:者|方|人|一人|二人|数人|何人|一部|多く|大半|半数|患者|利用者|皆|全員|一同|部署|部門|課|係|窓口|仕事|業務|処理|作業|電話|メール|時間|件|話|方針|判断|手続|書類|資料|担当|責任|範囲|内容|連絡|報告|確認|対応|指示|記録|作成|管理|社員|職員|従業員|人員|不在|会議|打合せ|打ち合わせ|予定|都合|交代|引継ぎ|引き継ぎ|経費|支払|請求|振込|入金|処理|パソコン|端末|アカウント|データ|システム|ファイル|名前|氏名|名義|印|机|席|方々|同僚|上司|部下|部長|課長|係長|社長|店長|主任|所長|最中|際|時|後|前|中|間|為|ため|こと|もの|ところ|分|数|量|額|金|費|料|先|元|側|内|外|上|下|他|別|新人|新任|前任|後任|代理|代行|補佐|派遣|委託|外注|業者|会社|企業|事務所|店|店舗|本人|家族|誰|方法|仕組み|流れ|ルール|規程|規定|研修|教育|体制|経験|知識|担当者)/;

const NAME_KANJI = "[\\u3400-\\u9fff々](?:[ノヶケ]?[\\u3400-\\u9fff々]){0,3}";
/** After a role, two kanji at least: one alone is far more often a noun (事務の子, 経理の方) than 林. */
export const NAME_KANJI_2 = "[\\u3400-\\u9fff々](?:[ノヶケ]?[\\u3400-\\u9fff々]){1,5}";

/** Titles after a family name (林部長, 山岸課長). */
const TITLE = "部長|課長|係長|社長|店長|所長|次長|主任|専務|常務|会長|室長|支店長|工場長|院長|園長|校長|先生";
/** A kanji or two before a title that makes it a compound, not a name (副部長, 本部長, 各課長). */
const NOT_A_NAME_BEFORE_TITLE =
  /^(?:副|本|支|元|前|新|旧|各|全|同|当|現|次|若|代|総|営業|総務|経理|人事|広報|開発|技術|製造|情報|企画|販売|財務|法務|事業|管理|業務|部門|事務|店舗|代表|担当|統括|執行|兼|課|部|室|係|社|店|所|局|署|班|会|校|院|園|工場|支店|本店|本社|支社|営業所|学校|病院|取締役|代表取締役|の|が|は|を|に|で|と|も|へ|や)$/;
const familyThenTitle: Form = {
  kind: "person",
  trigger: new RegExp(TITLE),
  pattern: new RegExp(`(?<![\\u3400-\\u9fff々ノヶケ])(${NAME_KANJI})(?:${TITLE})(?![室会職級室])`, "g"),
  span: (m) => {
    // 営業本部長, 営業副部長: a department before the title; 山本部長 is a name (two kanji and 本).
    if (NOT_A_NAME_BEFORE_TITLE.test(m[1]) || /[部課室係店社所局署班会者員長業務理画売術造発当口場副支総]$/.test(m[1]) || /^.{2,}本$/.test(m[1])) return undefined;
    return { start: m.index, end: m.index + m[1].length };
  },
};

export const FORMS: readonly Form[] = [
  emailDisguised,
  emailSpelled,
  card,
  myNumber,
  birthDate,
  phone,
  yuchoSymbol,
  accountAfterBank,
  numberedAccount,
  postalCode,
  streetAddress,
  latinCompany,
  latinTitled,
  latinName,
  familyThenTitle,
];
