import { taxonomyItem, type CategoryCandidate } from "../../../src/engine";
import { draftAnswer } from "../../../src/engine/suggest/answer";
import { planCountermeasures, suggestCountermeasures } from "../../../src/engine/suggest/countermeasures";
import type { ColumnInput } from "../../../src/engine/suggest/column-input";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const top: CategoryCandidate = { value: taxonomyItem(RANSOM)?.label ?? "", confidence: 0.9, origin: "guidebook", sources: [], matchedTerms: [] };
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";

const suggest = (input: ColumnInput) => suggestCountermeasures(input, draftAnswer(input, [top]).plan, top);
const ids = (values: string[]) => values.map((v) => v.split(/\s/)[0]);

describe("countermeasures column", () => {
  it("with no similar row filled, offers the items the case's advice puts into practice, most relevant first", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text, content: text } }], 2, RANSOM);
    const suggestion = suggest(input);
    expect(suggestion.values).toEqual(planCountermeasures(draftAnswer(input, [top]).plan));
    expect(ids(suggestion.values)).toEqual(expect.arrayContaining(["4-5", "2-4"]));
    expect(suggestion.values.length).toBeLessThanOrEqual(4);
    expect(suggestion.origin).toBe("guidebook");
    expect(suggestion.sources).toEqual([]);
  });

  it("writes a Mission item as the sheet spells it, and names the similar rows that gave it", () => {
    const sheetSpelling = "2-4　バックアップの定期取得";
    const filled = (rowNumber: number) => ({ rowNumber, cells: { subject: text, content: text, countermeasures: sheetSpelling } });
    const input = columnInput([filled(2), filled(3), filled(4), { rowNumber: 5, cells: { subject: text, content: text } }], 5, RANSOM);
    const suggestion = suggest(input);
    expect(suggestion.values).toContain(sheetSpelling);
    expect(suggestion.values.filter((v) => v.startsWith("2-4"))).toHaveLength(1);
    expect(suggestion.sources.map((s) => s.rowNumber).sort()).toEqual([2, 3, 4]);
  });

  it("takes nothing from similar rows filed under another threat", () => {
    const other = taxonomyItem("1-15")?.label ?? "";
    const filled = (rowNumber: number) => ({ rowNumber, cells: { subject: text, content: text, category: other, countermeasures: "2-10 標的型攻撃メールへの対応" } });
    const input = columnInput([filled(2), filled(3), { rowNumber: 4, cells: { subject: text, content: text } }], 4, RANSOM);
    const suggestion = suggest(input);
    expect(ids(suggestion.values)).not.toContain("2-10");
    expect(suggestion.sources).toEqual([]);
  });

  it("suggests nothing for a sheet without the column", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text } }], 2, RANSOM, { subject: 1, content: 2 });
    expect(suggest(input)).toMatchObject({ values: [], confidence: 0 });
  });
});
