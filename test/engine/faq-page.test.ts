import { GUIDEBOOK_CREDIT, buildFaqModel, exportFaqPage, faqSheetValues, readCaseTable, renderFaqPage, type CaseTable } from "../../src/engine";
import { questionForm, questionOf } from "../../src/engine/faq/faq-page";
import type { Morphology } from "../../src/engine/text/morphology";
import { sampleTable } from "./seed-named";

const HEADER = ["受理番号", "件名", "相談内容", "対応状況", "【FAQ用】検索キーワード", "案件項目【Mission1】", "提示する対策項目【Mission2～4】", "【FAQ用】標準回答（案）", "【FAQ用】対策のための参考資料・サイト"];

interface RowSpec {
  no: string;
  subject?: string;
  content?: string;
  response?: string;
  keywords?: string;
  category?: string;
  measures?: string;
  answer?: string;
  references?: string;
}

function table(rows: RowSpec[]): CaseTable {
  const values = [
    HEADER,
    ...rows.map((r) => [
      r.no,
      r.subject ?? "偽の警告が出た",
      r.content ?? "パソコンに警告が出て電話するよう表示された。",
      r.response ?? "",
      r.keywords ?? "偽警告、サポート詐欺",
      r.category ?? "1-9 巧妙・悪質化するワンクリック詐欺",
      r.measures ?? "2-12 安全なWebサイト利用",
      r.answer ?? "表示された番号には電話せず、ブラウザを閉じてください。",
      r.references ?? "IPA 情報セキュリティ安心相談窓口 03-5978-7509 https://www.ipa.go.jp/security/anshin/about.html",
    ]),
  ];
  const result = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values });
  if (!result.ok) throw new Error("not recognised");
  return result.table;
}

/** Visible text and attribute values of the page, as one string to search for leaks. */
const PLANTED = ["見本太郎", "090-1234-5678", "０９０－２２２２－３３３３", "taro@example.com", "山田花子", "090-9999-8888", "佐藤一郎", "サンプル商事", "hanako@example.jp", "普通 1234567", "1234567", "東京都千代田区丸の内1-2-3"];

describe("FAQ export: the privacy gate", () => {
  const leaky = table([
    {
      no: "301",
      subject: "見本太郎様から相談",
      content: "株式会社サンプル商事の見本太郎です。電話は090-1234-5678です。",
      response: "株式会社サンプル商事\n見本太郎様\n\nご相談の件です。",
      keywords: "山田花子様、090-9999-8888、見本太郎、サンプル商事、偽警告",
      answer: "見本太郎様には、０９０－２２２２－３３３３ と taro@example.com でご連絡しました。返金は普通 1234567 です。佐藤一郎さんの件と同じく、画面を閉じてください。",
      measures: "2-12 安全なWebサイト利用\n連絡先 hanako@example.jp",
      references: "警視庁 03-5805-1731\n担当 090-1234-5678\n〒100-0005 東京都千代田区丸の内1-2-3",
    },
    { no: "302", subject: "佐藤一郎さんのスマホに警告", response: "佐藤一郎様\nご相談ありがとうございます。", keywords: "佐藤一郎、偽警告" },
    { no: "303" },
  ]);

  it("planted names, phone numbers, e-mail and postal addresses and account numbers in FAQ cells never reach the HTML", () => {
    const { html, model } = exportFaqPage(leaky);
    for (const secret of PLANTED) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/見本|佐藤/);
    // The entries are still published, masked, and the public number stays.
    expect(model.rowsPublished).toBe(3);
    expect(html).toContain("03-5805-1731");
    expect(html).toContain("偽警告");
  });

  it("says which rows were masked or trimmed, in which column and why", () => {
    const { model } = exportFaqPage(leaky);
    const row2 = model.notes.filter((n) => n.rowNumber === 2);
    const answer = row2.find((n) => n.role === "answer")!;
    expect(answer.action).toBe("masked");
    expect([...answer.kinds].sort()).toEqual(["account", "email", "person", "phone"]);
    expect(row2.find((n) => n.role === "keywords")).toMatchObject({ action: "dropped", items: ["山田花子様", "090-9999-8888", "見本太郎", "サンプル商事"] });
    expect(row2.find((n) => n.role === "countermeasures")?.kinds).toEqual(["email"]);
    expect(row2.find((n) => n.role === "references")?.items).toEqual(["担当 090-1234-5678", "〒100-0005 東京都千代田区丸の内1-2-3"]);
    expect(model.notes.filter((n) => n.rowNumber === 3).map((n) => [n.role, n.action, n.items])).toEqual([["keywords", "dropped", ["佐藤一郎"]]]);
    expect(model.notes.filter((n) => n.rowNumber === 4)).toEqual([]);
    for (const note of model.notes) expect(note.caseNumber).toMatch(/^30\d$/);
  });

  it("with real morphology, names without an honorific are masked in answers and questions too", () => {
    const morphology: Morphology = {
      name: "kuromoji",
      tokenize: (text) =>
        text.split(/(楡井ミナト)/).filter(Boolean).map((surface) => ({ surface, baseForm: surface, pos: "名詞", posDetail: surface === "楡井ミナト" ? ["固有名詞", "人名"] : [] })),
    };
    const rows = table([{ no: "1", subject: "営業の楡井ミナトが顧客リストを持ち出した", answer: "楡井ミナトが持ち出した場合も、まず記録を残してください。" }]);
    const { html, model } = exportFaqPage(rows, { morphology });
    expect(html).not.toContain("楡井");
    expect(model.notes[0]).toMatchObject({ role: "answer", action: "masked", kinds: ["person"] });
  });

  it("with privateData: omit, an entry whose answer carries personal data is left out and reported", () => {
    const { html, model } = exportFaqPage(leaky, { privateData: "omit" });
    expect(model.rowsOmitted).toBe(1);
    expect(model.notes.find((n) => n.rowNumber === 2 && n.role === "answer")?.action).toBe("omitted");
    expect(html).not.toContain("301");
    expect(html).toContain("302");
  });
});

describe("FAQ export: the page", () => {
  it("escapes HTML everywhere: script, attribute and URL injections in cells stay text", () => {
    const evil = table([
      {
        no: `<script>alert("no")</script>`,
        subject: `"><img src=x onerror=alert(1)>`,
        keywords: `<b>太字</b>、" onmouseover="alert(1)`,
        category: `</section><script>alert(2)</script>`,
        measures: `<iframe src="https://evil.example/"></iframe>`,
        answer: `<script>alert(3)</script> 詳しくは javascript:alert(4) と https://example.com/"onclick="x を参照してください。`,
        references: `javascript:alert(5)\nhttps://www.ipa.go.jp/"><script>alert(6)</script>`,
      },
    ]);
    const html = renderFaqPage(buildFaqModel(evil));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<iframe|<b>|<\/section><script/);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(3)&lt;/script&gt;");
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="(?:#|https?:\/\/)[^"<>]*"$/);
  });

  it("is self-contained: no outside resources, an offline search box, entries marked data-faq-entry, print styles, the guidebook credit", () => {
    const html = renderFaqPage(buildFaqModel(sampleTable()));
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(|\ssrc=/i);
    expect(html).toMatch(/<input type="search"/);
    expect(html.match(/<article[^>]* data-faq-entry/g)).toHaveLength(22);
    expect(html).toMatch(/@media print/);
    expect(html).toContain(GUIDEBOOK_CREDIT);
    expect(html).toMatch(/<html lang="ja">/);
    expect(html).toContain("Content-Security-Policy");
  });

  it("groups entries by category in guidebook order, the sheet's own categories after them, uncategorised last", () => {
    const model = buildFaqModel(
      table([
        { no: "1", category: "他-2 誹謗中傷", answer: "書き込みの証拠を保存してください。" },
        { no: "2", category: "", answer: "まず落ち着いて状況を記録してください。" },
        { no: "3", category: "窓口独自の分類", answer: "独自の分類の回答です。内容を確認します。" },
        { no: "4", category: "1-2 ランサムウェア", answer: "身代金は支払わないでください。" },
        { no: "5", category: "1-14 なりすましECサイトの被害と回避策", answer: "振込先の口座を確認してください。" },
      ]),
    );
    expect(model.groups.map((g) => g.title)).toEqual([
      "1-2 ランサムウェアを使った詐欺・恐喝",
      "1-14 なりすましECサイトの被害と回避策",
      "他-2 誹謗中傷・風評被害",
      "窓口独自の分類",
      "",
    ]);
    expect(model.groups.map((g) => g.outsideGuidebook)).toEqual([false, false, true, true, true]);
  });

  it("merges entries of one category whose answers are near-duplicates, listing all their 受理番号", () => {
    const answer = "表示された番号には絶対に電話せず、ブラウザを閉じてください。閉じられないときはパソコンを再起動してください。";
    const model = buildFaqModel(
      table([
        { no: "401", answer, keywords: "偽警告、サポート詐欺" },
        { no: "402", answer: answer.replace("絶対に", ""), keywords: "偽警告、警告音", references: "消費者ホットライン 188" },
        { no: "403", answer: "身代金は支払わず、警察に相談してください。", keywords: "身代金" },
        { no: "404", answer, category: "他-1 フィッシング・迷惑メール" },
      ]),
    );
    const [oneClick, phishing] = model.groups;
    expect(oneClick.entries).toHaveLength(2);
    const merged = oneClick.entries[0];
    expect(merged.caseNumbers).toEqual(["401", "402"]);
    expect(merged.rows).toEqual([2, 3]);
    expect(merged.keywords).toEqual(["偽警告", "サポート詐欺", "警告音"]);
    expect(merged.references).toHaveLength(2);
    expect(phishing.entries.map((e) => e.caseNumbers)).toEqual([["404"]]);
    const html = renderFaqPage(model);
    expect(html).toMatch(/受理番号: 401, 402/);
  });

  it("keeps answers apart that share most words but not the same advice, and lists the merged cases' questions", () => {
    const base = "表示された番号には電話せず、ブラウザを閉じてください。閉じられないときはパソコンを再起動してください。";
    const paid = `${base}電子マネーを購入して番号を伝えてしまった場合は、発行元に連絡し、警察に相談してください。`;
    const model = buildFaqModel(
      table([
        { no: "501", subject: "パソコンに警告が出た", answer: base },
        { no: "502", subject: "警告の電話番号に電話して電子マネーを払った", answer: paid },
        { no: "503", subject: "スマホに警告音が鳴り止まない", answer: base.replace("ください。閉じ", "ください。\n閉じ") },
      ]),
    );
    const entries = model.groups[0].entries;
    expect(entries.map((e) => e.caseNumbers)).toEqual([["501", "503"], ["502"]]);
    expect(entries[0].otherQuestions).toEqual([expect.stringContaining("警告音")]);
    const html = renderFaqPage(model);
    expect(html).toContain("同じ回答のご相談");
    expect(html).toMatch(/警告音が鳴り止まない/);
  });

  it("gives the same entries as a table for a sheet named FAQ, nothing private in it", () => {
    const model = buildFaqModel(sampleTable());
    const values = faqSheetValues(model);
    expect(values[0]).toEqual(["分類", "質問", "回答", "キーワード", "対策項目", "参考資料・サイト", "受理番号"]);
    expect(values).toHaveLength(23);
    expect(values[1][0]).toBe("1-2 ランサムウェアを使った詐欺・恐喝");
    expect(values[1][1]).toMatch(/？$|。$/);
    for (const row of values) expect(row).toHaveLength(7);
    expect(faqSheetValues(buildFaqModel(sampleTable()), "en")[0][0]).toBe("Category");
    const leaky = table([{ no: "9", answer: "090-1234-5678 の見本太郎様に連絡しました。画面は閉じてください。" }]);
    expect(JSON.stringify(faqSheetValues(buildFaqModel(leaky)))).not.toMatch(/090|見本/);
  });

  it("offers English UI strings for the pane's English mode", () => {
    const html = renderFaqPage(buildFaqModel(sampleTable()), { lang: "en", generatedAt: "2025-01-31" });
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain("Search the FAQ");
    expect(html).toContain("Generated: 2025-01-31");
    expect(html).toContain("22 entries");
  });
});

describe("FAQ questions", () => {
  it("turn a case summary into a question", () => {
    expect(questionForm("インスタのアカウントを乗っ取られた")).toBe("インスタのアカウントを乗っ取られた場合は、どうすればよいですか？");
    expect(questionForm("サイバー保険に入るべきか")).toBe("サイバー保険に入るべきでしょうか？");
    expect(questionForm("講演を依頼したい。")).toBe("講演を依頼したいのですが、どうすればよいですか？");
    expect(questionForm("どの程度のシステムを導入すべきか教えてほしい")).toBe("どの程度のシステムを導入すべきでしょうか？");
    expect(questionForm("ＳＭＳの活動内容を知りたい")).toBe("SMSの活動内容を教えてください。");
    expect(questionForm("テレワークの注意点")).toBe("テレワークの注意点を教えてください。");
    expect(questionForm("なりすましECサイト被害")).toBe("なりすましECサイト被害。どうすればよいですか？");
    expect(questionForm("返信してもよいですか?")).toBe("返信してもよいですか？");
  });

  it("are generalised and carry nothing private", () => {
    const [row] = table([{ no: "1", subject: "当社の見本太郎様あてに090-1234-5678から着信", content: "弊社の代表電話に見本から不審な着信があった。", response: "見本太郎様" }]).rows;
    const q = questionOf(row);
    expect(q).not.toMatch(/見本|090/);
    // The subject would need masks, so the content's sentence is used, generalised.
    expect(q).toBe("自社の代表電話に［氏名］から不審な着信があった場合は、どうすればよいですか？");
  });
});
