/**
 * The answer labels (issue 13) are only a measure if every corpus case has exactly one, in the
 * corpus file's order, and every label has the shape the report relies on. (No figure measured on the
 * held-out part is asserted here.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CORPUS_DIR, parseCorpusLines, type CorpusPart } from "../eval/corpus";
import { LABELS_DIR, corpusPartOf, loadLabels, parseLabelLines, readLabelFiles } from "../eval/labels";

const PARTS: CorpusPart[] = ["tuning", "heldout"];

function corpusIdsByFile(part: CorpusPart): Map<string, string[]> {
  const dir = path.join(CORPUS_DIR, part);
  const files = new Map<string, string[]>();
  if (!fs.existsSync(dir)) return files;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    const file = path.join(dir, name);
    files.set(name, parseCorpusLines(fs.readFileSync(file, "utf8"), file).map((c) => c.id));
  }
  return files;
}

const good = {
  id: "x1-001",
  points: [
    ["ネットワークから切り離", "LANケーブルを抜"],
    ["パスワードを変更", "パスワード変更"],
    ["取引先に連絡", "取引先へ連絡"],
  ],
  measures: ["4-5", "2-5"],
  contacts: [["IPA", "情報処理推進機構"]],
  searches: ["メール 添付 開いた", "ウイルス 感染"],
};

describe.each(PARTS)("answer labels of the %s part", (part) => {
  const labelDir = path.join(LABELS_DIR, part);
  const present = fs.existsSync(labelDir) && fs.readdirSync(labelDir).some((n) => n.endsWith(".jsonl"));
  const maybe = present ? test : test.skip;

  maybe("every label file is well formed (the loader throws on the first bad line)", () => {
    expect(() => loadLabels(part)).not.toThrow();
  });

  maybe("every corpus file has a label file with the same cases in the same order", () => {
    const corpus = corpusIdsByFile(part);
    const labels = readLabelFiles(part);
    expect([...labels.keys()].filter((name) => !corpus.has(name))).toEqual([]);
    for (const [name, ids] of corpus) {
      expect({ file: name, ids: labels.get(name)?.map((l) => l.id) ?? null }).toEqual({ file: name, ids });
    }
  });
});

/** The second editor labels the tuning part in batches: each file labels cases of its corpus file, in its order, maybe not all yet. */
describe("the second editor's labels of the tuning part", () => {
  const labelDir = path.join(LABELS_DIR, "tuning-second");
  const present = fs.existsSync(labelDir) && fs.readdirSync(labelDir).some((n) => n.endsWith(".jsonl"));
  const maybe = present ? test : test.skip;

  maybe("every label file is well formed", () => {
    expect(() => loadLabels("tuning-second")).not.toThrow();
  });

  maybe("every label file labels cases of the tuning corpus file of its name, in that file's order", () => {
    const corpus = corpusIdsByFile(corpusPartOf("tuning-second"));
    for (const [name, labels] of readLabelFiles("tuning-second")) {
      const labelled = new Set(labels.map((l) => l.id));
      const ids = corpus.get(name) ?? [];
      expect({ file: name, ids: labels.map((l) => l.id) }).toEqual({ file: name, ids: ids.filter((id) => labelled.has(id)) });
    }
  });
});

describe("label validation", () => {
  test("a well-formed label is accepted and keyed by its id", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-"));
    fs.mkdirSync(path.join(dir, "tuning"));
    fs.writeFileSync(path.join(dir, "tuning", "x1.jsonl"), `${JSON.stringify(good)}\n\n`);
    const labels = loadLabels("tuning", dir);
    expect([...labels.keys()]).toEqual(["x1-001"]);
    expect(labels.get("x1-001")?.measures).toEqual(["4-5", "2-5"]);
    expect(loadLabels("heldout", dir).size).toBe(0);
  });

  test.each([
    ["two points", { points: good.points.slice(0, 2) }, /points: 3–5 groups/],
    ["a point with one wording", { points: [...good.points.slice(0, 2), ["取引先に連絡"]] }, /points\[2\]: 2–6 alternative/],
    ["a wording too short", { points: [...good.points.slice(0, 2), ["連絡", "取引先に連絡"]] }, /"連絡" must be 3–12 characters/],
    ["an unknown measure", { measures: ["2-1"] }, /unknown item id 2-1/],
    ["five measures", { measures: ["2-2", "2-3", "2-4", "2-5", "2-6"] }, /measures: 1–4/],
    ["one search", { searches: ["ウイルス"] }, /exactly 2/],
    ["a search with a full-width space", { searches: ["ウイルス　感染", "メール 添付"] }, /one half-width space/],
  ])("%s is refused with the file and line named", (_name, change, message) => {
    const text = `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: "x1-002", ...change })}\n`;
    expect(() => parseLabelLines(text, "labels/x1.jsonl")).toThrow(/^labels\/x1\.jsonl:2 \(x1-002\): /);
    expect(() => parseLabelLines(text, "labels/x1.jsonl")).toThrow(message);
  });

  test("broken JSON and duplicate ids are refused", () => {
    expect(() => parseLabelLines('{"id":', "a.jsonl")).toThrow(/^a\.jsonl:1: /);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-"));
    fs.mkdirSync(path.join(dir, "tuning"));
    fs.writeFileSync(path.join(dir, "tuning", "a.jsonl"), `${JSON.stringify(good)}\n`);
    fs.writeFileSync(path.join(dir, "tuning", "b.jsonl"), `${JSON.stringify(good)}\n`);
    expect(() => loadLabels("tuning", dir)).toThrow(/duplicate label id x1-001/);
  });
});
