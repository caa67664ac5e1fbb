/**
 * Planted names on the published page (issue 14's guarantee, measured on held-out batches that are not
 * asserted by the tests so that no detector rule is ever written for a held-out case): each case's FAQ
 * cells repeat its planted names bare, as an editor might ("…では、まず社内で…", a keyword, a list item),
 * and the page is exported; a name counts as leaked when it is still on the page or the FAQ sheet.
 */
import type { CaseTable } from "../src/engine";
import type { Morphology } from "../src/engine/text/morphology";
import type { CorpusCase } from "./corpus";
import type { Engine } from "./measure";

const COLUMNS = ["caseNumber", "subject", "content", "keywords", "countermeasures", "answer", "references"] as const;
/** Public advice with public numbers (which must stay on the page), and a public reference line. */
export const ADVICE = "表示された番号には電話せず、パスワードを変更して、警視庁のサイバー犯罪相談窓口（#9110）かIPA（03-5978-7509）に相談してください。";
export const REFERENCE = "https://www.ipa.go.jp/security/anshin/about.html";

/**
 * A row's FAQ cells repeating `name` bare, as an editor might (「…では、まず社内で…」, a keyword, a list
 * item, a reference line): only the row's case text can tell the detector it is a name. The privacy
 * stress test (test/engine/privacy-stress.test.ts) writes the same cells.
 */
export function cellsRepeatingName(name: string): { keywords: string; countermeasures: string; answer: string; references: string } {
  return {
    keywords: `${name}、偽警告、不正アクセス`,
    countermeasures: `2-12 安全なWebサイト利用\n${name}の社員に周知`,
    answer: `${name}では、まず社内で被害の範囲を確かめました。${ADVICE}`,
    references: `${REFERENCE}\n${name}の社内規程`,
  };
}
const nfkc = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

export interface PlantedNameFigures {
  names: number;
  leaked: number;
}

export function plantedNameLeaks(engine: Engine, cases: readonly CorpusCase[], morphology: Morphology): PlantedNameFigures {
  const planted = cases.filter((c) => (c.plantedNames ?? []).length > 0);
  const rows = planted.flatMap((c) =>
    (c.plantedNames ?? []).map((name) => ({
      caseNumber: c.id,
      subject: c.subject,
      content: c.content,
      ...cellsRepeatingName(name),
    })),
  );
  if (rows.length === 0) return { names: 0, leaked: 0 };
  const header = engine.HEADER_NAMES as Record<string, string>;
  const values = [COLUMNS.map((c) => header[c]), ...rows.map((r) => COLUMNS.map((c) => r[c]))];
  const parsed = engine.readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values });
  if (!parsed.ok) throw new Error("planted-name sheet not recognised");
  const table: CaseTable = parsed.table;
  const { html, model } = engine.exportFaqPage(table, { morphology, mergeSimilarity: 2 });
  const page = nfkc(`${html}\n${engine.faqSheetValues(model).flat().join("\n")}`);
  const names = [...new Set(planted.flatMap((c) => c.plantedNames ?? []))];
  return { names: names.length, leaked: names.filter((name) => page.includes(nfkc(name))).length };
}
