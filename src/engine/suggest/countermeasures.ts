/**
 * 【FAQ用】提示する対策項目: the Mission 2–4 items similar rows give, blended with the guidebook's
 * countermeasures for the case's category while few rows are filled.
 */
import type { ListSuggestion } from "../types";
import type { ColumnInput } from "./column-input";
import { rankItems, type ItemRanking } from "./items";
import { itemKey } from "./vocabulary";

/** Items meet by their Mission number; at most five are offered. */
const RANKING: ItemRanking = { role: "countermeasures", keyOf: itemKey, max: 5 };

export function suggestCountermeasures(input: ColumnInput): ListSuggestion {
  return rankItems(input, RANKING, input.topItem?.countermeasures ?? []);
}
