/**
 * npm run eval                      the quality report: held-out part first, then tuning, then the sample
 * npm run eval -- --json out.json   also write the figures as JSON
 * npm run eval -- --engine DIR      measure another checkout's engine (DIR = its src/engine); this is how
 *                                   eval/baseline.json was made (see docs/quality.md)
 *
 * The held-out part is read here and nowhere else. Only aggregate figures are printed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { measureAnswers, printAnswerFigures, type AnswerFigures, type AnswerSetting } from "./answer-quality";
import { loadCorpus, type CorpusPart } from "./corpus";
import { corpusPartOf, loadLabels } from "./labels";
import { corpusSearchQuality } from "./search-quality";
import { partFindability, type FindabilityFigures } from "./findability";
import { keywordSynonymFigures, type SynonymKeywordFigures } from "./keyword-synonyms";
import { plantedNameLeaks, type PlantedNameFigures } from "./planted-names";
import { measurePart, measureSample, type CategoryFigures, type Engine, type PartFigures, type SampleFigures } from "./measure";
import type { Morphology } from "../src/engine/text/morphology";

export interface Report {
  engine: string;
  /** The command that produced these figures, and the corpus they were measured on. */
  producedBy?: string;
  corpusSize?: Record<CorpusPart, number>;
  corpus: Record<CorpusPart, PartFigures | null>;
  sample: SampleFigures;
  /** Tuning and held-out cases with nothing filled, per tokenizer the engine can use (this engine only). */
  byTokenizer?: Record<string, Partial<Record<CorpusPart, { at1: number; at3: number }>>>;
  /** Search (issue 9): the part's cases as queries against the sample's filled rows + the part's other sources. */
  search?: Partial<Record<CorpusPart, { k: number; hits: number; counted: number; rate: number; msPerQuery: number }>>;
  /** Keywords (issue 13): agreement with synonyms allowed, nothing filled. */
  keywordSynonyms?: Partial<Record<CorpusPart, SynonymKeywordFigures>>;
  /** The published page (issue 13): layperson searches finding their own case (parts with labels only). */
  findability?: Partial<Record<CorpusPart, Omit<FindabilityFigures, "misses">>>;
  /** The same with one entry per case (nothing merged): how the search does when every case is its own entry. */
  findabilityOnePerCase?: Partial<Record<CorpusPart, Omit<FindabilityFigures, "misses">>>;
  /** Answers, countermeasure items and contacts against the expert labels (issue 13), per part and setting. */
  answers?: Partial<Record<CorpusPart, Partial<Record<AnswerSetting, AnswerFigures>>>>;
  /** The same on the tuning part against the second editor's labels (eval/labels/tuning-second), when present. */
  answersSecondEditor?: Partial<Record<AnswerSetting, AnswerFigures>>;
  /** Each part's figures per labelling batch (BATCHES), nothing filled: a later batch shows how far the engine carries to new sources. */
  byBatch?: Partial<Record<CorpusPart, Record<string, BatchFigures>>>;
}

export interface BatchFigures {
  cases: number;
  /** Planted names still on the published page when FAQ cells repeat them, per tokenizer. */
  plantedNames?: Record<string, PlantedNameFigures>;
  at1: number;
  at3: number;
  keywordRecall?: number;
  answers?: AnswerFigures;
}

/**
 * The corpus was written in batches, each from new public sources: the first (groups c1, c2) before
 * issue 13's advice, the third (c3) and fourth (c4) after it, by editors who saw neither the engine nor
 * other labels. The advice was extended from c3's tuning part, then c4 was measured unseen and the advice
 * extended from its tuning part; likewise c5, c6 and c7; c8 was measured unseen after that (its tuning part not yet used).
 */
const BATCHES: readonly { name: string; groups: readonly string[] }[] = [
  { name: "first batch (c1, c2)", groups: ["c1", "c2"] },
  { name: "third batch (c3)", groups: ["c3"] },
  { name: "fourth batch (c4)", groups: ["c4"] },
  { name: "fifth batch (c5)", groups: ["c5"] },
  { name: "sixth batch (c6)", groups: ["c6"] },
  { name: "seventh batch (c7)", groups: ["c7"] },
  { name: "eighth batch (c8)", groups: ["c8"] },
];
const groupOf = (id: string) => id.split("-")[0];

/**
 * The last commit whose advice steps were written without the second editor's labels in view: up to
 * it, the second editor's figures are an unseen editor's; after it they are seen too.
 */
const SECOND_EDITOR_UNSEEN_UNTIL = "c8d21c9";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

function printCategory(title: string, f: CategoryFigures): void {
  console.log(`${title}: @1 ${pct(f.at1)}  @3 ${pct(f.at3)}  (n=${f.cases}, mean confidence of the first ${pct(f.meanConfidence)}, ECE ${pct(f.ece)})`);
}

function printReliability(f: CategoryFigures): void {
  console.log("| shown confidence (first suggestion) | cases | mean shown | observed right |");
  console.log("|---|---|---|---|");
  for (const b of f.reliability) {
    const range = `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`;
    console.log(`| ${range} | ${b.count} | ${b.count ? pct(b.meanConfidence) : "–"} | ${b.count ? pct(b.accuracy) : "–"} |`);
  }
}

function printPart(
  part: CorpusPart,
  f: PartFigures,
  detail: boolean,
  crossValidation?: { at1: number; at3: number },
  search?: { k: number; hits: number; counted: number; rate: number },
  synonyms?: SynonymKeywordFigures,
  findable?: Omit<FindabilityFigures, "misses">,
  apart?: Omit<FindabilityFigures, "misses">,
): void {
  console.log(`\n## ${part === "heldout" ? "Held-out part (never used for training or tuning)" : "Tuning part (the current model is trained on it: optimistic)"} — ${f.cases} cases`);
  printCategory("category, nothing filled", f.nothingFilled);
  printCategory("category, the sample's filled rows as the pool", f.withSamplePool);
  console.log(
    `keywords (nothing filled): precision ${pct(f.keywords.precision)}, recall ${pct(f.keywords.recall)} ` +
      `(same term after NFKC and glossary folding; one containing the other: ${pct(f.keywords.containmentPrecision)} / ${pct(f.keywords.containmentRecall)})`,
  );
  if (synonyms) {
    console.log(
      `keywords with synonyms allowed (the glossary's groups; the main keyword figure): recall ${pct(synonyms.recall)}, precision ${pct(synonyms.precision)} ` +
        `(${synonyms.meanCount.toFixed(1)} keywords per case, at most ${synonyms.maxCount})`,
    );
  }
  if (search) {
    console.log(`search: a case of the query's category among the first ${search.k}: ${search.hits}/${search.counted} (${pct(search.rate)}; protocol in docs/faq.md)`);
  }
  if (findable) {
    console.log(
      `findability: ${findable.found}/${findable.searches} layperson searches show their own case among the first ${findable.k} entries of the published page (${pct(findable.rate)}); ` +
        `${findable.entries} entries for ${findable.cases} cases (${findable.mergedEntries} merged, ${findable.categories} categories); page ${(findable.pageBytes / 1024).toFixed(0)} KB (protocol in docs/quality.md)`,
    );
    if (apart) console.log(`findability with one entry per case (nothing merged): ${apart.found}/${apart.searches} (${pct(apart.rate)})`);
  } else console.log("findability: no labels for this part yet (eval/labels/)");
  if (part === "tuning" && crossValidation) {
    console.log(
      `cross-validated while training (5 folds by source, each fold scored by a model trained without it; from the model file): ` +
        `@1 ${pct(crossValidation.at1)}  @3 ${pct(crossValidation.at3)}`,
    );
  }
  if (!detail) return;
  console.log("\nper category, nothing filled (first suggestion):");
  console.log("| category | cases | suggested first | precision | recall |");
  console.log("|---|---|---|---|---|");
  for (const [id, c] of Object.entries(f.nothingFilled.perCategory)) {
    console.log(`| ${id} | ${c.support} | ${c.predicted} | ${c.predicted ? pct(c.precision) : "–"} | ${c.support ? pct(c.recall) : "–"} |`);
  }
  console.log("\nworst confusions, nothing filled (label → first suggestion):");
  for (const c of f.nothingFilled.confusions.slice(0, 8)) console.log(`  ${c.expected} → ${c.suggested}: ${c.count}`);
  console.log("\nreliability, nothing filled:");
  printReliability(f.nothingFilled);
  console.log("\nreliability, the sample's filled rows as the pool:");
  printReliability(f.withSamplePool);
}

function printAnswers(answers: NonNullable<Report["answers"]>, second?: Report["answersSecondEditor"]): void {
  console.log("\n## Draft answers, countermeasure items, contacts (expert labels, eval/labels; docs/quality.md)");
  for (const part of ["heldout", "tuning"] as const) {
    const figures = answers[part];
    if (!figures) {
      console.log(`${part}: no labels yet`);
      continue;
    }
    const name =
      part === "heldout"
        ? "held-out (never used to write the advice)"
        : "tuning (seen: the advice steps were written from the guidebook with these labels in view, no cross-validation applies)";
    if (figures.nothingFilled) printAnswerFigures(`${name}, nothing filled (guidebook only)`, figures.nothingFilled);
    if (figures.samplePool) printAnswerFigures(`${name}, the sample's filled rows as similar rows`, figures.samplePool);
  }
  if (second) {
    const name = `tuning, second editor (not seen while writing the advice until ${SECOND_EDITOR_UNSEEN_UNTIL})`;
    if (second.nothingFilled) printAnswerFigures(`${name}, nothing filled (guidebook only)`, second.nothingFilled);
    if (second.samplePool) printAnswerFigures(`${name}, the sample's filled rows as similar rows`, second.samplePool);
  }
}

function printBatches(byBatch: NonNullable<Report["byBatch"]>): void {
  console.log("\n## Per batch of the corpus, nothing filled (held-out first)");
  console.log("| part | batch | cases | category @1 / @3 | answer points made | items P / R | contacts named | keyword recall, synonyms | planted names left on the page |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const part of ["heldout", "tuning"] as const) {
    for (const [name, f] of Object.entries(byBatch[part] ?? {})) {
      const a = f.answers;
      console.log(
        `| ${part} | ${name} | ${f.cases} | ${pct(f.at1)} / ${pct(f.at3)} | ${a ? `${pct(a.pointRate)} (${a.pointsMade}/${a.points})` : "–"} | ` +
          `${a ? `${pct(a.measurePrecision)} / ${pct(a.measureRecall)}` : "–"} | ${a ? `${pct(a.contactRate)} (${a.contactsNamed}/${a.contacts})` : "–"} | ${f.keywordRecall === undefined ? "–" : pct(f.keywordRecall)} | ${
          f.plantedNames ? Object.entries(f.plantedNames).map(([name, p]) => `${p.leaked}/${p.names} ${name}`).join(", ") : "–"
        } |`,
      );
    }
  }
}

function printSample(s: SampleFigures): void {
  console.log("\n## Bundled sample workbook (60 cases, 22 filled; not used for training)");
  console.log(`leave-one-out over the filled rows (n=${s.leaveOneOut.rows}): @1 ${pct(s.leaveOneOut.at1)}  @3 ${pct(s.leaveOneOut.at3)}`);
  console.log(`  keywords: precision ${pct(s.leaveOneOut.keywordPrecision)}, recall ${pct(s.leaveOneOut.keywordRecall)} (one containing the other after glossary folding)`);
  console.log(`nothing filled, all rows vs gold (n=${s.nothingFilled.rows}): @1 ${pct(s.nothingFilled.at1)}  @3 ${pct(s.nothingFilled.at3)}`);
  console.log(`nothing filled, seed rows 2–19: @1 ${Math.round(s.seedRows.at1 * s.seedRows.rows)}/${s.seedRows.rows}  @3 ${Math.round(s.seedRows.at3 * s.seedRows.rows)}/${s.seedRows.rows}`);
  console.log(`unfilled rows with the filled rows present (n=${s.unfilledWithFilledPresent.rows}): @1 ${pct(s.unfilledWithFilledPresent.at1)}`);
}

function printBeforeAfter(before: Report, after: Report): void {
  console.log(`\n## Before / after (before = ${before.engine})`);
  console.log("| measure | before | after |");
  console.log("|---|---|---|");
  const row = (name: string, get: (r: Report) => number | undefined) => {
    const b = get(before);
    const a = get(after);
    console.log(`| ${name} | ${b === undefined ? "–" : pct(b)} | ${a === undefined ? "–" : pct(a)} |`);
  };
  for (const part of ["heldout", "tuning"] as const) {
    const name = part === "heldout" ? "held-out" : "tuning";
    row(`${name}: nothing filled @1`, (r) => r.corpus[part]?.nothingFilled.at1);
    row(`${name}: nothing filled @3`, (r) => r.corpus[part]?.nothingFilled.at3);
    row(`${name}: sample pool @1`, (r) => r.corpus[part]?.withSamplePool.at1);
    row(`${name}: sample pool @3`, (r) => r.corpus[part]?.withSamplePool.at3);
    row(`${name}: ECE, nothing filled`, (r) => r.corpus[part]?.nothingFilled.ece);
    row(`${name}: keyword precision`, (r) => r.corpus[part]?.keywords.precision);
    row(`${name}: keyword recall`, (r) => r.corpus[part]?.keywords.recall);
    row(`${name}: keyword recall, synonyms allowed`, (r) => r.keywordSynonyms?.[part]?.recall);
    row(`${name}: keyword precision, synonyms allowed`, (r) => r.keywordSynonyms?.[part]?.precision);
    row(`${name}: findability (own case in the first 10)`, (r) => r.findability?.[part]?.rate);
    row(`${name}: answer points made, nothing filled`, (r) => r.answers?.[part]?.nothingFilled?.pointRate);
    row(`${name}: countermeasure precision, nothing filled`, (r) => r.answers?.[part]?.nothingFilled?.measurePrecision);
    row(`${name}: countermeasure recall, nothing filled`, (r) => r.answers?.[part]?.nothingFilled?.measureRecall);
    row(`${name}: required contacts named, nothing filled`, (r) => r.answers?.[part]?.nothingFilled?.contactRate);
  }
  row("tuning, second editor: answer points made, nothing filled", (r) => r.answersSecondEditor?.nothingFilled?.pointRate);
  row("tuning, second editor: countermeasure precision, nothing filled", (r) => r.answersSecondEditor?.nothingFilled?.measurePrecision);
  row("tuning, second editor: countermeasure recall, nothing filled", (r) => r.answersSecondEditor?.nothingFilled?.measureRecall);
  row("tuning, second editor: required contacts named, nothing filled", (r) => r.answersSecondEditor?.nothingFilled?.contactRate);
  row("sample: leave-one-out @1", (r) => r.sample.leaveOneOut.at1);
  row("sample: leave-one-out @3", (r) => r.sample.leaveOneOut.at3);
  row("sample: nothing filled @1 (60 rows)", (r) => r.sample.nothingFilled.at1);
  row("sample: seed rows 2–19 @1", (r) => r.sample.seedRows.at1);
  row("sample: unfilled rows, filled present @1", (r) => r.sample.unfilledWithFilledPresent.at1);
  const bh = before.corpus.heldout?.cases;
  const ah = after.corpus.heldout?.cases;
  if (bh !== ah) console.log(`(the baseline was measured on ${bh ?? 0} held-out cases, this run on ${ah ?? 0}: re-measure it, see docs/quality.md)`);
}

/** tiny-segmenter, and kuromoji when this checkout has its Node loader and dictionary. */
async function availableMorphologies(): Promise<Morphology[]> {
  const { tinySegmenterMorphology } = await import("../src/engine/text/morphology");
  const out: Morphology[] = [tinySegmenterMorphology];
  const loaderPath = path.join(__dirname, "..", "src", "engine", "text", "morphology-node.ts");
  if (fs.existsSync(loaderPath)) {
    try {
      const loader = (await import(loaderPath)) as { loadNodeMorphology: () => Promise<Morphology> };
      out.push(await loader.loadNodeMorphology());
    } catch (error) {
      console.error(`kuromoji could not be loaded: ${(error as Error).message}`);
    }
  }
  return out;
}

/** The cross-validated figures the training step stored in the shipped model. */
function shippedCrossValidation(): { at1: number; at3: number } | undefined {
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "src", "engine", "suggest", "classifier", "category-model.json"), "utf8")) as {
    about?: { crossValidation?: { at1: number; at3: number } | null };
  };
  return file.about?.crossValidation ?? undefined;
}

async function main(): Promise<void> {
  const engineDir = path.resolve(arg("--engine") ?? path.join(__dirname, "..", "src", "engine"));
  const engine = (await import(path.join(engineDir, "index.ts"))) as Engine;
  const label = arg("--label") ?? path.relative(path.join(__dirname, ".."), engineDir);
  const parts: CorpusPart[] = ["heldout", "tuning"];
  const corpus: Report["corpus"] = { heldout: null, tuning: null };
  for (const part of parts) {
    const cases = loadCorpus(part);
    corpus[part] = cases.length > 0 ? measurePart(engine, cases) : null;
  }
  const report: Report = {
    engine: label,
    producedBy: ["npx tsx eval/report.ts", ...process.argv.slice(2).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))].join(" "),
    corpusSize: { heldout: corpus.heldout?.cases ?? 0, tuning: corpus.tuning?.cases ?? 0 },
    corpus,
    sample: measureSample(engine),
  };

  // Answers against the expert labels, with any engine (only its public API is used).
  report.answers = {};
  for (const part of parts) {
    const labels = loadLabels(part);
    if (labels.size === 0) continue;
    const cases = loadCorpus(part);
    const figures: Partial<Record<AnswerSetting, AnswerFigures>> = {};
    for (const setting of ["nothingFilled", "samplePool"] as const) {
      const f = measureAnswers(engine, cases, labels, setting);
      if (f) figures[setting] = f;
    }
    report.answers[part] = figures;
  }
  const second = loadLabels("tuning-second");
  if (second.size > 0) {
    const cases = loadCorpus(corpusPartOf("tuning-second"));
    report.answersSecondEditor = {};
    for (const setting of ["nothingFilled", "samplePool"] as const) {
      const f = measureAnswers(engine, cases, second, setting);
      if (f) report.answersSecondEditor[setting] = f;
    }
  }

  // The same figures per batch (nothing filled), when the corpus has more than one.
  for (const part of parts) {
    const all = loadCorpus(part);
    const labels = loadLabels(part);
    const present = BATCHES.filter((b) => all.some((c) => b.groups.includes(groupOf(c.id))));
    if (present.length < 2) continue;
    const figures: Record<string, BatchFigures> = {};
    for (const batch of present) {
      const cases = all.filter((c) => batch.groups.includes(groupOf(c.id)));
      const category = measurePart(engine, cases).nothingFilled;
      figures[batch.name] = {
        cases: cases.length,
        at1: category.at1,
        at3: category.at3,
        keywordRecall: keywordSynonymFigures(engine, cases).recall,
        answers: measureAnswers(engine, cases, labels, "nothingFilled") ?? undefined,
      };
      if (!arg("--engine")) {
        const leaks: Record<string, PlantedNameFigures> = {};
        for (const morphology of await availableMorphologies()) leaks[morphology.name] = plantedNameLeaks(engine, cases, morphology);
        figures[batch.name].plantedNames = leaks;
      }
    }
    (report.byBatch ??= {})[part] = figures;
  }

  // Search quality is measured with this checkout's search only (eval/search-quality.ts imports src/engine).
  if (!arg("--engine")) {
    report.search = {};
    for (const part of parts) {
      const cases = loadCorpus(part);
      if (cases.length === 0) continue;
      const r = corpusSearchQuality(part, undefined, cases);
      report.search[part] = { k: r.k, hits: r.hits, counted: r.counted, rate: r.rate, msPerQuery: r.msPerQuery };
    }
  }

  // Issue 13: keywords with synonyms, and the published page's findability (any engine: both use its public API).
  report.keywordSynonyms = {};
  report.findability = {};
  for (const part of parts) {
    const cases = loadCorpus(part);
    if (cases.length === 0) continue;
    report.keywordSynonyms[part] = keywordSynonymFigures(engine, cases);
    const withoutMisses = (f: FindabilityFigures): Omit<FindabilityFigures, "misses"> => {
      const { misses: _misses, ...figures } = f;
      return figures;
    };
    const found = partFindability(engine, part);
    if (found) report.findability[part] = withoutMisses(found);
    const apart = found ? partFindability(engine, part, { mergeSimilarity: 2 }) : undefined;
    if (apart) (report.findabilityOnePerCase ??= {})[part] = withoutMisses(apart);
  }

  // The category with nothing filled, per tokenizer the pane can serve with (this checkout's engine only).
  if (!arg("--engine")) {
    report.byTokenizer = {};
    for (const morphology of await availableMorphologies()) {
      const figures: Partial<Record<CorpusPart, { at1: number; at3: number }>> = {};
      for (const part of parts) {
        const cases = loadCorpus(part);
        if (cases.length === 0) continue;
        const f = measurePart(engine, cases, { prepare: (e) => e.setMorphology(morphology) }).nothingFilled;
        figures[part] = { at1: f.at1, at3: f.at3 };
      }
      report.byTokenizer[morphology.name] = figures;
    }
  }

  console.log(`# Quality report (${label})`);
  for (const part of parts) {
    const f = corpus[part];
    if (f) printPart(part, f, part === "heldout", arg("--engine") ? undefined : shippedCrossValidation(), report.search?.[part], report.keywordSynonyms?.[part], report.findability?.[part], report.findabilityOnePerCase?.[part]);
    else console.log(`\n## ${part}: no cases yet`);
  }
  if (report.byTokenizer) {
    console.log("\n## Category with nothing filled, per tokenizer");
    for (const [name, figures] of Object.entries(report.byTokenizer)) {
      const line = parts
        .filter((part) => figures[part])
        .map((part) => `${part} @1 ${pct(figures[part]?.at1 ?? 0)} @3 ${pct(figures[part]?.at3 ?? 0)}`)
        .join("; ");
      console.log(`${name}: ${line}`);
    }
    if (!("kuromoji" in report.byTokenizer)) console.log("kuromoji: not available in this checkout");
  }
  printAnswers(report.answers ?? {}, report.answersSecondEditor);
  if (report.byBatch) printBatches(report.byBatch);
  printSample(report.sample);

  const baselinePath = path.join(__dirname, "baseline.json");
  if (!arg("--engine") && fs.existsSync(baselinePath)) {
    printBeforeAfter(JSON.parse(fs.readFileSync(baselinePath, "utf8")) as Report, report);
  }
  const jsonPath = arg("--json");
  if (jsonPath) fs.writeFileSync(jsonPath, JSON.stringify(report, null, 1) + "\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
