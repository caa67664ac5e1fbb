/**
 * The acceptance log: for every write of FAQ values, per column, whether the editor took the
 * suggestion as is, edited it or replaced it — with the case's identity (sheet, 受理番号, the hash of
 * its input cells), the local date and time and the engine version. It never holds case text or FAQ
 * text: outcomes are decided when the write is made, and only the outcome is kept.
 *
 * It lives in the workbook itself, in custom XML parts of one namespace (ExcelApi 1.5), so it travels
 * with the file and never leaves it. The log is cut into parts of at most `PART_ENTRIES` entries: a
 * write rewrites only the newest part (and, past the cap, the oldest), so no request comes near
 * Excel on the web's 5 MB limit even when the log is full. At most `LOG_CAP` entries are kept; the
 * oldest go first.
 *
 * Pure TypeScript: the adapters read and write the parts (`XmlPart`), this module decides what they hold.
 */
import { parseList, taxonomyIdOf, type FaqRole } from "../engine";
import type { XmlPart, XmlPartChanges } from "./port";

/** The namespace of the log's parts; `getByNamespace` finds them by it (an empty namespace is refused by Office). */
export const ACCEPTANCE_NAMESPACE = "urn:faq-assist:acceptance:1";
/** Entries kept at most; older ones are dropped. */
export const LOG_CAP = 10_000;
/** Entries per part: about 150 KB of XML, far under Excel on the web's 5 MB request limit. */
export const PART_ENTRIES = 1_000;
const FORMAT_VERSION = "1";

export type Outcome = "accepted" | "edited" | "replaced";
export const OUTCOMES: readonly Outcome[] = ["accepted", "edited", "replaced"];

export interface ColumnOutcome {
  role: FaqRole;
  outcome: Outcome;
}

export interface AcceptanceEntry {
  /** Random id, so an undo can remove exactly the entries its write added. */
  id: string;
  /** Local date and time with its offset, e.g. "2026-12-02T20:35:00+09:00": the desk's own calendar. */
  at: string;
  engineVersion: string;
  sheet: string;
  row: number;
  /** 受理番号 as shown ("" when none). */
  caseNumber: string;
  /** Hash of the case's input cells (`case-identity.ts`), never the text. */
  caseHash: string;
  columns: ColumnOutcome[];
}

// ---- deciding an outcome ---------------------------------------------------------------------

const normalize = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

function bigrams(text: string): Map<string, number> {
  const chars = [...normalize(text).replace(/\s/g, "")];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams: 1 for the same text, 0 for nothing in common. */
export function textOverlap(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of ga.values()) total += count;
  for (const [gram, count] of gb) {
    total += count;
    shared += Math.min(count, ga.get(gram) ?? 0);
  }
  return total === 0 ? (normalize(a) === normalize(b) ? 1 : 0) : (2 * shared) / total;
}

/** An answer that keeps at least half of the suggested wording was edited, not replaced. */
const EDITED_ANSWER_OVERLAP = 0.5;

const LIST_ROLES = new Set<FaqRole>(["keywords", "countermeasures", "references"]);

/**
 * What the editor did with a suggestion, judged on the texts at write time:
 * - the same text (after width and space folding) is accepted;
 * - a category is accepted when it names the same guidebook item (the sheet's own spelling may differ),
 *   otherwise replaced;
 * - a list is edited when it keeps at least one suggested item, replaced when it keeps none;
 * - an answer is edited when it keeps at least half of the suggested wording (character bigrams);
 * - nothing suggested and something written is replaced.
 */
export function outcomeOf(role: FaqRole, suggested: string, written: string): Outcome {
  if (normalize(suggested) === normalize(written)) return "accepted";
  if (normalize(suggested) === "") return "replaced";
  if (role === "category" || role === "classification") {
    const a = taxonomyIdOf(suggested);
    return a !== undefined && a === taxonomyIdOf(written) ? "accepted" : "replaced";
  }
  if (LIST_ROLES.has(role)) {
    const offered = parseList(suggested).map(normalize);
    const kept = parseList(written).map(normalize);
    if (offered.length === kept.length && offered.every((item) => kept.includes(item))) return "accepted";
    return kept.some((item) => offered.includes(item)) ? "edited" : "replaced";
  }
  return textOverlap(suggested, written) >= EDITED_ANSWER_OVERLAP ? "edited" : "replaced";
}

/** The local time with its UTC offset: a week in the chart is the desk's week, not Greenwich's. */
export function localTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function newEntryId(): string {
  // Unique within one workbook's log is all it needs; crypto where the host has it.
  const bytes = new Uint8Array(6);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// ---- XML -------------------------------------------------------------------------------------

const ROLE_CODES: Record<FaqRole, string> = {
  classification: "cl",
  keywords: "kw",
  category: "ca",
  countermeasures: "cm",
  answer: "an",
  references: "rf",
};
const OUTCOME_CODES: Record<Outcome, string> = { accepted: "a", edited: "e", replaced: "r" };
const roleOfCode = new Map(Object.entries(ROLE_CODES).map(([role, code]) => [code, role as FaqRole]));
const outcomeOfCode = new Map(Object.entries(OUTCOME_CODES).map(([outcome, code]) => [code, outcome as Outcome]));

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name];
  });
}

function entryXml(entry: AcceptanceEntry): string {
  const columns = entry.columns.map((c) => `${ROLE_CODES[c.role]}:${OUTCOME_CODES[c.outcome]}`).join(" ");
  const attrs: [string, string | number][] = [
    ["id", entry.id],
    ["t", entry.at],
    ["v", entry.engineVersion],
    ["s", entry.sheet],
    ["r", entry.row],
    ["n", entry.caseNumber],
    ["h", entry.caseHash],
    ["c", columns],
  ];
  return `<w ${attrs.map(([name, value]) => `${name}="${escapeXml(String(value))}"`).join(" ")}/>`;
}

/**
 * One part's XML. No XML declaration: Word and Excel have refused `setXml` with one (office-js #1643);
 * the root element carries the namespace, which is what `getByNamespace` matches.
 */
export function partXml(seq: number, entries: AcceptanceEntry[]): string {
  return `<log xmlns="${ACCEPTANCE_NAMESPACE}" format="${FORMAT_VERSION}" seq="${seq}">${entries.map(entryXml).join("")}</log>`;
}

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(match[1], unescapeXml(match[2] ?? match[3] ?? ""));
  return found;
}

export interface ParsedPart {
  id: string;
  seq: number;
  entries: AcceptanceEntry[];
}

/**
 * Reads one part; undefined for a part this version does not write (another format version): such a
 * part is left alone, never rewritten. Malformed entries are skipped, not fatal — the log is a record
 * of what happened, and one damaged entry must not hide the rest.
 */
export function parsePart(part: XmlPart): ParsedPart | undefined {
  const root = /<(?:[\w-]+:)?log\b([^>]*)>/.exec(part.xml);
  if (!root) return undefined;
  const rootAttributes = attributes(root[1]);
  if (rootAttributes.get("format") !== FORMAT_VERSION) return undefined;
  const entries: AcceptanceEntry[] = [];
  for (const match of part.xml.matchAll(/<(?:[\w-]+:)?w\b([^>]*?)\/?>/g)) {
    const a = attributes(match[1]);
    const row = Number(a.get("r"));
    const id = a.get("id");
    const at = a.get("t");
    if (!id || !at || !Number.isInteger(row)) continue;
    const columns: ColumnOutcome[] = [];
    for (const pair of (a.get("c") ?? "").split(/\s+/)) {
      const [roleCode, outcomeCode] = pair.split(":");
      const role = roleOfCode.get(roleCode);
      const outcome = outcomeOfCode.get(outcomeCode);
      if (role && outcome) columns.push({ role, outcome });
    }
    entries.push({ id, at, engineVersion: a.get("v") ?? "", sheet: a.get("s") ?? "", row, caseNumber: a.get("n") ?? "", caseHash: a.get("h") ?? "", columns });
  }
  return { id: part.id, seq: Number(rootAttributes.get("seq")) || 0, entries };
}

/** The log's parts in order, oldest first. */
export function parseLog(parts: XmlPart[]): ParsedPart[] {
  return parts.flatMap((part) => parsePart(part) ?? []).sort((a, b) => a.seq - b.seq);
}

/** Every entry, oldest first. */
export function readEntries(parts: XmlPart[]): AcceptanceEntry[] {
  return parseLog(parts).flatMap((part) => part.entries);
}

// ---- changing the log ------------------------------------------------------------------------

/**
 * The part changes that append `added`: the newest part is filled up to `PART_ENTRIES`, new parts
 * take the rest; past `cap` the oldest entries are dropped (whole parts deleted, the oldest remaining
 * part trimmed). Only the parts whose content changes are touched.
 */
export function appendEntries(parts: XmlPart[], added: AcceptanceEntry[], cap = LOG_CAP, partEntries = PART_ENTRIES): XmlPartChanges {
  const log = parseLog(parts).map((part) => ({ ...part, entries: part.entries.slice(), changed: false, isNew: false }));
  if (added.length === 0) return {};
  let nextSeq = log.reduce((max, part) => Math.max(max, part.seq), 0) + 1;
  for (const entry of added) {
    let last = log[log.length - 1];
    if (!last || last.entries.length >= partEntries) {
      last = { id: "", seq: nextSeq++, entries: [], changed: true, isNew: true };
      log.push(last);
    }
    last.entries.push(entry);
    last.changed = true;
  }
  let excess = log.reduce((sum, part) => sum + part.entries.length, 0) - cap;
  const removed: string[] = [];
  while (excess > 0 && log.length > 0) {
    const oldest = log[0];
    if (oldest.entries.length <= excess) {
      excess -= oldest.entries.length;
      log.shift();
      if (!oldest.isNew) removed.push(oldest.id);
    } else {
      oldest.entries.splice(0, excess);
      oldest.changed = true;
      excess = 0;
    }
  }
  return {
    set: log.filter((part) => part.changed && !part.isNew).map((part) => ({ id: part.id, xml: partXml(part.seq, part.entries) })),
    add: log.filter((part) => part.isNew).map((part) => partXml(part.seq, part.entries)),
    remove: removed,
  };
}

/** The part changes that take out the entries with these ids (an undone write leaves no record). */
export function removeEntries(parts: XmlPart[], ids: readonly string[]): XmlPartChanges {
  const drop = new Set(ids);
  const set: XmlPart[] = [];
  const remove: string[] = [];
  for (const part of parseLog(parts)) {
    const kept = part.entries.filter((entry) => !drop.has(entry.id));
    if (kept.length === part.entries.length) continue;
    if (kept.length === 0) remove.push(part.id);
    else set.push({ id: part.id, xml: partXml(part.seq, kept) });
  }
  return { set, remove };
}

/** Clearing the log: every part this version wrote is deleted. */
export function clearEntries(parts: XmlPart[]): XmlPartChanges {
  return { remove: parseLog(parts).map((part) => part.id) };
}
