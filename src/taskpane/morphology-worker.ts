/**
 * Web Worker that fetches kuromoji's dictionary files and inflates them off the pane's main thread,
 * then hands the buffers over without copying (transferables). Only static files of the add-in's own
 * origin are fetched; no consultation text ever enters this worker.
 */
/// <reference lib="webworker" />

export interface DictionaryRequest {
  baseUrl: string;
  files: readonly string[];
}

export type DictionaryReply =
  | { kind: "file"; name: string; buffer: ArrayBuffer }
  | { kind: "done" }
  | { kind: "failed"; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function inflateIfGzip(bytes: Uint8Array): Promise<ArrayBuffer> {
  // A server may already have sent the file with Content-Encoding: gzip (no gzip magic left).
  if (!(bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes.buffer as ArrayBuffer;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

scope.onmessage = (event: MessageEvent<DictionaryRequest>) => {
  const { baseUrl, files } = event.data;
  void Promise.all(
    files.map(async (name) => {
      const response = await fetch(new URL(name, baseUrl));
      if (!response.ok) throw new Error(`Dictionary file ${name}: HTTP ${response.status}`);
      const buffer = await inflateIfGzip(new Uint8Array(await response.arrayBuffer()));
      const reply: DictionaryReply = { kind: "file", name, buffer };
      scope.postMessage(reply, [buffer]);
    }),
  ).then(
    () => scope.postMessage({ kind: "done" } satisfies DictionaryReply),
    (error: unknown) => scope.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) } satisfies DictionaryReply),
  );
};
