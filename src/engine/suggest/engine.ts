/**
 * The suggestion engine: indexes the filled rows of a case table once (cheap character bigrams),
 * then, for one case row, ranks a value for every FAQ column from the most similar filled rows,
 * blended with the built-in taxonomy while few rows are filled.
 */
import { BigramIndex, fieldVector, type TermVector } from "../search/bigram-index";
import { stripBoilerplate } from "../text/boilerplate";
import { categoryKey, categoryRowsWeight, DEFAULT_CATEGORY_BLEND, modelPrior, taxonomyIdOf, type CategoryBlend, type PriorScore } from "./category";
import type { CategoryModel } from "./classifier";
import { EngineError } from "../errors";
import { foldSpelling, isListedSpelling } from "../text/glossary";
import { shippedKeywordModel, type KeywordModel } from "./keyword-model";
import { keywordKey } from "../text/keyword-quality";
import { suggestKeywords, type KeywordContext } from "../text/keywords";
import { DEFAULT_SEPARATOR, detectSeparator, parseList } from "../text/lists";
import { tinySegmenterMorphology, type Morphology } from "../text/morphology";
import { collectRowNames, maskPrivate, type RowName } from "../privacy/privacy";
import { TAXONOMY, taxonomyItem } from "../guidebook/taxonomy";
import { CaseSearchIndex, type SearchOptions, type SearchResult } from "../search/search";
import { normalizeText } from "../text/text";
import {
  FAQ_ROLES,
  type AnswerSuggestion,
  type BuildProgress,
  type CaseRow,
  type CaseTable,
  type CategoryCandidate,
  type FaqRole,
  type ListSuggestion,
  type RowSuggestions,
  type SourceRow,
  type SuggestionOrigin,
  type TaxonomyItem,
} from "../types";

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  signal?: AbortSignal;
}

type CategoryRole = "category" | "classification";
type ListRole = "keywords" | "countermeasures" | "references";

interface Neighbour {
  row: CaseRow;
  similarity: number;
}

/** Rows handled between two yields to the host in `buildAsync` (a few ms each on a slow laptop). */
const CHUNK_ROWS = 1500;
/** Background search indexing: rows per step and the longest stretch before yielding to the pane. */
const SEARCH_STEP_ROWS = 100;
const SEARCH_SLICE_MS = 12;
const SEARCH_PROGRESS_MS = 250;
/** How many similar rows are considered for each suggestion. */
const NEIGHBOURS = 30;
const VOTERS = 7;
/** The taxonomy's weight is PRIOR_ROWS / (PRIOR_ROWS + filled rows). */
const PRIOR_ROWS = 6;
/** Below this best similarity, similar rows are too unlike the case to outvote the taxonomy. */
const CONFIDENT_SIMILARITY = 0.45;
/** Fewer meaningful characters than this and the case says too little to suggest with confidence. */
const LOW_INFORMATION_CHARS = 14;
/**
 * Rows less similar than this share only stray character pairs with the case: showing them as
 * "rows used" would mislead the editor, so they are not listed (their weak votes still count).
 */
const MIN_SHOWN_SIMILARITY = 0.05;
/**
 * A category is never shown as certain: even the held-out reliability table's top bin (80–100% shown)
 * is wrong now and then, and "100%" would tell the editor not to look.
 */
const MAX_SHOWN_CONFIDENCE = 0.99;
/** Below this, the model is too unsure of the case's category to pick its advice and contacts. */
const MIN_TOPIC_PROBABILITY = 0.25;
/** A filled row less similar than this is not a good enough model answer. */
const MIN_ANSWER_SIMILARITY = 0.15;
/** Weight of a category's usual tag used by all its cases, at full category confidence (a case word scores ≈ 2–6). */
const CATEGORY_TERM_WEIGHT = 12;
/** Keywords offered when similar rows have keyword cells: the sample's editors fill 5–6. */
const MAX_KEYWORDS_WITH_ROWS = 6;

const DICTIONARY: readonly string[] = [
  ...new Set(TAXONOMY.flatMap((item) => item.keywords).filter((kw) => !/[\u3041-\u309f]/.test(kw) && kw.length >= 2)),
];

function rowText(row: CaseRow): { title: string; body: string; response: string } {
  const c = row.cells;
  return {
    title: c.subject ?? "",
    body: [c.content, c.consultNote].filter(Boolean).join("\n"),
    response: [c.response, c.followUp].filter(Boolean).join("\n"),
  };
}

/** Field weights: the client's own words say what the case is about; the reply only helps. */
const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1.5;
const REPLY_WEIGHT = 0.6;

function vectorOf(row: CaseRow): TermVector {
  const { title, body } = rowText(row);
  const reply = [stripBoilerplate(row.cells.response ?? ""), row.cells.followUp ?? ""].filter(Boolean).join("\n");
  return fieldVector([
    { text: normalizeText(title), weight: TITLE_WEIGHT },
    { text: normalizeText(body), weight: BODY_WEIGHT },
    { text: normalizeText(reply), weight: REPLY_WEIGHT },
  ]);
}

function informativeLength(text: string): number {
  const m = text.normalize("NFKC").match(/[\u3400-\u9fff\u30a0-\u30ffA-Za-z]/g);
  return m ? m.length : 0;
}

function isFilled(row: CaseRow, role: FaqRole): boolean {
  return (row.cells[role] ?? "").trim() !== "";
}

function toSource(neighbour: Neighbour): SourceRow {
  const c = neighbour.row.cells;
  const subject = (c.subject || c.content || "").replace(/\s+/g, " ").slice(0, 60);
  return { rowNumber: neighbour.row.rowNumber, subject, similarity: Math.round(neighbour.similarity * 1000) / 1000 };
}

function originOf(rowsShare: number, guideShare: number): SuggestionOrigin {
  if (rowsShare > 0.15 && guideShare > 0.15) return "both";
  return rowsShare >= guideShare ? "rows" : "guidebook";
}

const ITEM_ID = /^\s*([0-9０-９]{1,2}\s*[-－ー‐−]\s*[0-9０-９]{1,2}(?:\s*[-－ー‐−]\s*[0-9０-９]{1,2})?)(?![0-9０-９])/;

/** Countermeasure/reference items meet by their Mission number when they have one. */
function itemKey(value: string): string {
  const m = ITEM_ID.exec(value);
  if (m) return `id:${m[1].normalize("NFKC").replace(/\s/g, "").replace(/[－ー‐−]/g, "-")}`;
  return normalizeText(value).replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/**
 * References meet by their phone number, else by their page (host and path, without "www." or a
 * trailing index/about page), however the rest of the line is worded. Two services of one site
 * (IPA's 安心相談窓口 and 届出窓口) stay apart; the same desk with and without its URL meets.
 */
export function referenceKey(value: string): string {
  const nfkc = value.normalize("NFKC");
  const phone = /(?<![\d/.])(0\d{1,4}-\d{1,4}-\d{3,4}|188)(?![\d/.])/.exec(nfkc.replace(/(?:https?:\/\/|www\.)\S+/gi, " "));
  if (phone) return `tel:${phone[1].replace(/\D/g, "")}`;
  const url = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(\/[^\s）)」]*)?/i.exec(nfkc);
  if (url) {
    const host = url[1].toLowerCase().replace(/^www\./, "");
    const path = (url[2] ?? "").replace(/\/(?:index|about)\.html?$/i, "").replace(/\/+$/, "");
    return `site:${host}${path}`;
  }
  return itemKey(value);
}

/** Lets the host (the task pane) paint and handle input before the next chunk of work. */
function yieldToHost(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

class Counter {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, spelling: string, delta: number): void {
    let inner = this.counts.get(key);
    if (!inner) {
      inner = new Map();
      this.counts.set(key, inner);
    }
    const next = (inner.get(spelling) ?? 0) + delta;
    if (next <= 0) inner.delete(spelling);
    else inner.set(spelling, next);
    if (inner.size === 0) this.counts.delete(key);
  }

  /** Most used spelling of a key, not counting one use by `exceptSpelling`. */
  spelling(key: string, exceptSpelling?: string): string | undefined {
    const inner = this.counts.get(key);
    if (!inner) return undefined;
    let best: string | undefined;
    let bestCount = 0;
    for (const [spelling, count] of inner) {
      const n = spelling === exceptSpelling ? count - 1 : count;
      if (n > bestCount) {
        best = spelling;
        bestCount = n;
      }
    }
    return best;
  }

  spellings(): string[] {
    const all: [string, number][] = [];
    for (const inner of this.counts.values()) for (const entry of inner) all.push(entry);
    return all.sort((a, b) => b[1] - a[1]).map(([s]) => s);
  }
}

export class SuggestionEngine {
  readonly table: CaseTable;
  private readonly rows = new Map<number, CaseRow>();
  private readonly index = new BigramIndex();
  private readonly docOfRow = new Map<number, number>();
  private readonly rowOfDoc: number[] = [];
  private readonly filled: Record<FaqRole, number> = {
    classification: 0,
    keywords: 0,
    category: 0,
    countermeasures: 0,
    answer: 0,
    references: 0,
  };
  private readonly values: Record<CategoryRole, Counter> = { category: new Counter(), classification: new Counter() };
  private readonly items: Record<ListRole, Counter> = {
    keywords: new Counter(),
    countermeasures: new Counter(),
    references: new Counter(),
  };
  private readonly separatorVotes: Record<ListRole, Map<string, number>> = {
    keywords: new Map(),
    countermeasures: new Map(),
    references: new Map(),
  };
  /** Word segmentation for the selected row: tiny-segmenter until kuromoji's dictionary has loaded. */
  private morphology: Morphology = tinySegmenterMorphology;
  /** The learned category model (the shipped one unless an evaluation swaps in another) and its blend with similar rows. */
  private categoryModel: CategoryModel | undefined;
  private categoryBlend: CategoryBlend = DEFAULT_CATEGORY_BLEND;
  /** The learned keyword scorer and the editors' vocabulary (keyword-model/); replaceable for evaluation. */
  private keywordModel: KeywordModel = shippedKeywordModel();
  /** Category id → the sheet's filled rows of it and their keyword cells' tags; rebuilt after a change. */
  private sheetTags: Map<string, { rows: number; tags: Map<string, { term: string; count: number }> }> | undefined;
  /** The sheet's own spelling of each glossary term its keyword column uses; rebuilt after a change. */
  private keywordSpellings: Map<string, string> | undefined;

  /** Every case row, for search; filled on the first search or by `prepareSearch`. */
  private caseIndex?: CaseSearchIndex;

  private constructor(table: CaseTable) {
    this.table = table;
  }

  static build(table: CaseTable): SuggestionEngine {
    const engine = new SuggestionEngine(table);
    for (const row of table.rows) engine.learn(row, 1, false);
    engine.index.refreshNorms();
    return engine;
  }

  static async buildAsync(table: CaseTable, options: BuildOptions = {}): Promise<SuggestionEngine> {
    const engine = new SuggestionEngine(table);
    const total = table.rows.length;
    options.onProgress?.({ done: 0, total });
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      if (options.signal?.aborted) throw new EngineError("aborted", "Engine build was cancelled.");
      const end = Math.min(total, start + CHUNK_ROWS);
      for (let i = start; i < end; i++) engine.learn(table.rows[i], 1, false);
      options.onProgress?.({ done: end, total });
      await yieldToHost();
    }
    if (options.signal?.aborted) throw new EngineError("aborted", "Engine build was cancelled.");
    engine.index.refreshNorms();
    return engine;
  }

  /** Learns a row after a write-back or sheet edit; the next `suggest` uses it at once. */
  updateRow(row: CaseRow): void {
    const previous = this.rows.get(row.rowNumber);
    if (previous) this.learn(previous, -1, true);
    const copy: CaseRow = { rowNumber: row.rowNumber, cells: { ...row.cells } };
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
    return (this.caseIndex ??= new CaseSearchIndex(this.table.rows, this.table.columns));
  }

  /** Past cases (every case row, filled or not) most similar to `query`, best first. See search.ts. */
  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.searchIndex().search(query, options, this.categoriesOfText(query));
  }

  /** What a free text is about, as the suggestions would file it: taxonomy id → confidence. */
  private categoriesOfText(text: string): Map<string, number> | undefined {
    const { category, classification } = this.categoryEvidence({ rowNumber: 0, cells: { content: text } });
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
    const own = this.values[role].spellings();
    const ownIds = new Set(own.map((v) => taxonomyIdOf(v)).filter((id): id is string => id !== undefined));
    return [...own, ...TAXONOMY.filter((item) => !ownIds.has(item.id)).map((item) => item.label)];
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

  /** Replaces the learnt category tags, e.g. with a table that leaves out the case being scored. */
  /** Replaces the keyword scorer (tests and experiments: e.g. one trained without the case scored). */
  setKeywordModel(model: KeywordModel): void {
    this.keywordModel = model;
  }

  /** Which segmentation `suggest` uses now. */
  get morphologyName(): Morphology["name"] {
    return this.morphology.name;
  }

  /** Number of rows with each FAQ column filled. */
  filledCounts(): Record<FaqRole, number> {
    return { ...this.filled };
  }

  private learn(row: CaseRow, sign: 1 | -1, single: boolean): void {
    if (isFilled(row, "keywords")) {
      this.keywordSpellings = undefined;
      this.sheetTags = undefined;
    }
    if (sign > 0) this.rows.set(row.rowNumber, row);
    else this.rows.delete(row.rowNumber);
    let any = false;
    for (const role of FAQ_ROLES) {
      if (!isFilled(row, role)) continue;
      any = true;
      this.filled[role] += sign;
      const cell = (row.cells[role] ?? "").trim();
      if (role === "category" || role === "classification") {
        this.values[role].add(categoryKey(cell), cell, sign);
      } else if (role !== "answer") {
        const keyOf = role === "references" ? referenceKey : itemKey;
        for (const item of parseList(cell)) this.items[role].add(keyOf(item), item, sign);
        const sep = detectSeparator([cell], "");
        if (sep) this.separatorVotes[role].set(sep, (this.separatorVotes[role].get(sep) ?? 0) + sign);
      }
    }
    if (sign < 0) {
      const doc = this.docOfRow.get(row.rowNumber);
      if (doc !== undefined) {
        this.index.remove(doc);
        this.docOfRow.delete(row.rowNumber);
      }
    } else if (any) {
      const doc = this.index.add(vectorOf(row));
      this.docOfRow.set(row.rowNumber, doc);
      this.rowOfDoc[doc] = row.rowNumber;
    }
    if (single) this.index.refreshNorms();
  }

  private separator(role: ListRole): string {
    let best = role === "keywords" ? DEFAULT_SEPARATOR : "\n";
    let bestCount = 0;
    for (const [sep, count] of this.separatorVotes[role]) {
      if (count > bestCount) {
        best = sep;
        bestCount = count;
      }
    }
    return best;
  }

  /** The most similar filled rows (any FAQ column), best first, never the row itself. */
  similarRows(row: CaseRow, limit = NEIGHBOURS): Neighbour[] {
    const hits = this.index.search(vectorOf(row), limit, (doc) => this.rowOfDoc[doc] === row.rowNumber);
    const out: Neighbour[] = [];
    for (const hit of hits) {
      const other = this.rows.get(this.rowOfDoc[hit.doc]);
      if (other && hit.score > 0) out.push({ row: other, similarity: hit.score });
    }
    return out;
  }

  suggest(rowNumber: number): RowSuggestions {
    const row = this.caseRow(rowNumber);
    const c = row.cells;
    // Every name the row reveals, in any input cell, is kept out of its keywords and masked in its draft.
    const names = collectRowNames([c.subject, c.content, c.consultNote, c.response, c.followUp].filter((t): t is string => Boolean(t)), this.morphology);
    const { neighbours, prior, damp, lowInformation, category, classification } = this.categoryEvidence(row);
    const topItem = this.topTaxonomyItem(category, classification, prior);

    const filledCounts: Partial<Record<FaqRole, number>> = {};
    for (const role of FAQ_ROLES) {
      if (this.table.columns[role] !== undefined) filledCounts[role] = this.filled[role] - (isFilled(row, role) ? 1 : 0);
    }

    return {
      rowNumber,
      category,
      classification,
      keywords: this.suggestKeywordList(row, neighbours, topItem, damp, names, category.length > 0 ? category : classification),
      countermeasures: this.suggestItems("countermeasures", row, neighbours, topItem?.countermeasures ?? [], damp, 5),
      references: this.suggestItems("references", row, neighbours, topItem?.contacts ?? [], damp, 4),
      answer: this.suggestAnswer(row, neighbours, topItem, category[0] ?? classification[0], damp, names),
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
    const { category, classification, lowInformation } = this.categoryEvidence(this.caseRow(rowNumber));
    return { rowNumber, category, classification, lowInformation };
  }

  private caseRow(rowNumber: number): CaseRow {
    const row = this.rows.get(rowNumber);
    if (!row) {
      throw new EngineError("notACaseRow", `Row ${rowNumber} is not a case row of sheet "${this.table.sheetName}".`, rowNumber);
    }
    return row;
  }

  private categoryEvidence(row: CaseRow) {
    const { title, body } = rowText(row);
    const lowInformation = informativeLength(`${title}${body}`) < LOW_INFORMATION_CHARS;
    const neighbours = this.similarRows(row);
    const prior = modelPrior(
      [
        { text: title, kind: "subject" },
        { text: body, kind: "body" },
        { text: [stripBoilerplate(row.cells.response ?? ""), row.cells.followUp ?? ""].filter(Boolean).join("\n"), kind: "reply" },
      ],
      this.morphology,
      this.categoryModel,
      lowInformation,
    );
    const damp = lowInformation ? 0.4 : 1;
    // Category confidences are calibrated (thin cases have their own temperature): not damped again.
    const category = this.rankCategory("category", row, neighbours, prior);
    const classification = this.rankCategory("classification", row, neighbours, prior);
    return { neighbours, prior, damp, lowInformation, category, classification };
  }

  private filledExcept(role: FaqRole, row: CaseRow): number {
    return this.filled[role] - (isFilled(row, role) ? 1 : 0);
  }

  /** Weight of the similar rows against the guidebook for a column. */
  private rowsWeight(role: FaqRole, row: CaseRow, voters: Neighbour[]): number {
    const n = this.filledExcept(role, row);
    if (n <= 0 || voters.length === 0) return 0;
    const best = voters[0].similarity;
    return (n / (n + PRIOR_ROWS)) * Math.min(1, best / CONFIDENT_SIMILARITY);
  }

  private rankCategory(
    role: CategoryRole,
    row: CaseRow,
    neighbours: Neighbour[],
    prior: PriorScore[],
  ): CategoryCandidate[] {
    if (this.table.columns[role] === undefined) return [];
    const voters = neighbours.filter((n) => isFilled(n.row, role)).slice(0, VOTERS);
    const alpha = categoryRowsWeight(this.filledExcept(role, row), voters[0]?.similarity ?? 0, this.categoryBlend);
    const own = (row.cells[role] ?? "").trim() || undefined;

    const knn = new Map<string, { score: number; voters: Neighbour[]; spelling: string }>();
    let knnTotal = 0;
    for (const voter of voters) {
      const value = (voter.row.cells[role] ?? "").trim();
      const key = categoryKey(value);
      // Only what a row shares with the case beyond the floor counts: loosely similar rows do not vote.
      const weight = Math.max(0, voter.similarity - this.categoryBlend.floor) ** 2;
      if (weight <= 0) continue;
      const entry = knn.get(key) ?? { score: 0, voters: [], spelling: value };
      entry.score += weight;
      entry.voters.push(voter);
      knn.set(key, entry);
      knnTotal += weight;
    }

    const keys = new Set<string>([...knn.keys(), ...prior.map((p) => p.item.id)]);
    const priorById = new Map(prior.map((p) => [p.item.id, p]));
    const candidates: (CategoryCandidate & { key: string })[] = [];
    for (const key of keys) {
      const fromRows = knnTotal > 0 ? (knn.get(key)?.score ?? 0) / knnTotal : 0;
      const p = priorById.get(key);
      const fromGuide = p ? p.probability : 0;
      const rowsShare = alpha * fromRows;
      const guideShare = (1 - alpha) * fromGuide;
      const probability = rowsShare + guideShare;
      const item = taxonomyItem(key);
      const value = item
        ? (this.values[role].spelling(key, own) ?? item.label)
        : (this.values[role].spelling(key, own) ?? knn.get(key)?.spelling ?? key);
      candidates.push({
        key,
        value,
        confidence: Math.round(Math.min(probability, MAX_SHOWN_CONFIDENCE) * 1000) / 1000,
        origin: originOf(rowsShare, guideShare),
        sources: (knn.get(key)?.voters ?? []).filter((v) => v.similarity >= MIN_SHOWN_SIMILARITY).map(toSource),
        matchedTerms: p ? p.matchedTerms.slice(0, 8) : [],
      });
    }
    candidates.sort((a, b) => b.confidence - a.confidence);
    return candidates.slice(0, 3).map(({ key: _key, ...candidate }) => candidate);
  }

  private topTaxonomyItem(
    category: CategoryCandidate[],
    classification: CategoryCandidate[],
    prior: PriorScore[],
  ): TaxonomyItem | undefined {
    for (const candidate of [...category, ...classification]) {
      const id = taxonomyIdOf(candidate.value);
      if (id) return taxonomyItem(id);
    }
    return prior[0] && prior[0].probability >= MIN_TOPIC_PROBABILITY ? prior[0].item : undefined;
  }

  /** The sheet's spelling of a glossary term when its keyword column already uses a listed variant (ネットバンキング). */
  private sheetKeywordSpelling(word: string): string | undefined {
    if (!this.keywordSpellings) {
      this.keywordSpellings = new Map();
      // Most used first, so the first spelling seen for a term is the sheet's convention.
      for (const spelling of this.items.keywords.spellings()) {
        const key = normalizeText(foldSpelling(spelling));
        if (isListedSpelling(spelling) && !this.keywordSpellings.has(key)) this.keywordSpellings.set(key, spelling);
      }
    }
    return this.keywordSpellings.get(normalizeText(foldSpelling(word)));
  }

  private suggestKeywordList(
    row: CaseRow,
    neighbours: Neighbour[],
    topItem: TaxonomyItem | undefined,
    damp: number,
    names: readonly RowName[],
    categories: readonly CategoryCandidate[],
  ): ListSuggestion {
    const separator = this.separator("keywords");
    const voters = neighbours.filter((n) => isFilled(n.row, "keywords")).slice(0, 5);
    const vocabulary = new Map<string, number>();
    for (const voter of voters) {
      for (const kw of parseList(voter.row.cells.keywords ?? "")) {
        vocabulary.set(kw, Math.max(vocabulary.get(kw) ?? 0, voter.similarity));
      }
    }
    const { title, body } = rowText(row);
    const useIdf = this.index.size >= 5;
    const context = {
      idf: (word: string) => (useIdf ? this.index.wordIdf(word) : 1),
      dictionary: DICTIONARY,
      neighbourVocabulary: vocabulary,
      fallback: [] as string[],
      morphology: this.morphology,
      excludedNames: names.map((n) => n.text),
    };
    const values =
      vocabulary.size > 0
        ? this.keywordsLikeTheRows(row, title, body, topItem, voters, categories, context)
        : // Nothing similar filled yet: the learned scorer over the case's words and the tags editors give
          // its likely categories (keyword-model/), most probable first.
          this.keywordModel
            .suggest({
              title,
              body,
              categories: categories.flatMap((c) => {
                const id = taxonomyIdOf(c.value);
                return id ? [{ id, probability: c.confidence }] : [];
              }),
              context,
            })
            .map((word) => this.sheetKeywordSpelling(word) ?? word);
    const haystack = normalizeText(`${title}\n${body}`);
    const sources = voters.filter((v) => parseList(v.row.cells.keywords ?? "").some((kw) => haystack.includes(normalizeText(kw))));
    const alpha = this.rowsWeight("keywords", row, voters);
    return {
      values,
      separator,
      confidence: Math.round((0.45 + 0.35 * alpha) * damp * 1000) / 1000,
      origin: sources.length > 0 ? "both" : "case",
      sources: sources.map(toSource),
    };
  }

  /** This sheet's filled rows of a category other than `row`, and how many of them give each tag: the desk's own convention. */
  private sheetCategoryTags(id: string, row: CaseRow): { cases: number; tags: Map<string, { term: string; count: number }> } {
    if (!this.sheetTags) {
      this.sheetTags = new Map();
      for (const other of this.rows.values()) {
        const otherId = isFilled(other, "keywords") ? taxonomyIdOf(other.cells.category ?? "") : undefined;
        if (!otherId) continue;
        const entry = this.sheetTags.get(otherId) ?? { rows: 0, tags: new Map() };
        entry.rows++;
        const seen = new Set<string>();
        for (const term of parseList(other.cells.keywords ?? "")) {
          const key = keywordKey(term);
          if (seen.has(key)) continue;
          seen.add(key);
          const tag = entry.tags.get(key) ?? { term: foldSpelling(term.trim()), count: 0 };
          tag.count++;
          entry.tags.set(key, tag);
        }
        this.sheetTags.set(otherId, entry);
      }
    }
    const entry = this.sheetTags.get(id);
    if (!entry) return { cases: 0, tags: new Map() };
    // The row's own cells do not count for itself.
    if (!isFilled(row, "keywords") || taxonomyIdOf(row.cells.category ?? "") !== id) return { cases: entry.rows, tags: entry.tags };
    const own = new Set(parseList(row.cells.keywords ?? "").map(keywordKey));
    const tags = new Map<string, { term: string; count: number }>();
    for (const [key, tag] of entry.tags) tags.set(key, own.has(key) ? { term: tag.term, count: tag.count - 1 } : tag);
    return { cases: entry.rows - 1, tags };
  }

  /**
   * Similar rows have keyword cells: the desk's own convention leads (its editors may tag with the
   * client's words as much as with threat names), so the case's words and the rows' keywords it uses
   * are ranked as the rows suggest, with the threat names of the desk's reply and the usual tags of the
   * likely categories added.
   */
  private keywordsLikeTheRows(
    row: CaseRow,
    title: string,
    body: string,
    topItem: TaxonomyItem | undefined,
    voters: Neighbour[],
    categories: readonly CategoryCandidate[],
    context: Omit<KeywordContext, "threatTerms">,
  ): string[] {
    const fallback = [
      ...voters.flatMap((v) => parseList(v.row.cells.keywords ?? "")),
      ...(topItem ? topItem.keywords.filter((kw) => !/[\u3041-\u309f]/.test(kw)) : []),
    ];
    // Threat names the desk's reply uses (「ランサムウェア被害の可能性が高い」), more so when they are the top category's.
    const reply = normalizeText(stripBoilerplate(row.cells.response ?? ""));
    const topTerms = new Set((topItem?.keywords ?? []).map(normalizeText));
    const threatTerms = new Map<string, number>();
    for (const term of DICTIONARY) {
      const key = normalizeText(term);
      if (key.length >= 3 && reply.includes(key)) threatTerms.set(term, (2 + term.length / 4) * (topTerms.has(key) ? 1.5 : 1));
    }
    // The tags editors give this kind of case, in proportion to how sure the category is.
    for (const candidate of categories.slice(0, 2)) {
      const id = taxonomyIdOf(candidate.value);
      for (const { term, share } of id ? this.keywordModel.categoryTags(id, this.sheetCategoryTags(id, row)) : []) {
        const weight = CATEGORY_TERM_WEIGHT * share * candidate.confidence;
        threatTerms.set(term, Math.max(threatTerms.get(term) ?? 0, weight));
      }
    }
    return suggestKeywords(
      title,
      body,
      { ...context, fallback, threatTerms, sheetSpelling: (word) => this.sheetKeywordSpelling(word) },
      MAX_KEYWORDS_WITH_ROWS,
    );
  }

  private suggestItems(
    role: "countermeasures" | "references",
    row: CaseRow,
    neighbours: Neighbour[],
    guidebookItems: readonly string[],
    damp: number,
    max: number,
  ): ListSuggestion {
    const separator = this.separator(role);
    if (this.table.columns[role] === undefined) {
      return { values: [], separator, confidence: 0, origin: "rows", sources: [] };
    }
    const voters = neighbours.filter((n) => isFilled(n.row, role)).slice(0, 5);
    const alpha = this.rowsWeight(role, row, voters);
    const simTotal = voters.reduce((sum, v) => sum + v.similarity, 0) || 1;
    const scores = new Map<string, { score: number; fromRows: number; spelling: string; voters: Neighbour[] }>();
    const own = new Set(parseList(row.cells[role] ?? ""));
    const keyOf = role === "references" ? referenceKey : itemKey;
    for (const voter of voters) {
      for (const value of parseList(voter.row.cells[role] ?? "")) {
        const key = keyOf(value);
        const entry = scores.get(key) ?? { score: 0, fromRows: 0, spelling: value, voters: [] };
        const add = (alpha * voter.similarity) / simTotal;
        entry.score += add;
        entry.fromRows += add;
        if (!entry.voters.includes(voter)) entry.voters.push(voter);
        scores.set(key, entry);
      }
    }
    guidebookItems.forEach((value, position) => {
      const key = keyOf(value);
      const entry = scores.get(key) ?? { score: 0, fromRows: 0, spelling: value, voters: [] };
      entry.score += (1 - alpha) * Math.max(0.3, 0.9 - position * 0.12);
      scores.set(key, entry);
    });
    const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
    const chosen = ranked.filter(([, e], i) => i < 2 || e.score >= 0.2).slice(0, max);
    const values = chosen.map(([key, e]) => {
      const sheetSpelling = this.items[role].spelling(key, own.has(e.spelling) ? e.spelling : undefined);
      return sheetSpelling ?? e.spelling;
    });
    const rowsShare = chosen.reduce((s, [, e]) => s + e.fromRows, 0);
    const total = chosen.reduce((s, [, e]) => s + e.score, 0) || 1;
    const sources = [...new Set(chosen.flatMap(([, e]) => e.voters))].map(toSource);
    const top = chosen.length > 0 ? chosen[0][1].score : 0;
    return {
      values,
      separator,
      confidence: Math.round(Math.min(1, 0.3 + 0.6 * top) * damp * 1000) / 1000,
      origin: originOf(rowsShare / total, 1 - rowsShare / total),
      sources,
    };
  }

  /**
   * A draft answer from the most similar row that has an answer and whose category agrees with the
   * top suggested category (an answer about another threat would contradict the category), plus the
   * taxonomy's advice. Rows without a category cannot show that they agree, so they are not used.
   */
  private suggestAnswer(
    row: CaseRow,
    neighbours: Neighbour[],
    topItem: TaxonomyItem | undefined,
    topCategory: CategoryCandidate | undefined,
    damp: number,
    names: readonly RowName[],
  ): AnswerSuggestion {
    const topKey = topCategory ? categoryKey(topCategory.value) : undefined;
    const agrees = (n: Neighbour) =>
      topKey !== undefined &&
      (["category", "classification"] as const).some((role) => isFilled(n.row, role) && categoryKey((n.row.cells[role] ?? "").trim()) === topKey);
    const voters = neighbours.filter((n) => isFilled(n.row, "answer") && agrees(n)).slice(0, 3);
    const best = voters[0];
    const parts: string[] = [];
    const used: Neighbour[] = [];
    let fromRows = 0;
    if (best && best.similarity >= MIN_ANSWER_SIMILARITY) {
      parts.push(best.row.cells.answer ?? "");
      used.push(best);
      fromRows = best.similarity;
    }
    if (topItem) {
      const first = parts[0] ?? "";
      const advice = topItem.advice;
      if (!first.includes(advice.slice(0, 20))) parts.push(parts.length > 0 ? `（参考）${advice}` : advice);
    }
    if (used.length === 0) {
      const own = generaliseResponse(row.cells.response ?? "");
      if (own) parts.push(`対応例: ${own}`);
      if (topItem && topItem.contacts.length > 0) parts.push(`相談先: ${topItem.contacts.slice(0, 2).join(" / ")}`);
    }
    const composed = parts.filter(Boolean).join("\n\n");
    const { text, masked } = maskPrivate(composed, { names });
    const guide = topItem ? 0.35 : 0.1;
    const confidence = used.length > 0 ? 0.3 + 0.6 * fromRows : guide;
    return {
      text,
      confidence: Math.round(Math.min(1, confidence) * damp * 1000) / 1000,
      origin: used.length > 0 ? (topItem ? "both" : "rows") : topItem ? "guidebook" : "case",
      sources: used.map(toSource),
      masked,
    };
  }
}

/** A reply sentence that speaks to this client about this case rather than giving general advice. */
const CASE_SPECIFIC =
  /とのこと|よろしいでしょうか|ご相談(?:いただ|の)|お問い合わせ(?:の|いただ)|ご連絡いただ|御社|貴社|弊社|当社|様(?:の|が|は|に|へ)|以上のよう|以下のよう|下記の通り|次のとおり|(?:です|ます)が、$|^また、?$|^なお、?$/;
/** Advice reads as a recommendation or a fact about the threat, not as a record of what the desk did. */
const ADVICE_ENDING = /(?:ください|しましょう|ません|ます|です|こと|可能性があります|必要があります|お勧めします|有効です)$/;
const MAX_GENERALISED_SENTENCES = 4;
const MAX_GENERALISED_CHARS = 320;

/**
 * Turns a desk's reply into general advice an FAQ can carry: greetings, sign-offs and addressing
 * lines go, then every sentence that quotes the client or speaks about this one case, and the desk's
 * own notes ("…を勧めた"); what is left is cut at a sentence boundary, never in mid-sentence.
 */
export function generaliseResponse(response: string): string {
  const sentences = stripBoilerplate(response)
    .split(/(?<=。)|\r?\n/)
    .map((s) => s.replace(/^[\s・●○◆■□▶※\-－‐]+|^(?:[0-9０-９]+|[①-⑳])[.．、)）\s　]*/u, "").trim())
    .filter((s) => s.length >= 6);
  const kept: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const body = sentence.replace(/。$/, "");
    // A sentence that starts on a particle is the tail of a list that was split off above it.
    const fragment = /^(?:という|といった|[とがをにではもやの])/.test(body);
    if (fragment || CASE_SPECIFIC.test(body) || /「[^」]{16,}」/.test(body) || !ADVICE_ENDING.test(body)) continue;
    if (length + sentence.length > MAX_GENERALISED_CHARS) break;
    kept.push(sentence.endsWith("。") ? sentence : `${sentence}。`);
    length += sentence.length;
    if (kept.length >= MAX_GENERALISED_SENTENCES) break;
  }
  return kept.join("");
}
