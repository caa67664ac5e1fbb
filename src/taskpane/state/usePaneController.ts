/** React's view of the pane controller: the state through `useSyncExternalStore`, and the controller's lifetime. */
import { useEffect, useState, useSyncExternalStore } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { Messages } from "../i18n";
import { browserFiles } from "../browser-files";
import { loadBrowserMorphology } from "../morphology-loader";
import { PaneController, type PaneOptions, type PaneState } from "./pane-controller";

/** If no row is clicked and nothing is searched, the search index is built this long after loading. */
const SEARCH_WARM_UP_MS = 3_000;
/** Likewise the other case sheets are read this long after loading, or at once after the first suggestions. */
const POOL_DELAY_MS = 3_000;

export function usePaneController(port: WorkbookPort, t: Messages, options?: PaneOptions): { controller: PaneController; state: PaneState } {
  // Real morphology from the add-in's own origin unless the caller says otherwise (tests, previews).
  const [controller] = useState(() => new PaneController(port, t, { loadMorphology: () => loadBrowserMorphology(), files: browserFiles(), searchWarmUpMs: SEARCH_WARM_UP_MS, poolDelayMs: POOL_DELAY_MS, ...options }));
  useEffect(() => {
    void controller.start();
    // Selection events can be missed while the pane is in the background; ask again when it is back.
    const refresh = () => {
      if (document.visibilityState !== "hidden") void controller.refreshSelection();
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
      controller.dispose();
    };
  }, [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return { controller, state };
}
