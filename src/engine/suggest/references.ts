/**
 * Reference items (【FAQ用】対策のための参考資料・サイト): what counts as a link, as a known public contact
 * point, and as personal data in a reference. Shared by the check and the export so both judge alike.
 */
import { referenceKey } from "./engine";
import { privateKinds } from "../privacy/faq-privacy";
import { PUBLIC_PHONE_NUMBERS } from "../privacy/privacy";
import { CONTACTS } from "../guidebook/taxonomy";
import type { MaskKind } from "../types";

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
 * Personal data in a reference. Links and company names are what references are for; an address
 * counts unless the item is a public contact point (a public office's address is not private).
 */
export function referencePrivateKinds(item: string): MaskKind[] {
  const ignore: MaskKind[] = isKnownContact(item) ? ["url", "company", "address"] : ["url", "company"];
  return privateKinds(item, ignore);
}
