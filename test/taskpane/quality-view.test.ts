/**
 * 品質 / Quality: the pane's figures are `faq-assist evaluate --sheet all`'s on the same file, and the
 * acceptance log the pane writes is summed up per column and week, and can be cleared.
 */
import * as path from "path";
import { main } from "../../src/cli/main";
import { loadNodeMorphology } from "../../src/engine/text/morphology-node";
import type { QualityFigures } from "../../src/engine";
import { messagesFor } from "../../src/taskpane/i18n";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { ACCEPTANCE_NAMESPACE, readEntries } from "../../src/workbook/acceptance-log";
import { SHEET_2024, SHEET_2025, WARNING_ROW_2025, twoYears } from "../fixtures/two-years";
import { openXlsx } from "../support/memory-xlsx";
import { paneControllers } from "./pane-harness";

const FILE = path.join(__dirname, "..", "fixtures", "two-years.xlsx");
const t = messagesFor("en");
const open = paneControllers(t);

async function cliFigures(): Promise<QualityFigures> {
  let stdout = "";
  const code = await main(["evaluate", "-w", FILE, "--sheet", "all", "--json"], { stdout: (text) => (stdout += text), stderr: () => undefined, env: { LANG: "en_US.UTF-8" } });
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { columns: QualityFigures }).columns;
}

describe("the Quality view", () => {
  jest.setTimeout(60_000);

  it("shows the same figures as `faq-assist evaluate --sheet all` on the same file", async () => {
    const morphology = loadNodeMorphology();
    const expected = await cliFigures();
    const wb = await openXlsx(FILE);
    wb.activateSheet(SHEET_2025);
    const c = await open(wb, { loadMorphology: () => morphology });
    // The dictionary loads once the first suggestions are on screen, as in Excel.
    wb.select(`${SHEET_2025}!B${WARNING_ROW_2025}`);
    await c.whenIdle();
    await morphology;
    await new Promise((resolve) => setTimeout(resolve, 0));
    c.showView("quality");
    await c.whenIdle();
    const state = c.qualityView.store.get();
    expect(state.phase).toBe("ready");
    expect(state.sheets).toEqual([SHEET_2024, SHEET_2025]);
    expect(state.figures).toEqual(expected);
    expect(state.sentences.category).toMatch(/^Only 7 filled rows so far/);
  });

  it("reports progress while it works through the rows in steps", async () => {
    const [y2024, y2025] = twoYears();
    const wb = new MemoryWorkbook(y2024.name, y2024.rows);
    wb.addSheet(y2025.name, y2025.rows);
    const c = await open(wb, { qualityStepRows: 2 });
    const seen: { done: number; total: number }[] = [];
    const off = c.qualityView.store.subscribe(() => {
      const progress = c.qualityView.store.get().progress;
      if (progress) seen.push({ ...progress });
    });
    c.showView("quality");
    await c.whenIdle();
    off();
    expect(seen.map((p) => p.done)).toEqual(expect.arrayContaining([2, 4, 6, 7]));
    expect(seen[seen.length - 1]).toEqual({ done: 7, total: 7 });
  });

  it("sums the acceptance log per column and week, and clears it after a confirmation", async () => {
    const [y2024, y2025] = twoYears();
    const wb = new MemoryWorkbook(y2024.name, y2024.rows);
    wb.addSheet(y2025.name, y2025.rows);
    wb.activateSheet(SHEET_2025);
    const c = await open(wb);
    wb.select(`${SHEET_2025}!B${WARNING_ROW_2025}`);
    await c.whenIdle();
    await c.caseView.applyAll();
    await c.whenIdle();
    expect(readEntries(await wb.readXmlParts(ACCEPTANCE_NAMESPACE))).toHaveLength(1);

    c.showView("quality");
    await c.whenIdle();
    const state = c.qualityView.store.get();
    expect(state.entries).toBe(1);
    const category = state.acceptance?.find((column) => column.role === "category");
    expect(category?.total).toEqual({ accepted: 1, edited: 0, replaced: 0 });
    expect(category?.weeks).toHaveLength(1);

    c.qualityView.askClear();
    expect(c.qualityView.store.get().confirmingClear).toBe(true);
    await c.qualityView.confirmClear();
    expect(c.qualityView.store.get().entries).toBe(0);
    expect(await wb.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);
    // The cells written stay.
    expect(wb.getCell(SHEET_2025, WARNING_ROW_2025, 6)).toMatch(/^1-9 /);
  });
});
