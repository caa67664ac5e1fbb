/**
 * Ranking of list items (countermeasures, references): the similar rows' items by similarity, blended
 * with the guidebook's items for the case's category while few rows are filled.
 */
import { parseList } from "../text";
import type { ListSuggestion } from "../types";
import type { ColumnInput } from "./column-input";
import { isFilled, originOf, toSource, type Neighbour } from "./neighbours";

export interface ItemRanking {
  role: "countermeasures" | "references";
  /** Where two spellings of one item meet. */
  keyOf: (value: string) => string;
  /** At most this many items. */
  max: number;
}

/** `guidebookItems`: the guidebook's items for the case's category, most relevant first. */
export function rankItems(input: ColumnInput, { role, keyOf, max }: ItemRanking, guidebookItems: readonly string[]): ListSuggestion {
  const { row, neighbours, vocabulary, damp } = input;
  const separator = vocabulary.separator(role);
  if (input.columns[role] === undefined) {
    return { values: [], separator, confidence: 0, origin: "rows", sources: [] };
  }
  const voters = neighbours.filter((n) => isFilled(n.row, role)).slice(0, 5);
  const alpha = vocabulary.rowsWeight(role, row, voters);
  const simTotal = voters.reduce((sum, v) => sum + v.similarity, 0) || 1;
  const scores = new Map<string, { score: number; fromRows: number; spelling: string; voters: Neighbour[] }>();
  const own = new Set(parseList(row.cells[role] ?? ""));
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
    const sheetSpelling = vocabulary.itemSpelling(role, key, own.has(e.spelling) ? e.spelling : undefined);
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
