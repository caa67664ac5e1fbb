import { CONTACTS, taxonomyItem } from "../../../src/engine";
import { suggestReferences } from "../../../src/engine/suggest/references";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";

describe("references column", () => {
  it("with no similar row filled, offers the guidebook's contact points for the case's category", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text, content: text } }], 2, RANSOM);
    expect(suggestReferences(input).values).toEqual(taxonomyItem(RANSOM)?.contacts.slice(0, 4));
  });

  it("takes the sheet's wording of a contact point that the guidebook lists with its URL: one desk, one line", () => {
    const sheetWording = "警視庁サイバー犯罪対策課（03-5805-1731）";
    const filled = (rowNumber: number) => ({ rowNumber, cells: { subject: text, content: text, references: sheetWording } });
    const input = columnInput([filled(2), filled(3), { rowNumber: 4, cells: { subject: text, content: text } }], 4, RANSOM);
    const values = suggestReferences(input).values;
    expect(values).toContain(sheetWording);
    expect(values).not.toContain(CONTACTS.cyberPolice);
  });
});
