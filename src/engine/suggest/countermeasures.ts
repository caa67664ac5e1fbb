/**
 * 【FAQ用】提示する対策項目: the Mission 2–4 items similar rows give, blended with the guidebook's
 * countermeasures for the case's category while few rows are filled.
 */
import type { ListSuggestion } from "../types";
import type { ColumnInput } from "./column-input";
import { rankItems } from "./items";
import { itemKey } from "./vocabulary";

/** At most this many countermeasure items. */
const MAX_COUNTERMEASURES = 5;

export function suggestCountermeasures(input: ColumnInput): ListSuggestion {
  return rankItems(input, {
    role: "countermeasures",
    keyOf: itemKey,
    guidebookItems: input.topItem?.countermeasures ?? [],
    max: MAX_COUNTERMEASURES,
  });
}
