/**
 * Public surface of the engine: the UI, the ribbon commands and the CLI import from here only.
 */
export * from "./types";
export { readCaseTable, HEADER_NAMES, headerLookedFor, recognizeHeader } from "./table/table";
export { SuggestionEngine, type BuildOptions } from "./suggest/engine";
export { EngineError, type EngineErrorCode } from "./errors";
export { formatList, parseList, isFaqComplete, detectSeparator, DEFAULT_SEPARATOR } from "./text/lists";
export { TAXONOMY, GUIDEBOOK_CREDIT, MEASURES, CONTACTS, taxonomyItem } from "./guidebook/taxonomy";
export { maskPrivate, PUBLIC_PHONE_NUMBERS, type MaskResult } from "./privacy/privacy";
export { taxonomyIdOf } from "./guidebook/taxonomy-id";
export { evaluate, type EvaluationResult, type EvaluationMode, type EvaluationMiss, type EvaluateOptions } from "./faq/evaluate";
export { tinySegmenterMorphology, type Morphology, type MorphToken } from "./text/morphology";
export { keywordPrecisionRecall, keywordScore, sameKeyword, keywordKey, type KeywordMatch, type KeywordCase, type KeywordScore } from "./text/keyword-quality";
export { type SearchOptions, type SearchResult } from "./search/search";
export { listBacklog, listBacklogAsync, backlogItem, type BacklogItem } from "./faq/backlog";
export {
  checkFaq,
  FaqChecker,
  CHECK_KINDS,
  type CheckKind,
  type CheckProblem,
  type CheckOptions,
  type CellFix,
  type SpellingReference,
} from "./faq/check";
export {
  buildFaqModel,
  renderFaqPage,
  exportFaqPage,
  faqSheetValues,
  type FaqModel,
  type FaqGroup,
  type FaqEntry,
  type FaqGateNote,
  type FaqBuildOptions,
  type FaqPageOptions,
} from "./faq/faq-page";
export { PAGE_TEXT, ROLE_LABEL, MASK_KIND_LABEL, describeProblem, describeGateNote, type FaqLang } from "./faq/faq-text";
