/**
 * Offline preview: the bundled sample workbook as a grid on the left, the real task pane on the right,
 * both on one MemoryWorkbook. No Excel, no Office.js, no network.
 */
import { createRoot } from "react-dom/client";
import sampleCsv from "../../samples/consultations-sample.csv";
import { App } from "../taskpane/components/App";
import { languageFromDisplayLanguage } from "../taskpane/i18n";
import { fixedThemeSource, officeThemeNamed } from "../taskpane/theme";
import { MemoryWorkbook } from "../workbook/memory-adapter";
import { SheetGrid } from "./SheetGrid";

const SHEET_NAME = "相談受付";
const LARGE_SHEET_NAME = "相談受付（拡大）";

const params = new URLSearchParams(window.location.search);
const language = languageFromDisplayLanguage(params.get("lang"));
const paneWidth = Math.max(320, Number(params.get("pane")) || 380);
// `?theme=colorful|darkgray|black|white` (or dark): the colours Office would report, through the pane's own mapping.
const theme = fixedThemeSource(officeThemeNamed(params.get("theme")));

const text =
  language === "en"
    ? { banner: "Preview: running on the sample workbook (no Excel)", grid: "Sample workbook", corner: "" }
    : { banner: "プレビュー: サンプルブックで動作中（Excel なし）", grid: "サンプルブック", corner: "" };

const workbook = MemoryWorkbook.fromCsv(sampleCsv, SHEET_NAME);
const scaleTo = Number(params.get("rows")) || 0;
if (scaleTo > 0) growSheet(workbook, scaleTo);
// Start where an editor would: on the first case row.
workbook.select("B2");

/**
 * `?rows=10000`: repeats the sample's case rows (FAQ columns blank in the copies) until the sheet has
 * that many, to try the pane and the grid on a large sheet.
 */
function growSheet(wb: MemoryWorkbook, caseRows: number): void {
  const { rows, columns } = wb.size(SHEET_NAME);
  const cases: string[][] = [];
  for (let row = 2; row <= rows; row++) {
    const line = Array.from({ length: columns }, (_, c) => wb.getCell(SHEET_NAME, row, c + 1));
    if (line[5] || line[6]) cases.push(line);
  }
  const grown = [Array.from({ length: columns }, (_, c) => wb.getCell(SHEET_NAME, 1, c + 1))];
  for (let i = 0; i < caseRows; i++) {
    const line = [...cases[i % cases.length]];
    if (i >= cases.length) {
      line[1] = String(10000 + i);
      for (const faq of [3, 10, 11, 12, 13, 14]) line[faq] = "";
    }
    grown.push(line);
  }
  wb.addSheet(LARGE_SHEET_NAME, grown);
  wb.activateSheet(LARGE_SHEET_NAME);
}

document.documentElement.lang = language;
document.documentElement.style.setProperty("--pane-width", `${paneWidth}px`);

function Preview() {
  return (
    <div className="preview">
      <div className="banner" role="note">
        {text.banner}
      </div>
      <div className="split">
        <section className="workbook" aria-label={text.grid}>
          <SheetGrid workbook={workbook} labels={{ gridLabel: text.grid, corner: text.corner }} />
        </section>
        {/* Not a landmark: in Excel the pane is a document of its own, whose <main> is top level. */}
        <div className="pane">
          <App port={workbook} language={language} theme={theme} />
        </div>
      </div>
    </div>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Preview />);

// Lets the end-to-end test and a curious developer reach the workbook from the console, to play a
// co-author or Excel itself: simulateCoauthorEdit, insertRows, sortRows, holdEvents… (docs/ui.md).
// `setOfficeTheme("black")` plays Office switching its theme while the pane is open.
(window as unknown as { faqAssistPreview: PreviewHandle }).faqAssistPreview = {
  workbook,
  setOfficeTheme: (name: string) => theme.set(officeThemeNamed(name)),
};

interface PreviewHandle {
  workbook: MemoryWorkbook;
  setOfficeTheme(name: string): void;
}
