/** Turns suggestions and evaluations into the CLI's JSON objects and readable text. */
import { FAQ_ROLES, ROLE_LABEL, qualitySentence, type EvaluationResult, type QualityFigures, type RowSuggestions } from "../engine";
import { LABELS, type Lang } from "./messages";

/** A row reference: the sheet row number, or "SHEET!ROW" when every sheet is pooled (`--sheet all`). */
export type RowRef = number | string;

export interface RowJson {
  row: RowRef;
  category: { value: string; confidence: number; sources: RowRef[] }[];
  classification: { value: string; confidence: number; sources: RowRef[] }[];
  keywords: string[];
  answer: { text: string; sources: RowRef[]; masked: string[]; confidence: number };
  countermeasures: string[];
  references: string[];
  lowInformation: boolean;
  similar: { row: RowRef; similarity: number }[];
}

export function toJson(s: RowSuggestions, ref: (row: number) => RowRef = (row) => row): RowJson {
  const candidates = (list: RowSuggestions["category"]) =>
    list.map((c) => ({ value: c.value, confidence: c.confidence, sources: c.sources.map((r) => ref(r.rowNumber)) }));
  return {
    row: ref(s.rowNumber),
    category: candidates(s.category),
    classification: candidates(s.classification),
    keywords: s.keywords.values,
    answer: {
      text: s.answer.text,
      sources: s.answer.sources.map((r) => ref(r.rowNumber)),
      masked: s.answer.masked.map((m) => m.kind),
      confidence: s.answer.confidence,
    },
    countermeasures: s.countermeasures.values,
    references: s.references.values,
    lowInformation: s.lowInformation,
    similar: s.similar.map((r) => ({ row: ref(r.rowNumber), similarity: r.similarity })),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatRow(s: RowSuggestions, subject: string, lang: Lang, label: (row: number) => string = String): string {
  const L = LABELS[lang];
  const rows = (list: { rowNumber: number }[]) => (list.length > 0 ? ` [${L.sources}: ${list.map((r) => label(r.rowNumber)).join(", ")}]` : "");
  const lines: string[] = [`== ${L.row} ${label(s.rowNumber)}: ${subject.replace(/\s+/g, " ").slice(0, 60)}`];
  if (s.lowInformation) lines.push(`  ${L.lowInformation}`);
  for (const [label, list] of [
    [L.category, s.category],
    [L.classification, s.classification],
  ] as const) {
    if (list.length === 0) continue;
    lines.push(`  ${label}:`);
    list.forEach((c, i) => lines.push(`    ${i + 1}. ${c.value} (${c.confidence.toFixed(2)})${rows(c.sources)}`));
  }
  const list = (label: string, values: string[], sources: { rowNumber: number }[]) =>
    lines.push(`  ${label}: ${values.length > 0 ? values.join(" / ") : L.none}${rows(sources)}`);
  list(L.keywords, s.keywords.values, s.keywords.sources);
  list(L.countermeasures, s.countermeasures.values, s.countermeasures.sources);
  list(L.references, s.references.values, s.references.sources);
  lines.push(`  ${L.answer} (${s.answer.confidence.toFixed(2)})${rows(s.answer.sources)}:`);
  for (const line of s.answer.text.split("\n")) lines.push(`    ${line}`);
  if (s.answer.masked.length > 0) {
    lines.push(`  ${L.masked}: ${[...new Set(s.answer.masked.map((m) => m.kind))].join(", ")}`);
  }
  if (s.similar.length > 0) {
    lines.push(`  ${L.similar}: ${s.similar.map((r) => `${label(r.rowNumber)} (${r.similarity.toFixed(2)})`).join(", ")}`);
  }
  return lines.join("\n");
}

export function formatEvaluation(results: EvaluationResult[], lang: Lang): string {
  const L = LABELS[lang];
  const lines = [`${L.evaluation}`];
  for (const r of results) {
    lines.push(`  ${r.mode === "leaveOneOut" ? L.leaveOneOut : L.taxonomyOnly}`);
    lines.push(`    ${L.rows}: ${r.rows}`);
    lines.push(`    ${L.at1}: ${pct(r.categoryAt1)}`);
    lines.push(`    ${L.at3}: ${pct(r.categoryAt3)}`);
    if (r.mode === "leaveOneOut" && r.keywordRows > 0) {
      lines.push(`    ${L.keywordPrecision}: ${pct(r.keywordPrecision)}`);
      lines.push(`    ${L.keywordRecall}: ${pct(r.keywordRecall)}`);
    }
    lines.push(`    ${L.msPerRow}: ${r.msPerRow.toFixed(1)} ms`);
  }
  return lines.join("\n");
}

/** Every FAQ column's leave-one-out figures, each with its plain sentence. */
export function formatQuality(figures: QualityFigures, lang: Lang): string {
  const L = LABELS[lang];
  const lines = [`${L.columnFigures} (${L.rows}: ${figures.rows})`];
  for (const role of FAQ_ROLES) {
    const figure = figures.columns[role];
    if (!figure) continue;
    const numbers =
      figure.kind === "rank"
        ? `@1 ${pct(figure.at1)}, @3 ${pct(figure.at3)}`
        : figure.kind === "list"
          ? `${L.precision} ${pct(figure.precision)}, ${L.recall} ${pct(figure.recall)}`
          : `${L.coverage} ${pct(figure.coverage)}`;
    lines.push(`  ${ROLE_LABEL[lang][role]} (${figure.rows} ${L.rowsShort}): ${numbers}`);
    lines.push(`    ${qualitySentence(role, figure, lang)}`);
  }
  return lines.join("\n");
}
