/**
 * kuromoji (IPADIC) behind the `Morphology` interface, built from the dictionary's decompressed
 * files however they were obtained: read from node_modules by the Node loader (CLI, tests, bench) or
 * fetched from the add-in's own origin by the pane's loader. No I/O here, so both share it.
 *
 * Only kuromoji's dictionary container and tokenizer are used, not its loaders: the Node loader pulls
 * in fs/zlib, the browser one an XHR with a pure-JS gunzip. The two word-to-entry maps are read
 * lazily (`lazyTargetMap`) instead of being expanded into a 400,000-key object up front, which was
 * most of the dictionary's load time and would block the pane's main thread for about a second.
 */
import CharacterDefinition from "kuromoji/src/dict/CharacterDefinition";
import ConnectionCosts from "kuromoji/src/dict/ConnectionCosts";
import DynamicDictionaries from "kuromoji/src/dict/DynamicDictionaries";
import TokenInfoDictionary from "kuromoji/src/dict/TokenInfoDictionary";
import UnknownDictionary from "kuromoji/src/dict/UnknownDictionary";
import Tokenizer from "kuromoji/src/Tokenizer";
import type { Morphology, MorphToken } from "./morphology";

/** The dictionary's files, as shipped in `kuromoji/dict/` (each gzip-compressed, `.dat.gz`). */
export const KUROMOJI_DICTIONARY_FILES = [
  "base.dat.gz",
  "check.dat.gz",
  "tid.dat.gz",
  "tid_pos.dat.gz",
  "tid_map.dat.gz",
  "cc.dat.gz",
  "unk.dat.gz",
  "unk_pos.dat.gz",
  "unk_map.dat.gz",
  "unk_char.dat.gz",
  "unk_compat.dat.gz",
  "unk_invoke.dat.gz",
] as const;

export type KuromojiFile = (typeof KUROMOJI_DICTIONARY_FILES)[number];
/** Decompressed contents of every dictionary file. */
export type KuromojiFiles = Record<KuromojiFile, ArrayBuffer>;

/** True when the bytes start with the gzip magic number (a server may already have decompressed them). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * kuromoji's `target_map` (word id → dictionary entries) read on demand from its file: one pass
 * records where each key's entries start; entries are read when the tokenizer asks for them.
 * Format: int32 count, then per key: key, n, n entry offsets (little endian).
 */
export function lazyTargetMap(buffer: ArrayBuffer): Record<number, number[]> {
  const ints = new Int32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
  let maxKey = 0;
  for (let i = 1; i + 1 < ints.length; i += 2 + Math.max(0, ints[i + 1])) maxKey = Math.max(maxKey, ints[i]);
  const at = new Int32Array(maxKey + 1).fill(-1);
  for (let i = 1; i + 1 < ints.length; i += 2 + Math.max(0, ints[i + 1])) {
    // Trailing zero padding reads as key 0 with no entries: it must not hide a real key 0.
    if (ints[i + 1] > 0 && at[ints[i]] < 0) at[ints[i]] = i;
  }
  const cache = new Map<number, number[]>();
  const entries = (key: number): number[] | undefined => {
    if (!(key >= 0 && key < at.length) || at[key] < 0) return undefined;
    let list = cache.get(key);
    if (!list) {
      const i = at[key];
      list = Array.from(ints.subarray(i + 2, i + 2 + ints[i + 1]));
      cache.set(key, list);
    }
    return list;
  };
  return new Proxy({} as Record<number, number[]>, {
    get: (_target, property) => (typeof property === "string" ? entries(Number(property)) : undefined),
  });
}

/** Recently tokenized texts: keywords, masking and the classifier ask for the same row's text in one `suggest`. */
const CACHE_SIZE = 24;
/** Lines longer than this are cut at a space or a comma first: kuromoji's lattice grows with the square of a sentence. */
const MAX_SENTENCE = 400;

function pieces(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  // kuromoji splits only at 、。; line breaks and list marks end a sentence too.
  const re = /[^\n\r]+/g;
  for (const m of text.matchAll(re)) {
    let line = m[0];
    let start = m.index ?? 0;
    while (line.length > MAX_SENTENCE) {
      const window = line.slice(0, MAX_SENTENCE);
      const cut = Math.max(window.lastIndexOf(" "), window.lastIndexOf("　"), window.lastIndexOf(","), window.lastIndexOf("，"));
      const end = cut > MAX_SENTENCE / 2 ? cut + 1 : MAX_SENTENCE;
      out.push({ text: line.slice(0, end), start });
      line = line.slice(end);
      start += end;
    }
    if (line) out.push({ text: line, start });
  }
  return out;
}

/** Builds the tokenizer from the decompressed dictionary files. Synchronous; about 0.1–0.3 s. */
export function createKuromojiMorphology(files: KuromojiFiles): Morphology {
  // Dictionaries made without their constructors, which would first allocate four 10 MB buffers
  // that the loaded files replace at once.
  const dic = new DynamicDictionaries(
    null,
    Object.create(TokenInfoDictionary.prototype) as TokenInfoDictionary,
    new ConnectionCosts(0, 0),
    Object.create(UnknownDictionary.prototype) as UnknownDictionary,
  );
  dic.loadTrie(new Int32Array(files["base.dat.gz"]), new Int32Array(files["check.dat.gz"]));
  const known = dic.token_info_dictionary;
  known.loadDictionary(new Uint8Array(files["tid.dat.gz"]));
  known.loadPosVector(new Uint8Array(files["tid_pos.dat.gz"]));
  known.target_map = lazyTargetMap(files["tid_map.dat.gz"]);
  dic.loadConnectionCosts(new Int16Array(files["cc.dat.gz"]));
  const unknown = dic.unknown_dictionary;
  unknown.loadDictionary(new Uint8Array(files["unk.dat.gz"]));
  unknown.loadPosVector(new Uint8Array(files["unk_pos.dat.gz"]));
  unknown.target_map = lazyTargetMap(files["unk_map.dat.gz"]);
  unknown.character_definition = CharacterDefinition.load(
    new Uint8Array(files["unk_char.dat.gz"]),
    new Uint32Array(files["unk_compat.dat.gz"]),
    new Uint8Array(files["unk_invoke.dat.gz"]),
  );
  const tokenizer = new Tokenizer(dic);

  const cache = new Map<string, MorphToken[]>();
  return {
    name: "kuromoji",
    tokenize(text: string): MorphToken[] {
      const hit = cache.get(text);
      if (hit) {
        // Most recently used goes last, so the oldest is evicted first.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const tokens: MorphToken[] = [];
      for (const piece of pieces(text)) {
        // Offsets are found by the surface: kuromoji counts code points, not UTF-16 units.
        let cursor = 0;
        for (const t of tokenizer.tokenize(piece.text)) {
          const at = piece.text.indexOf(t.surface_form, cursor);
          if (at >= 0) cursor = at + t.surface_form.length;
          const detail = [t.pos_detail_1, t.pos_detail_2, t.pos_detail_3].filter((d) => d && d !== "*");
          tokens.push({
            surface: t.surface_form,
            baseForm: t.basic_form && t.basic_form !== "*" ? t.basic_form : t.surface_form,
            pos: t.pos,
            posDetail: detail,
            start: at >= 0 ? piece.start + at : undefined,
            known: t.word_type === "KNOWN",
          });
        }
      }
      cache.set(text, tokens);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return tokens;
    },
  };
}
