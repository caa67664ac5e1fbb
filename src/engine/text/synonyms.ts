/**
 * Words that mean the same thing to someone searching an FAQ, on top of the glossary's spellings.
 *
 * The glossary (glossary.ts) groups the spellings of one term (ウイルス / ウィルス, ネットバンク /
 * インターネットバンキング). A layperson also names a problem with another word altogether: カード for
 * クレジットカード, 乗っ取り for 不正ログイン, 偽サイト for フィッシングサイト. Two layers, written for this
 * project:
 * - `SAME_MEANING`: words a reader or an editor uses for the same thing. The published page's search
 *   and the pane's 検索 treat them as one word; the keyword figures accept one for another.
 * - `NARROWER`: a broad word and the narrower ones it should also find when searched (SNS finds the
 *   Facebook entries), but that are not the same keyword (an editor's "Instagram" is not met by "SNS").
 */
import { foldSpelling, GLOSSARY } from "./glossary";
import { normalizeText } from "./text";

/** One group per line, "|"-separated; the first spelling is the one a search shows. */
const SAME_MEANING = `
クレジットカード|カード|クレカ|クレジットカード情報|カード情報|カード番号
不正ログイン|乗っ取り|アカウント乗っ取り|乗っ取られ|のっとり|不正ログオン
不正アクセス|侵入|ハッキング|ハッキングされ
ランサムウェア|ランサム|身代金ウイルス
身代金|身代金要求|金銭要求
偽サイト|偽物サイト|偽装サイト|詐欺サイト|フィッシングサイト
偽ショップ|偽通販|詐欺ショップ|偽ECサイト|なりすましECサイト|詐欺サイト
フィッシング|フィッシング詐欺|フィッシングメール|偽メール
スミッシング|偽SMS|詐欺SMS|SMSフィッシング
サポート詐欺|偽警告|偽のセキュリティ警告|警告画面|警告音|偽サポート
ワンクリック詐欺|ワンクリック請求|架空請求|不当請求
迷惑メール|スパム|スパムメール
ウイルス|マルウェア|ウイルス感染
Emotet|エモテット
情報漏えい|情報漏洩|漏えい|漏洩|流出|情報流出|個人情報漏えい|個人情報流出
Webサイト改ざん|改ざん|ホームページ改ざん|サイト改ざん|書き換え|書き換えられ
不正送金|勝手に送金|不正出金|勝手に引き出
不正利用|身に覚えのない請求|勝手に使われ
インターネットバンキング|ネットバンキング|ネットバンク|オンラインバンキング
スマートフォン|スマホ|携帯電話|携帯
パソコン|PC|コンピューター
ホームページ|HP|Webサイト|ウェブサイト
パスワード|PW|暗証番号
多要素認証|二段階認証|2段階認証|二要素認証|2要素認証|MFA
ウイルス対策ソフト|セキュリティソフト|アンチウイルス|ウイルス対策
ビジネスメール詐欺|BEC|請求書詐欺|振込先変更|口座変更
標的型攻撃|標的型メール|標的型攻撃メール
なりすまし|成りすまし|偽物|偽者
脅迫|恐喝|脅し|ゆすり
誹謗中傷|悪口|中傷|悪評|悪い口コミ
風評被害|風評
DDoS攻撃|DDoS|アクセス集中|大量アクセス
ファイルが開けない|ファイルが開かない|開けない|開かない
暗号化|暗号化され
紛失|なくした|置き忘れ|落とした
盗難|盗まれ
USBメモリ|USB
Wi-Fi|無線LAN|ワイファイ
ルーター|Wi-Fiルーター|無線ルーター
退職者|元社員|元従業員|辞めた社員
内部不正|社員の不正|持ち出し|持ち出され
振込|振り込み|送金
支払い|支払|払った|払ってしまった
電子マネー|ギフトカード|プリペイドカード|ギフト券
著作権侵害|違法コピー|無断転載|無断使用|パクリ
研修|講演|セミナー|勉強会
脆弱性|ぜい弱性|セキュリティホール
アップデート|更新|アップグレード
バックアップ|復元|データ復旧
携帯料金|携帯代|電話料金|電話代|通信料
店名|屋号|社名|会社名|ブランド名
ネットショップ|通販サイト|ECサイト|オンラインショップ|ネット通販
長期休暇|年末年始|連休|夏休み|冬休み|お盆休み
`;

/** Broad word → narrower words it also finds, "broad: narrow|narrow". */
const NARROWER_DATA = `
SNS: Facebook|Instagram|Twitter|LINE|TikTok|YouTube|X
アカウント: Facebook|Instagram|Twitter|LINE|Gmail|Microsoft 365
メール: Gmail|Outlook|迷惑メール|フィッシングメール
詐欺: フィッシング|サポート詐欺|ワンクリック詐欺|ビジネスメール詐欺|架空請求|偽ショップ
スマートフォン: iPhone|Android
お金: 送金|振込|支払い|電子マネー|身代金
銀行: インターネットバンキング|口座|振込|不正送金
サイト: ホームページ|Webサイト|偽サイト
乗っ取り: 不正アクセス
請求: 架空請求|ワンクリック請求|身代金|高額請求
サービス停止: DDoS攻撃|ランサムウェア
つながらない: DDoS攻撃|アクセス集中|サービス停止
重い: DDoS攻撃|アクセス集中|サービス停止
遅い: DDoS攻撃|アクセス集中|サービス停止
表示されない: DDoS攻撃|アクセス集中|サービス停止|Webサイト改ざん
落ちた: DDoS攻撃|サーバーダウン|サービス停止
届かない: 偽ショップ|偽サイト|なりすましECサイト
勝手に: 不正ログイン|不正利用|不正送金|乗っ取り|遠隔操作
高額: 高額請求|架空請求|キャリア決済
料金: 請求|キャリア決済|高額請求
消えた: 削除|データ消失|暗号化
復元: バックアップ|復旧
固まった: サポート詐欺|偽警告|ランサムウェア
画面: 偽警告|警告画面|ポップアップ
怪しい: 不審メール|迷惑メール|フィッシング|偽サイト
不審: 不審メール|迷惑メール|フィッシング
本物: フィッシング|なりすまし|偽サイト
脅迫: 脅迫メール|身代金|セクストーション|DDoS脅迫
口コミ: 誹謗中傷|風評被害|レビュー
書き込み: 誹謗中傷|掲示板|名誉毀損
漏れた: 情報漏えい
盗まれた: 情報漏えい|盗難|不正ログイン
携帯料金: キャリア決済|高額請求
通販: ネットショップ|偽ショップ|なりすましECサイト
お詫び: 情報漏えい|個人情報漏えい
`;

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Groups of spellings that mean the same thing: the glossary's spelling groups, then `SAME_MEANING`. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ...GLOSSARY.map((entry) => [entry.term, ...entry.variants]),
  ...lines(SAME_MEANING).map((line) => line.split("|")),
];

/** Broad word → the narrower words a search for it also finds. */
const NARROWER_TERMS: ReadonlyMap<string, readonly string[]> = new Map(
  lines(NARROWER_DATA).map((line) => {
    const [broad, narrow] = line.split(/:\s*/);
    return [broad, narrow.split("|")];
  }),
);

/**
 * Groups as a fold sees them: each spelling folded, groups sharing a spelling kept apart (a word may
 * belong to two groups: 詐欺サイト is a fake site and a fake shop).
 */
export function foldedSynonymGroups(fold: (text: string) => string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const group of SYNONYM_GROUPS) {
    const folded = [...new Set(group.map(fold).filter((s) => s.length > 0))];
    const key = folded.slice().sort().join("\u0000");
    if (folded.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(folded);
  }
  return out;
}

/** The narrower terms as a fold sees them. */
export function foldedNarrowerTerms(fold: (text: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [broad, narrow] of NARROWER_TERMS) out[fold(broad)] = [...new Set(narrow.map(fold))];
  return out;
}

/** A keyword as synonyms are compared: NFKC, lower case, the glossary's spelling, no spaces (keywordKey). */
function meaningKey(word: string): string {
  return normalizeText(foldSpelling(word)).replace(/\s+/g, "");
}

let groupsByKey: Map<string, Set<number>> | undefined;

/** The `SYNONYM_GROUPS` a word belongs to. */
function groupsOfWord(word: string): Set<number> {
  if (!groupsByKey) {
    const map = new Map<string, Set<number>>();
    SYNONYM_GROUPS.forEach((group, g) => {
      for (const spelling of group) {
        const key = meaningKey(spelling);
        map.set(key, (map.get(key) ?? new Set<number>()).add(g));
      }
    });
    groupsByKey = map;
  }
  return groupsByKey.get(meaningKey(word)) ?? new Set();
}

/** Two keywords that mean the same: one term after folding, or one synonym group (カード = クレジットカード). */
export function sameMeaning(a: string, b: string): boolean {
  if (meaningKey(a) === meaningKey(b)) return true;
  const ga = groupsOfWord(a);
  for (const g of groupsOfWord(b)) if (ga.has(g)) return true;
  return false;
}

interface FoldedLookup {
  groups: string[][];
  of: Map<string, number[]>;
  narrower: Record<string, string[]>;
}

const LOOKUPS = new Map<(text: string) => string, FoldedLookup>();

/**
 * The other spellings a search word also finds, folded with `fold` (the page folds kana, the pane's bigram
 * index does not): its synonym groups' members and, for a broad word, the narrower words.
 */
export function searchAlternatives(word: string, fold: (text: string) => string): string[] {
  let lookup = LOOKUPS.get(fold);
  if (!lookup) {
    const groups = foldedSynonymGroups(fold);
    const of = new Map<string, number[]>();
    groups.forEach((group, g) => group.forEach((s) => of.set(s, [...(of.get(s) ?? []), g])));
    lookup = { groups, of, narrower: foldedNarrowerTerms(fold) };
    LOOKUPS.set(fold, lookup);
  }
  const { groups, of, narrower } = lookup;
  const key = fold(word);
  const out = new Set<string>();
  for (const g of of.get(key) ?? []) for (const s of groups[g]) out.add(s);
  for (const s of narrower[key] ?? []) out.add(s);
  out.delete(key);
  return [...out];
}
