/**
 * Which of the guidebook's advice steps fit a case, and which of them a standard answer makes:
 * shared by the answer, countermeasure and reference columns, so the three always agree.
 */
import { ADVICE_STEPS, STEP_ORDER, type AdviceStep, type Fact } from "../guidebook";
import type { Situation } from "./situation";

/** The FAQ's budget for a draft: steps are chosen until the next would not fit. */
export const MAX_DRAFT_CHARS = 400;
/** A step the case's situation (or wording) asks for outranks one that merely belongs to the item. */
const SITUATION_BONUS = 1.5;
/**
 * A less likely item lends at most this many steps, and only what to do now and whom to contact:
 * enough to cover the other reading of the case without turning the answer into two answers.
 */
const MAX_SECONDARY_STEPS = 2;

/** A Mission 1 item the case may be filed under, and how much its steps count (the likeliest: 1). */
export interface PlanItem {
  id: string;
  weight: number;
}

export interface PlannedStep {
  step: AdviceStep;
  /** The item the step was planned for. */
  itemId: string;
  /** Planned for a less likely item (the runner-up category). */
  secondary: boolean;
  score: number;
  /** Position in the data, to keep the written order between steps that score alike. */
  order: number;
}

export interface AdvicePlan {
  /** Every step that fits the case, best first. */
  fitting: PlannedStep[];
  /** The steps the answer makes, in answer order (what → now → contact → prevent). */
  chosen: PlannedStep[];
}

const normal = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

function fits(step: AdviceStep, itemId: string, situation: Situation): { fits: boolean; situational: boolean } {
  if (step.items && !step.items.includes(itemId)) return { fits: false, situational: false };
  if (step.unless?.some((f) => situation.facts.has(f))) return { fits: false, situational: false };
  if (step.all && !step.all.every((f) => situation.facts.has(f))) return { fits: false, situational: false };
  const byFact = step.when?.some((f: Fact) => situation.facts.has(f)) ?? false;
  const byWords = step.mentions?.some((w) => situation.text.includes(w)) ?? false;
  const conditional = step.when !== undefined || step.mentions !== undefined;
  if (conditional && !byFact && !byWords) return { fits: false, situational: false };
  return { fits: true, situational: conditional };
}

/**
 * The steps for a case that may be filed under `items` (the likeliest first), best first. A step
 * counts in proportion to its item's weight; only the likeliest item says what the case probably is
 * and how to prevent it.
 */
export function fittingSteps(items: readonly PlanItem[], situation: Situation, boost: (step: AdviceStep) => number = () => 0): PlannedStep[] {
  const out: PlannedStep[] = [];
  ADVICE_STEPS.forEach((step, order) => {
    let best: PlannedStep | undefined;
    items.forEach((item, rank) => {
      if (rank > 0 && (step.kind === "what" || step.kind === "prevent")) return;
      const f = fits(step, item.id, situation);
      if (!f.fits) return;
      const score = (step.weight + (f.situational ? SITUATION_BONUS : 0) + boost(step)) * item.weight;
      if (!best || score > best.score) best = { step, itemId: item.id, secondary: rank > 0, score, order };
    });
    if (best) out.push(best);
  });
  return out.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * A step that only follows from what the client did (no item of its own: 「パスワードを変更」) adds
 * nothing when another chosen step already makes its point and names its contacts.
 */
function redundant(candidate: AdviceStep, others: readonly PlannedStep[]): boolean {
  if (candidate.items) return false;
  const text = others.filter((o) => o.step !== candidate).map((o) => normal(o.step.text)).join("");
  const named = new Set(others.filter((o) => o.step !== candidate).flatMap((o) => o.step.contacts));
  if (!candidate.contacts.every((c) => named.has(c))) return false;
  return candidate.signals.some((s) => text.includes(normal(s)));
}

function greedy(fitting: readonly PlannedStep[], start: PlannedStep[], length: (planned: PlannedStep) => number): PlannedStep[] {
  const chosen = [...start];
  let total = chosen.reduce((sum, p) => sum + length(p), 0);
  for (const candidate of fitting) {
    if (chosen.includes(candidate)) continue;
    const n = length(candidate);
    if (total + n > MAX_DRAFT_CHARS || redundant(candidate.step, chosen)) continue;
    if (candidate.secondary && chosen.filter((p) => p.secondary).length >= MAX_SECONDARY_STEPS) continue;
    chosen.push(candidate);
    total += n;
  }
  return chosen;
}

/**
 * Picks the steps the answer makes: the best-scoring ones that fit the length budget, each adding a
 * point the others do not make; then puts them in answer order. `length` gives the length of a step
 * as it will be written (the desk's wording may replace it).
 */
export function chooseSteps(fitting: readonly PlannedStep[], length: (planned: PlannedStep) => number = (p) => p.step.text.length): PlannedStep[] {
  // The likeliest item's best "whom to contact" step goes first: the public desks an answer must name.
  // The item's own contact step names the desks for the threat; a situation's contact step
  // (個人情報保護委員会 when data may have leaked) competes with the other steps.
  const ownContact = (p: PlannedStep) => p.step.kind === "contact" && !p.secondary;
  const contact = fitting.find((p) => ownContact(p) && p.step.items !== undefined) ?? fitting.find(ownContact);
  let chosen = greedy(fitting, contact ? [contact] : [], length);
  // A situation step chosen early may have become redundant with the item's own steps chosen later.
  const pruned = chosen.filter((p) => !redundant(p.step, chosen));
  if (pruned.length < chosen.length) chosen = greedy(fitting.filter((p) => pruned.includes(p) || !chosen.includes(p)), pruned, length);
  return chosen.sort((a, b) => STEP_ORDER.indexOf(a.step.kind) - STEP_ORDER.indexOf(b.step.kind) || b.score - a.score || a.order - b.order);
}

export function planAdvice(
  items: readonly PlanItem[],
  situation: Situation,
  boost?: (step: AdviceStep) => number,
  length?: (planned: PlannedStep) => number,
): AdvicePlan {
  if (items.length === 0) return { fitting: [], chosen: [] };
  const fitting = fittingSteps(items, situation, boost);
  return { fitting, chosen: chooseSteps(fitting, length) };
}

/**
 * How much a fitting step the answer left out (for length) counts: a threat's prevention is listed by
 * experts whether or not the answer had room to spell it out (tuning, nothing filled, items precision /
 * recall, first editor and second: 0.4 gave 78.8 / 71.6% and 70.1 / 70.4%, 0.8 79.1 / 72.9% and
 * 70.5 / 71.8%).
 */
const LEFT_OUT_FACTOR: Record<AdviceStep["kind"], number> = { what: 0.4, now: 0.4, contact: 0.4, prevent: 0.8 };
/**
 * How much a step's items count by its kind: naming a desk is less of a countermeasure than acting
 * (experts list 4-6 only now and then), and saying what the threat is (3-2 企業が被る不利益) less still.
 */
const KIND_MEASURE_FACTOR: Record<AdviceStep["kind"], number> = { what: 0.5, now: 1, contact: 0.6, prevent: 1 };

/**
 * Mission 2–4 item ids the plan puts into practice, most relevant first: the answer's steps count
 * most (in proportion to their score, earlier items of a step more), fitting steps the answer left
 * out less.
 */
export function plannedMeasures(plan: AdvicePlan): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  const chosen = new Set(plan.chosen.map((p) => p.step.id));
  for (const p of plan.fitting) {
    const factor = (chosen.has(p.step.id) ? 1 : LEFT_OUT_FACTOR[p.step.kind]) * KIND_MEASURE_FACTOR[p.step.kind];
    p.step.measures.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + p.score * factor * (i === 0 ? 1 : 0.7)));
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** Contact keys the answer names, in the order it names them. */
export function plannedContacts(plan: AdvicePlan): string[] {
  const out: string[] = [];
  for (const p of plan.chosen) for (const c of p.step.contacts) if (!out.includes(c)) out.push(c);
  return out;
}
