/**
 * 【FAQ用】標準回答（案）: a draft from the most similar agreeing row's answer and the guidebook's advice,
 * else the desk's own reply made general; the detector masks what is private in it, with the names
 * both this row and the row the answer comes from reveal (「経理の高橋から」 in a filled answer is
 * masked in every similar row's draft, as the check and the page mask it).
 */
import { categoryKey } from "../guidebook";
import { detectPrivate, rowPrivateNames } from "../privacy";
import { stripBoilerplate, type Morphology } from "../text";
import type { AnswerSuggestion, CategoryCandidate } from "../types";
import type { ColumnInput } from "./column-input";
import { isFilled, toSource, type Neighbour } from "./neighbours";

/** A filled row less similar than this is not a good enough model answer. */
const MIN_ANSWER_SIMILARITY = 0.15;

/**
 * A draft answer from the most similar row that has an answer and whose category agrees with the
 * top suggested category (an answer about another threat would contradict the category), plus the
 * taxonomy's advice. Rows without a category cannot show that they agree, so they are not used.
 */
export function suggestAnswer(
  input: ColumnInput,
  topCategory: CategoryCandidate | undefined,
  names: readonly string[],
  morphology?: Morphology,
): AnswerSuggestion {
  const { row, neighbours, topItem, damp } = input;
  const topKey = topCategory ? categoryKey(topCategory.value) : undefined;
  const agrees = (n: Neighbour) =>
    topKey !== undefined &&
    (["category", "classification"] as const).some((role) => isFilled(n.row, role) && categoryKey((n.row.cells[role] ?? "").trim()) === topKey);
  const voters = neighbours.filter((n) => isFilled(n.row, "answer") && agrees(n)).slice(0, 3);
  const best = voters[0];
  const parts: string[] = [];
  const used: Neighbour[] = [];
  let fromRows = 0;
  if (best && best.similarity >= MIN_ANSWER_SIMILARITY) {
    parts.push(best.row.cells.answer ?? "");
    used.push(best);
    fromRows = best.similarity;
  }
  if (topItem) {
    const first = parts[0] ?? "";
    const advice = topItem.advice;
    if (!first.includes(advice.slice(0, 20))) parts.push(parts.length > 0 ? `（参考）${advice}` : advice);
  }
  if (used.length === 0) {
    // The detector reads the reply before its sentences lose their list numbering (「090 1234 5678 から…」).
    const own = generaliseResponse(detectPrivate(row.cells.response ?? "", { names, morphology }).text);
    if (own) parts.push(`対応例: ${own}`);
    if (topItem && topItem.contacts.length > 0) parts.push(`相談先: ${topItem.contacts.slice(0, 2).join(" / ")}`);
  }
  const composed = parts.filter(Boolean).join("\n\n");
  const sourceNames = used.flatMap((n) => rowPrivateNames(n.row, morphology));
  const { text, masked } = detectPrivate(composed, { names: [...names, ...sourceNames], morphology });
  const guide = topItem ? 0.35 : 0.1;
  const confidence = used.length > 0 ? 0.3 + 0.6 * fromRows : guide;
  return {
    text,
    confidence: Math.round(Math.min(1, confidence) * damp * 1000) / 1000,
    origin: used.length > 0 ? (topItem ? "both" : "rows") : topItem ? "guidebook" : "case",
    sources: used.map(toSource),
    masked,
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
    .map((s) => s.replace(/^[\s・●○◆■□▶※\-－‐]+|^(?:[0-9０-９]+|[①-⑳])[.．、)）\s　]*/u, "").trim())
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
