/**
 * 【FAQ用】対策のための参考資料・サイト: the column's suggestion (similar rows' references blended with the
 * guidebook's contact points), and what counts as the same reference, a link, a known public contact
 * point, and personal data in a reference (shared by the check and the export so all three judge alike).
 */
import { ADVICE_CONTACTS, CONTACTS } from "../guidebook";
import { detectInItem, PUBLIC_PHONE_NUMBERS, type PrivacyContext, type PrivacyResult } from "../privacy";
import type { CategoryCandidate, ListSuggestion, MaskKind } from "../types";
import { plannedContacts, type AdvicePlan } from "./advice-plan";
import { categoryAgreement } from "./category-agreement";
import type { ColumnInput } from "./column-input";
import { rankItems, type ItemRanking } from "./items";
import { itemKey } from "./vocabulary";

/** References meet by phone number or page (`referenceKey`); at most four are offered, the contacts the answer names among them. */
const RANKING: ItemRanking = { role: "references", keyOf: referenceKey, max: 4 };

/** The public contact points the case's answer names, as reference lines, in the order it names them. */
export function planReferences(plan: AdvicePlan): string[] {
  const lines = plannedContacts(plan).flatMap((key) => {
    const line = ADVICE_CONTACTS.get(key)?.reference;
    return line ? [line] : [];
  });
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = referenceKey(line);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function suggestReferences(input: ColumnInput, plan: AdvicePlan, topCategory: CategoryCandidate | undefined): ListSuggestion {
  const planned = planReferences(plan);
  // Rows filed under another threat list that threat's items, not this case's.
  const neighbours = input.neighbours.filter((n) => categoryAgreement(n, topCategory) !== "differs");
  return rankItems({ ...input, neighbours }, RANKING, planned.length > 0 ? planned : (input.topItem?.contacts ?? []));
}

/**
 * References meet by their phone number, else by their page (host and path, without "www." or a
 * trailing index/about page), however the rest of the line is worded. Two services of one site
 * (IPA's 安心相談窓口 and 届出窓口) stay apart; the same desk with and without its URL meets.
 */
export function referenceKey(value: string): string {
  const nfkc = value.normalize("NFKC");
  const phone = /(?<![\d/.])(0\d{1,4}-\d{1,4}-\d{3,4}|188)(?![\d/.])/.exec(nfkc.replace(/(?:https?:\/\/|www\.)\S+/gi, " "));
  if (phone) return `tel:${phone[1].replace(/\D/g, "")}`;
  const url = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(\/[^\s）)」]*)?/i.exec(nfkc);
  if (url) {
    const host = url[1].toLowerCase().replace(/^www\./, "");
    const path = (url[2] ?? "").replace(/\/(?:index|about)\.html?$/i, "").replace(/\/+$/, "");
    return `site:${host}${path}`;
  }
  return itemKey(value);
}

const LINK = /(?:https?:\/\/|www\.)[^\s]+|(?:^|[\s(（])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:jp|com|org|net|info|gov|io)(?:\/\S*)?/i;
const PUBLIC_INSTITUTION =
  /警視庁|警察|サイバー犯罪|IPA|情報処理推進機構|法テラス|司法支援センター|消費生活センター|消費者ホットライン|国民生活センター|JPCERT|フィッシング対策協議会|セーファーインターネット|なりすましEC|中小企業振興公社|経済産業省|総務省|個人情報保護委員会|NISC|内閣サイバー/i;
const CONTACT_KEYS = new Set(Object.values(CONTACTS).map(referenceKey));
const PUBLIC_DIGITS = PUBLIC_PHONE_NUMBERS.map((n) => n.replace(/\D/g, ""));

export function isLink(item: string): boolean {
  return LINK.test(item.normalize("NFKC"));
}

/** One of the guidebook's contact points, a public number, or a public institution named. */
export function isKnownContact(item: string): boolean {
  const nfkc = item.normalize("NFKC");
  if (CONTACT_KEYS.has(referenceKey(item))) return true;
  const digits = nfkc.replace(/\D/g, "");
  if (PUBLIC_DIGITS.some((d) => d.length >= 10 && digits.includes(d)) || /(?<!\d)188(?!\d)/.test(nfkc)) return true;
  return PUBLIC_INSTITUTION.test(nfkc);
}

/**
 * Personal data in a reference, as the detector finds it. Links are what references are for; a
 * public contact point may carry its body's name and address; a private company's name counts, and
 * so does a link with a phone number or an e-mail address inside it (it would be published live).
 */
export function referencePrivacy(item: string, context: PrivacyContext = {}): PrivacyResult {
  const ignore: MaskKind[] = isKnownContact(item) ? ["url", "company", "address"] : ["url"];
  return detectInItem(item, { ...context, ignore });
}
