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
}

export interface Morphology {
  readonly name: "kuromoji" | "tiny-segmenter";
  tokenize(text: string): MorphToken[];
}

/** The dictionary-free fallback: surfaces only, no parts of speech. */
export const tinySegmenterMorphology: Morphology = {
  name: "tiny-segmenter",
  tokenize(text: string): MorphToken[] {
    return segment(text).map((surface) => ({ surface, baseForm: surface, pos: "", posDetail: [] }));
  },
};
