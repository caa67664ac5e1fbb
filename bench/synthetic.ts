/** Synthetic consultation sheets made by recombining the sample's texts (deterministic). */
import { readFileSync } from "fs";
import * as path from "path";
import { parseCsv } from "../src/cli/read-workbook";
import { readCaseTable, type CaseRow, type SheetGrid } from "../src/engine";

/** Small, fast, seedable PRNG (mulberry32) so every run builds the same sheet. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadSample(): SheetGrid {
  const file = path.join(__dirname, "..", "samples", "consultations-sample.csv");
  return parseCsv(readFileSync(file, "utf8"), "相談記録");
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。\n])/).map((s) => s.trim()).filter(Boolean);
}

/** A sheet with `count` case rows; about `filledShare` of them have their FAQ columns filled. */
export function syntheticGrid(sample: SheetGrid, count: number, filledShare = 1 / 3, seed = 42): SheetGrid {
  const parsed = readCaseTable(sample);
  if (!parsed.ok) throw new Error("the sample sheet has no recognisable header");
  const { table } = parsed;
  const header = sample.values[table.headerRow - sample.firstRow];
  const cases: CaseRow[] = table.rows;
  const filled = cases.filter((r) => (r.cells.category ?? "").trim() !== "");
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const width = header.length;
  const values: string[][] = [header];
  for (let i = 0; i < count; i++) {
    const base = pick(cases);
    const other = pick(cases);
    const line: string[] = new Array(width).fill("");
    const set = (role: keyof CaseRow["cells"], text: string) => {
      const column = table.columns[role];
      if (column !== undefined) line[column - sample.firstColumn] = text;
    };
    // Most of the text from one case, a sentence or two from another: realistic length and mix.
    const body = [...sentences(base.cells.content ?? ""), ...sentences(other.cells.content ?? "").slice(0, 2)].join("");
    set("caseNumber", String(1000 + i));
    set("caseType", base.cells.caseType ?? "1");
    set("subject", base.cells.subject ?? "");
    set("content", body);
    set("consultNote", base.cells.consultNote ?? "");
    set("response", other === base ? base.cells.response ?? "" : base.cells.response ?? "");
    if (rand() < filledShare) {
      const source = filled.find((r) => r.cells.subject === base.cells.subject) ?? pick(filled);
      for (const role of ["classification", "keywords", "category", "countermeasures", "answer", "references"] as const) {
        set(role, source.cells[role] ?? "");
      }
    }
    values.push(line);
  }
  return { sheetName: "相談記録", firstRow: 1, firstColumn: 1, values };
}
