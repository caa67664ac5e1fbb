/**
 * The learned keyword scorer at run time: a logistic regression over `caseCandidates`' features and
 * the editors' vocabulary it was trained with, shipped as src/engine/suggest/keyword-model/keyword-model.json
 * (written by `npm run train:keywords`). A candidate's score is the probability that an editor would
 * publish it; the keywords offered are those above the threshold, at least `minKeywords` and at most
 * `maxKeywords`, most telling first (threshold and counts chosen by cross-validation on the tuning part).
 */
import { keywordKey } from "../../text";
import { caseCandidates, FEATURE_NAMES, MAX_LENGTH, type CaseInput, type TermStats, type Vocabulary } from "./features";

export const KEYWORD_MODEL_FORMAT = "faq-assist/keyword-model";
export const KEYWORD_MODEL_VERSION = 1;

export interface Selection {
  threshold: number;
  minKeywords: number;
  maxKeywords: number;
}

export interface KeywordModelFile {
  format: typeof KEYWORD_MODEL_FORMAT;
  version: number;
  about: Record<string, unknown>;
  /** Feature name → weight (log-odds). */
  weights: Record<string, number>;
  /** Added to the log-odds per unit of similar rows' weight for a keyword those rows gave. */
  rowsWeight: number;
  selection: Selection;
  categoryCases: Record<string, number>;
  /** [term, used, present, usedPresent, {category: count}] */
  terms: [string, number, number, number, Record<string, number>][];
}

export interface ScoredKeyword {
  keyword: string;
  probability: number;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export class KeywordModel {
  readonly vocabulary: Vocabulary;
  readonly selection: Selection;
  private readonly weights: number[];
  private readonly rowsWeight: number;

  private constructor(file: KeywordModelFile) {
    const terms = new Map<string, TermStats>();
    for (const [term, used, present, usedPresent, byCategory] of file.terms) terms.set(keywordKey(term), { term, used, present, usedPresent, byCategory });
    this.vocabulary = { categoryCases: file.categoryCases, terms };
    this.weights = FEATURE_NAMES.map((name) => file.weights[name] ?? 0);
    this.rowsWeight = file.rowsWeight;
    this.selection = file.selection;
  }

  static load(file: KeywordModelFile): KeywordModel {
    if (file.format !== KEYWORD_MODEL_FORMAT || file.version !== KEYWORD_MODEL_VERSION) {
      throw new Error(`Not a keyword model this engine can read (${String(file.format)} v${String(file.version)}).`);
    }
    return new KeywordModel(file);
  }

  /** Every candidate with its probability, most probable first. */
  score(input: CaseInput): ScoredKeyword[] {
    return caseCandidates(input, this.vocabulary)
      .map((c) => {
        let z = c.fromRows * this.rowsWeight;
        for (let i = 0; i < this.weights.length; i++) z += this.weights[i] * c.features[i];
        return { keyword: c.display, probability: sigmoid(z), key: c.key };
      })
      .sort((a, b) => b.probability - a.probability || b.key.length - a.key.length || (a.key < b.key ? -1 : 1))
      .map(({ keyword, probability }) => ({ keyword, probability }));
  }

  /**
   * The tags editors usually give a category: used by at least 2 and a quarter of its training cases,
   * together with `more` cases (e.g. a sheet's own filled rows of that category and their tags).
   */
  categoryTags(id: string, more: { cases: number; tags: ReadonlyMap<string, { term: string; count: number }> } = { cases: 0, tags: new Map() }): { term: string; share: number }[] {
    const cases = (this.vocabulary.categoryCases[id] ?? 0) + more.cases;
    const counts = new Map<string, { term: string; count: number }>();
    for (const [key, stats] of this.vocabulary.terms) {
      const count = stats.byCategory[id] ?? 0;
      if (count > 0) counts.set(key, { term: stats.term, count });
    }
    for (const [key, { term, count }] of more.tags) {
      const k = keywordKey(key);
      counts.set(k, { term: counts.get(k)?.term ?? term, count: (counts.get(k)?.count ?? 0) + count });
    }
    const out: { term: string; share: number }[] = [];
    for (const { term, count } of counts.values()) {
      if (count >= 2 && count / cases >= 0.25 && term.length <= MAX_LENGTH) out.push({ term, share: count / cases });
    }
    return out.sort((a, b) => b.share - a.share || (a.term < b.term ? -1 : 1));
  }

  /** The keywords to offer. */
  suggest(input: CaseInput, selection: Selection = this.selection): string[] {
    return selectKeywords(this.score(input), selection);
  }
}

/** Above the threshold, at least `minKeywords`, at most `maxKeywords`; the same keyword once. */
export function selectKeywords(ranked: readonly ScoredKeyword[], selection: Selection): string[] {
  const chosen: string[] = [];
  const keys: string[] = [];
  for (const { keyword, probability } of ranked) {
    if (chosen.length >= selection.maxKeywords) break;
    if (probability < selection.threshold && chosen.length >= selection.minKeywords) break;
    const key = keywordKey(keyword);
    if (keys.includes(key)) continue;
    chosen.push(keyword);
    keys.push(key);
  }
  return chosen;
}
