/**
 * suggest/ — suggestions for a case row's FAQ columns: a small orchestrator (engine.ts) over the shared
 * similar-row index (neighbours.ts) and the sheet's vocabulary, with one module per FAQ column.
 */
export * from "./engine";
export * from "./category";
export * from "./references";
export * from "./answer";
export { shippedCategoryModel, CategoryModel, MODEL_VERSION, type CategoryModelFile } from "./classifier";
export { shippedKeywordModel, KeywordModel, KEYWORD_MODEL_VERSION, type KeywordModelFile } from "./keyword-model";
