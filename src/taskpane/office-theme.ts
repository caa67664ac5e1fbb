/**
 * Office's theme as a `ThemeSource`, following changes while the pane is open. Office.js documents
 * `Office.EventType.OfficeThemeChanged` for Outlook only (Mailbox 1.14); on hosts that accept it through
 * `Office.context.document.addHandlerAsync` it is used, and everywhere the pane also reads
 * `Office.context.officeTheme` again when it regains focus or becomes visible, and every few seconds
 * (a property read, no request to the workbook), so a host that updates the object without an event
 * is followed too. A host that reports neither keeps the theme the pane opened with.
 */
import { themeFromOffice, type OfficeThemeColors, type ThemeSource } from "./theme";

/** The parts of Office.js this needs (the global `Office`, or office-addin-mock's stand-in). */
export interface OfficeThemeHost {
  context: {
    officeTheme?: OfficeThemeColors | null;
    document?: { addHandlerAsync?(eventType: unknown, handler: (event: { officeTheme?: OfficeThemeColors }) => void, callback?: (result: { status: unknown }) => void): void };
  };
  EventType?: { OfficeThemeChanged?: unknown };
}

const RECHECK_MS = 5_000;

function colorsKey(colors: OfficeThemeColors | null | undefined): string {
  if (!colors) return "";
  return [colors.bodyBackgroundColor, colors.bodyForegroundColor, colors.controlBackgroundColor, colors.controlForegroundColor, colors.isDarkTheme].join("|");
}

export function officeThemeSource(office: OfficeThemeHost, target: Window = window, recheckMs = RECHECK_MS): ThemeSource & { dispose(): void } {
  const read = (): OfficeThemeColors | null => {
    try {
      return office.context.officeTheme ?? null;
    } catch {
      return null; // not every host or version reports a theme
    }
  };
  let key = colorsKey(read());
  let theme = themeFromOffice(read());
  const listeners = new Set<() => void>();
  const update = (colors: OfficeThemeColors | null) => {
    const next = colorsKey(colors);
    if (next === key || !colors) return;
    key = next;
    theme = themeFromOffice(colors);
    for (const listener of [...listeners]) listener();
  };
  const recheck = () => update(read());

  const eventType = office.EventType?.OfficeThemeChanged;
  const addHandler = office.context.document?.addHandlerAsync;
  if (eventType !== undefined && addHandler) {
    try {
      addHandler.call(office.context.document, eventType, (event) => update(event.officeTheme ?? read()));
    } catch {
      // The host does not know the event: the re-reads below still follow it.
    }
  }
  const onVisibility = () => {
    if (target.document.visibilityState === "visible") recheck();
  };
  target.addEventListener("focus", recheck);
  target.document.addEventListener("visibilitychange", onVisibility);
  const timer = recheckMs > 0 ? target.setInterval(recheck, recheckMs) : undefined;

  return {
    get: () => theme,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      target.removeEventListener("focus", recheck);
      target.document.removeEventListener("visibilitychange", onVisibility);
      if (timer !== undefined) target.clearInterval(timer);
    },
  };
}
