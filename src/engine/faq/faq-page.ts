// Over 400 lines: one published artefact — the FAQ model, its gate, its HTML and offline search — kept together so a change to the page is read in one place.
/**
 * Publishing the FAQ: the filled rows of a case table → one self-contained HTML page (no outside
 * resources, offline search, print styles). Pure: no Office, no DOM, so the CLI and the task pane
 * both use it.
 *
 * - An entry is a row with a standard answer. Its question is written from the case (件名, else the
 *   first sentence of 相談内容), generalised (当社 → 自社…) and masked; the answer, keywords,
 *   countermeasures and references come from the FAQ cells.
 * - The privacy gate: every FAQ cell and the question are read by the detector (privacy/), with the
 *   names the row reveals in any cell. An answer with personal data is published masked (or the entry is left
 *   out, `privateData: "omit"`); list items with personal data are left out. Every such decision is
 *   returned as a note (row, column, kinds) so the caller can say which rows and why.
 * - Entries are grouped by category in guidebook order; within a category, entries whose answers give
 *   the same advice (every step of each in the other, `sameAdvice`) are merged into one that lists all
 *   their 受理番号 and the other cases' questions.
 * - The page's search (page-search.ts) ranks entries as the reader types, best first; with the box empty
 *   the entries are in guidebook order.
 */
import { fieldVector, type TermVector } from "../search";
import { categoryKey, GUIDEBOOK_CREDIT, TAXONOMY, taxonomyIdOf, taxonomyItem } from "../guidebook";
import { referenceKey, referencePrivacy } from "../suggest";
import { detectInItem, detectPrivate, PLACEHOLDER, PLACEHOLDERS as PRIVACY_PLACEHOLDERS, rowPrivateNames, type PrivacyContext } from "../privacy";
import { PAGE_TEXT, type FaqLang, type GateNoteText } from "./faq-text";
import { type Morphology, normalizeText, splitList } from "../text";
import type { CaseRow, CaseTable, MaskKind } from "../types";
import { jsonForScript, pageSearchData, pageSearchScript } from "./page-index";
import { sameAdvice } from "./same-advice";

export interface FaqEntry {
  /** Anchor id, unique in the page. */
  id: string;
  question: string;
  /** Questions of the other cases merged into this entry (same advice), without repeats. */
  otherQuestions: string[];
  answer: string;
  keywords: string[];
  countermeasures: string[];
  references: string[];
  /** Sheet rows merged into this entry, in sheet order. */
  rows: number[];
  /** Their 受理番号 (rows without one are left out). */
  caseNumbers: string[];
}

export interface FaqGroup {
  /** Taxonomy id, or `text:<normalised>` for a category of the sheet's own, or "" for rows without one. */
  key: string;
  /** The heading: the taxonomy label, the sheet's own category text, or "" (uncategorised). */
  title: string;
  outsideGuidebook: boolean;
  entries: FaqEntry[];
}

export interface FaqGateNote extends GateNoteText {
  rowNumber: number;
  caseNumber: string;
}

export interface FaqModel {
  groups: FaqGroup[];
  /** What the privacy gate masked or left out, per row and column. */
  notes: FaqGateNote[];
  /** Rows published (merged or not). */
  rowsPublished: number;
  /** Case rows without a standard answer (not published). */
  rowsWithoutAnswer: number;
  /** Rows left out whole by the gate (`privateData: "omit"`). */
  rowsOmitted: number;
}

export interface FaqBuildOptions {
  /** An answer with personal data: published masked (default) or left out. */
  privateData?: "mask" | "omit";
  /**
   * Answers of one category are merged when they give the same advice (`sameAdvice`) and are at least
   * this similar overall (bigram cosine); default 0.85. Above 1, nothing is merged.
   */
  mergeSimilarity?: number;
  /** With kuromoji, words tagged as people's names are masked (answers, questions) or left out (keywords) too. */
  morphology?: Morphology;
}

export interface FaqPageOptions {
  lang?: FaqLang;
  /** Page title; default "よくある質問（FAQ）" / "Frequently asked questions (FAQ)". */
  title?: string;
  /** Shown in the page header, e.g. "2025-01-31"; omitted when not given (keeps the output reproducible). */
  generatedAt?: string;
}

const MERGE_SIMILARITY = 0.85;
const MAX_KEYWORDS = 10;
const MAX_QUESTION = 70;
/** After masking, an answer needs this many meaningful characters left to be worth publishing. */
const MIN_ANSWER_CHARS = 12;

// ---------------------------------------------------------------------------------------------
// Questions

const OWN_ORGANISATION = /弊社|当社|わが社|我が社|当店|当組合|当法人|当事務所|当院|当方/g;
const THEIR_ORGANISATION = /御社|貴社/g;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。？?！!])|\r?\n/)
    .map((s) => s.replace(/^[\s・●○◆■□▶※\-－‐]+|^(?:[0-9０-９]+|[①-⑳])[.．、)）\s　]+/u, "").trim())
    .filter((s) => s.length > 0);
}

function shorten(text: string): string {
  if (text.length <= MAX_QUESTION) return text;
  const cut = text.slice(0, MAX_QUESTION);
  const at = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf("、"), cut.lastIndexOf(" "), cut.lastIndexOf("　"));
  return at >= 12 ? cut.slice(0, at) : cut;
}

/** Full-width latin letters and digits as half-width (ＳＭＳ → SMS), as a published page spells them. */
function halfWidthLatin(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => (/[Ａ-Ｚａ-ｚ０-９]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));
}

const PLEASE_TELL = "(?:を)?教えて(?:ほしい|欲しい|ください|下さい|いただきたい)";

/** Turns a case's one-line summary into a question a reader could ask. */
export function questionForm(summary: string): string {
  let t = halfWidthLatin(summary.trim())
    .replace(/[（(][^）)]{1,12}[）)]$/u, "")
    .replace(/[。．.！!、,\s]+$/u, "");
  if (/[？?]$/.test(t)) return t.replace(/\?$/, "？");
  if (/(?:ですか|ますか|でしょうか)$/.test(t)) return `${t}？`;
  const askWhether = new RegExp(`^(.*)か${PLEASE_TELL}$`).exec(t);
  if (askWhether) return `${askWhether[1]}でしょうか？`;
  const askWhat = new RegExp(`^(.*?)(?:等|など)?${PLEASE_TELL}$`).exec(t) ?? /^(.*?)を知りたい$/.exec(t);
  if (askWhat) return `${askWhat[1]}を教えてください。`;
  if (/か$/.test(t)) return `${t.slice(0, -1)}でしょうか？`;
  t = t.replace(/(?:への|に関する|についての|について|の)?(?:ご?相談|お問い?合わ?せ|問合せ|の件)$/, "");
  if (/(?:注意点|方法|対策|手順|やり方|ポイント)$/.test(t)) return `${t}を教えてください。`;
  if (/(?:たい|ほしい|欲しい)$/.test(t)) return `${t}のですが、どうすればよいですか？`;
  // A verb or adjective ending describes a situation: "…された場合は".
  if (/(?:[たでだいうくすつぬふむゆるぐずづぶぷ]|てる)$/.test(t)) return `${t}場合は、どうすればよいですか？`;
  return `${t}。どうすればよいですか？`;
}

const PLACEHOLDER_SOURCE = PRIVACY_PLACEHOLDERS.source;
const PLACEHOLDERS = new RegExp(PLACEHOLDER_SOURCE, "g");
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE);
const PERSON = PLACEHOLDER.person;

/** A masked sentence made general: 「弊社」 → 「自社」, a name in brackets dropped, a name before a bracketed role replaced by the role. */
function clean(masked: string): string {
  return masked
    .replace(OWN_ORGANISATION, "自社")
    .replace(THEIR_ORGANISATION, "相手の会社")
    .replace(new RegExp(`[（(]\\s*(?:〇〇|${PERSON})\\s*[）)]`, "g"), "")
    .replace(new RegExp(`(?:〇〇|${PERSON})\\s*[（(]([^）)]{2,20})[）)]`, "g"), "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The question of an entry: from 件名, else the first sentences of 相談内容; nothing private in it.
 * The detector reads each cell whole first, before sentences are cut and list numbering is taken off
 * (「090 1234 5678 から着信」 must not lose "090 " as if it were an item number).
 */
export function questionOf(row: CaseRow, names: readonly string[] = rowPrivateNames(row), morphology?: Morphology): string {
  const privacy: PrivacyContext = { names, morphology };
  const masked = (text: string | undefined) => (text ? detectPrivate(text, privacy).text : "");
  const candidates = [
    ...sentencesOf(masked(row.cells.subject)).slice(0, 1),
    ...sentencesOf(masked(row.cells.content)).filter((s) => !/[？?]$/.test(s) || s.length >= 8).slice(0, 3),
  ];
  const cleaned = candidates.map((c) => shorten(clean(c))).filter((c) => c.replace(PLACEHOLDERS, "").length >= 6);
  const placeholders = (c: string) => (c.match(PLACEHOLDERS) ?? []).length;
  const best = cleaned.reduce<string | undefined>((chosen, c) => (chosen === undefined || placeholders(c) < placeholders(chosen) ? c : chosen), undefined);
  if (best) return questionForm(best);
  const item = taxonomyItem(taxonomyIdOf(row.cells.category || row.cells.classification || "") ?? "");
  return item ? questionForm(`「${item.title}」の被害にあった`) : questionForm("セキュリティについて相談したい");
}

// ---------------------------------------------------------------------------------------------
// The privacy gate

interface GatedRow {
  row: CaseRow;
  categoryKey: string;
  categoryText: string;
  question: string;
  answer: string;
  keywords: string[];
  countermeasures: string[];
  references: string[];
  notes: FaqGateNote[];
  omitted: boolean;
}

function informative(text: string): number {
  return (text.normalize("NFKC").replace(PLACEHOLDERS, "").match(/[\u3040-\u30ff\u3400-\u9fffA-Za-z]/g) ?? []).length;
}

function gateRow(row: CaseRow, options: FaqBuildOptions): GatedRow {
  const names = rowPrivateNames(row, options.morphology);
  const caseNumber = (row.cells.caseNumber ?? "").trim();
  const notes: FaqGateNote[] = [];
  const note = (n: GateNoteText) => notes.push({ rowNumber: row.rowNumber, caseNumber, ...n });

  const privacy: PrivacyContext = { names, morphology: options.morphology };
  const published = detectPrivate(row.cells.answer ?? "", privacy);
  let omitted = false;
  if (published.kinds.length > 0) {
    omitted = options.privateData === "omit" || informative(published.text) < MIN_ANSWER_CHARS;
    note({ action: omitted ? "omitted" : "masked", role: "answer", kinds: published.kinds });
  }

  const gateList = (role: "keywords" | "countermeasures" | "references") => {
    const kept: string[] = [];
    const dropped: string[] = [];
    const kinds = new Set<MaskKind>();
    for (const item of splitList(row.cells[role] ?? "")) {
      const found = (role === "references" ? referencePrivacy(item, privacy) : detectInItem(item, privacy)).kinds;
      if (found.length > 0) {
        dropped.push(item);
        for (const k of found) kinds.add(k);
      } else kept.push(item);
    }
    if (dropped.length > 0) note({ action: "dropped", role, kinds: [...kinds], items: dropped });
    return kept;
  };

  const category = (row.cells.category || row.cells.classification || "").trim();
  return {
    row,
    categoryKey: category ? categoryKey(category) : "",
    categoryText: category ? detectPrivate(category, privacy).text : "",
    question: questionOf(row, names, options.morphology),
    answer: published.text.trim(),
    keywords: gateList("keywords"),
    countermeasures: gateList("countermeasures"),
    references: gateList("references"),
    notes,
    omitted,
  };
}

// ---------------------------------------------------------------------------------------------
// Merging near-duplicates

function norm(vector: TermVector): number {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  return Math.sqrt(sum) || 1;
}

/** Representatives of one category with an inverted list over their answer bigrams. */
class Representatives {
  private readonly postings = new Map<number, { rep: number; weight: number }[]>();
  private readonly norms: number[] = [];

  /** Representatives at or above `threshold`, most similar first. */
  matches(vector: TermVector, threshold: number): number[] {
    const dots = new Map<number, number>();
    for (const [term, weight] of vector) {
      for (const p of this.postings.get(term) ?? []) dots.set(p.rep, (dots.get(p.rep) ?? 0) + weight * p.weight);
    }
    const own = norm(vector);
    return [...dots]
      .map(([rep, dot]) => ({ rep, score: dot / (own * this.norms[rep]) }))
      .filter((m) => m.score >= threshold)
      .sort((a, b) => b.score - a.score || a.rep - b.rep)
      .map((m) => m.rep);
  }

  add(vector: TermVector): number {
    const rep = this.norms.length;
    this.norms.push(norm(vector));
    for (const [term, weight] of vector) {
      const list = this.postings.get(term);
      if (list) list.push({ rep, weight });
      else this.postings.set(term, [{ rep, weight }]);
    }
    return rep;
  }
}

function unionBy(lists: string[][], keyOf: (s: string) => string, max = Number.POSITIVE_INFINITY): string[] {
  const counts = new Map<string, { value: string; count: number; first: number }>();
  let order = 0;
  for (const list of lists) {
    for (const value of list) {
      const key = keyOf(value);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value, count: 1, first: order++ });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, max)
    .map((e) => e.value);
}

function entryOf(members: GatedRow[]): FaqEntry {
  // The question of the first member that needed no masking reads best; the answer is the first member's.
  const [first] = members;
  const question = members.find((m) => !HAS_PLACEHOLDER.test(m.question))?.question ?? first.question;
  const itemKey = (s: string) => normalizeText(s).replace(/\s/g, "");
  const otherQuestions = [...new Set(members.map((m) => m.question))].filter((q) => q !== question && !HAS_PLACEHOLDER.test(q));
  return {
    id: `faq-${first.row.rowNumber}`,
    question,
    otherQuestions,
    answer: first.answer,
    keywords: unionBy(members.map((m) => m.keywords), itemKey, MAX_KEYWORDS),
    countermeasures: unionBy(members.map((m) => m.countermeasures), itemKey).sort((a, b) => a.localeCompare(b, "ja", { numeric: true })),
    references: unionBy(members.map((m) => m.references), referenceKey),
    rows: members.map((m) => m.row.rowNumber),
    caseNumbers: members.map((m) => (m.row.cells.caseNumber ?? "").trim()).filter(Boolean),
  };
}

const GUIDEBOOK_ORDER = new Map(TAXONOMY.map((item, i) => [item.id, i]));

/** The model built row by row (`add`), so that the pane can yield between slices of rows. */
class FaqModelBuilder {
  private readonly threshold: number;
  private readonly groups = new Map<string, { title: string; reps: Representatives; members: GatedRow[][]; firstRow: number }>();
  private readonly notes: FaqGateNote[] = [];
  private rowsPublished = 0;
  private rowsWithoutAnswer = 0;
  private rowsOmitted = 0;

  constructor(private readonly options: FaqBuildOptions) {
    this.threshold = options.mergeSimilarity ?? MERGE_SIMILARITY;
  }

  add(row: CaseRow): void {
    if (!(row.cells.answer ?? "").trim()) {
      this.rowsWithoutAnswer++;
      return;
    }
    const gated = gateRow(row, this.options);
    this.notes.push(...gated.notes);
    if (gated.omitted) {
      this.rowsOmitted++;
      return;
    }
    this.rowsPublished++;
    let group = this.groups.get(gated.categoryKey);
    if (!group) {
      const item = taxonomyItem(gated.categoryKey);
      group = { title: item?.label ?? gated.categoryText, reps: new Representatives(), members: [], firstRow: row.rowNumber };
      this.groups.set(gated.categoryKey, group);
    }
    const vector = fieldVector([{ text: normalizeText(gated.answer), weight: 1 }]);
    // Similar wording is not enough: the answers must give the same advice, step for step.
    const rep = group.reps.matches(vector, this.threshold).find((r) => sameAdvice(group.members[r][0].answer, gated.answer)) ?? -1;
    if (rep >= 0) group.members[rep].push(gated);
    else {
      group.reps.add(vector);
      group.members.push([gated]);
    }
  }

  finish(): FaqModel {
    const rank = (key: string, firstRow: number) => (key === "" ? 1e9 : (GUIDEBOOK_ORDER.get(key) ?? 1e6 + firstRow));
    const ordered = [...this.groups.entries()].sort((a, b) => rank(a[0], a[1].firstRow) - rank(b[0], b[1].firstRow));
    return {
      groups: ordered.map(([key, g]) => ({
        key,
        title: g.title,
        outsideGuidebook: taxonomyItem(key)?.outsideGuidebook ?? true,
        entries: g.members.map(entryOf),
      })),
      notes: this.notes,
      rowsPublished: this.rowsPublished,
      rowsWithoutAnswer: this.rowsWithoutAnswer,
      rowsOmitted: this.rowsOmitted,
    };
  }
}

export function buildFaqModel(table: CaseTable, options: FaqBuildOptions = {}): FaqModel {
  const builder = new FaqModelBuilder(options);
  for (const row of table.rows) builder.add(row);
  return builder.finish();
}

/**
 * The same model, built in time slices: between two slices `yieldToHost` lets the pane paint and
 * take input (10,000 rows with kuromoji took one 21 s task). `signal` stops it between slices.
 */
export async function buildFaqModelInSlices(
  table: CaseTable,
  options: FaqBuildOptions,
  slicing: { sliceMs: number; yieldToHost: () => Promise<void>; signal?: AbortSignal },
): Promise<FaqModel | undefined> {
  const builder = new FaqModelBuilder(options);
  let sliceStart = Date.now();
  for (const row of table.rows) {
    builder.add(row);
    if (Date.now() - sliceStart >= slicing.sliceMs) {
      await slicing.yieldToHost();
      if (slicing.signal?.aborted) return undefined;
      sliceStart = Date.now();
    }
  }
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** http(s) URLs only; anything else (javascript:, data:) stays plain text. */
const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+/g;

/** Escaped text with its http(s) URLs as links. */
function linkify(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?)]+$/, "");
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
    last = at + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Paragraphs at blank lines, line breaks kept; `lead` (already HTML) opens the first paragraph. */
function paragraphs(text: string, lead = ""): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => `<p>${i === 0 ? lead : ""}${p.split(/\r?\n/).map(linkify).join("<br>")}</p>`)
    .join("");
}

function slug(key: string, index: number): string {
  const id = taxonomyItem(key)?.id;
  return id ? `cat-${id.replace("他", "x")}` : `cat-${index}`;
}

function renderEntry(heading: string, entry: FaqEntry, t: (typeof PAGE_TEXT)[FaqLang]): string {
  const list = (label: string, cls: string, items: string[], render: (s: string) => string) =>
    items.length === 0 ? "" : `<div class="${cls}"><h4>${escapeHtml(label)}</h4><ul>${items.map((s) => `<li>${render(s)}</li>`).join("")}</ul></div>`;
  const tags =
    entry.keywords.length === 0
      ? ""
      : `<ul class="tags" aria-label="${escapeHtml(t.keywords)}">${entry.keywords.map((k) => `<li>${escapeHtml(k)}</li>`).join("")}</ul>`;
  const also =
    entry.otherQuestions.length === 0
      ? ""
      : `<div class="also"><h4>${escapeHtml(t.alsoAsked)}</h4><ul>${entry.otherQuestions.map((q) => `<li>${escapeHtml(q)}</li>`).join("")}</ul></div>`;
  const cases = entry.caseNumbers.length === 0 ? "" : `<p class="cases">${escapeHtml(t.cases)}: ${entry.caseNumbers.map(escapeHtml).join(", ")}</p>`;
  return (
    `<article class="entry" id="${escapeHtml(entry.id)}" data-faq-entry>` +
    `<p class="entry-cat">${escapeHtml(heading)}</p>` +
    `<h3 class="q"><span class="qa" aria-hidden="true">${escapeHtml(t.question)}</span>${escapeHtml(entry.question)}</h3>` +
    also +
    `<div class="a">${paragraphs(entry.answer, `<span class="qa" aria-hidden="true">${escapeHtml(t.answer)}</span>`)}</div>` +
    tags +
    list(t.countermeasures, "measures", entry.countermeasures, escapeHtml) +
    list(t.references, "refs", entry.references, linkify) +
    cases +
    `</article>`
  );
}

const STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#5c5c5c;--line:#d6d6d6;--accent:#0f6cbd;--tag:#eef4fb}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI",Meiryo,"Noto Sans CJK JP",sans-serif;color:var(--ink);line-height:1.7;background:#fff;overflow-wrap:anywhere}
header,main,footer{max-width:56rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 1rem}
.search{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.search label{display:block;font-weight:600;font-size:.95rem}
.search input{width:100%;font:inherit;padding:.5rem .75rem;border:1px solid #8a8a8a;border-radius:4px}
.search input:focus{outline:2px solid var(--accent);outline-offset:1px}
.count{color:var(--muted);font-size:.9rem;margin:.25rem 0 0}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;padding:0;list-style:none;font-size:.9rem}
a{color:var(--accent);overflow-wrap:anywhere}
section.cat{margin:2rem 0}
section.cat>h2{font-size:1.25rem;border-left:4px solid var(--accent);padding-left:.5rem}
.entry{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
.entry h3{font-size:1.05rem;margin:0 0 .5rem}
.qa{font-weight:700;color:var(--accent);margin-right:.4em}
.a p{margin:.25rem 0}
.a{display:block}
.entry h4{font-size:.9rem;margin:.75rem 0 .25rem;color:var(--muted)}
.entry ul{margin:0;padding-left:1.25rem}
ul.tags{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.75rem 0 0}
ul.tags li{background:var(--tag);border-radius:999px;padding:0 .6rem;font-size:.85rem}
.cases{color:var(--muted);font-size:.8rem;margin:.75rem 0 0}
.empty{padding:1rem 0}
.entry-cat{display:none;margin:0 0 .25rem;color:var(--muted);font-size:.85rem}
main.searching .entry-cat{display:block}
.also ul{color:var(--muted);font-size:.9rem}
#faq-results>h2{font-size:1.1rem;margin:1rem 0 .5rem}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;padding-bottom:2rem}
[hidden]{display:none!important}
@media print{
  .search,nav{display:none}
  body{font-size:10.5pt}
  header,main,footer{max-width:none;padding:0}
  .entry{border:none;border-bottom:1px solid #999;border-radius:0;padding:.5rem 0}
  section.cat{break-before:auto}
  section.cat>h2{break-after:avoid}
  a{color:inherit;text-decoration:none}
}
`;

/** The whole page, self-contained: inline style and script, no outside resources. */
export function renderFaqPage(model: FaqModel, options: FaqPageOptions = {}): string {
  const lang = options.lang ?? "ja";
  const t = PAGE_TEXT[lang];
  const title = options.title ?? t.title;
  const total = model.groups.reduce((n, g) => n + g.entries.length, 0);
  const heading = (g: FaqGroup) => (g.key === "" ? t.uncategorised : g.title);
  const nav = model.groups.map((g, i) => `<li data-faq-nav="${slug(g.key, i)}"><a href="#${slug(g.key, i)}">${escapeHtml(heading(g))}</a> (${g.entries.length})</li>`).join("");
  const sections = model.groups
    .map(
      (g, i) =>
        `<section class="cat" id="${slug(g.key, i)}" data-faq-category>` +
        `<h2>${escapeHtml(heading(g))}</h2>` +
        g.entries.map((e) => renderEntry(heading(g), e, t)).join("") +
        `</section>`,
    )
    .join("\n");
  const meta = [options.generatedAt ? `${t.generated}: ${options.generatedAt}` : "", t.privacyNote].filter(Boolean).join(" · ");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="faq-assist">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(meta)}</p>
<div class="search" role="search">
<label for="faq-search">${escapeHtml(t.searchLabel)}</label>
<input type="search" id="faq-search" placeholder="${escapeHtml(t.searchPlaceholder)}" autocomplete="off" aria-describedby="faq-count">
<p class="count" id="faq-count" aria-live="polite" data-template="${escapeHtml(t.count)}">${escapeHtml(t.count.replace("{n}", String(total)))}</p>
</div>
<nav aria-label="${escapeHtml(t.contents)}"><ul>${nav}</ul></nav>
</header>
<main>
<p class="empty" id="faq-empty" hidden>${escapeHtml(t.noMatch)}</p>
<section id="faq-results" aria-label="${escapeHtml(t.results)}" hidden><h2>${escapeHtml(t.results)}</h2></section>
${sections}
</main>
<footer>
<p>${escapeHtml(GUIDEBOOK_CREDIT)}</p>
<p>${escapeHtml(t.license)}</p>
</footer>
<script type="application/json" id="faq-search-data">${jsonForScript(pageSearchData(model.groups))}</script>
<script>${pageSearchScript()}</script>
</body>
</html>
`;
}

/**
 * The FAQ as a table for a sheet named FAQ (the pane's optional copy next to the download): one header
 * row, then one row per entry in page order. Cells are plain text; the writer must still write them as
 * text (a question could begin with "=").
 */
export function faqSheetValues(model: FaqModel, lang: FaqLang = "ja"): string[][] {
  const t = PAGE_TEXT[lang];
  const header = lang === "ja" ? ["分類", "質問", "回答", t.keywords, t.countermeasures, t.references, t.cases] : ["Category", "Question", "Answer", t.keywords, t.countermeasures, t.references, t.cases];
  const rows = model.groups.flatMap((g) =>
    g.entries.map((e) => [
      g.key === "" ? t.uncategorised : g.title,
      e.question,
      e.answer,
      e.keywords.join("、"),
      e.countermeasures.join("\n"),
      e.references.join("\n"),
      e.caseNumbers.join(", "),
    ]),
  );
  return [header, ...rows];
}

/** Model and page in one call (what the CLI and the pane's export command do). */
export function exportFaqPage(table: CaseTable, options: FaqBuildOptions & FaqPageOptions = {}): { html: string; model: FaqModel } {
  const model = buildFaqModel(table, options);
  return { html: renderFaqPage(model, options), model };
}
