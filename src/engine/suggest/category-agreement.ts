/**
 * Whether a similar row's FAQ cells speak about the same threat as the case: its 案件項目 (or
 * 相談内容分類) is the case's top suggested category. The answer, countermeasure and reference columns
 * borrow only from such rows, so they never contradict the category shown above them.
 */
import { categoryKey } from "../guidebook";
import type { CategoryCandidate } from "../types";
import { isFilled, type Neighbour } from "./neighbours";

export type Agreement = "agrees" | "differs" | "unknown";

export function categoryAgreement(neighbour: Neighbour, topCategory: CategoryCandidate | undefined): Agreement {
  const roles = (["category", "classification"] as const).filter((role) => isFilled(neighbour.row, role));
  if (roles.length === 0 || !topCategory) return "unknown";
  const topKey = categoryKey(topCategory.value);
  return roles.some((role) => categoryKey((neighbour.row.cells[role] ?? "").trim()) === topKey) ? "agrees" : "differs";
}
