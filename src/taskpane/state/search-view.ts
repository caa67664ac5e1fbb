/**
 * 過去の相談を検索: a few words or a whole pasted consultation → the most similar past cases, best
 * first, with no row needing to be selected. It uses the session's engine (`engine.search`), so a row
 * written or edited a moment ago is found in its new form at the next keystroke: the view searches
 * again whenever the session's rows change. Choosing a result selects that row in the sheet through
 * the port; the case view then follows the selection as it always does.
 *
 * The engine's search index over every case row is built in the background (`prepareSearch`, short
 * time slices) before the first keystroke needs it, but not before the first suggestion: indexing
 * 10,000 rows takes about a second and a half, and an editor who clicks a row right after opening
 * would wait for it. So it starts once the first suggestions are on screen (`warmUp`), at the first
 * query, or a few seconds after loading, whichever comes first.
 */
import { EngineError, type SearchResult, type SuggestionEngine } from "../../engine";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

/** Results shown at most: a pane's height of them, and the best are at the top anyway. */
export const SEARCH_LIMIT = 20;

/**
 * Characters of a query analysed at most: a whole consultation is a few thousand; a pasted 1 MB
 * froze the pane for seconds (2 MB for minutes). The rest is ignored, and the pane says so.
 */
export const SEARCH_TEXT_LIMIT = 20_000;

export interface SearchState {
  query: string;
  /** A category value from the sheet or the guidebook; "" for every category. */
  category: string;
  results: SearchResult[];
  /** Index of the result the arrow keys point at; -1 for none. */
  active: number;
  /** The search index is being built (rows indexed so far). */
  preparing: { done: number; total: number } | null;
  /** True once a search has run for the current query and filter (so "no results" can be told). */
  searched: boolean;
  /** How long the last search took, in milliseconds (shown to nobody; measured in tests and docs). */
  tookMs: number | null;
  /** The query is longer than SEARCH_TEXT_LIMIT: only its beginning was searched for. */
  truncated: boolean;
}

export class SearchView extends ViewBase<SearchState> {
  private prepared: Promise<void> = Promise.resolve();
  private preparedFor: SuggestionEngine | null = null;
  private abort: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();
  private warm = false;
  private warmUpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: SheetSession,
    /** Selects a row in the sheet (the case view follows). */
    private readonly selectRow: (row: number) => Promise<void>,
    /** How long after loading the index is built if nothing else started it; 0 = at once. */
    private readonly warmUpDelayMs = 0,
  ) {
    super({ query: "", category: "", results: [], active: -1, preparing: null, searched: false, tookMs: null, truncated: false });
  }

  start(): void {
    this.listen(
      this.session.onEvent((event) => {
        // A large write rebuilds the engine: its search index is prepared again (in chunks) first.
        if (event.kind === "loaded" || event.kind === "rows") {
          if (this.warm) this.prepare();
          else this.scheduleWarmUp();
          this.run();
        }
      }),
    );
    this.scheduleWarmUp();
  }

  /** The pane has shown its first suggestions (or the editor turned to search): build the index now. */
  warmUp(): void {
    this.warm = true;
    clearTimeout(this.warmUpTimer);
    this.prepare();
  }

  override dispose(): void {
    clearTimeout(this.warmUpTimer);
    this.abort?.abort();
    super.dispose();
  }

  private scheduleWarmUp(): void {
    if (this.warmUpDelayMs <= 0) {
      this.warmUp();
      return;
    }
    clearTimeout(this.warmUpTimer);
    this.warmUpTimer = setTimeout(() => this.warmUp(), this.warmUpDelayMs);
  }

  /** Resolves when the index is prepared and the last search has run. */
  async whenIdle(): Promise<void> {
    await this.prepared;
    await this.running;
  }

  setQuery(query: string): void {
    if (query === this.store.get().query) return;
    this.store.set({ query });
    this.run();
  }

  setCategory(category: string): void {
    if (category === this.store.get().category) return;
    this.store.set({ category });
    this.run();
  }

  /** Escape: the query, the results and the pointer go. */
  clear(): void {
    this.store.set({ query: "", results: [], active: -1, searched: false, truncated: false });
  }

  /** Arrow keys: moves the pointer through the results (wrapping round). */
  move(delta: number): void {
    const { results, active } = this.store.get();
    if (results.length === 0) return;
    const next = active < 0 ? (delta > 0 ? 0 : results.length - 1) : (active + delta + results.length) % results.length;
    this.store.set({ active: next });
  }

  /** Enter or a click: selects that result's row in the sheet. Returns the row chosen, if any. */
  async choose(index = this.store.get().active): Promise<number | undefined> {
    const { results } = this.store.get();
    const result = results[index < 0 ? 0 : index];
    if (!result) return undefined;
    this.store.set({ active: results.indexOf(result) });
    await this.selectRow(result.rowNumber);
    return result.rowNumber;
  }

  /** Builds the engine's search index in chunks (with progress) before the first keystroke needs it. */
  private prepare(): void {
    const engine = this.session.engine;
    if (!engine || engine === this.preparedFor) return;
    this.preparedFor = engine;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.prepared = engine
      .prepareSearch({
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.store.set({ preparing: progress.done < progress.total ? { ...progress } : null });
        },
      })
      .catch((error: unknown) => {
        if (!(error instanceof EngineError)) throw error;
      })
      .finally(() => {
        if (!abort.signal.aborted) this.store.set({ preparing: null });
      });
  }

  /** Searches for the current query and filter (after the index is ready); the pointer stays on the same row if it is still there. */
  private run(): void {
    if (!this.warm && this.store.get().query.trim() !== "") this.warmUp();
    this.running = this.prepared.then(() => {
      const engine = this.session.engine;
      const { query, category, results: before, active } = this.store.get();
      if (!engine || query.trim() === "") {
        this.store.set({ results: [], active: -1, searched: false, tookMs: null, truncated: false });
        return;
      }
      const started = performance.now();
      const truncated = query.length > SEARCH_TEXT_LIMIT;
      let results: SearchResult[];
      try {
        results = engine.search(truncated ? query.slice(0, SEARCH_TEXT_LIMIT) : query, { limit: SEARCH_LIMIT, category: category || undefined });
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        results = [];
      }
      const tookMs = performance.now() - started;
      // The query may have changed while this search waited for the index.
      if (this.store.get().query !== query || this.store.get().category !== category) return;
      const pointed = before[active]?.rowNumber;
      const kept = pointed === undefined ? -1 : results.findIndex((r) => r.rowNumber === pointed);
      this.store.set({ results, active: kept, searched: true, tookMs, truncated });
    });
  }
}
