/**
 * Runs morphology-worker.ts and collects the dictionary files it sends. Kept apart from the loader so
 * that only a browser build ever sees `import.meta.url` (webpack bundles the worker from it).
 */
import type { DictionaryReply, DictionaryRequest } from "./morphology-worker";

export function fetchDictionary(
  baseUrl: string,
  files: readonly string[],
  onProgress?: (loaded: number, total: number) => void,
): Promise<Record<string, ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./morphology-worker.ts", import.meta.url));
    const received: Record<string, ArrayBuffer> = {};
    let count = 0;
    worker.onmessage = (event: MessageEvent<DictionaryReply>) => {
      const reply = event.data;
      if (reply.kind === "file") {
        received[reply.name] = reply.buffer;
        onProgress?.(++count, files.length);
      } else {
        worker.terminate();
        if (reply.kind === "done") resolve(received);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "The dictionary worker failed."));
    };
    worker.postMessage({ baseUrl, files } satisfies DictionaryRequest);
  });
}
