/**
 * Search past cases: a few words or a whole pasted consultation → the most similar case rows, best
 * first, with what the desk answered.
 *
 * Every case row is searchable, filled or not: a desk answering a new call wants every past case and
 * its reply, not only the rows an editor has already turned into FAQ material. The suggestion index
 * holds filled rows only (and its statistics are tuned for that), so search keeps its own index of the
 * same kind (character bigrams, tf-idf cosine, `BigramIndex`) over all case rows, owned by the same
 * engine and updated by the same `updateRow`. It is filled lazily — on the first search, or in chunks
 * through `SuggestionEngine.prepareSearch` — so the time until suggestions can be served is unchanged.
 */
import { BigramIndex, fieldVector, type TermVector } from "./bigram-index";
import { isFaqComplete, normalizeText, parseList, searchAlternatives, stripBoilerplate } from "../text";
import { categoryKey, taxonomyIdOf, taxonomyItem } from "../guidebook";
import type { CaseRow, ColumnMap } from "../types";

export interface SearchOptions {
  /** At most this many results (default 10). */
  limit?: number;
  /**
   * Only rows filed under this category: a taxonomy id ("1-9"), a label, or the sheet's own spelling.
   * Rows whose category columns are empty never match a filter.
   */
  category?: string;
  /** Results less similar than this are left out (default 0.02: sharing a stray character pair is not a match). */
  minSimilarity?: number;
}

export interface SearchResult {
  /** 1-based sheet row. */
  rowNumber: number;
  /** 受理番号 ("" when the sheet has none). */
  caseNumber: string;
  /** 件名, or the start of 相談内容 when the row has no subject. */
  subject: string;
  /** 案件項目 as the sheet spells it (else 相談内容分類); "" when the row is not filed yet. */
  category: string;
  /** First line of 【FAQ用】標準回答（案）; "" when not written yet. */
  answer: string;
  /** First line of what the desk replied (対応状況 without greetings), for rows without a standard answer. */
  reply: string;
  /** Cosine similarity of the query and the case, 0–1. */
  similarity: number;
  /** True when every FAQ column the sheet has is filled. */
  faqComplete: boolean;
}

/**
 * Field weights for a searchable case. The client's words matter most; keywords and category name the
 * threat. The standard answer is not indexed: it is long, mostly general advice, and measured no
 * better with it (tuning part 78/85 either way) while costing a sixth of the index's build time.
 */
const FIELDS = {
  subject: 2,
  body: 1.5,
  reply: 0.6,
  keywords: 1.5,
  category: 1,
} as const;

/** Default floor: below this a row shares only stray character pairs with the query. */
const MIN_SIMILARITY = 0.02;
/** Queries with at most this many bigrams walk every posting list, common ones too (cheap, and a short query may consist of common bigrams only). */
const SHORT_QUERY_TERMS = 40;
/**
 * A whole pasted consultation has hundreds of bigrams; only this many of the most telling ones
 * (weight × idf) are matched. The rest would mostly add rows that share filler and cost most of the
 * time; the similarity is the cosine with the kept part of the query.
 */
const LONG_QUERY_TERMS = 128;
/** …and of those, bigrams in more than this share of the rows are not walked (they barely move a cosine). */
const LONG_QUERY_COMMON_SHARE = 0.1;

/** The first non-empty line; a long one is cut after its last full sentence that fits, else with "…". */
function firstLine(text: string, max = 120): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== "");
  if (!line || line.length <= max) return line ?? "";
  const sentenceEnd = line.slice(0, max).lastIndexOf("。");
  return sentenceEnd >= 20 ? line.slice(0, sentenceEnd + 1) : `${line.slice(0, max - 1)}…`;
}

function categoryTitle(value: string): string {
  const id = taxonomyIdOf(value);
  const item = id ? taxonomyItem(id) : undefined;
  return item ? `${value} ${item.title}` : value;
}

/** Candidates (by text similarity) among which the results are chosen. */
const RERANK = 50;
/**
 * Weight of category coverage against text similarity when choosing results (xQuAD): the first
 * results are the most similar cases of the category the query is most likely about, and each other
 * likely category gets its closest case among the first results too. Tuned on the corpus's tuning
 * part only (0.3 → 89%, 0.5 → 92%, 0.7 → 95% at 5); 0.5 keeps clear queries' results about their
 * own category (a less similar case of another category outranks a more similar one only when the
 * query really may be about that category).
 */
const COVERAGE_WEIGHT = 0.5;

/** What a text is about, as category id → probability; undefined when it cannot tell. */
export type CategoryReading = (text: string) => Map<string, number> | undefined;

/** What a case row not yet filed is about, as category id → probability. */
export type RowReading = (row: CaseRow) => Map<string, number>;

/** The searchable text of a case row, weighted by field. */
export function caseVector(row: CaseRow): TermVector {
  const c = row.cells;
  const reply = [stripBoilerplate(c.response ?? ""), c.followUp ?? ""].filter(Boolean).join("\n");
  const category = [c.category, c.classification].filter(Boolean).map((v) => categoryTitle(v ?? "")).join("\n");
  return fieldVector([
    { text: normalizeText(c.subject ?? ""), weight: FIELDS.subject },
    { text: normalizeText([c.content, c.consultNote].filter(Boolean).join("\n")), weight: FIELDS.body },
    { text: normalizeText(reply), weight: FIELDS.reply },
    { text: normalizeText(parseList(c.keywords ?? "").join(" ")), weight: FIELDS.keywords },
    { text: normalizeText(category), weight: FIELDS.category },
  ]);
}

/** A query of at most this many words is a few typed words, whose synonyms are searched too. */
const TYPED_WORDS = 4;
/** …with this weight against the words as typed. */
const SYNONYM_WEIGHT = 0.5;

/** A word typed in hiragana for a katakana word (らんさむうぇあ): the index spells it in katakana. */
function asKatakana(word: string): string | undefined {
  return /^[\u3041-\u3096ー]{3,}$/.test(word) ? word.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)) : undefined;
}

/**
 * The query as the index sees it: plain bigram counts, damped like the documents. A few typed words
 * forgive as the published page's search does: their synonyms (カード → クレジットカード, 乗っ取り →
 * 不正ログイン) and a katakana word typed in hiragana are searched too, with less weight. (The index
 * leaves hiragana pairs out, so it folds kana on the query side only.) A pasted consultation is matched
 * as written.
 */
export function queryVector(query: string): TermVector {
  const text = normalizeText(query);
  const words = text.split(/[ 、,]+/).filter(Boolean);
  const fields = [{ text, weight: 1 }];
  if (words.length > 0 && words.length <= TYPED_WORDS && text.length <= 40) {
    const forms = words.flatMap((w) => {
      const katakana = asKatakana(w);
      return katakana ? [w, katakana] : [w];
    });
    const more = [...forms.filter((f) => !words.includes(f)), ...forms.flatMap((f) => searchAlternatives(f, normalizeText))];
    if (more.length > 0) fields.push({ text: more.join(" "), weight: SYNONYM_WEIGHT });
  }
  return fieldVector(fields);
}

/**
 * The search index over every case row. Rows are taken from `pending` in chunks (`step`) so a large
 * sheet can be indexed between paints; `update` can arrive at any time and always wins over a pending
 * older copy of the same row.
 */
export class CaseSearchIndex {
  private readonly index = new BigramIndex();
  private readonly rows = new Map<number, CaseRow>();
  private readonly docOfRow = new Map<number, number>();
  private readonly rowOfDoc: number[] = [];
  private readonly pending: CaseRow[];
  private cursor = 0;
  private dirty = false;

  /**
   * `columns`: where the sheet's columns are, to tell complete rows from partly filled ones.
   * `readQuery`: what a query is about — the engine passes its own category reading (the model's, blended
   * with similar filled rows), the one its suggestions use. `readRow`: what a candidate row not yet filed
   * is about — the engine passes the model's reading of its text (read once per row version).
   */
  constructor(
    rows: readonly CaseRow[],
    private readonly columns: ColumnMap,
    private readonly readQuery: CategoryReading,
    private readonly readRow: RowReading,
  ) {
    this.pending = rows.slice();
  }

  get total(): number {
    return this.pending.length;
  }

  get indexed(): number {
    return this.cursor;
  }

  /** Indexes up to `count` more pending rows; true when none is left. */
  step(count: number): boolean {
    const end = Math.min(this.pending.length, this.cursor + count);
    for (; this.cursor < end; this.cursor++) {
      const row = this.pending[this.cursor];
      if (!this.docOfRow.has(row.rowNumber)) this.add(row);
    }
    this.dirty = true;
    return this.cursor >= this.pending.length;
  }

  /** Learns a new or changed row; the next search sees it. */
  update(row: CaseRow): void {
    const old = this.docOfRow.get(row.rowNumber);
    if (old !== undefined) this.index.remove(old);
    this.docOfRow.delete(row.rowNumber);
    this.add(row);
    this.dirty = true;
  }

  private add(row: CaseRow): void {
    // Norms are refreshed before the next search (`ready`), so none is computed here.
    const doc = this.index.add(caseVector(row), false);
    this.docOfRow.set(row.rowNumber, doc);
    this.rowOfDoc[doc] = row.rowNumber;
    this.rows.set(row.rowNumber, row);
  }

  private ready(): void {
    this.step(Number.POSITIVE_INFINITY);
    if (this.dirty) {
      this.index.refreshNorms();
      this.dirty = false;
    }
  }

  /** `about`: what the query is about, as category id → probability; by default `readQuery`'s reading. */
  search(query: string, options: SearchOptions = {}, about: Map<string, number> | undefined = this.readQuery(query)): SearchResult[] {
    this.ready();
    const limit = Math.max(1, Math.floor(options.limit ?? 10));
    const floor = options.minSimilarity ?? MIN_SIMILARITY;
    const vector = this.mostTelling(queryVector(query));
    if (vector.size === 0) return [];
    const wanted = options.category?.trim() ? categoryKey(options.category.trim()) : undefined;
    const outside = (doc: number): boolean => {
      if (wanted === undefined) return false;
      const row = this.rows.get(this.rowOfDoc[doc]);
      if (!row) return true;
      return ![row.cells.category, row.cells.classification].some((v) => (v ?? "").trim() !== "" && categoryKey((v ?? "").trim()) === wanted);
    };
    const short = vector.size <= SHORT_QUERY_TERMS;
    const hits = this.index.search(vector, Math.max(limit, RERANK), outside, { commonShare: short ? Number.POSITIVE_INFINITY : LONG_QUERY_COMMON_SHARE });
    const candidates: { row: CaseRow; similarity: number }[] = [];
    for (const hit of hits) {
      if (hit.score < floor) continue;
      const row = this.rows.get(this.rowOfDoc[hit.doc]);
      if (row) candidates.push({ row, similarity: hit.score });
    }
    if (!about) return candidates.slice(0, limit).map((c) => this.result(c.row, c.similarity));
    const withCategories = candidates.map((c) => ({ ...c, dist: this.categoriesOfRow(c.row) }));
    return this.cover(withCategories, about, limit).map((c) => this.result(c.row, c.similarity));
  }

  /**
   * Chooses `limit` results greedily (xQuAD, Santos et al. 2010): each pick maximises
   * (1 − w) · similarity / best similarity + w · Σ_c P(query is c) · P(row is c) · P(c not yet covered).
   */
  private cover<T extends { similarity: number; dist: Map<string, number> }>(candidates: T[], about: Map<string, number>, limit: number): T[] {
    const total = [...about.values()].reduce((a, b) => a + b, 0) || 1;
    const likely = new Map([...about].map(([id, p]) => [id, p / total]));
    // xQuAD: relevance, plus how much of a still uncovered category the query may be about the row covers.
    const best = candidates.reduce((m, c) => Math.max(m, c.similarity), 0) || 1;
    const uncovered = new Map([...likely].map(([id]) => [id, 1]));
    const chosen: T[] = [];
    const pool = candidates.slice();
    while (chosen.length < limit && pool.length > 0) {
      let bestIndex = 0;
      let bestScore = -1;
      pool.forEach((c, i) => {
        let diversity = 0;
        for (const [id, p] of likely) diversity += p * (c.dist.get(id) ?? 0) * (uncovered.get(id) ?? 0);
        const score = (1 - COVERAGE_WEIGHT) * (c.similarity / best) + COVERAGE_WEIGHT * diversity;
        if (score > bestScore) {
          bestScore = score;
          bestIndex = i;
        }
      });
      const [picked] = pool.splice(bestIndex, 1);
      chosen.push(picked);
      for (const [id, p] of picked.dist) uncovered.set(id, (uncovered.get(id) ?? 0) * (1 - p));
    }
    return chosen;
  }

  private readonly rowCategories = new Map<number, { row: CaseRow; dist: Map<string, number> }>();

  /** What a row is about: its filed category, else `readRow`'s reading of its text (cached per row version). */
  private categoriesOfRow(row: CaseRow): Map<string, number> {
    const cached = this.rowCategories.get(row.rowNumber);
    if (cached && cached.row === row) return cached.dist;
    const filed = taxonomyIdOf((row.cells.category || row.cells.classification || "").trim());
    const dist = filed ? new Map([[filed, 1]]) : this.readRow(row);
    this.rowCategories.set(row.rowNumber, { row, dist });
    return dist;
  }

  private mostTelling(vector: TermVector): TermVector {
    if (vector.size <= LONG_QUERY_TERMS) return vector;
    const ranked = [...vector].map(([term, weight]) => ({ term, weight, value: weight * this.index.idf(term) }));
    ranked.sort((a, b) => b.value - a.value);
    return new Map(ranked.slice(0, LONG_QUERY_TERMS).map(({ term, weight }) => [term, weight]));
  }

  private result(row: CaseRow, similarity: number): SearchResult {
    const c = row.cells;
    return {
      rowNumber: row.rowNumber,
      caseNumber: (c.caseNumber ?? "").trim(),
      subject: firstLine(c.subject || c.content || "", 80),
      category: (c.category || c.classification || "").trim(),
      answer: firstLine(c.answer ?? ""),
      reply: firstLine(stripBoilerplate(c.response ?? "")),
      similarity: Math.round(similarity * 1000) / 1000,
      faqComplete: isFaqComplete(row, this.columns),
    };
  }
}
