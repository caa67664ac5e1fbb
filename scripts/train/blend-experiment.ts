/**
 * npx tsx scripts/train/blend-experiment.ts
 * Chooses how the sheet's similar rows and the model are blended, on data the model did not see:
 * each tuning fold is suggested by a model trained without it, with the sample workbook's filled rows
 * as the pool; plus the sample's own leave-one-out and unfilled rows (shipped model).
 */
import { loadCorpus, type CorpusCase } from "../../eval/corpus";
import { loadSampleGold, loadSampleTable } from "../../eval/measure";
import * as engineApi from "../../src/engine";
import { SuggestionEngine, taxonomyIdOf, type CaseTable } from "../../src/engine";
import type { CategoryBlend } from "../../src/engine/suggest/category";
import { CategoryModel } from "../../src/engine/suggest/classifier";
import { tinySegmenterMorphology } from "../../src/engine/text/morphology";
import { TAXONOMY } from "../../src/engine/guidebook/taxonomy";
import { corpusDocs, neutralDocs, phrasingDocs, taxonomyDocs } from "./dataset";
import { DEFAULT_TRAIN_SETTINGS, encodeModel, featurize, foldOf, trainLinear, fitTemperature, crossValidate } from "./trainer";

const classes = TAXONOMY.map((i) => i.id);
const settings = DEFAULT_TRAIN_SETTINGS;
const tuning = loadCorpus("tuning");
const examples = featurize([...taxonomyDocs(), ...phrasingDocs(), ...neutralDocs(), ...corpusDocs(tuning)], [tinySegmenterMorphology], settings);
const temperature = fitTemperature(crossValidate(examples, classes, settings), classes);

const blends: CategoryBlend[] = [];
for (const priorRows of [2, 6]) for (const floor of [0.1, 0.15, 0.2]) for (const full of [0.3, 0.45, 0.6]) blends.push({ priorRows, floor, full });

const sample = loadSampleTable(engineApi);
const gold = loadSampleGold();
interface Tally {
  n: number;
  at1: number;
  at3: number;
}
const tally = (): Tally => ({ n: 0, at1: 0, at3: 0 });
const cv = blends.map(tally);

function withCases(cases: CorpusCase[]): CaseTable {
  const first = sample.lastRow + 2;
  return {
    ...sample,
    rows: [...sample.rows.map((r) => ({ ...r, cells: { ...r.cells } })), ...cases.map((c, i) => ({ rowNumber: first + i, cells: { subject: c.subject, content: c.content } }))],
    lastRow: first + cases.length,
  };
}

for (let fold = 0; fold < settings.folds; fold++) {
  const held = tuning.filter((c) => foldOf(c.source.url, settings.folds) === fold);
  const heldIds = new Set(held.map((c) => c.id));
  const linear = trainLinear(examples.filter((ex) => !heldIds.has(ex.doc.id) && ex.doc.kind !== "review"), classes, settings);
  const model = CategoryModel.load(encodeModel(linear, { full: temperature, short: temperature }, settings, {}));
  const table = withCases(held);
  const engine = SuggestionEngine.build(table);
  const rows = table.rows.slice(sample.rows.length);
  blends.forEach((blend, b) => {
    engine.useCategoryModel(model, blend);
    rows.forEach((row, i) => {
      const c = held[i];
      const ids = engine.suggest(row.rowNumber).category.map((x) => taxonomyIdOf(x.value));
      const ok = (id: string | undefined) => id !== undefined && (id === c.category || (c.alsoAccepted ?? []).includes(id));
      cv[b].n++;
      if (ok(ids[0])) cv[b].at1++;
      if (ids.slice(0, 3).some(ok)) cv[b].at3++;
    });
  });
}

const pct = (a: number, n: number) => `${((a / n) * 100).toFixed(1)}%`;
console.log(`temperature ${temperature}; tuning cases ${tuning.length}`);
console.log("| priorRows | floor | full | tuning CV + sample pool @1 | @3 | sample LOO @1 | @3 | sample unfilled @1 |");
console.log("|---|---|---|---|---|---|---|---|");
blends.forEach((blend, b) => {
  // Sample: leave-one-out over the filled rows, and the unfilled rows with the filled ones present.
  const engine = SuggestionEngine.build({ ...sample, rows: sample.rows.slice() });
  engine.useCategoryModel(undefined, blend);
  const loo = tally();
  const unfilled = tally();
  for (const row of sample.rows) {
    const expected = taxonomyIdOf(row.cells.category?.trim() ? row.cells.category : (gold.get(row.rowNumber) ?? ""));
    if (!expected) continue;
    const ids = engine.suggest(row.rowNumber).category.map((x) => taxonomyIdOf(x.value));
    const t = row.cells.category?.trim() ? loo : unfilled;
    t.n++;
    if (ids[0] === expected) t.at1++;
    if (ids.slice(0, 3).includes(expected)) t.at3++;
  }
  const c = cv[b];
  console.log(`| ${blend.priorRows} | ${blend.floor} | ${blend.full} | ${pct(c.at1, c.n)} | ${pct(c.at3, c.n)} | ${pct(loo.at1, loo.n)} | ${pct(loo.at3, loo.n)} | ${pct(unfilled.at1, unfilled.n)} |`);
});
