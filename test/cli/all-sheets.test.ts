import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { SHEET_2024, SHEET_2025, WARNING_ROW_2025, WARNING_ROWS_2024 } from "../fixtures/two-years";

const FILE = path.join(__dirname, "..", "fixtures", "two-years.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-all-"));

async function run(argv: string[], lang = "en_US.UTF-8") {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: lang } });
  return { code, stdout, stderr };
}

describe("--sheet all: every case sheet of the workbook as one log", () => {
  it("suggest: a 2025 case draws its category and answer from 2024's rows, named by sheet and row", async () => {
    const { code, stdout } = await run(["suggest", "-w", FILE, "--sheet", "all", "--row", `${SHEET_2025}!${WARNING_ROW_2025}`, "--json"]);
    expect(code).toBe(0);
    const [row] = JSON.parse(stdout) as { row: string; category: { value: string; sources: string[] }[]; answer: { sources: string[] } }[];
    expect(row.row).toBe(`${SHEET_2025}!${WARNING_ROW_2025}`);
    expect(row.category[0].value).toMatch(/^1-9 /);
    const cited = WARNING_ROWS_2024.map((r) => `${SHEET_2024}!${r}`);
    expect(row.category[0].sources.some((s) => cited.includes(s))).toBe(true);
    expect(row.answer.sources.some((s) => cited.includes(s))).toBe(true);

    // On its own sheet the same case has no filled row to learn from.
    const alone = await run(["suggest", "-w", FILE, "--sheet", SHEET_2025, "--row", String(WARNING_ROW_2025), "--json"]);
    const [own] = JSON.parse(alone.stdout) as { category: { sources: number[] }[] }[];
    expect(own.category[0].sources).toEqual([]);
  });

  it("suggest --row needs SHEET!ROW with --sheet all, and says which sheets there are", async () => {
    const { code, stderr } = await run(["suggest", "-w", FILE, "--sheet", "all", "--row", "4"]);
    expect(code).toBe(2);
    expect(stderr).toContain(SHEET_2024);
  });

  it("search finds 2024 cases", async () => {
    const { code, stdout } = await run(["search", "-w", FILE, "--sheet", "all", "--query", "ランサムウェア 身代金", "--json"]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { row: string; caseNumber: string }[];
    expect(results[0]).toMatchObject({ row: `${SHEET_2024}!4`, caseNumber: "2403" });
  });

  it("export holds both years' answers", async () => {
    const out = path.join(dir, "faq.html");
    const { code } = await run(["export", "-w", FILE, "--sheet", "all", "--out", out]);
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("身代金は支払わないでください"); // 2024年度
    expect(html).toContain("振込先の変更はメール以外の方法で"); // 2025年度
  });

  it("check names each problem's sheet, row and that sheet's own column", async () => {
    const { stdout } = await run(["check", "-w", FILE, "--sheet", "all", "--json"]);
    const problems = JSON.parse(stdout) as { row: string; column: string; role: string }[];
    for (const p of problems) expect(p.row).toMatch(new RegExp(`^(${SHEET_2024}|${SHEET_2025})!\\d+$`));
    // 2025年度 keeps 相談内容分類 in column J, 2024年度 in column D.
    const classification = problems.filter((p) => p.role === "classification");
    expect(classification.length).toBeGreaterThan(0);
    for (const p of classification) expect(p.column).toBe(p.row.startsWith(SHEET_2025) ? "J" : "D");
  });

  it("evaluate gives every FAQ column's figures over both sheets, with one sentence each", async () => {
    const json = await run(["evaluate", "-w", FILE, "--sheet", "all", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { sheets: string[]; columns: { rows: number; columns: Record<string, { kind: string; rows: number }> } };
    expect(report.sheets).toEqual([SHEET_2024, SHEET_2025]);
    expect(report.columns.rows).toBe(7); // six 2024 rows and one filled 2025 row
    expect(Object.keys(report.columns.columns).sort()).toEqual(["answer", "category", "classification", "countermeasures", "keywords", "references"]);
    const text = await run(["evaluate", "-w", FILE, "--sheet", "all"]);
    expect(text.stdout).toContain("too few to say");
  });
});
