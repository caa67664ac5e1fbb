/**
 * Public contact points an answer can name: the guidebook's INFORMATION 6-1/6-2 (CONTACTS) plus the
 * parties an expert sends a client to that have no single public desk (the client's own bank, card
 * company, carrier). Names are what a reader recognises; reference lines are written as the sheet's
 * reference column spells them (the guidebook's lines where it has one).
 */
import { CONTACTS } from "../taxonomy";
import type { AdviceContact } from "./types";

const list: AdviceContact[] = [
  { key: "police", name: "警察（警視庁サイバー犯罪対策課）", reference: CONTACTS.cyberPolice },
  { key: "policeStation", name: "最寄りの警察署", reference: CONTACTS.policeStation },
  { key: "ipaAnshin", name: "IPAの情報セキュリティ安心相談窓口", reference: CONTACTS.ipaAnshin },
  { key: "ipaReport", name: "IPAの届出窓口", reference: CONTACTS.ipaReport },
  { key: "houterasu", name: "法テラス", reference: CONTACTS.houterasu },
  { key: "lawyer", name: "弁護士", reference: CONTACTS.houterasu },
  { key: "antiPhishing", name: "フィッシング対策協議会", reference: CONTACTS.antiPhishing },
  { key: "fakeShop", name: "なりすましECサイト対策協議会", reference: CONTACTS.fakeShop },
  { key: "consumer", name: "消費者ホットライン（188）", reference: CONTACTS.consumer },
  { key: "ipaGuideline", name: "IPAの中小企業の情報セキュリティ対策ガイドライン", reference: CONTACTS.ipaGuideline },
  { key: "presenter", name: "IPAのセキュリティプレゼンター", reference: CONTACTS.presenter },
  { key: "subsidy", name: "東京都中小企業振興公社の助成金", reference: CONTACTS.subsidy },
  {
    key: "ppc",
    name: "個人情報保護委員会",
    reference: "個人情報保護委員会 漏えい等の報告 https://www.ppc.go.jp/personalinfo/legal/leakAction/",
  },
  { key: "jpcert", name: "JPCERT/CC", reference: "JPCERT/CC インシデント報告 https://www.jpcert.or.jp/form/" },
  { key: "emocheck", name: "JPCERT/CCのEmoCheck", reference: "JPCERT/CC EmoCheck（Emotet感染有無確認ツール） https://github.com/JPCERTCC/EmoCheck" },
  { key: "ihaho", name: "違法・有害情報相談センター", reference: "違法・有害情報相談センター（総務省支援事業） https://ihaho.jp/" },
  {
    key: "saferInternet",
    name: "誹謗中傷ホットライン（セーファーインターネット協会）",
    reference: "誹謗中傷ホットライン（一般社団法人セーファーインターネット協会） https://www.saferinternet.or.jp/bullying/",
  },
  { key: "notice", name: "NOTICE（総務省・NICT）", reference: "NOTICE IoT機器調査・注意喚起（総務省・NICT） https://notice.go.jp/" },
  { key: "securityAction", name: "IPAのSECURITY ACTION", reference: "IPA SECURITY ACTION https://www.ipa.go.jp/security/security-action/" },
  { key: "bunka", name: "文化庁の著作権の窓口", reference: "文化庁 著作権 https://www.bunka.go.jp/seisaku/chosakuken/" },
  { key: "bank", name: "取引銀行" },
  { key: "cardCompany", name: "カード会社" },
  { key: "carrier", name: "携帯電話会社" },
  { key: "provider", name: "サーバー事業者やプロバイダ" },
  { key: "operator", name: "サービスの運営者" },
  { key: "maker", name: "機器のメーカーや設置業者" },
];

export const ADVICE_CONTACTS: ReadonlyMap<string, AdviceContact> = new Map(list.map((c) => [c.key, c]));
