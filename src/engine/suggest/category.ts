/**
 * Category evidence from the case text alone: the learned category model (src/engine/suggest/classifier),
 * and the mapping between sheet spellings and taxonomy ids.
 */
import { analyseCase, shippedCategoryModel, type AnalysedToken, type CategoryModel } from "./classifier";
import { tinySegmenterMorphology, type Morphology } from "../text/morphology";
import { TAXONOMY, taxonomyItem } from "../guidebook/taxonomy";
import { normalizeText } from "../text/text";
import type { TaxonomyItem } from "../types";

export interface PriorScore {
  item: TaxonomyItem;
  probability: number;
  matchedTerms: string[];
}

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

const ID_PREFIX = /^\s*((?:\d{1,2}|他)\s*[-‐－ー−]\s*\d{1,2})(?![\d])/;

/** The taxonomy id a sheet value refers to ("1-9 ワンクリック…" → "1-9"), by prefix or by title. */
export function taxonomyIdOf(value: string): string | undefined {
  const nfkc = value.normalize("NFKC");
  const m = ID_PREFIX.exec(nfkc);
  if (m) {
    const id = m[1].replace(/\s/g, "").replace(/[‐－ー−]/g, "-");
    if (TAXONOMY.some((item) => item.id === id)) return id;
  }
  const key = normalizeText(value);
  if (key.length < 2) return undefined;
  const byTitle = TAXONOMY.find((item) => {
    const title = normalizeText(item.title);
    return title === key || title.includes(key) || key.includes(title);
  });
  return byTitle?.id;
}

/** Key under which votes for the same category meet: the taxonomy id, else the normalised text. */
export function categoryKey(value: string): string {
  return taxonomyIdOf(value) ?? `text:${normalizeText(value)}`;
}
