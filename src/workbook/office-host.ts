/**
 * What every part of the Office.js adapter shares: the injectable `Excel` and `Office` hosts, the chunk
 * sizes that keep requests under Excel on the web's 5 MB payload limit, requirement-set checks, and one
 * `Excel.run` that turns Office errors into `WorkbookError`s the pane can explain.
 */
import { WorkbookError } from "./port";

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** What the adapter uses of the `Excel` namespace (injectable so tests can pass office-addin-mock objects). */
export interface ExcelHost {
  run<T>(batch: Batch<T>): Promise<T>;
  /** Runs a batch in an existing context (to remove an event handler where it was added). */
  run<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
}

/** What the adapter uses of the `Office` namespace. */
export interface OfficeHost {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: { settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync"> };
  };
}

export interface ChunkOptions {
  /** Bytes one chunk's response should weigh at most by our estimate (Excel on the web refuses > 5 MB). */
  targetChunkBytes: number;
  /** Cells in the first chunk, before anything is known about how long the cells are. */
  firstChunkCells: number;
  /** Upper bound on rows per chunk, however short the cells. */
  maxChunkRows: number;
  /** Bytes one write request may carry by our estimate before it is split (requests over 5 MB are refused). */
  maxRequestBytes: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  targetChunkBytes: 1_000_000,
  firstChunkCells: 3_000,
  maxChunkRows: 5_000,
  maxRequestBytes: 2_500_000,
};

/** The ExcelApi version the manifest declares; everything newer is feature-tested. */
export const REQUIRED_EXCEL_API = "1.7";

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);
interface OfficeLikeError {
  code?: string;
  message?: string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as OfficeLikeError).code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as OfficeLikeError).message === "string") {
    return (error as OfficeLikeError).message as string;
  }
  return String(error);
}

/** A chunked read's sync failed because the chunk was too large, and the chunk (rows or cells) can still be halved. */
export function canHalveAfter(error: unknown, chunkSize: number): boolean {
  const code = errorCode(error);
  return code !== undefined && PAYLOAD_ERRORS.has(code) && chunkSize > 1;
}

/** Office error → WorkbookError the pane can explain. */
export function toWorkbookError(error: unknown, fallback: "readFailed" | "writeFailed"): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const message = errorMessage(error);
  switch (code) {
    case "AccessDenied":
      // Writing into a protected sheet or a read-only/locked file comes back as AccessDenied.
      return new WorkbookError(/read.?only/i.test(message) ? "readOnly" : "protected", message);
    case "InvalidOperation":
      return new WorkbookError(/protect/i.test(message) ? "protected" : fallback, message);
    case "ItemNotFound":
      return new WorkbookError("noSheet", message);
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(fallback, `Excel is in cell edit mode; finish editing the cell and retry. (${message})`);
    default:
      return new WorkbookError(fallback, code ? `${code}: ${message}` : message);
  }
}

/** The hosts and chunk sizes one adapter works with, shared by its reading, writing, events and settings parts. */
export class OfficeConnection {
  readonly excel: ExcelHost;
  readonly office: OfficeHost;
  readonly chunk: ChunkOptions;

  constructor(hosts: { excel?: ExcelHost; office?: OfficeHost; chunk?: Partial<ChunkOptions> } = {}) {
    this.excel = hosts.excel ?? (globalThis as unknown as { Excel: ExcelHost }).Excel;
    this.office = hosts.office ?? (globalThis as unknown as { Office: OfficeHost }).Office;
    this.chunk = { ...DEFAULT_CHUNK_OPTIONS, ...hosts.chunk };
  }

  supports(version: string): boolean {
    try {
      return this.office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** One `Excel.run`, its Office errors turned into `WorkbookError`s. */
  async run<T>(fallback: "readFailed" | "writeFailed", batch: Batch<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (error) {
      throw toWorkbookError(error, fallback);
    }
  }
}
