/**
 * Word segmentation behind one small interface, so the engine can use real morphology (kuromoji,
 * IPADIC parts of speech) where it has been loaded, and tiny-segmenter (no dictionary, instant)
 * everywhere else, including while the dictionary is still loading in the pane.
 */
import { segment } from "./segment";

export interface MorphToken {
  surface: string;
  /** Dictionary form; the surface when the tokenizer does not know one. */
  baseForm: string;
  /** IPADIC part of speech (名詞, 動詞, 助詞 …); "" when the tokenizer has no parts of speech. */
  pos: string;
  /** IPADIC sub-categories, e.g. ["固有名詞", "人名", "姓"] or ["サ変接続"]; [] when unknown. */
  posDetail: string[];
  /** Offset of the surface in the tokenized text (UTF-16 units), when the tokenizer reports it. */
  start?: number;
  /**
   * False when the word is not in the dictionary and its part of speech is a guess from its script
   * (kuromoji tags every unknown latin word 固有名詞-組織: "UTM", "Tsyss" alike). Undefined without a dictionary.
   */
  known?: boolean;
}

export interface Morphology {
  readonly name: "kuromoji" | "tiny-segmenter";
  tokenize(text: string): MorphToken[];
}

/** The dictionary-free fallback: surfaces only, no parts of speech. */
export const tinySegmenterMorphology: Morphology = {
  name: "tiny-segmenter",
  tokenize(text: string): MorphToken[] {
    let at = 0;
    return segment(text).map((surface) => {
      const start = text.indexOf(surface, at);
      if (start >= 0) at = start + surface.length;
      return { surface, baseForm: surface, pos: "", posDetail: [], start: start >= 0 ? start : undefined };
    });
  },
};

export type ProperNounKind = "person" | "organisation" | "place";

/**
 * The kind of proper noun a token is, when the dictionary knows the word as one (名詞-固有名詞-人名/組織/地域).
 * Unknown words are never reported: their tag is a guess from the script, not knowledge.
 */
export function properNounKind(token: MorphToken): ProperNounKind | undefined {
  if (token.pos !== "名詞" || token.posDetail[0] !== "固有名詞" || token.known === false) return undefined;
  switch (token.posDetail[1]) {
    case "人名":
      return "person";
    case "組織":
      return "organisation";
    case "地域":
      return "place";
    default:
      return undefined;
  }
}

/** A noun that can be part of a searchable compound (not a pronoun, number, suffix of counting, adverb-like noun …). */
export function isContentNoun(token: MorphToken): boolean {
  if (token.pos !== "名詞") return false;
  const d = token.posDetail[0] ?? "";
  return d === "一般" || d === "固有名詞" || d === "サ変接続" || d === "形容動詞語幹" || d === "接尾" || d === "ナイ形容詞語幹";
}
