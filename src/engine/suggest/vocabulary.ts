/**
 * The sheet's vocabulary: how its editors spell each category and list item (most used first), which
 * separator each list column uses, and how many rows have each FAQ column filled.
 */
import { categoryKey, TAXONOMY, taxonomyIdOf } from "../guidebook";
import { DEFAULT_SEPARATOR, detectSeparator, normalizeText, parseList } from "../text";
import { FAQ_ROLES, type CaseRow, type FaqRole } from "../types";
import { isFilled, type Neighbour } from "./neighbours";

export type CategoryRole = "category" | "classification";
export type ListRole = "keywords" | "countermeasures" | "references";

/** The taxonomy's weight is PRIOR_ROWS / (PRIOR_ROWS + filled rows). */
const PRIOR_ROWS = 6;
/** Below this best similarity, similar rows are too unlike the case to outvote the taxonomy. */
const CONFIDENT_SIMILARITY = 0.45;

const ITEM_ID = /^\s*([0-9０-９]{1,2}\s*[-－ー‐−]\s*[0-9０-９]{1,2}(?:\s*[-－ー‐−]\s*[0-9０-９]{1,2})?)(?![0-9０-９])/;

/** Countermeasure/reference items meet by their Mission number when they have one. */
export function itemKey(value: string): string {
  const m = ITEM_ID.exec(value);
  if (m) return `id:${m[1].normalize("NFKC").replace(/\s/g, "").replace(/[－ー‐−]/g, "-")}`;
  return normalizeText(value).replace(/^https?:\/\//, "").replace(/\/$/, "");
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

export class SheetVocabulary {
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

  /** `keyOf`: how each list column's items meet (references by phone number or page, see references.ts). */
  constructor(private readonly keyOf: Record<ListRole, (value: string) => string>) {}

  /** Counts (`sign` 1) or uncounts (−1) a row's FAQ cells; true when the row has any filled. */
  learn(row: CaseRow, sign: 1 | -1): boolean {
    let any = false;
    for (const role of FAQ_ROLES) {
      if (!isFilled(row, role)) continue;
      any = true;
      this.filled[role] += sign;
      const cell = (row.cells[role] ?? "").trim();
      if (role === "category" || role === "classification") {
        this.values[role].add(categoryKey(cell), cell, sign);
      } else if (role !== "answer") {
        for (const item of parseList(cell)) this.items[role].add(this.keyOf[role](item), item, sign);
        const sep = detectSeparator([cell], "");
        if (sep) this.separatorVotes[role].set(sep, (this.separatorVotes[role].get(sep) ?? 0) + sign);
      }
    }
    return any;
  }

  /** The separator most of a list column's cells use. */
  separator(role: ListRole): string {
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

  /** The sheet's most used spelling of a category key, not counting one use by `except`. */
  categorySpelling(role: CategoryRole, key: string, except?: string): string | undefined {
    return this.values[role].spelling(key, except);
  }

  /** The sheet's most used spelling of a list item's key, not counting one use by `except`. */
  itemSpelling(role: ListRole, key: string, except?: string): string | undefined {
    return this.items[role].spelling(key, except);
  }

  /** Every spelling a list column uses, most used first. */
  itemSpellings(role: ListRole): string[] {
    return this.items[role].spellings();
  }

  /** Values for a category column: the sheet's own first (most used first), then taxonomy labels. */
  categoryOptions(role: CategoryRole): string[] {
    const own = this.values[role].spellings();
    const ownIds = new Set(own.map((v) => taxonomyIdOf(v)).filter((id): id is string => id !== undefined));
    return [...own, ...TAXONOMY.filter((item) => !ownIds.has(item.id)).map((item) => item.label)];
  }

  /** Number of rows with each FAQ column filled. */
  filledCounts(): Record<FaqRole, number> {
    return { ...this.filled };
  }

  /** Rows with `role` filled, not counting `row` itself. */
  filledExcept(role: FaqRole, row: CaseRow): number {
    return this.filled[role] - (isFilled(row, role) ? 1 : 0);
  }

  /** Weight of the similar rows against the guidebook for a column. */
  rowsWeight(role: FaqRole, row: CaseRow, voters: Neighbour[]): number {
    const n = this.filledExcept(role, row);
    if (n <= 0 || voters.length === 0) return 0;
    const best = voters[0].similarity;
    return (n / (n + PRIOR_ROWS)) * Math.min(1, best / CONFIDENT_SIMILARITY);
  }
}
