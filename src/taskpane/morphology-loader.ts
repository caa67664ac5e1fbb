/**
 * Loads kuromoji for the task pane, off the critical path: the pane shows its first suggestions with
 * tiny-segmenter, then this fetches the IPADIC dictionary from the add-in's own origin (`dict/`, copied
 * there by webpack; consultation text never leaves the machine, only these static files are fetched),
 * decompresses it with the browser's native DecompressionStream, and builds the tokenizer in idle time.
 * The tokenizer code itself is a separate chunk, so the pane's first load does not carry it.
 *
 * Resolves once (later calls share the same promise); rejects when the browser lacks what it needs or
 * the files cannot be fetched, and the pane simply keeps tiny-segmenter.
 */
import type { Morphology } from "../engine/morphology";

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

async function gunzip(bytes: Uint8Array): Promise<ArrayBuffer> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** True when this browser can load the dictionary (WebView2/Chromium, Safari 16.4+). */
export function canLoadMorphology(): boolean {
  return typeof fetch === "function" && typeof DecompressionStream === "function" && typeof Blob === "function" && typeof Response === "function";
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
  if (!canLoadMorphology()) throw new Error("This browser cannot decompress the dictionary (no DecompressionStream).");
  await idle();
  // Marks for performance tools and bench/morphology-browser.ts: fetch + inflate, then tokenizer build.
  mark("faq-assist:morphology-start");
  const { createKuromojiMorphology, isGzip, KUROMOJI_DICTIONARY_FILES } = await import(
    /* webpackChunkName: "morphology" */ "../engine/morphology-kuromoji"
  );
  const base = new URL(options.baseUrl ?? "dict/", document.baseURI);
  let done = 0;
  const entries = await Promise.all(
    KUROMOJI_DICTIONARY_FILES.map(async (name) => {
      const response = await fetch(new URL(name, base));
      if (!response.ok) throw new Error(`Dictionary file ${name}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A server may have sent the file with Content-Encoding: gzip, so the browser already inflated it.
      const buffer = isGzip(bytes) ? await gunzip(bytes) : bytes.buffer;
      options.onProgress?.(++done, KUROMOJI_DICTIONARY_FILES.length);
      return [name, buffer] as const;
    }),
  );
  mark("faq-assist:morphology-fetched");
  await idle();
  mark("faq-assist:morphology-build");
  const morphology = createKuromojiMorphology(Object.fromEntries(entries) as Parameters<typeof createKuromojiMorphology>[0]);
  mark("faq-assist:morphology-ready");
  return morphology;
}

function mark(name: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}
