/**
 * The outside evaluation corpus: consultations written in our own words from public case examples,
 * each with its source URL, a category label and the keywords an editor would publish.
 *
 * Split by source, not by case: every case drawn from one URL lands in the same part, and the part is
 * a fixed function of the URL (a hash), so nobody chooses which cases are held out. The held-out part
 * is read only by the quality report (`npm run eval`); tuning code must use `loadCorpus("tuning")`.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export type CorpusPart = "tuning" | "heldout";

export interface CorpusSource {
  url: string;
  /** Who published it, e.g. "IPA 情報セキュリティ安心相談窓口". */
  publisher: string;
  title?: string;
}

export interface CorpusCase {
  /** Stable id, e.g. "c1-017". */
  id: string;
  /** 件名 in the client's voice. */
  subject: string;
  /** 相談内容 in the client's voice: one to six sentences. */
  content: string;
  /** One category id: "1-1" … "1-15", "他-1" … "他-6". */
  category: string;
  /** Where the case is genuinely ambiguous, another category an editor could accept. */
  alsoAccepted?: string[];
  /** 3–6 keywords an editor would put in 【FAQ用】検索キーワード, written before looking at the engine. */
  keywords: string[];
  /** Invented person/company names written into the case, for the privacy tests. */
  plantedNames?: string[];
  source: CorpusSource;
}

/** Share of sources held out. */
export const HELDOUT_SHARE = 0.4;

export const CORPUS_DIR = path.join(__dirname, "corpus");

/** The URL as the split sees it: no fragment, no trailing slash, lower-case scheme and host. */
export function canonicalSourceUrl(url: string): string {
  const parsed = new URL(url.trim());
  parsed.hash = "";
  let text = `${parsed.protocol.toLowerCase()}//${parsed.host.toLowerCase()}${parsed.pathname}${parsed.search}`;
  text = text.replace(/^http:/, "https:").replace(/\/+$/, "");
  return text;
}

/** The part a source belongs to: a fixed function of its URL. */
export function partOfSource(url: string): CorpusPart {
  const digest = createHash("sha256").update(canonicalSourceUrl(url)).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < HELDOUT_SHARE ? "heldout" : "tuning";
}

export function parseCorpusLines(text: string, file: string): CorpusCase[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== "" && !line.startsWith("//"))
    .map(({ line, index }) => {
      try {
        return JSON.parse(line) as CorpusCase;
      } catch (error) {
        throw new Error(`${file}:${index + 1}: ${(error as Error).message}`);
      }
    });
}

function readPart(part: CorpusPart, dir: string): CorpusCase[] {
  const partDir = path.join(dir, part);
  if (!fs.existsSync(partDir)) return [];
  return fs
    .readdirSync(partDir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) => parseCorpusLines(fs.readFileSync(path.join(partDir, name), "utf8"), path.join(partDir, name)));
}

/**
 * Loads one part. Tuning code (training, rule writing) may only ever ask for "tuning"; the held-out
 * part is for the quality report.
 */
export function loadCorpus(part: CorpusPart, dir: string = CORPUS_DIR): CorpusCase[] {
  return readPart(part, dir);
}
