/**
 * Answer, countermeasure and contact quality (issue 13) against the expert labels of eval/labels:
 *
 * - answer points made: a point counts when the draft contains any of its alternative wordings after
 *   NFKC, removing spaces, and folding katakana to hiragana, width and case (docs/corpus.md);
 * - answer length in characters;
 * - countermeasure items: precision and recall of the suggested Mission 2–4 ids against the labels'
 *   1–4 items (pooled over cases; the per-case mean is printed beside it);
 * - required contacts named: a contact group counts when the draft names any of its alternatives.
 *
 * Two settings: the corpus cases alone in a sheet with every FAQ column empty (the desk's first day:
 * the guidebook only), and the cases appended to the bundled sample, whose 22 filled rows (with the
 * desk's own answers) are the similar rows. Only the public engine API is used, so the same code
 * measures the engine before this change (`npm run eval -- --engine DIR`).
 */
import type { CaseRow, CaseTable } from "../src/engine";
import type { CorpusCase } from "./corpus";
import type { CaseLabels } from "./labels";
import { loadSampleTable, type Engine } from "./measure";

export type AnswerSetting = "nothingFilled" | "samplePool";

export interface AnswerFigures {
  cases: number;
  points: number;
  pointsMade: number;
  /** Share of the labels' points the drafts make. */
  pointRate: number;
  meanLength: number;
  /** Drafts longer than 400 characters. */
  over400: number;
  /** Drafts shorter than 150 characters. */
  under150: number;
  /** Countermeasure ids, pooled over the cases. */
  measurePrecision: number;
  measureRecall: number;
  /** The same, averaged per case. */
  measureCasePrecision: number;
  measureCaseRecall: number;
  meanMeasures: number;
  contacts: number;
  contactsNamed: number;
  /** Share of the required contact groups the draft names. */
  contactRate: number;
  /** Share named by the draft or the reference column. */
  contactRateWithReferences: number;
  /** Different draft texts among the cases (one per category would be the number of categories). */
  distinctDrafts: number;
}

const KATAKANA = /[\u30a1-\u30f6]/g;

/** The labels' matching rule: NFKC, no spaces, katakana → hiragana, lower case. */
export function foldForPoints(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .toLowerCase();
}

export function groupMade(text: string, alternatives: readonly string[]): boolean {
  const folded = foldForPoints(text);
  return alternatives.some((a) => folded.includes(foldForPoints(a)));
}

const MEASURE_ID = /^\s*([0-9０-９])\s*[-－ー‐−]\s*([0-9０-９]{1,2})(?![0-9０-９])/;

export function measureIdOf(value: string): string | undefined {
  const m = MEASURE_ID.exec(value.normalize("NFKC"));
  return m ? `${m[1]}-${m[2]}` : undefined;
}

function row(c: CorpusCase, rowNumber: number): CaseRow {
  return { rowNumber, cells: { caseNumber: c.id, subject: c.subject, content: c.content } };
}

/** A sheet with the sample's columns: the corpus cases alone, or appended to the sample's rows. */
function tableFor(engine: Engine, cases: readonly CorpusCase[], setting: AnswerSetting): { table: CaseTable; firstCase: number } {
  const sample = loadSampleTable(engine);
  const first = sample.lastRow + 2;
  const corpusRows = cases.map((c, i) => row(c, first + i));
  const rows = setting === "samplePool" ? [...sample.rows.map((r) => ({ rowNumber: r.rowNumber, cells: { ...r.cells } })), ...corpusRows] : corpusRows;
  return { table: { ...sample, rows, lastRow: first + cases.length }, firstCase: first };
}

export function measureAnswers(engine: Engine, cases: readonly CorpusCase[], labels: ReadonlyMap<string, CaseLabels>, setting: AnswerSetting): AnswerFigures | null {
  const labelled = cases.filter((c) => labels.has(c.id));
  if (labelled.length === 0) return null;
  const { table, firstCase } = tableFor(engine, labelled, setting);
  const built = engine.SuggestionEngine.build(table);
  let points = 0;
  let pointsMade = 0;
  let length = 0;
  let over400 = 0;
  let under150 = 0;
  let suggestedMeasures = 0;
  let rightMeasures = 0;
  let labelMeasures = 0;
  let casePrecision = 0;
  let caseRecall = 0;
  let contacts = 0;
  let contactsNamed = 0;
  let contactsWithReferences = 0;
  const drafts = new Set<string>();
  labelled.forEach((c, i) => {
    const label = labels.get(c.id) as CaseLabels;
    const s = built.suggest(firstCase + i);
    const text = s.answer.text;
    drafts.add(text);
    const chars = [...text].length;
    length += chars;
    if (chars > 400) over400++;
    if (chars < 150) under150++;
    points += label.points.length;
    pointsMade += label.points.filter((p) => groupMade(text, p)).length;

    const ids = [...new Set(s.countermeasures.values.map(measureIdOf).filter((id): id is string => id !== undefined))];
    const right = ids.filter((id) => label.measures.includes(id)).length;
    suggestedMeasures += ids.length;
    rightMeasures += right;
    labelMeasures += label.measures.length;
    casePrecision += ids.length > 0 ? right / ids.length : 0;
    caseRecall += right / label.measures.length;

    const references = s.references.values.join("\n");
    contacts += label.contacts.length;
    contactsNamed += label.contacts.filter((g) => groupMade(text, g)).length;
    contactsWithReferences += label.contacts.filter((g) => groupMade(`${text}\n${references}`, g)).length;
  });
  const n = labelled.length;
  return {
    cases: n,
    points,
    pointsMade,
    pointRate: points ? pointsMade / points : 0,
    meanLength: length / n,
    over400,
    under150,
    measurePrecision: suggestedMeasures ? rightMeasures / suggestedMeasures : 0,
    measureRecall: labelMeasures ? rightMeasures / labelMeasures : 0,
    measureCasePrecision: casePrecision / n,
    measureCaseRecall: caseRecall / n,
    meanMeasures: suggestedMeasures / n,
    contacts,
    contactsNamed,
    contactRate: contacts ? contactsNamed / contacts : 1,
    contactRateWithReferences: contacts ? contactsWithReferences / contacts : 1,
    distinctDrafts: drafts.size,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function printAnswerFigures(title: string, f: AnswerFigures): void {
  console.log(`${title} (n=${f.cases}):`);
  console.log(`  answer points made ${pct(f.pointRate)} (${f.pointsMade}/${f.points}); mean length ${f.meanLength.toFixed(0)} characters, ${f.over400} over 400, ${f.under150} under 150; ${f.distinctDrafts} different drafts`);
  console.log(
    `  countermeasure items: precision ${pct(f.measurePrecision)}, recall ${pct(f.measureRecall)} (pooled; per-case mean ${pct(f.measureCasePrecision)} / ${pct(f.measureCaseRecall)}; ${f.meanMeasures.toFixed(1)} items per case)`,
  );
  console.log(`  required contacts named in the draft ${pct(f.contactRate)} (${f.contactsNamed}/${f.contacts}); in the draft or the references ${pct(f.contactRateWithReferences)}`);
}
