/**
 * The outside corpus is honest only if its split cannot be chosen case by case: every source's cases
 * sit in the part its URL hashes to, no source straddles the parts, and every case is well formed.
 * (No figure measured on the held-out part is asserted anywhere.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { canonicalSourceUrl, loadCorpus, partOfSource, type CorpusCase } from "../eval/corpus";
import { corpusCaseProblems } from "../eval/validate";

const tuning = loadCorpus("tuning");
const heldout = loadCorpus("heldout");

describe("outside evaluation corpus", () => {
  test("every case is well formed", () => {
    const problems = [...tuning, ...heldout].flatMap((c) => corpusCaseProblems(c).map((p) => `${c.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  test("ids are unique across both parts", () => {
    const ids = [...tuning, ...heldout].map((c) => c.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  test("each case sits in the part its source URL hashes to, so no source straddles the parts", () => {
    const misplaced = [
      ...tuning.filter((c) => partOfSource(c.source.url) !== "tuning"),
      ...heldout.filter((c) => partOfSource(c.source.url) !== "heldout"),
    ].map((c) => c.id);
    expect(misplaced).toEqual([]);
    const tuningUrls = new Set(tuning.map((c) => canonicalSourceUrl(c.source.url)));
    expect(heldout.filter((c) => tuningUrls.has(canonicalSourceUrl(c.source.url))).map((c) => c.id)).toEqual([]);
  });

  test("the split rule ignores fragments, trailing slashes and host case", () => {
    const a = "https://www.ipa.go.jp/security/anshin/";
    expect(partOfSource("HTTPS://WWW.IPA.GO.JP/security/anshin#top")).toBe(partOfSource(a));
    expect(canonicalSourceUrl("http://Example.org/a/")).toBe("https://example.org/a");
  });

  test("a case missing its source or keywords is refused", () => {
    const bad = { id: "x1-001", subject: "件名", content: "十分な長さの相談内容がここに書かれています。", category: "1-7", keywords: ["a"] } as unknown as CorpusCase;
    expect(corpusCaseProblems(bad)).toEqual(expect.arrayContaining(["3–6 keywords", "source url is missing or invalid"]));
  });

  test("the loader reads every .jsonl file of a part", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
    fs.mkdirSync(path.join(dir, "tuning"));
    const line = (id: string) => JSON.stringify({ id, subject: "s", content: "c", category: "1-1", keywords: [], source: { url: "https://a.example/", publisher: "p" } });
    fs.writeFileSync(path.join(dir, "tuning", "a.jsonl"), `${line("a-001")}\n\n`);
    fs.writeFileSync(path.join(dir, "tuning", "b.jsonl"), `${line("b-001")}\n`);
    expect(loadCorpus("tuning", dir).map((c) => c.id)).toEqual(["a-001", "b-001"]);
    expect(loadCorpus("heldout", dir)).toEqual([]);
  });
});
