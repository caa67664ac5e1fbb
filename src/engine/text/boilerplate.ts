/**
 * Strips the parts of a desk's reply that every e-mail reply shares: how it was sent
 * (「以下のとおりメールにて回答」), the addressee block, greetings and the desk's self-introduction,
 * openers (「ご相談いただきました件についてご回答いたします」), sign-offs, e-mail headers and the
 * signature block. What is left is the advice itself.
 *
 * Why: the same greeting, self-introduction and signature appear in every e-mail reply, so two
 * unrelated e-mail cases looked more alike than two cases about the same threat; and none of it
 * belongs in an FAQ draft.
 */

/** A rule line that opens or closes a signature block (――――, -----, ＝＝＝, ****). */
const RULE_LINE = /^[\s]*[-=＝―─━_＿*＊~～◆◇■□－‐ー]{4,}[\s]*$/;
const HEADER_LINE = /^(?:from|to|cc|bcc|subject|date|sent|件名|差出人|宛先|送信者|送信日時|日時|cc|返信先)\s*[:：]/i;
/** How the reply was delivered: 「以下のとおりメールにて回答」「メールで回答」「電話にて回答済み」. */
const DELIVERY_LINE = /^(?:以下の?(?:とおり|通り|ように|よう)|下記の?(?:とおり|通り))?[、\s]*(?:メール|電話|ＦＡＸ|FAX|書面|口頭)(?:にて|で)?[、\s]*(?:以下の?(?:とおり|通り|ように|よう))?[、\s]*(?:回答|返信|連絡)(?:した|済み?|する|いたしました)?[。.]?$/;
/** Addressee lines: 「見本太郎様」「総務部　見本花子様」「〇〇株式会社 御中」. */
const ADDRESSEE_LINE = /(?:様|殿|御中|各位)[。\s]*$/;
const SHORT_LINE = 40;

/** Sentences that carry no advice: greetings, self-introductions, openers and sign-offs. */
const BOILERPLATE_SENTENCE = new RegExp(
  [
    "お世話に(?:なって|なり)",
    "と申します",
    "(?:窓口|センター|担当)の.{0,12}(?:です|でございます)[。]?$",
    "^.{0,30}でございます[。]?$",
    "ご?(?:相談|質問|依頼|問い?合わせ|連絡)(?:いただき|頂き|を?いただいた|頂いた|を?受け).{0,12}(?:件|内容)",
    "(?:ご?回答|ご?返信|ご?連絡)(?:いたします|致します|申し上げます|させていただきます)[。]?$",
    "よろしく|宜しく",
    "ご不明",
    "^以上[、。]?",
    "改めて(?:ご)?連絡",
    "(?:宛て?に|までに?)(?:郵送|送付|お送り|ご送付)",
    "お電話でのご連絡",
    "お(?:送り|問い合わせ)いただいても結構",
    "取り急ぎ",
    "失礼いたします|失礼します",
    "^(?:以上)?、?ご確認(?:の程|のほど)",
    "折り返し",
    "(?:お電話|ご連絡)(?:いたします|致します|差し上げます)[。]?$",
    "ご相談時に(?:伺|うかが|お聞き)",
  ].join("|"),
);

function isContactLine(line: string): boolean {
  return /TEL|Tel|tel|FAX|Fax|電話|E-?mail|Mail|mail|メール|@|＠|〒|窓口|センター|[0-9０-９]{2,4}[-－ー‐][0-9０-９]{2,4}[-－ー‐][0-9０-９]{3,4}/.test(line);
}

function splitSentences(line: string): string[] {
  return line.match(/[^。！？!?]+[。！？!?]*|[。！？!?]+/g) ?? [];
}

/** The reply without its e-mail boilerplate; the advice lines are kept as they were. */
export function stripBoilerplate(reply: string): string {
  let lines = reply.split(/\r?\n/).map((line) => line.trim());

  // Signature block: from a rule line in the second half of the reply (or after the last advice) to the end.
  const firstRule = lines.findIndex((line, i) => RULE_LINE.test(line) && i >= Math.min(3, lines.length / 2));
  if (firstRule >= 0) {
    const after = lines.slice(firstRule + 1).filter((line) => line !== "" && !RULE_LINE.test(line));
    if (after.length <= 6 && after.every((line) => line.length <= SHORT_LINE && !/。/.test(line))) lines = lines.slice(0, firstRule);
  }

  const content = lines.filter((line) => line !== "" && !RULE_LINE.test(line) && !HEADER_LINE.test(line));
  // The addressee block: short lines without a full stop at the top, ending with the 様/御中 line.
  let start = 0;
  while (start < content.length && start < 2 && DELIVERY_LINE.test(content[start])) start++;
  const addressee = content.slice(start, start + 4).findIndex((line) => ADDRESSEE_LINE.test(line) && line.length <= SHORT_LINE);
  if (addressee >= 0 && content.slice(start, start + addressee + 1).every((line) => line.length <= SHORT_LINE && !/。/.test(line))) {
    start += addressee + 1;
  }
  const looksLikeLetter = start > 0 || firstRule >= 0;

  // Trailing signature without a rule line: short contact lines (and, in a letter, any short unpunctuated lines).
  let end = content.length;
  while (
    end > start &&
    content[end - 1].length <= SHORT_LINE &&
    !/[。！？]/.test(content[end - 1]) &&
    (isContactLine(content[end - 1]) || looksLikeLetter)
  ) {
    end--;
  }

  const out: string[] = [];
  for (const line of content.slice(start, end)) {
    if (DELIVERY_LINE.test(line)) continue;
    const kept = splitSentences(line)
      .filter((sentence) => !BOILERPLATE_SENTENCE.test(sentence.trim()))
      .join("")
      .trim();
    if (kept && !/^[。、\s]+$/.test(kept)) out.push(kept);
  }
  return out.join("\n");
}
