import { createHash } from "crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const SAMPLE_CSV = path.join(__dirname, "..", "..", "samples", "consultations-sample.csv");
const SMALL = path.join(__dirname, "..", "fixtures", "cli", "small.csv");
const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-faq-"));

async function run(argv: string[], lang = "en_US.UTF-8") {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: lang } });
  return { code, stdout, stderr };
}

/** stderr without the loader's notes (a stray cell below the table is ignored with a note). */
const problems = (stderr: string) => stderr.split("\n").filter((line) => line !== "" && !line.startsWith("faq-assist: note:"));

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const HEADER = "受理番号,件名,相談内容,対応状況,【FAQ用】検索キーワード,案件項目【Mission1】,提示する対策項目【Mission2～4】,【FAQ用】標準回答（案）,【FAQ用】対策のための参考資料・サイト";
const ANSWER = "表示された番号には電話せず、ブラウザを閉じてください。";

/** A CSV with planted problems: row 3 misspells a category, row 4 has a phone number and an e-mail address in its answer. */
function problemCsv(): string {
  const file = path.join(dir, "problems.csv");
  writeFileSync(
    file,
    [
      HEADER,
      `501,偽の警告,警告が出た,,偽警告、サポート詐欺,1-9 巧妙・悪質化するワンクリック詐欺,2-12 安全なWebサイト利用,${ANSWER},消費者ホットライン 188`,
      `502,偽の警告,警告が出た,,偽警告、偽警告,1-9 ワンクリック詐欺,2-12 安全なWebサイト利用,${ANSWER},消費者ホットライン 188`,
      `503,偽の警告,警告が出た,,偽警告,1-9 巧妙・悪質化するワンクリック詐欺,2-12 安全なWebサイト利用,"担当 090-1234-5678、taro@example.com までどうぞ。見本太郎様にも伝えました。",消費者ホットライン 188`,
      `504,別件,別の相談,,,,,,`,
    ].join("\n"),
  );
  return file;
}

interface SearchJson {
  row: number;
  caseNumber: string;
  similarity: number;
  subject: string;
  category: string;
  answer: string;
}

describe("faq-assist search", () => {
  it("--json prints an array, best first, with row, similarity (0–1), subject, category and answer", async () => {
    const before = hash(SAMPLE_CSV);
    const { code, stdout, stderr } = await run(["search", "--workbook", SAMPLE_CSV, "--query", "ランサムウェア 身代金", "--limit", "4", "--json"]);
    expect(problems(stderr)).toEqual([]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as SearchJson[];
    expect(results).toHaveLength(4);
    expect(results.slice(0, 2).map((r) => r.row).sort()).toEqual([22, 38]);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["row", "similarity", "subject", "category", "answer", "caseNumber"]));
      expect(r.similarity).toBeGreaterThan(0);
      expect(r.similarity).toBeLessThanOrEqual(1);
    }
    expect(results.map((r) => r.similarity)).toEqual(results.map((r) => r.similarity).sort((a, b) => b - a));
    expect(results[0].category).toMatch(/^1-2 /);
    expect(results[0].answer.length).toBeGreaterThan(10);
    expect(hash(SAMPLE_CSV)).toBe(before);
  });

  it("filters by category and reads .xlsx workbooks", async () => {
    const file = path.join(dir, "book.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("相談");
    sheet.addRow(["件名", "相談内容", "案件項目【Mission1】", "【FAQ用】標準回答（案）"]);
    sheet.addRow(["口コミに悪口", "口コミサイトに誹謗中傷を書き込まれた", "他-2 誹謗中傷・風評被害", "証拠を残して削除依頼をしてください。"]);
    sheet.addRow(["口コミの削除", "口コミの削除方法を知りたい", "", ""]);
    await workbook.xlsx.writeFile(file);
    const all = JSON.parse((await run(["search", "--workbook", file, "--query", "口コミ", "--json"])).stdout) as SearchJson[];
    expect(all.map((r) => r.row).sort()).toEqual([2, 3]);
    const filtered = JSON.parse((await run(["search", "--workbook", file, "--query", "口コミ", "--category", "他-2", "--json"])).stdout) as SearchJson[];
    expect(filtered.map((r) => r.row)).toEqual([2]);
  });

  it("prints readable results, in Japanese under a Japanese locale, and says when nothing was found", async () => {
    const en = await run(["search", "--workbook", SAMPLE_CSV, "--query", "ランサムウェア", "--limit", "2"]);
    expect(en.stdout).toMatch(/^1\. Row (22|38) {2}Case \d+ {2}similarity 0\.\d\d\n {3}Subject: /);
    const ja = await run(["search", "--workbook", SAMPLE_CSV, "--query", "ランサムウェア", "--limit", "2"], "ja_JP.UTF-8");
    expect(ja.stdout).toMatch(/^1\. 行 (22|38) {2}受理番号 \d+ {2}類似度/);
    const none = await run(["search", "--workbook", SAMPLE_CSV, "--query", "ゾウガメ配送ロボ"]);
    expect(none).toMatchObject({ code: 0, stdout: "No similar case found\n" });
    expect((await run(["search", "--workbook", SAMPLE_CSV, "--query", "ゾウガメ配送ロボ", "--json"])).stdout).toBe("[]\n");
  });
});

describe("faq-assist check", () => {
  it("exits 0 and says so when the FAQ columns are clean", async () => {
    const { code, stdout } = await run(["check", "--workbook", SMALL]);
    expect(code).toBe(0);
    expect(stdout).toBe("No problems found\n");
  });

  it("exits 3 with every problem, its row, column and fix (--json)", async () => {
    const file = problemCsv();
    const before = hash(file);
    const { code, stdout, stderr } = await run(["check", "--workbook", file, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(3);
    const problems = JSON.parse(stdout) as { row: number; column: string; role: string; kind: string; message: string; fix?: string; kinds?: string[] }[];
    expect(problems.map((p) => [p.row, p.column, p.kind])).toEqual([
      [3, "E", "duplicateKeyword"],
      [3, "F", "categorySpelling"],
      [4, "H", "personalData"],
    ]);
    expect(problems[1]).toMatchObject({ role: "category", fix: "1-9 巧妙・悪質化するワンクリック詐欺" });
    expect(problems[0].fix).toBe("偽警告");
    expect(problems[2].kinds?.sort()).toEqual(["email", "person", "phone"]);
    expect(problems[2].message).toMatch(/personal data \(.*\) in the standard answer/);
    expect(hash(file)).toBe(before);
  });

  it("prints readable problems in Japanese under a Japanese locale", async () => {
    const { code, stdout } = await run(["check", "--workbook", problemCsv()], "ja_JP.UTF-8");
    expect(code).toBe(3);
    expect(stdout).toMatch(/行 3 \(受理番号 502\) F 案件項目: 案件項目「1-9 ワンクリック詐欺」は、この列でふだん使う表記「1-9 巧妙・悪質化するワンクリック詐欺」と違います\n {4}→ 修正案: 1-9 巧妙・悪質化するワンクリック詐欺/);
    expect(stdout).toMatch(/3 件の問題（うち 3 件は修正案あり）\n$/);
  });
});

describe("faq-assist export", () => {
  it("writes one self-contained page and says which rows were masked and why", async () => {
    const file = problemCsv();
    const before = hash(file);
    const out = path.join(dir, "faq.html");
    const { code, stdout, stderr } = await run(["export", "--workbook", file, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    for (const secret of ["090-1234-5678", "taro@example.com", "見本"]) expect(html).not.toContain(secret);
    expect(html).toMatch(/data-faq-entry/);
    expect(html).toMatch(/<html lang="ja">/);
    expect(stdout).toMatch(/^FAQ written to .*faq\.html: 2 entries \(3 rows, 1 category group\(s\)\)\n/);
    expect(stdout).toMatch(/1 row\(s\) without a standard answer are not included/);
    expect(stdout).toMatch(/Row 4 \(Case 503\): .*masked in the standard answer/);
    expect(stdout).not.toMatch(/090|taro/);
    expect(hash(file)).toBe(before);
  });

  it("--omit-private leaves such entries out; --lang en gives the English page", async () => {
    const out = path.join(dir, "faq-en.html");
    const { code, stdout } = await run(["export", "--workbook", problemCsv(), "--out", out, "--lang", "en", "--omit-private"], "ja_JP.UTF-8");
    expect(code).toBe(0);
    expect(stdout).toMatch(/行 4 \(受理番号 503\): 標準回答に.*があるため、この行は掲載していません/);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/<html lang="en">/);
    expect(html).not.toContain("503");
  });

  it.each([
    ["no --out", ["export", "--workbook", SMALL], 2, /--out FILE\.html is required/],
    ["--out is the workbook", ["export", "--workbook", SMALL, "--out", SMALL], 2, /the output file is the input workbook/],
    ["a bad --lang", ["export", "--workbook", SMALL, "--out", path.join(dir, "x.html"), "--lang", "fr"], 2, /invalid --lang: fr/],
    ["a folder that does not exist", ["export", "--workbook", SMALL, "--out", path.join(dir, "nope", "x.html")], 1, /cannot write file: .*x\.html \(no such folder\)/],
    ["no --query", ["search", "--workbook", SMALL], 2, /--query TEXT is required/],
    ["a bad --limit", ["search", "--workbook", SMALL, "--query", "x", "--limit", "0"], 2, /invalid --limit: 0/],
    ["an unknown option", ["check", "--workbook", SMALL, "--fix"], 2, /invalid arguments/],
    ["no --workbook", ["check"], 2, /--workbook FILE is required/],
    ["an unreadable file", ["search", "--workbook", path.join(dir, "missing.csv"), "--query", "x"], 1, /cannot read file: .*missing\.csv \(no such file\)/],
  ])("bad input: %s → one stderr line and its exit code", async (_label, argv, exitCode, pattern) => {
    const { code, stdout, stderr } = await run(argv as string[]);
    expect(code).toBe(exitCode);
    expect(stdout).toBe("");
    expect(stderr).toMatch(pattern);
    expect(problems(stderr)).toHaveLength(1);
  });

  it("--out at a symlink, a folder or a device is refused; the link and its target stay as they were", async () => {
    const target = path.join(dir, "precious.txt");
    writeFileSync(target, "keep me");
    const link = path.join(dir, "link.html");
    symlinkSync(target, link);
    const folder = path.join(dir, "a-folder.html");
    mkdirSync(folder);
    for (const [out, kind] of [
      [link, "symbolic link"],
      [folder, "folder"],
      ["/dev/null", "device or other special file"],
    ]) {
      const { code, stdout, stderr } = await run(["export", "--workbook", problemCsv(), "--out", out]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(`refusing to write ${out}: it is a ${kind}, not a regular file`);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("keep me");
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
    const ja = await run(["export", "--workbook", problemCsv(), "--out", link], "ja_JP.UTF-8");
    expect(ja.stderr).toMatch(/書き出し先が通常のファイルではありません: .*（シンボリックリンク）/);
  });

  it("--out at an existing regular file replaces it", async () => {
    const out = path.join(dir, "again.html");
    writeFileSync(out, "old page");
    const { code } = await run(["export", "--workbook", problemCsv(), "--out", out]);
    expect(code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/data-faq-entry/);
  });

  it("a file with 100,000-character cells is exported (each pattern reads a long run once) and publishes nothing private", async () => {
    const file = path.join(dir, "long-cells.csv");
    const runs = ["a".repeat(100_000), "7".repeat(100_000), "あ".repeat(100_000)];
    writeFileSync(file, [HEADER, ...runs.map((run, i) => `${600 + i},偽の警告,${run},,偽警告,1-9 巧妙・悪質化するワンクリック詐欺,,"${ANSWER}${run}担当の山田太郎（090-1234-5678）まで。",`)].join("\n"));
    const out = path.join(dir, "long.html");
    const { code, stderr } = await run(["export", "--workbook", file, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/山田|090-1234-5678/);
  });

  it("refuses a sheet with no standard answer and writes nothing", async () => {
    const file = path.join(dir, "empty-answers.csv");
    writeFileSync(file, `${HEADER}\n1,件名,相談です,,,,,,\n`);
    const out = path.join(dir, "none.html");
    const { code, stderr } = await run(["export", "--workbook", file, "--out", out], "ja_JP.UTF-8");
    expect(code).toBe(1);
    expect(stderr).toMatch(/標準回答が記入された行がないため/);
    expect(existsSync(out)).toBe(false);
  });
});
