/**
 * The shared index of a sheet's filled rows (character bigrams, tf-idf cosine) and the similar-row
 * lookup every FAQ column votes with; also every case row by number, filled or not.
 */
import { normalizeText, stripBoilerplate } from "../text";
import { BigramIndex, fieldVector, type TermVector } from "../search";
import type { CaseRow, FaqRole, SourceRow, SuggestionOrigin } from "../types";

export interface Neighbour {
  row: CaseRow;
  similarity: number;
}

/** How many similar rows are considered for each suggestion. */
const NEIGHBOURS = 30;
/**
 * Rows less similar than this share only stray character pairs with the case: showing them as
 * "rows used" would mislead the editor, so they are not listed (their weak votes still count).
 */
export const MIN_SHOWN_SIMILARITY = 0.05;

/** Field weights: the client's own words say what the case is about; the reply only helps. */
const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1.5;
const REPLY_WEIGHT = 0.6;

export function rowText(row: CaseRow): { title: string; body: string; response: string } {
  const c = row.cells;
  return {
    title: c.subject ?? "",
    body: [c.content, c.consultNote].filter(Boolean).join("\n"),
    response: [c.response, c.followUp].filter(Boolean).join("\n"),
  };
}

function vectorOf(row: CaseRow): TermVector {
  const { title, body } = rowText(row);
  const reply = [stripBoilerplate(row.cells.response ?? ""), row.cells.followUp ?? ""].filter(Boolean).join("\n");
  return fieldVector([
    { text: normalizeText(title), weight: TITLE_WEIGHT },
    { text: normalizeText(body), weight: BODY_WEIGHT },
    { text: normalizeText(reply), weight: REPLY_WEIGHT },
  ]);
}

export function isFilled(row: CaseRow, role: FaqRole): boolean {
  return (row.cells[role] ?? "").trim() !== "";
}

/** A similar row as the card shows it: its number, the start of its subject, its similarity. */
export function toSource(neighbour: Neighbour): SourceRow {
  const c = neighbour.row.cells;
  const subject = (c.subject || c.content || "").replace(/\s+/g, " ").slice(0, 60);
  return { rowNumber: neighbour.row.rowNumber, subject, similarity: Math.round(neighbour.similarity * 1000) / 1000 };
}

export function originOf(rowsShare: number, guideShare: number): SuggestionOrigin {
  if (rowsShare > 0.15 && guideShare > 0.15) return "both";
  return rowsShare >= guideShare ? "rows" : "guidebook";
}

export class Neighbours {
  /** Every case row by number, filled or not (in the order learnt). */
  readonly rows = new Map<number, CaseRow>();
  private readonly index = new BigramIndex();
  private readonly docOfRow = new Map<number, number>();
  private readonly rowOfDoc: number[] = [];

  /** Adds (`sign` 1) or removes (−1) a row; only rows with a filled FAQ column are indexed. */
  learn(row: CaseRow, sign: 1 | -1, filled: boolean, single: boolean): void {
    if (sign > 0) this.rows.set(row.rowNumber, row);
    else this.rows.delete(row.rowNumber);
    if (sign < 0) {
      const doc = this.docOfRow.get(row.rowNumber);
      if (doc !== undefined) {
        this.index.remove(doc);
        this.docOfRow.delete(row.rowNumber);
      }
    } else if (filled) {
      const doc = this.index.add(vectorOf(row));
      this.docOfRow.set(row.rowNumber, doc);
      this.rowOfDoc[doc] = row.rowNumber;
    }
    if (single) this.index.refreshNorms();
  }

  /** After a bulk build: document norms for the cosine. */
  refreshNorms(): void {
    this.index.refreshNorms();
  }

  /** Number of filled rows indexed. */
  get size(): number {
    return this.index.size;
  }

  /** How telling a word is among the filled rows (inverse document frequency). */
  wordIdf(word: string): number {
    return this.index.wordIdf(word);
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
}
