import { taxonomyItem } from "../../../src/engine";
import { suggestAnswer } from "../../../src/engine/suggest/answer";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const label = taxonomyItem(RANSOM)?.label ?? "";
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";
const answer = "ランサムウェアの可能性があります。ネットワークから切り離し、身代金は支払わず、警察に相談してください。";

describe("answer column", () => {
  it("drafts from the most similar row filed under the same category, with the guidebook's advice for reference", () => {
    const rows = [
      { rowNumber: 2, cells: { subject: text, content: text, category: label, answer } },
      { rowNumber: 3, cells: { subject: text, content: text } },
    ];
    const draft = suggestAnswer(columnInput(rows, 3, RANSOM), { value: label, confidence: 0.9, origin: "rows", sources: [], matchedTerms: [] }, []);
    expect(draft.text.startsWith(answer)).toBe(true);
    expect(draft.text).toContain(`（参考）${taxonomyItem(RANSOM)?.advice.slice(0, 20)}`);
    expect(draft.sources.map((s) => s.rowNumber)).toEqual([2]);
  });

  it("never borrows the answer of a row filed under another category", () => {
    const other = taxonomyItem("他-1")?.label ?? "";
    const rows = [
      { rowNumber: 2, cells: { subject: text, content: text, category: other, answer } },
      { rowNumber: 3, cells: { subject: text, content: text } },
    ];
    const draft = suggestAnswer(columnInput(rows, 3, RANSOM), { value: label, confidence: 0.9, origin: "rows", sources: [], matchedTerms: [] }, []);
    expect(draft.text).not.toContain(answer);
    expect(draft.sources).toEqual([]);
    expect(draft.origin).toBe("guidebook");
  });

  it("masks the names the row reveals in a draft made from its own reply", () => {
    // ハヤブサ is no name by its shape: only the row's own list of names tells the draft to mask it.
    const reply = "ハヤブサのサーバーはネットワークから切り離してください。バックアップからの復旧をお勧めします。";
    const rows = [{ rowNumber: 2, cells: { subject: text, content: text, response: reply } }];
    const draft = suggestAnswer(columnInput(rows, 2), undefined, [{ text: "ハヤブサ", kind: "company" }]);
    expect(draft.text).toContain("ネットワークから切り離してください");
    expect(draft.text).not.toContain("ハヤブサ");
    expect(draft.masked.length).toBeGreaterThan(0);
  });
});
