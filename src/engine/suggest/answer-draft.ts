/**
 * Composes the draft standard answer for a case: the guidebook's steps that fit its category and
 * situation, in the fixed order what → now → contact → prevent, as one text of 150–400 characters.
 * Where the desk has answered similar rows of the same category, its own sentence for a step
 * replaces the guidebook's wording of that step, and is credited with its row number.
 */
import { ADVICE_CONTACTS, ITEM_CASE_NAMES, type AdviceStep } from "../guidebook";
import { characterPairs, comparableSentence, overlap } from "../text";
import { planAdvice, type AdvicePlan, type PlanItem, type PlannedStep } from "./advice-plan";
import type { AnswerSentenceSource } from "../types";
import type { Situation } from "./situation";

/** A similar filled row's answer, most similar first. */
export interface DeskAnswer {
  rowNumber: number;
  similarity: number;
  text: string;
}

export interface DraftSentence {
  text: string;
  source: Extract<AnswerSentenceSource, { kind: "guidebook" | "row" }>;
}

export interface Draft {
  sentences: DraftSentence[];
  plan: AdvicePlan;
}

/** A desk sentence that speaks to one client about one case, not to anyone in the situation. */
const CASE_SPECIFIC = /とのこと|ご相談(?:いただ|の)|お問い合わせ(?:の|いただ)|ご連絡いただ|御社|貴社|弊社|当社|様(?:の|が|は|に|へ)|今回の|以上のよう|以下のよう|下記の|次のとおり/;
const MIN_SENTENCE = 12;
const MAX_SENTENCE = 170;

const normal = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

interface DeskSentence {
  text: string;
  rowNumber: number;
  key: string;
}

function deskSentences(answers: readonly DeskAnswer[]): DeskSentence[] {
  const out: DeskSentence[] = [];
  for (const answer of answers) {
    for (const raw of answer.text.split(/(?<=。)|\r?\n/)) {
      const text = raw.trim();
      if (text.length < MIN_SENTENCE || text.length > MAX_SENTENCE || !text.endsWith("。") || CASE_SPECIFIC.test(text)) continue;
      out.push({ text, rowNumber: answer.rowNumber, key: normal(text) });
    }
  }
  return out;
}

/** How a text names a contact at least: 「警察（警視庁…）」 → 警察, 「IPAの届出窓口」 → ipa. */
const shortName = (key: string) => normal((ADVICE_CONTACTS.get(key)?.name ?? key).split(/[（の]/)[0]);

/** The desk's sentence makes the step's point and names every contact the step names. */
const covers = (sentence: DeskSentence, step: AdviceStep) =>
  step.signals.some((s) => sentence.key.includes(normal(s))) && step.contacts.every((c) => sentence.key.includes(shortName(c)));

/** The desk's sentence for a step: from the most similar row that makes the step's point. */
function deskSentenceFor(step: AdviceStep, sentences: readonly DeskSentence[], used: ReadonlySet<DeskSentence>): DeskSentence | undefined {
  return sentences.find((s) => !used.has(s) && covers(s, step));
}

/**
 * A step lent by the runner-up category says which reading of the case it is for (「偽の通販サイトなら、…」);
 * the reading's second step goes on from the first (「その場合、…」) rather than naming it again.
 */
function guidebookText(planned: PlannedStep, previous?: PlannedStep): string {
  const name = planned.secondary ? ITEM_CASE_NAMES[planned.itemId] : undefined;
  if (!name) return planned.step.text;
  const goesOn = previous?.secondary === true && previous.itemId === planned.itemId;
  return goesOn ? `その場合、${planned.step.text}` : `${name}なら、${planned.step.text}`;
}

/** A guidebook sentence this much of whose wording a desk sentence of the draft has says the same thing again. */
const SAYS_AGAIN = 0.4;

/** Drops guidebook sentences that repeat what a desk sentence of the draft already says (the desk's wording wins). */
function withoutRepeats(sentences: DraftSentence[]): DraftSentence[] {
  const desk = sentences.filter((s) => s.source.kind === "row").map((s) => characterPairs(comparableSentence(s.text)));
  if (desk.length === 0) return sentences;
  return sentences.filter((s) => {
    if (s.source.kind === "row") return true;
    const mine = characterPairs(comparableSentence(s.text));
    return !desk.some((d) => overlap(mine, d) >= SAYS_AGAIN);
  });
}

function guidebookSource(itemId: string, step: AdviceStep): DraftSentence["source"] {
  return { kind: "guidebook", itemId, sourceName: step.source.name, url: step.source.url };
}

/** `items`: the Mission 1 items the case may be filed under, the likeliest first (see PlanItem). */
export function composeDraft(items: readonly PlanItem[], situation: Situation, desk: readonly DeskAnswer[] = []): Draft {
  const sentences = deskSentences(desk);
  const plan = planAdvice(
    items,
    situation,
    // The desk making a step's point in a similar row says the step matters for cases like this one.
    (step) => (sentences.some((s) => covers(s, step)) ? 1 : 0),
    (planned) => (deskSentenceFor(planned.step, sentences, new Set())?.text ?? guidebookText(planned)).length,
  );
  const used = new Set<DeskSentence>();
  const out: DraftSentence[] = [];
  const kept: PlannedStep[] = [];
  for (const planned of plan.chosen) {
    const step = planned.step;
    // A desk sentence already written may make this step's point too.
    if ([...used].some((s) => covers(s, step))) continue;
    const mine = deskSentenceFor(step, sentences, used);
    if (mine) {
      used.add(mine);
      out.push({ text: mine.text, source: { kind: "row", rowNumber: mine.rowNumber } });
    } else {
      out.push({ text: guidebookText(planned, kept[kept.length - 1]), source: guidebookSource(planned.itemId, step) });
    }
    kept.push(planned);
  }
  return { sentences: withoutRepeats(out), plan: { fitting: plan.fitting, chosen: kept } };
}

export function draftText(draft: Draft): string {
  return draft.sentences.map((s) => s.text).join("");
}
