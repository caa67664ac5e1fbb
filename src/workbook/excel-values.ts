/**
 * How Excel turns what is entered into a stored value, and a stored value into displayed text, for
 * the in-memory workbook (and the simulated Excel in the tests). Only what faq-assist can observe is
 * modelled: "=…" becomes a formula unless the cell is text-formatted ("@"), a leading apostrophe
 * keeps the rest as text, numbers/booleans/dates are recognised, and a few number formats display.
 */
import type { CellValue } from "./port";

export const GENERAL_FORMAT = "General";
export const TEXT_FORMAT = "@";

export interface Entered {
  raw: CellValue;
  formula: string;
  /** A number format Excel applies by itself (typing 2024/4/1 into a General cell formats it as a date). */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
/** Excel's day 0 (with the 1900 leap-year quirk absorbed, as serials after February 1900 count). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS);
}

/** Excel's reading of one entered value, as when it is typed or set through `Range.values`. */
export function enterValue(input: CellValue, numberFormat: string): Entered {
  if (typeof input !== "string") return { raw: input, formula: "" };
  if (numberFormat === TEXT_FORMAT) return { raw: input, formula: "" };
  if (input.startsWith("'")) return { raw: input.slice(1), formula: "" };
  if (input.length > 1 && input.startsWith("=")) return { raw: input, formula: input };
  if (NUMBER.test(input)) return { raw: Number(input), formula: "" };
  if (/^(true|false)$/i.test(input)) return { raw: input.toUpperCase() === "TRUE", formula: "" };
  const date = DATE.exec(input);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return { raw: dateSerial(year, month, day), formula: "", autoFormat: numberFormat === GENERAL_FORMAT ? "yyyy/m/d" : undefined };
    }
  }
  return { raw: input, formula: "" };
}

/** What Excel shows for a stored value under a number format (the formats faq-assist meets). */
export function displayText(raw: CellValue, numberFormat: string): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  const format = numberFormat.replace(/;.*$/, "");
  if (format === TEXT_FORMAT) return String(raw);
  if (/[yd]/i.test(format.replace(/"[^"]*"/g, ""))) return formatDate(raw, format);
  const percent = /^0(\.(0+))?%$/.exec(format);
  if (percent) return `${(raw * 100).toFixed(percent[2]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(\.(0+))?$/.exec(format);
  if (fixed) {
    const decimals = fixed[3]?.length ?? 0;
    return fixed[1] ? raw.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : raw.toFixed(decimals);
  }
  // General: up to 11 significant digits, as a cell of normal width shows.
  return String(Number(raw.toPrecision(11)));
}

function formatDate(serial: number, format: string): string {
  const date = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    mm: String(date.getUTCMonth() + 1).padStart(2, "0"),
    m: String(date.getUTCMonth() + 1),
    dd: String(date.getUTCDate()).padStart(2, "0"),
    d: String(date.getUTCDate()),
  };
  return format
    .replace(/"([^"]*)"|\\(.)|yyyy|mm|m|dd|d/g, (token, quoted?: string, escaped?: string) => quoted ?? escaped ?? parts[token] ?? token)
    .replace(/\[[^\]]*\]/g, "");
}
