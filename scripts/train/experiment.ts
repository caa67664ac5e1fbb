/**
 * npx tsx scripts/train/experiment.ts [corpus dirs…] [--only=text] [--repeat]
 * Compares learners and settings by cross-validation on the tuning part (grouped by source), and by
 * the model-only suggestion on the sample workbook (all 60 rows vs gold, seed rows 2–19). Reads only
 * `<dir>/tuning/` of each corpus dir (default: this checkout's eval/corpus).
 */
import { loadCorpus } from "../../eval/corpus";
import { loadSampleGold } from "../../eval/measure";
import { CategoryModel } from "../../src/engine/suggest/classifier";
import { modelPrior } from "../../src/engine/suggest/category";
import { readCaseTable } from "../../src/engine";
import { tinySegmenterMorphology } from "../../src/engine/text/morphology";
import { TAXONOMY } from "../../src/engine/guidebook/taxonomy";
import { taxonomyIdOf } from "../../src/engine/guidebook/taxonomy-id";
import { corpusDocs, neutralDocs, phrasingDocs, taxonomyDocs, type TrainingDoc } from "./dataset";
import { serializeModel } from "./serialize";
import { DEFAULT_TRAIN_SETTINGS, trainCategoryModel, type TrainSettings } from "./trainer";
import * as fs from "node:fs";
import * as path from "node:path";
import Papa from "papaparse";

const dirs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const tuning = corpusDocs((dirs.length ? dirs : [undefined]).flatMap((d) => loadCorpus("tuning", d)));
const classes = TAXONOMY.map((i) => i.id);

const values = Papa.parse<string[]>(fs.readFileSync(path.join(__dirname, "../../samples/consultations-sample.csv"), "utf8")).data;
const parsed = readCaseTable({ sheetName: "s", firstRow: 1, firstColumn: 1, values });
if (!parsed.ok) throw new Error("sample");
const gold = loadSampleGold();

function sampleScore(model: CategoryModel): { at1: number; at3: number; seed: number } {
  let at1 = 0;
  let at3 = 0;
  let seed = 0;
  let n = 0;
  for (const row of parsed.ok ? parsed.table.rows : []) {
    const expected = taxonomyIdOf(gold.get(row.rowNumber) ?? "");
    if (!expected) continue;
    n++;
    const c = row.cells;
    const ranked = modelPrior(
      [
        { text: c.subject ?? "", kind: "subject" },
        { text: [c.content, c.consultNote].filter(Boolean).join("\n"), kind: "body" },
        { text: [c.response, c.followUp].filter(Boolean).join("\n"), kind: "reply" },
      ],
      tinySegmenterMorphology,
      model,
    ).map((p) => p.item.id);
    if (ranked[0] === expected) {
      at1++;
      if (row.rowNumber <= 19) seed++;
    }
    if (ranked.slice(0, 3).includes(expected)) at3++;
  }
  return { at1: at1 / n, at3: at3 / n, seed };
}

const variants: [string, Partial<TrainSettings>, (d: TrainingDoc) => boolean][] = [
  ["logistic regression (shipped settings)", {}, () => true],
  ["complement Naive Bayes (α 0.1)", { learner: "complementNB", alpha: 0.1 }, () => true],
  ["logistic, L2 1e-3", { l2: 1e-3 }, () => true],
  ["logistic, words from the tokenizer in every part", { words: "morphology" }, () => true],
  ["logistic, words as script runs everywhere (no tokenizer)", { words: "runs" }, () => true],
  ["logistic, character n-grams only", { wordWeight: 0 }, () => true],
  ["logistic, bigrams + words (no trigrams)", { maxGram: 2 }, () => true],
  ["logistic, all weights kept (no pruning)", { maxEntries: 1e9 }, () => true],
  ["logistic, without the lay phrasings", {}, (d) => d.kind !== "phrasing" && d.kind !== "review"],
  ["logistic, without the taxonomy keyword lists", {}, (d) => d.kind !== "keywords"],
  ["logistic, phrasings + taxonomy only (no tuning cases in training)", {}, () => true],
];
// --repeat: the same variants over five different fold draws (the folds are small; one draw is noisy).
if (process.argv.includes("--repeat")) {
  const base = variants.splice(0);
  for (const salt of ["", "a", "b", "c", "d"]) for (const [name, patch, keep] of base) variants.push([`${name}, folds ${salt || "default"}`, { ...patch, foldSalt: salt }, keep]);
}

console.log(`tuning cases: ${tuning.length}`);
console.log("| variant | CV @1 | CV @3 | CV NLL | T | sample @1 | sample @3 | seeds @1 | features | KB | s |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const [name, patch, keep] of variants) {
  if (only && !name.includes(only)) continue;
  const settings = { ...DEFAULT_TRAIN_SETTINGS, ...patch };
  const docs = [...taxonomyDocs(), ...phrasingDocs(), ...neutralDocs(), ...tuning].filter(keep);
  const t = performance.now();
  // The last variant: tuning cases are only scored (a model that never saw any of them).
  const result = name.includes("no tuning cases")
    ? trainCategoryModel(docs, classes, [tinySegmenterMorphology], { ...settings, kindWeights: { ...settings.kindWeights, tuning: 0 } })
    : trainCategoryModel(docs, classes, [tinySegmenterMorphology], settings);
  const s = sampleScore(CategoryModel.load(result.file));
  const cv = result.cv;
  const pct = (x: number | undefined) => (x === undefined ? "–" : `${(x * 100).toFixed(1)}%`);
  console.log(
    `| ${name} | ${pct(cv?.at1)} | ${pct(cv?.at3)} | ${cv?.nll.toFixed(3) ?? "–"} | ${result.file.temperature} | ${pct(s.at1)} | ${pct(s.at3)} | ${s.seed}/18 | ${result.file.features.length} | ${(Buffer.byteLength(serializeModel(result.file)) / 1024).toFixed(0)} | ${((performance.now() - t) / 1000).toFixed(0)} |`,
  );
}
