export type EngineErrorCode = "notACaseRow" | "aborted" | "noContent";

/** An engine condition the caller explains to the user (the code picks the message). */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly rowNumber?: number;

  constructor(code: EngineErrorCode, message: string, rowNumber?: number) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.rowNumber = rowNumber;
  }
}
