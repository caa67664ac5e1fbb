import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readCustomXmlParts } from "../../src/cli/xlsx-custom-xml";
import { readCaseTable } from "../../src/engine";
import { ACCEPTANCE_NAMESPACE, readEntries } from "../../src/workbook/acceptance-log";
import { caseRefOf } from "../../src/workbook/case-identity";
import { applyFaqBatch } from "../../src/workbook/faq-writer";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { rootNamespace } from "../../src/workbook/xml-parts";
import { openXlsx, saveXlsx } from "../support/memory-xlsx";

const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-acceptance-"));
const SHEET = "2025年度";
const PLANTED = ["見本一郎", "架空物産", "03-9999-0000"];

async function run(argv: string[], lang = "en_US.UTF-8") {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: lang } });
  return { code, stdout, stderr };
}

async function loggedWorkbook(): Promise<MemoryWorkbook> {
  const rows = [
    ["受理番号", "件名", "相談内容", "【FAQ用】検索キーワード", "案件項目【Mission1】"],
    ["301", "偽の警告", "見本一郎（架空物産）: 03-9999-0000 に電話するよう表示された", "", ""],
  ];
  const wb = new MemoryWorkbook(SHEET, rows);
  wb.addSheet("メモ", [["ほかのシート"]]);
  wb.xmlParts.add(`<settings xmlns="urn:another-add-in">keep me</settings>`);
  const result = readCaseTable({ sheetName: SHEET, firstRow: 1, firstColumn: 1, values: rows });
  if (!result.ok) throw new Error("no table");
  const outcome = await applyFaqBatch(wb, {
    sheetName: SHEET,
    columns: result.table.columns,
    overwriteConfirmed: false,
    record: { engineVersion: "test", now: () => new Date("2026-11-30T03:00:00Z") },
    items: [
      {
        case: caseRefOf(SHEET, result.table.rows[0]),
        shownValues: { 4: "", 5: "" },
        writes: [
          { role: "keywords", column: 4, value: "偽警告、架空物産", suggested: "偽警告、サポート詐欺" },
          { role: "category", column: 5, value: "1-9 ワンクリック詐欺", suggested: "1-9 ワンクリック詐欺" },
        ],
      },
    ],
  });
  expect(outcome.kind).toBe("applied");
  return wb;
}

describe("the acceptance log through save and reopen", () => {
  it("survives memory workbook → .xlsx → CLI → memory workbook, with the cells and other add-ins' parts", async () => {
    const file = path.join(dir, "log.xlsx");
    const wb = await loggedWorkbook();
    await saveXlsx(wb, file);

    const parts = await readCustomXmlParts(readFileSync(file));
    expect(parts.map((p) => rootNamespace(p.xml)).sort()).toEqual([ACCEPTANCE_NAMESPACE, "urn:another-add-in"].sort());
    const xml = parts.map((p) => p.xml).join("");
    for (const name of PLANTED) expect(xml).not.toContain(name);

    const { code, stdout } = await run(["acceptance", "--workbook", file, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { entries: number; columns: { role: string; total: Record<string, number>; weeks: { week: string }[] }[] };
    expect(report.entries).toBe(1);
    expect(report.columns.map((c) => [c.role, c.total])).toEqual([
      ["keywords", { accepted: 0, edited: 1, replaced: 0 }],
      ["category", { accepted: 1, edited: 0, replaced: 0 }],
    ]);

    const reopened = await openXlsx(file);
    expect(reopened.getCell(SHEET, 2, 4)).toBe("偽警告、架空物産");
    expect(reopened.sheetNames).toEqual([SHEET, "メモ"]);
    expect(readEntries(await reopened.readXmlParts(ACCEPTANCE_NAMESPACE))).toEqual(readEntries(await wb.readXmlParts(ACCEPTANCE_NAMESPACE)));

    // Saved again from the reopened workbook: still one log, not two.
    await saveXlsx(reopened, file);
    expect(readEntries((await openXlsx(file)).xmlParts.byNamespace(ACCEPTANCE_NAMESPACE))).toHaveLength(1);
  });

  it("is cleared by `acceptance --clear`, which leaves the cells and the other parts as they were", async () => {
    const file = path.join(dir, "clear.xlsx");
    await saveXlsx(await loggedWorkbook(), file);
    const cleared = await run(["acceptance", "--workbook", file, "--clear"], "ja_JP.UTF-8");
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain("1 件");
    const reopened = await openXlsx(file);
    expect(await reopened.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);
    expect(reopened.xmlParts.byNamespace("urn:another-add-in")).toHaveLength(1);
    expect(reopened.getCell(SHEET, 2, 5)).toBe("1-9 ワンクリック詐欺");
    const after = await run(["acceptance", "--workbook", file]);
    expect(after.stdout).toContain("no acceptance log entries yet");
  });

  it("refuses a CSV file with the usual message", async () => {
    const { code, stderr } = await run(["acceptance", "--workbook", path.join(dir, "x.csv")]);
    expect(code).toBe(1);
    expect(stderr).toContain("unsupported file type");
  });
});
