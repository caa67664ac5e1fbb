/**
 * 案件項目【Mission1】 and 相談内容分類: the learned category model's reading of the case text (classifier/),
 * blended with the votes of similar filled rows as more rows are filled, spelled as the sheet spells it.
 */
import { categoryKey, type PriorScore, TAXONOMY, taxonomyIdOf, taxonomyItem } from "../guidebook";
import { type Morphology, stripBoilerplate, tinySegmenterMorphology } from "../text";
import type { CaseRow, CategoryCandidate, ColumnMap, TaxonomyItem } from "../types";
import { analyseCase, shippedCategoryModel, type AnalysedToken, type CategoryModel } from "./classifier";
import { isFilled, originOf, rowText, toSource, MIN_SHOWN_SIMILARITY, type Neighbour } from "./neighbours";
import type { CategoryRole, SheetVocabulary } from "./vocabulary";

const HIRAGANA_ONLY = /^[\u3041-\u309fー]+$/;
/** A token must push an item up at least this much to be shown as a reason for it. */
const TELLTALE_SCORE = 0.3;

export interface CasePart {
  text: string;
  /** "subject" sums the case up; "reply" is the desk's own answer, which often names the threat. */
  kind: "subject" | "body" | "reply";
}

/**
 * Words of the case that push an item up the most: each token scores its word weight plus its
 * character n-grams, and neighbouring tokens that both point at the item are read as one phrase
 * (tiny-segmenter cuts 誹謗|中傷; the editor should see 誹謗中傷).
 */
function telltaleWords(model: CategoryModel, parts: readonly CasePart[], tokens: readonly AnalysedToken[][], classIndex: number): string[] {
  const scored = new Map<string, number>();
  const flush = (run: { text: string; score: number }) => {
    if ([...run.text].length >= 2 && run.score > (scored.get(run.text) ?? 0)) scored.set(run.text, run.score);
  };
  parts.forEach((part, p) => {
    if (part.kind === "reply") return;
    let run = { text: "", score: 0 };
    for (const token of tokens[p] ?? []) {
      let score = 0;
      for (const feature of token.features) score += model.weightFor(feature, classIndex);
      // Particles and endings (all hiragana) are never a reason, and they end a phrase.
      if (score > TELLTALE_SCORE && !HIRAGANA_ONLY.test(token.surface)) {
        run = { text: run.text + token.surface, score: run.score + score };
      } else {
        flush(run);
        run = { text: "", score: 0 };
      }
    }
    flush(run);
  });
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 8)
    .map(([text]) => text);
}

/**
 * Scores every taxonomy item for a case with the learned model: calibrated probabilities, best first,
 * with the words that pointed at each of the top items. `lowInformation` cases (a few words) use the
 * temperature fitted on subjects alone.
 */
export function modelPrior(
  parts: readonly CasePart[],
  morphology: Morphology = tinySegmenterMorphology,
  model: CategoryModel = shippedCategoryModel(),
  lowInformation = false,
): PriorScore[] {
  const weights = model.settings.partWeights;
  const { vector, tokens } = analyseCase(
    parts.map((p) => ({ text: p.text, weight: weights[p.kind], subject: p.kind === "subject" })),
    morphology,
    model.settings,
  );
  // A thin case gets the temperature fitted on thin inputs, so its confidence stays honest too.
  const ranked = model.predict(vector, lowInformation ? model.shortTemperature : model.temperature);
  return ranked
    .map((p, rank) => {
      const item = taxonomyItem(p.id);
      if (!item) return undefined;
      const matchedTerms = rank < 3 ? telltaleWords(model, parts, tokens, model.classes.indexOf(p.id)) : [];
      return { item, probability: p.probability, matchedTerms };
    })
    .filter((s): s is PriorScore => s !== undefined);
}

/**
 * What a row not yet filed is about, from its subject and body alone (as search reads its candidate
 * rows): taxonomy id → the model's probability.
 */
export function modelReading(row: CaseRow, morphology: Morphology, model: CategoryModel | undefined): Map<string, number> {
  const c = row.cells;
  const parts: CasePart[] = [
    { text: c.subject ?? "", kind: "subject" },
    { text: [c.content, c.consultNote].filter(Boolean).join("\n"), kind: "body" },
  ];
  return new Map(modelPrior(parts, morphology, model).map((s) => [s.item.id, s.probability]));
}

/**
 * How far the sheet's own similar rows outweigh the model: more with more filled rows, and only once
 * the most similar row really resembles the case. Two differently worded cases of the same kind share
 * few character pairs (similarity 0.1–0.3), so below `floor` the rows say nothing the model does not.
 */
export interface CategoryBlend {
  /** The model counts as this many filled rows. */
  priorRows: number;
  /** Best similarity at which the rows start to count … */
  floor: number;
  /** … and at which they get their full weight. */
  full: number;
}

export const DEFAULT_CATEGORY_BLEND: CategoryBlend = { priorRows: 2, floor: 0.15, full: 0.45 };

export function categoryRowsWeight(filledRows: number, bestSimilarity: number, blend: CategoryBlend = DEFAULT_CATEGORY_BLEND): number {
  if (filledRows <= 0 || bestSimilarity <= 0) return 0;
  const closeness = Math.min(1, Math.max(0, (bestSimilarity - blend.floor) / (blend.full - blend.floor)));
  return (filledRows / (filledRows + blend.priorRows)) * closeness;
}

/** Every category id the model can suggest, in taxonomy order. */
export const CATEGORY_IDS: readonly string[] = TAXONOMY.map((item) => item.id);

const VOTERS = 7;
/** Fewer meaningful characters than this and the case says too little to suggest with confidence. */
const LOW_INFORMATION_CHARS = 14;
/**
 * A category is never shown as certain: even the held-out reliability table's top bin (80–100% shown)
 * is wrong now and then, and "100%" would tell the editor not to look.
 */
const MAX_SHOWN_CONFIDENCE = 0.99;
/** Below this, the model is too unsure of the case's category to pick its advice and contacts. */
const MIN_TOPIC_PROBABILITY = 0.25;

function informativeLength(text: string): number {
  const m = text.normalize("NFKC").match(/[\u3400-\u9fff\u30a0-\u30ffA-Za-z]/g);
  return m ? m.length : 0;
}

export interface CategoryInput {
  row: CaseRow;
  /** Similar filled rows, most similar first. */
  neighbours: Neighbour[];
  vocabulary: SheetVocabulary;
  columns: ColumnMap;
}

export interface CategoryReading {
  /** The model's reading of the case text, every taxonomy item, most probable first. */
  prior: PriorScore[];
  /** The case says too little to suggest with confidence (its other columns are damped by `damp`). */
  lowInformation: boolean;
  damp: number;
  category: CategoryCandidate[];
  classification: CategoryCandidate[];
}

/** Both category columns' suggestions for a case, and the model reading they came from. */
export function readCategories(
  input: CategoryInput,
  morphology: Morphology,
  model: CategoryModel | undefined,
  blend: CategoryBlend = DEFAULT_CATEGORY_BLEND,
): CategoryReading {
  const { row } = input;
  const { title, body } = rowText(row);
  const lowInformation = informativeLength(`${title}${body}`) < LOW_INFORMATION_CHARS;
  const prior = modelPrior(
    [
      { text: title, kind: "subject" },
      { text: body, kind: "body" },
      { text: [stripBoilerplate(row.cells.response ?? ""), row.cells.followUp ?? ""].filter(Boolean).join("\n"), kind: "reply" },
    ],
    morphology,
    model,
    lowInformation,
  );
  const damp = lowInformation ? 0.4 : 1;
  // Category confidences are calibrated (thin cases have their own temperature): not damped again.
  const category = rankCategory("category", input, prior, blend);
  const classification = rankCategory("classification", input, prior, blend);
  return { prior, damp, lowInformation, category, classification };
}

function rankCategory(
  role: CategoryRole,
  { row, neighbours, vocabulary, columns }: CategoryInput,
  prior: PriorScore[],
  blend: CategoryBlend,
): CategoryCandidate[] {
  if (columns[role] === undefined) return [];
  const voters = neighbours.filter((n) => isFilled(n.row, role)).slice(0, VOTERS);
  const alpha = categoryRowsWeight(vocabulary.filledExcept(role, row), voters[0]?.similarity ?? 0, blend);
  const own = (row.cells[role] ?? "").trim() || undefined;

  const knn = new Map<string, { score: number; voters: Neighbour[]; spelling: string }>();
  let knnTotal = 0;
  for (const voter of voters) {
    const value = (voter.row.cells[role] ?? "").trim();
    const key = categoryKey(value);
    // Only what a row shares with the case beyond the floor counts: loosely similar rows do not vote.
    const weight = Math.max(0, voter.similarity - blend.floor) ** 2;
    if (weight <= 0) continue;
    const entry = knn.get(key) ?? { score: 0, voters: [], spelling: value };
    entry.score += weight;
    entry.voters.push(voter);
    knn.set(key, entry);
    knnTotal += weight;
  }

  const keys = new Set<string>([...knn.keys(), ...prior.map((p) => p.item.id)]);
  const priorById = new Map(prior.map((p) => [p.item.id, p]));
  const candidates: (CategoryCandidate & { key: string })[] = [];
  for (const key of keys) {
    const fromRows = knnTotal > 0 ? (knn.get(key)?.score ?? 0) / knnTotal : 0;
    const p = priorById.get(key);
    const fromGuide = p ? p.probability : 0;
    const rowsShare = alpha * fromRows;
    const guideShare = (1 - alpha) * fromGuide;
    const probability = rowsShare + guideShare;
    const item = taxonomyItem(key);
    const value = item
      ? (vocabulary.categorySpelling(role, key, own) ?? item.label)
      : (vocabulary.categorySpelling(role, key, own) ?? knn.get(key)?.spelling ?? key);
    candidates.push({
      key,
      value,
      confidence: Math.round(Math.min(probability, MAX_SHOWN_CONFIDENCE) * 1000) / 1000,
      origin: originOf(rowsShare, guideShare),
      sources: (knn.get(key)?.voters ?? []).filter((v) => v.similarity >= MIN_SHOWN_SIMILARITY).map(toSource),
      matchedTerms: p ? p.matchedTerms.slice(0, 8) : [],
    });
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  return candidates.slice(0, 3).map(({ key: _key, ...candidate }) => candidate);
}

/** The guidebook item of the most likely category, else of the model's reading when it is sure enough. */
export function topTaxonomyItem(
  category: CategoryCandidate[],
  classification: CategoryCandidate[],
  prior: PriorScore[],
): TaxonomyItem | undefined {
  for (const candidate of [...category, ...classification]) {
    const id = taxonomyIdOf(candidate.value);
    if (id) return taxonomyItem(id);
  }
  return prior[0] && prior[0].probability >= MIN_TOPIC_PROBABILITY ? prior[0].item : undefined;
}
