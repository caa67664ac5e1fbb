// Over 400 lines: every check rule and the planned fix beside it, so what is reported and what is fixed cannot drift apart.
/**
 * 点検 — checks the FAQ columns before they are published, row by row. Each problem names its row and
 * column, keeps the cell's current text (so a fix can be refused if the cell changed meanwhile) and,
 * when the fix is obvious, the whole cell as it should read.
 *
 * Rules:
 * - category (案件項目 / 相談内容分類): not in the category list; the id says one item and the words another;
 *   the same id spelled differently from the column's usual spelling (fix: the most used spelling in
 *   that column, on a tie the taxonomy label);
 * - keywords: the same keyword twice; a misspelling (one letter off a known term or a better-attested
 *   keyword; a glossary can be plugged in through `SpellingReference`); a person's or company's name;
 * - every FAQ cell: personal data (names, companies, phone numbers, e-mail and postal addresses,
 *   account and card numbers, マイナンバー, birth dates — the detector's findings, with the names the
 *   row reveals in any cell); the message names the words found, the fix masks them;
 * - references: an item that is neither a link nor a known contact point;
 * - a row whose FAQ columns are filled only in part.
 */
import { categoryKey, TAXONOMY, taxonomyIdOf, taxonomyItem } from "../guidebook";
import { detectInItem, detectPrivate, foundWords, rowPrivateNames, type PrivacyContext } from "../privacy";
import { DEFAULT_SEPARATOR, detectSeparator, foldSpelling, formatList, isListedSpelling, type Morphology, normalizeText, splitList, withinOneEdit } from "../text";
import { isKnownContact, isLink, referencePrivacy } from "../suggest";
import { FAQ_ROLES, type CaseRow, type CaseTable, type FaqRole, type MaskKind } from "../types";

export type CheckKind =
  | "unknownCategory"
  | "categoryMismatch"
  | "categorySpelling"
  | "duplicateKeyword"
  | "misspelledKeyword"
  | "nameInKeywords"
  | "personalData"
  | "badReference"
  | "partlyFilled";

export const CHECK_KINDS: readonly CheckKind[] = [
  "unknownCategory",
  "categoryMismatch",
  "categorySpelling",
  "duplicateKeyword",
  "misspelledKeyword",
  "nameInKeywords",
  "personalData",
  "badReference",
  "partlyFilled",
];

export interface CheckProblem {
  rowNumber: number;
  /** 受理番号 ("" when the sheet has none). */
  caseNumber: string;
  role: FaqRole;
  /** 1-based sheet column of `role`. */
  column: number;
  kind: CheckKind;
  /** The cell's text as checked. */
  value: string;
  /**
   * What the problem is about: the repeated or misspelt keywords, the names, the bad reference items;
   * for category problems the spelling(s) expected.
   */
  items: string[];
  /** personalData: the kinds found. */
  kinds?: MaskKind[];
  /** partlyFilled: the FAQ columns still empty (`role` is the first of them). */
  missing?: FaqRole[];
  /** The whole cell as it should read, when the fix is obvious. */
  fix?: string;
}

/** A misspelling/variant source. The glossary (src/engine/text/glossary.ts) can be plugged in here. */
export interface SpellingReference {
  /** The preferred spelling of a keyword when it is a known misspelling or variant; undefined when fine or unknown. */
  preferred(keyword: string): string | undefined;
}

export interface CheckOptions {
  /** Used before the built-in check (one letter off a known term). */
  spelling?: SpellingReference;
  /** With kuromoji, keywords tagged as people's names are reported too. */
  morphology?: Morphology;
}

type CategoryRole = "category" | "classification";

/** Most used spelling per id in one category column; on a tie the taxonomy label, else the first seen. */
function usualSpellings(table: CaseTable, role: CategoryRole): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of table.rows) {
    const value = (row.cells[role] ?? "").trim();
    const id = value ? taxonomyIdOf(value) : undefined;
    if (!id) continue;
    const inner = counts.get(id) ?? new Map<string, number>();
    inner.set(value, (inner.get(value) ?? 0) + 1);
    counts.set(id, inner);
  }
  const usual = new Map<string, string>();
  for (const [id, inner] of counts) {
    const label = taxonomyItem(id)?.label;
    let best = "";
    let bestCount = 0;
    for (const [spelling, count] of inner) {
      if (count > bestCount || (count === bestCount && spelling === label)) {
        best = spelling;
        bestCount = count;
      }
    }
    usual.set(id, best);
  }
  return usual;
}

/** Dice coefficient of character bigrams: how alike two short labels are. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total > 0 ? (2 * shared) / total : 0;
}

const ID_PREFIX = /^\s*(?:\d{1,2}|他)\s*[-‐－ー−]\s*\d{1,2}\s*/;

function titleMatches(title: string, words: string): boolean {
  const t = normalizeText(title);
  const w = normalizeText(words);
  return w.length >= 2 && (t === w || t.includes(w) || w.includes(t));
}

function titleFits(id: string, words: string): boolean {
  const item = taxonomyItem(id);
  return item !== undefined && titleMatches(item.title, words);
}

/** The taxonomy item whose title the words name, when exactly one does (「詐欺」 names several). */
function itemNamedBy(words: string): string | undefined {
  const named = TAXONOMY.filter((item) => titleMatches(item.title, words));
  return named.length === 1 ? named[0].id : undefined;
}

/** The one taxonomy item a category not in the list most likely means, if it is clear. */
function closestItem(value: string): string | undefined {
  const words = normalizeText(value.normalize("NFKC").replace(ID_PREFIX, ""));
  if (words.length < 2) return undefined;
  const scored = TAXONOMY.map((item) => ({ id: item.id, score: dice(words, normalizeText(item.title)) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best.score >= 0.5 && best.score - (second?.score ?? 0) >= 0.15 ? best.id : undefined;
}

const KANA = /[\u3041-\u309f]/g;

/**
 * Built-in spelling check: a keyword of 4+ characters one letter away from a taxonomy term, or from a
 * keyword the sheet uses more often, is taken as a misspelling of it. Words that only extend one
 * another (電子証明 / 電子証明書) are different words, not typos.
 */
class VocabularySpelling implements SpellingReference {
  private readonly known = new Map<string, { display: string; count: number; taxonomy: boolean }>();
  private readonly byLength = new Map<number, string[]>();

  constructor(table: CaseTable) {
    const add = (display: string, taxonomy: boolean) => {
      const key = normalizeText(display);
      if (key.length < 4) return;
      const entry = this.known.get(key);
      if (entry) {
        entry.count++;
        entry.taxonomy ||= taxonomy;
      } else this.known.set(key, { display, count: 1, taxonomy });
    };
    // Taxonomy phrases with kana in them (不正な投稿) are for matching clients' words, not keywords.
    for (const item of TAXONOMY) for (const kw of item.keywords) if (!/[\u3041-\u309f]/.test(kw)) add(kw, true);
    for (const row of table.rows) for (const kw of new Set(splitList(row.cells.keywords ?? ""))) add(kw, false);
    for (const key of this.known.keys()) {
      const list = this.byLength.get(key.length) ?? [];
      list.push(key);
      this.byLength.set(key.length, list);
    }
  }

  preferred(keyword: string): string | undefined {
    const key = normalizeText(keyword);
    if (key.length < 4) return undefined;
    const own = this.known.get(key);
    if (own?.taxonomy) return undefined;
    const ownCount = own?.count ?? 0;
    let best: { display: string; count: number; taxonomy: boolean } | undefined;
    for (const length of [key.length - 1, key.length, key.length + 1]) {
      for (const other of this.byLength.get(length) ?? []) {
        if (other === key || other.startsWith(key) || other.endsWith(key) || key.startsWith(other) || key.endsWith(other)) continue;
        // 振込先変更 / 振込先の変更: a particle more or less is wording, not a typo.
        if (!withinOneEdit(key, other) || key.replace(KANA, "") === other.replace(KANA, "")) continue;
        const entry = this.known.get(other)!;
        if (!entry.taxonomy && entry.count <= ownCount) continue;
        if (!best || (entry.taxonomy && !best.taxonomy) || entry.count > best.count) best = entry;
      }
    }
    return best?.display;
  }
}

/**
 * The glossary (issue 7): a keyword its rules correct (katakana habits, one-letter typos of a term).
 * A listed variant (ネットバンキング, ショートメール) is a spelling the glossary knows, not a misspelling.
 */
const GLOSSARY_SPELLING: SpellingReference = {
  preferred(keyword: string): string | undefined {
    if (isListedSpelling(keyword)) return undefined;
    const folded = foldSpelling(keyword);
    return normalizeText(folded) !== normalizeText(keyword) ? folded : undefined;
  },
};

export interface CellFix {
  rowNumber: number;
  caseNumber: string;
  role: FaqRole;
  column: number;
  /** The cell now: the write must be refused if it no longer reads so. */
  oldValue: string;
  newValue: string;
  kinds: CheckKind[];
}

export class FaqChecker {
  private readonly usual: Record<CategoryRole, Map<string, string>>;
  private readonly spelling: SpellingReference[];
  private readonly keywordSeparator: string;
  /** Row → its private names (`namesOf`); rows are not edited while a checker runs. */
  private readonly rowNames = new WeakMap<CaseRow, string[]>();

  constructor(
    readonly table: CaseTable,
    private readonly options: CheckOptions = {},
  ) {
    this.usual = { category: usualSpellings(table, "category"), classification: usualSpellings(table, "classification") };
    this.spelling = [...(options.spelling ? [options.spelling] : []), GLOSSARY_SPELLING, new VocabularySpelling(table)];
    this.keywordSeparator = detectSeparator(table.rows.map((r) => r.cells.keywords ?? ""), DEFAULT_SEPARATOR);
  }

  /** Every problem of the table, in row order. */
  checkAll(): CheckProblem[] {
    return this.table.rows.flatMap((row) => this.checkRow(row));
  }

  /**
   * The private names of a row's text (`rowPrivateNames`: with kuromoji, a tokenizing of every cell),
   * read once per row for this checker's lifetime: `checkRow` and `planFixes` both need them.
   */
  private namesOf(row: CaseRow): string[] {
    let names = this.rowNames.get(row);
    if (!names) {
      names = rowPrivateNames(row, this.options.morphology);
      this.rowNames.set(row, names);
    }
    return names;
  }

  checkRow(row: CaseRow): CheckProblem[] {
    const problems: CheckProblem[] = [];
    const namesOfRow = () => this.namesOf(row);
    for (const role of FAQ_ROLES) {
      if (this.table.columns[role] === undefined) continue;
      const value = (row.cells[role] ?? "").trim();
      if (value) problems.push(...this.checkCell(row, role, value, namesOfRow));
    }
    const partly = this.partlyFilled(row);
    if (partly) problems.push(partly);
    return problems;
  }

  /** Problems of one cell if it read `value` (a fix can be re-checked before it is offered). */
  checkCell(row: CaseRow, role: FaqRole, value: string, names: () => string[] = () => this.namesOf(row)): CheckProblem[] {
    const problem = (kind: CheckKind, items: string[], extra: Partial<CheckProblem> = {}): CheckProblem => ({
      rowNumber: row.rowNumber,
      caseNumber: (row.cells.caseNumber ?? "").trim(),
      role,
      column: this.table.columns[role] ?? 0,
      kind,
      value,
      items,
      ...extra,
    });
    const privacy = (): PrivacyContext => ({ names: names(), morphology: this.options.morphology });
    switch (role) {
      case "category":
      case "classification": {
        // A category is published as the entry's heading: what is private in it goes as in an answer.
        const found = detectPrivate(value, privacy());
        if (found.findings.length > 0) return [problem("personalData", foundWords(found), { kinds: found.kinds, fix: found.text })];
        return this.checkCategory(role, value, problem);
      }
      case "keywords":
        return this.checkKeywords(value, privacy, problem);
      case "answer": {
        // The message names what was found (「スマート」 taken for a name is then plain to see).
        const published = detectPrivate(value, privacy());
        return published.findings.length > 0 ? [problem("personalData", foundWords(published), { kinds: published.kinds, fix: published.text })] : [];
      }
      case "countermeasures":
      case "references":
        return this.checkListItems(role, value, privacy, problem);
    }
  }

  private checkCategory(
    role: CategoryRole,
    value: string,
    problem: (kind: CheckKind, items: string[], extra?: Partial<CheckProblem>) => CheckProblem,
  ): CheckProblem[] {
    const id = taxonomyIdOf(value);
    if (!id) {
      const near = closestItem(value);
      const fix = near ? (this.usual[role].get(near) ?? taxonomyItem(near)?.label) : undefined;
      return [problem("unknownCategory", fix ? [fix] : [], fix ? { fix } : {})];
    }
    const words = value.normalize("NFKC").replace(ID_PREFIX, "");
    const byWords = words !== value.normalize("NFKC") ? itemNamedBy(words) : undefined;
    if (byWords && byWords !== id && !titleFits(id, words)) {
      return [problem("categoryMismatch", [taxonomyItem(id)?.label ?? id, taxonomyItem(byWords)?.label ?? byWords])];
    }
    const usual = this.usual[role].get(id);
    if (usual && usual !== value && categoryKey(usual) === id) return [problem("categorySpelling", [usual], { fix: usual })];
    return [];
  }

  private checkKeywords(
    value: string,
    privacy: () => PrivacyContext,
    problem: (kind: CheckKind, items: string[], extra?: Partial<CheckProblem>) => CheckProblem,
  ): CheckProblem[] {
    const items = splitList(value);
    const separator = detectSeparator([value], this.keywordSeparator);
    const keyOf = (s: string) => normalizeText(s).replace(/\s/g, "");
    const dedupe = (list: string[]) => list.filter((s, i) => list.findIndex((t) => keyOf(t) === keyOf(s)) === i);
    const problems: CheckProblem[] = [];

    const repeated = items.filter((s, i) => items.findIndex((t) => keyOf(t) === keyOf(s)) !== i);
    if (repeated.length > 0) problems.push(problem("duplicateKeyword", [...new Set(repeated)], { fix: formatList(dedupe(items), separator) }));

    const privateItems: string[] = [];
    const kinds = new Set<MaskKind>();
    const named: string[] = [];
    for (const item of new Set(items)) {
      // What the item says by itself (山田様, サンプル商事, a phone) is personal data; a bare name only
      // the row or the dictionary knows (見本花子, 鈴木一郎) is a name in the keywords.
      const { findings } = detectInItem(item, privacy());
      const byWording = findings.filter((f) => f.by === "pattern");
      if (byWording.length > 0) {
        privateItems.push(item);
        for (const f of byWording) kinds.add(f.kind);
      } else if (findings.length > 0) {
        named.push(item);
      }
    }
    const without = (drop: string[]) => formatList(dedupe(items.filter((s) => !drop.includes(s))), separator);
    if (privateItems.length > 0) problems.push(problem("personalData", privateItems, { kinds: [...kinds], fix: without(privateItems) }));
    if (named.length > 0) problems.push(problem("nameInKeywords", named, { fix: without(named) }));

    for (const item of new Set(items)) {
      if (privateItems.includes(item) || named.includes(item)) continue;
      const preferred = this.spelling.map((s) => s.preferred(item)).find((p) => p !== undefined && keyOf(p) !== keyOf(item));
      if (preferred) {
        const fixed = dedupe(items.map((s) => (s === item ? preferred : s)));
        problems.push(problem("misspelledKeyword", [item, preferred], { fix: formatList(fixed, separator) }));
      }
    }
    return problems;
  }

  private checkListItems(
    role: "countermeasures" | "references",
    value: string,
    privacy: () => PrivacyContext,
    problem: (kind: CheckKind, items: string[], extra?: Partial<CheckProblem>) => CheckProblem,
  ): CheckProblem[] {
    const items = splitList(value);
    const separator = detectSeparator([value], "\n");
    const problems: CheckProblem[] = [];
    const privateItems: string[] = [];
    const kinds = new Set<MaskKind>();
    for (const item of items) {
      const found = (role === "references" ? referencePrivacy(item, privacy()) : detectInItem(item, privacy())).kinds;
      if (found.length > 0) {
        privateItems.push(item);
        for (const k of found) kinds.add(k);
      }
    }
    if (privateItems.length > 0) {
      const rest = items.filter((s) => !privateItems.includes(s));
      problems.push(problem("personalData", privateItems, { kinds: [...kinds], fix: formatList(rest, separator) }));
    }
    if (role === "references") {
      const bad = items.filter((s) => !privateItems.includes(s) && !isLink(s) && !isKnownContact(s));
      if (bad.length > 0) problems.push(problem("badReference", bad));
    }
    return problems;
  }

  private partlyFilled(row: CaseRow): CheckProblem | undefined {
    const present = FAQ_ROLES.filter((role) => this.table.columns[role] !== undefined);
    const missing = present.filter((role) => (row.cells[role] ?? "").trim() === "");
    if (missing.length === 0 || missing.length === present.length) return undefined;
    return {
      rowNumber: row.rowNumber,
      caseNumber: (row.cells.caseNumber ?? "").trim(),
      role: missing[0],
      column: this.table.columns[missing[0]] ?? 0,
      kind: "partlyFilled",
      value: "",
      items: [],
      missing,
    };
  }

  /**
   * Every cell that has an obvious fix, with all its fixes applied together (each fix is re-checked,
   * so a keyword cell with a repeat and a misspelling gets one new value).
   */
  planFixes(problems: readonly CheckProblem[] = this.checkAll()): CellFix[] {
    const cells = new Map<string, CheckProblem[]>();
    for (const p of problems) {
      if (p.fix === undefined) continue;
      const key = `${p.rowNumber}:${p.role}`;
      cells.set(key, [...(cells.get(key) ?? []), p]);
    }
    const rows = new Map(this.table.rows.map((r) => [r.rowNumber, r]));
    const fixes: CellFix[] = [];
    for (const list of cells.values()) {
      const first = list[0];
      const row = rows.get(first.rowNumber);
      if (!row) continue;
      const kinds = new Set<CheckKind>();
      let value = first.value;
      for (let round = 0; round < 6; round++) {
        const next = this.checkCell(row, first.role, value).find((p) => p.fix !== undefined && p.fix !== value);
        if (!next || next.fix === undefined) break;
        kinds.add(next.kind);
        value = next.fix;
      }
      if (value !== first.value) {
        fixes.push({ rowNumber: first.rowNumber, caseNumber: first.caseNumber, role: first.role, column: first.column, oldValue: first.value, newValue: value, kinds: [...kinds] });
      }
    }
    return fixes.sort((a, b) => a.rowNumber - b.rowNumber || a.column - b.column);
  }
}

/** Every problem in the table's FAQ columns, in row order. */
export function checkFaq(table: CaseTable, options: CheckOptions = {}): CheckProblem[] {
  return new FaqChecker(table, options).checkAll();
}
