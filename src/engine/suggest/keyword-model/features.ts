/**
 * Keyword candidates of a case and what is known about each, as numbers a linear scorer can weigh.
 *
 * Candidates come from three places: the case's own words (compounds, taxonomy terms and similar
 * rows' keywords it uses, folded to the glossary's spelling by `keywordCandidates`); the editors'
 * vocabulary (every tag editors gave the training cases) when the case's likely categories use it,
 * when the case contains it, or when most of its parts are in the case; and the similar filled rows'
 * keyword cells (the desk's own vocabulary).
 *
 * The features are the same at training time (scripts/train-keyword-model.ts, on the outside corpus's
 * tuning part) and at run time, so what the scorer learnt carries over.
 */
import { foldSpelling, glossaryEntry, isCutWord, keywordCandidates, type KeywordContext, keywordKey, normalizeText } from "../../text";


/** What the editors of the training cases did with a term. */
export interface TermStats {
  /** As editors spell it (the most used spelling). */
  term: string;
  /** Training cases whose editors gave this tag. */
  used: number;
  /** Training cases whose text contains it (after glossary folding). */
  present: number;
  /** … and whose editors gave it. */
  usedPresent: number;
  /** Category id → training cases of that category whose editors gave it. */
  byCategory: Record<string, number>;
}

export interface Vocabulary {
  /** Category id → its training cases. */
  categoryCases: Record<string, number>;
  /** keywordKey(term) → what editors did with it. */
  terms: ReadonlyMap<string, TermStats>;
}

export interface CategoryBelief {
  id: string;
  probability: number;
}

export const FEATURE_NAMES = [
  "bias",
  "caseScore",
  "fromCase",
  "inSubject",
  "inContent",
  "categoryShare",
  "categoryShareTop",
  "categoryShareInText",
  "usedWhenPresent",
  "presentCases",
  "editorUses",
  "unseen",
  "glossaryTerm",
  "taxonomyTerm",
  "short",
  "long",
  "latinOrKatakana",
  "partsPresent",
  "insideLonger",
  "shareTimesPartsPresent",
  "subjectCaseWord",
  "threatInText",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface Candidate {
  key: string;
  display: string;
  features: number[];
  /** Similarity weight of the similar filled rows that gave this keyword (0 when none did). */
  fromRows: number;
}

/** Sub-words of a term that can be looked for in the text (不正ログイン → 不正, ログイン). */
function partsOf(key: string): string[] {
  const out: string[] = [];
  for (const piece of key.match(/[\u3400-\u9fff々〆ヶ]+|[\u30a0-\u30ffー]+|[a-z0-9]+/g) ?? []) {
    if (/^[\u3400-\u9fff々〆ヶ]+$/.test(piece) && piece.length >= 4) {
      // Kanji compounds are mostly two-character words: 個人情報漏洩 → 個人, 情報, 漏洩.
      for (let i = 0; i < piece.length; i += 2) out.push(piece.slice(i, i + 2));
    } else out.push(piece);
  }
  return out.filter((p) => p.length >= 2);
}

export interface CaseInput {
  title: string;
  body: string;
  categories: readonly CategoryBelief[];
  context: KeywordContext;
}

/** Longer tags are names of programmes or phrases (サイバーセキュリティ対策促進助成金), not search words. */
export const MAX_LENGTH = 12;

/** A category other than the first must be at least this likely for its usual tags to be candidates. */
const LIKELY_CATEGORY = 0.3;

/** Below this share, partly present vocabulary terms are not candidates (too many otherwise). */
const MIN_PARTS_PRESENT = 0.5;

export function caseCandidates(input: CaseInput, vocabulary: Vocabulary): Candidate[] {
  const { title, body, categories, context } = input;
  // The sheet's word rarity is left out: the scorer was trained without a sheet around the case.
  const fromCase = keywordCandidates(title, body, { ...context, idf: () => 1, threatTerms: undefined });
  const subjectText = keywordKey(title);
  const contentText = keywordKey(body);
  const haystack = `${subjectText}\n${contentText}`;

  const keys = new Map<string, string>();
  for (const display of fromCase.display.values()) keys.set(keywordKey(display), display);
  for (const [key, stats] of vocabulary.terms) {
    if (keys.has(key)) continue;
    // A tag of a less likely category is off topic unless the case says it (不正送金 on an SNS takeover);
    // one whose parts the case has must still be a tag of a category the case may be (not 違法コピー on
    // a fake shop that "copied" a site, nor 迷惑メール on a defamation case that is a nuisance).
    const inLikely = categories.some((c, rank) => (rank === 0 || c.probability >= LIKELY_CATEGORY) && (stats.byCategory[c.id] ?? 0) > 0);
    if (inLikely || haystack.includes(key)) keys.set(key, stats.term);
    else if (categories.some((c) => (stats.byCategory[c.id] ?? 0) > 0)) {
      const parts = partsOf(key);
      if (parts.length >= 2 && parts.filter((p) => haystack.includes(p)).length / parts.length >= MIN_PARTS_PRESENT) keys.set(key, stats.term);
    }
  }
  for (const [term, weight] of context.neighbourVocabulary) {
    const key = keywordKey(term);
    if (!keys.has(key) && weight > 0) keys.set(key, foldSpelling(term));
  }
  const rowWeight = new Map<string, number>();
  for (const [term, weight] of context.neighbourVocabulary) {
    const key = keywordKey(term);
    rowWeight.set(key, Math.max(rowWeight.get(key) ?? 0, weight));
  }
  const caseScore = new Map<string, number>();
  for (const [key, score] of fromCase.scores) {
    const k = keywordKey(fromCase.display.get(key) ?? key);
    caseScore.set(k, Math.max(caseScore.get(k) ?? 0, score));
  }
  const dictionary = new Set(context.dictionary.map(keywordKey));
  const literal = [...keys.keys()].filter((k) => haystack.includes(k));

  const out: Candidate[] = [];
  for (const [key, display] of keys) {
    if (key.length < 2 || key.length > MAX_LENGTH || fromCase.isName(normalizeText(key))) continue;
    const stats = vocabulary.terms.get(key);
    // A word of the case cut out of a longer one (電話帳ナビAp) is no search word; known words are whole.
    if (!stats && !rowWeight.has(key) && !dictionary.has(key) && !glossaryEntry(display) && isCutWord(key, haystack)) continue;
    const inSubject = subjectText.includes(key) ? 1 : 0;
    const inContent = contentText.includes(key) ? 1 : 0;
    let share = 0;
    let shareTop = 0;
    categories.forEach((c, rank) => {
      const s = ((stats?.byCategory[c.id] ?? 0) / ((vocabulary.categoryCases[c.id] ?? 0) + 1)) * c.probability;
      share += s;
      if (rank === 0) shareTop = s;
    });
    const parts = partsOf(key);
    const partsPresent = inSubject || inContent ? 1 : parts.length > 0 ? parts.filter((p) => haystack.includes(p)).length / parts.length : 0;
    const values: Record<FeatureName, number> = {
      bias: 1,
      caseScore: Math.log1p(caseScore.get(key) ?? 0),
      fromCase: caseScore.has(key) ? 1 : 0,
      inSubject,
      inContent,
      categoryShare: share,
      categoryShareTop: shareTop,
      categoryShareInText: inSubject || inContent ? share : 0,
      usedWhenPresent: stats && stats.present > 0 && (inSubject || inContent) ? stats.usedPresent / (stats.present + 1) : 0,
      presentCases: Math.log1p(stats?.present ?? 0),
      editorUses: Math.log1p(stats?.used ?? 0),
      unseen: stats ? 0 : 1,
      glossaryTerm: glossaryEntry(display) ? 1 : 0,
      taxonomyTerm: dictionary.has(key) ? 1 : 0,
      short: key.length <= 2 ? 1 : 0,
      long: key.length >= 8 ? 1 : 0,
      latinOrKatakana: /^[a-z0-9\u30a0-\u30ffー・. -]+$/.test(key) ? 1 : 0,
      partsPresent,
      insideLonger: literal.some((other) => other !== key && other.includes(key)) ? 1 : 0,
      shareTimesPartsPresent: share * partsPresent,
      subjectCaseWord: inSubject && caseScore.has(key) ? 1 : 0,
      threatInText: (inSubject || inContent) && glossaryEntry(display)?.kind === "threat" ? 1 : 0,
    };
    out.push({ key, display, features: FEATURE_NAMES.map((name) => values[name]), fromRows: rowWeight.get(key) ?? 0 });
  }
  return out;
}
