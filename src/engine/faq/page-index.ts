/**
 * What the published page's search runs on: the entries' fields folded for search, the synonym groups,
 * and the page's script (the scorer of page-search.ts, embedded by its own source, plus the few lines
 * that reorder the entries on screen).
 */
import { taxonomyItem } from "../guidebook";
import { foldedNarrowerTerms, foldedSynonymGroups, foldSearchText } from "../text";
import { createPageSearch, type PageSearch, type PageSearchData } from "./page-search";

/** What of an entry is searched, and how much each place counts. */
const SEARCH_FIELDS = [
  /** The question (件名 as a question), and those of the cases merged into the entry. */
  { name: "question", weight: 3 },
  { name: "keywords", weight: 2.5 },
  /** The category heading, its guidebook title and the words clients use for it. */
  { name: "category", weight: 1.5 },
  { name: "answer", weight: 1 },
  /** Countermeasure items, references and 受理番号. */
  { name: "other", weight: 0.5 },
] as const;

/** The parts of an entry the search reads (a structural subset of the page model's entries). */
export interface SearchableEntry {
  question: string;
  /** Questions of the other cases merged into this entry. */
  otherQuestions?: readonly string[];
  answer: string;
  keywords: readonly string[];
  countermeasures: readonly string[];
  references: readonly string[];
  caseNumbers: readonly string[];
}

export interface SearchableGroup {
  /** Taxonomy id, or another key for the sheet's own categories. */
  key: string;
  title: string;
  entries: readonly SearchableEntry[];
}

function categoryText(group: SearchableGroup): string {
  const item = taxonomyItem(group.key);
  // The guidebook's words for the category: its description and how clients put it (ファイルが開けない, 身代金).
  return [group.title, item?.title ?? "", item?.description ?? "", ...(item?.keywords ?? [])].join(" ");
}

/** The search data of a page's groups, entries in page order. */
export function pageSearchData(groups: readonly SearchableGroup[]): PageSearchData {
  const fold = (parts: readonly string[]) => foldSearchText(parts.join(" "));
  const docs = groups.flatMap((group, g) =>
    group.entries.map((entry) => [
      fold([entry.question, ...(entry.otherQuestions ?? [])]),
      fold(entry.keywords),
      g,
      fold([entry.answer]),
      fold([...entry.countermeasures, ...entry.references, ...entry.caseNumbers]),
    ]),
  );
  return {
    weights: SEARCH_FIELDS.map((f) => f.weight),
    docs,
    categories: groups.map((group) => foldSearchText(categoryText(group))),
    groups: foldedSynonymGroups(foldSearchText),
    narrower: foldedNarrowerTerms(foldSearchText),
  };
}

/** The page's scorer in Node: the very functions the page embeds. */
export function pageSearchOf(data: PageSearchData): PageSearch {
  return createPageSearch(data, foldSearchText);
}

/** JSON safe inside a <script type="application/json"> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * The page's script: reads the data element, ranks as the reader types. While searching, the matching
 * entries are shown in one list, best first, each with its category; with the box empty, every entry is
 * back in its category, in guidebook order.
 */
export function pageSearchScript(): string {
  return `
(function () {
  // Some TypeScript runners (esbuild's keepNames, used by tsx) wrap named functions in __name(…).
  var __name = function (f) { return f; };
  var foldSearchText = ${foldSearchText.toString()};
  var createPageSearch = ${createPageSearch.toString()};
  var data = JSON.parse(document.getElementById("faq-search-data").textContent);
  var search = createPageSearch(data, foldSearchText);
  var input = document.getElementById("faq-search");
  var count = document.getElementById("faq-count");
  var empty = document.getElementById("faq-empty");
  var results = document.getElementById("faq-results");
  var nav = document.querySelector("nav");
  var main = document.querySelector("main");
  var entries = Array.prototype.slice.call(document.querySelectorAll("[data-faq-entry]"));
  var homes = entries.map(function (e) { return e.parentNode; });
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-faq-category]"));
  var template = count.getAttribute("data-template");
  var last = null;
  function apply() {
    var query = input.value;
    if (query === last) return;
    last = query;
    var hits = search.rank(query);
    var searching = foldSearchText(query) !== "";
    main.classList.toggle("searching", searching);
    if (searching) {
      entries.forEach(function (e) { e.hidden = true; });
      hits.forEach(function (h) {
        var e = entries[h.index];
        e.hidden = false;
        results.appendChild(e);
      });
    } else {
      entries.forEach(function (e, i) {
        e.hidden = false;
        homes[i].appendChild(e);
      });
    }
    results.hidden = !searching || hits.length === 0;
    sections.forEach(function (s) { s.hidden = searching; });
    if (nav) nav.hidden = searching;
    var shown = searching ? hits.length : entries.length;
    count.textContent = template.replace("{n}", String(shown));
    empty.hidden = shown > 0;
  }
  input.addEventListener("input", apply);
  apply();
})();
`;
}
