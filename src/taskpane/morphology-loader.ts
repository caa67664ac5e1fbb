/**
 * Loads kuromoji for the task pane, off the critical path: the pane shows its first suggestions with
 * tiny-segmenter, then this fetches the IPADIC dictionary from the add-in's own origin (`dict/`, copied
 * there by webpack; consultation text never leaves the machine, only these static files are fetched),
 * decompresses it with the browser's native DecompressionStream — both in a Web Worker, so the editor's
 * clicks never wait for them — and builds the tokenizer on the main thread in idle time (≈ 0.1–0.4 s).
 * The tokenizer code itself is a separate chunk, so the pane's first load does not carry it.
 *
 * Resolves once (later calls share the same promise); rejects when the browser lacks what it needs or
 * the files cannot be fetched, and the pane simply keeps tiny-segmenter.
 */
import type { Morphology } from "../engine/text/morphology";

export interface BrowserMorphologyOptions {
  /** Where the dictionary files are served; default `dict/` next to the page. */
  baseUrl?: string | URL;
  /** Reports each file as it arrives (for diagnostics and the timing test). */
  onProgress?: (loaded: number, total: number) => void;
}

type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

/** Waits until the page is idle (or at most `timeout` ms), so loading never competes with the editor's input. */
function idle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    const w = (typeof window !== "undefined" ? window : undefined) as IdleWindow | undefined;
    if (w?.requestIdleCallback) w.requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** True when this browser can load the dictionary (WebView2/Chromium, Safari 16.4+). */
export function canLoadMorphology(): boolean {
  return typeof Worker === "function" && typeof fetch === "function" && typeof DecompressionStream === "function";
}

let shared: Promise<Morphology> | undefined;

export function loadBrowserMorphology(options: BrowserMorphologyOptions = {}): Promise<Morphology> {
  if (!shared) {
    shared = load(options);
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}

async function load(options: BrowserMorphologyOptions): Promise<Morphology> {
  if (!canLoadMorphology()) throw new Error("This browser cannot load the dictionary (no Worker or DecompressionStream).");
  await idle();
  // Marks for performance tools and bench/morphology-browser.ts: fetch + inflate (worker), then tokenizer build.
  mark("faq-assist:morphology-start");
  const { createKuromojiMorphology, KUROMOJI_DICTIONARY_FILES } = await import(
    /* webpackChunkName: "morphology" */ "../engine/text/morphology-kuromoji"
  );
  const { fetchDictionary } = await import(/* webpackChunkName: "morphology" */ "./morphology-worker-client");
  const base = new URL(options.baseUrl ?? "dict/", document.baseURI);
  const files = await fetchDictionary(base.href, KUROMOJI_DICTIONARY_FILES, options.onProgress);
  mark("faq-assist:morphology-fetched");
  await idle();
  mark("faq-assist:morphology-build");
  const morphology = createKuromojiMorphology(files as Parameters<typeof createKuromojiMorphology>[0]);
  mark("faq-assist:morphology-ready");
  return morphology;
}

function mark(name: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}
