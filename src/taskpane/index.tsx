/** Task pane entry: waits for Office, then renders the pane on the Office.js workbook adapter. */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office-adapter";
import { browserFiles } from "./browser-files";
import { App } from "./components/App";
import { languageFromDisplayLanguage } from "./i18n";
import { officeThemeSource, type OfficeThemeHost } from "./office-theme";

const SELECTION_POLL_MS = 2_000;

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const language = languageFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = language;
  // Office's theme, followed while the pane is open (docs/ui.md, "Language and look").
  const theme = officeThemeSource(Office as unknown as OfficeThemeHost);
  // Excel's selection events can go missing (office-js #6311, #533): also ask every few seconds.
  // Excel for Mac and iPad do not save downloads from a pane: the publish view offers copying there.
  const files = browserFiles(officePlatform());
  createRoot(container).render(<App port={new OfficeWorkbook()} language={language} theme={theme} options={{ selectionPollMs: SELECTION_POLL_MS, files }} />);
});

/** "PC", "OfficeOnline", "Mac", "iOS"…; undefined where the host does not say. */
function officePlatform(): string | undefined {
  try {
    return String(Office.context.diagnostics?.platform ?? "") || undefined;
  } catch {
    return undefined;
  }
}
