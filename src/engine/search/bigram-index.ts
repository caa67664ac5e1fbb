/**
 * A lean inverted index of character bigrams with tf-idf cosine similarity.
 *
 * Why bigrams: Japanese has no spaces, and segmenting every row with a morphological segmenter
 * costs seconds on a large sheet. Overlapping character pairs need no dictionary, catch compounds
 * and variant spellings (コピー/コピィー share "コピ"), and are cheap to extract. Why not MiniSearch:
 * measured in bench/ (see docs/engine.md), its per-document bookkeeping made the build several
 * times slower than this flat index for the same bigram tokens.
 */
import { charClass, normalizeText } from "../text";

export type TermVector = Map<number, number>;

const USEFUL = new Set(["kanji", "katakana", "alnum"]);

function codeClass(code: number): number {
  // 0 other, 1 hiragana, 2 useful (kanji/katakana/alnum). Fast path for ASCII.
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) ? 2 : 0;
  if (code >= 0x3041 && code <= 0x309f) return 1;
  if (code === 0x30fc || (code >= 0x30a0 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3005) return 2;
  return USEFUL.has(charClass(String.fromCharCode(code))) ? 2 : 0;
}

/** Bigram counts of already normalised text; pairs of two hiragana (particles, endings) are left out. */
export function bigramsOfNormalized(text: string, into: TermVector = new Map(), weight = 1): TermVector {
  let prevCode = -1;
  let prevClass = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = codeClass(code);
    if (cls !== 0 && prevClass !== 0 && (cls === 2 || prevClass === 2)) {
      const term = prevCode * 65536 + code;
      into.set(term, (into.get(term) ?? 0) + weight);
    }
    prevCode = code;
    prevClass = cls;
  }
  return into;
}

export function bigrams(text: string, into?: TermVector, weight = 1): TermVector {
  return bigramsOfNormalized(normalizeText(text), into, weight);
}

/**
 * A document vector over several fields: each field's bigram counts are damped (1 + ln tf) and
 * scaled by the field's weight, then summed. Weights apply after damping, so a light field
 * (the desk's reply) counts less without its rare bigrams turning negative.
 */
export function fieldVector(fields: readonly { text: string; weight: number }[]): TermVector {
  const out: TermVector = new Map();
  for (const field of fields) {
    if (!field.text || field.weight <= 0) continue;
    for (const [term, tf] of bigramsOfNormalized(field.text)) out.set(term, (out.get(term) ?? 0) + field.weight * (1 + Math.log(tf)));
  }
  return out;
}

/** Interleaved [doc, weight, doc, weight, …]: one growing array per bigram keeps allocation low. */
type Postings = number[];

/** Bigrams found in more than this share of the rows say little about similarity and cost most time. */
const COMMON_SHARE = 0.25;

export interface Hit {
  doc: number;
  score: number;
}

export class BigramIndex {
  private readonly postings = new Map<number, Postings>();
  private readonly norms: number[] = [];
  private readonly alive: boolean[] = [];
  private scores = new Float64Array(0);
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  /**
   * Adds a document (term weights from `fieldVector`) and returns its id. Call `refreshNorms` after a
   * bulk load; `withNorm: false` skips the document's own norm when `refreshNorms` follows anyway.
   */
  add(vector: TermVector, withNorm = true): number {
    const doc = this.alive.length;
    this.alive.push(true);
    this.liveCount++;
    for (const [term, weight] of vector) {
      const list = this.postings.get(term);
      if (list) list.push(doc, weight);
      else this.postings.set(term, [doc, weight]);
    }
    this.norms.push(withNorm ? this.normOf(vector) : 1);
    return doc;
  }

  remove(doc: number): void {
    if (this.alive[doc]) {
      this.alive[doc] = false;
      this.liveCount--;
    }
  }

  idf(term: number): number {
    const list = this.postings.get(term);
    const df = list ? list.length / 2 : 0;
    return Math.log(1 + (this.liveCount + 1) / (df + 1));
  }

  /** Document norms depend on idf, which moves as documents are added; recompute after a bulk load. */
  refreshNorms(): void {
    const sums = new Float64Array(this.alive.length);
    for (const [term, list] of this.postings) {
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const w = list[i + 1] * idf;
        sums[list[i]] += w * w;
      }
    }
    for (let doc = 0; doc < sums.length; doc++) this.norms[doc] = Math.sqrt(sums[doc]) || 1;
  }

  private normOf(vector: TermVector): number {
    let sum = 0;
    for (const [term, weight] of vector) {
      const w = weight * this.idf(term);
      sum += w * w;
    }
    return Math.sqrt(sum) || 1;
  }

  /**
   * Cosine similarity in [0, 1] of the best `limit` documents, best first. `commonShare` replaces the
   * share of rows above which a bigram is not walked (Infinity walks every bigram: a short search
   * query may consist of nothing but common ones).
   */
  search(query: TermVector, limit: number, exclude?: (doc: number) => boolean, options?: { commonShare?: number }): Hit[] {
    const docCount = this.alive.length;
    if (this.scores.length < docCount) this.scores = new Float64Array(Math.max(docCount, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    const commonDf = Math.max(50, this.liveCount * (options?.commonShare ?? COMMON_SHARE));
    let queryNorm = 0;
    for (const [term, weight] of query) {
      const list = this.postings.get(term);
      const idf = this.idf(term);
      const qw = weight * idf;
      queryNorm += qw * qw;
      // Very common bigrams still count in the norm, but are not walked: they barely move the ranking.
      if (!list || list.length / 2 > commonDf) continue;
      const factor = qw * idf;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i];
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += factor * list[i + 1];
      }
    }
    queryNorm = Math.sqrt(queryNorm) || 1;
    const hits: Hit[] = [];
    let floor = 0;
    for (const doc of touched) {
      const raw = scores[doc];
      scores[doc] = 0;
      if (!this.alive[doc] || (exclude && exclude(doc))) continue;
      const score = Math.min(1, raw / (queryNorm * this.norms[doc]));
      if (hits.length >= limit * 4 && score <= floor) continue;
      hits.push({ doc, score });
      if (hits.length >= limit * 8) {
        hits.sort((a, b) => b.score - a.score);
        hits.length = limit * 4;
        floor = hits[hits.length - 1].score;
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  /** Mean idf of a word's bigrams: how distinctive a word is across the indexed rows. */
  wordIdf(normalizedWord: string): number {
    const vector = bigramsOfNormalized(normalizedWord);
    if (vector.size === 0) return 0;
    let sum = 0;
    for (const term of vector.keys()) sum += this.idf(term);
    return sum / vector.size;
  }
}
