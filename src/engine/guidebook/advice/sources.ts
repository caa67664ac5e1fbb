/**
 * Where the advice steps come from. The steps are written in our own words; these are the public
 * pages they follow, kept so an editor can check a sentence against its source.
 */
import type { AdviceSource } from "./types";

const src = (name: string, url: string): AdviceSource => ({ name, url });

export const SOURCES = {
  guidebook: src("東京都『中小企業向けサイバーセキュリティ対策の極意』", "https://www.cybersecurity.metro.tokyo.lg.jp/security/guidebook/"),
  ipaAnshin: src("IPA 情報セキュリティ安心相談窓口", "https://www.ipa.go.jp/security/anshin/"),
  ipaFakeAlert: src("IPA 偽のセキュリティ警告に表示された番号に電話をかけないで", "https://www.ipa.go.jp/security/anshin/measures/fakealert.html"),
  ipaOneClick: src("IPA ワンクリック請求の手口と対策", "https://www.ipa.go.jp/security/anshin/measures/oneclick.html"),
  ipaEmotet: src("IPA Emotet（エモテット）関連情報", "https://www.ipa.go.jp/security/emotet/"),
  jpcertEmotet: src("JPCERT/CC マルウエアEmotetへの対応FAQ", "https://blogs.jpcert.or.jp/ja/2019/12/emotetfaq.html"),
  ipaRansom: src("IPA ランサムウェア対策特設ページ", "https://www.ipa.go.jp/security/anshin/measures/ransom_tokusetsu.html"),
  npaRansom: src("警察庁 ランサムウェア被害防止対策", "https://www.npa.go.jp/bureau/cyber/countermeasures/ransom.html"),
  npaCyber: src("警察庁 サイバー警察局", "https://www.npa.go.jp/bureau/cyber/"),
  keishicho: src("警視庁 サイバー犯罪対策", "https://www.keishicho.metro.tokyo.lg.jp/kurashi/cyber/"),
  ppc: src("個人情報保護委員会 漏えい等の対応とお役立ち資料", "https://www.ppc.go.jp/personalinfo/legal/leakAction/"),
  antiPhishing: src("フィッシング対策協議会", "https://www.antiphishing.jp/"),
  zengin: src("全国銀行協会 インターネット・バンキングによる預金等の不正払戻しへの対応", "https://www.zenginkyo.or.jp/"),
  kokusen: src("国民生活センター", "https://www.kokusen.go.jp/"),
  soumuKokumin: src("総務省 国民のためのサイバーセキュリティサイト", "https://www.soumu.go.jp/main_sosiki/cybersecurity/kokumin/"),
  ihaho: src("違法・有害情報相談センター", "https://ihaho.jp/"),
  saferInternet: src("セーファーインターネット協会 なりすましECサイト対策", "https://www.saferinternet.or.jp/"),
  bunka: src("文化庁 著作権", "https://www.bunka.go.jp/seisaku/chosakuken/"),
  notice: src("NOTICE（総務省・NICT）", "https://notice.go.jp/"),
  jpcertAlerts: src("JPCERT/CC 注意喚起", "https://www.jpcert.or.jp/at/"),
  jcredit: src("日本クレジット協会 クレジットカード・セキュリティガイドライン", "https://www.j-credit.or.jp/"),
  ipaGuideline: src("IPA 中小企業の情報セキュリティ対策ガイドライン", "https://www.ipa.go.jp/security/guide/sme/about.html"),
  ipaSecurityAction: src("IPA SECURITY ACTION", "https://www.ipa.go.jp/security/security-action/"),
  ipaPresenter: src("IPA セキュリティプレゼンター", "https://www.ipa.go.jp/security/sme/presenter/index.html"),
  kosha: src("東京都中小企業振興公社 サイバーセキュリティ対策促進助成金", "https://www.tokyo-kosha.or.jp/"),
} as const;
