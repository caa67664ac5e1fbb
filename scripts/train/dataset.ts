/**
 * What the category model learns from: the taxonomy's own descriptions and keywords, the lay
 * phrasings written for this project, and the tuning part of the outside corpus. Never the held-out
 * part (that is for `npm run eval` only) and never the sample workbook (its figures stay a check).
 */
import { loadCorpus, type CorpusCase } from "../../eval/corpus";
import { TAXONOMY } from "../../src/engine/guidebook/taxonomy";
import type { TextPart } from "../../src/engine/suggest/classifier/features";
import { NEUTRAL_PHRASES, PHRASINGS, REVIEW_PHRASINGS, type Phrasing } from "./phrasings";

export type DocKind = "taxonomy" | "keywords" | "phrasing" | "review" | "neutral" | "tuning";

/** The label of a document that speaks for no category (learned as an even spread). */
export const NO_CATEGORY = "*";

export interface TrainingDoc {
  id: string;
  kind: DocKind;
  /** A category id, or NO_CATEGORY. */
  label: string;
  alsoAccepted: string[];
  subject: string;
  body: string;
  /** Cases from one source share a group, so cross-validation never splits a source. */
  group: string;
}

export function taxonomyDocs(): TrainingDoc[] {
  return TAXONOMY.flatMap((item) => [
    { id: `tax:${item.id}`, kind: "taxonomy" as const, label: item.id, alsoAccepted: [], subject: item.title, body: item.description, group: "taxonomy" },
    { id: `kw:${item.id}`, kind: "keywords" as const, label: item.id, alsoAccepted: [], subject: "", body: item.keywords.join("、"), group: "taxonomy" },
  ]);
}

function fromTable(table: Readonly<Record<string, readonly Phrasing[]>>, kind: "phrasing" | "review", prefix: string): TrainingDoc[] {
  return Object.entries(table).flatMap(([label, list]) =>
    list.map(([subject, body], i) => ({ id: `${prefix}:${label}:${i + 1}`, kind, label, alsoAccepted: [], subject, body, group: kind })),
  );
}

/** The lay phrasings: those written up front, then those written after reviewing tuning misses. */
export function phrasingDocs(): TrainingDoc[] {
  return [...fromTable(PHRASINGS, "phrasing", "ph"), ...fromTable(REVIEW_PHRASINGS, "review", "rv")];
}

export function neutralDocs(): TrainingDoc[] {
  return NEUTRAL_PHRASES.map((body, i) => ({ id: `nt:${i + 1}`, kind: "neutral" as const, label: NO_CATEGORY, alsoAccepted: [], subject: "", body, group: "neutral" }));
}

export function corpusDocs(cases: readonly CorpusCase[]): TrainingDoc[] {
  return cases.map((c) => ({
    id: c.id,
    kind: "tuning" as const,
    label: c.category,
    alsoAccepted: c.alsoAccepted ?? [],
    subject: c.subject,
    body: c.content,
    group: c.source.url,
  }));
}

/** Everything the shipped model is trained on. */
export function trainingDocs(corpusDir?: string): TrainingDoc[] {
  return [...taxonomyDocs(), ...phrasingDocs(), ...neutralDocs(), ...corpusDocs(loadCorpus("tuning", corpusDir))];
}

export function docParts(doc: TrainingDoc, partWeights: { subject: number; body: number }): TextPart[] {
  return [
    { text: doc.subject, weight: partWeights.subject, subject: true },
    { text: doc.body, weight: partWeights.body },
  ];
}
