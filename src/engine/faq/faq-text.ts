/**
 * Words of the FAQ features shown to people — the published page's UI, check problems and the export's
 * privacy notes — in Japanese and English, shared by the CLI and the task pane. (Case text and
 * category titles stay as written: they are Japanese whatever the UI language.)
 */
import type { CheckProblem } from "./check";
import type { FaqRole, MaskKind } from "../types";

export type FaqLang = "ja" | "en";

export const PAGE_TEXT = {
  ja: {
    title: "よくある質問（FAQ）",
    searchLabel: "FAQ を検索",
    searchPlaceholder: "困っていることを言葉で（例: ファイル 開けない、カード 不正利用）",
    count: "{n} 件",
    results: "検索結果（関係の深い順）",
    alsoAsked: "同じ回答のご相談",
    noMatch: "該当する項目はありません。言葉を変えてお試しください。",
    contents: "分類",
    question: "Q.",
    answer: "A.",
    keywords: "キーワード",
    countermeasures: "対策項目",
    references: "参考資料・サイト",
    cases: "受理番号",
    uncategorised: "未分類",
    generated: "作成日",
    privacyNote: "相談記録から作成しています。個人名・会社名・連絡先などは伏せています。",
    license: "分類名はガイドブックに基づきます（CC BY-NC-SA 4.0）。説明と回答は相談窓口が作成したものです。",
  },
  en: {
    title: "Frequently asked questions (FAQ)",
    searchLabel: "Search the FAQ",
    searchPlaceholder: "Describe the problem in a few words (e.g. ファイル 開けない)",
    count: "{n} entries",
    results: "Results (best first)",
    alsoAsked: "Also asked as",
    noMatch: "No entry matches. Try other words.",
    contents: "Categories",
    question: "Q.",
    answer: "A.",
    keywords: "Keywords",
    countermeasures: "Countermeasures",
    references: "References",
    cases: "Case numbers",
    uncategorised: "Uncategorised",
    generated: "Generated",
    privacyNote: "Written from the desk's consultation log. Names, companies and contact details are masked.",
    license: "Category titles follow the guidebook (CC BY-NC-SA 4.0). Explanations and answers are the desk's own.",
  },
} as const;

export const ROLE_LABEL: Record<FaqLang, Record<FaqRole, string>> = {
  ja: {
    classification: "相談内容分類",
    keywords: "検索キーワード",
    category: "案件項目",
    countermeasures: "対策項目",
    answer: "標準回答",
    references: "参考資料・サイト",
  },
  en: {
    classification: "classification",
    keywords: "keywords",
    category: "category",
    countermeasures: "countermeasures",
    answer: "standard answer",
    references: "references",
  },
};

export const MASK_KIND_LABEL: Record<FaqLang, Record<MaskKind, string>> = {
  ja: {
    person: "人名",
    company: "会社名",
    email: "メールアドレス",
    phone: "電話番号",
    address: "住所",
    account: "口座番号",
    card: "カード番号",
    mynumber: "マイナンバー",
    birthdate: "生年月日",
    url: "公的機関以外の URL",
  },
  en: {
    person: "a person's name",
    company: "a company name",
    email: "an e-mail address",
    phone: "a phone number",
    address: "a postal address",
    account: "a bank account number",
    card: "a card number",
    mynumber: "a My Number (individual number)",
    birthdate: "a date of birth",
    url: "a URL of a site other than a public body's",
  },
};

const quote = (lang: FaqLang, items: readonly string[]) => items.map((s) => (lang === "ja" ? `「${s}」` : `"${s}"`)).join(lang === "ja" ? "" : ", ");
const kindsText = (lang: FaqLang, kinds: readonly MaskKind[] = []) => kinds.map((k) => MASK_KIND_LABEL[lang][k]).join(lang === "ja" ? "・" : ", ");

/** One line describing a check problem (without the row, which the caller shows its own way). */
export function describeProblem(p: CheckProblem, lang: FaqLang): string {
  const role = ROLE_LABEL[lang][p.role];
  const ja = lang === "ja";
  switch (p.kind) {
    case "unknownCategory":
      return ja
        ? `${role}「${p.value}」は分類の一覧にありません${p.fix ? `（${quote(lang, [p.fix])}のことでしょうか）` : ""}`
        : `${role} "${p.value}" is not in the category list${p.fix ? ` (did you mean "${p.fix}"?)` : ""}`;
    case "categoryMismatch":
      return ja
        ? `${role}「${p.value}」は番号が${quote(lang, [p.items[0]])}、名前が${quote(lang, [p.items[1]])}を指しています`
        : `${role} "${p.value}": its number means "${p.items[0]}" but its words mean "${p.items[1]}"`;
    case "categorySpelling":
      return ja
        ? `${role}「${p.value}」は、この列でふだん使う表記「${p.items[0]}」と違います`
        : `${role} "${p.value}" is spelled differently from this column's usual "${p.items[0]}"`;
    case "duplicateKeyword":
      return ja ? `${role}に同じ言葉が重複しています: ${quote(lang, p.items)}` : `repeated ${role}: ${quote(lang, p.items)}`;
    case "misspelledKeyword":
      return ja ? `${role}「${p.items[0]}」は「${p.items[1]}」の誤記ではありませんか` : `${role} "${p.items[0]}" looks like a misspelling of "${p.items[1]}"`;
    case "nameInKeywords":
      return ja ? `${role}に人名・会社名があります: ${quote(lang, p.items)}` : `a person's or company's name in the ${role}: ${quote(lang, p.items)}`;
    case "personalData":
      return ja
        ? `${role}に個人情報（${kindsText(lang, p.kinds)}）があります${p.items.length > 0 ? `: ${quote(lang, p.items)}` : ""}`
        : `personal data (${kindsText(lang, p.kinds)}) in the ${role}${p.items.length > 0 ? `: ${quote(lang, p.items)}` : ""}`;
    case "badReference":
      return ja
        ? `${role}に URL でも既知の相談窓口でもない項目があります: ${quote(lang, p.items)}`
        : `items in the ${role} that are neither a URL nor a known contact point: ${quote(lang, p.items)}`;
    case "partlyFilled": {
      const missing = (p.missing ?? []).map((r) => ROLE_LABEL[lang][r]).join(ja ? "・" : ", ");
      return ja ? `FAQ 列の一部だけが記入されています（未記入: ${missing}）` : `FAQ columns filled only in part (empty: ${missing})`;
    }
  }
}

/** The export's privacy gate: what happened to a row's cell and why. */
export interface GateNoteText {
  action: "masked" | "dropped" | "omitted";
  role: FaqRole;
  kinds: readonly MaskKind[];
  items?: readonly string[];
}

export function describeGateNote(note: GateNoteText, lang: FaqLang): string {
  const role = ROLE_LABEL[lang][note.role];
  const kinds = kindsText(lang, note.kinds);
  if (lang === "ja") {
    if (note.action === "masked") return `${role}の${kinds}を伏せて掲載しました`;
    if (note.action === "dropped") return `${role}から${kinds}を含む ${note.items?.length ?? 0} 項目を除きました`;
    return `${role}に${kinds}があるため、この行は掲載していません`;
  }
  if (note.action === "masked") return `${kinds} masked in the ${role}`;
  const count = note.items?.length ?? 0;
  if (note.action === "dropped") return `${count} ${count === 1 ? "item" : "items"} of the ${role} left out (${kinds})`;
  return `row left out: its ${role} carries ${kinds}`;
}
