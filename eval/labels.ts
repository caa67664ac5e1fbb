/**
 * Expert labels for the FAQ columns other than the category (issue 13): for each corpus case, the
 * points a standard answer must make, the Mission 2–4 items an expert would list, the public
 * contacts the answer must name, and two searches a layperson would type on the published page.
 *
 * One file per corpus file, same name, same order: `eval/labels/<part>/c1.jsonl` labels
 * `eval/corpus/<part>/c1.jsonl`. The format is described in docs/corpus.md ("Answer labels").
 * Like the corpus, the held-out labels are read only by the quality report.
 *
 * `eval/labels/tuning-second/` holds a second, independent editor's labels of the tuning cases (same
 * format, same file names; written in batches, so a file may cover only the first cases of its
 * corpus file). The advice was written with the first editor's labels in view; the second editor's
 * show how far it carries to another expert's wording and choice of points.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CorpusPart } from "./corpus";

export interface CaseLabels {
  id: string;
  /** 3–5 points; each is a group of 2–6 alternative wordings, any one of which shows the point was made. */
  points: string[][];
  /** 1–4 Mission 2–4 item ids, most important first. */
  measures: string[];
  /** 0–3 public contacts; each is a group of alternative names, any one of which counts. */
  contacts: string[][];
  /** Exactly 2 layperson searches of 1–3 words separated by one half-width space. */
  searches: string[];
}

/** The Mission 2–4 items an answer can list (提示する対策項目). */
export const MEASURE_IDS: readonly string[] = [
  "2-2", "2-3", "2-4", "2-5", "2-6", "2-7", "2-8", "2-9", "2-10", "2-11", "2-12", "2-13", "2-14", "2-15",
  "3-2", "3-4", "3-7", "3-10",
  "4-1", "4-3", "4-4", "4-5", "4-6",
];

export const LABELS_DIR = path.join(__dirname, "labels");

/** A set of labels: one per corpus part, plus the second editor's labels of the tuning part. */
export type LabelSet = CorpusPart | "tuning-second";
export const LABEL_SETS: readonly LabelSet[] = ["tuning", "heldout", "tuning-second"];

/** The corpus part a label set labels. */
export function corpusPartOf(set: LabelSet): CorpusPart {
  return set === "heldout" ? "heldout" : "tuning";
}

const ALTERNATIVE_MIN = 3;
const ALTERNATIVE_MAX = 12;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function charLength(text: string): number {
  return [...text].length;
}

/** What is wrong with one label object (empty when it is well formed). */
export function caseLabelProblems(value: unknown): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return ["not an object"];
  const label = value as Partial<Record<keyof CaseLabels, unknown>>;
  const problems: string[] = [];
  if (typeof label.id !== "string" || !/^[a-z0-9]+-\d{3}$/.test(label.id)) problems.push("id must look like c1-001");

  const points = label.points;
  if (!Array.isArray(points) || points.length < 3 || points.length > 5) {
    problems.push("points: 3–5 groups expected");
  }
  if (Array.isArray(points)) {
    points.forEach((group: unknown, index) => {
      if (!isStringArray(group) || group.length < 2 || group.length > 6) {
        problems.push(`points[${index}]: 2–6 alternative wordings expected`);
        return;
      }
      for (const alternative of group) {
        const length = charLength(alternative.trim());
        if (length < ALTERNATIVE_MIN || length > ALTERNATIVE_MAX) {
          problems.push(`points[${index}]: "${alternative}" must be ${ALTERNATIVE_MIN}–${ALTERNATIVE_MAX} characters`);
        }
      }
      if (new Set(group).size !== group.length) problems.push(`points[${index}]: duplicate alternatives`);
    });
  }

  const measures = label.measures;
  if (!isStringArray(measures) || measures.length < 1 || measures.length > 4) {
    problems.push("measures: 1–4 item ids expected");
  } else {
    for (const id of measures) if (!MEASURE_IDS.includes(id)) problems.push(`measures: unknown item id ${id}`);
    if (new Set(measures).size !== measures.length) problems.push("measures: duplicate item ids");
  }

  const contacts = label.contacts;
  if (!Array.isArray(contacts) || contacts.length > 3) {
    problems.push("contacts: 0–3 groups expected");
  } else {
    contacts.forEach((group: unknown, index) => {
      if (!isStringArray(group) || group.length < 1 || group.some((name) => name.trim() === "")) {
        problems.push(`contacts[${index}]: a non-empty list of names expected`);
      }
    });
  }

  const searches = label.searches;
  if (!isStringArray(searches) || searches.length !== 2) {
    problems.push("searches: exactly 2 expected");
  } else {
    for (const query of searches) {
      if (!/^[^\s]+( [^\s]+){0,2}$/u.test(query)) {
        problems.push(`searches: "${query}" must be 1–3 words separated by one half-width space`);
      }
    }
  }
  return problems;
}

/** Parses and validates one label file; throws naming the file and line of the first bad label. */
export function parseLabelLines(text: string, file: string): CaseLabels[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== "" && !line.startsWith("//"))
    .map(({ line, index }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${index + 1}: ${(error as Error).message}`);
      }
      const problems = caseLabelProblems(value);
      if (problems.length > 0) {
        const id = (value as { id?: unknown })?.id;
        throw new Error(`${file}:${index + 1}${typeof id === "string" ? ` (${id})` : ""}: ${problems.join("; ")}`);
      }
      return value as CaseLabels;
    });
}

/** The label files of one set, by corpus file name ("c1.jsonl" → its labels in file order). */
export function readLabelFiles(part: LabelSet, dir: string = LABELS_DIR): Map<string, CaseLabels[]> {
  const partDir = path.join(dir, part);
  const files = new Map<string, CaseLabels[]>();
  if (!fs.existsSync(partDir)) return files;
  for (const name of fs.readdirSync(partDir).filter((n) => n.endsWith(".jsonl")).sort()) {
    const file = path.join(partDir, name);
    files.set(name, parseLabelLines(fs.readFileSync(file, "utf8"), file));
  }
  return files;
}

/**
 * Loads one set's labels keyed by case id. Tuning code may only ever ask for "tuning" or
 * "tuning-second"; the held-out labels are for the quality report.
 */
export function loadLabels(part: LabelSet, dir: string = LABELS_DIR): Map<string, CaseLabels> {
  const byId = new Map<string, CaseLabels>();
  for (const [name, labels] of readLabelFiles(part, dir)) {
    for (const label of labels) {
      if (byId.has(label.id)) throw new Error(`${path.join(dir, part, name)}: duplicate label id ${label.id}`);
      byId.set(label.id, label);
    }
  }
  return byId;
}
