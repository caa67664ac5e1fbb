import { readCaseTable } from "../../src/engine";
import { ACCEPTANCE_NAMESPACE, clearEntries, readEntries } from "../../src/workbook/acceptance-log";
import { caseRefOf } from "../../src/workbook/case-identity";
import { applyFaqBatch, undoApply, type BatchRequest } from "../../src/workbook/faq-writer";
import { OfficeWorkbook } from "../../src/workbook/office-adapter";
import { FakeExcel } from "./fake-excel";

const SHEET = "2025年度";
const ROWS = [
  ["受理番号", "件名", "相談内容", "【FAQ用】検索キーワード", "案件項目【Mission1】"],
  ["401", "偽の警告", "見本花子さんの店で 090-0000-1111 に電話するよう表示された", "", ""],
  ["402", "メール", "怪しいメールが届いた", "", ""],
];

function setup() {
  const fake = new FakeExcel(SHEET);
  fake.fill(ROWS);
  const port = new OfficeWorkbook({ excel: fake.excel, office: fake.office });
  const result = readCaseTable({ sheetName: SHEET, firstRow: 1, firstColumn: 1, values: ROWS });
  if (!result.ok) throw new Error("no table");
  const request: BatchRequest = {
    sheetName: SHEET,
    columns: result.table.columns,
    overwriteConfirmed: false,
    record: { engineVersion: "test" },
    items: result.table.rows.map((row) => ({
      case: caseRefOf(SHEET, row),
      shownValues: { 4: "", 5: "" },
      writes: [
        { role: "keywords" as const, column: 4, value: "偽警告、見本花子", suggested: "偽警告" },
        { role: "category" as const, column: 5, value: "1-9 ワンクリック詐欺", suggested: "1-9 ワンクリック詐欺" },
      ],
    })),
  };
  return { fake, port, request };
}

describe("the acceptance log in Excel (simulated, ExcelApi 1.5 custom XML parts)", () => {
  it("is written in the same request as the FAQ cells, and holds no case or FAQ text", async () => {
    const { fake, port, request } = setup();
    const outcome = await applyFaqBatch(port, request);
    expect(outcome.kind).toBe("applied");
    const writeSync = fake.syncLog.find((log) => log.ops.some((op) => op.prop === "values"));
    expect(writeSync?.ops.map((op) => op.prop)).toContain("xmlAdd");
    const parts = fake.xmlParts.byNamespace(ACCEPTANCE_NAMESPACE);
    expect(readEntries(parts).map((e) => [e.caseNumber, e.columns.map((c) => c.outcome)])).toEqual([
      ["401", ["edited", "accepted"]],
      ["402", ["edited", "accepted"]],
    ]);
    const xml = parts.map((p) => p.xml).join("");
    for (const text of ["見本花子", "090-0000-1111", "偽の警告", "偽警告", "ワンクリック"]) expect(xml).not.toContain(text);
    // The second write appends to the same part (setXml), it does not add another.
    const second = await applyFaqBatch(port, { ...request, items: request.items.map((i) => ({ ...i, shownValues: { 4: "偽警告、見本花子", 5: "1-9 ワンクリック詐欺" }, writes: i.writes.map((w) => ({ ...w, value: `${w.value}。` })) })), overwriteConfirmed: true });
    expect(second.kind).toBe("applied");
    expect(fake.xmlParts.byNamespace(ACCEPTANCE_NAMESPACE)).toHaveLength(1);
    expect(readEntries(fake.xmlParts.byNamespace(ACCEPTANCE_NAMESPACE))).toHaveLength(4);
  });

  it("never leaves a write without its record: when the part cannot be written, the cells are put back", async () => {
    const { fake, port, request } = setup();
    fake.failPartWrites = true;
    const outcome = await applyFaqBatch(port, request);
    expect(outcome.kind).toBe("failed");
    expect(fake.cell(2, 4).value).toBe("");
    expect(fake.cell(3, 5).value).toBe("");
    expect(fake.xmlParts.byNamespace(ACCEPTANCE_NAMESPACE)).toEqual([]);
  });

  it("never leaves a record without its write: undo takes the entries out with the cells", async () => {
    const { fake, port, request } = setup();
    const outcome = await applyFaqBatch(port, request);
    if (outcome.kind !== "applied") throw new Error(outcome.kind);
    expect((await undoApply(port, outcome.undo)).kind).toBe("undone");
    expect(fake.cell(2, 4).value).toBe("");
    expect(readEntries(fake.xmlParts.byNamespace(ACCEPTANCE_NAMESPACE))).toEqual([]);
  });

  it("writes the cells without a log where the host has no custom XML parts (before ExcelApi 1.5)", async () => {
    const { fake, port, request } = setup();
    fake.apiVersion = "1.4";
    const outcome = await applyFaqBatch(port, request);
    expect(outcome.kind).toBe("applied");
    if (outcome.kind === "applied") expect(outcome.undo.acceptanceIds).toBeUndefined();
    expect(fake.xmlParts.all()).toEqual([]);
    expect(await port.readXmlParts(ACCEPTANCE_NAMESPACE)).toBeUndefined();
  });

  it("is cleared through the port, leaving other add-ins' parts", async () => {
    const { fake, port, request } = setup();
    fake.xmlParts.add(`<other xmlns="urn:someone-else"/>`);
    await applyFaqBatch(port, request);
    expect(await port.updateXmlParts(ACCEPTANCE_NAMESPACE, clearEntries)).toBe(true);
    expect(await port.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);
    expect(fake.xmlParts.all()).toHaveLength(1);
  });
});
