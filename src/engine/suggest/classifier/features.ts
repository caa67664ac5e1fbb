/**
 * Features of a case for the category model: words and character bi/trigrams of the normalised text.
 * Words come from the subject through whichever `Morphology` is loaded, and from the longer parts as
 * script runs (kanji, katakana, latin stretches) that need no tokenizer: tokenizing every row's body
 * would cost more than everything else the backlog and the search do per row, for no measurable gain
 * in accuracy (docs/quality.md). The n-grams do not depend on any tokenizer at all, so the model stays
 * useful while the pane still runs on tiny-segmenter and kuromoji's dictionary loads.
 */
import { type Morphology, type MorphToken, normalizeText } from "../../text";

export interface TextPart {
  text: string;
  /** How much this part counts (the subject sums the case up, the desk's reply only helps). */
  weight: number;
  /** The case's subject (tokenized even when `words` is "subject"). */
  subject?: boolean;
}

/** A sparse vector: feature name → value. */
export type FeatureVector = Map<string, number>;

export interface FeatureSettings {
  /** Weight of the word block against the character block (each block has unit length first). */
  wordWeight: number;
  /** Longest character n-gram (2 = bigrams only, 3 = bigrams and trigrams). */
  maxGram: number;
  /**
   * Where the word block comes from: the `Morphology`'s tokens, "runs" — maximal stretches of one
   * script (kanji, katakana, latin letters and digits), which need no tokenizer at all — or "subject":
   * the tokenizer for the subject (short, and the most telling), runs for the rest.
   */
  words?: "morphology" | "runs" | "subject";
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = { wordWeight: 0.8, maxGram: 3, words: "subject" };

const HIRAGANA_ONLY = /^[\u3041-\u309fー]+$/;
/** Characters that only separate: punctuation, brackets, symbols and spaces. */
const SEPARATOR = /[\s\p{P}\p{S}]/u;
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const SURROGATE = /[\uD800-\uDFFF]/;
/** IPADIC parts of speech that carry no topic. */
const FUNCTION_POS = new Set(["助詞", "助動詞", "記号", "接続詞", "連体詞", "フィラー", "感動詞"]);

function isHiraganaOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x3041 && c <= 0x309f) || c === 0x30fc)) return false;
  }
  return text.length > 0;
}

function wordOf(token: MorphToken): string | undefined {
  if (token.pos !== "" && FUNCTION_POS.has(token.pos)) return undefined;
  const base = token.pos === "動詞" || token.pos === "形容詞" ? token.baseForm || token.surface : token.surface;
  const word = normalizeText(base);
  if (word === "" || SEPARATOR.test(word)) return undefined;
  // Single kana and short all-hiragana tokens are particles and endings under tiny-segmenter too.
  if (word.length <= 2 && HIRAGANA_ONLY.test(word)) return undefined;
  if (/^\d+$/.test(word)) return undefined;
  return word;
}

function addTo(vector: FeatureVector, key: string, value: number): void {
  vector.set(key, (vector.get(key) ?? 0) + value);
}

/** Character n-grams (2..maxGram) of a stretch without separators; all-hiragana grams say nothing. */
function charGrams(stretch: string, maxGram: number, out: string[]): void {
  const text = stretch.replace(/\d+/g, "0");
  // Code points, not UTF-16 units, but without splitting the (usual) surrogate-free text into an array.
  const chars = SURROGATE.test(text) ? [...text] : undefined;
  const length = chars ? chars.length : text.length;
  for (let n = 2; n <= maxGram; n++) {
    for (let i = 0; i + n <= length; i++) {
      const gram = chars ? chars.slice(i, i + n).join("") : text.substring(i, i + n);
      if (!isHiraganaOnly(gram)) out.push(`c:${gram}`);
    }
  }
}

/** Damped counts (1 + ln tf, so a repeated word does not dominate), then unit length. */
function dampAndNormalise(vector: FeatureVector, scale: number): FeatureVector {
  let norm = 0;
  for (const [key, tf] of vector) {
    const v = tf >= 1 ? 1 + Math.log(tf) : tf;
    vector.set(key, v);
    norm += v * v;
  }
  if (norm > 0) {
    const f = scale / Math.sqrt(norm);
    for (const [key, v] of vector) vector.set(key, v * f);
  }
  return vector;
}

/** Maximal stretches of one script, with the text between them as separate (ignored) tokens. */
const RUN = /[\u3400-\u9fff\uf900-\ufaff々〆ヶ]+|[\u30a0-\u30ffー]+|[A-Za-z0-9][A-Za-z0-9.+#-]*[A-Za-z0-9]|[A-Za-z]|[^\u3400-\u9fff\uf900-\ufaff々〆ヶ\u30a0-\u30ffーA-Za-z0-9]+/g;

function scriptRuns(text: string): MorphToken[] {
  return (text.match(RUN) ?? []).map((surface) => ({ surface, baseForm: surface, pos: "", posDetail: [] }));
}

/** One token of a case as the model sees it: its surface, and its word feature and n-grams (none for particles). */
export interface AnalysedToken {
  surface: string;
  features: string[];
}

export interface AnalysedCase {
  vector: FeatureVector;
  /** Tokens per part, in order (for explaining a suggestion in the client's own words). */
  tokens: AnalysedToken[][];
}

/** Tokenizes each part once and builds the feature vector and the per-token features from it. */
export function analyseCase(parts: readonly TextPart[], morphology: Morphology, settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS): AnalysedCase {
  const chars: FeatureVector = new Map();
  const words: FeatureVector = new Map();
  const tokens: AnalysedToken[][] = [];
  const grams: string[] = [];
  for (const part of parts) {
    const partTokens: AnalysedToken[] = [];
    tokens.push(partTokens);
    if (part.weight <= 0 || part.text.trim() === "") continue;
    grams.length = 0;
    const normalized = normalizeText(part.text);
    for (const stretch of normalized.split(SEPARATORS)) charGrams(stretch, settings.maxGram, grams);
    for (const gram of grams) addTo(chars, gram, part.weight);
    const runsOnly = settings.words === "runs" || (settings.words === "subject" && !part.subject);
    const source = runsOnly ? scriptRuns(part.text.normalize("NFKC")) : morphology.tokenize(part.text.normalize("NFKC"));
    for (const token of source) {
      const word = wordOf(token);
      if (!word) {
        partTokens.push({ surface: token.surface, features: [] });
        continue;
      }
      addTo(words, `w:${word}`, part.weight);
      const features = [`w:${word}`];
      charGrams(word, settings.maxGram, features);
      partTokens.push({ surface: token.surface, features });
    }
  }
  const vector = dampAndNormalise(chars, 1);
  for (const [key, v] of dampAndNormalise(words, settings.wordWeight)) vector.set(key, v);
  return { vector, tokens };
}

export function caseFeatures(parts: readonly TextPart[], morphology: Morphology, settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS): FeatureVector {
  return analyseCase(parts, morphology, settings).vector;
}
