/**
 * The draft answer, countermeasure and reference columns as an editor sees them (issue 13): advice
 * composed for the case's situation, the desk's own wording winning for the steps it covers, every
 * sentence credited, no seam, no name, at most 400 characters.
 */
import { SuggestionEngine, type CaseRow, type CaseTable, type Morphology, type RowSuggestions } from "../../src/engine";
import { tinySegmenterMorphology } from "../../src/engine/text";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import { readSituation } from "../../src/engine/suggest/situation";
import { composeDraft, draftText } from "../../src/engine/suggest/answer-draft";
import { loadCorpus } from "../../eval/corpus";

const COLUMNS = { caseNumber: 1, subject: 2, content: 3, response: 4, category: 5, countermeasures: 6, answer: 7, references: 8 };

function sheet(rows: CaseRow["cells"][]): CaseTable {
  const caseRows = rows.map((cells, i) => ({ rowNumber: i + 2, cells: { caseNumber: `R${i + 1}`, ...cells } }));
  return { sheetName: "相談", headerRow: 1, columns: COLUMNS, headerText: {}, rows: caseRows, lastRow: caseRows.length + 1 };
}

function suggestOne(cells: CaseRow["cells"], others: CaseRow["cells"][] = []): RowSuggestions {
  const table = sheet([...others, cells]);
  return SuggestionEngine.build(table).suggest(table.rows[table.rows.length - 1].rowNumber);
}

const itemIds = (s: RowSuggestions) => s.countermeasures.values.map((v) => v.split(" ")[0]);
const sentenceTexts = (s: RowSuggestions) => s.answer.sentences.map((x) => s.answer.text.slice(x.start, x.end));

const BANK_PHISHING = {
  subject: "銀行を名乗るメールからネットバンキングにログインしてしまった",
  content: "取引銀行からのお知らせというメールのリンクを開き、表示されたログイン画面にIDとパスワードを入力してしまいました。その後、口座から知らない名義へ50万円が送金されていました。",
};

describe("a draft composed for the case", () => {
  it("tells a bank-phishing victim to call the bank and the police, names them, and lists the bank's items", () => {
    const s = suggestOne(BANK_PHISHING);
    expect(s.answer.text).toMatch(/銀行に連絡/);
    expect(s.answer.text).toMatch(/取引銀行/);
    expect(s.answer.text).toMatch(/警察/);
    expect(s.answer.text).toMatch(/パスワードを変更/);
    expect(itemIds(s)).toContain("4-6");
    expect(s.references.values.join("\n")).toMatch(/警視庁/);
  });

  it("follows the fixed order what → now → contact → prevent, in one text without seams", () => {
    const s = suggestOne(BANK_PHISHING);
    expect(s.answer.text).not.toMatch(/（参考）|対応例:|相談先:|\n/);
    const text = s.answer.text;
    // The prevention sentence (ワンタイムパスワード / ブックマーク) comes after the call to the bank.
    expect(text.indexOf("銀行に連絡")).toBeLessThan(text.search(/ブックマーク|ワンタイムパスワード/));
  });

  it("credits every sentence of a guidebook draft to the guidebook item and its public source", () => {
    const s = suggestOne(BANK_PHISHING);
    expect(s.answer.sentences.length).toBeGreaterThan(2);
    for (const sentence of s.answer.sentences) {
      expect(sentence.source.kind).toBe("guidebook");
      if (sentence.source.kind === "guidebook") {
        expect(sentence.source.itemId).toBe("1-7");
        expect(sentence.source.url).toMatch(/^https:\/\//);
      }
    }
    // The sentences tile the text.
    expect(s.answer.sentences[0].start).toBe(0);
    expect(s.answer.sentences[s.answer.sentences.length - 1].end).toBe(s.answer.text.length);
  });

  it("gives two cases of one category different advice when their situations differ", () => {
    const remote = suggestOne({
      subject: "ウイルス警告の番号に電話したら遠隔操作された",
      content: "パソコンに「ウイルスに感染しました」と警告が出て、表示された番号に電話しました。言われるままに遠隔操作のソフトを入れてしまい、画面が勝手に動いていました。",
    });
    const billed = suggestOne({
      subject: "動画サイトで登録完了と料金請求の画面が出た",
      content: "無料の動画を見ようとボタンを押したら「登録完了」と出て、3日以内に9万円を払えという画面が消えません。",
    });
    expect(remote.answer.text).toMatch(/アンインストール/);
    expect(billed.answer.text).not.toMatch(/アンインストール/);
    expect(billed.answer.text).toMatch(/支払う必要はありません/);
    expect(remote.answer.text).not.toBe(billed.answer.text);
  });

  it("does not advise changing a password the client never typed", () => {
    // A fake virus warning: no step of the threat itself tells everyone to change a password.
    const typed = suggestOne({
      subject: "ウイルス感染の警告画面が出た",
      content: "パソコンでサイトを見ていたら「ウイルスに感染しました」と警告が出て、表示に従ってMicrosoftアカウントのIDとパスワードを入力してしまいました。",
    });
    const notTyped = suggestOne({
      subject: "ウイルス感染の警告画面が出た",
      content: "パソコンでサイトを見ていたら「ウイルスに感染しました」と警告が出て、MicrosoftアカウントのIDとパスワードを入力するよう求められましたが、入力していません。",
    });
    const generic = "IDやパスワードを入力してしまった場合は、すぐにパスワードを変更し";
    expect(typed.answer.text).toContain(generic);
    expect(notTyped.answer.text).not.toContain(generic);
  });

  it("tells a firm whose customers' data leaked to report to 個人情報保護委員会", () => {
    const s = suggestOne({
      subject: "ネットショップから顧客のカード情報が漏えいした",
      content: "当社が運営するネットショップに不正アクセスがあり、お客様のクレジットカード情報が漏れたとカード会社から連絡がありました。",
    });
    expect(s.answer.text).toMatch(/個人情報保護委員会/);
    expect(s.references.values.join("\n")).toMatch(/ppc\.go\.jp/);
    expect(itemIds(s)).toContain("4-3");
  });
});

describe("advice for situations any category can meet", () => {
  it("tells the owner of an out-of-support machine to replace it and keep it off the internet meanwhile", () => {
    const s = suggestOne({
      subject: "古いルーターを使い続けても大丈夫ですか",
      content: "事務所のルーターは10年前の機種で、メーカーのサポートが終了していると聞きました。まだ普通に使えていますが、このままでよいでしょうか。",
    });
    expect(s.answer.text).toMatch(/サポートが終了/);
    expect(s.answer.text).toMatch(/買い替え/);
    expect(itemIds(s)).toContain("2-2");
  });

  it("tells a firm whose staff typed a cloud-mail password on a fake page to check sign-ins and forwarding and turn on multi-factor sign-in", () => {
    const s = suggestOne({
      subject: "Microsoft 365の偽ログイン画面にパスワードを入れてしまった",
      content: "当社の社員が、Microsoftを名乗るメールのリンク先で会社のMicrosoft 365のメールアドレスとパスワードを入力してしまいました。",
    });
    expect(s.answer.text).toMatch(/パスワードを変更/);
    expect(s.answer.text).toMatch(/管理者に報告/);
    expect(s.answer.text).toMatch(/サインイン履歴|ログイン履歴/);
    expect(s.answer.text).toMatch(/転送設定/);
    expect(s.answer.text).toMatch(/多要素認証|二段階認証/);
  });

  it("reads a mail ordering the client to send bitcoin as a threat and says not to pay", () => {
    const s = suggestOne({
      subject: "自分のアドレスから脅しのようなメール",
      content: "差出人が自分のアドレスになっているメールが届き、パソコンをハッキングしたのでビットコインを送金しろと書かれていました。",
    });
    expect(s.answer.text).toMatch(/支払わない|払わない/);
    expect(s.answer.text).toMatch(/ばらまき/);
  });

  it("names the police, and not only the host, when a site was defaced", () => {
    const s = suggestOne({
      subject: "ホームページが書き換えられていた",
      content: "当社のホームページのトップに、見知らぬ英文と画像が貼られていました。WordPressは何年も更新していません。",
    });
    expect(s.answer.text).toMatch(/警察に相談/);
    expect(s.answer.text).toMatch(/ログを保存/);
  });
});

describe("a case whose category is unsure", () => {
  const situation = readSituation("当社のネットショップで買ったというお客様から、カードが不正に使われたと連絡がありました。", tinySegmenterMorphology);

  it("also covers the runner-up's reading, in at most two steps that say which reading they are for", () => {
    const sure = draftText(composeDraft([{ id: "1-3", weight: 1 }], situation));
    const unsure = composeDraft([{ id: "1-3", weight: 1 }, { id: "1-14", weight: 0.5 }], situation);
    const lent = unsure.sentences.filter((s) => s.source.kind === "guidebook" && s.source.itemId === "1-14");
    expect(sure).not.toContain("偽の通販サイトなら、");
    expect(lent.length).toBeGreaterThan(0);
    expect(lent.length).toBeLessThanOrEqual(2);
    // The reading is named once; its next step goes on from it rather than naming it again.
    lent.forEach((sentence, i) => {
      const index = unsure.sentences.indexOf(sentence);
      const goesOn = i > 0 && unsure.sentences[index - 1] === lent[i - 1];
      expect(sentence.text.startsWith(goesOn ? "その場合、" : "偽の通販サイトなら、")).toBe(true);
    });
    // What the case probably is comes from the likeliest category only.
    expect(unsure.plan.chosen.filter((p) => p.step.kind === "what").every((p) => p.itemId === "1-3")).toBe(true);
  });
});

describe("a draft that says each thing once", () => {
  it("leaves out the guidebook's wording of what a similar row's answer already says", () => {
    const s = suggestOne(
      { subject: "社員向けにセキュリティの講演をお願いしたい", content: "従業員向けの研修会で、情報セキュリティの講師をお願いできる窓口を探しています。" },
      [
        {
          subject: "情報セキュリティの講演を依頼したい",
          content: "社内研修でサイバーセキュリティの講演をしてくれる講師を紹介してほしい。",
          category: "他-6 講演・研修の依頼・問い合わせ",
          answer: "講師は、IPAのセキュリティプレゼンター制度や警視庁の出前講座で探すことができ、オンラインで対応してもらえる場合もあります。",
        },
      ],
    );
    expect(s.answer.sentences.some((x) => x.source.kind === "row")).toBe(true);
    expect(s.answer.text.match(/セキュリティプレゼンター/g)?.length).toBe(1);
  });
});

describe("the desk's own wording", () => {
  const deskSentence = "不正な送金に気づいたら、ためらわずに取引銀行に連絡して口座を止めてもらい、警察にも届け出ましょう。";
  const filled = {
    subject: "ネットバンキングで身に覚えのない送金があった",
    content: "会社のネットバンキングの口座から、知らない名義へ送金されていました。偽のログイン画面にパスワードを入力したかもしれません。",
    category: "1-7 インターネットバンキングの不正送金",
    countermeasures: "2-5 パスワードの管理\n4-6 対応手順4 届け出および相談",
    answer: `インターネットバンキングの不正送金は、偽の画面で盗まれたIDやパスワードで行われます。${deskSentence}株式会社ミホン商事の担当者にも伝えてください。`,
    references: "警視庁 サイバー犯罪対策課 03-5805-1731",
  };
  const newCase = {
    subject: "ネットバンキングの口座から知らない名義に送金されていた",
    content: "会社のネットバンキングの口座から、知らない名義へ送金されていました。偽のログイン画面にパスワードを入力してしまったようです。",
  };

  it("wins for the step it covers and is credited with its row number", () => {
    const s = suggestOne(newCase, [filled]);
    expect(s.answer.text).toContain(deskSentence);
    const at = sentenceTexts(s).indexOf(deskSentence);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(s.answer.sentences[at].source).toEqual({ kind: "row", rowNumber: 2 });
    expect(s.answer.sources.map((r) => r.rowNumber)).toContain(2);
    // The guidebook's own wording of the same step is not repeated beside it.
    expect(s.answer.text).not.toContain("すぐに取引銀行に連絡して口座の利用を止め");
  });

  it("never brings a name from a similar row's answer into the draft", () => {
    const withName = { ...filled, answer: `株式会社ミホン商事の件では、${deskSentence}` };
    const s = suggestOne(newCase, [withName]);
    expect(s.answer.text).not.toMatch(/ミホン/);
  });
});

describe("drafts for the tuning corpus (nothing filled)", () => {
  const cases = loadCorpus("tuning");
  const table = sheet(cases.map((c) => ({ caseNumber: c.id, subject: c.subject, content: c.content })));
  const engine = SuggestionEngine.build(table);
  const drafts = table.rows.map((row) => engine.suggest(row.rowNumber));

  it("are at most 400 characters, whole sentences, never seamed", () => {
    for (const s of drafts) {
      expect([...s.answer.text].length).toBeLessThanOrEqual(400);
      expect(s.answer.text).toMatch(/。$/);
      expect(s.answer.text).not.toMatch(/（参考）|対応例:|相談先:/);
    }
  });

  it("are written for the case, not one per category", () => {
    const categories = new Set(drafts.map((s) => s.category[0]?.value));
    expect(new Set(drafts.map((s) => s.answer.text)).size).toBeGreaterThan(categories.size * 2);
  });

  it("never contain the names planted in the cases", () => {
    cases.forEach((c, i) => {
      for (const name of c.plantedNames ?? []) expect(drafts[i].answer.text).not.toContain(name);
    });
  });
});

describe("reading the situation", () => {
  let kuromoji: Morphology;
  beforeAll(async () => {
    kuromoji = await loadNodeMorphology();
  }, 60_000);

  const facts = (text: string, m: Morphology) => readSituation(text, m).facts;

  it.each([
    ["パスワードを入力してしまいました。", true],
    ["パスワードは入力していません。", false],
    ["暗証番号を入力するよう書かれていましたが、入れずに閉じました。", false],
    ["ポップアップで個人情報とパスワードを入れろと出ました。", false],
    ["IDとパスワードを入れるよう求められ、何か所かは入力してしまいました。", true],
  ])("「%s」 → entered a password: %s (kuromoji and tiny-segmenter alike)", (text, expected) => {
    expect(facts(text, kuromoji).has("enteredPassword")).toBe(expected);
    expect(facts(text, tinySegmenterMorphology).has("enteredPassword")).toBe(expected);
  });

  it("reads charges the client never made as money lost, however they word it", () => {
    expect(facts("カードの明細に、使っていないゲームの請求が何か月も載っていました。", kuromoji).has("moneyLost")).toBe(true);
    expect(facts("携帯の支払いに知らない通販の買い物が7件ありました。", kuromoji).has("moneyLost")).toBe(true);
    expect(facts("カードの明細を毎月確認しています。", kuromoji).has("moneyLost")).toBe(false);
  });

  it("does not take a question about opening a link for having opened it", () => {
    expect(facts("届いたSMSのURL、開いても大丈夫ですか？", kuromoji).has("clickedLink")).toBe(false);
    expect(facts("届いたSMSのURLを開いてしまいました。", kuromoji).has("clickedLink")).toBe(true);
  });

  it("tells a firm's case from a consumer's, and the firm's customers' data from its own", () => {
    const firm = facts("当社のネットショップから顧客情報が漏えいしました。", kuromoji);
    expect(firm.has("firm")).toBe(true);
    expect(firm.has("customers")).toBe(true);
    const consumer = facts("自宅のパソコンで買い物をしたサイトからお詫びのメールが届きました。", kuromoji);
    expect(consumer.has("consumer")).toBe(true);
    expect(consumer.has("firm")).toBe(false);
  });
});
