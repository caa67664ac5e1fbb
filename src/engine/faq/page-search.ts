/**
 * The published FAQ page's search, as the page runs it: a few everyday words → the page's entries,
 * best first. It forgives what a reader types:
 * - folding: NFKC width, case, katakana as hiragana, dashes (ＳＭＳ = sms, ランサム = らんさむ);
 * - synonyms: each word also looks for its glossary group's other spellings (カード → クレジットカード,
 *   乗っ取り → 不正ログイン) and, for a broad word, the narrower ones (SNS → Facebook, Instagram…);
 * - partial words: a word found nowhere as typed counts, at half weight, by its kanji stem when inflected
 *   (重い ~ 重かった) or by the share of its character pairs an entry has (開けない ~ 開けなくなった), and a
 *   word glued to particles is read as its parts (ファイルが開けない);
 * - several words are ORed and ranked: an entry scores the sum, over the words, of its best match
 *   (rarer words weigh more, 件名/question and keywords more than the answer), so the entries with most
 *   of the words, in the most telling places, come first.
 *
 * `createPageSearch` and the folding it is given (`foldSearchText`, text/search-fold.ts) reference nothing
 * outside themselves: the page embeds their source (`Function.prototype.toString`) next to the data, so
 * the page, the quality report and the tests run one and the same code.
 */

/** The page's search data: entries' folded fields and the synonym groups, all JSON. */
export interface PageSearchData {
  /** Field weights, in the order of each document's fields. */
  weights: number[];
  /**
   * Per entry (page order): its folded fields (question, keywords, category, answer, other), except that
   * the category field is a number: its index in `categories` (one copy per category, not per entry).
   */
  docs: (string | number)[][];
  /** Folded category texts. */
  categories: string[];
  /** Groups of folded spellings that mean the same thing: any one finds the others. */
  groups: string[][];
  /** Broad folded word → narrower folded words it also finds (SNS → facebook, instagram…). */
  narrower: Record<string, string[]>;
}

export interface PageSearchHit {
  /** Index of the entry in `docs` (page order). */
  index: number;
  score: number;
}

export interface PageSearch {
  /** Entries matching any word of the query, best first (ties in page order); [] for an empty query. */
  rank(query: string): PageSearchHit[];
}

/**
 * The scorer over `data`; `fold` is `foldSearchText` (passed in so the page's copy stays self-contained).
 * Only ES2021 and no outside reference: this function's source is embedded in the page.
 */
export function createPageSearch(data: PageSearchData, fold: (text: string) => string): PageSearch {
  const docs: string[][] = data.docs.map((doc) => doc.map((field) => (typeof field === "number" ? data.categories[field] || "" : field)));
  const weights = data.weights;
  const n = docs.length;
  const groupsOf = new Map<string, number[]>();
  data.groups.forEach((group, g) => {
    group.forEach((spelling) => {
      const list = groupsOf.get(spelling) || [];
      list.push(g);
      groupsOf.set(spelling, list);
    });
  });
  // A particle between content words (kanji, katakana, latin), read before katakana is folded into hiragana.
  const PARTICLES = /(?<=[\u3400-\u9fff\u30a1-\u30ffA-Za-z0-9])(?:が|を|に|は|で|と|も|の|へ|や|から|まで|より)(?=[\u3400-\u9fff\u30a1-\u30ffA-Za-z0-9])/g;
  const SYNONYM = 0.9;
  const NARROWER = 0.8;
  const PARTIAL = 0.5;
  const MIN_PARTIAL_SHARE = 0.5;

  /** How telling a spelling is on this page: rarer → higher (BM25's idf, never below a small floor). */
  const idfCache = new Map<string, number>();
  function idf(spelling: string, df: number): number {
    const cached = idfCache.get(spelling);
    if (cached !== undefined) return cached;
    const value = Math.max(0.1, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    idfCache.set(spelling, value);
    return value;
  }

  /** Field weights an entry has `spelling` in: the best counts fully, the others a little. */
  function placeWeight(doc: string[], has: (field: string) => number): number {
    let best = 0;
    let sum = 0;
    for (let f = 0; f < doc.length; f++) {
      const w = (weights[f] || 0) * has(doc[f]);
      sum += w;
      if (w > best) best = w;
    }
    return best + 0.2 * (sum - best);
  }

  function bigrams(word: string): string[] {
    const out: string[] = [];
    for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
    return out;
  }

  const known = (w: string) => groupsOf.has(w) || Object.prototype.hasOwnProperty.call(data.narrower, w);

  /**
   * The words of a query: split at spaces and at particles between content words (ファイルが開けない);
   * two neighbours that together make a known word count as that word too (身に覚えのない 請求).
   */
  function wordsOf(query: string): string[] {
    const split: string[] = [];
    for (const piece of query.normalize("NFKC").split(/[\s、,，。・/]+/)) {
      for (const word of piece.split(PARTICLES)) {
        const w = fold(word);
        if (w) split.push(w);
      }
    }
    const out: string[] = [];
    split.forEach((w, i) => {
      if (out.indexOf(w) < 0) out.push(w);
      const joined = i + 1 < split.length ? w + split[i + 1] : "";
      if (joined && known(joined) && out.indexOf(joined) < 0) out.push(joined);
    });
    return out;
  }

  /** A word and what else it finds, each with its weight. */
  function alternatives(word: string): { text: string; weight: number }[] {
    const out = [{ text: word, weight: 1 }];
    const seen = new Set([word]);
    const add = (text: string, weight: number) => {
      if (!seen.has(text)) {
        seen.add(text);
        out.push({ text, weight });
      }
    };
    for (const g of groupsOf.get(word) || []) for (const s of data.groups[g]) add(s, SYNONYM);
    for (const s of data.narrower[word] || []) {
      add(s, NARROWER);
      for (const g of groupsOf.get(s) || []) for (const t of data.groups[g]) add(t, NARROWER);
    }
    return out;
  }

  /** Per entry, the score of one query word: its best alternative, else a partial match. */
  function wordScores(word: string): number[] {
    const scores = new Array<number>(n).fill(0);
    let found = false;
    for (const alt of alternatives(word)) {
      const holders: number[] = [];
      for (let d = 0; d < n; d++) if (docs[d].some((field) => field.indexOf(alt.text) >= 0)) holders.push(d);
      if (holders.length === 0) continue;
      found = true;
      const weight = alt.weight * idf(alt.text, holders.length);
      for (const d of holders) {
        const s = weight * placeWeight(docs[d], (field) => (field.indexOf(alt.text) >= 0 ? 1 : 0));
        if (s > scores[d]) scores[d] = s;
      }
    }
    if (found) return scores;
    // Nowhere as typed: an inflected word by its kanji stem (重い ~ 重かった, 高い ~ 高額), else entries
    // holding most of its character pairs (開けない ~ 開けなくなった).
    const stem = /^([\u3400-\u9fff々]+)[\u3041-\u3096]+$/.exec(word);
    if (!stem && word.length < 3) return scores;
    const pairs = stem ? [stem[1]] : bigrams(word);
    const share = (field: string) => {
      let hit = 0;
      for (const p of pairs) if (field.indexOf(p) >= 0) hit++;
      const s = hit / pairs.length;
      return s >= MIN_PARTIAL_SHARE ? s : 0;
    };
    const holders: number[] = [];
    for (let d = 0; d < n; d++) if (docs[d].some((field) => share(field) > 0)) holders.push(d);
    const weight = PARTIAL * idf("\u0000" + word, holders.length);
    for (const d of holders) scores[d] = weight * placeWeight(docs[d], share);
    return scores;
  }

  function rank(query: string): PageSearchHit[] {
    const words = wordsOf(query);
    if (words.length === 0) return [];
    const total = new Array<number>(n).fill(0);
    const matched = new Array<number>(n).fill(0);
    for (const word of words) {
      const scores = wordScores(word);
      for (let d = 0; d < n; d++) {
        if (scores[d] > 0) {
          total[d] += scores[d];
          matched[d]++;
        }
      }
    }
    const hits: PageSearchHit[] = [];
    for (let d = 0; d < n; d++) {
      // An entry with every word beats one that has only some of them, however strongly.
      if (total[d] > 0) hits.push({ index: d, score: total[d] * (0.5 + (0.5 * matched[d]) / words.length) });
    }
    return hits.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  return { rank };
}
