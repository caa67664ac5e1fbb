/**
 * Getting a file out of the task pane, per host (docs/ui.md, "Publishing the FAQ"):
 *
 * - Excel on the web (the pane is an iframe of the browser; Office's frame allows downloads since
 *   2020, office-js #1221/#1241) and Excel on Windows (WebView2) save a Blob offered through
 *   `<a download>`; WebView2 shows its download bar inside the pane (office-js #1793).
 * - Excel on Mac and iPad (WKWebView) silently ignore downloads from an add-in (office-js #2700,
 *   closed "by design"; #3385): there the pane offers copying the page instead (and the FAQ sheet).
 * - The async clipboard API is blocked in Office on the web's frame by its permissions policy
 *   (office-js #1991), so copying falls back on a selected text area and `execCommand("copy")`,
 *   which a click still allows.
 */
import type { FileHost } from "./state/export-view";

/** Platforms whose add-in webview does not save downloads (`Office.context.diagnostics.platform`). */
const NO_DOWNLOAD_PLATFORMS = new Set(["Mac", "iOS", "iPad"]);

export function browserFiles(platform?: string): FileHost {
  return {
    canDownload: !platform || !NO_DOWNLOAD_PLATFORMS.has(platform),
    download(text, fileName, type) {
      try {
        const url = URL.createObjectURL(new Blob([text], { type }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        link.rel = "noopener";
        link.style.display = "none";
        document.body.appendChild(link);
        link.click();
        link.remove();
        // The download has taken its copy by then; the URL only holds the page in memory.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return true;
      } catch {
        return false;
      }
    },
    async copy(text) {
      try {
        if (navigator.clipboard?.writeText) {
          await navigator.clipboard.writeText(text);
          return true;
        }
      } catch {
        // Blocked by the frame's permissions policy: the older way below still works from a click.
      }
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        return document.execCommand("copy");
      } catch {
        return false;
      } finally {
        area.remove();
      }
    },
  };
}
