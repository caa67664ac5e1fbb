/**
 * Checks an .xlsx file's zip container before the spreadsheet library inflates it, so that a small
 * file that expands to gigabytes (a "zip bomb", or just a damaged file) is refused with a clear
 * message instead of exhausting memory.
 *
 * Two passes over the archive with yauzl, neither of which keeps inflated data:
 * 1. the central directory only: entry count, each entry's declared size and compression ratio,
 *    the total declared size, and that it is a workbook at all (xl/workbook.xml). Nothing is
 *    inflated, so an honest bomb is refused before a byte is expanded.
 * 2. every entry is inflated as a stream and discarded; yauzl stops an entry as soon as it yields
 *    more bytes than its header declares, so a bomb that lies about its sizes is refused after at
 *    most the declared (already bounded) amount.
 */
import type { Readable } from "stream";
import yauzl from "yauzl";

export interface XlsxLimits {
  /** An .xlsx has a few dozen parts; thousands means something else. */
  maxEntries: number;
  /** Sum of the parts' expanded sizes. */
  maxExpandedBytes: number;
  /** Expanded ÷ compressed size of one part, checked once a part expands past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
}

/**
 * Reading an .xlsx takes about 20 bytes of memory per expanded byte (a synthetic 50,000-row log
 * written by ExcelJS expands to 31 MB and the CLI peaks at 670 MB; docs/performance.md), and Node's
 * heap stops at about 4 GB here: 128 MiB keeps a file the CLI accepts within that, and is about four
 * times that 50,000-row log. The ratio limit is the one Apache POI applies to OOXML files by default
 * (100:1 beyond a small grace size); real workbooks compress about 4-10:1.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxExpandedBytes: 128 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
};

export type XlsxProblem =
  /** Not a zip, a damaged zip, or a zip that is not a workbook. */
  | { kind: "notXlsx" }
  /** An OLE2 compound file: an Excel 97–2003 .xls renamed, or a password-protected workbook. */
  | { kind: "legacyOrEncrypted" }
  | { kind: "tooLarge"; expandedBytes: number; limitBytes: number }
  | { kind: "tooCompressed"; part: string; ratio: number; limitRatio: number }
  | { kind: "tooManyParts"; parts: number; limit: number };

export class XlsxArchiveError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(problem.kind);
    this.name = "XlsxArchiveError";
  }
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const STORED = 0;
const DEFLATED = 8;

/** The archive in memory, entries read one at a time (shared with xlsx-custom-xml.ts). */
export function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error("no zip")) : resolve(zip),
    ),
  );
}

/** Every entry of an archive opened with `openZip`. */
export function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(found));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** Inflates one entry and throws the bytes away; rejects if the entry is not what it declares. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error || !stream) return reject(error ?? new Error("no stream"));
      stream.on("error", reject);
      stream.on("end", () => resolve());
      stream.resume();
    }),
  );
}

const isDirectory = (entry: yauzl.Entry) => entry.fileName.endsWith("/");

/** Throws `XlsxArchiveError` when the file must not be handed to the spreadsheet library. */
export async function checkXlsxArchive(bytes: Buffer, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  if (bytes.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) throw new XlsxArchiveError({ kind: "legacyOrEncrypted" });
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new XlsxArchiveError({ kind: "notXlsx" });
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new XlsxArchiveError({ kind: "tooManyParts", parts: zip.entryCount, limit: limits.maxEntries });
    }
    let listed: yauzl.Entry[];
    try {
      listed = await zipEntries(zip);
    } catch {
      throw new XlsxArchiveError({ kind: "notXlsx" });
    }
    const files = listed.filter((entry) => !isDirectory(entry));
    let expanded = 0;
    for (const entry of files) {
      if (entry.isEncrypted() || (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)) {
        throw new XlsxArchiveError({ kind: "notXlsx" });
      }
      expanded += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioGraceBytes && ratio > limits.maxRatio) {
        throw new XlsxArchiveError({ kind: "tooCompressed", part: entry.fileName, ratio: Math.round(ratio), limitRatio: limits.maxRatio });
      }
    }
    if (expanded > limits.maxExpandedBytes) {
      throw new XlsxArchiveError({ kind: "tooLarge", expandedBytes: expanded, limitBytes: limits.maxExpandedBytes });
    }
    if (!files.some((entry) => entry.fileName.replace(/^\//, "").toLowerCase() === "xl/workbook.xml")) {
      throw new XlsxArchiveError({ kind: "notXlsx" });
    }
    for (const entry of files) {
      try {
        await drain(zip, entry);
      } catch {
        // More (or fewer) bytes than declared, a broken deflate stream, a bad local header.
        throw new XlsxArchiveError({ kind: "notXlsx" });
      }
    }
  } finally {
    zip.close();
  }
}
