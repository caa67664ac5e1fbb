import { readCaseTable } from "../../src/engine";
import type { CaseTable, RowSuggestions } from "../../src/engine";
import { languageFromDisplayLanguage } from "../../src/taskpane/i18n";
import {
  columnSamples,
  draftReducer,
  resolveSelection,
  writesFor,
  shownSources,
  MIN_SHOWN_SIMILARITY,
} from "../../src/taskpane/state/pane-model";
import type { Draft } from "../../src/taskpane/state/pane-model";
import { themeFromOffice } from "../../src/taskpane/theme";
import type { SelectionInfo, SheetSnapshot } from "../../src/workbook/port";
import { COL, SHEET, deskRows } from "./desk-fixture";

function snapshot(): SheetSnapshot {
  return { sheetName: SHEET, firstRow: 1, firstColumn: 1, values: deskRows(), hiddenRows: [], mergedAreas: [] };
}

function table(): CaseTable {
  const result = readCaseTable(snapshot());
  if (!result.ok) throw new Error("fixture has no table");
  return result.table;
}

function selection(row: number, rowCount = 1, sheetName = SHEET): SelectionInfo {
  return { sheetName, row, column: 6, rowCount, columnCount: 1, address: `F${row}` };
}

describe("resolveSelection", () => {
  const t = table();
  const rows = new Map(t.rows.map((r) => [r.rowNumber, r]));
  const grid = snapshot();

  it("maps a cell anywhere in a case row to that case", () => {
    expect(resolveSelection(selection(3), t, rows, grid)).toEqual({ kind: "case", rowNumber: 3, multiRow: false });
  });
  it("uses the first case row of a selection that starts on the header", () => {
    expect(resolveSelection(selection(1, 3), t, rows, grid)).toEqual({ kind: "case", rowNumber: 2, multiRow: true });
  });
  it("tells the header, an empty row, a row below the table and another sheet apart", () => {
    expect(resolveSelection(selection(1), t, rows, grid).kind).toBe("header");
    expect(resolveSelection(selection(5), t, rows, grid).kind).toBe("emptyRow");
    // Below the last case row the sheet is not read (stray cells there are ignored): outside the table.
    expect(resolveSelection(selection(500), t, rows, grid).kind).toBe("outside");
    expect(resolveSelection(selection(3, 1, "別シート"), t, rows, grid)).toEqual({ kind: "otherSheet", tableSheet: SHEET });
  });
});

describe("writesFor", () => {
  const t = table();
  const suggestions = {
    keywords: { values: [], separator: "、", confidence: 0, origin: "rows", sources: [] },
    countermeasures: { values: [], separator: "\n", confidence: 0, origin: "rows", sources: [] },
    references: { values: [], separator: "、", confidence: 0, origin: "rows", sources: [] },
  } as unknown as RowSuggestions;
  const draft: Draft = {
    category: "1-9 巧妙・悪質化するワンクリック詐欺",
    classification: "",
    keywords: ["偽警告", "電話"],
    countermeasures: ["2-3 対策ソフト", "2-9 メール"],
    references: [],
    answer: "電話しないでください。",
  };
  const all = ["classification", "keywords", "category", "countermeasures", "answer", "references"] as const;

  it("joins lists with the sheet's separator and skips empty drafts", () => {
    const writes = writesFor(all, draft, suggestions, t.columns, {}, false);
    expect(writes).toEqual([
      { role: "keywords", column: COL.K, value: "偽警告、電話" },
      { role: "category", column: COL.L, value: "1-9 巧妙・悪質化するワンクリック詐欺" },
      { role: "countermeasures", column: COL.M, value: "2-3 対策ソフト\n2-9 メール" },
      { role: "answer", column: COL.N, value: "電話しないでください。" },
    ]);
  });
  it("with onlyEmpty leaves cells that were filled when shown", () => {
    const writes = writesFor(all, draft, suggestions, t.columns, { [COL.K]: "既存", [COL.L]: "" }, true);
    expect(writes.map((w) => w.role)).toEqual(["category", "countermeasures", "answer"]);
  });
});

describe("draft editing", () => {
  const draft: Draft = { category: "", classification: "", keywords: ["a"], countermeasures: [], references: [], answer: "" };
  it("adds trimmed, non-duplicate chips and removes by position", () => {
    const added = draftReducer(draft, { type: "addItem", role: "keywords", value: "  b " });
    expect(added?.keywords).toEqual(["a", "b"]);
    expect(draftReducer(added, { type: "addItem", role: "keywords", value: "a" })?.keywords).toEqual(["a", "b"]);
    expect(draftReducer(added, { type: "removeItem", role: "keywords", index: 0 })?.keywords).toEqual(["b"]);
  });
});

describe("column mapping labels", () => {
  it("labels each column with its first text from the first non-empty rows", () => {
    const samples = columnSamples({ sheetName: "S", firstRow: 3, firstColumn: 2, values: [["", ""], ["番号", ""], ["1", "長い本文がここに入ります。とても長い本文がここに入ります。"]] });
    expect(samples[0]).toEqual({ column: 2, text: "番号" });
    expect(samples[1].column).toBe(3);
    expect(samples[1].text.endsWith("…")).toBe(true);
  });
});

describe("language and theme", () => {
  it("uses English only when Office runs in English", () => {
    expect(languageFromDisplayLanguage("en-US")).toBe("en");
    expect(languageFromDisplayLanguage("en")).toBe("en");
    expect(languageFromDisplayLanguage("ja-JP")).toBe("ja");
    expect(languageFromDisplayLanguage("es-ES")).toBe("ja");
    expect(languageFromDisplayLanguage(undefined)).toBe("ja");
  });
  it("follows Office's theme colours, on a dark base when Office is dark", () => {
    const dark = themeFromOffice({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" });
    expect(dark.colorNeutralBackground1).toBe("#262626");
    expect(dark.colorNeutralForeground1).toBe("#ffffff");
    expect(dark.colorBrandBackground).not.toBe(themeFromOffice(undefined).colorBrandBackground);
    expect(themeFromOffice({ bodyBackgroundColor: "#ffffff" }).colorNeutralBackground1).toBe("#ffffff");
  });
});

describe("shownSources", () => {
  it("shows only rows similar enough to be evidence, most similar first, at most five", () => {
    const row = (rowNumber: number, similarity: number) => ({ rowNumber, subject: `件名${rowNumber}`, similarity });
    const sources = [row(9, 0.03), row(4, 0.42), row(7, 0.1), row(2, 0.88), row(5, MIN_SHOWN_SIMILARITY), row(3, 0.42)];
    expect(shownSources(sources).map((s) => s.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(shownSources([row(1, 0.05)])).toEqual([]);
    expect(shownSources(Array.from({ length: 9 }, (_, i) => row(i + 2, 0.5 + i / 100)))).toHaveLength(5);
  });
});
