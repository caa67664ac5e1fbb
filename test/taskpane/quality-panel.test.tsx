/** @jest-environment jsdom */
/**
 * The Quality view in a DOM: every column's figures with its sentence, the acceptance log as a chart
 * hidden from screen readers plus a table with the same numbers, the clear button asking first, and
 * every control named.
 */
import "@testing-library/jest-dom";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { ACCEPTANCE_NAMESPACE, partXml } from "../../src/workbook/acceptance-log";
import { MemoryWorkbook } from "../../src/workbook/memory-adapter";
import { SHEET_2025, twoYears } from "../fixtures/two-years";
import { fluentInJsdom, unnamedControls } from "./pane-harness";

jest.setTimeout(30000);
fluentInJsdom();
afterEach(cleanup);

function workbook(): MemoryWorkbook {
  const [y2024, y2025] = twoYears();
  const wb = new MemoryWorkbook(y2024.name, y2024.rows);
  wb.addSheet(y2025.name, y2025.rows);
  wb.activateSheet(SHEET_2025);
  // Two weeks of the desk's writes: the category taken as is, the answer edited, then replaced.
  const entry = (id: string, at: string, outcome: "accepted" | "edited" | "replaced") => ({
    id,
    at,
    engineVersion: "t",
    sheet: SHEET_2025,
    row: 2,
    caseNumber: "2501",
    caseHash: "h",
    columns: [
      { role: "category" as const, outcome: "accepted" as const },
      { role: "answer" as const, outcome },
    ],
  });
  wb.xmlParts.add(partXml(1, [entry("a", "2026-11-24T10:00:00+09:00", "edited"), entry("b", "2026-12-01T10:00:00+09:00", "replaced")]));
  return wb;
}

test("figures, sentences and the acceptance table, with the chart for the eye only", async () => {
  const wb = workbook();
  render(<App port={wb} language="en" options={{ loadMorphology: undefined, changeDelayMs: 0, poolDelayMs: 0 }} />);
  await screen.findByTestId("filled-count", undefined, { timeout: 15000 });
  fireEvent.click(document.querySelector('[data-testid="view-quality"]') as HTMLElement);
  const figures = await screen.findByTestId("quality-figures", undefined, { timeout: 15000 });
  expect(figures.querySelectorAll("li")).toHaveLength(6);
  expect(figures.querySelector('[data-role="category"]')?.textContent).toMatch(/Only 7 filled rows so far/);

  const charts = await screen.findAllByTestId("acceptance-chart");
  expect(charts.map((chart) => chart.getAttribute("data-role"))).toEqual(["category", "answer"]);
  const answer = charts[1];
  expect(answer.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  const rows = [...answer.querySelectorAll("tbody tr")].map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
  expect(rows).toEqual([
    ["2026-11-23", "0", "1", "0"],
    ["2026-11-30", "0", "0", "1"],
  ]);
  expect(answer.querySelector("caption")?.textContent).toContain("suggestions taken by week");
  expect(unnamedControls()).toEqual([]);

  fireEvent.click(screen.getByText("Clear the record"));
  expect(await screen.findByText(/Delete the 2 acceptance entries/)).toBeInTheDocument();
  fireEvent.click(screen.getByText("Delete"));
  await waitFor(() => expect(screen.getByText(/Nothing recorded yet/)).toBeInTheDocument());
  expect(await wb.readXmlParts(ACCEPTANCE_NAMESPACE)).toEqual([]);
});
