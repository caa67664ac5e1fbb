import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/cli/read-workbook";
import { bombPart, deflatedPart, workbookParts, zip } from "../support/zip";

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

/** small.csv has a stray "25" in A11, below its last case row (8): the CLI says it ignored it. */
const SMALL_NOTE = "faq-assist: note: 1 cell(s) below the case table's last row 8 were ignored (the last one is A11)\n";

describe("faq-assist suggest", () => {
  it.each(["small.csv", "small-bom.csv", "small-sjis.csv", "small-utf16le.csv", "small-utf16be.csv", "small-utf16le-tabs.csv"])(
    "reads %s and prints the JSON shape",
    async (name) => {
    const before = hash(fixture(name));
    const { code, stdout, stderr } = await run(["suggest", "--workbook", fixture(name), "--row", "7", "--json"]);
    expect(stderr).toBe(SMALL_NOTE);
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
    },
  );

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
    ["a row out of range", ["suggest", "--workbook", fixture("small.csv"), "--row", "500"], /row 500 is out of range \(sheet "small" has its header in row 3 and cases in rows 4-8\)/],
    ["a row between the table and a stray cell", ["suggest", "--workbook", fixture("small.csv"), "--row", "10"], /row 10 is out of range/],
    ["a non-case row", ["suggest", "--workbook", fixture("small.csv"), "--row", "3"], /row 3 is not a case row \(header is row 3; cases are in rows 4-8\)/],
    ["an empty row above the header", ["suggest", "--workbook", fixture("small.csv"), "--row", "2"], /row 2 is not a case row/],
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

describe("row numbers", () => {
  const expected = /^faq-assist: invalid row number: .* \(give the row number shown at the left of the sheet, a whole number from 1 to 1048576\)\n$/;
  it.each(["-3", "0", "1e23", "100000000000000000000000", "1048577", "2.5", "abc", "", "7x", "--3"])("refuses --row %p with what a row number is", async (value) => {
    for (const argv of [["--row", value], [`--row=${value}`]]) {
      const { code, stdout, stderr } = await run(["suggest", "--workbook", fixture("small.csv"), ...argv]);
      if (value === "--3" && argv.length === 2) {
        // "--3" after --row reads as an option, as for any command line tool: a usage error.
        expect(code).toBe(2);
        continue;
      }
      expect({ value, code, stdout }).toEqual({ value, code: 2, stdout: "" });
      expect(stderr).toContain(`invalid row number: ${value} `);
      expect(stderr).toMatch(expected);
    }
  });

  it("accepts full-width digits as a Japanese IME types them, and spaces around the number", async () => {
    const wide = await run(["suggest", "--workbook", fixture("small.csv"), "--row", "７", "--json"]);
    expect(wide.code).toBe(0);
    expect((JSON.parse(wide.stdout) as RowJson[])[0].row).toBe(7);
    const spaced = await run(["suggest", "--workbook", fixture("small.csv"), "--row", " 8 ", "--json"]);
    expect((JSON.parse(spaced.stdout) as RowJson[])[0].row).toBe(8);
  });

  it("explains a bad row number in Japanese under a Japanese locale", async () => {
    const { stderr } = await run(["suggest", "--workbook", fixture("small.csv"), "--row", "-3"], "ja_JP.UTF-8");
    expect(stderr).toBe("faq-assist: 行番号が正しくありません: -3（シート左端の行番号を、1〜1048576 の整数で指定してください）\n");
  });
});

describe("a workbook with one stray value in XFD1048576", () => {
  const stray = fixture("stray-cell.xlsx");

  it("answers for row 2, reading only the case table, and says what it ignored", async () => {
    const { code, stdout, stderr } = await run(["suggest", "--workbook", stray, "--row", "2", "--json"]);
    expect(code).toBe(0);
    const [row] = JSON.parse(stdout) as RowJson[];
    expect(row.row).toBe(2);
    expect(row.category.length).toBeGreaterThan(0);
    expect(stderr).toBe("faq-assist: note: 1 cell(s) below the case table's last row 6 were ignored (the last one is XFD1048576)\n");
    const all = await run(["suggest", "--workbook", stray, "--all", "--json"]);
    expect((JSON.parse(all.stdout) as RowJson[]).map((r) => r.row)).toEqual([5, 6]);
  });

  it("never allocates rows × columns of the used range (1,048,576 × 16,384)", async () => {
    const [grid] = await readWorkbook(stray);
    expect(grid.firstRow).toBe(1);
    const distinctRows = new Set(grid.values);
    // Rows without a value share one empty array; only the 6 table rows and the stray row are real.
    expect(distinctRows.size).toBeLessThanOrEqual(8);
    const cells = [...distinctRows].reduce((sum, row) => sum + row.length, 0);
    expect(cells).toBeLessThan(16_384 + 100);
  });

  it("refuses a row below the table as out of range, even the stray cell's own row", async () => {
    const { code, stderr } = await run(["suggest", "--workbook", stray, "--row", "1048576"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/row 1048576 is out of range \(sheet "相談記録" has its header in row 1 and cases in rows 2-6\)/);
  });
});

describe("merged cells read as Excel shows them", () => {
  it("a merged answer belongs to its top-left cell only; the rows it covers read blank", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-merged-"));
    const file = path.join(dir, "merged.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("相談");
    sheet.addRow(["受理番号", "件名", "案件項目【Mission1】", "【FAQ用】標準回答（案）"]);
    sheet.addRow(["1", "偽の警告が出た", "1-9 巧妙・悪質化するワンクリック詐欺", "表示された番号には電話しないでください。"]);
    sheet.addRow(["2", "口コミに悪口", "", ""]);
    sheet.addRow(["3", "パスワードを使い回していた", "", ""]);
    sheet.mergeCells("C2:C4");
    sheet.mergeCells("D2:D4");
    await workbook.xlsx.writeFile(file);
    const [grid] = await readWorkbook(file);
    expect(grid.values.map((row) => row[3] ?? "")).toEqual(["【FAQ用】標準回答（案）", "表示された番号には電話しないでください。", "", ""]);
    expect(grid.values.map((row) => row[2] ?? "")).toEqual(["案件項目【Mission1】", "1-9 巧妙・悪質化するワンクリック詐欺", "", ""]);
    const all = await run(["suggest", "--workbook", file, "--all", "--json"]);
    expect((JSON.parse(all.stdout) as RowJson[]).map((r) => r.row)).toEqual([3, 4]);
  });
});

describe("CSV encodings", () => {
  it("reads UTF-16LE without a byte-order mark (NUL bytes give it away)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-utf16-"));
    const file = path.join(dir, "no-bom.csv");
    writeFileSync(file, readFileSync(fixture("small-utf16le.csv")).subarray(2));
    const { code, stdout } = await run(["suggest", "--workbook", file, "--row", "7", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as RowJson[])[0].category[0].value).toBe("1-9 巧妙・悪質化するワンクリック詐欺");
  });
});

describe("a UTF-8 CSV with one bad byte", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-bad-utf8-"));
  const text = readFileSync(fixture("small.csv"));

  it.each([
    ["without a byte-order mark", Buffer.alloc(0)],
    ["after a UTF-8 byte-order mark", Buffer.from([0xef, 0xbb, 0xbf])],
  ])("%s: the line and byte are named, not read as Shift_JIS", async (_label, bom) => {
    // Replace the first byte of line 5's first multi-byte character with 0xFF.
    let at = -1;
    for (let i = 0, line = 1; i < text.length; i++) {
      if (text[i] === 0x0a) line++;
      if (line === 5 && text[i] >= 0xe0) {
        at = i;
        break;
      }
    }
    const damaged = Buffer.concat([bom, text]);
    damaged[at + bom.length] = 0xff;
    const file = path.join(dir, `bad-${bom.length}.csv`);
    writeFileSync(file, damaged);
    const { code, stdout, stderr } = await run(["suggest", "--workbook", file, "--row", "7", "--json"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `faq-assist: cannot read file: ${file} (a UTF-8 file with a byte that is not UTF-8, 0xFF, on line 5 at byte ${at + bom.length + 1}; correct it or save the file again as "CSV UTF-8")\n`,
    );
    const ja = await run(["suggest", "--workbook", file, "--row", "7"], "ja_JP.UTF-8");
    expect(ja.stderr).toMatch(/5 行目（先頭から \d+ バイト目）に UTF-8 ではないバイト 0xFF があります/);
  });

  it("a Shift_JIS file is still read as Shift_JIS", async () => {
    const { code } = await run(["suggest", "--workbook", fixture("small-sjis.csv"), "--row", "7", "--json"]);
    expect(code).toBe(0);
  });
});

describe("a sheet without a header row", () => {
  it("is refused with a clear line, not read with its first case as the header", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-headerless-"));
    const file = path.join(dir, "headerless.csv");
    writeFileSync(file, readFileSync(path.join(__dirname, "..", "..", "samples", "consultations-sample.csv"), "utf8").split("\n").slice(1).join("\n"));
    const { code, stdout, stderr } = await run(["check", "--workbook", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^faq-assist: no header row found \(.*headerless\.csv\)\. Put a header row \(受理番号, 件名, 相談内容, …\) above the cases\./);
  });
});

describe("what the workbook must have: 件名 or 相談内容", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-columns-"));

  it("accepts a table with 件名 and no 相談内容 column", async () => {
    const file = path.join(dir, "subject-only.csv");
    writeFileSync(file, "受理番号,件名,案件項目【Mission1】\n1,口コミサイトに悪評を書き込まれた,\n");
    const { code, stdout } = await run(["suggest", "--workbook", file, "--row", "2", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as RowJson[])[0].category[0].value).toBe("他-2 誹謗中傷・風評被害");
  });

  it("names both columns when neither is there", async () => {
    const file = path.join(dir, "neither.csv");
    writeFileSync(file, "受理番号,対応状況,案件項目【Mission1】\n1,助言した,\n");
    const en = await run(["suggest", "--workbook", file, "--row", "2"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/neither a 件名 \(subject\) nor a 相談内容 \(consultation text\) column was found .*; one of them is required/);
    const ja = await run(["suggest", "--workbook", file, "--row", "2"], "ja_JP.UTF-8");
    expect(ja.stderr).toMatch(/件名の列も相談内容の列も見つかりません.*どちらか一方が必要です/);
  });
});

describe("broken and hostile .xlsx files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-xlsx-"));
  const write = (name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  /** Words of zip and spreadsheet libraries that must never reach the user. */
  const LIBRARY_TEXT = /corrupt|zip\b|end of (data|central)|undefined|null|cannot read prop|invalid (signature|comment)|unexpected|TypeError|Error:/i;

  async function refused(file: string) {
    const result = await run(["suggest", "--workbook", file, "--row", "2"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(LIBRARY_TEXT);
    return result.stderr;
  }

  const NOT_XLSX = /^faq-assist: cannot read file: .* \(not a valid \.xlsx workbook: the file is damaged or is not an Excel workbook; if Excel opens it, save it again as \.xlsx\)\n$/;

  it.each([
    ["text", () => write("text.xlsx", "this is not a zip file")],
    ["an empty file", () => write("empty.xlsx", "")],
    ["a truncated workbook", () => write("truncated.xlsx", readFileSync(fixture("stray-cell.xlsx")).subarray(0, 3000))],
    ["a workbook cut before its directory", () => write("cut.xlsx", readFileSync(fixture("stray-cell.xlsx")).subarray(0, -200))],
    ["a zip that is not a workbook", () => write("document.xlsx", zip([deflatedPart("word/document.xml", "<w:document/>")]))],
    ["a workbook whose sheet is garbage", () => write("garbage.xlsx", zip([...workbookParts(), deflatedPart("xl/worksheets/sheet1.xml", "\u0000\u0001<<<")]))],
  ])("%s: says it is not a valid .xlsx, in its own words", async (_label, make) => {
    expect(await refused(make())).toMatch(NOT_XLSX);
  });

  it("names an old .xls or a password-protected workbook (both are OLE2 files)", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    const file = write("old.xlsx", ole);
    expect(await refused(file)).toMatch(/an old \.xls workbook or a password-protected one; open it in Excel and save it as \.xlsx without a password/);
    const ja = await run(["suggest", "--workbook", file, "--row", "2"], "ja_JP.UTF-8");
    expect(ja.stderr).toMatch(/古い \.xls 形式か、パスワードで保護されたブックです/);
  });

  it("refuses a 400 MB zip bomb of a few hundred KB before inflating it", async () => {
    const bomb = zip([...workbookParts(), bombPart("xl/worksheets/sheet1.xml", 400)]);
    expect(bomb.length).toBeLessThan(450 * 1024);
    const file = write("bomb.xlsx", bomb);
    const before = process.memoryUsage().rss;
    const stderr = await refused(file);
    expect(stderr).toMatch(/refusing to read .*bomb\.xlsx: its part xl\/worksheets\/sheet1\.xml expands \d+-fold, over the 100-fold limit/);
    // Nothing near 400 MB was inflated.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    const ja = await run(["suggest", "--workbook", file, "--row", "2"], "ja_JP.UTF-8");
    expect(ja.stderr).toMatch(/ファイルを読みません: .*上限 100 倍を超えます/);
  });

  it("refuses a zip bomb that lies about its sizes as soon as it expands past them", async () => {
    const liar = zip([...workbookParts(), bombPart("xl/worksheets/sheet1.xml", 400, 1000)]);
    expect(await refused(write("liar.xlsx", liar))).toMatch(NOT_XLSX);
  });
});
