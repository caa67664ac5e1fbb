// Over 400 lines: data — the answer steps of every Mission 1 item, each with its items, contacts and source.
/**
 * The steps a standard answer can take, per Mission 1 item and per situation, written for this
 * project in its own words from the guidebook and the public bodies' pages (SOURCES). Each step is
 * general advice for anyone in the situation; the draft composer (suggest/answer-draft.ts) picks the
 * steps that fit a case and puts them in the fixed order what → now → contact → prevent.
 */
import { SOURCES as S } from "./sources";
import type { AdviceSource, AdviceStep, Fact, StepKind } from "./types";

interface StepSpec {
  items?: readonly string[];
  when?: readonly Fact[];
  mentions?: readonly string[];
  all?: readonly Fact[];
  unless?: readonly Fact[];
  measures?: readonly string[];
  contacts?: readonly string[];
  signals: readonly string[];
  source: AdviceSource;
}

function step(id: string, kind: StepKind, weight: 1 | 2 | 3, text: string, spec: StepSpec): AdviceStep {
  return { id, kind, weight, text, measures: [], contacts: [], ...spec };
}

/** Words of a client asked about a picture or text it used (他-3): the what and the now step share them. */
const USED_SOMEONES_WORK = ["無料だと思", "フリー素材", "画像検索で見つけ", "使用状況", "使用料", "配達証明", "内容証明"];
/** Words of a shop that took an order paid with someone else's card (他-4): the what and the now step share them. */
const CARD_FRAUD_ORDER = ["不正なクレジットカード", "カード決済", "チャージバック", "カードの不正利用", "不正利用の可能性", "カード名義", "名義が違"];

/** Steps that follow from what the client did, whatever the threat. */
const SITUATION_STEPS: AdviceStep[] = [
  step("any/now/changePassword", "now", 3, "IDやパスワードを入力してしまった場合は、すぐにパスワードを変更し、同じパスワードを使い回している他のサービスも変更して、二段階認証を設定してください。", {
    when: ["enteredPassword"],
    measures: ["2-5"],
    signals: ["パスワードを変更", "パスワード変更", "パスワードを変え"],
    source: S.antiPhishing,
  }),
  step("any/now/cardCompany", "now", 3, "カード番号を入力してしまった場合は、すぐにカード会社に連絡して利用停止と再発行を依頼し、利用明細に身に覚えのない請求がないか確認してください。不正利用の分は補償される場合があります。", {
    when: ["enteredCard"],
    measures: ["4-6"],
    contacts: ["cardCompany"],
    signals: ["カード会社に連絡", "カード会社へ連絡", "利用停止"],
    source: S.antiPhishing,
  }),
  step("any/now/transferred", "now", 3, "振り込んでしまった場合は、すぐに振込先の銀行と自分の取引銀行に連絡して口座の凍結や組戻しを依頼し、警察に相談して被害届を出してください。", {
    when: ["transferred"],
    measures: ["4-6"],
    contacts: ["bank", "police"],
    signals: ["銀行に連絡", "金融機関に連絡", "組戻し", "口座の凍結"],
    source: S.npaCyber,
  }),
  step("any/now/paid", "now", 3, "電子マネーで支払ってしまった場合は、すぐに発行会社に連絡して利用停止を依頼し（カードならカード会社に連絡し）、レシートなどの証拠を保存して警察に相談してください。追加の支払いには応じないでください。", {
    when: ["paid"],
    unless: ["transferred"],
    measures: ["4-6"],
    contacts: ["cardCompany", "police"],
    signals: ["発行会社に連絡", "発行元", "カード会社に連絡"],
    source: S.kokusen,
  }),
  step("any/now/remoteAccess", "now", 3, "遠隔操作を許してしまった場合は、パソコンをネットワークから切り離し（LANケーブルを抜きWi-Fiを切る）、遠隔操作ソフトをアンインストールしてウイルス対策ソフトでフルスキャンし、別の機器からパスワードを変更してください。", {
    when: ["remoteAccess"],
    measures: ["4-5", "2-3"],
    signals: ["ネットワークから切り離", "アンインストール", "遠隔操作ソフトを削除"],
    source: S.ipaFakeAlert,
  }),
  step("any/contact/ppc", "contact", 3, "個人情報が漏えいした（おそれがある）場合は、個人情報保護委員会への報告と本人への通知が必要です。", {
    when: ["leaked", "deviceLost"],
    all: ["firm"],
    unless: ["consumer"],
    measures: ["4-3", "4-6"],
    contacts: ["ppc"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("any/contact/ppcAtRisk", "contact", 2, "個人情報が漏えいしたおそれがあれば、個人情報保護委員会への報告が必要か確認してください。", {
    when: ["encrypted", "infected", "accountTaken", "sentSpam", "remoteAccess"],
    all: ["firm"],
    unless: ["leaked", "deviceLost"],
    // Only a check whether a report is due: not yet a countermeasure to list.
    measures: [],
    contacts: ["ppc"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("any/now/notifyCustomers", "now", 2, "影響するお客様に通知し、問い合わせ窓口を設けてください。", {
    when: ["leaked", "deviceLost"],
    all: ["customers"],
    measures: ["4-3"],
    signals: ["お客様に通知", "問い合わせ窓口"],
    source: S.ppc,
  }),
  step("leak/now/notifiedConsumer", "now", 3, "預け先から情報漏えいのお知らせが届いた場合は、公式サイトの発表や窓口で内容を確認し、お詫びを装った不審な電話やメール、お金の要求には応じないでください。困ったときは消費生活センター（188）に相談してください。", {
    items: ["1-2", "1-3", "1-5", "1-13"],
    when: ["leaked"],
    all: ["consumer"],
    unless: ["firm"],
    contacts: ["consumer"],
    measures: ["2-9"],
    signals: ["公式サイトの発表", "不審な電話"],
    source: S.ppc,
  }),
  step("any/now/remoteInvestigate", "now", 2, "業務の情報が見られたおそれがあれば、フォレンジックの専門業者に調査を依頼し、委託元や取引先に速やかに報告してください。", {
    when: ["remoteAccess"],
    all: ["firm"],
    unless: ["consumer"],
    measures: ["4-3"],
    signals: ["専門業者に調査", "フォレンジック", "速やかに報告"],
    source: S.ipaFakeAlert,
  }),
  step("any/now/keepEvidence", "now", 1, "画面のスクリーンショットやメールを残し、ログを保存して証拠を保全してください。", {
    when: ["moneyLost", "threatened", "billed", "transferred"],
    signals: ["記録を保存", "記録を残", "証拠を保存", "証拠を保全", "ログを保存", "画面を保存", "スクリーンショット"],
    source: S.keishicho,
  }),
  step("any/now/lostReport", "now", 2, "紛失や盗難は、警察に遺失届（盗難届）を出してください。", {
    when: ["deviceLost"],
    contacts: ["police"],
    measures: ["2-7"],
    signals: ["遺失届"],
    source: S.keishicho,
  }),
  step("any/now/endOfSupport", "now", 3, "メーカーのサポートが終了した機器やOSにはセキュリティ更新プログラムが提供されないため、買い替えやアップグレードを計画し、それまではインターネットに接続しない使い方にしてください。", {
    // Also a device bought or installed years ago: its support has often ended without anyone noticing.
    mentions: ["サポートが終", "サポート終了", "サポートが切れ", "サポート切れ", "更新が出ていな", "更新がもう", "更新が止ま", "windows 10", "windows10", "windows 7", "windows7", "eol", "年前に買", "年前に購入", "年前に設置", "古いルーター", "古い機器"],
    measures: ["2-2"],
    signals: ["サポートが終了", "サポート終了", "買い替え"],
    source: S.ipaAnshin,
  }),
  step("any/now/workMailbox", "now", 2, "業務のメールアカウントなら、管理者に報告し、サインイン履歴と転送設定を確認して、多要素認証を設定してください。", {
    when: ["enteredPassword", "accountTaken", "sentSpam"],
    all: ["cloud", "firm"],
    unless: ["consumer"],
    measures: ["2-6", "2-5"],
    signals: ["サインイン履歴", "管理者に報告"],
    source: S.ipaAnshin,
  }),
];

const ITEM_STEPS: AdviceStep[] = [
  // 1-1 標的型攻撃（Emotetなどメール経由のマルウェアを含む）
  step("1-1/what", "what", 2, "取引先などを装った標的型攻撃メールの添付ファイルやリンクでウイルス（Emotetなど）に感染させ、情報を盗む手口です。", {
    items: ["1-1"],
    signals: ["装ったメール", "なりすましたメール", "Emotet"],
    source: S.ipaEmotet,
  }),
  step("1-1/now/disconnect", "now", 3, "添付ファイルを開いたパソコンはすぐにネットワークから切り離し（LANケーブルを抜きWi-Fiを切る）、ウイルス対策ソフトでフルスキャンしてください。", {
    items: ["1-1"],
    measures: ["4-5", "2-3"],
    signals: ["ネットワークから切り離", "LANケーブルを抜", "ネットワークから外"],
    source: S.guidebook,
  }),
  step("1-1/now/emocheck", "now", 3, "JPCERT/CCのEmoCheckで感染を確認し、そのパソコンで使っていたメールなどのパスワードを変更してください。", {
    items: ["1-1"],
    measures: ["2-3", "2-5"],
    contacts: ["emocheck"],
    signals: ["EmoCheck", "パスワードを変更"],
    source: S.jpcertEmotet,
  }),
  step("1-1/now/warnPartners", "now", 3, "取引先に連絡して自社をかたる不審なメールへの注意喚起をし、社内に周知してください。", {
    items: ["1-1", "1-13"],
    unless: ["consumer"],
    measures: ["4-5", "2-10"],
    signals: ["取引先に連絡", "取引先へ連絡", "取引先に注意", "注意を呼びかけ", "取引先に知らせ"],
    source: S.jpcertEmotet,
  }),
  step("1-1/now/notOpened", "now", 3, "添付ファイルやリンクを開いていなければ、開かずに削除し、同じメールが届いていないか社内で共有してください。", {
    items: ["1-1"],
    when: ["nothingDoneYet"],
    measures: ["2-9", "2-10"],
    signals: ["開かずに削除", "開かないで"],
    source: S.ipaEmotet,
  }),
  step("1-1/now/bank", "now", 3, "ネットバンキングを使うパソコンなら、取引銀行に連絡して利用を止めてもらい、取引履歴を確認してください。", {
    items: ["1-1"],
    when: ["bank"],
    unless: ["nothingDoneYet"],
    measures: ["4-6"],
    contacts: ["bank"],
    signals: ["銀行に連絡", "取引銀行"],
    source: S.npaCyber,
  }),
  step("1-1/contact/ppc", "contact", 3, "IPAに情報提供して警察に相談し、メールアドレスなどの個人情報が流出したおそれがあれば個人情報保護委員会に報告してください。", {
    items: ["1-1"],
    measures: ["4-6", "4-3"],
    contacts: ["ppc", "ipaReport", "police"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("1-1/now/leak", "now", 2, "情報が盗まれた疑いがある場合は、フォレンジックの専門業者にログの調査を依頼し、取引先に報告して経緯と再発防止策を説明してください。", {
    items: ["1-1"],
    when: ["leaked"],
    measures: ["4-3"],
    signals: ["専門業者", "フォレンジック", "取引先に事実を報告"],
    source: S.ipaEmotet,
  }),
  step("1-1/prevent", "prevent", 3, "心当たりのない添付ファイルを開かないでください。知っている相手からでもマクロを有効にせず、不審なメールは送信元に電話で確認するなど、別の手段で確認しましょう。", {
    items: ["1-1"],
    measures: ["2-10", "2-9"],
    signals: ["マクロ", "送信元に確認", "差出人に確認"],
    source: S.ipaEmotet,
  }),

  step("1-1/prevent/extensions", "prevent", 1, "ファイルの拡張子を表示する設定にし、OSやウイルス対策ソフトを最新の状態に保ちましょう。", {
    items: ["1-1"],
    measures: ["2-2", "2-3"],
    signals: ["拡張子"],
    source: S.ipaEmotet,
  }),

  // 1-2 ランサムウェア
  step("1-2/what", "what", 3, "ファイルを暗号化し、元に戻す代わりに身代金を要求するランサムウェアの被害と考えられます。", {
    items: ["1-2"],
    signals: ["ランサムウェア"],
    source: S.ipaRansom,
  }),
  step("1-2/what/doubleExtortion", "what", 2, "盗んだデータを公開すると脅す「二重恐喝」の手口もあります。", {
    items: ["1-2"],
    when: ["leaked", "threatened"],
    signals: ["二重恐喝", "公開すると脅"],
    source: S.npaRansom,
  }),
  step("1-2/now/disconnect", "now", 3, "感染した機器はすぐにネットワークから切り離し（LANケーブルを抜きWi-Fiを切る）、電源を切らずに画面を写真に撮るなど状況を記録してください。", {
    items: ["1-2"],
    measures: ["4-5", "4-4"],
    signals: ["ネットワークから切り離", "LANケーブルを抜", "ネットワークから外"],
    source: S.ipaRansom,
  }),
  step("1-2/now/dontPay", "now", 3, "身代金は支払わないでください。払ってもデータが戻る保証はなく、再び狙われます。", {
    items: ["1-2"],
    signals: ["支払わない", "払わない", "支払いは勧め", "支払いはお勧めしません"],
    source: S.npaRansom,
  }),
  step("1-2/now/restore", "now", 3, "原因を取り除くまではネットワークにつながないでください。専門業者（フォレンジック）と侵入経路を調べ、初期化してから無事なバックアップから復旧します。", {
    items: ["1-2"],
    measures: ["2-4", "4-4"],
    signals: ["バックアップから復旧", "バックアップから復元", "バックアップから戻"],
    source: S.ipaRansom,
  }),
  step("1-2/now/vendor", "now", 1, "サーバーやNASの保守業者に連絡し、保守契約の内容（責任範囲）を確認してください。", {
    items: ["1-2"],
    when: ["server", "nas"],
    measures: ["4-4"],
    contacts: ["maker"],
    signals: ["保守業者", "保守契約"],
    source: S.ipaRansom,
  }),
  step("1-2/now/source", "now", 1, "共有フォルダやNASのファイルが暗号化された場合は、感染源のパソコンを探してネットワークから切り離し、ほかのパソコンも感染していないか確かめてください。", {
    items: ["1-2"],
    all: ["encrypted", "pc"],
    mentions: ["nas", "共有フォルダ", "共有している", "ファイルサーバ"],
    measures: ["4-5"],
    signals: ["感染源", "感染したパソコン"],
    source: S.npaRansom,
  }),
  step("1-2/now/partners", "now", 2, "取引先や顧客の情報が含まれていれば、取引先に連絡して経緯を説明してください。", {
    items: ["1-2"],
    when: ["leaked", "threatened"],
    all: ["firm"],
    measures: ["4-3"],
    signals: ["取引先に連絡", "取引先へ連絡"],
    source: S.ipaRansom,
  }),
  step("1-2/prevent/exposure", "prevent", 1, "NASやリモートデスクトップ、VPNはインターネットに公開する設定を見直し、多要素認証を使いましょう。", {
    items: ["1-2"],
    when: ["nas", "vpn", "server"],
    measures: ["2-6", "2-5"],
    signals: ["インターネットに公開", "外部公開", "多要素認証"],
    source: S.ipaRansom,
  }),
  step("1-2/contact", "contact", 3, "警察に相談して被害届を出し（警視庁サイバー犯罪対策課）、IPAに届け出てください。", {
    items: ["1-2"],
    unless: ["firm"],
    measures: ["4-6"],
    contacts: ["police", "ipaReport"],
    signals: ["警察", "警視庁"],
    source: S.npaRansom,
  }),
  step("1-2/contact/firm", "contact", 3, "警察に相談して被害届を出し（警視庁サイバー犯罪対策課）、IPAに届け出てください。個人情報が含まれていれば個人情報保護委員会にも報告してください。", {
    items: ["1-2"],
    all: ["firm"],
    measures: ["4-6"],
    contacts: ["police", "ipaReport", "ppc"],
    signals: ["警察", "警視庁", "個人情報保護委員会"],
    source: S.npaRansom,
  }),
  step("1-2/prevent", "prevent", 3, "バックアップは複数世代を取り（世代管理）、ネットワークから切り離して保管し、VPN機器やOSを最新の状態にアップデートし、ウイルス対策ソフトを導入しましょう。", {
    items: ["1-2"],
    measures: ["2-4", "2-2", "2-3"],
    signals: ["バックアップを取", "複数世代", "オフライン"],
    source: S.npaRansom,
  }),

  // 1-3 Webサービスからの個人情報の窃取
  step("1-3/what", "what", 2, "Webサイトやネットショップの弱点を突かれ、決済画面の改ざんなどで会員情報やクレジットカード情報が盗まれる被害です。", {
    items: ["1-3"],
    unless: ["consumer"],
    signals: ["弱点を突", "脆弱性を突"],
    source: S.guidebook,
  }),
  step("1-3/now/stop", "now", 3, "被害の拡大を防ぐためカード決済を停止するかサイトを停止し、運用の委託先と協力して、フォレンジックの専門業者に侵入経路と漏えいの範囲を調べてもらってください。", {
    items: ["1-3"],
    unless: ["consumer"],
    measures: ["4-3", "4-4"],
    signals: ["一時閉鎖", "決済を停止", "決済を止め", "調査会社", "侵入経路", "フォレンジック"],
    source: S.jcredit,
  }),
  step("1-3/now/notify", "now", 3, "ホームページで公表し、影響を受けた会員やお客様に連絡（本人に通知）し、カードの利用明細の確認とパスワードの変更、お詫びを装ったフィッシングへの注意を呼びかけ、問い合わせ窓口を設けてください。", {
    items: ["1-3"],
    unless: ["consumer"],
    measures: ["4-3"],
    signals: ["お客様に知らせ", "お客様に通知", "顧客に連絡", "利用者に通知", "本人への通知", "本人に通知"],
    source: S.ppc,
  }),
  step("1-3/contact", "contact", 3, "個人情報保護委員会への報告が必要です。カード会社と連携し、警察に相談してください。", {
    items: ["1-3"],
    unless: ["consumer"],
    measures: ["4-6", "4-3"],
    contacts: ["ppc", "cardCompany", "police"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("1-3/now/consumer", "now", 3, "お詫びを装ったフィッシングなどの二次被害もあるので、メールのリンクを開かないでください。お店の公式サイトで確認し、そのお店で使っていたパスワードを変更してください。カードの利用明細を確認し、身に覚えのない請求があればカード会社に連絡して再発行を依頼してください。不正利用の分は補償される場合が多いです。", {
    items: ["1-3"],
    when: ["consumer"],
    measures: ["2-9", "2-12"],
    contacts: ["cardCompany"],
    signals: ["利用明細", "カード会社に連絡"],
    source: S.antiPhishing,
  }),
  step("1-3/contact/consumer", "contact", 2, "補償やお店の対応で困ったときは、消費生活センター（消費者ホットライン188）に相談できます。", {
    items: ["1-3"],
    when: ["consumer"],
    unless: ["firm"],
    contacts: ["consumer"],
    signals: ["消費生活センター", "188"],
    source: S.kokusen,
  }),
  step("1-3/what/consumer", "what", 2, "お店から漏えいしたカード情報や個人情報は、不正利用やお詫びを装ったフィッシングに悪用されるおそれがあります。", {
    items: ["1-3"],
    when: ["consumer"],
    signals: ["不正利用", "悪用"],
    source: S.antiPhishing,
  }),
  step("1-3/prevent/consumer", "prevent", 2, "カードの利用通知を設定して利用明細をこまめに確認し、お店ごとに別のパスワードを使いましょう。", {
    items: ["1-3"],
    when: ["consumer"],
    measures: ["2-5"],
    signals: ["利用通知", "利用明細"],
    source: S.antiPhishing,
  }),
  step("1-3/prevent", "prevent", 2, "サイトのソフトウェアをアップデートして脆弱性を修正し、カード情報を保持しない非保持化の決済方式を使いましょう。", {
    items: ["1-3"],
    unless: ["consumer"],
    measures: ["2-2", "2-15"],
    signals: ["脆弱性診断", "最新に保", "カード情報を保存しない", "非保持"],
    source: S.jcredit,
  }),

  step("1-3/prevent/retire", "prevent", 1, "使わなくなったサイトや不要なデータは確実に削除し、サイバー保険で事故対応の費用に備えましょう。", {
    items: ["1-3"],
    unless: ["consumer"],
    measures: ["2-14", "3-2"],
    signals: ["確実に削除", "サイバー保険"],
    source: S.guidebook,
  }),

  // 1-4 集中アクセスによるサービス停止
  step("1-4/what", "what", 3, "大量の通信でサイトやサーバーを止めるDDoS攻撃の可能性があります。この攻撃だけで情報が盗まれたりサイトが改ざんされたりすることはなく、漏えいの心配はありません。アクセス集中でも同じ症状が出るため、アクセスログで見分けます。", {
    items: ["1-4"],
    signals: ["DDoS", "大量の通信", "大量のアクセス"],
    source: S.guidebook,
  }),
  step("1-4/now/provider", "now", 3, "アクセスログを保存して証拠を保全し、サーバー会社に相談してプロバイダにも確認し、攻撃元の遮断やDDoS対策（WAF、CDN）を検討してください。", {
    items: ["1-4"],
    measures: ["4-4"],
    contacts: ["provider"],
    signals: ["サーバー事業者", "プロバイダに相談", "回線事業者", "DDoS対策サービス"],
    source: S.guidebook,
  }),
  step("1-4/now/inform", "now", 2, "ホームページやSNSでお知らせを掲載し、お客様に説明とお詫びをしてください。", {
    items: ["1-4"],
    unless: ["consumer"],
    measures: [],
    signals: ["お知らせを掲載", "状況を説明", "お客様に説明"],
    source: S.guidebook,
  }),
  step("1-4/now/dontPay", "now", 3, "攻撃をやめる代わりにお金を求める脅迫には応じず、返信しないでください。お金は支払わないでください。同じ文面を多くの企業に送るばらまき型の脅迫もあります。", {
    items: ["1-4"],
    when: ["threatened"],
    signals: ["支払わない", "払わない", "応じない"],
    source: S.npaCyber,
  }),
  step("1-4/contact", "contact", 2, "脅迫や業務の妨害を受けた場合は、警察に相談してください（警視庁サイバー犯罪対策課）。JPCERT/CCにも報告できます。", {
    items: ["1-4"],
    measures: ["4-6"],
    contacts: ["police", "jpcert"],
    signals: ["警察", "警視庁"],
    source: S.keishicho,
  }),
  step("1-4/prevent", "prevent", 2, "止まったときの代替手段と緊急時の連絡先を決め（事業継続計画）、利用者へのお知らせの手順とバックアップも用意しておきましょう。", {
    items: ["1-4"],
    measures: ["4-1", "2-3"],
    signals: ["事業継続", "代替手段", "緊急時の連絡"],
    source: S.guidebook,
  }),

  step("1-4/prevent/contract", "prevent", 1, "サーバーや回線の契約内容（SLA）を確かめ、アクセス制限や冗長化も検討しましょう。", {
    items: ["1-4"],
    unless: ["consumer"],
    measures: ["4-1"],
    signals: ["契約内容", "冗長化"],
    source: S.guidebook,
  }),
  step("1-4/prevent/rush", "prevent", 3, "アクセスが集中する販売には、サーバーの増強や負荷分散、時間を分けた販売や抽選販売で備えましょう。", {
    items: ["1-4"],
    mentions: ["セール", "発売", "販売開始", "告知", "キャンペーン", "アクセス集中", "アクセスが集中", "本当のお客様"],
    measures: ["4-1"],
    signals: ["負荷分散", "抽選販売", "サーバーの増強"],
    source: S.guidebook,
  }),

  // 1-5 内部不正・人為的な漏えい
  step("1-5/what", "what", 2, "従業員や退職者が権限を悪用して情報を持ち出したり消したりする内部不正や、誤送信・紛失も情報漏えいの原因になります。", {
    items: ["1-5"],
    signals: ["内部不正", "持ち出"],
    source: S.guidebook,
  }),
  step("1-5/now/preserve", "now", 3, "パソコンは電源を入れずそのまま保管し、操作ログやアクセスログなどの証拠を保全して、専門業者に調査を依頼してください。退職者のアカウントを停止（削除）してください。", {
    items: ["1-5"],
    unless: ["deviceLost"],
    measures: ["4-3", "2-6"],
    signals: ["証拠を保全", "記録を保全", "アカウントを停止", "アカウントを止め", "ログを保全"],
    source: S.guidebook,
  }),
  step("1-5/now/restore", "now", 2, "消されたデータは、バックアップから復元してください。", {
    items: ["1-5"],
    mentions: ["消え", "消去", "削除され", "消され", "初期化され"],
    measures: ["2-4", "4-4"],
    signals: ["バックアップから復元"],
    source: S.guidebook,
  }),
  step("1-5/now/lost", "now", 3, "紛失や誤送信の場合は、含まれていた情報と影響する相手を洗い出し、経緯を説明してお詫びし、誤って届いた相手には削除を依頼してください。紛失は警察に遺失届を出してください。", {
    items: ["1-5"],
    when: ["deviceLost"],
    mentions: ["誤送信", "全員返信", "送ってしまった"],
    measures: ["4-3"],
    signals: ["お詫び", "洗い出", "削除を依頼"],
    source: S.ppc,
  }),
  step("1-5/contact", "contact", 2, "損害の請求や差止めは弁護士に相談し、不正競争防止法違反などの疑いがあれば警察に相談してください。", {
    items: ["1-5"],
    unless: ["deviceLost"],
    measures: ["4-6"],
    contacts: ["lawyer", "police"],
    signals: ["弁護士"],
    source: S.guidebook,
  }),
  step("1-5/contact/ppc", "contact", 2, "お客様などの個人情報が持ち出された場合は、個人情報保護委員会への報告とお客様への連絡が必要です。", {
    items: ["1-5"],
    all: ["customers"],
    measures: ["4-3", "4-6"],
    contacts: ["ppc"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("1-5/prevent", "prevent", 2, "重要な情報へのアクセス権限を見直して必要な人に限り、USBメモリの使用や持ち出しを制限し、秘密保持の誓約書と退職時のアカウント削除を徹底しましょう。", {
    items: ["1-5"],
    unless: ["deviceLost"],
    measures: ["2-6", "2-14", "2-15"],
    signals: ["アクセス権", "アクセス権限"],
    source: S.ipaGuideline,
  }),
  step("1-5/prevent/media", "prevent", 2, "USBメモリなどは暗号化やパスワードを設定し、持ち出しルールを決め、メールは送信前に宛先を確認し、送信保留などの誤送信防止機能を使いましょう。", {
    items: ["1-5"],
    when: ["deviceLost"],
    mentions: ["誤送信", "全員返信"],
    measures: ["2-7", "2-8", "2-9"],
    signals: ["暗号化", "宛先"],
    source: S.ipaGuideline,
  }),

  step("1-5/prevent/rules", "prevent", 1, "私物スマホの持ち込みや撮影を制限し、顧客情報は営業秘密として管理しましょう。", {
    items: ["1-5"],
    unless: ["deviceLost"],
    measures: ["2-8", "2-13"],
    signals: ["持ち込み", "営業秘密"],
    source: S.ipaGuideline,
  }),

  // 1-6 Webサイトの改ざん
  step("1-6/what", "what", 2, "Webサイトが改ざんされ、閲覧した人が不正なサイトへ誘導されたりウイルスに感染させられたりするおそれがあります。", {
    items: ["1-6"],
    signals: ["改ざん"],
    source: S.guidebook,
  }),
  step("1-6/now/offline", "now", 3, "サイトの公開を停止（一時閉鎖）し、画面とアクセスログを保存して、改ざんされたファイルと侵入経路（古いCMSやプラグイン、盗まれたパスワードなど）を調べてください。", {
    items: ["1-6"],
    measures: ["4-4"],
    signals: ["公開停止", "公開を停止", "閉鎖", "侵入経路", "原因を調"],
    source: S.guidebook,
  }),
  step("1-6/now/restore", "now", 3, "管理画面やFTPのパスワードを変更し、不正なファイルや不正なコード、見覚えのない管理者ユーザーを削除し、改ざん前のバックアップから復旧してください。更新に使うパソコンもウイルスチェックしてください。", {
    items: ["1-6"],
    measures: ["2-5", "2-4"],
    signals: ["パスワードを変更", "バックアップから復旧", "バックアップから復元"],
    source: S.guidebook,
  }),
  step("1-6/now/visitors", "now", 2, "閲覧した人が感染したおそれがあるときは、お知らせを掲載して閲覧者に注意を呼びかけてください。", {
    items: ["1-6"],
    measures: ["4-4"],
    signals: ["閲覧者に", "お知らせを掲載"],
    source: S.guidebook,
  }),
  step("1-6/now/searchConsole", "now", 2, "検索結果に警告が出る場合は、復旧後にGoogleのSearch Consoleから再審査をリクエストしてください。", {
    items: ["1-6"],
    mentions: ["検索", "google"],
    signals: ["Search Console", "再審査"],
    source: S.guidebook,
  }),
  step("1-6/contact", "contact", 2, "サイトの制作会社やレンタルサーバー会社に相談し、IPAに届け出て、警察に相談してください。", {
    items: ["1-6"],
    measures: ["4-6"],
    contacts: ["provider", "ipaReport", "police"],
    signals: ["制作会社", "サーバー事業者", "IPA"],
    source: S.ipaAnshin,
  }),
  step("1-6/prevent", "prevent", 3, "CMSやプラグインは最新版にアップデートし、不要なプラグインは削除しましょう。", {
    items: ["1-6"],
    measures: ["2-2"],
    signals: ["最新", "アップデート"],
    source: S.guidebook,
  }),

  // 1-7 インターネットバンキングの不正送金
  step("1-7/what", "what", 1, "偽のログイン画面やウイルスでネットバンキングの情報を盗み、口座から不正に送金する手口です。銀行がメールやSMS、電話で暗証番号などを聞くことはないので、入力したり教えたりしないでください。", {
    items: ["1-7"],
    signals: ["偽のログイン画面", "不正に送金", "不正送金"],
    source: S.npaCyber,
  }),
  step("1-7/now/callBank", "now", 3, "すぐに取引銀行に連絡して口座の利用停止と組戻しを依頼し、警察に相談して被害届を出してください。", {
    items: ["1-7"],
    when: ["moneyLost", "transferred"],
    measures: ["4-6"],
    contacts: ["bank", "police"],
    signals: ["銀行に連絡", "金融機関に連絡", "口座の利用を止", "利用停止"],
    source: S.npaCyber,
  }),
  step("1-7/now/callBankEarly", "now", 3, "入力してしまった場合は、すぐに取引銀行に連絡して口座の利用停止を依頼し、取引履歴に身に覚えのない振込がないか確認してください。", {
    items: ["1-7"],
    unless: ["moneyLost", "transferred"],
    measures: ["4-6"],
    contacts: ["bank"],
    signals: ["銀行に連絡", "金融機関に連絡", "口座の利用を止", "利用停止"],
    source: S.zengin,
  }),
  step("1-7/now/verify", "now", 2, "不審なメールやSMS、FAXは、公式サイトに記載の代表番号で銀行に確認し、リンクやQRコードにはアクセスしないでください。", {
    items: ["1-7"],
    unless: ["moneyLost", "transferred"],
    measures: ["2-9", "2-12"],
    signals: ["銀行に確認", "代表番号", "アクセスしない"],
    source: S.zengin,
  }),
  step("1-7/now/passwordScan", "now", 3, "使ったパソコンは使用を中止してネットワークから切り離し、ウイルスチェックをしてください。別のパソコンからパスワードを変更してください。", {
    items: ["1-7"],
    measures: ["2-3", "2-5", "4-5"],
    signals: ["パスワードを変更", "暗証番号を変更", "ウイルス検査", "切り離"],
    source: S.npaCyber,
  }),
  step("1-7/contact/compensation", "contact", 2, "預金の補償制度により被害が補償されることがあるので、早めに銀行に相談してください。", {
    items: ["1-7"],
    signals: ["補償"],
    source: S.zengin,
  }),
  step("1-7/contact/phishing", "contact", 3, "偽の画面やメールはフィッシング対策協議会に情報提供し、警察に相談してください。", {
    items: ["1-7"],
    unless: ["moneyLost", "transferred"],
    contacts: ["police", "antiPhishing"],
    signals: ["フィッシング対策協議会"],
    source: S.antiPhishing,
  }),
  step("1-7/prevent", "prevent", 3, "OSとソフトをアップデートし、送金には専用のパソコンを使い、ログインはメールやSMSのリンクからではなく公式アプリやブックマークから行い、ワンタイムパスワードを使いましょう。", {
    items: ["1-7"],
    measures: ["2-2", "2-12", "2-5"],
    signals: ["ワンタイムパスワード", "電子証明書", "ブックマーク", "公式アプリ"],
    source: S.npaCyber,
  }),

  // 1-8 悪意のあるスマホアプリ
  step("1-8/what", "what", 2, "宅配業者などを装ったSMSから不正アプリ（偽アプリ）を入れさせ、情報を盗んだり、そのスマホから偽のSMSを勝手に送らせたりする手口です。", {
    items: ["1-8"],
    signals: ["偽のアプリ", "不正なアプリ", "不審なアプリ"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/airplane", "now", 3, "すぐに機内モードにして通信を止め、不審なアプリを削除するか、スマホを初期化してください。", {
    items: ["1-8"],
    measures: ["4-5"],
    signals: ["機内モード", "アプリを削除", "初期化"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/carrier", "now", 3, "携帯電話会社に連絡してキャリア決済を停止（限度額を下げる）し、利用明細に身に覚えのない請求がないか確認してください。", {
    items: ["1-8"],
    measures: [],
    contacts: ["carrier"],
    signals: ["携帯電話会社", "キャリア"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/passwords", "now", 2, "そのスマホで使っていたサービスのパスワードを変更してください。", {
    items: ["1-8"],
    measures: ["2-5"],
    signals: ["パスワードを変更", "パスワード変更"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/apology", "now", 2, "勝手にSMSが送られた相手には、お詫びと注意喚起の連絡をしてください。", {
    items: ["1-8"],
    when: ["sentSpam"],
    unless: ["consumer"],
    signals: ["お詫び", "注意喚起"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/bank", "now", 3, "ネットバンキングのアプリを入れていた場合は、銀行に連絡して取引履歴を確認してください。", {
    items: ["1-8"],
    when: ["bank"],
    contacts: ["bank"],
    signals: ["銀行に連絡", "取引履歴"],
    source: S.npaCyber,
  }),
  step("1-8/now/shop", "now", 1, "操作に不安があれば、携帯ショップに相談してください。", {
    items: ["1-8"],
    signals: ["携帯ショップ"],
    source: S.ipaAnshin,
  }),
  step("1-8/now/subscription", "now", 3, "無料とうたうアプリでも、一定期間の後に有料の定期購入（サブスク）に切り替わることがあります。アプリを削除しても解約にはならないので、ストアの定期購入の画面から解約手続きをしてください。", {
    items: ["1-8"],
    // A subscription the client chose to install (a malicious app's charges have steps of their own).
    mentions: ["定期購入", "無料とうたう", "無料のはず", "有料になる", "無料期間", "自動更新"],
    unless: ["clickedLink"],
    measures: ["2-12"],
    signals: ["定期購入", "解約手続"],
    source: S.kokusen,
  }),
  step("1-8/prevent/permissions", "prevent", 1, "アプリを入れるときは、求められるアクセス許可（権限）を確認し、連絡先やSMSなど不要な権限は許可しないようにしましょう。", {
    items: ["1-8"],
    mentions: ["アクセス許可", "権限"],
    measures: ["2-12"],
    signals: ["アクセス許可", "権限"],
    source: S.ipaGuideline,
  }),
  step("1-8/contact", "contact", 2, "偽のSMSはフィッシング対策協議会に報告できます。お金の被害があれば警察に相談し、困ったときは消費生活センター（188）やIPAの安心相談窓口を利用してください。", {
    items: ["1-8"],
    contacts: ["antiPhishing", "police", "consumer", "ipaAnshin"],
    signals: ["フィッシング対策協議会", "消費生活センター"],
    source: S.antiPhishing,
  }),
  step("1-8/prevent", "prevent", 3, "アプリは公式ストアからだけ入れ、提供元不明のアプリのインストールを許可せず、セキュリティアプリを使い、SMSやメールのリンクを開かないようにしましょう。", {
    items: ["1-8"],
    measures: ["2-3", "2-12"],
    signals: ["公式ストア", "公式のアプリストア", "リンクは開かない"],
    source: S.soumuKokumin,
  }),

  // 1-9 ワンクリック詐欺・偽警告（サポート詐欺）
  step("1-9/what/fakeAlert", "what", 3, "「ウイルスに感染した」という表示は偽の警告で、電話をかけさせてサポート料金などをだまし取るサポート詐欺の手口です。", {
    items: ["1-9"],
    unless: ["billed"],
    signals: ["偽の警告", "偽警告", "サポート詐欺"],
    source: S.ipaFakeAlert,
  }),
  step("1-9/what/oneClick", "what", 3, "「登録完了」として料金を請求する画面はワンクリック請求と呼ばれる詐欺で、契約は成立しておらず、支払う必要はありません。", {
    items: ["1-9"],
    when: ["billed"],
    signals: ["ワンクリック", "支払う必要はありません", "支払う必要はない"],
    source: S.ipaOneClick,
  }),
  step("1-9/now/dontCall", "now", 3, "表示された番号に電話しないでください。お金も支払わないでください。ブラウザを閉じれば消え、閉じられないときはタスクマネージャーで終了し、閲覧履歴を削除してください。", {
    items: ["1-9"],
    unless: ["billed"],
    measures: ["2-12"],
    signals: ["電話しない", "電話をかけない", "ブラウザを閉じ", "ブラウザを終了"],
    source: S.ipaFakeAlert,
  }),
  step("1-9/now/ignoreBill", "now", 3, "請求には応じず、支払わないでください。業者に連絡しないでください。ブラウザを閉じ、画面が消えないときは閲覧履歴を削除するかシステムの復元で消せます。", {
    items: ["1-9"],
    when: ["billed"],
    signals: ["応じない", "連絡しない", "支払わない", "システムの復元"],
    source: S.ipaOneClick,
  }),
  step("1-9/now/remote", "now", 3, "電話をかけて遠隔操作ソフトを入れてしまった場合は、ネットワークから切り離し、遠隔操作ソフトをアンインストールしてフルスキャンし、パスワードを変更してください。", {
    items: ["1-9"],
    when: ["remoteAccess", "installedApp", "calledNumber"],
    unless: ["phone"],
    measures: ["4-5"],
    signals: ["アンインストール", "フルスキャン"],
    source: S.ipaFakeAlert,
  }),
  step("1-9/now/dontPay", "now", 2, "サポート料金や電子マネーは支払わないでください。相手から電話がきても相手にしないでください。", {
    items: ["1-9"],
    unless: ["billed"],
    signals: ["支払わない", "相手にしない"],
    source: S.ipaFakeAlert,
  }),
  step("1-9/now/phoneApp", "now", 2, "表示に従ってアプリをインストールしないでください。入れてしまったアプリはアンインストールしてください。", {
    items: ["1-9"],
    when: ["phone"],
    signals: ["インストールしない", "アンインストール"],
    source: S.ipaFakeAlert,
  }),
  step("1-9/now/refund", "now", 2, "サポート契約の代金を支払った場合は、業者に解約と返金を求め（クーリング・オフできることもあります）、カード会社に支払い停止を相談してください。", {
    items: ["1-9"],
    // A contract to cancel, not any payment (the paid step covers that).
    mentions: ["解約", "返金", "サポート契約", "年間契約"],
    measures: ["4-6"],
    contacts: ["cardCompany"],
    signals: ["返金", "クーリング・オフ", "解約"],
    source: S.kokusen,
  }),
  step("1-9/contact", "contact", 3, "不安なときは消費生活センター（消費者ホットライン188）やIPAの安心相談窓口に相談できます。脅されたりお金を払ってしまったりしたときは警察に相談してください。", {
    items: ["1-9"],
    measures: [],
    contacts: ["consumer", "ipaAnshin", "police"],
    signals: ["消費者ホットライン", "消費生活センター", "188"],
    source: S.kokusen,
  }),
  step("1-9/prevent", "prevent", 2, "OSやブラウザを最新に保ち、ウイルス対策ソフトを入れておきましょう。", {
    items: ["1-9"],
    measures: ["2-12", "2-3"],
    signals: ["最新に保", "ウイルス対策ソフトを入れ"],
    source: S.ipaFakeAlert,
  }),

  // 1-10 Webサービスへの不正ログイン
  step("1-10/what", "what", 2, "盗まれたり推測されたりしたパスワードで、第三者がアカウントにログインして乗っ取る被害です。", {
    items: ["1-10"],
    signals: ["乗っ取"],
    source: S.guidebook,
  }),
  step("1-10/now/recover", "now", 3, "ログインできるならすぐにパスワードを変更し、できない場合は運営会社の問い合わせフォームから本人確認をしてアカウントの復旧を申請してください。", {
    items: ["1-10"],
    unless: ["customers"],
    measures: ["2-5"],
    contacts: ["operator"],
    signals: ["パスワードを変更", "本人確認", "アカウントの回復", "再設定"],
    source: S.ipaAnshin,
  }),
  step("1-10/now/twoFactor", "now", 3, "同じパスワードを使い回している他のサービスも変更し、二段階認証を設定して、ログイン履歴を確認してください。", {
    items: ["1-10"],
    measures: ["2-6", "2-5"],
    signals: ["二段階認証", "2段階認証", "多要素認証", "使い回"],
    source: S.soumuKokumin,
  }),
  step("1-10/now/warnContacts", "now", 2, "別の手段でフォロワーに知らせ、友だちや取引先に連絡して、不審なメッセージに応じないよう注意を呼びかけてください。", {
    items: ["1-10"],
    when: ["sns", "sentSpam", "email", "cloud"],
    unless: ["customers"],
    signals: ["乗っ取りを知らせ", "呼びかけ", "知らせ"],
    source: S.ipaAnshin,
  }),
  step("1-10/now/ownService", "now", 3, "自社のサービスで不正ログインが起きた場合は、被害に遭った会員のパスワードを強制的に変更（パスワードリセット）し、不正に使われたポイントを戻して会員に連絡し、ログイン試行の制限や二段階認証を導入してください。", {
    items: ["1-10"],
    all: ["customers", "firm"],
    mentions: ["会員", "自社のサービス", "当社のサービス", "うちのサービス", "ログイン試行", "リスト型", "パスワードリスト", "ポイント"],
    measures: ["2-6", "2-5", "4-3"],
    signals: ["パスワードを初期化", "リセット", "会員に知らせ", "ログイン試行"],
    source: S.guidebook,
  }),
  step("1-10/now/spamSent", "now", 2, "乗っ取られたアカウントから大量のメールが送られた場合は、送信制限やブラックリストへの登録を確認して解除を依頼し、取引先に連絡してお詫びと注意喚起をしてください。", {
    items: ["1-10"],
    when: ["sentSpam"],
    all: ["firm"],
    measures: ["2-11", "4-3"],
    signals: ["送信制限", "ブラックリスト", "お詫び"],
    source: S.ipaAnshin,
  }),
  step("1-10/now/mailRules", "now", 2, "メールのアカウントでは、転送設定や受信ルールが勝手に追加されていないか確認してください。", {
    items: ["1-10"],
    when: ["cloud"],
    mentions: ["メールアカウント", "大量のメール", "大量メール"],
    signals: ["転送設定"],
    source: S.ipaAnshin,
  }),
  step("1-10/now/billing", "now", 3, "身に覚えのない請求は、カード会社や携帯電話会社に連絡して支払いを止めてもらい、解決しないときは消費生活センター（188）に相談してください。", {
    items: ["1-10"],
    when: ["billed", "moneyLost"],
    unless: ["customers"],
    contacts: ["cardCompany", "carrier", "consumer"],
    signals: ["カード会社に", "支払いを止め"],
    source: S.kokusen,
  }),
  step("1-10/now/shared", "now", 3, "何人かで同じIDとパスワードを共有しているアカウントは、ログイン中の端末を確認してすべてログアウトさせ、パスワードを変更して、共有をやめ、一人ずつの権限に分けてください。辞めた人が使えないようにしましょう。", {
    items: ["1-10"],
    mentions: ["idを共有", "パスワードを共有", "アカウントを共有", "共有アカウント", "同じidとパスワード", "同じアカウントを", "みんなで使って", "皆で使って"],
    measures: ["2-6", "2-5"],
    signals: ["共有をやめ", "ログアウト"],
    source: S.ipaGuideline,
  }),
  step("1-10/contact", "contact", 2, "不正に使われた被害があれば警察に相談し（警視庁サイバー犯罪対策課）、対処に困ったらIPAの安心相談窓口も利用してください。", {
    items: ["1-10"],
    measures: ["4-6"],
    contacts: ["police", "ipaAnshin"],
    signals: ["警察"],
    source: S.keishicho,
  }),
  step("1-10/prevent", "prevent", 2, "パスワードはサービスごとに長く推測されにくいものにし、SMSで届く認証コードは誰にも教えず、不要な連携アプリは連携を解除しましょう。", {
    items: ["1-10"],
    measures: ["2-5"],
    signals: ["認証コード", "推測されにくい", "使い回さ"],
    source: S.soumuKokumin,
  }),

  // 1-11 公開された脆弱性対策情報の悪用
  step("1-11/what", "what", 2, "修正されていない脆弱性が公表されると、その製品を使う機器が探されて狙われます。", {
    items: ["1-11"],
    signals: ["脆弱性"],
    source: S.guidebook,
  }),
  step("1-11/now/patch", "now", 3, "使っている機器の型番とバージョンを確認し、メーカーの情報に従ってファームウェアを最新版にアップデートしてください。", {
    items: ["1-11"],
    measures: ["2-2"],
    signals: ["修正プログラム", "アップデート", "ファームウェアを更新", "パッチ"],
    source: S.jpcertAlerts,
  }),
  step("1-11/now/credentials", "now", 3, "侵入された疑いがある場合は、パスワード変更だけでは不十分です。VPN機器などのパスワードを変更し、ログを確認して不審な接続がないか調べてください。", {
    items: ["1-11"],
    when: ["vpn", "infected", "leaked"],
    measures: ["2-5", "2-6"],
    signals: ["認証情報を変更", "パスワードを変更", "接続の記録", "ログを確認"],
    source: S.jpcertAlerts,
  }),
  step("1-11/now/plugins", "now", 3, "不要なプラグインは削除し、本体とプラグインを自動更新で最新版に保ち、バックアップを取ってください。", {
    items: ["1-11"],
    mentions: ["プラグイン", "wordpress", "ワードプレス", "cms"],
    measures: ["2-2", "2-4"],
    signals: ["不要なプラグイン", "自動更新"],
    source: S.jpcertAlerts,
  }),
  step("1-11/now/investigate", "now", 2, "侵入された場合は専門業者にログの調査を依頼して被害範囲を確かめ、影響する取引先に連絡してください。", {
    items: ["1-11"],
    when: ["infected", "leaked"],
    measures: [],
    signals: ["専門業者", "被害範囲"],
    source: S.jpcertAlerts,
  }),
  step("1-11/now/logs", "now", 2, "公表前から狙われていることもあるため、ログを確認して不審なアクセスや改ざんがないか調べてください。", {
    items: ["1-11"],
    unless: ["vpn", "infected", "leaked"],
    measures: ["2-3"],
    signals: ["ログを確認", "不審なアクセス"],
    source: S.jpcertAlerts,
  }),
  step("1-11/now/webApp", "now", 1, "すぐに更新できない場合は、その機器やプラグインを無効化して使用を停止するか、WAFなどで攻撃を防いでください。", {
    items: ["1-11"],
    measures: ["4-4", "2-2"],
    signals: ["waf", "公開を一時停止"],
    source: S.jpcertAlerts,
  }),
  // Its last sentence makes any/now/endOfSupport's point, so that step is left out as redundant beside it.
  step("1-11/now/maintenance", "now", 2, "型番やバージョンが分からないときは、設置した業者や販売店、メーカーのサポート窓口に相談し、保守契約を結び直して確認してもらってください。サポートが終了した機器は更新できないので買い替えてください。", {
    items: ["1-11"],
    mentions: ["契約が切れ", "保守契約", "把握していない", "分からない", "わからない", "何年も"],
    measures: ["2-2"],
    contacts: ["maker"],
    signals: ["保守契約", "買い替え"],
    source: S.ipaGuideline,
  }),
  step("1-11/contact", "contact", 2, "設置した業者やメーカー、開発会社に相談し、被害があればIPAやJPCERT/CC、警察に届け出てください。", {
    items: ["1-11"],
    measures: ["4-6"],
    contacts: ["maker", "ipaReport", "jpcert", "police"],
    signals: ["メーカー", "業者に相談"],
    source: S.ipaAnshin,
  }),
  step("1-11/prevent", "prevent", 2, "機器の一覧を作って脆弱性情報を確認する担当を決め、多要素認証を使い、不要なアカウントは削除しましょう。", {
    items: ["1-11"],
    measures: ["2-6", "2-2", "3-10"],
    signals: ["担当を決め", "機器の一覧", "多要素認証"],
    source: S.guidebook,
  }),

  // 1-12 IoT機器を踏み台にした攻撃
  step("1-12/what", "what", 2, "初期設定のパスワードのままのカメラやルーター、NASは乗っ取られ、攻撃の踏み台などに使われることがあります。", {
    items: ["1-12"],
    signals: ["踏み台", "初期設定のパスワード"],
    source: S.notice,
  }),
  step("1-12/now/password", "now", 3, "機器の初期パスワードや管理者パスワードを変更して推測されにくいものにし、ファームウェアをアップデートしてください。", {
    items: ["1-12"],
    measures: ["2-5", "2-2"],
    signals: ["パスワードを変更", "ファームウェア"],
    source: S.notice,
  }),
  step("1-12/now/reset", "now", 2, "乗っ取られた機器はネットワークから切り離して初期化し、設定し直して、インターネットに公開する設定（ポート開放などの外部公開）をやめてください。", {
    items: ["1-12"],
    measures: ["2-6"],
    signals: ["初期化", "直接見られる", "外部公開"],
    source: S.notice,
  }),
  step("1-12/now/dns", "now", 2, "ルーターのDNSの設定が書き換えられていないか確認し、おかしければ初期化（工場出荷時に戻す）して、外部（WAN側）からの管理画面へのアクセスを無効にしてください。", {
    items: ["1-12"],
    mentions: ["警告", "dns", "wi-fi", "wifi", "無線lan"],
    measures: ["2-6"],
    signals: ["dnsの設定", "工場出荷時"],
    source: S.keishicho,
  }),
  step("1-12/now/inventory", "now", 1, "ネットワークにつながっている機器の一覧を作り、同じパスワードを使っている他の機器も変更してください。", {
    items: ["1-12"],
    measures: ["2-5", "2-6"],
    signals: ["機器の一覧", "同じパスワード"],
    source: S.notice,
  }),
  step("1-12/now/exposedCamera", "now", 3, "カメラの映像が外から見られる状態になっていたら、すぐに配信を止め（電源を切るかネットから切り離す）、映っていた人（保護者など）に説明してください。", {
    items: ["1-12"],
    // The situation reader reads a feed anyone could see as a leak (and a desk only asking as nothing yet).
    when: ["leaked"],
    all: ["camera"],
    measures: ["2-6", "4-3"],
    signals: ["配信を止め", "電源を切"],
    source: S.ipaGuideline,
  }),
  step("1-12/contact/ppc", "contact", 3, "人が映る映像が外から見られていた場合は個人情報の漏えいにあたるおそれがあるので、個人情報保護委員会への報告が必要か確認し、機器のメーカーや設置業者、IPAの安心相談窓口にも相談してください。", {
    items: ["1-12"],
    // The situation reader reads a feed anyone could see as a leak (and a desk only asking as nothing yet).
    when: ["leaked"],
    all: ["camera"],
    measures: ["4-3"],
    contacts: ["ppc", "maker", "ipaAnshin"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("1-12/contact", "contact", 2, "機器のメーカーや設置業者、プロバイダに相談し、被害があれば警察に相談してください。IPAの安心相談窓口も利用できます。", {
    items: ["1-12"],
    contacts: ["maker", "provider", "police", "ipaAnshin"],
    signals: ["メーカー", "プロバイダ"],
    source: S.notice,
  }),
  step("1-12/prevent", "prevent", 2, "使わない機器や機能はネットワークから外し、外から使う必要があるときはVPNなどを通し、機器を管理する担当者を決めましょう。", {
    items: ["1-12"],
    measures: ["2-6", "2-2"],
    signals: ["使わない機器", "VPN"],
    source: S.notice,
  }),

  // 1-13 中小企業におけるサイバー攻撃被害の例
  step("1-13/what", "what", 2, "中小企業が踏み台にされて取引先まで被害が広がるサプライチェーン攻撃や、預かった情報の漏えいが起きています。", {
    items: ["1-13"],
    signals: ["中小企業でも"],
    source: S.guidebook,
  }),
  step("1-13/now/contain", "now", 3, "感染した機器をネットワークから切り離し（LANケーブルを抜きWi-Fiを切る）、ログを保全して、専門業者と被害範囲や侵入経路を調べ、パスワードを変更してください。", {
    items: ["1-13"],
    all: ["firm"],
    measures: ["4-3"],
    signals: ["ネットワークから切り離", "被害の範囲", "原因を調"],
    source: S.guidebook,
  }),
  step("1-13/now/reportClient", "now", 3, "委託元に速やかに報告して取引先に経緯を説明し、影響するお客様に連絡して問い合わせ窓口を設け、なりすましなどの二次被害に注意を呼びかけてください。", {
    items: ["1-13"],
    all: ["firm"],
    measures: ["4-3"],
    signals: ["取引先に報告", "委託元", "取引先に連絡"],
    source: S.guidebook,
  }),
  step("1-13/contact", "contact", 2, "警察に相談し、IPAの届出窓口に届け出てください。", {
    items: ["1-13"],
    measures: ["4-6"],
    contacts: ["ipaReport", "police"],
    signals: ["IPA", "警察"],
    source: S.ipaAnshin,
  }),
  step("1-13/contact/ppc", "contact", 3, "個人情報が漏えいした場合は、個人情報保護委員会に報告してください。", {
    items: ["1-13"],
    measures: ["4-3", "4-6"],
    contacts: ["ppc"],
    signals: ["個人情報保護委員会"],
    source: S.ppc,
  }),
  step("1-13/contact/lawyer", "contact", 1, "損害賠償などの対応は弁護士に相談し、サイバー保険の補償も確認してください。", {
    items: ["1-13"],
    all: ["firm"],
    contacts: ["lawyer"],
    signals: ["弁護士", "サイバー保険"],
    source: S.guidebook,
  }),
  step("1-13/prevent", "prevent", 2, "委託先の管理として契約でセキュリティ要件を定め、緊急時の連絡体制と対応手順を決めておきましょう。", {
    items: ["1-13"],
    all: ["firm"],
    measures: ["3-10", "2-14", "4-1"],
    signals: ["連絡体制", "対応手順", "委託先"],
    source: S.ipaGuideline,
  }),
  step("1-13/prevent/ownDevices", "prevent", 2, "私物のパソコンやUSBメモリを社内のネットワークにつながないルールを決めましょう。", {
    items: ["1-13"],
    mentions: ["私物", "持ち込", "自宅の", "家から持"],
    measures: ["2-8", "2-13"],
    signals: ["私物", "ルールを決め"],
    source: S.guidebook,
  }),

  // 1-14 なりすましECサイト
  step("1-14/what/consumer", "what", 3, "極端に安い、振込先が個人名義の口座、所在地や会社概要が不自然といった通販サイトは、偽ショップ（なりすましECサイト）の可能性があります。", {
    items: ["1-14"],
    when: ["consumer", "transferred"],
    signals: ["偽ショップ", "偽サイト", "個人名義"],
    source: S.saferInternet,
  }),
  step("1-14/what/firm", "what", 3, "自社のサイトをまねた偽サイト（なりすましECサイト）が作られ、お客様がだまされる被害です。", {
    items: ["1-14"],
    when: ["firm"],
    signals: ["偽サイト", "なりすましECサイト"],
    source: S.saferInternet,
  }),
  step("1-14/now/firm", "now", 3, "偽サイトのURLを確認して画面をスクリーンショットで保存し、自社サイトに注意喚起のお知らせを掲載して自社とは無関係だと知らせ、公式サイトのURLを案内し、偽サイトのプロバイダに削除を依頼してください。偽サイトの振込先口座は、振込先の銀行に連絡して情報提供して口座の凍結を求めてください。", {
    items: ["1-14"],
    when: ["firm"],
    measures: ["2-12"],
    contacts: ["provider"],
    signals: ["注意を呼びかけ", "削除を依頼", "注意喚起"],
    source: S.saferInternet,
  }),
  step("1-14/contact", "contact", 3, "自社も警察に相談し、だまされた人には警察や消費生活センターに相談するよう案内して、フィッシング対策協議会やなりすましECサイト対策協議会にも情報を提供してください。", {
    items: ["1-14"],
    measures: ["4-6"],
    contacts: ["police", "antiPhishing", "fakeShop", "consumer"],
    signals: ["なりすましECサイト対策協議会", "消費生活センター", "188"],
    source: S.saferInternet,
  }),
  step("1-14/prevent", "prevent", 2, "購入前に公式サイトで正規のURLや運営者の情報、支払方法を確かめ、同じパスワードを使い回さないようにしましょう。", {
    items: ["1-14"],
    when: ["consumer", "transferred"],
    measures: ["2-12"],
    signals: ["運営者", "支払方法"],
    source: S.saferInternet,
  }),

  // 1-15 ビジネスメール詐欺
  step("1-15/what", "what", 3, "取引先や経営者になりすましたメールで、振込先の変更や急ぎの送金を指示するビジネスメール詐欺の手口です。", {
    items: ["1-15"],
    signals: ["ビジネスメール詐欺", "BEC"],
    source: S.ipaAnshin,
  }),
  step("1-15/now/verify", "now", 3, "メールに返信しないでください。振り込む前に、以前から知っている電話番号に電話で確認し、確認できるまで振り込まない（送金しない）でください。", {
    items: ["1-15"],
    measures: ["2-9", "2-10"],
    signals: ["メール以外", "電話で確認", "電話などで確認", "別の方法で確認"],
    source: S.ipaAnshin,
  }),
  step("1-15/now/group", "now", 2, "LINEなどのグループ作成には応じず、口座残高や口座番号などは教えないでください。作ってしまった場合はグループから退出してください。", {
    items: ["1-15"],
    mentions: ["line", "グループ"],
    signals: ["グループ", "退出"],
    source: S.keishicho,
  }),
  step("1-15/now/tellPartner", "now", 2, "取引先のメールアカウントが乗っ取られていることもあるので、取引先に連絡して先方と連携してください。手口は社内で共有しましょう。", {
    items: ["1-15"],
    measures: ["2-9"],
    signals: ["先方に知らせ", "相手にも知らせ", "社内で共有"],
    source: S.ipaAnshin,
  }),
  step("1-15/contact", "contact", 2, "不審な口座変更は取引銀行にも相談し、警察に相談してください（警視庁サイバー犯罪対策課）。", {
    items: ["1-15"],
    unless: ["transferred"],
    measures: ["4-6"],
    contacts: ["bank", "police"],
    signals: ["警察", "警視庁"],
    source: S.keishicho,
  }),
  step("1-15/prevent", "prevent", 3, "振込先の変更や急な送金は複数人で確認（二重承認）し、必ず電話で確認する社内ルールを決め、送信元のメールアドレスや口座名義を確認しましょう。", {
    items: ["1-15"],
    measures: ["3-10", "2-10", "2-9"],
    signals: ["社内ルール", "ルールを決め", "二段階認証"],
    source: S.guidebook,
  }),

  // 他-1 フィッシング・迷惑メール
  step("他-1/what", "what", 3, "実在の企業やサービスを装ったメールやSMSで偽サイトに誘導し、IDやパスワード、カード情報を盗むフィッシングの手口です。", {
    items: ["他-1"],
    unless: ["threatened"],
    signals: ["フィッシング"],
    source: S.antiPhishing,
  }),
  step("他-1/what/sextortion", "what", 3, "「撮影した」などと脅して暗号資産を要求するメールは、流出したメールアドレスやパスワードのリストに同じ文面を無差別に送るばらまき型の脅迫メールで、送信元を偽装したものもあり、実際には撮影されていません。", {
    items: ["他-1"],
    when: ["threatened"],
    signals: ["脅迫メール", "撮影されていません", "ばらまき"],
    source: S.ipaAnshin,
  }),
  step("他-1/now/dontOpen", "now", 3, "リンクを開かないでください。IDやパスワードも入力しないでください。確かめたいときは公式サイトで確認するか、公式アプリやブックマークから開きます。入力してしまった場合はすぐにパスワードを変更し、同じパスワードを使い回している他のサービスも変更してください。", {
    items: ["他-1"],
    unless: ["threatened"],
    measures: ["2-9", "2-12"],
    signals: ["リンクは開かず", "リンクを開かない", "返信しない", "返信せず", "公式アプリ", "ブックマーク"],
    source: S.antiPhishing,
  }),
  step("他-1/now/noApp", "now", 2, "SMSのリンク先からアプリをインストールしないでください。", {
    items: ["他-1"],
    when: ["phone"],
    unless: ["threatened"],
    signals: ["インストールしない"],
    source: S.antiPhishing,
  }),
  step("他-1/now/dontPay", "now", 3, "支払わないでください。無視して、返信もしないでください。書かれていたパスワードを使っているサービスはパスワードを変更し、使い回しをやめてください。", {
    items: ["他-1"],
    when: ["threatened"],
    measures: ["2-5", "2-9"],
    signals: ["払わず", "支払わない", "返信しない", "パスワードを変更"],
    source: S.ipaAnshin,
  }),
  step("他-1/now/carrier", "now", 3, "携帯電話会社に連絡して、キャリア決済の利用を止めてもらい、補償の対象になるか相談してください。", {
    items: ["他-1"],
    when: ["enteredCode", "paid", "moneyLost"],
    contacts: ["carrier"],
    signals: ["携帯電話会社", "キャリア決済"],
    source: S.antiPhishing,
  }),
  step("他-1/contact", "contact", 2, "フィッシングはフィッシング対策協議会に報告できます。被害があれば警察に相談し、消費生活センター（188）にも相談できます。", {
    items: ["他-1"],
    unless: ["threatened"],
    measures: [],
    contacts: ["antiPhishing", "police", "consumer"],
    signals: ["フィッシング対策協議会"],
    source: S.antiPhishing,
  }),
  step("他-1/contact/threat", "contact", 2, "不安なときは警察に相談し（警視庁サイバー犯罪対策課）、消費生活センター（188）も利用できます。", {
    items: ["他-1"],
    when: ["threatened"],
    contacts: ["police", "consumer"],
    signals: ["警察", "警視庁"],
    source: S.keishicho,
  }),
  step("他-1/prevent", "prevent", 2, "迷惑メールフィルターを使い、メールやSMSのリンクからIDやパスワードを入力しないようにしましょう。", {
    items: ["他-1"],
    measures: ["2-9", "2-12", "2-11"],
    signals: ["迷惑メールフィルター", "フィルター"],
    source: S.antiPhishing,
  }),

  // 他-2 誹謗中傷・風評被害
  step("他-2/what", "what", 2, "事実と異なる書き込みは、名誉毀損や業務妨害にあたる場合があります。", {
    items: ["他-2"],
    measures: ["3-2"],
    signals: ["名誉毀損", "業務妨害"],
    source: S.ihaho,
  }),
  step("他-2/now/save", "now", 3, "書き込みをURLと投稿日時が分かる形でスクリーンショットなどで保存してください。", {
    items: ["他-2"],
    signals: ["画面を保存", "URLと投稿日時", "証拠を保存", "証拠を残"],
    source: S.ihaho,
  }),
  step("他-2/now/delete", "now", 3, "サイトの運営会社や検索エンジンに、報告機能や削除フォームから利用規約違反として削除を依頼（削除申請）してください。", {
    items: ["他-2"],
    contacts: ["operator"],
    signals: ["削除を依頼", "削除依頼", "削除を求め"],
    source: S.ihaho,
  }),
  step("他-2/now/impersonation", "now", 3, "なりすましの偽アカウントは、画面をスクリーンショットで保存し、SNSの運営に通報して削除を依頼してください。自分の公式アカウントやサイトで、偽アカウントは本人ではないことをお知らせしましょう。", {
    items: ["他-2"],
    mentions: ["なりすまし", "偽アカウント", "偽のアカウント", "私の写真", "勝手に作られ"],
    measures: [],
    contacts: ["operator"],
    signals: ["偽アカウント", "運営に通報"],
    source: S.ihaho,
  }),
  step("他-2/now/review", "now", 3, "Googleマップなどの口コミは、不適切なクチコミとして報告し、削除リクエストを送れます。虚偽の内容や個人情報を含む投稿はポリシー違反にあたります。", {
    items: ["他-2"],
    mentions: ["口コミ", "クチコミ", "googleマップ", "レビュー"],
    measures: [],
    contacts: ["operator"],
    signals: ["不適切なクチコミ", "削除リクエスト"],
    source: S.ihaho,
  }),
  step("他-2/now/private", "now", 2, "個人が狙われている場合は、自分のアカウントを非公開にし、相手とはやり取りしないでください。", {
    items: ["他-2"],
    all: ["sns"],
    unless: ["firm"],
    measures: ["2-6"],
    signals: ["非公開", "やり取りしない"],
    source: S.ihaho,
  }),
  step("他-2/contact", "contact", 3, "違法・有害情報相談センターや誹謗中傷ホットライン（セーファーインターネット協会）、法務局の人権相談で助言を受けられます。投稿者の特定（発信者情報開示）は弁護士に相談し、被害が大きい場合は警察に相談してください。", {
    items: ["他-2"],
    measures: ["4-6"],
    contacts: ["lawyer", "houterasu", "police", "ihaho", "saferInternet"],
    signals: ["弁護士", "法テラス", "警察"],
    source: S.ihaho,
  }),
  step("他-2/prevent", "prevent", 2, "書き込んだ相手には反応せず（感情的に反論せず）冷静に対応し、口コミには事実に基づいて返信（オーナー返信）し、公式サイトでも事実と対策を説明して、正確な情報を発信しましょう。", {
    items: ["他-2"],
    signals: ["反論", "直接", "冷静に", "情報を発信"],
    source: S.ihaho,
  }),

  // 他-3 著作権侵害・違法コピー
  step("他-3/what/accused", "what", 3, "写真や画像、ソフトには著作権があり、無料だと思って利用条件を確かめずに使うと請求を受けることがあります。", {
    items: ["他-3"],
    when: ["billed", "threatened"],
    mentions: USED_SOMEONES_WORK,
    signals: ["著作権", "利用条件"],
    source: S.bunka,
  }),
  step("他-3/what/copied", "what", 2, "自分で撮った写真や書いた文章には著作権があり、無断で転載されたり商品画像に使われたりするのは著作権侵害にあたります。", {
    items: ["他-3"],
    unless: ["billed", "threatened"],
    signals: ["著作権侵害"],
    source: S.bunka,
  }),
  step("他-3/what/license", "what", 3, "ソフトは使用許諾（ライセンス契約）で決められた台数までしかインストールできず、超えて使うと著作権侵害になります。", {
    items: ["他-3"],
    mentions: ["ライセンス", "インストール", "ソフト"],
    measures: ["2-14"],
    signals: ["使用許諾", "ライセンス契約"],
    source: S.bunka,
  }),
  step("他-3/prevent/copied", "prevent", 2, "撮影した元データを保存しておくと権利を示せます。悪質なサイトは注意喚起し、関係機関に情報提供しましょう。", {
    items: ["他-3"],
    unless: ["billed", "threatened"],
    signals: ["元データ", "情報提供"],
    source: S.bunka,
  }),
  step("他-3/now/accused", "now", 3, "すぐに支払わず、放置せずに、相手が本当に権利者か、素材の利用規約や入手経路を制作会社に確認し、請求額が妥当か（使用料の相場）を確かめて、弁護士に相談してください。問題の画像を削除するか差し替えてください。", {
    items: ["他-3"],
    when: ["billed", "threatened"],
    mentions: USED_SOMEONES_WORK,
    contacts: ["lawyer"],
    signals: ["すぐに支払わ", "利用条件", "ライセンス", "弁護士"],
    source: S.bunka,
  }),
  step("他-3/now/license", "now", 3, "通知書は無視せず期限内に誠実に回答してください。調査の前に慌てて削除しないで、インストール状況とライセンス数を台帳で管理して棚卸しし、不足分はライセンスを購入してください。", {
    items: ["他-3"],
    mentions: ["ライセンス", "インストール", "ソフト"],
    measures: ["2-14"],
    signals: ["ライセンス数", "棚卸し"],
    source: S.bunka,
  }),
  step("他-3/now/copied", "now", 3, "無断で使われている画面をスクリーンショットで保存し、サイトの運営者やプロバイダに連絡して削除を依頼（削除申請）してください。", {
    items: ["他-3"],
    unless: ["billed", "threatened"],
    contacts: ["operator"],
    signals: ["証拠を保存", "削除を依頼", "削除依頼"],
    source: S.bunka,
  }),
  step("他-3/contact", "contact", 3, "使用料や損害賠償の請求、投稿者の特定（発信者情報開示）は弁護士や法テラスに相談し、悪質な場合は警察に相談してください。", {
    items: ["他-3"],
    measures: ["4-6"],
    contacts: ["lawyer", "houterasu", "police"],
    signals: ["弁護士", "法テラス"],
    source: S.bunka,
  }),
  step("他-3/prevent", "prevent", 2, "素材やソフトは利用規約を確認して使い（画像検索で見つけた画像は無料とは限りません）、購入や使用許諾の記録を残しましょう。", {
    items: ["他-3"],
    measures: ["3-10", "2-14"],
    signals: ["使用許諾", "利用条件", "記録を残"],
    source: S.bunka,
  }),

  // 他-4 詐欺・恐喝・悪質商法
  step("他-4/what/shop", "what", 2, "個人名義の口座への振込だけを求める通販サイトや、裁判所などを名乗って電話させるはがきは詐欺の疑いがあります。", {
    items: ["他-4"],
    unless: ["firm"],
    signals: ["詐欺の疑い", "詐欺"],
    source: S.kokusen,
  }),
  step("他-4/now/dontCall", "now", 3, "書かれている番号に電話しないでください。無視して、お金も払わないでください。裁判所からの通知がはがきで届くことはなく、架空請求の手口です。心配なときは最寄りの裁判所に確認してください。", {
    items: ["他-4"],
    when: ["billed", "threatened"],
    unless: ["transferred", "paid"],
    signals: ["連絡せず", "応じない", "電話しない"],
    source: S.kokusen,
  }),
  step("他-4/what/chargeback", "what", 3, "他人のカードを使った不正な注文は、後でカード会社から取り消され、代金が戻されることがあります（チャージバック）。", {
    items: ["他-4"],
    when: ["shop"],
    mentions: CARD_FRAUD_ORDER,
    unless: ["consumer"],
    measures: ["3-2"],
    signals: ["チャージバック", "不正な注文"],
    source: S.jcredit,
  }),
  step("他-4/now/chargeback", "now", 3, "決済サービスの運営会社やカード会社に相談し、疑わしい注文は発送を保留するかキャンセルして、電話で本人確認をしてください。注文やメールの記録は保存しておきましょう。", {
    items: ["他-4"],
    when: ["shop"],
    mentions: CARD_FRAUD_ORDER,
    unless: ["consumer"],
    contacts: ["cardCompany", "operator"],
    signals: ["発送を止め", "発送は止め", "カード会社に相談"],
    source: S.jcredit,
  }),
  step("他-4/contact", "contact", 3, "警察に相談し、消費生活センター（消費者ホットライン188）に相談してください。", {
    items: ["他-4"],
    measures: ["4-6"],
    contacts: ["police", "consumer"],
    signals: ["警察", "消費者ホットライン", "消費生活センター"],
    source: S.kokusen,
  }),
  step("他-4/now/consumerContract", "now", 3, "契約をやめたいときは、クーリング・オフや契約の取り消しができる場合があります。カードで払った場合はカード会社に連絡して支払停止を相談し、やり取りを保存して消費生活センター（188）に相談してください。", {
    items: ["他-4"],
    unless: ["firm"],
    mentions: ["契約", "サポート", "マニュアル", "副業", "情報商材", "解約", "返金"],
    measures: ["4-6"],
    contacts: ["cardCompany", "consumer"],
    signals: ["クーリング・オフ", "支払停止"],
    source: S.kokusen,
  }),
  step("他-4/now/contract", "now", 3, "事業者どうしの契約（リースなど）はクーリング・オフの対象外になることが多いですが、勧誘時の説明と違えば解約や取消しを求められる場合があります。契約書や勧誘時のやり取りの記録を残し、弁護士や法テラスに相談してください。", {
    items: ["他-4"],
    all: ["firm"],
    mentions: ["契約", "リース", "解約"],
    measures: ["3-4", "4-6"],
    contacts: ["lawyer", "houterasu"],
    signals: ["クーリング・オフ", "契約書"],
    source: S.kokusen,
  }),
  step("他-4/now/notOrdered", "now", 3, "頼んでいない（承諾していない）広告の掲載料や商品の代金を請求されても、支払う必要はありません。支払わないでください。電話の勧誘はきっぱり断り、日時や相手の名前、話の内容の記録を残してください。", {
    items: ["他-4"],
    mentions: ["頼んでいない", "頼んだ覚え", "承諾していない", "申し込んでいない", "申し込んだ覚え", "注文していない", "注文した覚え", "契約した覚え"],
    measures: ["4-6"],
    contacts: ["consumer"],
    signals: ["支払う必要はありません", "きっぱり断"],
    source: S.kokusen,
  }),
  step("他-4/prevent/shop", "prevent", 2, "高額な注文や配送先の偏りに注意し、カードの本人認証（3Dセキュア）を導入しましょう。", {
    items: ["他-4"],
    when: ["shop"],
    unless: ["consumer"],
    measures: ["2-12"],
    signals: ["3Dセキュア", "本人認証"],
    source: S.jcredit,
  }),
  step("他-4/prevent", "prevent", 1, "やり取りの記録は残しておき、支払う前に相手の連絡先や実在を確かめましょう。", {
    items: ["他-4"],
    unless: ["firm"],
    measures: ["2-12"],
    signals: ["記録は残", "支払う前"],
    source: S.kokusen,
  }),

  // 他-5 セキュリティ対策の一般相談
  step("他-5/what", "what", 2, "まず守るべき情報と今の対策を洗い出し、IPAの「5分でできる！情報セキュリティ自社診断」で弱い点を確かめましょう。", {
    items: ["他-5"],
    measures: ["2-14", "3-7"],
    signals: ["自社診断", "洗い出"],
    source: S.ipaGuideline,
  }),
  step("他-5/now/basics", "now", 2, "OSやソフトのアップデート、ウイルス対策ソフト、バックアップ、パスワード管理と多要素認証といった基本から進めてください。", {
    items: ["他-5"],
    measures: ["2-2", "2-3", "2-4", "2-5"],
    signals: ["基本から", "基本的な対策"],
    source: S.ipaGuideline,
  }),
  step("他-5/now/backup", "now", 3, "バックアップは3-2-1（3つのコピー、2種類の媒体、1つは別の場所）を目安に、外付けHDDやクラウドなどに取り、1つはネットワークから切り離して保管し、定期的に復元テストをしてください。", {
    items: ["他-5"],
    mentions: ["バックアップ"],
    measures: ["2-4"],
    signals: ["3-2-1", "別の場所", "切り離して保管"],
    source: S.ipaRansom,
  }),
  step("他-5/now/password", "now", 3, "パスワードの定期変更は不要で、漏えいした場合に変更します。長く（10桁以上）推測されにくいものにして使い回さず、多要素認証を使うことが大切です。規程を改定するときは理由を記録しておきましょう。", {
    items: ["他-5"],
    mentions: ["パスワード"],
    measures: ["2-5"],
    signals: ["定期的な変更", "多要素認証", "使い回さ"],
    source: S.soumuKokumin,
  }),
  step("他-5/contact/securityAction", "contact", 2, "IPAのSECURITY ACTIONは、情報セキュリティ5か条に取り組む「一つ星」、自社診断と基本方針を定める「二つ星」を自己宣言でき、補助金の申請要件になることもあります。手続きに日数がかかるので早めに宣言しましょう。", {
    items: ["他-5"],
    mentions: ["補助金", "セキュリティアクション", "securityaction", "宣言"],
    measures: ["3-10"],
    contacts: ["securityAction"],
    signals: ["SECURITY ACTION", "セキュリティアクション"],
    source: S.ipaSecurityAction,
  }),
  step("他-5/contact/subsidy", "contact", 2, "東京都中小企業振興公社には、都内の中小企業者が機器の導入や訓練などに使える助成制度があり、SECURITY ACTIONの二つ星の宣言を求められることがあります。助成率は2分の1などで、交付決定前に契約した費用は対象外になることが多いので、募集要項を確かめて事前に申請してください。", {
    items: ["他-5"],
    mentions: ["助成", "補助", "費用", "予算", "utm", "訓練"],
    measures: ["3-4"],
    contacts: ["subsidy"],
    signals: ["振興公社", "助成"],
    source: S.kosha,
  }),
  step("他-5/now/insurance", "now", 3, "サイバー保険は、事故対応費用や原因調査、復旧費用、損害賠償などを補償します。保険料は業種や売上高で変わり、既存の保険に特約として付けられることもあります。補償の範囲（対象外になる場合）を確認し、保険だけでは被害を防げないので、基本的な対策と組み合わせましょう。", {
    items: ["他-5"],
    mentions: ["保険"],
    measures: ["3-2", "3-4", "4-1"],
    signals: ["サイバー保険"],
    source: S.guidebook,
  }),
  step("他-5/now/training", "now", 2, "標的型メール訓練は、公的機関の啓発事業で無料で受けられることもあり、民間の訓練サービスを使う方法もあります。", {
    items: ["他-5", "他-6"],
    mentions: ["訓練"],
    measures: ["2-10"],
    signals: ["訓練"],
    source: S.kosha,
  }),
  step("他-5/now/device", "now", 3, "機器の警告は、導入した業者（保守業者）に連絡して内容を確認してもらい、機器を管理する担当者を決めて定期的にログを確認しましょう。", {
    items: ["他-5"],
    mentions: ["utm", "ファイアウォール", "ランプ", "警告", "アラート"],
    measures: ["2-3", "3-10"],
    signals: ["保守業者", "導入した業者"],
    source: S.ipaGuideline,
  }),
  step("他-5/contact/free", "contact", 3, "無料で相談できる窓口として、IPAの安心相談窓口や、地域の商工会議所・商工会、よろず支援拠点があります。", {
    items: ["他-5"],
    mentions: ["無料", "公的", "窓口", "予算", "お金も", "余裕"],
    measures: ["3-10"],
    contacts: ["ipaAnshin"],
    signals: ["商工会議所", "よろず支援拠点"],
    source: S.ipaAnshin,
  }),
  step("他-5/contact/guideline", "contact", 1, "進め方はIPAの「中小企業の情報セキュリティ対策ガイドライン」が参考になります。", {
    items: ["他-5"],
    measures: ["3-10"],
    contacts: ["ipaGuideline"],
    signals: ["ガイドライン"],
    source: S.ipaGuideline,
  }),
  step("他-5/prevent", "prevent", 1, "費用は守る情報と想定される被害額に見合うかで判断し、担当者と社内のルールを決めておきましょう。", {
    items: ["他-5"],
    measures: ["3-4", "3-10"],
    signals: ["被害額", "費用対効果", "ルールを決め"],
    source: S.guidebook,
  }),

  // 他-6 講演・研修の依頼
  step("他-6/what", "what", 2, "セキュリティの講演や研修は、公的機関の講師派遣や出前講座を利用して依頼できます。", {
    items: ["他-6"],
    signals: ["講師派遣", "出前講座"],
    source: S.ipaPresenter,
  }),
  step("他-6/contact", "contact", 3, "警視庁や各県警察、最寄りの警察署の出前講座やサイバー防犯ボランティア、消費生活センターの出前講座、IPAのセキュリティプレゼンター制度で講師を探せます。", {
    items: ["他-6"],
    measures: ["3-10"],
    contacts: ["police", "consumer", "presenter"],
    signals: ["セキュリティプレゼンター", "出前講座", "警視庁"],
    source: S.ipaPresenter,
  }),
  step("他-6/contact/school", "contact", 2, "学校向けには、e-ネットキャラバンやインターネット安全教室、携帯電話会社のケータイ安全教室も利用できます。", {
    items: ["他-6"],
    mentions: ["学校", "生徒", "児童", "保護者", "pta", "中学", "高校", "小学", "公民館", "高齢者", "地域", "町内", "住民"],
    measures: ["3-10"],
    contacts: ["carrier"],
    signals: ["安全教室"],
    source: S.ipaPresenter,
  }),
  step("他-6/contact/expert", "contact", 3, "社内の規程づくりや研修には、東京都中小企業振興公社などの専門家派遣の制度も利用できます。", {
    items: ["他-6"],
    mentions: ["専門家", "来てもらい", "指導", "規程", "ルール作り", "ルールづくり"],
    measures: ["3-10", "3-7"],
    contacts: ["subsidy"],
    signals: ["専門家派遣", "振興公社"],
    source: S.kosha,
  }),
  step("他-6/now/request", "now", 2, "早めに申し込み、希望の日時や対象人数、研修時間、聞きたいテーマ（被害が起きたときの初動対応など）を伝えて、費用の目安も確かめましょう。締め切られていたら、公式サイトで次回の募集を確認しましょう。", {
    items: ["他-6"],
    signals: ["日程を調整", "テーマ"],
    source: S.ipaPresenter,
  }),
  step("他-6/prevent", "prevent", 1, "IPAが無料で公開している啓発動画や教材を、研修に組み合わせて使いましょう。", {
    items: ["他-6"],
    measures: [],
    signals: ["動画", "教材"],
    source: S.ipaGuideline,
  }),
];

/** How an answer names the kind of case each item is about, for 「…なら、」 (a step lent by a runner-up category). */
export const ITEM_CASE_NAMES: Readonly<Record<string, string>> = {
  "1-1": "標的型攻撃メール",
  "1-2": "ランサムウェア",
  "1-3": "Webサイトからの情報漏えい",
  "1-4": "DDoS攻撃",
  "1-5": "内部不正や紛失",
  "1-6": "Webサイトの改ざん",
  "1-7": "ネットバンキングの不正送金",
  "1-8": "不正なスマホアプリ",
  "1-9": "偽警告やワンクリック請求",
  "1-10": "アカウントの乗っ取り",
  "1-11": "脆弱性の悪用",
  "1-12": "IoT機器の乗っ取り",
  "1-13": "ウイルス感染や不正アクセス",
  "1-14": "偽の通販サイト",
  "1-15": "ビジネスメール詐欺",
  "他-1": "フィッシング",
  "他-2": "誹謗中傷",
  "他-3": "著作権の問題",
  "他-4": "詐欺",
  "他-5": "対策の相談",
  "他-6": "講演の依頼",
};

export const ADVICE_STEPS: readonly AdviceStep[] = Object.freeze([...ITEM_STEPS, ...SITUATION_STEPS]);
