/**
 * 【FAQ用】検索キーワード: the case's own words ranked as the similar rows' keyword cells suggest, with the
 * threat names of the desk's reply and the usual tags of the likely categories; with no similar row
 * filled, the learned keyword scorer (keyword-model/). Spelled as the sheet spells them.
 */
import { TAXONOMY, taxonomyIdOf } from "../guidebook";
import type { RowName } from "../privacy";
import { foldSpelling, isListedSpelling, type KeywordContext, keywordKey, type Morphology, normalizeText, parseList, stripBoilerplate, suggestKeywords } from "../text";
import type { CaseRow, CategoryCandidate, ListSuggestion, TaxonomyItem } from "../types";
import type { ColumnInput } from "./column-input";
import { shippedKeywordModel, type KeywordModel } from "./keyword-model";
import { isFilled, rowText, toSource, type Neighbour, type Neighbours } from "./neighbours";
import type { SheetVocabulary } from "./vocabulary";

/** Weight of a category's usual tag used by all its cases, at full category confidence (a case word scores ≈ 2–6). */
const CATEGORY_TERM_WEIGHT = 12;
/** Keywords offered when similar rows have keyword cells: the sample's editors fill 5–6. */
const MAX_KEYWORDS_WITH_ROWS = 6;

const DICTIONARY: readonly string[] = [
  ...new Set(TAXONOMY.flatMap((item) => item.keywords).filter((kw) => !/[\u3041-\u309f]/.test(kw) && kw.length >= 2)),
];

export class KeywordColumn {
  /** The learned keyword scorer and the editors' vocabulary (keyword-model/); replaceable for evaluation. */
  model: KeywordModel = shippedKeywordModel();
  /** Category id → the sheet's filled rows of it and their keyword cells' tags; rebuilt after a change. */
  private sheetTags: Map<string, { rows: number; tags: Map<string, { term: string; count: number }> }> | undefined;
  /** The sheet's own spelling of each glossary term its keyword column uses; rebuilt after a change. */
  private keywordSpellings: Map<string, string> | undefined;

  constructor(
    private readonly neighbours: Neighbours,
    private readonly vocabulary: SheetVocabulary,
  ) {}

  /** A row with a keyword cell was learnt or forgotten: the sheet's tags and spellings are read again. */
  changed(): void {
    this.keywordSpellings = undefined;
    this.sheetTags = undefined;
  }

  /** The sheet's spelling of a glossary term when its keyword column already uses a listed variant (ネットバンキング). */
  private sheetKeywordSpelling(word: string): string | undefined {
    if (!this.keywordSpellings) {
      this.keywordSpellings = new Map();
      // Most used first, so the first spelling seen for a term is the sheet's convention.
      for (const spelling of this.vocabulary.itemSpellings("keywords")) {
        const key = normalizeText(foldSpelling(spelling));
        if (isListedSpelling(spelling) && !this.keywordSpellings.has(key)) this.keywordSpellings.set(key, spelling);
      }
    }
    return this.keywordSpellings.get(normalizeText(foldSpelling(word)));
  }

  /**
   * `categories`: the case's likely categories, most probable first; `names`: every name the row
   * reveals (never offered as a keyword).
   */
  suggest(input: ColumnInput, categories: readonly CategoryCandidate[], names: readonly RowName[], morphology: Morphology): ListSuggestion {
    const { row, neighbours, topItem, damp } = input;
    const separator = this.vocabulary.separator("keywords");
    const voters = neighbours.filter((n) => isFilled(n.row, "keywords")).slice(0, 5);
    const vocabulary = new Map<string, number>();
    for (const voter of voters) {
      for (const kw of parseList(voter.row.cells.keywords ?? "")) {
        vocabulary.set(kw, Math.max(vocabulary.get(kw) ?? 0, voter.similarity));
      }
    }
    const { title, body } = rowText(row);
    const useIdf = this.neighbours.size >= 5;
    const context = {
      idf: (word: string) => (useIdf ? this.neighbours.wordIdf(word) : 1),
      dictionary: DICTIONARY,
      neighbourVocabulary: vocabulary,
      fallback: [] as string[],
      morphology,
      excludedNames: names.map((n) => n.text),
    };
    const values =
      vocabulary.size > 0
        ? this.keywordsLikeTheRows(row, title, body, topItem, voters, categories, context)
        : // Nothing similar filled yet: the learned scorer over the case's words and the tags editors give
          // its likely categories (keyword-model/), most probable first.
          this.model
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
    const alpha = this.vocabulary.rowsWeight("keywords", row, voters);
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
      for (const other of this.neighbours.rows.values()) {
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
      for (const { term, share } of id ? this.model.categoryTags(id, this.sheetCategoryTags(id, row)) : []) {
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
}
