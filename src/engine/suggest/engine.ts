/**
 * The suggestion engine: learns a sheet's filled rows once (the shared `Neighbours` index and the
 * sheet's vocabulary), then, for one case row, asks each FAQ column's own module for its suggestion.
 * It only orchestrates: how a column is ranked lives in that column's module (category.ts,
 * keywords.ts, countermeasures.ts, references.ts, answer.ts).
 */
import { taxonomyIdOf } from "../guidebook";
import { rowPrivateNames } from "../privacy";
import { CaseSearchIndex, type SearchOptions, type SearchResult } from "../search";
import { tinySegmenterMorphology, type Morphology } from "../text";
import { EngineError } from "../errors";
import { FAQ_ROLES, type BuildProgress, type CaseRow, type CaseTable, type FaqRole, type RowSuggestions } from "../types";
import { draftAnswer, suggestAnswer } from "./answer";
import { DEFAULT_CATEGORY_BLEND, modelReading, readCategories, topTaxonomyItem, type CategoryBlend, type CategoryReading } from "./category";
import type { CategoryModel } from "./classifier";
import type { ColumnInput } from "./column-input";
import { suggestCountermeasures } from "./countermeasures";
import type { KeywordModel } from "./keyword-model";
import { KeywordColumn } from "./keywords";
import { isFilled, MIN_SHOWN_SIMILARITY, Neighbours, toSource, type Neighbour } from "./neighbours";
import { referenceKey, suggestReferences } from "./references";
import { readSituation } from "./situation";
import { itemKey, SheetVocabulary, type CategoryRole } from "./vocabulary";

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  signal?: AbortSignal;
}

/** Rows handled between two yields to the host in `buildAsync` (a few ms each on a slow laptop). */
const CHUNK_ROWS = 1500;
/** Background search indexing: rows per step and the longest stretch before yielding to the pane. */
const SEARCH_STEP_ROWS = 100;
const SEARCH_SLICE_MS = 12;
const SEARCH_PROGRESS_MS = 250;

/** Lets the host (the task pane) paint and handle input before the next chunk of work. Shared by every chunked loop. */
export function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * Characters of a cell (or a query) the engine analyses at most: a consultation is a few thousand;
 * a pasted megabyte froze the pane, and 6 MB of 「。」 in one cell took 23 s per suggestion. The rest
 * of such a cell is not read for suggestions or search (the privacy detector reads published text
 * in full, up to its own limit).
 */
export const ANALYSED_TEXT_LIMIT = 20_000;

const ANALYSED_ROLES = ["subject", "content", "consultNote", "response", "followUp"] as const;

/** The row as the engine analyses it: the same object unless an input cell is longer than the limit. */
function analysedRow(row: CaseRow): CaseRow {
  if (!ANALYSED_ROLES.some((role) => (row.cells[role]?.length ?? 0) > ANALYSED_TEXT_LIMIT)) return row;
  const cells = { ...row.cells };
  for (const role of ANALYSED_ROLES) {
    const value = cells[role];
    if (value !== undefined && value.length > ANALYSED_TEXT_LIMIT) cells[role] = value.slice(0, ANALYSED_TEXT_LIMIT);
  }
  return { rowNumber: row.rowNumber, cells };
}

export class SuggestionEngine {
  readonly table: CaseTable;
  private readonly neighbours = new Neighbours();
  private readonly vocabulary = new SheetVocabulary({ keywords: itemKey, countermeasures: itemKey, references: referenceKey });
  private readonly keywords = new KeywordColumn(this.neighbours, this.vocabulary);
  /** Word segmentation for the selected row: tiny-segmenter until kuromoji's dictionary has loaded. */
  private morphology: Morphology = tinySegmenterMorphology;
  /** The learned category model (the shipped one unless an evaluation swaps in another) and its blend with similar rows. */
  private categoryModel: CategoryModel | undefined;
  private categoryBlend: CategoryBlend = DEFAULT_CATEGORY_BLEND;

  /** Every case row, for search; filled on the first search or by `prepareSearch`. */
  private caseIndex?: CaseSearchIndex;

  private constructor(table: CaseTable) {
    this.table = { ...table, rows: table.rows.map(analysedRow) };
  }

  static build(table: CaseTable): SuggestionEngine {
    const engine = new SuggestionEngine(table);
    for (const row of engine.table.rows) engine.learn(row, 1, false);
    engine.neighbours.refreshNorms();
    return engine;
  }

  static async buildAsync(table: CaseTable, options: BuildOptions = {}): Promise<SuggestionEngine> {
    const engine = new SuggestionEngine(table);
    const total = table.rows.length;
    options.onProgress?.({ done: 0, total });
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      if (options.signal?.aborted) throw new EngineError("aborted", "Engine build was cancelled.");
      const end = Math.min(total, start + CHUNK_ROWS);
      for (let i = start; i < end; i++) engine.learn(engine.table.rows[i], 1, false);
      options.onProgress?.({ done: end, total });
      await yieldToHost();
    }
    if (options.signal?.aborted) throw new EngineError("aborted", "Engine build was cancelled.");
    engine.neighbours.refreshNorms();
    return engine;
  }

  /** Learns a row after a write-back or sheet edit; the next `suggest` uses it at once. */
  updateRow(row: CaseRow): void {
    const previous = this.neighbours.rows.get(row.rowNumber);
    if (previous) this.learn(previous, -1, true);
    const copy: CaseRow = analysedRow({ rowNumber: row.rowNumber, cells: { ...row.cells } });
    this.learn(copy, 1, true);
    this.caseIndex?.update(copy);
    const rows = this.table.rows;
    const at = rows.findIndex((r) => r.rowNumber >= row.rowNumber);
    if (at >= 0 && rows[at].rowNumber === row.rowNumber) rows[at] = copy;
    else if (at >= 0) rows.splice(at, 0, copy);
    else rows.push(copy);
    if (copy.rowNumber > this.table.lastRow) this.table.lastRow = copy.rowNumber;
  }

  /** The search index over every case row, created (empty, filled step by step) on first use. */
  private searchIndex(): CaseSearchIndex {
    this.caseIndex ??= new CaseSearchIndex(
      this.table.rows,
      this.table.columns,
      (text) => this.categoriesOfText(text),
      (row) => modelReading(row, this.morphology, this.categoryModel),
    );
    return this.caseIndex;
  }

  /** Past cases (every case row, filled or not) most similar to `query`, best first. See search.ts. */
  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.searchIndex().search(query.slice(0, ANALYSED_TEXT_LIMIT), options);
  }

  /** What a free text is about, as the suggestions would file it: taxonomy id → confidence. */
  private categoriesOfText(text: string): Map<string, number> | undefined {
    const { category, classification } = this.readCategories({ rowNumber: 0, cells: { content: text } });
    const about = new Map<string, number>();
    for (const candidate of category.length > 0 ? category : classification) {
      const id = taxonomyIdOf(candidate.value);
      if (id && !about.has(id)) about.set(id, candidate.confidence);
    }
    return about.size > 0 ? about : undefined;
  }

  /** Indexes every case row for search in chunks, yielding to the host between them (for the pane). */
  async prepareSearch(options: BuildOptions = {}): Promise<void> {
    const index = this.searchIndex();
    // Runs in the background while the editor clicks rows: slices are bounded in time, not rows, so a
    // selection's reads and its suggestion (several hops through the event loop) never queue behind
    // a long slice. With 1,500-row chunks a click right after opening 10,000 rows waited 1.2 s.
    // Progress is reported a few times a second, not per slice: each report repaints the pane.
    let reportedAt = 0;
    for (;;) {
      const sliceStart = Date.now();
      let done = false;
      while (!done && Date.now() - sliceStart < SEARCH_SLICE_MS) done = index.step(SEARCH_STEP_ROWS);
      if (done) break;
      if (options.signal?.aborted) throw new EngineError("aborted", "Search indexing was cancelled.");
      if (sliceStart - reportedAt >= SEARCH_PROGRESS_MS) {
        reportedAt = sliceStart;
        options.onProgress?.({ done: index.indexed, total: index.total });
      }
      await yieldToHost();
    }
    options.onProgress?.({ done: index.total, total: index.total });
  }

  /** Values for a category column: the sheet's own first (most used first), then taxonomy labels. */
  categoryOptions(role: CategoryRole): string[] {
    return this.vocabulary.categoryOptions(role);
  }

  /**
   * Switches the word segmentation used from the next `suggest` on (the pane sets kuromoji once its
   * dictionary has loaded). Only the selected row is ever tokenized, so nothing is rebuilt.
   */
  setMorphology(morphology: Morphology): void {
    this.morphology = morphology;
  }

  /** For evaluation: another category model (e.g. one trained without a fold) or blend. */
  useCategoryModel(model: CategoryModel | undefined, blend: CategoryBlend = DEFAULT_CATEGORY_BLEND): void {
    this.categoryModel = model;
    this.categoryBlend = blend;
  }

  /** Replaces the keyword scorer (tests and experiments: e.g. one trained without the case scored). */
  setKeywordModel(model: KeywordModel): void {
    this.keywords.model = model;
  }

  /** Which segmentation `suggest` uses now. */
  get morphologyName(): Morphology["name"] {
    return this.morphology.name;
  }

  /** Number of rows with each FAQ column filled. */
  filledCounts(): Record<FaqRole, number> {
    return this.vocabulary.filledCounts();
  }

  private learn(row: CaseRow, sign: 1 | -1, single: boolean): void {
    if (isFilled(row, "keywords")) this.keywords.changed();
    const filled = this.vocabulary.learn(row, sign);
    this.neighbours.learn(row, sign, filled, single);
  }

  /** The most similar filled rows (any FAQ column), best first, never the row itself. */
  similarRows(row: CaseRow, limit?: number): Neighbour[] {
    return this.neighbours.similarRows(row, limit);
  }

  suggest(rowNumber: number): RowSuggestions {
    const row = this.caseRow(rowNumber);
    // Every name the row reveals, in any cell, is kept out of its keywords and masked in its draft.
    const names = rowPrivateNames(row, this.morphology);
    const neighbours = this.neighbours.similarRows(row);
    const { prior, damp, lowInformation, category, classification } = this.readCategories(row, neighbours);
    const input: ColumnInput = {
      row,
      neighbours,
      vocabulary: this.vocabulary,
      columns: this.table.columns,
      topItem: topTaxonomyItem(category, classification, prior),
      damp,
      // The client's words only: the desk's reply is advice, and would read as the client's acts.
      situation: readSituation([row.cells.subject, row.cells.content, row.cells.consultNote].filter(Boolean).join("\n"), this.morphology),
    };
    // The answer, countermeasure and reference columns follow one plan, so they always agree.
    const draft = draftAnswer(input, category.length > 0 ? category : classification);

    const filledCounts: Partial<Record<FaqRole, number>> = {};
    for (const role of FAQ_ROLES) {
      if (this.table.columns[role] !== undefined) filledCounts[role] = this.vocabulary.filledExcept(role, row);
    }

    return {
      rowNumber,
      category,
      classification,
      keywords: this.keywords.suggest(input, category.length > 0 ? category : classification, names, this.morphology),
      countermeasures: suggestCountermeasures(input, draft.plan, category[0] ?? classification[0]),
      references: suggestReferences(input, draft.plan, category[0] ?? classification[0]),
      answer: suggestAnswer(input, draft, names, this.morphology),
      similar: neighbours
        .filter((n) => n.similarity >= MIN_SHOWN_SIMILARITY)
        .slice(0, 5)
        .map(toSource),
      lowInformation,
      filledCounts,
    };
  }

  /**
   * Only the category columns' suggestions (what `suggest` gives for them, about ten times faster):
   * for ranking many rows at once, e.g. the backlog queue.
   */
  suggestCategories(rowNumber: number): Pick<RowSuggestions, "rowNumber" | "category" | "classification" | "lowInformation"> {
    const { category, classification, lowInformation } = this.readCategories(this.caseRow(rowNumber));
    return { rowNumber, category, classification, lowInformation };
  }

  private caseRow(rowNumber: number): CaseRow {
    const row = this.neighbours.rows.get(rowNumber);
    if (!row) {
      throw new EngineError("notACaseRow", `Row ${rowNumber} is not a case row of sheet "${this.table.sheetName}".`, rowNumber);
    }
    return row;
  }

  private readCategories(row: CaseRow, neighbours: Neighbour[] = this.neighbours.similarRows(row)): CategoryReading {
    const input = { row, neighbours, vocabulary: this.vocabulary, columns: this.table.columns };
    return readCategories(input, this.morphology, this.categoryModel, this.categoryBlend);
  }
}
