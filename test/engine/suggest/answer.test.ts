import { taxonomyItem, type CategoryCandidate } from "../../../src/engine";
import { draftAnswer, suggestAnswer } from "../../../src/engine/suggest/answer";
import type { ColumnInput } from "../../../src/engine/suggest/column-input";
import { columnInput } from "./column-input";

const RANSOM = "1-2";
const label = taxonomyItem(RANSOM)?.label ?? "";
const top: CategoryCandidate = { value: label, confidence: 0.9, origin: "rows", sources: [], matchedTerms: [] };
const text = "サーバーのファイルが暗号化され、身代金を要求するメッセージが表示された";
const deskSentence = "ネットワークから切り離し、身代金は支払わず、警察に相談してください。";
const answer = `ランサムウェアの可能性があります。${deskSentence}`;

const suggest = (input: ColumnInput, candidates: CategoryCandidate[], names: string[] = []) =>
  suggestAnswer(input, draftAnswer(input, candidates), names);

describe("answer column", () => {
  it("uses the desk's sentence of the most similar row filed under the same category for the step it makes, credited to that row", () => {
    const rows = [
      { rowNumber: 2, cells: { subject: text, content: text, category: label, answer } },
      { rowNumber: 3, cells: { subject: text, content: text } },
    ];
    const draft = suggest(columnInput(rows, 3, RANSOM), [top]);
    expect(draft.text).toContain(deskSentence);
    const at = draft.sentences.findIndex((s) => draft.text.slice(s.start, s.end) === deskSentence);
    expect(draft.sentences[at].source).toEqual({ kind: "row", rowNumber: 2 });
    expect(draft.sentences.some((s) => s.source.kind === "guidebook")).toBe(true);
    expect(draft.text).not.toMatch(/（参考）|相談先:/);
    expect(draft.sources.map((s) => s.rowNumber)).toEqual([2]);
    expect(draft.origin).toBe("both");
  });

  it("never borrows the answer of a row filed under another category", () => {
    const other = taxonomyItem("他-1")?.label ?? "";
    const rows = [
      { rowNumber: 2, cells: { subject: text, content: text, category: other, answer } },
      { rowNumber: 3, cells: { subject: text, content: text } },
    ];
    const draft = suggest(columnInput(rows, 3, RANSOM), [top]);
    expect(draft.text).not.toContain(deskSentence);
    expect(draft.sources).toEqual([]);
    expect(draft.origin).toBe("guidebook");
  });

  it("masks the names the row reveals in a draft made from its own reply", () => {
    // ハヤブサ is no name by its shape: only the row's own list of names tells the draft to mask it.
    const reply = "ハヤブサのサーバーはネットワークから切り離してください。バックアップからの復旧をお勧めします。";
    const rows = [{ rowNumber: 2, cells: { subject: text, content: text, response: reply } }];
    const draft = suggest(columnInput(rows, 2), [], ["ハヤブサ"]);
    expect(draft.text).toContain("ネットワークから切り離してください");
    expect(draft.text).not.toContain("ハヤブサ");
    expect(draft.masked.length).toBeGreaterThan(0);
    expect(draft.sentences.every((s) => s.source.kind === "case")).toBe(true);
  });
});
