/**
 * Names that are advice, not private data: public bodies a reader should contact and the brands that
 * phishing and fraud imitate (「三井住友銀行を名乗るSMS」「ヤマト運輸の不在通知を装う」). Masking would make
 * the advice useless, so the name rules of `privacy.ts` leave these alone even when they carry a legal
 * form (日本マイクロソフト株式会社) or a trade word (ヤマト運輸). Written for this project from general
 * knowledge; the glossary's platforms and institutions count as public too.
 */
import { glossaryEntry, isPublicName } from "../text";

/** Whole names of public bodies beyond the glossary's (a name with one of these is public). */
const PUBLIC_BODIES = [
  "IPA", "情報処理推進機構", "警察庁", "警視庁", "国民生活センター", "消費生活センター", "消費者庁", "消費者ホットライン",
  "総務省", "経済産業省", "金融庁", "国税庁", "デジタル庁", "内閣サイバーセキュリティセンター", "NISC", "個人情報保護委員会",
  "JPCERT", "JPCERTコーディネーションセンター", "日本サイバー犯罪対策センター", "JC3", "フィッシング対策協議会",
  "セーファーインターネット協会", "日本データ通信協会", "迷惑メール相談センター", "違法・有害情報相談センター",
  "日本司法支援センター", "法テラス", "東京都中小企業振興公社", "中小企業基盤整備機構", "商工会議所", "商工会",
  "日本年金機構", "日本郵便", "日本郵政", "ゆうちょ銀行", "NHK", "日本放送協会", "全国銀行協会", "日本クレジット協会",
];

/** Brands that fraud imitates and that advice names: banks, cards, carriers, delivery, shops, platforms. */
const BRANDS = [
  "三菱UFJ", "三井住友", "みずほ", "りそな", "ゆうちょ", "楽天", "PayPay", "住信SBI", "SBI", "auじぶん", "セブン銀行", "イオン",
  "ソニー銀行", "GMOあおぞら", "信用金庫", "JCB", "VISA", "Visa", "Mastercard", "アメリカン・エキスプレス", "American Express", "AMEX",
  "ダイナースクラブ", "エポス", "オリコ", "ニコス", "UCカード", "セゾン", "ビューカード", "dカード",
  "NTTドコモ", "ドコモ", "docomo", "KDDI", "au", "ソフトバンク", "SoftBank", "ワイモバイル", "Y!mobile", "UQ", "NTT東日本", "NTT西日本", "NTT",
  "ヤマト運輸", "クロネコヤマト", "佐川急便", "西濃運輸", "福山通運", "日本郵便", "郵便局", "DHL", "FedEx",
  "Amazon", "アマゾン", "Apple", "アップル", "App Store", "Google", "グーグル", "Google Play", "Microsoft", "マイクロソフト",
  "Yahoo", "ヤフー", "LINE", "LINEヤフー", "メルカリ", "PayPal", "ペイパル", "Netflix", "ネットフリックス", "Facebook", "Meta",
  "Instagram", "X", "TikTok", "YouTube", "ZOZO", "ユニクロ", "ヨドバシ", "ビックカメラ", "ニトリ", "無印良品", "セブン-イレブン",
  "ファミリーマート", "ローソン", "トレンドマイクロ", "ウイルスバスター", "ノートン", "マカフィー", "McAfee", "カスペルスキー", "ESET",
  "シマンテック", "Adobe", "アドビ", "Zoom", "Dropbox", "Salesforce", "Cisco", "シスコ", "Fortinet", "フォーティネット", "Pulse Secure",
  "BASE", "STORES", "Shopify", "カラーミー", "ココナラ", "ジモティー", "食べログ", "ホットペッパー", "じゃらん", "楽天トラベル",
  "東京電力", "東京ガス", "NHK", "国税", "年金", "マイナポータル",
];

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[\s　]+/g, "");

const PUBLIC_WHOLE = new Set(PUBLIC_BODIES.map(fold));
/** Short latin brands (au, X, UQ, JCB) count only as the whole name: as a part they are any three letters. */
const isShort = (brand: string) => /^[a-z0-9!]{1,3}$/.test(brand);
const SHORT_BRANDS = new Set(BRANDS.map(fold).filter(isShort));
const BRAND_PARTS = BRANDS.map(fold).filter((b) => !isShort(b));

const scriptOf = (c: string | undefined): string =>
  c === undefined ? "" : /[a-z0-9]/.test(c) ? "latin" : /[\u30a0-\u30ff]/.test(c) ? "katakana" : /[\u3400-\u9fff々]/.test(c) ? "kanji" : /[\u3040-\u309f]/.test(c) ? "hiragana" : "other";

/** `brand` inside `key` as a word of its own: not glued to letters of its own script (ライオン is not イオン, online is not LINE). */
function containsBrand(key: string, brand: string): boolean {
  for (let at = key.indexOf(brand); at >= 0; at = key.indexOf(brand, at + 1)) {
    const first = scriptOf(brand[0]);
    const before = scriptOf(key[at - 1]);
    const after = scriptOf(key[at + brand.length]);
    if (before === first) continue;
    if (first === "latin" && after === "latin") continue;
    return true;
  }
  return false;
}

/**
 * A name that advice may print: a public body or a brand everyone knows, with or without a legal form
 * or a trade word around it (日本マイクロソフト株式会社, 楽天カード, 三井住友銀行).
 */
export function isPublicEntity(name: string): boolean {
  const key = fold(name);
  if (key.length === 0) return false;
  if (PUBLIC_WHOLE.has(key) || SHORT_BRANDS.has(key)) return true;
  if (BRAND_PARTS.some((brand) => containsBrand(key, brand))) return true;
  for (const body of PUBLIC_WHOLE) if (body.length >= 3 && key.includes(body)) return true;
  const entry = glossaryEntry(name);
  return entry !== undefined && (entry.kind === "platform" || entry.kind === "institution");
}

/**
 * Public for names found without a legal form: the glossary's test (which also takes any …センター,
 * …協会, …機構 as an institution) or the list above. A name with a legal form must pass
 * `isPublicEntity` instead: 一般社団法人みどり野支援センター is a private association.
 */
export function isPublicBareName(name: string): boolean {
  return isPublicName(name) || isPublicEntity(name);
}
