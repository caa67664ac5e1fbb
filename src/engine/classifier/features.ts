/**
 * Features of a case for the category model: word tokens (from whichever `Morphology` is loaded) and
 * character bi/trigrams of the normalised text. The n-grams do not depend on the tokenizer, so the
 * model stays useful while the pane still runs on tiny-segmenter and kuromoji's dictionary loads.
 */
import type { Morphology, MorphToken } from "../morphology";
import { normalizeText } from "../text";

export interface TextPart {
  text: string;
  /** How much this part counts (the subject sums the case up, the desk's reply only helps). */
  weight: number;
}

/** A sparse vector: feature name → value. */
export type FeatureVector = Map<string, number>;

export interface FeatureSettings {
  /** Weight of the word block against the character block (each block has unit length first). */
  wordWeight: number;
  /** Longest character n-gram (2 = bigrams only, 3 = bigrams and trigrams). */
  maxGram: number;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = { wordWeight: 0.8, maxGram: 3 };

const HIRAGANA_ONLY = /^[\u3041-\u309fー]+$/;
/** Characters that only separate: punctuation, brackets, symbols and spaces. */
const SEPARATOR = /[\s\p{P}\p{S}]/u;
/** IPADIC parts of speech that carry no topic. */
const FUNCTION_POS = new Set(["助詞", "助動詞", "記号", "接続詞", "連体詞", "フィラー", "感動詞"]);

function wordOf(token: MorphToken): string | undefined {
  if (token.pos !== "" && FUNCTION_POS.has(token.pos)) return undefined;
  const base = token.pos === "動詞" || token.pos === "形容詞" ? token.baseForm || token.surface : token.surface;
  const word = normalizeText(base);
  if (word === "" || SEPARATOR.test(word)) return undefined;
  // Single kana and short all-hiragana tokens are particles and endings under tiny-segmenter too.
  if (HIRAGANA_ONLY.test(word) && word.length <= 2) return undefined;
  if (/^\d+$/.test(word)) return undefined;
  return word;
}

function addTo(vector: FeatureVector, key: string, value: number): void {
  vector.set(key, (vector.get(key) ?? 0) + value);
}

/** Character n-grams of one stretch of text without separators; all-hiragana grams say nothing. */
function addCharGrams(vector: FeatureVector, text: string, weight: number, maxGram: number): void {
  for (const stretch of text.split(SEPARATOR)) {
    const chars = [...stretch.replace(/\d+/g, "0")];
    for (let n = 2; n <= maxGram; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const gram = chars.slice(i, i + n).join("");
        if (HIRAGANA_ONLY.test(gram)) continue;
        addTo(vector, `c:${gram}`, weight);
      }
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

export function caseFeatures(parts: readonly TextPart[], morphology: Morphology, settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS): FeatureVector {
  const chars: FeatureVector = new Map();
  const words: FeatureVector = new Map();
  for (const part of parts) {
    if (part.weight <= 0 || part.text.trim() === "") continue;
    const text = normalizeText(part.text);
    addCharGrams(chars, text, part.weight, settings.maxGram);
    for (const token of morphology.tokenize(part.text.normalize("NFKC"))) {
      const word = wordOf(token);
      if (word) addTo(words, `w:${word}`, part.weight);
    }
  }
  const vector = dampAndNormalise(chars, 1);
  for (const [key, v] of dampAndNormalise(words, settings.wordWeight)) vector.set(key, v);
  return vector;
}

/**
 * The tokens of a text in order, with the features the model sees for each (none for particles and
 * punctuation), for explaining a suggestion in the client's own words.
 */
export function explainableWords(text: string, morphology: Morphology, maxGram = 3): { surface: string; features: string[] }[] {
  return morphology.tokenize(text.normalize("NFKC")).map((token) => {
    const word = wordOf(token);
    if (!word) return { surface: token.surface, features: [] };
    const features = [`w:${word}`];
    const chars = [...word.replace(/\d+/g, "0")];
    for (let n = 2; n <= maxGram; n++) for (let i = 0; i + n <= chars.length; i++) features.push(`c:${chars.slice(i, i + n).join("")}`);
    return { surface: token.surface, features };
  });
}
