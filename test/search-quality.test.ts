/**
 * The search-quality protocol itself (eval/search-quality.ts): a query never sees itself or the cases
 * written from its own source, and queries whose category the reduced pool lacks are not counted.
 * (No figure measured on the corpus is asserted here.)
 */
import { corpusSearchQuality, sampleSearchQuality, sampleTable } from "../eval/search-quality";
import type { CorpusCase } from "../eval/corpus";

function corpusCase(id: string, category: string, url: string, subject: string, content: string): CorpusCase {
  return { id, subject, content, category, keywords: ["a", "b", "c"], source: { url, publisher: "test" } };
}

describe("search quality protocol", () => {
  const sample = { ...sampleTable(), rows: [] };
  const cases = [
    corpusCase("t-001", "1-2", "https://a.example/1", "ファイルが暗号化された", "社内のファイルが暗号化されて身代金を要求された。"),
    corpusCase("t-002", "1-2", "https://a.example/1", "ファイルが暗号化された", "共有フォルダのファイルが暗号化されて身代金を要求された。"),
    corpusCase("t-003", "1-2", "https://b.example/2", "サーバーが暗号化された", "サーバーのファイルが暗号化され身代金の要求文が出た。"),
    corpusCase("t-004", "他-2", "https://c.example/3", "口コミに悪口", "口コミサイトに事実と違う悪口を書かれた。"),
  ];

  it("leaves out the query and its same-source cases, and does not count a query whose category the rest lacks", () => {
    const result = corpusSearchQuality("tuning", sample, cases);
    expect(result.queries).toBe(4);
    // t-004 is the only 他-2 case: nothing of its category is left once it is taken out.
    expect(result.notInPool).toEqual(["t-004"]);
    expect(result.counted).toBe(3);
    // t-001 and t-002 share a source: each only has t-003 (another source) to find.
    expect(result.hits).toBe(3);
    expect(result.rate).toBe(1);
  });

  it("fails a query whose only same-category case comes from its own source", () => {
    const result = corpusSearchQuality("tuning", sample, cases.filter((c) => c.id !== "t-003"));
    expect(result.notInPool.sort()).toEqual(["t-001", "t-002", "t-004"]);
    expect(result.counted).toBe(0);
  });

  it("measures the sample alone: its unfilled rows against its filled rows", () => {
    const result = sampleSearchQuality();
    expect(result.queries).toBe(38);
    expect(result.counted + result.notInPool.length).toBe(38);
    expect(result.rate).toBeGreaterThan(0);
  });
});
