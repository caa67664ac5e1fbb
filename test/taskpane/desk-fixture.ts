/** A small consultation sheet in the desk's layout (columns A–O, header in row 1), made up for the pane tests. */
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";

export const SHEET = "相談受付";

export const HEADER = [
  "",
  "受理番号",
  "相談種別ID",
  "【相談内容分類：ガイドブックmission1に準拠して】",
  "",
  "件名",
  "相談内容",
  "相談備考",
  "対応状況",
  "処置備考",
  "【FAQ用】検索キーワード",
  "案件項目【Mission1】",
  "提示する対策項目【Mission2～4】",
  "【FAQ用】標準回答（案）",
  "【FAQ用】対策のための参考資料・サイト（ここからセキュリティ等を参照）",
];

/** 1-based sheet columns of the FAQ columns. */
export const COL = { D: 4, K: 11, L: 12, M: 13, N: 14, O: 15 } as const;
export const FAQ_COLUMNS = [COL.D, COL.K, COL.L, COL.M, COL.N, COL.O];

function caseRow(number: string, subject: string, content: string, faq: string[] = ["", "", "", "", "", ""]): string[] {
  const [d, k, l, m, n, o] = faq;
  return ["", number, "1", d, "", subject, content, "", "窓口で助言した。", "", k, l, m, n, o];
}

export function deskRows(): string[][] {
  return [
    HEADER,
    // Row 2: filled in by an editor.
    caseRow("160", "パソコンに偽の警告画面が出た", "パソコンでサイトを見ていたら突然ウイルスに感染したという警告画面が表示され、表示された電話番号に電話するよう指示された。", [
      "1-9 ワンクリック詐欺・偽警告",
      "偽警告、サポート詐欺、電話",
      "1-9 巧妙・悪質化するワンクリック詐欺",
      "2-3 セキュリティ対策ソフト・機器の導入",
      "表示された番号には電話せず、ブラウザを閉じてください。",
      "IPA 情報セキュリティ安心相談窓口",
    ]),
    // Row 3: like row 2, not filled yet.
    caseRow("161", "スマホに警告画面が表示された", "スマートフォンでサイトを見ていたら、ウイルスに感染したという警告画面が表示され、電話するよう指示された。"),
    // Row 4: a different kind of case.
    caseRow("162", "取引先を装ったメールで振込先の変更依頼", "取引先の担当者を名乗るメールで、請求書の振込先口座を変更したいと連絡があった。本物か確認したい。"),
    // Row 5: an empty row between cases.
    ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    // Row 6: another case like row 3 (learns from row 3 once it is filled).
    caseRow("163", "タブレットに警告画面が表示された", "タブレットでサイトを見ていたら、ウイルスに感染したという警告画面が表示され、電話するよう指示された。"),
  ];
}

export function deskWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook(SHEET, deskRows());
}

/** Every cell of the sheet as text, to prove what changed and what did not. */
export function everyCell(wb: MemoryWorkbook): string[][] {
  const { rows, columns } = wb.size(SHEET);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => wb.getCell(SHEET, r + 1, c + 1)));
}

/** "row,column" of every cell that differs between two grids. */
export function changedCells(before: string[][], after: string[][]): string[] {
  const changed: string[] = [];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
    for (let c = 0; c < columns; c++) {
      if ((before[r]?.[c] ?? "") !== (after[r]?.[c] ?? "")) changed.push(`${r + 1},${c + 1}`);
    }
  }
  return changed;
}
