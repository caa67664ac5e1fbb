/**
 * The shipped keyword scorer, loaded once on first use (the JSON is part of the bundle and the CLI).
 */
import modelFile from "./keyword-model.json";
import { KeywordModel, type KeywordModelFile } from "./model";

let shipped: KeywordModel | undefined;

export function shippedKeywordModel(): KeywordModel {
  if (!shipped) shipped = KeywordModel.load(modelFile as unknown as KeywordModelFile);
  return shipped;
}

export { KeywordModel, KEYWORD_MODEL_FORMAT, KEYWORD_MODEL_VERSION, selectKeywords, type KeywordModelFile, type ScoredKeyword, type Selection } from "./model";
export { caseCandidates, FEATURE_NAMES, type CategoryBelief, type Vocabulary } from "./features";
