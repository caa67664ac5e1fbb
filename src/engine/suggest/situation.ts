/**
 * Reads the situation of a case from the client's own words: what they did or lost, on what, and
 * whose data or money is at stake. The answer, countermeasure and reference columns pick their
 * steps by it (guidebook/advice).
 *
 * A verb counts only when it is affirmed: 「入力していない」「入れずに閉じた」「開いても平気？」「振り込む前に」
 * are not 「入力した」「開いた」「振り込んだ」. With kuromoji the auxiliaries after the verb are read by part
 * of speech (助動詞 ない/ぬ/ん, 接続助詞 て + 係助詞 も, a 非自立 verb in between); without it the kana
 * that follow the verb are read the same way by pattern. Requests quoted from someone else
 * (「…を送って」) are not the client's acts.
 */
import type { ActFact, Fact, HarmFact, ObjectFact, WhoseFact } from "../guidebook";
import type { Morphology, MorphToken } from "../text";

export interface Situation {
  facts: ReadonlySet<Fact>;
  /** The client's text as the rules read it (NFKC, lower case), for steps that fit by wording. */
  text: string;
}

interface Rule<F extends Fact> {
  fact: F;
  /** Matches ending right after the verb (or noun) whose affirmation decides the fact. */
  pattern: RegExp;
  /** The match states the fact whatever follows (a threat's 「払わなければ」 is itself a negation). */
  plain?: boolean;
  /** The rule applies only when the text also says this somewhere (the object of a bare verb). */
  requires?: RegExp;
}

const CLAUSE = "[^。！？!?\\n]";
const near = (object: string, verb: string, gap = 20) => new RegExp(`(?:${object})${CLAUSE}{0,${gap}}?(?:${verb})`, "g");

const ACT_RULES: Rule<ActFact>[] = [
  { fact: "enteredPassword", pattern: near("パスワード|暗証番号|ログイン情報|id|認証情報|乱数表", "入力|入れ|打ち込|教え|伝え|答え") },
  // 「…を入れるよう求められた。…何か所かは入力してしまった」: the object was named in an earlier sentence.
  { fact: "enteredPassword", requires: /パスワード|暗証番号|乱数表|ログイン情報/, pattern: /(?:入力|入れ)(?=し?て?しま|し?ちゃ|した|ました)/g },
  { fact: "enteredCard", pattern: near("カード番号|カード情報|クレジットカード|セキュリティコード|有効期限|カード(?=を|の番号)", "入力|入れ|教え|伝え|登録") },
  { fact: "enteredPersonal", pattern: near("生年月日|住所|電話番号|氏名|名前|個人情報|メールアドレス", "入力|入れ|教え|伝え|答え|言っ", 12) },
  { fact: "enteredCode", pattern: near("認証コード|認証番号|確認コード|ワンタイムパスワード|ケタの番号|桁の番号|(?<!セキュリティ)コード", "入力|入れ|送っ|送り|教え|伝え") },
  {
    fact: "paid",
    pattern: near("電子マネー|ギフト|プリペイド|コンビニ|カード|円|料金|代金|サポート代|費|課金|キャリア決済|ビットコイン|暗号資産", "支?払っ|支払い?まし|購入し|買っ|買いまし|買わされ|決済し|決済で使われ|チャージし", 24),
  },
  { fact: "transferred", pattern: /(?:振り?込ん|振り込みまし|振込み?(?:を)?し|振込み?まし|送金(?:を)?し)/g },
  { fact: "openedFile", pattern: near("添付|ファイル|zip|エクセル|excel|ワード|word|マクロ|履歴書|資料|書類", "開い|開き|ダブルクリック|クリックし|有効に") },
  { fact: "clickedLink", pattern: near("リンク|url|qrコード|ボタン|書いてあるところ", "押し|タップ|クリック|開い|開き|アクセスし|読み取", 15) },
  { fact: "installedApp", pattern: near("アプリ|ソフト|プログラム|apk", "入れ|インストール|ダウンロードし", 15) },
  { fact: "remoteAccess", pattern: /(?:遠隔操作さ|遠隔でつなが|遠隔で操作|遠隔[^。]{0,12}?(?:入れ|インストール)|画面が勝手に動|リモートで操作さ)/g },
  { fact: "calledNumber", pattern: /(?:電話してしま|電話をかけてしま|電話し(?=た|て|ま)|電話をかけ(?=た|て|ま)|かけてしま)/g },
  { fact: "replied", pattern: /(?:返信し|返事をし)/g },
];

const HARM_RULES: Rule<HarmFact>[] = [
  { fact: "encrypted", plain: true, pattern: /(?:暗号化|ランサム|身代金|拡張子が(?:変|替)|ファイルが開けな|開けなくな|復号)/g },
  { fact: "leaked", pattern: /(?:漏えい|漏洩|流出|漏れ|抜かれ|盗まれ|盗ん|持ち出|盗み出|外に出|外部に出|送られた可能性|ダークウェブ)/g },
  { fact: "leaked", pattern: /(?:顧客|名簿|リスト|図面|設計|資料)[^。]{0,15}?(?:コピーし|撮影し|持ち帰っ|転送し)/g },
  // A camera feed or a folder anyone on the internet could see: exposed, whether or not someone looked.
  { fact: "leaked", pattern: /(?:誰でも|外から|外部から|ネット上で|海外のサイトで)[^。]{0,6}?(?:見られる|見れる|閲覧できる)状態/g },
  {
    fact: "siteChanged",
    pattern: /(?:改ざん|改竄|書き換え|書き換わ|ハッキングされている可能性|損害を与える可能性|不正なプログラム|スクリプトが|見知らぬページ|変なページ|別のサイトに飛|乗っ取られたサイト)/g,
  },
  { fact: "serviceDown", plain: true, pattern: /(?:つながらな|繋がらな|落ち(?:た|て|る)|止ま(?:っ|り)|表示されな|応答しな|重く|重かっ|ダウン|不安定|見られな|使えなくな|ddos|dos攻撃)/g },
  { fact: "accountTaken", plain: true, pattern: /(?:ログインできな|入れなくな|身に覚えのない投稿|勝手に投稿|関係ない投稿)/g },
  { fact: "accountTaken", pattern: /(?:乗っ取|不正ログイン|不正なログイン|ログインされ)/g },
  { fact: "sentSpam", pattern: /(?:大量(?:に|の)?(?:メール|sms|メッセージ)|送り続け|大量送信|大量に送|勝手に[^。]{0,8}?送|迷惑メールを送)/g },
  {
    fact: "moneyLost",
    pattern: /(?:送金されて|振り込まれて|引き出され|不正利用|身に覚えのない(?:請求|引き落とし|取引|振込|課金)|(?:使っていない|覚えのない|知らない)[^。]{0,12}?(?:請求|買い物|引き落とし|課金)|勝手に(?:振り?込|送金|引き)|課金され|決済で[^。]{0,10}?使われ|だまし取|騙し取)/g,
  },
  { fact: "threatened", plain: true, pattern: /(?:脅迫|脅さ|脅し|払わなければ|払わないと|公開する|ばらま|攻撃を続け|差し押さえ|訴え|訴訟|法的(?:手続|措置)|仕掛ける|送金し?ろ|振り込め|払え(?![なるま])|ハッキングした|(?:送ら|送金し|振り込ま|支払わ)なければ)/g },
  { fact: "infected", pattern: /(?:感染|マルウェア|マルウエア|emotet|エモテット|検知|不正アクセス|侵入さ|入られ)/g },
  { fact: "deviceLost", pattern: /(?:紛失|失くし|無くし|なくし|盗難|置き忘れ|(?<!引き)落とし)/g },
  { fact: "fakeAlert", plain: true, pattern: /(?:警告|ウイルスに(?:感染|侵され)|ウイルスを持って|ウイルスが(?:検出|見つか)|ウイルスの表示)/g },
  { fact: "billed", plain: true, pattern: /(?:登録完了|請求画面|料金を請求|払えと|払えという|請求(?:され|が来|がき|書が届)|支払[いえ]を求め|通知書|損害賠償|払ってほしい|未払い)/g },
];

const OBJECT_RULES: Rule<ObjectFact>[] = [
  { fact: "pc", pattern: /(?:パソコン|pc|windows|mac(?!ro))/g },
  { fact: "phone", pattern: /(?:スマホ|スマートフォン|携帯|iphone|android|アンドロイド|sms|ショートメ)/g },
  { fact: "server", pattern: /サーバ/g },
  { fact: "nas", pattern: /nas|ストレージ/g },
  { fact: "router", pattern: /ルータ/g },
  { fact: "camera", pattern: /カメラ|レコーダ|録画機/g },
  { fact: "vpn", pattern: /vpn|utm|ファイアウォール/g },
  { fact: "website", pattern: /ホームページ|自社サイト|当社サイト|うちのサイト|webサイト|ウェブサイト|ワードプレス|wordpress|cms/g },
  { fact: "shop", pattern: /ネットショップ|通販|ecサイト|オンラインショップ|base|stores|モール|ショップ/g },
  { fact: "sns", pattern: /sns|line|インスタ|instagram|facebook|フェイスブック|twitter|ツイッター|tiktok|youtube/g },
  { fact: "email", pattern: /メール/g },
  { fact: "bank", pattern: /銀行|信金|信用金庫|ネットバンキング|インターネットバンキング|ネットバンク|口座/g },
  { fact: "cloud", pattern: /microsoft ?365|office ?365|gmail|googleアカウント|クラウド|icloud/g },
];

/** Words of someone writing for a business. */
const FIRM = new RegExp(
  [
    "当社|弊社|自社|うちの(?:会社|店|事務所|サイト|サーバ|商品|顧客)|会社(?:です|で[、す]|を経営|をやって)|会社の(?:口座|パソコン|pc|アドレス|代表|メール|ホームページ|サイト|ネットワーク)",
    "事務所|社員|従業員|職員|法人|経営して|営んで|運営して|事務局|総務|経理|取引先|納品|仕入|お客様|お客さん|顧客|医院|組合|団体|協会|当会|弊会|本会|会員約",
    "担当して|の担当です|担当の者|個人事業|製品|採用|営業|社内|テレワーク|店(?:を|で|です|舗)|お店を|製造業|業者に|委託|受託|請け負",
    // Care homes, clinics, nurseries and schools keep others' personal data as a business does.
    "事業所|診療所|クリニック(?:です|を)|当院|保育園です|幼稚園です|の園長|施設を(?:運営|経営)|教室を(?:開|運営|経営)",
  ].join("|"),
);
/** Words of a private person. */
const CONSUMER = /自宅|私の(?:スマホ|パソコン|携帯|名前|氏名|住所|カルテ|個人情報)|母の|父の|家族|主婦|学生|[0-9]0代|趣味|かかりつけ|患者として|注文しました|購入しました|欲しかった|を買った/;
/** The business's customers' data or money is at stake. */
const CUSTOMERS = /(?:お客様|お客さん|顧客|会員|利用者|受講者|患者|調査対象|診療|カルテ)[^。]{0,15}?(?:情報|データ|名簿|リスト|カード|個人情報|(?<!私の)名前|氏名|ポイント)|(?:顧客|会員)(?:名簿|リスト|情報)|診療記録|カルテ/;

/** Kana right after a verb that deny or suspend it (pattern fallback). */
const NEGATED_TAIL = /^[ぁ-ゖ]?(?:[てで](?:い|お|み|しま)?)?(?:な[いかくけ]|ず|ぬ|ませ?ん)/;
const SUSPENDED_TAIL = /^[ぁ-ゖ]?(?:[てで]も|る?よう|る前|前に|[れせけね]ば|たい|てほしい|ほしい|ろ|よ[とっ])/;

/** How far after a verb its auxiliaries are read (「入力してしまいませんでした」 is 12). */
const VERB_TAIL_CHARS = 14;

/** Kana after a verb that show it was done (て, た, ました, a comma) rather than described (入れる画面). */
const COMPLETED_TAIL = /^[ぁ-ゖ]?(?:[てでただ]|ま[しす]|ちゃ|じゃ|、)/;

function doneByPattern(text: string, end: number, requireCompletion: boolean): boolean {
  const tail = text.slice(end, end + 10);
  return (!requireCompletion || COMPLETED_TAIL.test(tail)) && !NEGATED_TAIL.test(tail) && !SUSPENDED_TAIL.test(tail);
}

/**
 * The verb ending at `end` was done: the words after it complete it (た, ます, て, a comma) and none
 * denies it (ない/ぬ/ん, ず), suspends it (ても, ば, 前, よう, たい, ほしい) or makes it an order (入れろ).
 */
function doneByPos(tokens: readonly MorphToken[], end: number, requireCompletion: boolean): boolean {
  const at = tokens.findIndex((t) => t.start !== undefined && t.start < end && t.start + t.surface.length >= end);
  if (at < 0) return false;
  const verb = tokens[at];
  // 「入れる画面」: the match ends inside a word in its dictionary form, which describes rather than reports.
  if (requireCompletion && (verb.start ?? 0) + verb.surface.length > end && verb.surface === verb.baseForm) return false;
  // An order (入れろ, しろ, せよ) is what someone demanded, not what the client did.
  const ordered = (t: MorphToken) => t.pos === "動詞" && t.surface !== t.baseForm && /[ろよ]$/.test(t.surface);
  if (ordered(verb)) return false;
  let completed = false;
  for (let i = at + 1; i < tokens.length && i <= at + 6; i++) {
    const t = tokens[i];
    if (t.pos === "助動詞") {
      if (t.baseForm === "ない" || t.baseForm === "ぬ" || t.baseForm === "ん" || t.baseForm === "たい") return false;
      if (t.baseForm === "た" || t.baseForm === "だ" || t.baseForm === "ます") completed = true;
      continue;
    }
    if (ordered(t)) return false;
    if (t.pos === "動詞" && (t.posDetail[0] === "非自立" || t.posDetail[0] === "接尾" || t.baseForm === "する" || t.baseForm === "いる" || t.baseForm === "しまう")) continue;
    if (t.pos === "形容詞" && (t.baseForm === "ない" || t.baseForm === "ほしい")) return false;
    if (t.pos === "助詞") {
      if (t.posDetail[0] === "接続助詞" && (t.surface === "て" || t.surface === "で")) {
        const next = tokens[i + 1];
        if (next && next.pos === "助詞" && next.surface === "も") return false;
        completed = true;
        continue;
      }
      if (t.posDetail[0] === "接続助詞" && t.surface === "ば") return false;
      break;
    }
    if (t.pos === "記号" && t.surface === "、") return true;
    if (t.pos === "名詞" && (t.surface === "前" || t.surface === "まえ" || t.surface === "よう")) return false;
    break;
  }
  return completed || !requireCompletion;
}

/** Replaces quoted speech with spaces (same length): what someone else asked for is not the client's act. */
function withoutQuotes(text: string): string {
  return text.replace(/「[^」]*」|『[^』]*』/g, (q) => " ".repeat(q.length));
}

/**
 * The situation of a case from the client's words (件名, 相談内容, 相談備考; never the desk's reply,
 * whose advice would read as the client's acts).
 */
export function readSituation(clientText: string, morphology?: Morphology): Situation {
  const text = clientText.normalize("NFKC").toLowerCase();
  const facts = new Set<Fact>();
  const usePos = morphology !== undefined && morphology.name === "kuromoji";
  // An act counts when it was done (「入力した」, not 「入力する画面」); a harm when it is not denied (「漏れていない」).
  // kuromoji reads only the matched words and the dozen characters after them, not the whole sentence:
  // the verb's auxiliaries are all it needs, and a long sentence's lattice costs milliseconds.
  const affirmed = (source: string, start: number, end: number, act: boolean): boolean => {
    if (!usePos || !morphology) return doneByPattern(source, end, act);
    const stop = source.slice(end, end + VERB_TAIL_CHARS).search(/[。！？!?\n]/);
    const window = source.slice(start, stop >= 0 ? end + stop + 1 : end + VERB_TAIL_CHARS);
    return doneByPos(morphology.tokenize(window), end - start, act);
  };
  const apply = <F extends Fact>(rules: readonly Rule<F>[], source: string, checkVerb: boolean, act = false) => {
    for (const rule of rules) {
      if (facts.has(rule.fact) || (rule.requires && !rule.requires.test(source))) continue;
      rule.pattern.lastIndex = 0;
      for (let m = rule.pattern.exec(source); m; m = rule.pattern.exec(source)) {
        if (!checkVerb || rule.plain || affirmed(source, m.index, m.index + m[0].length, act)) {
          facts.add(rule.fact);
          break;
        }
      }
    }
  };
  apply(ACT_RULES, withoutQuotes(text), true, true);
  apply(HARM_RULES, text, true);
  apply(OBJECT_RULES, text, false);

  const whose: WhoseFact[] = [];
  const firm = FIRM.test(text);
  if (firm) whose.push("firm");
  if (!firm || CONSUMER.test(text)) whose.push("consumer");
  if (firm && CUSTOMERS.test(text)) whose.push("customers");
  for (const w of whose) facts.add(w);

  const acted = ACT_RULES.some((r) => facts.has(r.fact));
  const harmed = (["encrypted", "leaked", "siteChanged", "accountTaken", "sentSpam", "moneyLost", "deviceLost"] as const).some((f) => facts.has(f));
  if (!acted && !harmed) facts.add("nothingDoneYet");
  return { facts, text };
}
