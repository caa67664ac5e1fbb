import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const FIXTURES = path.join(__dirname, "..", "fixtures", "cli");
const fixture = (name: string) => path.join(FIXTURES, name);

async function run(argv: string[], lang = "en_US.UTF-8") {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: lang } });
  return { code, stdout, stderr };
}

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface RowJson {
  row: number;
  category: { value: string; confidence: number; sources: number[] }[];
  keywords: string[];
  answer: { text: string; sources: number[]; masked: string[] };
  countermeasures: string[];
  references: string[];
}

describe("faq-assist suggest", () => {
  it.each(["small.csv", "small-bom.csv", "small-sjis.csv"])("reads %s and prints the JSON shape", async (name) => {
    const before = hash(fixture(name));
    const { code, stdout, stderr } = await run(["suggest", "--workbook", fixture(name), "--row", "7", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as RowJson[];
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.row).toBe(7);
    expect(row.category[0].value).toBe("1-9 巧妙・悪質化するワンクリック詐欺");
    expect(row.category[0].sources).toContain(4);
    expect(row.keywords.length).toBeGreaterThanOrEqual(3);
    expect(typeof row.answer.text).toBe("string");
    expect(Array.isArray(row.answer.masked)).toBe(true);
    expect(row.countermeasures.length).toBeGreaterThan(0);
    expect(row.references.length).toBeGreaterThan(0);
    expect(hash(fixture(name))).toBe(before);
  });

  it("--all suggests every case row whose category is empty", async () => {
    const { code, stdout } = await run(["suggest", "--workbook", fixture("small.csv"), "--all", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as RowJson[]).map((r) => r.row)).toEqual([7, 8]);
  });

  it("prints a readable report without --json, in Japanese under a Japanese locale", async () => {
    const en = await run(["suggest", "--workbook", fixture("small.csv"), "--row", "8"]);
    expect(en.stdout).toMatch(/Row 8: 講演の依頼/);
    expect(en.stdout).toMatch(/Category:\n {4}1\. 他-6/);
    const ja = await run(["suggest", "--workbook", fixture("small.csv"), "--row", "8"], "ja_JP.UTF-8");
    expect(ja.stdout).toMatch(/行 8: 講演の依頼/);
    expect(ja.stdout).toMatch(/案件項目:/);
  });

  it("reads an .xlsx workbook and finds the sheet whose header it recognises", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-"));
    const file = path.join(dir, "book.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表紙").addRow(["相談記録"]);
    const sheet = workbook.addWorksheet("相談");
    sheet.addRow([]);
    sheet.addRow(["", "件名", "相談内容", "案件項目【Mission1】"]);
    sheet.addRow(["", "口コミに悪口", "口コミサイトに誹謗中傷を書き込まれた", ""]);
    await workbook.xlsx.writeFile(file);
    const before = hash(file);
    const { code, stdout } = await run(["suggest", "--workbook", file, "--row", "3", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as RowJson[])[0].category[0].value).toBe("他-2 誹謗中傷・風評被害");
    const named = await run(["suggest", "--workbook", file, "--sheet", "相談", "--row", "3", "--json"]);
    expect(named.code).toBe(0);
    expect(hash(file)).toBe(before);
  });
});

describe("faq-assist evaluate", () => {
  it("reports leave-one-out and taxonomy-only accuracy", async () => {
    const { code, stdout } = await run(["evaluate", "--workbook", fixture("small.csv"), "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { leaveOneOut: { rows: number; categoryAt1: number; msPerRow: number }; taxonomyOnly: { rows: number } };
    expect(result.leaveOneOut.rows).toBe(3);
    expect(result.leaveOneOut.categoryAt1).toBeGreaterThanOrEqual(0);
    expect(result.taxonomyOnly.rows).toBe(3);
    const text = await run(["evaluate", "--workbook", fixture("small.csv")]);
    expect(text.stdout).toMatch(/Category accuracy at 1: \d+\.\d%/);
  });
});

describe("bad input: one stderr line, non-zero exit", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-bad-"));
  const corrupt = path.join(dir, "broken.xlsx");
  writeFileSync(corrupt, "this is not a zip file");

  it.each([
    ["an unreadable file", ["suggest", "--workbook", path.join(dir, "missing.csv"), "--row", "2"], /cannot read file: .*missing\.csv \(no such file\)/],
    ["a corrupt xlsx", ["suggest", "--workbook", corrupt, "--row", "2"], /cannot read file: .*broken\.xlsx \(not a valid \.xlsx/],
    ["an unsupported type", ["suggest", "--workbook", fixture("README.md"), "--row", "2"], /unsupported file type/],
    ["an unknown sheet", ["suggest", "--workbook", fixture("small.csv"), "--sheet", "Nope", "--row", "4"], /no sheet named "Nope" \(sheets: small\)/],
    ["no header", ["suggest", "--workbook", fixture("no-header.csv"), "--row", "2"], /no header row found .* Looked for: .*相談内容/],
    ["a row out of range", ["suggest", "--workbook", fixture("small.csv"), "--row", "500"], /row 500 is out of range/],
    ["a non-case row", ["suggest", "--workbook", fixture("small.csv"), "--row", "3"], /row 3 is not a case row \(header is row 3; cases are in rows 4-8\)/],
    ["an empty row", ["suggest", "--workbook", fixture("small.csv"), "--row", "10"], /row 10 is not a case row/],
    ["a bad row number", ["suggest", "--workbook", fixture("small.csv"), "--row", "x"], /invalid row number: x/],
    ["neither --row nor --all", ["suggest", "--workbook", fixture("small.csv")], /give either --row N or --all/],
    ["an unknown option", ["suggest", "--workbook", fixture("small.csv"), "--rows", "3"], /invalid arguments/],
    ["an unknown command", ["convert"], /unknown command: convert/],
    ["no --workbook", ["evaluate"], /--workbook FILE is required/],
  ])("%s", async (_label, argv, pattern) => {
    const { code, stdout, stderr } = await run(argv as string[]);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(pattern);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("explains problems in Japanese under a Japanese locale", async () => {
    const { stderr } = await run(["suggest", "--workbook", fixture("small.csv"), "--row", "3"], "ja_JP.UTF-8");
    expect(stderr).toMatch(/行 3 は相談の行ではありません/);
  });
});
