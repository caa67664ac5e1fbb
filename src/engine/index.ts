/**
 * Public surface of the engine: the UI, the ribbon commands and the CLI import from here only.
 * Each capability's folder has its own index.ts; docs/architecture.md says which folder may import which.
 */
export * from "./types";
export { readCaseTable, HEADER_NAMES, headerLookedFor, recognizeHeader } from "./table";
export { SuggestionEngine, yieldToHost, MODEL_VERSION, KEYWORD_MODEL_VERSION, type BuildOptions } from "./suggest";
export { EngineError, type EngineErrorCode } from "./errors";
export { formatList, parseList, isFaqComplete, detectSeparator, DEFAULT_SEPARATOR } from "./text";
export { TAXONOMY, GUIDEBOOK_CREDIT, MEASURES, CONTACTS, taxonomyItem } from "./guidebook";
export { detectPrivate, PLACEHOLDER, PLACEHOLDERS, PUBLIC_PHONE_NUMBERS, type PrivacyFinding, type PrivacyResult } from "./privacy";
export { taxonomyIdOf } from "./guidebook";
export { evaluate, type EvaluationResult, type EvaluationMode, type EvaluationMiss, type EvaluateOptions } from "./faq";
export {
  QualityRun,
  evaluateQuality,
  qualitySentence,
  answerCoverage,
  MIN_ROWS_FOR_SENTENCE,
  type QualityFigures,
  type QualityProgress,
  type ColumnFigure,
  type RankFigure,
  type ListFigure,
  type CoverageFigure,
} from "./faq";
export { poolCaseTables, pooledRow, pooledRowOf, sheetRowOf, POOL_STRIDE, type CasePool, type SheetRow } from "./table";
export { tinySegmenterMorphology, type Morphology, type MorphToken } from "./text";
export { keywordPrecisionRecall, keywordScore, sameKeyword, keywordKey, type KeywordMatch, type KeywordCase, type KeywordScore } from "./text";
export { type SearchOptions, type SearchResult } from "./search";
export { listBacklog, listBacklogAsync, backlogItem, type BacklogItem } from "./faq";
export {
  checkFaq,
  FaqChecker,
  CHECK_KINDS,
  type CheckKind,
  type CheckProblem,
  type CheckOptions,
  type CellFix,
  type SpellingReference,
} from "./faq";
export {
  buildFaqModel,
  buildFaqModelInSlices,
  renderFaqPage,
  exportFaqPage,
  faqSheetValues,
  type FaqModel,
  type FaqGroup,
  type FaqEntry,
  type FaqGateNote,
  type FaqBuildOptions,
  type FaqPageOptions,
} from "./faq";
export { PAGE_TEXT, ROLE_LABEL, MASK_KIND_LABEL, describeProblem, describeGateNote, type FaqLang } from "./faq";
