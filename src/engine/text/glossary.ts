/**
 * Domain glossary: the spellings an editor publishes as FAQ search tags, and the variants clients
 * write (width, long-vowel and small-kana habits, typos, short forms, English vs katakana).
 *
 * Two layers:
 * - data: each canonical term with the variants that no rule can derive (インスタ → Instagram,
 *   ネットバンク → インターネットバンキング); its kind says whether it is a public name (an institution,
 *   a platform or product everyone knows) that masking and the name filters must leave alone;
 * - rules (`foldSpelling`): NFKC width folding; a doubled sokuon or long-vowel mark (メッッセージ);
 *   a small vowel kana repeating the vowel before it written for a long vowel (コピィー → コピー); and a
 *   katakana or latin word one letter away from a glossary term (アカント → アカウント, Tsyss → TCYSS,
 *   ドメイ → ドメイン), applied inside compounds too (違法コピィー → 違法コピー).
 */

import { withinOneEdit } from "./text";

export type GlossaryKind =
  /** A threat or fraud (フィッシング, ランサムウェア). */
  | "threat"
  /** A technique, device or security measure (多要素認証, VPN). */
  | "technology"
  /** A platform, product or service everyone knows by name (Facebook, Windows). Public: never masked. */
  | "platform"
  /** A public institution or public programme (警視庁, IPA, TCYSS). Public: never masked. */
  | "institution";

export interface GlossaryEntry {
  term: string;
  kind: GlossaryKind;
  /** Spellings that fold into `term` and that the rules below cannot derive. */
  variants: string[];
}

/** "term|variant|variant" per line, grouped by kind. Written for this project. */
const DATA: Record<GlossaryKind, string> = {
  threat: `
フィッシング|フィシング|フイッシング
フィッシングメール|フィッシングメイル
フィッシングサイト
スミッシング
ランサムウェア|ランサムウエア|ランサムウェアー|ランサム
マルウェア|マルウエア
ウイルス|ウィルス|ヴィルス|ウイルスー
コンピューターウイルス|コンピュータウイルス|コンピュータウィルス
ビジネスメール詐欺|BEC詐欺
サポート詐欺|テクニカルサポート詐欺
ワンクリック詐欺|ワンクリック請求
架空請求|架空請求メール
偽警告|偽の警告|偽セキュリティ警告|偽のセキュリティ警告|偽造警告
迷惑メール|スパムメール|スパムメイル|スパム
なりすまし|成りすまし|成り済まし|なり済まし
なりすましメール
なりすましECサイト|なりすましEC
偽サイト|偽物サイト|偽装サイト
偽ショップ
不正ログイン|不正ログオン
不正アクセス
不正送金
乗っ取り|乗取り|のっとり
標的型攻撃|標的型メール攻撃
標的型攻撃メール|標的型メール
DDoS攻撃|DDoS|DoS攻撃
情報漏えい|情報漏洩|情報漏れ|情報流出
個人情報漏えい|個人情報漏洩|個人情報流出
クレジットカード情報|カード情報
誹謗中傷|ひぼう中傷|誹謗・中傷
風評被害
脆弱性|ぜい弱性
改ざん|改竄
Webサイト改ざん|ホームページ改ざん|サイト改ざん|Web改ざん|HP改ざん
Emotet|エモテット
遠隔操作
チャージバック
`,
  technology: `
パスワード|パスワ-ド|パスワト|PW
ワンタイムパスワード|ワンタイムPW|OTP
多要素認証|多段階認証|二要素認証|2要素認証|MFA
二段階認証|2段階認証
アカウント|アカウンㇳ
メールアドレス|メアド|Eメールアドレス|eメールアドレス
メールアカウント
メッセージ|メッセイジ
SMS|ショートメッセージ|ショートメール|SMSメッセージ
セキュリティ|セキュリティー|セキユリティ
セキュリティソフト|セキュリティーソフト
ウイルス対策ソフト|アンチウイルスソフト
セキュリティ対策
コンピューター|コンピュータ
パソコン|パーソナルコンピューター
PC
サーバー|サーバ
ユーザー|ユーザ
ブラウザー|ブラウザ
ルーター|ルータ
プロバイダー|プロバイダ
ドメイン|ドメイン名
アップデート|アップデイト
バックアップ|バックアツプ
ファイアウォール|ファイヤーウォール|ファイアーウォール|ファイアウオール
ソフトウェア|ソフトウエア
ファームウェア|ファームウエア
インターネットバンキング|ネットバンキング|ネットバンク|オンラインバンキング|インターネットバンク
クレジットカード|クレカ|クレジット|クレジット番号|クレジットカード番号
電子マネー|ギフトカード|プリペイドカード
コピー|コピィー|コピイ
ダウンロード|DL
インストール
アンインストール
ログイン|ログオン
サインイン
ホームページ|HP
メール|Eメール|eメール|Email|E-mail
添付ファイル
リモートデスクトップ|RDP
VPN|VPN機器|VPN装置
UTM|統合脅威管理
NAS
IoT|IoT機器
USBメモリ|USBメモリー
テレワーク|リモートワーク|在宅勤務
暗号化
サイバー
サイバーセキュリティ|サイバーセキュリティー
サイバー攻撃
サイバー保険
サイバー犯罪
`,
  platform: `
Facebook|フェイスブック|フェースブック|Faceブック
Instagram|インスタグラム|インスタ
Twitter|ツイッター|旧ツイッター
LINE
YouTube|ユーチューブ|ようつべ
TikTok|ティックトック
Google|グーグル
グーグルマップ|Googleマップ|Google Map|GoogleMap|グーグルマップス
Gmail|ジーメール
Yahoo|ヤフー|Yahoo!
Yahoo検索|ヤフー検索|Yahoo!検索
Microsoft|マイクロソフト
Microsoft 365|Microsoft365|Office365|Office 365|M365
Windows|ウィンドウズ|ウインドウズ
Apple|アップル
iPhone|アイフォン|アイフォーン|I-phone|Iphone
Android|アンドロイド
Amazon|アマゾン
楽天
メルカリ
WordPress|ワードプレス
Zoom|ズーム
ウイルスバスター
Chrome|クローム
`,
  institution: `
警視庁
警察庁
IPA|情報処理推進機構
JPCERT/CC|JPCERT|JPCERTコーディネーションセンター
JC3|日本サイバー犯罪対策センター
NISC|内閣サイバーセキュリティセンター
国民生活センター
消費生活センター|消費者センター|消費者生活センター
消費者ホットライン
法テラス|日本司法支援センター
フィッシング対策協議会
セーファーインターネット協会
なりすましECサイト対策協議会
東京都中小企業振興公社|中小企業振興公社|振興公社
TCYSS|ティーサイス
サイバー犯罪対策課
サイバーセキュリティ対策本部
総務省
経済産業省|経産省
個人情報保護委員会
`,
};

export const GLOSSARY: readonly GlossaryEntry[] = (Object.keys(DATA) as GlossaryKind[]).flatMap((kind) =>
  DATA[kind]
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [term, ...variants] = line.split("|");
      return { term, kind, variants };
    }),
);

/** Case-insensitive NFKC key, the same folding the matching uses everywhere. */
function keyOf(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const ENTRY_OF_KEY = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) {
  for (const spelling of [entry.term, ...entry.variants]) {
    const key = keyOf(spelling);
    if (!ENTRY_OF_KEY.has(key)) ENTRY_OF_KEY.set(key, entry);
  }
}

/**
 * Every spelling in a character trie, matched longest-first at each position from the left: a term
 * starting earlier wins over one inside it (インターネットバンキング is not rewritten at its ネットバンキング).
 * Latin spellings must not be glued to other latin letters (PC in "PCR"). A trie, not one regular
 * expression of 400 alternatives: folding a whole case text costs a pass over it, not 400.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set when a spelling ends here. */
  spelling?: string;
}
const TRIE: TrieNode = { next: new Map() };
for (const key of ENTRY_OF_KEY.keys()) {
  let node = TRIE;
  for (const ch of key) {
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map() };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.spelling = key;
}

const LATIN = /[a-z0-9]/;

/** The longest spelling starting at `at` in the lower-cased text, respecting latin word boundaries. */
function spellingAt(lower: string, at: number): string | undefined {
  if (LATIN.test(lower[at]) && at > 0 && LATIN.test(lower[at - 1])) return undefined;
  let node: TrieNode | undefined = TRIE;
  let best: string | undefined;
  for (let i = at; i < lower.length && node; i++) {
    node = node.next.get(lower[i]);
    if (node?.spelling && !(LATIN.test(lower[i]) && i + 1 < lower.length && LATIN.test(lower[i + 1]))) best = node.spelling;
  }
  return best;
}

/** Spellings the fuzzy rule may fold into: katakana and latin terms and variants of 4+ characters. */
const FUZZY_TARGETS: string[] = [...ENTRY_OF_KEY.keys()].filter((k) => k.length >= 4 && /^(?:[ァ-ヶー]+|[a-z]+)$/.test(k));

/** Vowel of each katakana (ア-row … オ-row), to read a small vowel after it as a long vowel. */
const VOWEL_ROWS = ["アカサタナハマヤラワガザダバパァャヮ", "イキシチニヒミリギジヂビピィ", "ウクスツヌフムユルグズヅブプゥュヴ", "エケセテネヘメレゲゼデベペェ", "オコソトノホモヨロヲゴゾドボポォョ"];
const SMALL_VOWELS = "ァィゥェォ";

function vowelRow(ch: string): number {
  return VOWEL_ROWS.findIndex((row) => row.includes(ch));
}

/** Orthographic habits that change no meaning: doubled ッ/ー, a small vowel used as a long vowel (コピィー). */
export function normalizeKatakana(word: string): string {
  let out = "";
  for (const ch of word) {
    const prev = out.charAt(out.length - 1);
    const small = SMALL_VOWELS.indexOf(ch);
    if (small >= 0 && prev && vowelRow(prev) === small) {
      out += "ー";
      continue;
    }
    out += ch;
  }
  return out.replace(/ッ{2,}/g, "ッ").replace(/ー{2,}/g, "ー");
}

/**
 * The glossary term a katakana or latin word is a misspelling of: one letter dropped from a term
 * (アカント → アカウント, ドメイ → ドメイン), or, in words of 5+ letters, one letter changed or added
 * (Tsyss → TCYSS). A changed letter in a shorter word is too often another word (サイバー/サーバー).
 */
function fuzzyTerm(word: string): GlossaryEntry | undefined {
  const key = keyOf(word).replace(/(?<=[a-z])-(?=[a-z])/g, "");
  if (key.length < 3 || ENTRY_OF_KEY.has(key)) return ENTRY_OF_KEY.get(key);
  const latin = /^[a-z]+$/.test(key);
  // Short latin words are too often other words or abbreviations (Gmail/email).
  if (latin && key.length < 5) return undefined;
  for (const target of FUZZY_TARGETS) {
    if (latin !== /^[a-z]/.test(target)) continue;
    const dropped = target.length === key.length + 1;
    if (!dropped && key.length < 5) continue;
    if (withinOneEdit(key, target)) return ENTRY_OF_KEY.get(target);
  }
  return undefined;
}

/**
 * The spelling an editor would publish: glossary variants become the term, then katakana habits and
 * one-letter typos of glossary terms are corrected inside the word. Other text is left as written
 * (after NFKC width folding).
 */
export function foldSpelling(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    const once = foldOnce(word);
    // A fold can complete a variant (ドメイ名 → ドメイン名 → ドメイン).
    folded = once === word ? once : foldOnce(once);
    // The same words (taxonomy terms, the sheet's keywords) are folded on every suggestion: remember them
    // (not whole case texts, which are folded once).
    if (word.length <= 64) {
      if (FOLDED.size >= FOLD_CACHE_SIZE) FOLDED.clear();
      FOLDED.set(word, folded);
    }
  }
  return folded;
}

const FOLD_CACHE_SIZE = 50_000;
const FOLDED = new Map<string, string>();

function foldOnce(word: string): string {
  const nfkc = word.normalize("NFKC");
  const lower = nfkc.toLowerCase();
  // NFKC can change lengths (㈱ → (株)); lower-casing latin and kana does not.
  if (lower.length !== nfkc.length) return nfkc;
  let out = "";
  let cursor = 0;
  for (let at = 0; at < lower.length; ) {
    const found = spellingAt(lower, at);
    if (!found) {
      at++;
      continue;
    }
    const entry = ENTRY_OF_KEY.get(found);
    const end = at + found.length;
    // A short form of a longer term (DDoS for DDoS攻撃, ランサム for ランサムウェア) is that term only as a
    // whole word: inside a compound it is the compound's own word (DDoS対策, ランサムDDoS).
    const shortForm = entry !== undefined && keyOf(entry.term).startsWith(found) && keyOf(entry.term) !== found;
    out += foldRuns(nfkc.slice(cursor, at));
    out += entry && !(shortForm && end < lower.length) ? entry.term : nfkc.slice(at, end);
    cursor = end;
    at = end;
  }
  return out + foldRuns(nfkc.slice(cursor));
}

/** Katakana and latin runs outside known spellings: normalised, then matched fuzzily against the glossary. */
function foldRuns(text: string): string {
  return text.replace(/[ァ-ヶー]+|[A-Za-z]+(?:-[A-Za-z]+)*/g, (run) => {
    const normalized = /^[ァ-ヶー]+$/.test(run) ? normalizeKatakana(run) : run;
    const exact = ENTRY_OF_KEY.get(keyOf(normalized));
    if (exact) return exact.term;
    return fuzzyTerm(normalized)?.term ?? normalized;
  });
}

/** True when the word is a glossary term or one of its listed variants as written (not a typo the rules fixed). */
export function isListedSpelling(word: string): boolean {
  return ENTRY_OF_KEY.has(keyOf(word));
}

/** The glossary entry of a word (after folding), if it is a glossary term. */
export function glossaryEntry(word: string): GlossaryEntry | undefined {
  return ENTRY_OF_KEY.get(keyOf(foldSpelling(word)));
}

/** Katakana words of 2–4 letters that are everyday loanwords, not given names (迷惑メール after 総務の …). */
const LOANWORD = /^(?:メール|コード|マネー|バイト|ポイント|ギフト|アドレス|クラウド|ツール|ボタン|ポップアップ|ウォレット|ネットワーク|レンタル|リース|プラン|ローン|ウェア|マクロ|パッチ|ベンダー?|メーカー|ユーザー?|ホーム|トップ|ニュース|サイト|アプリ|ソフト|データ|ファイル|ページ|リンク|ルール|ログ|パス|キー|カード|レジ|システム|サーバー?|パソコン|スマホ|ネット|ウェブ|ブログ|アカウント|パスワード|ドメイン|チーム|グループ|フォルダ|フォーム|プリンタ|ルーター?|セキュリティ|ウイルス|メモ|リスト|データベース|ケース|チャット|ライン|ゲーム|ショップ|ストア|モール|センター|サポート|サービス|トラブル|ミス|チェック|テスト|コピー|メッセージ)$/;

/** An everyday katakana word, or a glossary term: not a given name written in katakana. */
export function isEverydayLoanword(word: string): boolean {
  return LOANWORD.test(word) || glossaryEntry(word) !== undefined;
}

/** Institutions' words: a name with one of these is a public body, not a private party. */
const PUBLIC_BODY = /警視庁|警察|庁$|省$|都庁|東京都|道府県|市役所|区役所|センター$|協議会$|協会$|機構$|公社$|委員会$|法テラス|^IPA$|JPCERT|JC3|NISC/i;

/** A public institution, platform or product that masking and the name filters leave alone. */
export function isPublicName(name: string): boolean {
  const entry = glossaryEntry(name);
  if (entry && (entry.kind === "platform" || entry.kind === "institution")) return true;
  return PUBLIC_BODY.test(name.normalize("NFKC"));
}
