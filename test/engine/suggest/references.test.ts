import { CONTACTS, taxonomyItem, type CategoryCandidate } from "../../../src/engine";
import { draftAnswer } from "../../../src/engine/suggest/answer";
import type { ColumnInput } from "../../../src/engine/suggest/column-input";
import { suggestReferences } from "../../../src/engine/suggest/references";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const top: CategoryCandidate = { value: taxonomyItem(RANSOM)?.label ?? "", confidence: 0.9, origin: "guidebook", sources: [], matchedTerms: [] };
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";

const suggest = (input: ColumnInput) => suggestReferences(input, draftAnswer(input, [top]).plan, top);

describe("references column", () => {
  it("with no similar row filled, offers the public contact points the draft answer names", () => {
    const input = columnInput([{ rowNumber: 2, cells: { subject: text, content: text } }], 2, RANSOM);
    const draft = draftAnswer(input, [top]).sentences.map((s) => s.text).join("");
    const values = suggest(input).values;
    expect(values).toEqual(expect.arrayContaining([CONTACTS.cyberPolice, CONTACTS.ipaReport]));
    expect(draft).toMatch(/警察/);
    expect(draft).toMatch(/IPA/);
  });

  it("takes the sheet's wording of a contact point that the guidebook lists with its URL: one desk, one line", () => {
    const sheetWording = "警視庁サイバー犯罪対策課（03-5805-1731）";
    const filled = (rowNumber: number) => ({ rowNumber, cells: { subject: text, content: text, references: sheetWording } });
    const input = columnInput([filled(2), filled(3), { rowNumber: 4, cells: { subject: text, content: text } }], 4, RANSOM);
    const values = suggest(input).values;
    expect(values).toContain(sheetWording);
    expect(values).not.toContain(CONTACTS.cyberPolice);
  });
});
