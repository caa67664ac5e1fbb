/**
 * The engine's public contract. Everything the UI, the CLI and the workbook layer need from the
 * engine is named here, so those layers never reach into engine internals.
 *
 * Row and column numbers that leave the engine are *sheet* numbers as Excel shows them
 * (1-based rows, 1-based columns), never array indexes.
 */

/** Columns the engine reads to understand a case. */
export type InputRole =
  | "caseNumber" // 受理番号
  | "caseType" // 相談種別ID
  | "subject" // 件名
  | "content" // 相談内容
  | "consultNote" // 相談備考
  | "response" // 対応状況
  | "followUp"; // 処置備考

/** FAQ columns the editors fill and the engine suggests. */
export type FaqRole =
  | "classification" // 【相談内容分類：ガイドブックmission1に準拠して】
  | "keywords" // 【FAQ用】検索キーワード
  | "category" // 案件項目【Mission1】
  | "countermeasures" // 提示する対策項目【Mission2～4】
  | "answer" // 【FAQ用】標準回答（案）
  | "references"; // 【FAQ用】対策のための参考資料・サイト

export type ColumnRole = InputRole | FaqRole;

export const INPUT_ROLES: readonly InputRole[] = [
  "caseNumber",
  "caseType",
  "subject",
  "content",
  "consultNote",
  "response",
  "followUp",
];

export const FAQ_ROLES: readonly FaqRole[] = [
  "classification",
  "keywords",
  "category",
  "countermeasures",
  "answer",
  "references",
];

/** Where each recognised role sits: 1-based sheet column numbers. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

/**
 * A rectangle of cell texts read from a sheet. `values[0][0]` is the cell at
 * (`firstRow`, `firstColumn`), both 1-based sheet numbers.
 */
export interface SheetGrid {
  sheetName: string;
  firstRow: number;
  firstColumn: number;
  values: string[][];
}

export interface CaseRow {
  /** 1-based sheet row number. */
  rowNumber: number;
  /** Trimmed cell text per recognised role ("" when blank). */
  cells: Partial<Record<ColumnRole, string>>;
}

export interface CaseTable {
  sheetName: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnMap;
  /** Header text as written in the sheet, per role (for display). */
  headerText: Partial<Record<ColumnRole, string>>;
  /** Case rows only (rows with text in at least one input column), in sheet order. */
  rows: CaseRow[];
  /** The last sheet row inside the table's extent (cases or blank rows between them). */
  lastRow: number;
}

export type TableProblem =
  | { kind: "noHeader"; lookedFor: string[] }
  | { kind: "noContentColumn"; lookedFor: string[] }
  | { kind: "empty" };

export type TableResult = { ok: true; table: CaseTable } | { ok: false; problem: TableProblem };

/** A filled row that a suggestion was drawn from. */
export interface SourceRow {
  rowNumber: number;
  subject: string;
  /** Similarity to the selected case in [0, 1]. */
  similarity: number;
}

export type SuggestionOrigin = "rows" | "guidebook" | "both" | "case";

export interface CategoryCandidate {
  /** The text to write, spelled exactly as the sheet already spells it when it is used there. */
  value: string;
  confidence: number;
  origin: SuggestionOrigin;
  sources: SourceRow[];
  /** Words of the case that pointed at this category. */
  matchedTerms: string[];
}

export interface ListSuggestion {
  values: string[];
  /** Separator used to join `values` into one cell (the sheet's own habit, default "、" or newline). */
  separator: string;
  confidence: number;
  origin: SuggestionOrigin;
  sources: SourceRow[];
}

export type MaskKind = "person" | "company" | "email" | "phone" | "address" | "account" | "card" | "mynumber" | "birthdate" | "url";

export interface MaskedItem {
  kind: MaskKind;
  /** What stands in the draft instead, e.g. "［氏名］" or "［電話番号］" (privacy/detector.ts: PLACEHOLDER). */
  replacement: string;
  /** Offsets of the replacement within the draft text, so the UI can highlight it. */
  start: number;
  end: number;
}

/** Where one sentence of a draft answer came from, so the editor can trust it or cut it. */
export type AnswerSentenceSource =
  /** A step of the guidebook's advice for a Mission 1 item ("1-7"), with the public page it follows. */
  | { kind: "guidebook"; itemId: string; sourceName: string; url: string }
  /** The desk's own answer in a similar filled row. */
  | { kind: "row"; rowNumber: number }
  /** The case's own reply, made general. */
  | { kind: "case" };

export interface AnswerSentence {
  /** Offsets of the sentence in the draft text. */
  start: number;
  end: number;
  source: AnswerSentenceSource;
}

export interface AnswerSuggestion {
  text: string;
  confidence: number;
  origin: SuggestionOrigin;
  sources: SourceRow[];
  masked: MaskedItem[];
  /** The draft's sentences in order, each with where it came from. */
  sentences: AnswerSentence[];
}

export interface RowSuggestions {
  rowNumber: number;
  /** 案件項目【Mission1】: best first, at most 3. Empty when the sheet has no such column. */
  category: CategoryCandidate[];
  /** 相談内容分類: best first, at most 3. Empty when the sheet has no such column. */
  classification: CategoryCandidate[];
  keywords: ListSuggestion;
  countermeasures: ListSuggestion;
  references: ListSuggestion;
  answer: AnswerSuggestion;
  /** The most similar filled rows overall, best first. */
  similar: SourceRow[];
  /** True when the case has too little text to suggest with confidence. */
  lowInformation: boolean;
  /** How many rows had each FAQ column filled when the suggestion was made. */
  filledCounts: Partial<Record<FaqRole, number>>;
}

/** Engine build progress, for a progress bar. */
export interface BuildProgress {
  done: number;
  total: number;
}

/** One entry of the built-in category list (guidebook MISSION 1 plus items outside it). */
export interface TaxonomyItem {
  /** "1-9", "他-2". */
  id: string;
  title: string;
  /** "<id> <title>", the text written into the sheet when the sheet has no spelling of its own. */
  label: string;
  /** True for the 他-n items the product adds beside the guidebook's list. */
  outsideGuidebook: boolean;
  description: string;
  /** Words and phrases, as clients write them, that point at this item. */
  keywords: string[];
  /** General advice for a draft answer, in the project's own words. */
  advice: string;
  /** Usual Mission 2–4 items, e.g. "2-9 電子メールの安全利用". */
  countermeasures: string[];
  /** Public contact points (INFORMATION 6-1/6-2). */
  contacts: string[];
}
