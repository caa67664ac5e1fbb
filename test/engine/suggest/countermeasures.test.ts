import { taxonomyItem } from "../../../src/engine";
import { suggestCountermeasures } from "../../../src/engine/suggest/countermeasures";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";

describe("countermeasures column", () => {
  it("with no similar row filled, offers the guidebook's countermeasures for the case's category, in its order", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text, content: text } }], 2, RANSOM);
    const suggestion = suggestCountermeasures(input);
    expect(suggestion.values).toEqual(taxonomyItem(RANSOM)?.countermeasures.slice(0, 5));
    expect(suggestion.origin).toBe("guidebook");
    expect(suggestion.sources).toEqual([]);
  });

  it("writes a Mission item as the sheet spells it, and names the similar rows that gave it", () => {
    const sheetSpelling = "2-4　バックアップの定期取得";
    const filled = (rowNumber: number) => ({ rowNumber, cells: { subject: text, content: text, countermeasures: sheetSpelling } });
    const input = columnInput([filled(2), filled(3), filled(4), { rowNumber: 5, cells: { subject: text, content: text } }], 5, RANSOM);
    const suggestion = suggestCountermeasures(input);
    expect(suggestion.values).toContain(sheetSpelling);
    expect(suggestion.values.filter((v) => v.startsWith("2-4"))).toHaveLength(1);
    expect(suggestion.sources.map((s) => s.rowNumber).sort()).toEqual([2, 3, 4]);
  });

  it("suggests nothing for a sheet without the column", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text } }], 2, RANSOM, { subject: 1, content: 2 });
    expect(suggestCountermeasures(input)).toMatchObject({ values: [], confidence: 0 });
  });
});
