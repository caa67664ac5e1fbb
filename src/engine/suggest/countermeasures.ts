/**
 * 【FAQ用】提示する対策項目: the Mission 2–4 items similar rows give, blended with the items the case's
 * advice plan puts into practice (its category and situation), most relevant first.
 */
import { MEASURES } from "../guidebook";
import type { CategoryCandidate, ListSuggestion } from "../types";
import { plannedMeasures, type AdvicePlan } from "./advice-plan";
import { categoryAgreement } from "./category-agreement";
import type { ColumnInput } from "./column-input";
import { rankItems, type ItemRanking } from "./items";
import { itemKey } from "./vocabulary";

/** Items meet by their Mission number; experts list 1–4, so at most four are offered. */
const MAX_COUNTERMEASURES = 4;
const RANKING: ItemRanking = { role: "countermeasures", keyOf: itemKey, max: MAX_COUNTERMEASURES };
/**
 * An item the plan ranks below this share of its best item is left out (beyond the first two). Chosen
 * on the tuning labels (nothing filled, precision / recall): 0.3 gave 72.3% / 75.7%, 0.35 73.1% / 72.9%,
 * 0.45 74.6% / 69.4%.
 */
const MIN_SHARE_OF_BEST = 0.35;
/**
 * A fourth item must be nearly as strong as the best: experts list 2–3 items for most cases, and a
 * weak fourth was mostly wrong for both editors of the tuning labels (nothing filled, precision / recall,
 * first editor and second: 0.35 gave 72.8 / 74.4% and 63.3 / 71.4%, 0.6 77.2 / 71.6% and 67.0 / 68.6%,
 * 0.8 78.1 / 69.7% and 68.6 / 67.6%).
 */
const MIN_SHARE_FOR_FOURTH = 0.6;

const MEASURE_LABEL = new Map<string, string>(Object.values(MEASURES).map((label) => [label.split(" ")[0], label]));

/** The plan's items as the sheet writes them ("2-5 パスワードの管理"), most relevant first. */
export function planCountermeasures(plan: AdvicePlan): string[] {
  const ranked = plannedMeasures(plan);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((m, i) => i < 2 || m.score >= (i < 3 ? MIN_SHARE_OF_BEST : MIN_SHARE_FOR_FOURTH) * best)
    .slice(0, MAX_COUNTERMEASURES)
    .flatMap((m) => {
      const label = MEASURE_LABEL.get(m.id);
      return label ? [label] : [];
    });
}

export function suggestCountermeasures(input: ColumnInput, plan: AdvicePlan, topCategory: CategoryCandidate | undefined): ListSuggestion {
  const planned = planCountermeasures(plan);
  // Rows filed under another threat list that threat's items, not this case's.
  const neighbours = input.neighbours.filter((n) => categoryAgreement(n, topCategory) !== "differs");
  return rankItems({ ...input, neighbours }, RANKING, planned.length > 0 ? planned : (input.topItem?.countermeasures ?? []));
}
