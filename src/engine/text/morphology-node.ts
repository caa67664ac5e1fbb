/**
 * Loads kuromoji's dictionary in Node (CLI, tests, benchmarks) from the installed `kuromoji`
 * package, so the CLI ships no copy of it. Never imported by the engine's barrel: the task pane has
 * its own loader (src/taskpane/morphology-loader.ts) that fetches the files from the add-in's origin.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as zlib from "node:zlib";
import type { Morphology } from "./morphology";
import { createKuromojiMorphology, isGzip, KUROMOJI_DICTIONARY_FILES, type KuromojiFiles } from "./morphology-kuromoji";

const gunzip = promisify(zlib.gunzip);

/** Where the installed kuromoji package keeps its dictionary. */
export function kuromojiDictionaryDir(): string {
  return path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
}

/** Reads and decompresses every dictionary file (zlib runs on libuv's thread pool, off the main thread). */
export async function readKuromojiFiles(dir = kuromojiDictionaryDir()): Promise<KuromojiFiles> {
  const entries = await Promise.all(
    KUROMOJI_DICTIONARY_FILES.map(async (name) => {
      const raw = await fs.promises.readFile(path.join(dir, name));
      const bytes = isGzip(raw) ? await gunzip(raw) : raw;
      // A fresh, exactly sized ArrayBuffer: typed-array views over it must start at offset 0.
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      return [name, copy.buffer] as const;
    }),
  );
  return Object.fromEntries(entries) as KuromojiFiles;
}

let shared: Promise<Morphology> | undefined;

/**
 * kuromoji with the installed IPADIC dictionary, loaded once per process (about 0.5–1 s and
 * ~100 MB) and shared by every caller. Rejects with the reason when the package is missing.
 */
export function loadNodeMorphology(): Promise<Morphology> {
  if (!shared) {
    shared = readKuromojiFiles().then(createKuromojiMorphology);
    // A failed load may be retried (e.g. after installing the package).
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
