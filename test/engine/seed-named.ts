/**
 * The sample's seed-derived rows (2–19) with invented names in the places where the anonymised
 * sample has placeholders (〇〇株式会社, △△様, （担当）, （自社名）, …), so the privacy and keyword
 * tests see names the way the desk's real sheet has them. Every name here is made up.
 */
import Papa from "papaparse";
import sample from "../../samples/consultations-sample.csv";
import { readCaseTable, type CaseTable } from "../../src/engine";

/** Placeholder → invented name, per sheet row. */
const PLANTED: Record<number, [string, string][]> = {
  2: [
    ["〇〇株式会社", "ミナト精機株式会社"],
    ["△△様", "カワベシンジ様"],
    ["（担当）と申します", "森田と申します"],
  ],
  5: [["〇〇会館", "湊川会館"]],
  7: [
    ["□□株式会社", "株式会社クラウディア"],
    ["〇〇モール", "SAKURAMALL"],
  ],
  15: [["（自社名）", "（タカノメディカル）"]],
  16: [["（〇〇）", "（デンワチョウナビ）"]],
  17: [["〇〇", "ヨヤクパーク"]],
  19: [["〇〇社", "アオバセキュア社"]],
};

/** The invented names, as a reader would spot them (without legal forms or honorifics). */
export const SEED_NAMES = ["ミナト精機", "カワベシンジ", "森田", "クラウディア", "SAKURAMALL", "タカノメディカル", "デンワチョウナビ", "ヨヤクパーク", "アオバセキュア"];
/** A venue named by place: masked by part of speech only (kuromoji). */
export const SEED_PLACES = ["湊川"];
/** The sample's own fictional names in rows 20–61 (見本太郎様, 株式会社サンプル商事 …). */
export const SAMPLE_NAMES = ["見本", "試験", "仮名", "サンプル商事", "テスト工業", "ダミー企画", "テスト会計"];

function tableOf(values: string[][]): CaseTable {
  const result = readCaseTable({ sheetName: "相談", firstRow: 1, firstColumn: 1, values });
  if (!result.ok) throw new Error("sample not recognised");
  return result.table;
}

/** The bundled sample workbook (samples/consultations-sample.csv) as a case table. */
export function sampleTable(): CaseTable {
  return tableOf(Papa.parse<string[]>(sample).data);
}

export function namedSampleTable(): CaseTable {
  return tableOf(
    Papa.parse<string[]>(sample).data.map((row, index) => {
      const planted = PLANTED[index + 1];
      if (!planted) return row;
      return row.map((cell) => planted.reduce((text, [placeholder, name]) => text.split(placeholder).join(name), cell));
    }),
  );
}

/** The same table with every FAQ cell empty: what the desk's real sheet looked like. */
export function blank(table: CaseTable): CaseTable {
  return {
    ...table,
    rows: table.rows.map((r) => ({
      rowNumber: r.rowNumber,
      cells: { ...r.cells, category: "", classification: "", keywords: "", countermeasures: "", answer: "", references: "" },
    })),
  };
}
