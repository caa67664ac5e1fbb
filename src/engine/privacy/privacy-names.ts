/**
 * How a text says that a word is the name of a private person or organisation, in any script
 * (kanji, katakana, hiragana, latin): a legal form on either side (有限会社みなと工房, 浜風物産株式会社,
 * (株)…), a trade word after a name (ソラマメ堂, みなと工房, ABC商事), a shop name in quotes
 * (「ことのは雑貨店」), an addressee (…御中), a name in kana before an honorific (ゆかりさん), a name
 * before a role (桐野部長, 宮坂担当). Each rule returns the span to mask and what to put there; it
 * declines (undefined) words that only stand where a name would (営業部長, システム担当, お店) and
 * public bodies and brands that advice names (IPA, 三井住友銀行, 日本マイクロソフト株式会社).
 *
 * The rules run on the same-length half-width view `maskPrivate` makes, so （株） arrives as (株).
 */
import { glossaryEntry, isEverydayLoanword } from "../text";
import { AFTER_NAME, NAME_KANJI_2, NOT_A_PERSON_AFTER_ROLE, ROLE_BEFORE } from "./forms";
import { isPublicEntity } from "./privacy-public";
import type { MaskKind } from "../types";

const HIRA = "\\u3041-\\u3096";
const KATA = "\\u30a1-\\u30fa\\u30fc\\u30fd\\u30fe";
const KANJI = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff々〆";
/** Letters a name is written in other than hiragana (hiragana is also the script of particles). */
const WORD = `${KATA}${KANJI}A-Za-z0-9`;

export const LEGAL_FORM_SOURCE =
  "株式会社|有限会社|合同会社|合資会社|合名会社|(?:一般|公益)(?:社団|財団)法人|特定非営利活動法人|NPO法人|社会福祉法人|医療法人(?:社団|財団)?|学校法人|" +
  "税理士法人|弁護士法人|司法書士法人|行政書士法人|社会保険労務士法人|監査法人|有限責任事業組合|(?:事業|生活)?協同組合|信用組合|協業組合|企業組合|㈱|㈲|㈳|㈶|\\((?:株|有|同|社|財|医)\\)";
const LEGAL_FORM = new RegExp(`^(?:${LEGAL_FORM_SOURCE})$`);
export const LEGAL_FORM_ANYWHERE = new RegExp(LEGAL_FORM_SOURCE, "g");

/** Words of a business's name that say what trade it is in (ミナト精機, みなと工房, ソラマメ堂). */
const TRADE_WORDS =
  "商店|商会|商事|物産|工房|製作所|制作所|制作室|設計室|会計|自動車|製缶|計測|工業|産業|興業|建設|工務店|工務|設計|電設|計装|設備|物流|運輸|精機|電機|電気|印刷|食品|製菓|企画|技研|" +
  "薬局|医院|歯科|クリニック|サロン|[\\u4e00-\\u9fff]{0,7}事務所|農園|ファーム|ベーカリー|スタジオ|[\\u4e00-\\u9fff]{0,2}店|茶舗|本舗|堂|舎|屋|亭|庵";
/** Trade words too short or too common to mark a name written in hiragana (お店, いつもの店). */
const HIRAGANA_TRADE_WORDS = "子ども食堂|食堂|小学校|中学校|高等学校|高校|学園|幼稚園|保育園|こども園|商店|商会|商事|物産|工房|製作所|制作所|制作室|設計室|工業|建設|工務店|工務|設計|印刷|食品|製菓|薬局|医院|歯科|クリニック|サロン|[\\u4e00-\\u9fff]{0,7}事務所|農園|ファーム|ベーカリー|スタジオ|[\\u4e00-\\u9fff]{1,2}店|茶舗|本舗|堂|舎|亭|庵";

const ONLY_A_TRADE_WORD = new RegExp(`^(?:${TRADE_WORDS})$`);

/** Particles that attach to the word before a name and must not be masked with it. */
const PARTICLE_WORDS = "では|には|とは|から|より|まで|への|との|での|にも|でも|とも|の|は|が|を|に|で|と|へ|も|や";
const LEADING_PARTICLE = new RegExp(`^(?:${PARTICLE_WORDS})`);
const TRAILING_PARTICLE = /(?:から|より|まで|では|には|とは|との|への|での|など|の|は|が|を|に|で|と|へ|も|や)$/;
/** 「サンプル商事と㈱テスト」: と is not a name before ㈱. */
const PARTICLES_ONLY = new RegExp(`^(?:${PARTICLE_WORDS})+$`);
const HONORIFIC_TAIL = /(?:様|殿|御中|宛て?|各位)$/;

/** Katakana words that name a kind of shop or a product, not one business (コンビニ店, システム設計). */
const GENERIC_KATAKANA = /^(?:ライバル|ターゲット|メイン|ローカル|パートナー|グループ|トップ|チェーン|コンビニ|チェーン|フランチャイズ|ネット|オンライン|ドラッグ|スーパー|デパート|ホーム|リサイクル|ペット|パソコン|スマホ|ゲーム|メーカー|ソフト|システム|クリーニング|レンタル|ショップ|ストア|セキュリティ|ネットワーク|サーバー?|データ|ウェブ|ホームページ|アプリ|サイト|セレクト|ディスカウント|アウトレット|ブランド|ケーキ|パン|ラーメン|カフェ|レストラン|ホテル|ガソリン|カメラ|メガネ|ゴルフ|スポーツ|ファッション|インテリア|リフォーム|デザイン|イベント|サービス|サポート|メンテナンス|プリンタ|コピー|ギフト|ポイント|カード|デジタル|ペーパー|オフィス|ビル|マンション)$/;
/** Latin words that are technology, not a business (PC工房, IT企画, EC店). */
const GENERIC_LATIN = /^(?:it|ict|ec|sns|pc|iot|ai|dx|oa|web|saas|cms|vpn|lan|wifi|wi-fi|usb|os|sms|pos|atm|qr|id|nas|utm|edr|faq|line|diy|cd|dvd)$/i;
/** Words in quotes or before a trade word that describe a shop rather than name it. */
const DESCRIPTIVE = /偽|不審|なりすまし|悪質|公式|正規|通販|ネットショップ|オンラインショップ|ECサイト|サイト|アプリ|実店舗|店舗|お店|当店|弊店|本店|支店|同店|各店|自店|他店|この店|その店|あの店/;
/** Shops named by their trade alone (喫茶店, 販売店): generic, not a name. */
const GENERIC_SHOP = /^(?:[\u4e00-\u9fff]{1,3}店|[\u4e00-\u9fff]{1,2}(?:堂|舎|屋|亭|庵|工房|商店|事務所|薬局|医院|歯科)|ショップ|ストア|カフェ|サロン|クリニック|スタジオ|ベーカリー|ファーム)$/;

/** Family names cannot be told from these words by shape: departments, roles and ordinary nouns before 部長/担当. */
const NOT_A_FAMILY_NAME =
  /^(?:営業|総務|経理|人事|広報|開発|技術|製造|情報|企画|販売|財務|法務|事業|管理|業務|本部|支店|支社|本社|店舗|代表|部門|事務|受付|窓口|現場|保守|運用|品質|購買|調達|物流|配送|在庫|教育|研修|採用|労務|庶務|秘書|経営|宣伝|渉外|顧客|契約|会計|設計|工場|営業所|電話|対応|案件|個別|専任|社内|社外|外部|内部|地区|地域|取引|取引先|先方|相手|当方|弊社|当社|御社|貴社|同社|会社|新任|前任|後任|担当|施設|学校|病院|銀行|支援|相談|事務局|広告|安全|衛生|防災|警備|施工|工事|制作|編集|出版|印刷|統括|執行|代行|保険|資材|審査|監査|生産|資産|不動産|店長|部長|課長|社長|専務|常務|会長|所長|院長|副|元|前|新|旧|各|全|同|当|現|主|次|若|実|旧|取締役)$/;
/** A kanji word ending in one of these is an office or a function, not a family name (経理課, 製造業). */
const OFFICE_ENDING = /[部課室係店社所局署班院会校庁省科業務報画売術造発当口場者員長門品材務理用]$/;

/** Greetings and kinship words in hiragana before さん/さま (おつかれさま, みなさん): not names. */
const KANA_NOT_A_NAME = /^(?:たく|みな|みんな|おきゃく|おかあ|おとう|おばあ|おじい|おにい|おねえ|おば|おじ|おく|おこ|おじょう|ぼっちゃ|あかちゃ|だんな|おひめ|かみ|おつかれ|ごくろう|おかげ|おせわ|ごちそう|おたがい|どなた|あなた|こちら|そちら|あちら|どちら|おまち|おひさ|おいしゃ|おまわり|おとなり|むすこ|むすめ|おくさ|おやご|ごしゅじ|ごふじ|ごかぞく|おともだち|ともだち|おねが|よろし)$/;

export interface NameRule {
  kind: MaskKind;
  /** A cheap test: the rule can only match a text this matches (most texts carry no legal form, no 御中 …). */
  trigger: RegExp;
  pattern: RegExp;
  replace: (match: RegExpExecArray, view: string) => { start: number; end: number; text: string } | undefined;
}

const PERSON_MASK = "〇〇";
const isHiragana = (c: string | undefined) => c !== undefined && /[\u3041-\u3096]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\u30a1-\u30fa\u30fc\u3400-\u9fff々A-Za-z0-9]/.test(c);

/** A span of `view` with the particles that belong to the words around it trimmed off. */
function trimName(view: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  // 「私はみなと工房株式会社」: は belongs to 私.
  if (isHiragana(view[s]) && isWordChar(view[s - 1])) {
    const lead = LEADING_PARTICLE.exec(view.slice(s, e));
    if (lead && e - s > lead[0].length + 1) s += lead[0].length;
  }
  const tail = HONORIFIC_TAIL.exec(view.slice(s, e));
  if (tail && e - s > tail[0].length + 1) e -= tail[0].length;
  return { start: s, end: e };
}

/** A name in hiragana only: the particle after it is not part of it (株式会社ひまわりから → ひまわり). */
function trimTrailingParticle(view: string, start: number, end: number): number {
  const body = view.slice(start, end);
  if (!/^[\u3041-\u3096]+$/.test(body)) return end;
  const tail = TRAILING_PARTICLE.exec(body);
  return tail && body.length - tail[0].length >= 2 ? end - tail[0].length : end;
}

/** Katakana words that follow a trade word as a description, not a name (教室スタッフ, カフェメニュー). */
const GENERIC_ROLE_WORD = /^(?:スタッフ|メニュー|オーナー|サービス|スペース|コーナー|グループ|チーム|メンバー|サイト|ページ|アカウント|ホームページ|ブログ|システム|レッスン|コース|イベント|セミナー|プラン)$/;

/** Is this word (a name's body, without legal form or trade word) only a description or a public name? */
function notPrivate(body: string): boolean {
  const b = body.trim();
  if (b.length === 0) return true;
  if (isPublicEntity(b)) return true;
  if (LEGAL_FORM.test(b)) return true;
  if (/^[〇◯○△□×＊*]+$/.test(b)) return true;
  return false;
}

/** A katakana or latin word that is a common noun or technology, not a business's own name. */
export function genericWord(word: string): boolean {
  if (/^[\u30a1-\u30fa\u30fc]+$/.test(word)) return GENERIC_KATAKANA.test(word) || isEverydayLoanword(word) || glossaryEntry(word) !== undefined;
  if (/^[A-Za-z0-9&. ]+$/.test(word)) return GENERIC_LATIN.test(word.trim()) || glossaryEntry(word) !== undefined;
  return false;
}

/** The name body of an organisation: any script, hiragana only in front (みなと工房, さくら台産業振興会) or alone. */
const ORG_BODY = `(?:[${HIRA}]{1,8}(?=[${WORD}]))?[${WORD}][${WORD}&・]{0,23}(?: [A-Za-z][A-Za-z0-9&.]*){0,3}|[${HIRA}]{2,8}`;

const LEGAL_TRIGGER = new RegExp(LEGAL_FORM_SOURCE);
const TRADE_TRIGGER = new RegExp(TRADE_WORDS);
const HIRAGANA_TRADE_TRIGGER = new RegExp(HIRAGANA_TRADE_WORDS);

/** A person's name as desks and clients write it: a family name in kanji (鳩ノ巣, 桐ケ谷) and a given name in katakana. */
const KANJI_KATAKANA_NAME = `[${KANJI}](?:[ノヶケ]?[${KANJI}]){0,2}[${KATA}]{2,5}`;

export const NAME_RULES: NameRule[] = [
  {
    // 株式会社ナギサ物流, 有限会社みなと工房, 一般社団法人みどり野支援センター, (株)ABC — the legal form stays.
    kind: "company",
    trigger: LEGAL_TRIGGER,
    pattern: new RegExp(`(${LEGAL_FORM_SOURCE})[ 　]?(${ORG_BODY})`, "g"),
    replace: (m, view) => {
      const bodyStart = m.index + m[0].length - m[2].length;
      let { end } = trimName(view, bodyStart, m.index + m[0].length);
      end = trimTrailingParticle(view, bodyStart, end);
      const body = view.slice(bodyStart, end);
      if (LEADING_PARTICLE.test(body) || notPrivate(body) || LEGAL_FORM.test(m[1] + body)) return undefined;
      return { start: bodyStart, end, text: PERSON_MASK };
    },
  },
  {
    // 浜風物産株式会社, 鷺ノ宮ロジ合同会社, ひまわり(有) — the legal form stays.
    kind: "company",
    trigger: LEGAL_TRIGGER,
    pattern: new RegExp(`((?:[${HIRA}]{1,8})?[${WORD}&・]{0,24}(?: [A-Za-z][A-Za-z0-9&.]*){0,3})[ 　]?(?:${LEGAL_FORM_SOURCE})`, "g"),
    replace: (m, view) => {
      if (m[1].length === 0) return undefined;
      const { start, end } = trimName(view, m.index, m.index + m[1].length);
      const body = view.slice(start, end);
      if (body.length === 0 || PARTICLES_ONLY.test(body) || notPrivate(body) || /[〇◯]$/.test(body)) return undefined;
      // 「取引のある医療法人」: a verb's ending before the legal form, not a name.
      if (/^[\u3041-\u3096]{1,4}$/.test(body) && /[るたいだうな]$/.test(body)) return undefined;
      // 「やり取りしている株式会社…」: hiragana glued to a kanji is the word's ending, not a name.
      if (isHiragana(view[start]) && /[\u3400-\u9fff々]/.test(view[start - 1] ?? "")) return undefined;
      return { start, end, text: PERSON_MASK };
    },
  },
  {
    // 「ことのは雑貨店」「カフェ こもれび堂」: a shop's name in quotes, ending in a trade word.
    kind: "company",
    trigger: /[「『“"]/,
    pattern: new RegExp(`[「『“"]([^「」『』“”"\\n]{2,24}?(?:${TRADE_WORDS}|カフェ|ショップ|ストア))[」』”"]`, "g"),
    replace: (m) => {
      const inner = m[1].trim();
      if (DESCRIPTIVE.test(inner) || GENERIC_SHOP.test(inner) || notPrivate(inner)) return undefined;
      // 「感染者が来た店」: a clause that ends in a trade word describes a shop, it does not name one.
      if (/[がをにへ]|[たる]店$/.test(inner)) return undefined;
      // The trade word alone, or a generic word before it, is not a name (「システム設計」).
      const lead = inner.replace(new RegExp(`(?:${TRADE_WORDS}|カフェ|ショップ|ストア)$`), "").trim();
      if (lead.length === 0 || genericWord(lead) || /[。、？！?!]/.test(inner)) return undefined;
      const start = m.index + 1;
      return { start, end: start + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // ソラマメ堂, ミツバ設計, ABC商事 (katakana or latin names before a trade word) — the trade word stays.
    kind: "company",
    trigger: TRADE_TRIGGER,
    pattern: new RegExp(`(?<![${KATA}A-Za-z0-9・])([${KATA}](?:[${KATA}]|・(?=[${KATA}])){1,15}|[A-Za-z][A-Za-z0-9&]{1,19}(?: [A-Za-z][A-Za-z0-9&]*)?)[ ・]?(${TRADE_WORDS})`, "g"),
    replace: (m) => {
      const name = m[1];
      if (genericWord(name) || notPrivate(name) || notPrivate(name + m[2]) || DESCRIPTIVE.test(name + m[2])) return undefined;
      // キャンプ用品店, ペット用品店: what the shop sells, not its name.
      if (/^用品/.test(m[2]) || /^(?:キャンプ|アウトドア|スポーツ|ペット|ゴルフ|カメラ|ゲーム|ベビー|キッズ|インテリア|ガーデン|ファッション|リユース|リサイクル|ブランド)$/.test(name)) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
  {
    // 砂ノ目会計事務所, 汐見ヶ丘工房: a kanji name joined by ノ/ヶ/ケ is a place or family name, never a common word.
    kind: "company",
    trigger: TRADE_TRIGGER,
    pattern: new RegExp(`(?<![${KANJI}])([${KANJI}]{1,2}[ノヶケ][${KANJI}]{1,2})(${TRADE_WORDS})`, "g"),
    replace: (m) => (notPrivate(m[1]) ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 焼鳥店「こもれび坂」, ネットショップ（ことり舎）: the name a shop word introduces, in quotes or brackets.
    kind: "company",
    trigger: /[「『（(]/,
    pattern: new RegExp(`(?:${TRADE_WORDS}|店名|屋号|ショップ|ストア|カフェ|サロン|アカウント名)[はの]?[「『（(]([^「」『』（）()\\n]{2,20})[」』）)]`, "g"),
    replace: (m) => {
      const inner = m[1].trim();
      if (DESCRIPTIVE.test(inner) || GENERIC_SHOP.test(inner) || notPrivate(inner) || genericWord(inner) || /[。、？！?!]/.test(inner)) return undefined;
      // 「カシワギ印刷（従業員8名）」: a note on the business, not its name.
      if (/[0-9０-９]|従業員|社員|スタッフ|年|円|名義|店舗/.test(inner)) return undefined;
      const start = m.index + m[0].length - 1 - m[1].length;
      return { start, end: start + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // 「こもれび坂」の名前で, 「ひだまり」という店: a quoted word the text says is a name.
    kind: "company",
    trigger: /の名前|名義|という(?:店|会社|屋号)/,
    pattern: /[「『]([^「」『』\n]{2,20})[」』](?=の名前で|の名前を|名義|という(?:店|会社|屋号))/g,
    replace: (m) => {
      const inner = m[1].trim();
      if (DESCRIPTIVE.test(inner) || notPrivate(inner) || genericWord(inner) || /[。、？！?!]/.test(inner)) return undefined;
      return { start: m.index + 1, end: m.index + 1 + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // こもれび坂, ひだまり台: a hiragana name ending in a place word, as shops and facilities are named.
    kind: "company",
    trigger: /[坂丘台苑郷]/,
    pattern: new RegExp(`(?<![${HIRA}])([${HIRA}]{3,8}[坂丘台苑郷])`, "g"),
    replace: (m) => {
      const name = m[1];
      if (/^(?:うち|わたし|あなた|いつも|こちら|そちら|どこ|ここ|そこ|あそこ)|[のがをにへとでもはや][坂丘台苑郷]$/.test(name)) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
  {
    // 鳴沢ファインテック, 北斗システムズ: a kanji name before a katakana business name; the kanji part is masked.
    kind: "company",
    trigger: /テック|テクノ|システム|ソリューション|エンジニアリング|プランニング|デザイン|ワークス|ラボ|サービス/,
    pattern: new RegExp(`(?<![${KANJI}])([${KANJI}]{1,3})(?=[${KATA}]{0,8}(?:テック|テクノ|システムズ|ソリューションズ|エンジニアリング|プランニング|デザイン|ワークス|ラボ)(?![${KATA}]))`, "g"),
    replace: (m) => (notPrivate(m[1]) || /^(?:日本|東京|国際|総合|新|旧|自社|当社|弊社|御社|他社|各社|社内|全社|建築|設計|住宅|広告|印刷|映像|空間|環境|都市|情報|業務|経営|会計|医療|介護|教育|地域)$/.test(m[1]) ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 梶ヶ谷久美子, 汐見ヶ丘: kanji joined by ノ/ヶ/ケ are a family or place name (not 3ヶ月, 何ヶ所, 霞ヶ関).
    kind: "person",
    trigger: /[ノヶケ]/,
    pattern: new RegExp(`(?<![${KANJI}${KATA}])([${KANJI}]{1,2}[ノヶケ](?![月所国条年日回戸]|[${KATA}])[${KANJI}]{1,2}(?:[${KANJI}]{1,3})?)(?![${KANJI}${KATA}])`, "g"),
    replace: (m) =>
      /^(?:[0-9０-９数何幾一二三四五六七八九十百千]|霞ヶ関|霞ケ関|市ヶ谷|市ケ谷|千駄ヶ谷|阿佐ヶ谷|茅ヶ崎|関ヶ原|保土ヶ谷|袖ヶ浦|鎌ヶ谷|自由ヶ丘)/.test(m[1]) || notPrivate(m[1])
        ? undefined
        : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK },
  },
  {
    // ケアホーム萌黄坂, カフェ緑ヶ丘: a katakana word of the trade, then the place-like name the business took (台 is a counter: カメラ数台).
    kind: "company",
    trigger: /[坂丘苑郷]/,
    pattern: new RegExp(`(?<=[${KATA}])(?![数何])([${KANJI}]{1,3}[坂丘苑郷])(?![${KANJI}])`, "g"),
    replace: (m) => (notPrivate(m[1]) ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 配車担当の菱沼千景が, 経理の渡良瀬拓真から: a role, の, a name in kanji (also learnt as the row's name).
    kind: "person",
    trigger: new RegExp(`(?:${ROLE_BEFORE})の`),
    pattern: new RegExp(`(?:${ROLE_BEFORE})の\\s?(${NAME_KANJI_2})(?=${AFTER_NAME})`, "g"),
    replace: (m) => {
      if (m[1].length < 2 || NOT_A_PERSON_AFTER_ROLE.test(m[1]) || /[部課室係店社所局署班会者員長]$/.test(m[1]) || notPrivate(m[1])) return undefined;
      const start = m.index + m[0].lastIndexOf(m[1]);
      return { start, end: start + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // 丸喜多ベーカリー, 桜井クリニック: a kanji name before a katakana trade word (not 歯科クリニック, 写真スタジオ).
    kind: "company",
    trigger: /ベーカリー|クリニック|サロン|スタジオ|ファーム/,
    pattern: new RegExp(`(?<![${KANJI}])([${KANJI}]{2,4})(?=ベーカリー|クリニック|サロン|スタジオ|ファーム)`, "g"),
    replace: (m) =>
      /^(?:歯科|内科|外科|小児科|皮膚科|眼科|耳鼻科|美容|理容|写真|音楽|撮影|駅前|地域|市民|町民|医療|動物|整形|形成|総合|手作)/.test(m[1]) || notPrivate(m[1])
        ? undefined
        : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK },
  },
  {
    // 「瀬尾みのりという美容師」「真壁丈一郎という社員」: a name the text says is a person's.
    kind: "person",
    trigger: /という/,
    pattern: new RegExp(`(?<![${KANJI}${HIRA}])([${KANJI}](?:[ノヶケ]?[${KANJI}]){0,2}(?:[${HIRA}]{2,4}|[${KATA}]{2,5}|[${KANJI}]{1,3}))という(?=美容師|スタッフ|社員|店員|従業員|職員|担当|人|者|名前|男性|女性|方)`, "g"),
    replace: (m) => (notPrivate(m[1]) || m[1].length < 3 ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 経理の瀬尾みのりが, 瀬尾みのり担当: a kanji family name and a hiragana given name, by a role.
    kind: "person",
    trigger: new RegExp(`(?:${ROLE_BEFORE})の|担当`),
    pattern: new RegExp(`(?:(?<=(?:${ROLE_BEFORE})の\\s?)([${KANJI}]{2,3}(?![がをにはでともやへのか])[${HIRA}]{2,3})(?=が|は|さん|から|に|、|。)|(?<![${KANJI}${HIRA}])([${KANJI}]{2,3}(?![がをにはでともやへのか])[${HIRA}]{2,3})(?=担当))`, "g"),
    replace: (m) => {
      const name = m[1] ?? m[2];
      if (NOT_A_PERSON_AFTER_ROLE.test(name) || notPrivate(name)) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
  {
    // 料理教室ソラマメ, カフェ ミモザ, グループホームやまぶき: the trade first, then the business's own kana name.
    kind: "company",
    trigger: /教室|道場|スクール|サロン|カフェ|アトリエ|ホーム|デイサービス|酒場|食堂/,
    pattern: new RegExp(`(?:教室|道場|スクール|サロン|カフェ|アトリエ|グループホーム|ケアホーム|デイサービス|酒場|食堂)[ 　・]?([${KATA}]{3,10}(?![${KATA}])|(?![でだにがはを])[${HIRA}]{3,8}?(?=御中|様|さん|から|の|は|が|を|に|へ|と|で|や|[^${HIRA}]|$))`, "g"),
    replace: (m) => {
      const name = m[1];
      if (GENERIC_ROLE_WORD.test(name) || notPrivate(name)) return undefined;
      const start = m.index + m[0].length - name.length;
      return { start, end: start + name.length, text: PERSON_MASK };
    },
  },
  {
    // 東都ハーブ療法士会, 港南アロマ協会: a private association whose name mixes kanji and katakana.
    kind: "company",
    trigger: /士会|協会|組合|研究会|同好会|愛好会/,
    pattern: new RegExp(`(?<![${WORD}])([${KANJI}]{1,3}[${KATA}]{2,8}[${KANJI}]{0,5})(?=士会|協会|組合|研究会|同好会|愛好会)`, "g"),
    replace: (m) => (notPrivate(m[1]) || notPrivate(`${m[1]}協会`) ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 菓子処つきしろ庵, 食事処ゆうなぎ, ぱん工房ゆずりは: a hiragana name after 処 or 工房, as shops are named.
    kind: "company",
    trigger: /処|工房|茶房/,
    pattern: new RegExp(`(?<=処|工房|茶房)([${HIRA}]{2,8}?)(?=${HIRAGANA_TRADE_WORDS}|から|御中|様|さん|の|が|を|に|へ|で|と|、|。|」|）|\\s|$)`, "g"),
    replace: (m) => (/^(?:の|が|を|に|は|で|と|も|へ|や|す|し|さ|せ|だ)/.test(m[1]) ? undefined : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK }),
  },
  {
    // 「社長である私、真壁透吾を名乗る…」: the writer names themself after 私.
    kind: "person",
    trigger: /私|わたし|わたくし/,
    pattern: new RegExp(`(?<=私|わたし|わたくし)[、,　 ]([${KANJI}](?:[ノヶケ]?[${KANJI}]){1,5})(?=を|が|は|の|です|と|、)`, "g"),
    replace: (m) => {
      if (NOT_A_PERSON_AFTER_ROLE.test(m[1]) || notPrivate(m[1])) return undefined;
      const start = m.index + 1;
      return { start, end: start + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // 職員のまどかを名指し, 経理のさやかが, まどか担当: a given name in hiragana, by a role.
    kind: "person",
    trigger: new RegExp(`(?:${ROLE_BEFORE})の|担当`),
    pattern: new RegExp(`(?:(?<=(?:${ROLE_BEFORE})の[「『]?)([${HIRA}]{2,4}?)(?=が|は|を|に|から|さん|ちゃん|、|。|[」』])|(?<![${HIRA}${KANJI}])([${HIRA}]{2,4})(?=担当))`, "g"),
    replace: (m) => {
      const name = m[1] ?? m[2];
      if (/^(?:みんな|みな|かた|ひと|ひとり|ふたり|だれか|みなさん|しごと|ほう|こと|もの|ところ|ため|あと|まえ|とき|なか|かわり|ぶん|すべて|ぜんいん|おかげ|ほか|うち|わたし|あなた|だれ|どなた|こちら|そちら)$/.test(name) || /^[でだにがはをのともへや]/.test(name)) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
  {
    // 「ピアノ教室を開いている佐伯ひよりです」: a self-introduction with a hiragana given name.
    kind: "person",
    trigger: /です|と申します|といいます/,
    pattern: new RegExp(`(?<=いる|いた|の|、|。|^)([${KANJI}]{1,3}(?![でだにがはをのともへや])[${HIRA}]{2,4})(?=です|と申します|といいます)`, "gm"),
    replace: (m) =>
      NOT_A_PERSON_AFTER_ROLE.test(m[1]) || notPrivate(m[1]) || /[\u3400-\u9fff々](?:から|まで|より|うべき|るべき|べき|ない|たい|ので|など|だけ|ため|ます|まし|った|って|った|する|した|いる)$/.test(m[1])
        ? undefined
        : { start: m.index, end: m.index + m[1].length, text: PERSON_MASK },
  },
  {
    // みなと工房, ことのは雑貨店, こもれび堂: a name in hiragana standing alone before a trade word.
    kind: "company",
    trigger: HIRAGANA_TRADE_TRIGGER,
    pattern: new RegExp(`(?<![${HIRA}${WORD}])([${HIRA}]{3,8})(${HIRAGANA_TRADE_WORDS})`, "g"),
    replace: (m) => {
      const name = m[1];
      if (/の$/.test(name) || /^(?:うち|わたし|わたくし|あなた|いつも|こちら|そちら|あちら|どこ|ここ|そこ|あそこ|ちかく|となり|まち|むら)/.test(name)) return undefined;
      if (notPrivate(name + m[2])) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
  {
    // テスト商事御中, みどり野支援センター御中: whoever a letter is addressed to.
    kind: "company",
    trigger: /御中/,
    pattern: new RegExp(`((?:[${HIRA}]{1,8})?[${WORD}&・]{1,24})[ 　]?御中`, "g"),
    replace: (m, view) => {
      const { start, end } = trimName(view, m.index, m.index + m[1].length);
      const body = view.slice(start, end);
      if (PARTICLES_ONLY.test(body) || notPrivate(body) || /^(?:各位|関係者|ご担当者?|担当者?|お客様|皆様)$/.test(body)) return undefined;
      // 「ハルカゼ商会御中」: the trade word is left once the name before it is masked.
      if (ONLY_A_TRADE_WORD.test(body)) return undefined;
      return { start, end, text: PERSON_MASK };
    },
  },
  {
    // 「有限会社ミヤマ設備の宇佐見コウヘイです」「飲食店を経営している蔦谷ハルヒコです」: a self-introduction.
    kind: "person",
    trigger: /です|でございます|申し|言います|いいます|が担当/,
    pattern: new RegExp(`(?<=^|[の、。\\s「（(]|している|しております)(${KANJI_KATAKANA_NAME})(?=です|でございます|と申します|と申し|と言います|といいます|が担当)`, "gm"),
    replace: (m) => {
      const given = /[\u30a1-\u30fa\u30fc]+$/.exec(m[1])?.[0] ?? "";
      if (genericWord(given) || notPrivate(m[1])) return undefined;
      return { start: m.index, end: m.index + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // ゆかりさん, さくら様: a given name in hiragana before an honorific.
    kind: "person",
    trigger: /さん|さま|様|ちゃん|くん|氏|殿/,
    pattern: new RegExp(`(?<![${HIRA}])([${HIRA}]{2,7})(?:さん|さま|様(?![子式相態々])|ちゃん|くん|氏(?!名)|殿)`, "g"),
    replace: (m, view) => {
      // 「お客様やみなさん」: や belongs to the word before.
      const { start } = trimName(view, m.index, m.index + m[1].length);
      const name = view.slice(start, m.index + m[1].length);
      if (name.length < 2 || KANA_NOT_A_NAME.test(name) || /^[おご]/.test(name)) return undefined;
      return { start, end: m.index + m[1].length, text: PERSON_MASK };
    },
  },
  {
    // 桐野部長, 宮坂担当, 森川ヒカル課長: a person named by the role after the name.
    kind: "person",
    trigger: /部長|課長|係長|社長|店長|所長|院長|会長|室長|次長|専務|常務|主任|取締役|担当|マネージャー|リーダー/,
    pattern: new RegExp(
      `(?<![${KANJI}${KATA}A-Za-z])([${KANJI}](?:[ノヶケ]?[${KANJI}]){1,2}(?:[${KATA}]{2,5})?|${KANJI_KATAKANA_NAME})[ 　]?` +
        "(?:部長|課長|係長|社長|店長|所長|院長|会長|室長|次長|支店長|専務|常務|主任|取締役|担当(?![者窓部課係])|マネージャー|リーダー)",
      "g",
    ),
    replace: (m) => {
      const name = m[1];
      const family = /^[^\u30a1-\u30fa\u30fc]+/.exec(name)?.[0] ?? name;
      const given = name.slice(family.length);
      if (given.length > 0 ? genericWord(given) : NOT_A_FAMILY_NAME.test(family) || OFFICE_ENDING.test(family)) return undefined;
      // 営業本部長, 営業副部長: a department and 本/副 before the title (山本部長 is two kanji, a name).
      if (given.length === 0 && family.length >= 3 && /[本副支総]$/.test(family)) return undefined;
      if (notPrivate(name)) return undefined;
      return { start: m.index, end: m.index + name.length, text: PERSON_MASK };
    },
  },
];

/** The name without a legal form or honorific around it: what a reader would recognise bare. */
export function nameCore(name: string): string {
  return name
    .normalize("NFKC")
    .replace(LEGAL_FORM_ANYWHERE, "")
    .replace(/[（(](?:株|有|同|社|財|医)[）)]/g, "")
    .replace(/(?:様|殿|御中|さん|氏)$/, "")
    .replace(/^[\s　]+|[\s　]+$/g, "");
}
