/**
 * 【FAQ用】標準回答（案）: a draft composed for the case from the guidebook's advice steps that fit its
 * category and situation (answer-draft.ts), the desk's own sentences from similar agreeing rows winning
 * for the steps they make; else the desk's own reply made general. Every sentence goes through the
 * privacy detector, with the names both this row and the rows lending sentences reveal (「経理の高橋から」
 * in a filled answer is masked in every similar row's draft, as the check and the page mask it), and
 * keeps where it came from.
 */
import { taxonomyIdOf } from "../guidebook";
import { detectPrivate, rowPrivateNames } from "../privacy";
import { stripBoilerplate, type Morphology } from "../text";
import type { AnswerSentence, AnswerSentenceSource, AnswerSuggestion, CategoryCandidate, MaskedItem } from "../types";
import type { PlanItem } from "./advice-plan";
import { composeDraft, type Draft } from "./answer-draft";
import { categoryAgreement } from "./category-agreement";
import type { ColumnInput } from "./column-input";
import { isFilled, toSource } from "./neighbours";

/** A filled row less similar than this is not a good enough model answer. */
const MIN_ANSWER_SIMILARITY = 0.15;
/** The desk's answers of this many similar rows may lend their sentences. */
const DESK_ROWS = 3;
/**
 * Below this confidence the first category is wrong often enough (the confidences are calibrated on
 * cross-validated tuning predictions) that the runner-up's steps count too, in proportion to its
 * confidence, when it has at least SECOND_ITEM_CONFIDENCE (at most two of its steps, see advice-plan).
 * On the tuning cases, a draft for a wrong category alone made 24.8% of the points, with the right
 * one's steps at half weight 57.6%; a right draft with a wrong runner-up at half weight lost 2 points
 * (89.2% → 87.2%).
 */
const SURE_CATEGORY = 0.8;
const SECOND_ITEM_CONFIDENCE = 0.15;

/** The items the draft answers for: the top item, and the runner-up while the top one is unsure. */
function planItems(input: ColumnInput, candidates: readonly CategoryCandidate[]): PlanItem[] {
  const top = input.topItem;
  if (!top) return [];
  const items: PlanItem[] = [{ id: top.id, weight: 1 }];
  const first = candidates[0];
  if (!first || taxonomyIdOf(first.value) !== top.id || first.confidence >= SURE_CATEGORY) return items;
  const second = candidates.slice(1).find((c) => {
    const id = taxonomyIdOf(c.value);
    return id !== undefined && id !== top.id && c.confidence >= SECOND_ITEM_CONFIDENCE;
  });
  const secondId = second ? taxonomyIdOf(second.value) : undefined;
  if (second && secondId) items.push({ id: secondId, weight: second.confidence / Math.max(first.confidence, second.confidence) });
  return items;
}

/**
 * The draft's steps and sentences for a case. Only rows whose category agrees with the top suggested
 * category lend sentences (an answer about another threat would contradict the category); rows
 * without a category cannot show that they agree, so they are not used.
 */
export function draftAnswer(input: ColumnInput, candidates: readonly CategoryCandidate[]): Draft {
  const { neighbours, situation } = input;
  const rows = neighbours
    .filter((n) => n.similarity >= MIN_ANSWER_SIMILARITY && isFilled(n.row, "answer") && categoryAgreement(n, candidates[0]) === "agrees")
    .slice(0, DESK_ROWS);
  const desk = rows.map((n) => ({ rowNumber: n.row.rowNumber, similarity: n.similarity, text: n.row.cells.answer ?? "" }));
  return composeDraft(planItems(input, candidates), situation, desk);
}

export function suggestAnswer(input: ColumnInput, draft: Draft, names: readonly string[], morphology?: Morphology): AnswerSuggestion {
  const { row, neighbours, topItem, damp } = input;
  let pieces: { text: string; source: AnswerSentenceSource }[] = draft.sentences;
  if (pieces.length === 0) {
    const own = generaliseResponse(row.cells.response ?? "");
    if (own) pieces = [{ text: own, source: { kind: "case" } }];
  }
  const rowNumbers = new Set(pieces.flatMap((p) => (p.source.kind === "row" ? [p.source.rowNumber] : [])));
  const used = neighbours.filter((n) => rowNumbers.has(n.row.rowNumber));
  const allNames = [...names, ...used.flatMap((n) => rowPrivateNames(n.row, morphology))];
  // Each sentence is masked on its own, so it keeps its offsets and its source.
  let text = "";
  const masked: MaskedItem[] = [];
  const sentences: AnswerSentence[] = [];
  for (const piece of pieces) {
    const result = detectPrivate(piece.text, { names: allNames, morphology });
    const start = text.length;
    for (const m of result.masked) masked.push({ ...m, start: m.start + start, end: m.end + start });
    text += result.text;
    sentences.push({ start, end: text.length, source: piece.source });
  }
  const fromGuidebook = sentences.some((s) => s.source.kind === "guidebook");
  const confidence = used.length > 0 ? 0.3 + 0.6 * used[0].similarity : topItem ? 0.35 : 0.1;
  return {
    text,
    confidence: Math.round(Math.min(1, confidence) * damp * 1000) / 1000,
    origin: used.length > 0 ? (fromGuidebook ? "both" : "rows") : fromGuidebook ? "guidebook" : "case",
    sources: used.map(toSource),
    masked,
    sentences,
  };
}

/** A reply sentence that speaks to this client about this case rather than giving general advice. */
const CASE_SPECIFIC =
  /とのこと|よろしいでしょうか|ご相談(?:いただ|の)|お問い合わせ(?:の|いただ)|ご連絡いただ|御社|貴社|弊社|当社|様(?:の|が|は|に|へ)|以上のよう|以下のよう|下記の通り|次のとおり|(?:です|ます)が、$|^また、?$|^なお、?$/;
/** Advice reads as a recommendation or a fact about the threat, not as a record of what the desk did. */
const ADVICE_ENDING = /(?:ください|しましょう|ません|ます|です|こと|可能性があります|必要があります|お勧めします|有効です)$/;
const MAX_GENERALISED_SENTENCES = 4;
const MAX_GENERALISED_CHARS = 320;

/**
 * Turns a desk's reply into general advice an FAQ can carry: greetings, sign-offs and addressing
 * lines go, then every sentence that quotes the client or speaks about this one case, and the desk's
 * own notes ("…を勧めた"); what is left is cut at a sentence boundary, never in mid-sentence.
 */
export function generaliseResponse(response: string): string {
  const sentences = stripBoilerplate(response)
    .split(/(?<=。)|\r?\n/)
    // An item number is one or two digits and a mark: 「090 1234 5678 から…」 starts with a phone number.
    .map((s) => s.trim().replace(/^[・●○◆■□▶※\-－‐]+\s*|^(?:[0-9０-９]{1,2}|[①-⑳])(?:[.．、)）][\s　]*|[\s　]+)(?![0-9０-９])/u, "").trim())
    .filter((s) => s.length >= 6);
  const kept: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const body = sentence.replace(/。$/, "");
    // A sentence that starts on a particle is the tail of a list that was split off above it.
    const fragment = /^(?:という|といった|[とがをにではもやの])/.test(body);
    if (fragment || CASE_SPECIFIC.test(body) || /「[^」]{16,}」/.test(body) || !ADVICE_ENDING.test(body)) continue;
    if (length + sentence.length > MAX_GENERALISED_CHARS) break;
    kept.push(sentence.endsWith("。") ? sentence : `${sentence}。`);
    length += sentence.length;
    if (kept.length >= MAX_GENERALISED_SENTENCES) break;
  }
  return kept.join("");
}
