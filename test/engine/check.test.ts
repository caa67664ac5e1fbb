import { readCaseTable, type CaseTable } from "../../src/engine";
import { FaqChecker, checkFaq, type CheckKind, type CheckProblem } from "../../src/engine/faq/check";
import type { Morphology } from "../../src/engine/text/morphology";
import { sampleTable } from "./seed-named";

const HEADER = [
  "受理番号",
  "件名",
  "相談内容",
  "対応状況",
  "【FAQ用】検索キーワード",
  "案件項目【Mission1】",
  "提示する対策項目【Mission2～4】",
  "【FAQ用】標準回答（案）",
  "【FAQ用】対策のための参考資料・サイト",
];

const LABEL_19 = "1-9 巧妙・悪質化するワンクリック詐欺";
const ANSWER = "表示された番号には電話せず、画面を閉じてください。";
const IPA = "IPA 情報セキュリティ安心相談窓口 03-5978-7509 https://www.ipa.go.jp/security/anshin/about.html";

/** A complete, clean row; `over` replaces some cells (keys as in HEADER order below). */
function row(no: number, over: Partial<Record<"keywords" | "category" | "measures" | "answer" | "references" | "response", string>> = {}): string[] {
  return [
    String(100 + no),
    "偽の警告が出た",
    "パソコンに警告が出て電話するよう表示された。",
    over.response ?? "サポート詐欺の手口です。",
    over.keywords ?? "偽警告、サポート詐欺、遠隔操作",
    over.category ?? LABEL_19,
    over.measures ?? "2-12 安全なWebサイト利用",
    over.answer ?? ANSWER,
    over.references ?? IPA,
  ];
}

function table(rows: string[][]): CaseTable {
  const result = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values: [HEADER, ...rows] });
  if (!result.ok) throw new Error("not recognised");
  return result.table;
}

function only(problems: CheckProblem[], rowNumber: number, kind?: CheckKind): CheckProblem[] {
  return problems.filter((p) => p.rowNumber === rowNumber && (kind === undefined || p.kind === kind));
}

describe("点検 (check before publishing)", () => {
  it("finds nothing in clean rows, and nothing wrong in the sample's filled rows", () => {
    expect(checkFaq(table([row(1), row(2), row(3)]))).toEqual([]);
    expect(checkFaq(sampleTable())).toEqual([]);
  });

  it("category spelled two ways for one id: the minority spelling, fixed to the column's most used one", () => {
    const problems = checkFaq(table([row(1), row(2, { category: "1-9 ワンクリック詐欺" }), row(3)]));
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ rowNumber: 3, role: "category", column: 6, kind: "categorySpelling", value: "1-9 ワンクリック詐欺", fix: LABEL_19, caseNumber: "102" });
  });

  it("on a tie between spellings the taxonomy label is the fix", () => {
    const problems = checkFaq(table([row(1, { category: "1-9 ワンクリック詐欺" }), row(2)]));
    expect(problems.map((p) => [p.rowNumber, p.kind, p.fix])).toEqual([[2, "categorySpelling", LABEL_19]]);
  });

  it("category not in the list: fixed to the one item it clearly means, else no fix", () => {
    const problems = checkFaq(table([row(1, { category: "ランサムウエアを使った詐欺・恐喝" }), row(2, { category: "お天気の相談" })]));
    expect(only(problems, 2, "unknownCategory")[0].fix).toBe("1-2 ランサムウェアを使った詐欺・恐喝");
    const unknown = only(problems, 3, "unknownCategory");
    expect(unknown).toHaveLength(1);
    expect(unknown[0].fix).toBeUndefined();
  });

  it("an id that says one item and words that say another is reported without a guess", () => {
    const problems = checkFaq(table([row(1, { category: "1-9 ランサムウェアを使った詐欺・恐喝" })]));
    expect(problems).toHaveLength(1);
    expect(problems[0].kind).toBe("categoryMismatch");
    expect(problems[0].fix).toBeUndefined();
    expect(problems[0].items).toEqual([LABEL_19, "1-2 ランサムウェアを使った詐欺・恐喝"]);
    // Words that several titles contain (詐欺) say nothing against the id.
    expect(checkFaq(table([row(1, { category: "他-4 詐欺" }), row(2, { category: "他-4 詐欺" })]))).toEqual([]);
  });

  it("keyword cells: repeats (also across full/half width) are removed in the cell's own separator", () => {
    const problems = checkFaq(table([row(1, { keywords: "フィッシング / ＳＭＳ / フィッシング / SMS" })]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "duplicateKeyword", role: "keywords", column: 5, fix: "フィッシング / ＳＭＳ" });
    expect(problems[0].items.sort()).toEqual(["SMS", "フィッシング"]);
  });

  it("keyword cells: a misspelling of a known term is fixed; a particle more or less is not a misspelling", () => {
    const problems = checkFaq(table([row(1, { keywords: "ランサムウエア、身代金" }), row(2, { keywords: "振込先の変更、送金" }), row(3, { keywords: "振込先変更、送金" })]));
    const typo = only(problems, 2, "misspelledKeyword");
    expect(typo).toHaveLength(1);
    expect(typo[0].items).toEqual(["ランサムウエア", "ランサムウェア"]);
    expect(typo[0].fix).toBe("ランサムウェア、身代金");
    expect(only(problems, 3)).toEqual([]);
    expect(only(problems, 4)).toEqual([]);
  });

  it("keyword cells: a misspelling of a keyword the sheet uses more often is fixed to that one", () => {
    const rows = [row(1, { keywords: "メッセージアプリ、詐欺" }), row(2, { keywords: "メッセージアプリ" }), row(3, { keywords: "メッッセージアプリ" })];
    const problems = checkFaq(table(rows));
    expect(problems.map((p) => [p.rowNumber, p.kind, p.fix])).toEqual([[4, "misspelledKeyword", "メッセージアプリ"]]);
  });

  it("a glossary can be plugged in for misspellings and variants", () => {
    const glossary = { preferred: (k: string) => (k === "ウィルス" ? "ウイルス" : undefined) };
    const problems = new FaqChecker(table([row(1, { keywords: "ウィルス、偽警告" })]), { spelling: glossary }).checkAll();
    expect(problems.map((p) => [p.kind, p.fix])).toEqual([["misspelledKeyword", "ウイルス、偽警告"]]);
  });

  it("keyword cells: names — with an honorific, a company, or a bare name the row's own case text carries", () => {
    const problems = checkFaq(
      table([
        row(1, { response: "株式会社サンプル商事\n見本花子様\n\nご相談の件です。", keywords: "見本花子、サンプル商事、偽警告" }),
        row(2, { keywords: "山田様、偽警告" }),
      ]),
    );
    const named = only(problems, 2, "nameInKeywords");
    expect(named).toHaveLength(1);
    expect(named[0].items).toEqual(["見本花子"]);
    // A katakana name before a trade word (…商事) is found by masking itself, as personal data.
    expect(only(problems, 2, "personalData")[0]).toMatchObject({ kinds: ["company"], items: ["サンプル商事"], fix: "見本花子、偽警告" });
    const honorific = only(problems, 3, "personalData");
    expect(honorific[0]).toMatchObject({ role: "keywords", kinds: ["person"], items: ["山田様"], fix: "偽警告" });
  });

  it("keyword cells: with real morphology, a token tagged as a person's name", () => {
    const morphology: Morphology = {
      name: "kuromoji",
      tokenize: (text) => [{ surface: text, baseForm: text, pos: "名詞", posDetail: text === "鈴木一郎" ? ["固有名詞", "人名"] : ["一般"] }],
    };
    const problems = new FaqChecker(table([row(1, { keywords: "鈴木一郎、偽警告" })]), { morphology }).checkAll();
    expect(problems.map((p) => [p.kind, p.items])).toEqual([["nameInKeywords", ["鈴木一郎"]]]);
    expect(checkFaq(table([row(1, { keywords: "鈴木一郎、偽警告" })]))).toEqual([]);
  });

  it("answers carrying phone numbers, e-mail addresses, account numbers or names: reported with the masked text as fix", () => {
    const problems = checkFaq(
      table([
        row(1, { answer: "担当（090-1234-5678、taro@example.com）までご連絡ください。" }),
        row(2, { answer: "返金は普通 1234567 に振り込まれます。" }),
        row(3, { response: "見本花子様\nご相談の件です。", answer: "見本花子からの相談では、まず画面を閉じるよう伝えました。" }),
        row(4, { answer: "警視庁 03-5805-1731 に相談してください。" }),
      ]),
    );
    const phone = only(problems, 2, "personalData")[0];
    expect(phone.kinds?.sort()).toEqual(["email", "phone"]);
    expect(phone.fix).not.toMatch(/090|taro/);
    expect(only(problems, 3, "personalData")[0].kinds).toEqual(["account"]);
    const bare = only(problems, 4, "personalData")[0];
    expect(bare.kinds).toEqual(["person"]);
    expect(bare.fix).toBe("〇〇からの相談では、まず画面を閉じるよう伝えました。");
    expect(only(problems, 5)).toEqual([]);
  });

  it("references: neither a link nor a known contact point; personal data in a reference", () => {
    const problems = checkFaq(
      table([
        row(1, { references: "ネットで調べてください\nhttps://example.com/help\n警視庁 サイバー犯罪対策課\n消費者ホットライン 188\nipa.go.jp\n担当者 090-1111-2222" }),
      ]),
    );
    const bad = only(problems, 2, "badReference");
    expect(bad).toHaveLength(1);
    expect(bad[0].items).toEqual(["ネットで調べてください"]);
    expect(bad[0].fix).toBeUndefined();
    const personal = only(problems, 2, "personalData")[0];
    expect(personal).toMatchObject({ role: "references", items: ["担当者 090-1111-2222"], kinds: ["phone"] });
    expect(personal.fix).not.toMatch(/090/);
    expect(personal.fix).toMatch(/https:\/\/example\.com\/help/);
  });

  it("rows filled only in part list what is missing; empty rows are backlog, not problems", () => {
    const partly = ["200", "件名", "内容です", "", "", LABEL_19, "", "", ""];
    const empty = ["201", "件名", "内容です", "", "", "", "", "", ""];
    const problems = checkFaq(table([partly, empty]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 2, kind: "partlyFilled", role: "keywords", column: 5, missing: ["keywords", "countermeasures", "answer", "references"] });
  });

  it("planFixes combines every obvious fix of a cell into one new value, re-checked", () => {
    const checker = new FaqChecker(table([row(1, { keywords: "ランサムウエア、身代金、身代金、山田様" }), row(2)]));
    const fixes = checker.planFixes();
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ rowNumber: 2, role: "keywords", oldValue: "ランサムウエア、身代金、身代金、山田様", newValue: "ランサムウェア、身代金" });
    expect(fixes[0].kinds.sort()).toEqual(["duplicateKeyword", "misspelledKeyword", "personalData"]);
    const fixedRow = { ...checker.table.rows[0], cells: { ...checker.table.rows[0].cells, keywords: fixes[0].newValue } };
    expect(checker.checkRow(fixedRow)).toEqual([]);
  });
});
