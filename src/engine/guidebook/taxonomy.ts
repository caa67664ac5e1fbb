/**
 * The built-in category list: the guidebook's MISSION 1 threats (ids and titles are facts from the
 * guidebook) plus six items for consultations outside it. Descriptions, keywords and advice are
 * written for this project in its own words. Keywords include how clients actually phrase things,
 * because the prior has to work before any row of the sheet is filled.
 */
import type { TaxonomyItem } from "../types";

export const GUIDEBOOK_CREDIT = "出典: 東京都『中小企業向けサイバーセキュリティ対策の極意』";

/** Mission 2–4 items as the editors write them in 提示する対策項目. */
export const MEASURES = {
  updates: "2-2 OSとソフトウェアのアップデート",
  securitySoftware: "2-3 セキュリティ対策ソフト・機器の導入",
  backup: "2-4 定期的なバックアップ",
  passwords: "2-5 パスワードの管理",
  access: "2-6 アクセス管理",
  lossTheft: "2-7 紛失や盗難による情報漏えい対策",
  telework: "2-8 テレワーク等での持ち出し・持ち込み機器対策",
  email: "2-9 電子メールの安全利用",
  targetedMail: "2-10 標的型攻撃メールへの対応",
  spamSending: "2-11 迷惑メール発信への対応",
  safeWeb: "2-12 安全なWebサイト利用",
  browsingLimits: "2-13 閲覧制限",
  identifyInfo: "2-14 重要情報の洗い出し",
  storeInfo: "2-15 重要情報の保管",
  impact: "3-2 サイバー攻撃を受けると企業が被る不利益",
  costBenefit: "3-4 投資効果（費用対効果）を認識する",
  securityCheck: "3-7 情報セキュリティ対策診断",
  tenItems: "3-10 経営者がやらなければならないサイバーセキュリティ経営の重要10項目",
  manual: "4-1 緊急時対応用マニュアルの作成",
  leakResponse: "4-3 対応手順1 漏えい・流出発生時の対応",
  tamperResponse: "4-4 対応手順2 改ざん・消失・破壊・サービス停止発生時の対応",
  virusResponse: "4-5 対応手順3 ウイルス感染時の初期対応",
  report: "4-6 対応手順4 届け出および相談",
} as const;

/** Public contact points (INFORMATION 6-1/6-2): institutions' published numbers and sites. */
export const CONTACTS = {
  cyberPolice: "警視庁 サイバー犯罪対策課 相談窓口 03-5805-1731 https://www.keishicho.metro.tokyo.lg.jp/kurashi/cyber/cyber_sodan.html",
  policeStation: "所轄の警察署（警視庁代表 03-3581-4321） https://www.keishicho.metro.tokyo.lg.jp/about_mpd/shokai/ichiran/index.html",
  ipaAnshin: "IPA 情報セキュリティ安心相談窓口 03-5978-7509 https://www.ipa.go.jp/security/anshin/about.html",
  ipaReport: "IPA 届出窓口（ウイルス・不正アクセス） https://www.ipa.go.jp/security/todokede/crack-virus/about.html",
  houterasu: "日本司法支援センター 法テラス 0570-078374 https://www.houterasu.or.jp/",
  antiPhishing: "フィッシング対策協議会 https://www.antiphishing.jp/",
  fakeShop: "なりすましECサイト対策協議会（セーファーインターネット協会） https://www.saferinternet.or.jp/",
  consumer: "消費者ホットライン 188（消費生活センター）",
  ipaGuideline: "IPA 中小企業の情報セキュリティ対策ガイドライン https://www.ipa.go.jp/security/guide/sme/about.html",
  presenter: "IPA セキュリティプレゼンター検索 https://www.ipa.go.jp/security/sme/presenter/index.html",
  subsidy: "東京都中小企業振興公社 サイバーセキュリティ対策促進助成金 https://www.tokyo-kosha.or.jp/",
} as const;

type ItemSpec = Omit<TaxonomyItem, "label" | "outsideGuidebook">;

const M = MEASURES;
const C = CONTACTS;

const GUIDEBOOK_ITEMS: ItemSpec[] = [
  {
    id: "1-1",
    title: "標的型攻撃による情報流出",
    description: "特定の会社を狙い、取引先や公的機関を装ったメールの添付ファイルやリンクからウイルスを送り込み、社内の情報を盗み出す攻撃。",
    keywords: ["標的型攻撃", "標的型メール", "標的型", "添付ファイル", "マクロ", "情報流出", "情報が流出", "遠隔操作", "Emotet", "エモテット", "取引先を装", "不審な添付", "バックドア", "APT", "ウイルス付きメール", "ウイルスメール", "なりすましメール"],
    advice: "心当たりのないメールの添付ファイルやリンクは開かず、送信元に別の手段で確認してください。開いてしまった場合はネットワークから切り離し、社内の担当者や専門窓口に相談してください。",
    countermeasures: [M.targetedMail, M.email, M.updates, M.securitySoftware, M.virusResponse],
    contacts: [C.ipaAnshin, C.ipaReport, C.cyberPolice],
  },
  {
    id: "1-2",
    title: "ランサムウェアを使った詐欺・恐喝",
    description: "ファイルを暗号化したり盗み出したりして、元に戻すことや公開しないことと引き換えに身代金を要求する攻撃。",
    keywords: ["ランサムウェア", "ランサム", "身代金", "暗号化", "ファイルが開けない", "ファイルが開かない", "拡張子が変", "復号", "二重恐喝", "ビットコインで支払", "データを人質", "VPN機器", "リモートデスクトップ", "LockBit"],
    advice: "身代金は支払わず、感染した機器をネットワークから切り離して電源は入れたまま状況を記録してください。バックアップからの復旧を検討し、警察と専門窓口に届け出てください。",
    countermeasures: [M.backup, M.updates, M.securitySoftware, M.virusResponse, M.tamperResponse, M.report],
    contacts: [C.cyberPolice, C.ipaReport, C.ipaAnshin],
  },
  {
    id: "1-3",
    title: "Webサービスからの個人情報の窃取",
    description: "Webサイトやネットショップの弱点を突かれ、会員情報やクレジットカード情報などの個人情報が盗まれる被害。",
    keywords: ["個人情報の窃取", "個人情報が漏", "会員情報", "顧客情報", "カード情報", "情報漏えい", "情報漏洩", "漏えい", "漏洩", "SQLインジェクション", "不正アクセス", "決済画面", "データベース", "流出"],
    advice: "漏えいが疑われる場合は、影響する範囲を確認して被害の拡大を止め、必要に応じて利用者への連絡、関係機関への報告を行ってください。Webアプリケーションの脆弱性診断も検討してください。",
    countermeasures: [M.updates, M.access, M.identifyInfo, M.storeInfo, M.leakResponse, M.report],
    contacts: [C.ipaReport, C.cyberPolice, C.ipaAnshin],
  },
  {
    id: "1-4",
    title: "集中アクセスによるサービス停止",
    description: "大量のアクセスを送りつけてWebサイトやサーバーを応答できなくする攻撃（DoS/DDoS）。",
    keywords: ["DDoS", "DoS", "集中アクセス", "大量アクセス", "アクセスが集中", "サーバーが落ち", "サイトが落ち", "つながらない", "サービス停止", "負荷", "アクセス過多", "ボットネット"],
    advice: "アクセスの記録を保全し、契約しているサーバー事業者や回線事業者に相談してください。攻撃元の遮断やDDoS対策サービスの利用を検討してください。",
    countermeasures: [M.tamperResponse, M.securitySoftware, M.manual, M.report],
    contacts: [C.cyberPolice, C.ipaReport],
  },
  {
    id: "1-5",
    title: "内部不正による情報漏えいと業務停止",
    description: "従業員や元従業員、委託先などが権限を悪用して情報を持ち出したり、システムを壊したりする被害。",
    keywords: ["内部不正", "元従業員", "退職者", "従業員が持ち出", "持ち出し", "元社員", "退職した社員", "社員が", "委託先", "USBメモリ", "顧客名簿", "データを削除", "アクセス権", "競合他社に転職"],
    advice: "誰がいつ何にアクセスしたかの記録を保全し、アカウントの停止や権限の見直しを行ってください。持ち出しが疑われる場合は弁護士や警察に相談してください。",
    countermeasures: [M.access, M.identifyInfo, M.storeInfo, M.lossTheft, M.leakResponse],
    contacts: [C.cyberPolice, C.houterasu, C.ipaAnshin],
  },
  {
    id: "1-6",
    title: "Webサイトの改ざん",
    description: "会社のホームページが書き換えられ、見知らぬ内容が表示されたり、閲覧者をウイルス配布サイトへ誘導したりする被害。",
    keywords: ["改ざん", "改竄", "書き換え", "ホームページが書き換", "ホームページが乗っ取", "サイトが乗っ取", "WordPress", "ワードプレス", "CMS", "見知らぬページ", "不審なリダイレクト", "別のサイトに飛ば", "FTP"],
    advice: "サイトを一時公開停止し、改ざんされた範囲と侵入経路を確認してください。CMSやプラグインを最新にし、管理者パスワードを変更したうえで正常なバックアップから復旧してください。",
    countermeasures: [M.updates, M.passwords, M.backup, M.tamperResponse, M.report],
    contacts: [C.ipaReport, C.cyberPolice, C.ipaAnshin],
  },
  {
    id: "1-7",
    title: "インターネットバンキングの不正送金",
    description: "偽のログイン画面やウイルスでネットバンキングの情報を盗まれ、口座から勝手にお金を送金される被害。",
    keywords: ["不正送金", "インターネットバンキング", "ネットバンキング", "ネットバンク", "法人口座", "口座から", "勝手に送金", "勝手に振り込", "ワンタイムパスワード", "電子証明書", "銀行を装", "銀行からのメール", "振込"],
    advice: "すぐに取引銀行に連絡して口座の利用停止を依頼し、警察に相談してください。パソコンのウイルス検査を行い、ワンタイムパスワードや電子証明書を利用してください。",
    countermeasures: [M.securitySoftware, M.updates, M.passwords, M.email, M.report],
    contacts: [C.cyberPolice, C.policeStation, C.antiPhishing],
  },
  {
    id: "1-8",
    title: "悪意のあるスマホアプリ",
    description: "正規のアプリを装った不正なアプリをスマートフォンに入れてしまい、情報を抜き取られたり勝手に操作されたりする被害。",
    keywords: ["スマホアプリ", "不審なアプリ", "不審アプリ", "アプリをインストール", "アプリをダウンロード", "偽アプリ", "スマートフォン", "スマホ", "携帯", "Android", "アンドロイド", "iPhone", "SMS", "宅配業者を装", "不在通知", "apk"],
    advice: "公式ストア以外からアプリを入れないでください。不審なアプリは削除し、必要に応じて端末を初期化して、パスワードの変更や請求内容の確認を行ってください。",
    countermeasures: [M.securitySoftware, M.updates, M.lossTheft, M.telework, M.passwords],
    contacts: [C.ipaAnshin, C.consumer, C.cyberPolice],
  },
  {
    id: "1-9",
    title: "巧妙・悪質化するワンクリック詐欺",
    description: "クリックしただけで料金を請求する画面や、「ウイルスに感染した」という偽の警告を出してサポート窓口へ電話させ、ソフトやサポート料金を払わせる詐欺。",
    keywords: ["ワンクリック詐欺", "ワンクリック", "ゼロクリック", "架空請求", "不正請求", "登録完了", "料金請求", "偽警告", "警告画面", "警告音", "警告が表示", "ウイルスに感染しました", "ウイルスに感染", "ウイルス感染", "ウイルスが検出", "ウイルスを検出", "ウイルス検出", "ウイルスが見つか", "感染しています", "サポート詐欺", "サポートに電話", "サポートセンター", "表示された番号", "表示された電話番号", "電話をかけ", "遠隔操作ソフト", "ウイルス対策ソフトの購入", "ソフトの購入", "セキュリティサポート", "マイクロソフトを名乗", "Microsoft", "画面が消えない", "閉じられない", "電子マネー", "ギフトカード", "プリペイドカード", "アダルトサイト", "訴訟", "裁判", "有料サイト", "未納料金", "利用料金が未納", "未払い料金", "法的手続", "法的措置"],
    advice: "表示された電話番号には連絡せず、請求にも応じないでください。ブラウザを閉じるか再起動すれば多くの場合は消えます。遠隔操作を許したり支払ったりしてしまった場合は、カード会社への連絡、パスワードの変更、端末の点検を行い、消費生活センターや警察に相談してください。",
    countermeasures: [M.safeWeb, M.securitySoftware, M.email, M.virusResponse],
    contacts: [C.consumer, C.ipaAnshin, C.cyberPolice],
  },
  {
    id: "1-10",
    title: "Webサービスへの不正ログイン",
    description: "盗まれたり推測されたりしたパスワードで、SNSやWebサービスのアカウントに第三者がログインし、乗っ取る被害。",
    keywords: ["不正ログイン", "乗っ取り", "乗っ取ら", "乗っ取られ", "アカウント", "ログインできない", "ログインができない", "パスワードが変更", "パスワードを変更された", "パスワードが奪", "パスワードリスト攻撃", "総当たり", "使い回し", "使いまわし", "二段階認証", "多要素認証", "SNS", "Facebook", "フェイスブック", "Instagram", "インスタ", "Twitter", "LINE", "Google", "Gmail", "Amazon", "不正な投稿", "勝手に投稿", "ログインされ", "サインイン", "身に覚えのないログイン", "海外からログイン", "異なる場所から", "Microsoft 365", "Microsoft365", "Office 365", "Office365"],
    advice: "パスワードをすぐに変更し、同じパスワードを使っている他のサービスも変更してください。二段階認証を設定し、ログインできない場合はサービス提供者の窓口にアカウントの回復や停止を依頼してください。",
    countermeasures: [M.passwords, M.access, M.safeWeb, M.securitySoftware],
    contacts: [C.ipaAnshin, C.cyberPolice, C.ipaReport],
  },
  {
    id: "1-11",
    title: "公開された脆弱性対策情報の悪用",
    description: "ソフトウェアの脆弱性が公表された後、更新していない機器やシステムを狙って攻撃される被害。",
    keywords: ["脆弱性", "ぜい弱性", "セキュリティホール", "アップデート", "パッチ", "更新プログラム", "サポート終了", "サポート切れ", "Windows7", "Windows 7", "古いOS", "ゼロデイ", "JVN", "CVE"],
    advice: "OSやソフトウェア、ネットワーク機器を最新の状態に保ち、サポートが終了した製品は更新してください。脆弱性情報を定期的に確認する担当を決めておくと安心です。",
    countermeasures: [M.updates, M.securitySoftware, M.securityCheck],
    contacts: [C.ipaAnshin, C.ipaGuideline],
  },
  {
    id: "1-12",
    title: "IoT機器を踏み台にした攻撃",
    description: "ネットワークカメラやルーターなどのIoT機器が初期パスワードのまま乗っ取られ、他への攻撃の踏み台にされる被害。",
    keywords: ["IoT", "ネットワークカメラ", "防犯カメラ", "監視カメラ", "Webカメラ", "ルーター", "ルータ", "複合機", "NAS", "踏み台", "初期パスワード", "初期設定のまま", "家電", "スマート家電", "カメラの映像", "映像が見られ", "映像が流出", "カメラが乗っ取"],
    advice: "機器の初期パスワードを変更し、ファームウェアを最新にしてください。インターネットから直接アクセスできる設定になっていないか確認し、使わない機器は接続を外してください。",
    countermeasures: [M.passwords, M.updates, M.access],
    contacts: [C.ipaAnshin, C.ipaReport],
  },
  {
    id: "1-13",
    title: "中小企業におけるサイバー攻撃被害の例",
    description: "中小企業で実際に起きたウイルス感染や不正アクセスなどの被害事例。どこから手を付けるかの参考にする。",
    keywords: ["被害事例", "被害の例", "中小企業", "ウイルスに感染した", "パソコンが感染", "不正アクセスを受け", "サーバーに侵入", "取引先に迷惑", "業務が停止", "サイバー攻撃を受け", "攻撃を受け"],
    advice: "被害の範囲を確認し、記録を保全したうえで専門窓口に相談してください。再発防止のため、基本的な対策（更新、対策ソフト、バックアップ、パスワード管理）を見直してください。",
    countermeasures: [M.updates, M.securitySoftware, M.backup, M.passwords, M.manual, M.report],
    contacts: [C.ipaAnshin, C.cyberPolice, C.ipaReport],
  },
  {
    id: "1-14",
    title: "なりすましECサイトの被害と回避策",
    description: "実在する通販サイトをまねた偽のショップ。購入者は代金や個人情報をだまし取られ、まねられた事業者は問い合わせや信用の低下に悩まされる。",
    keywords: ["なりすましECサイト", "なりすましEC", "偽サイト", "偽ショップ", "偽の通販", "偽ECサイト", "ECサイト", "通販サイト", "ネット通販", "ネットショップ", "通販", "商品が届かない", "商品が届かず", "注文したが", "注文受付", "連絡が取れない", "銀行振り込み", "振り込んだ", "前払い", "格安", "コピーサイト", "サイトをコピー", "当社のサイトを", "偽りサイト", "ショッピングサイト"],
    advice: "購入者の方は振込先の金融機関と警察に連絡し、やり取りの記録を残してください。まねられた事業者の方は自社サイトで注意を呼びかけ、偽サイトのホスティング事業者への削除依頼と、なりすましECサイト対策協議会・警察への相談を行ってください。",
    countermeasures: [M.safeWeb, M.passwords, M.report],
    contacts: [C.fakeShop, C.cyberPolice, C.consumer],
  },
  {
    id: "1-15",
    title: "ビジネスメール詐欺（BEC）にご注意！",
    description: "取引先や経営者になりすましたメールで、振込先の変更などを指示して代金をだまし取る詐欺。",
    keywords: ["ビジネスメール詐欺", "BEC", "振込先の変更", "振込先を変更", "口座の変更", "口座が変更", "請求書", "取引先になりすま", "社長になりすま", "経営者を装", "CEO", "送金を指示", "海外送金", "メールアカウント", "社長の名前で", "社長を名乗", "社長から", "役員を名乗", "至急送金", "至急", "極秘", "指定口座", "送金してほしい", "振り込んでほしい"],
    advice: "振込先の変更などお金に関わる依頼は、メール以外の方法（電話など既知の連絡先）で必ず確認してください。送金してしまった場合はすぐに銀行と警察に連絡してください。",
    countermeasures: [M.email, M.passwords, M.access, M.report],
    contacts: [C.cyberPolice, C.policeStation, C.ipaAnshin],
  },
];

const OUTSIDE_ITEMS: ItemSpec[] = [
  {
    id: "他-1",
    title: "フィッシング・迷惑メール",
    description: "実在の企業やサービスを装ったメールやSMSで偽サイトへ誘導し、IDやパスワード、カード情報を入力させる手口や、大量に届く迷惑メールの相談。",
    keywords: ["フィッシング", "フィッシングメール", "迷惑メール", "スパムメール", "スパム", "不審なメール", "不審メール", "怪しいメール", "詐欺メール", "偽メール", "メールが届", "メールが来", "メールアドレスが漏", "なりすましメール", "リンクをクリック", "偽のログイン", "ドメイン", "SMS", "返信するべき", "返信", "ショートメッセージ", "SMSが届", "宅配業者を名乗", "宅配業者", "不在通知", "リンクを開"],
    advice: "メールやSMSのリンクからIDやパスワードを入力しないでください。正規のアプリや登録済みのブックマークから確認し、入力してしまった場合はすぐにパスワードを変更してください。迷惑メールは返信せず削除し、受信設定で対策してください。",
    countermeasures: [M.email, M.spamSending, M.passwords, M.safeWeb],
    contacts: [C.antiPhishing, C.ipaAnshin, C.cyberPolice],
  },
  {
    id: "他-2",
    title: "誹謗中傷・風評被害",
    description: "掲示板や口コミサイト、SNS、地図サービスなどに悪評や事実と異なる書き込みをされた、検索結果に不適切な表示が出るといった相談。",
    keywords: ["誹謗中傷", "中傷", "悪口", "書き込み", "書込み", "口コミ", "レビュー", "風評", "風評被害", "名誉毀損", "名誉棄損", "営業妨害", "掲示板", "削除依頼", "削除要請", "発信者情報開示", "検索結果", "サジェスト", "キーワード入力補助", "補助表示", "倒産", "悪評", "グーグルマップ", "Googleマップ", "コメント欄", "投稿"],
    advice: "書き込みの画面とURL、日時を保存して証拠を残してください。まずはサイト運営者に削除を依頼し、応じてもらえない場合や損害が大きい場合は、法テラスや弁護士、警察に相談してください。",
    countermeasures: [M.safeWeb, M.report],
    contacts: [C.houterasu, C.cyberPolice, C.policeStation],
  },
  {
    id: "他-3",
    title: "著作権侵害・違法コピー",
    description: "自社の教材やソフト、画像、文章などを無断で複製・転載・販売された、あるいは海賊版が出回っているといった相談。",
    keywords: ["著作権", "違法コピー", "違法コピィー", "コピィー", "無断転載", "無断複製", "無断使用", "海賊版", "盗用", "パクリ", "複製", "使用許諾", "ライセンス", "転売", "商標", "知的財産", "無断で使", "無断で使用", "画像を無断", "写真を無断", "勝手に使われ", "転用"],
    advice: "無断で使われている証拠（画面、写真、入手経路）を整理し、相手方への警告や削除依頼を検討してください。権利侵害の判断や請求は弁護士・法テラスへ、悪質な場合は警察へ相談してください。",
    countermeasures: [M.identifyInfo, M.storeInfo, M.report],
    contacts: [C.houterasu, C.policeStation, C.cyberPolice],
  },
  {
    id: "他-4",
    title: "詐欺・恐喝・悪質商法（サイバー攻撃以外）",
    description: "サイバー攻撃ではないが、ネットを使った詐欺、脅迫、クレジットカードの不正利用、悪質な取引・契約トラブルなどの相談。",
    keywords: ["詐欺", "恐喝", "脅迫", "脅し", "強要", "悪質", "悪質商法", "チャージバック", "不正利用", "クレジットカードの不正", "カード番号", "被害届", "キャンセル", "契約", "解約", "返金", "請求された", "投資", "副業", "予約サイト", "嫌がらせ", "いたずら"],
    advice: "やり取りや請求の記録を保存し、お金を払ってしまった場合は支払先の会社やカード会社にすぐ連絡してください。犯罪の可能性があれば警察へ、契約や損害の問題は法テラスや消費生活センターへ相談してください。",
    countermeasures: [M.report, M.email],
    contacts: [C.policeStation, C.cyberPolice, C.houterasu, C.consumer],
  },
  {
    id: "他-5",
    title: "セキュリティ対策の一般相談",
    description: "被害はまだないが、社内の対策の進め方、システム導入時のセキュリティ、担当者の教育、助成金や相談先を知りたいといった相談。",
    keywords: ["セキュリティ対策", "セキュリティレベル", "セキュリティ担当", "対策を教えて", "どの程度", "導入", "システムを導入", "費用対効果", "社内教育", "社員教育", "教育", "規程", "ポリシー", "ガイドライン", "診断", "助成金", "補助金", "経営陣", "経営者", "参考図書", "何をすれば", "何から", "対策したい", "向上したい", "個人情報を取り扱", "ウイルス対策ソフト", "セキュリティソフト", "相談窓口", "テレワーク", "在宅勤務", "リモートワーク", "注意点", "どのような対策", "気をつけること", "しておけばよい"],
    advice: "まず守るべき情報と現状の対策を洗い出し、基本的な対策（OS・ソフトの更新、対策ソフト、バックアップ、パスワード管理、アクセス管理）から進めてください。IPAの自己診断や公的な助成制度も活用できます。",
    countermeasures: [M.identifyInfo, M.securityCheck, M.costBenefit, M.tenItems, M.updates, M.securitySoftware, M.backup],
    contacts: [C.ipaGuideline, C.ipaAnshin, C.subsidy],
  },
  {
    id: "他-6",
    title: "講演・研修の依頼・問い合わせ",
    description: "セキュリティに関する講演やセミナー、研修講師の依頼、支援団体や窓口の活動内容についての問い合わせ。",
    keywords: ["講演", "講師", "講習", "研修", "セミナー", "勉強会", "出前講座", "依頼したい", "派遣", "TCYSS", "Tsyss", "パンフレット", "冊子", "配布", "組合員"],
    advice: "公的機関や支援団体が講師派遣やセミナーを行っています。希望日時、対象者、人数、テーマを整理して問い合わせてください。",
    countermeasures: [M.tenItems, M.securityCheck],
    contacts: [C.presenter, C.ipaGuideline],
  },
];

function complete(spec: ItemSpec, outsideGuidebook: boolean): TaxonomyItem {
  return { ...spec, label: `${spec.id} ${spec.title}`, outsideGuidebook };
}

export const TAXONOMY: readonly TaxonomyItem[] = Object.freeze([
  ...GUIDEBOOK_ITEMS.map((spec) => complete(spec, false)),
  ...OUTSIDE_ITEMS.map((spec) => complete(spec, true)),
]);

const BY_ID = new Map(TAXONOMY.map((item) => [item.id, item]));

export function taxonomyItem(id: string): TaxonomyItem | undefined {
  return BY_ID.get(id);
}
