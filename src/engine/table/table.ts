/**
 * Turns a sheet's cell texts into a case table. Columns are recognised by what their header says,
 * not where they are, because every desk orders and words its columns a little differently.
 */
import { normalizeHeader } from "../text";
import {
  INPUT_ROLES,
  type CaseRow,
  type ColumnMap,
  type ColumnRole,
  type SheetGrid,
  type TableResult,
} from "../types";

export const HEADER_NAMES: Record<ColumnRole, string> = {
  caseNumber: "受理番号",
  caseType: "相談種別ID",
  subject: "件名",
  content: "相談内容",
  consultNote: "相談備考",
  response: "対応状況",
  followUp: "処置備考",
  classification: "【相談内容分類：ガイドブックmission1に準拠して】",
  keywords: "【FAQ用】検索キーワード",
  category: "案件項目【Mission1】",
  countermeasures: "提示する対策項目【Mission2～4】",
  answer: "【FAQ用】標準回答（案）",
  references: "【FAQ用】対策のための参考資料・サイト",
};

/**
 * Rules in order of specificity: the first rule whose phrase occurs in the normalised header wins,
 * so "相談内容分類" is a classification and not the 相談内容 column.
 */
const RULES: ReadonlyArray<{ role: ColumnRole; phrases: string[] }> = [
  { role: "classification", phrases: ["相談内容分類", "内容分類", "分類"] },
  { role: "keywords", phrases: ["検索キーワード", "キーワード", "keyword"] },
  { role: "category", phrases: ["案件項目", "mission1", "ミッション1", "脅威項目", "カテゴリ", "category"] },
  { role: "countermeasures", phrases: ["対策項目", "mission2", "ミッション2", "提示する対策", "countermeasure"] },
  { role: "answer", phrases: ["標準回答", "回答案", "faq回答", "模範回答", "answer"] },
  { role: "references", phrases: ["参考資料", "参考サイト", "参考url", "参考情報", "参考", "reference"] },
  { role: "caseNumber", phrases: ["受理番号", "受付番号", "相談番号", "案件番号", "管理番号", "受理no", "受付no", "no.", "no"] },
  { role: "caseType", phrases: ["相談種別", "種別", "相談区分", "区分"] },
  { role: "subject", phrases: ["件名", "表題", "題名", "タイトル", "subject", "title", "相談概要", "概要"] },
  { role: "consultNote", phrases: ["相談備考"] },
  { role: "followUp", phrases: ["処置備考", "処置", "フォローアップ", "followup"] },
  { role: "response", phrases: ["対応状況", "対応内容", "回答内容", "対応結果", "回答", "対応", "response"] },
  { role: "content", phrases: ["相談内容", "相談の内容", "問い合わせ内容", "問合せ内容", "お問い合わせ内容", "質問内容", "内容", "相談", "content"] },
  { role: "consultNote", phrases: ["備考", "メモ", "note"] },
];

/** Headers are short; a long cell is case text that happens to contain a header word. */
const MAX_HEADER_LENGTH = 48;
/** The header is looked for in the first rows only, so a huge sheet is not scanned twice. */
const HEADER_SEARCH_ROWS = 200;

export function headerLookedFor(): string[] {
  return Object.values(HEADER_NAMES);
}

export function recognizeHeader(text: string): ColumnRole | undefined {
  const key = normalizeHeader(text);
  if (key.length === 0 || key.length > MAX_HEADER_LENGTH) return undefined;
  for (const rule of RULES) {
    for (const phrase of rule.phrases) {
      // Very short phrases ("no", "区分") must be the whole header, not a part of a word.
      const whole = phrase.length <= 3 && /^[a-z.]+$/.test(phrase);
      if (whole ? key === phrase || key === phrase.replace(".", "") : key.includes(phrase)) return rule.role;
    }
  }
  return undefined;
}

function columnsOfRow(cells: string[], firstColumn: number): { map: ColumnMap; text: Partial<Record<ColumnRole, string>> } {
  const map: ColumnMap = {};
  const text: Partial<Record<ColumnRole, string>> = {};
  cells.forEach((cell, index) => {
    if (typeof cell !== "string" || cell.trim() === "") return;
    const role = recognizeHeader(cell);
    if (role && map[role] === undefined) {
      map[role] = firstColumn + index;
      text[role] = cell.trim();
    }
  });
  return { map, text };
}

/** Rows whose text in these roles makes them a case. */
const CASE_TEXT_ROLES: readonly ColumnRole[] = INPUT_ROLES.filter((role) => role !== "caseNumber" && role !== "caseType");

export function readCaseTable(grid: SheetGrid, override?: ColumnMap): TableResult {
  const values = grid.values;
  if (values.length === 0 || values.every((row) => row.every((cell) => !cell || String(cell).trim() === ""))) {
    return { ok: false, problem: { kind: "empty" } };
  }

  let best: { index: number; map: ColumnMap; text: Partial<Record<ColumnRole, string>>; score: number } | undefined;
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const found = columnsOfRow(values[index] ?? [], grid.firstColumn);
    const score = Object.keys(found.map).length + (found.map.content !== undefined ? 2 : 0);
    if (Object.keys(found.map).length >= 2 && (!best || score > best.score)) best = { index, ...found, score };
  }

  const hasOverride = override !== undefined && Object.keys(override).length > 0;
  if (!best && !hasOverride) return { ok: false, problem: { kind: "noHeader", lookedFor: headerLookedFor() } };

  const headerIndex = best ? best.index : firstNonEmptyRow(values);
  const columns: ColumnMap = { ...(best?.map ?? {}), ...(override ?? {}) };
  const headerCells = values[headerIndex] ?? [];
  const headerText: Partial<Record<ColumnRole, string>> = {};
  for (const [role, column] of Object.entries(columns) as [ColumnRole, number][]) {
    headerText[role] = String(headerCells[column - grid.firstColumn] ?? "").trim() || HEADER_NAMES[role];
  }

  if (columns.content === undefined) {
    if (columns.subject === undefined) {
      return { ok: false, problem: { kind: "noContentColumn", lookedFor: [HEADER_NAMES.content, HEADER_NAMES.subject] } };
    }
  }

  const roleIndexes = (Object.entries(columns) as [ColumnRole, number][]).map(
    ([role, column]) => [role, column - grid.firstColumn] as const,
  );
  const caseIndexes = CASE_TEXT_ROLES.filter((role) => columns[role] !== undefined).map(
    (role) => (columns[role] as number) - grid.firstColumn,
  );

  const rows: CaseRow[] = [];
  for (let index = headerIndex + 1; index < values.length; index++) {
    const line = values[index];
    if (!line) continue;
    let isCase = false;
    for (const column of caseIndexes) {
      const cell = line[column];
      if (cell && String(cell).trim() !== "") {
        isCase = true;
        break;
      }
    }
    if (!isCase) continue;
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const [role, column] of roleIndexes) {
      const cell = line[column];
      cells[role] = cell ? String(cell).trim() : "";
    }
    rows.push({ rowNumber: grid.firstRow + index, cells });
  }

  const headerRow = grid.firstRow + headerIndex;
  return {
    ok: true,
    table: {
      sheetName: grid.sheetName,
      headerRow,
      columns,
      headerText,
      rows,
      lastRow: rows.length > 0 ? rows[rows.length - 1].rowNumber : headerRow,
    },
  };
}

function firstNonEmptyRow(values: string[][]): number {
  const index = values.findIndex((row) => row.some((cell) => cell && String(cell).trim() !== ""));
  return index < 0 ? 0 : index;
}
