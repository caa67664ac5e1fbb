/**
 * Keywords an editor would publish and drafts without names, on the seed-derived rows (with invented
 * names where the sample has placeholders) and on every case of the outside corpus that plants names.
 * Both parts of the corpus are read here only as data for the privacy assertion; no quality figure of
 * the held-out part is measured or asserted.
 */
import { loadCorpus } from "../../eval/corpus";
import { HEADER_NAMES, keywordKey, readCaseTable, SuggestionEngine, type CaseTable } from "../../src/engine";
import { shippedKeywordModel } from "../../src/engine/suggest";
import { glossaryEntry, isCutWord } from "../../src/engine/text";
import { tinySegmenterMorphology, type Morphology } from "../../src/engine/text/morphology";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import { collectRowNames } from "../../src/engine/privacy/privacy";
import { detectPrivate } from "../../src/engine/privacy";
import { blank, namedSampleTable, SAMPLE_NAMES, SEED_NAMES, SEED_PLACES } from "./seed-named";

let kuromoji: Morphology;
beforeAll(async () => {
  kuromoji = await loadNodeMorphology();
}, 60_000);

const nfkc = (text: string) => text.normalize("NFKC").toLowerCase();

function engineWith(table: CaseTable, morphology: Morphology): SuggestionEngine {
  const engine = SuggestionEngine.build({ ...table, rows: table.rows.slice() });
  engine.setMorphology(morphology);
  return engine;
}

describe.each([
  ["kuromoji", () => kuromoji],
  ["tiny-segmenter (while the dictionary loads)", () => tinySegmenterMorphology],
])("seed cases with nothing filled, %s", (_label, morphology) => {
  const table = namedSampleTable();
  const seedRows = table.rows.filter((r) => r.rowNumber <= 19);
  const suggestions = () => {
    const engine = engineWith(blank(table), morphology());
    return seedRows.map((r) => engine.suggest(r.rowNumber));
  };

  it("publishes the glossary's spelling, never the client's misspelling", () => {
    const all = suggestions().flatMap((s) => s.keywords.values);
    for (const bad of ["コピィー", "メッッセージ", "アカント", "faceブック", "tsyss", "ドメイ名"]) {
      expect(all.filter((k) => nfkc(k).includes(bad))).toEqual([]);
    }
    expect(all.filter((k) => /ドメイ(?!ン)/.test(k))).toEqual([]);
    expect(all).toEqual(expect.arrayContaining(["違法コピー", "Facebook", "TCYSS"]));
  });

  it("offers no everyday word, at most 6 keywords per case, each a whole word", () => {
    suggestions().forEach((s, i) => {
      expect(s.keywords.values.length).toBeLessThanOrEqual(6);
      for (const bad of ["返信", "サービス", "導入", "東京都", "仕事用", "両方登録", "株式会社"]) expect(s.keywords.values).not.toContain(bad);
      // Nothing cut out of a longer word of the case (電話帳ナビAp out of 電話帳ナビApp); glossary terms and the
      // editors' tags are words of their own (iPhone in iPhoneSE, 口コミ in 口コミアプリ).
      const text = keywordKey(`${seedRows[i].cells.subject ?? ""}\n${seedRows[i].cells.content ?? ""}`);
      const known = (k: string) => glossaryEntry(k) !== undefined || shippedKeywordModel().vocabulary.terms.has(keywordKey(k));
      for (const keyword of s.keywords.values.filter((k) => !known(k))) expect([keyword, isCutWord(keywordKey(keyword), text)]).toEqual([keyword, false]);
    });
  });

  it("keeps every name the rows reveal, the client's own company included, out of keywords and drafts", () => {
    for (const s of suggestions()) {
      const published = nfkc([...s.keywords.values, s.answer.text].join("\n"));
      for (const name of SEED_NAMES) expect(published).not.toContain(nfkc(name));
    }
  });
});

describe("names found by part of speech (kuromoji)", () => {
  it("keeps a venue's place name out of the keywords", () => {
    const table = namedSampleTable();
    const engine = engineWith(blank(table), kuromoji);
    const keywords = engine.suggest(5).keywords.values.join("、");
    for (const place of SEED_PLACES) expect(keywords).not.toContain(place);
  });

  it("collects people and organisations from every input cell, but not public bodies or generic words", () => {
    const names = collectRowNames(
      ["弊社（ミドリテック）の件です。", "担当の砂川トウコさんと、佐々木健一から連絡。警視庁とIPAにも相談した。お客様と担当者には説明済み。"],
      kuromoji,
    ).map((n) => n.text);
    expect(names).toEqual(expect.arrayContaining(["ミドリテック", "砂川トウコ", "佐々木健一"]));
    for (const notAName of ["警視庁", "IPA", "お客", "担当者", "弊社"]) expect(names).not.toContain(notAName);
  });

  it("finds a person introduced by role even without parts of speech, family names with ノ or ヶ included", () => {
    const names = collectRowNames(["うちの担当の鳩ノ巣ケイタは大丈夫と言っています。経理の一ノ瀬ミサキにも聞きました。"]).map((n) => n.text);
    expect(names).toEqual(expect.arrayContaining(["鳩ノ巣ケイタ", "一ノ瀬ミサキ"]));
  });

  it("masks a row's names everywhere in its draft, leaving public contact points", () => {
    const names = collectRowNames(["株式会社ミドリテックの佐々木です。"], kuromoji).map((n) => n.text);
    const draft = detectPrivate("ミドリテックでは佐々木が対応し、警視庁（03-5805-1731）に相談しました。", { names });
    expect(draft.text).toBe("［氏名］では［氏名］が対応し、警視庁（03-5805-1731）に相談しました。");
    for (const item of draft.masked) expect(draft.text.slice(item.start, item.end)).toBe(item.replacement);
  });
});

describe("the sample's fictional names (rows 20–61)", () => {
  it("never reach keywords or drafts, with or without filled rows", () => {
    const table = namedSampleTable();
    for (const source of [table, blank(table)]) {
      const engine = engineWith(source, kuromoji);
      for (const row of table.rows) {
        const s = engine.suggest(row.rowNumber);
        const published = [...s.keywords.values, s.answer.text].join("\n");
        for (const name of SAMPLE_NAMES) expect(published).not.toContain(name);
      }
    }
  });
});

describe("planted names of the outside corpus", () => {
  const planted = [...loadCorpus("tuning"), ...loadCorpus("heldout")].filter((c) => (c.plantedNames ?? []).length > 0);
  const values = [
    [HEADER_NAMES.subject, HEADER_NAMES.content, HEADER_NAMES.category, HEADER_NAMES.keywords, HEADER_NAMES.answer],
    ...planted.map((c) => [c.subject, c.content, "", "", ""]),
  ];
  const parsed = readCaseTable({ sheetName: "corpus", firstRow: 1, firstColumn: 1, values });

  it.each([
    ["kuromoji", () => kuromoji],
    ["tiny-segmenter", () => tinySegmenterMorphology],
  ])("are absent from every case's keywords and draft (%s)", (_label, morphology) => {
    expect(planted.length).toBeGreaterThan(0);
    if (!parsed.ok) throw new Error("corpus table not recognised");
    const engine = engineWith(parsed.table, morphology());
    const leaks: string[] = [];
    planted.forEach((c, i) => {
      const s = engine.suggest(i + 2);
      const published = nfkc([...s.keywords.values, s.answer.text].join("\n"));
      for (const name of c.plantedNames ?? []) {
        // The name as planted and its distinctive part (株式会社ツクモリ工業 → ツクモリ工業).
        const core = name.replace(/株式会社|有限会社|合同会社|一般社団法人|様|さん|氏$/g, "").trim();
        for (const form of new Set([name, core])) if (form.length >= 2 && published.includes(nfkc(form))) leaks.push(`${c.id}: ${form}`);
      }
    });
    expect(leaks).toEqual([]);
  });
});
