/** Task pane entry: waits for Office, then renders the pane on the Office.js workbook adapter. */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../workbook/office-adapter";
import { App } from "./components/App";
import { languageFromDisplayLanguage } from "./i18n";
import { themeFromOffice } from "./theme";

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const language = languageFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = language;
  const theme = themeFromOffice(Office.context.officeTheme);
  createRoot(container).render(<App port={new OfficeWorkbook()} language={language} theme={theme} />);
});
