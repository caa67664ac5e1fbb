/**
 * text/ — Japanese text as the engine reads it: normalisation, segmentation and morphology (tiny-segmenter,
 * kuromoji), the glossary of spellings, reply boilerplate, list cells, and key phrases of a text.
 */
// morphology-kuromoji.ts (its own lazy chunk in the pane) and morphology-node.ts (Node's file loader) are
// imported by their paths, so that neither is pulled into every bundle that imports text/.
export * from "./text";
export * from "./segment";
export * from "./morphology";
export * from "./glossary";
export * from "./boilerplate";
export * from "./lists";
export * from "./keyword-quality";
export * from "./keywords";
export * from "./synonyms";
export * from "./search-fold";
export * from "./whole-words";
export * from "./character-pairs";
