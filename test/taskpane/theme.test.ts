/**
 * Office's theme → the pane's Fluent theme: light or dark as Office says, text that reads (WCAG AA) on
 * every surface in Colorful, Dark Gray, Black and White, and a theme switched while the pane is open is
 * followed — through the event where the host has one, else by reading `officeTheme` again.
 */
import { OfficeMockObject } from "office-addin-mock";

// As in test/workbook/fake-excel.ts: office-addin-mock needs only these names from office-addin-manifest,
// whose dependency tree ships ES modules that Jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { officeThemeSource, type OfficeThemeHost } from "../../src/taskpane/office-theme";
import { OFFICE_THEMES, contrastRatio, officeThemeNamed, themeFromOffice, type OfficeThemeName } from "../../src/taskpane/theme";

const TEXT = ["colorNeutralForeground1", "colorNeutralForeground2", "colorNeutralForeground3", "colorBrandForegroundLink", "colorBrandForeground1", "colorStatusWarningForeground1", "colorStatusDangerForeground1"] as const;
const SURFACES = ["colorNeutralBackground1", "colorNeutralBackground2", "colorNeutralBackground3"] as const;

describe("themeFromOffice", () => {
  it.each(Object.keys(OFFICE_THEMES) as OfficeThemeName[])("%s: dark as Office says, body colour kept, all text at least 4.5:1 on every surface", (name) => {
    const colors = OFFICE_THEMES[name];
    const theme = themeFromOffice(colors);
    expect(theme.colorNeutralBackground1.toLowerCase()).toBe(colors.bodyBackgroundColor.toLowerCase());
    const lightText = contrastRatio(theme.colorNeutralForeground1, "#000000") > contrastRatio(theme.colorNeutralForeground1, "#ffffff");
    expect(lightText).toBe(colors.isDarkTheme);
    for (const text of TEXT) {
      for (const surface of SURFACES) expect({ text, surface, ratio: contrastRatio(theme[text], theme[surface]) >= 4.5 }).toEqual({ text, surface, ratio: true });
    }
    // Tinted badges (the source of a suggestion) read too.
    expect(contrastRatio(theme.colorBrandForeground2, theme.colorBrandBackground2)).toBeGreaterThanOrEqual(4.5);
  });

  it("tells a dark body from a light one when the host does not say (Outlook, older hosts)", () => {
    expect(contrastRatio(themeFromOffice({ bodyBackgroundColor: "#202020" }).colorNeutralForeground1, "#202020")).toBeGreaterThan(10);
    expect(contrastRatio(themeFromOffice({ bodyBackgroundColor: "#fafafa" }).colorNeutralForeground1, "#fafafa")).toBeGreaterThan(10);
  });

  it("refuses a reported foreground that would not read on the body", () => {
    const theme = themeFromOffice({ bodyBackgroundColor: "#444444", bodyForegroundColor: "#555555", isDarkTheme: true });
    expect(contrastRatio(theme.colorNeutralForeground1, "#444444")).toBeGreaterThanOrEqual(4.5);
  });

  it("names the preview's themes: colorful, darkgray (and dark), black, white", () => {
    expect(officeThemeNamed("darkgray")).toBe(OFFICE_THEMES.darkgray);
    expect(officeThemeNamed("dark")).toBe(OFFICE_THEMES.darkgray);
    expect(officeThemeNamed("Dark-Gray")).toBe(OFFICE_THEMES.darkgray);
    expect(officeThemeNamed("black")).toBe(OFFICE_THEMES.black);
    expect(officeThemeNamed("nonsense")).toBeNull();
  });
});

/** Office.js as office-addin-mock models it (its objects want `load()` and `sync()`; Office.context's values are plain, so they are loaded up front). */
async function officeMock(theme: (typeof OFFICE_THEMES)[OfficeThemeName], withEvent: boolean) {
  const handlers: ((event: { officeTheme?: unknown }) => void)[] = [];
  const mock = new OfficeMockObject({
    context: {
      officeTheme: { ...theme },
      document: withEvent ? { addHandlerAsync: (_type: unknown, handler: (event: { officeTheme?: unknown }) => void) => handlers.push(handler) } : {},
    },
    EventType: withEvent ? { OfficeThemeChanged: "officeThemeChanged" } : {},
  });
  const officeTheme = (mock as unknown as { context: { officeTheme: OfficeMockObject & Record<string, unknown> } }).context.officeTheme;
  officeTheme.load("*");
  await (mock as unknown as { sync(): Promise<void> }).sync();
  const switchTo = (next: (typeof OFFICE_THEMES)[OfficeThemeName]) => {
    for (const [key, value] of Object.entries(next)) officeTheme[key] = value;
  };
  return { office: mock as unknown as OfficeThemeHost, handlers, switchTo, officeTheme };
}

/** The pane's window as the source uses it: focus events, visibility, timers. */
function paneWindow(): Window {
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" });
  return Object.assign(new EventTarget(), { document, setInterval: (f: () => void, ms: number) => setInterval(f, ms), clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id) }) as unknown as Window;
}

describe("officeThemeSource", () => {
  afterEach(() => jest.useRealTimers());

  it("starts from Office's theme and follows OfficeThemeChanged where the host raises it", async () => {
    const { office, handlers, switchTo, officeTheme } = await officeMock(OFFICE_THEMES.colorful, true);
    const source = officeThemeSource(office, paneWindow(), 0);
    expect(source.get().colorNeutralBackground1.toLowerCase()).toBe("#f3f3f3");
    const heard = jest.fn();
    source.subscribe(heard);
    expect(handlers).toHaveLength(1);
    switchTo(OFFICE_THEMES.darkgray);
    handlers[0]({ officeTheme });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(source.get().colorNeutralBackground1.toLowerCase()).toBe("#444444");
    // The same theme reported again changes nothing.
    handlers[0]({ officeTheme });
    expect(heard).toHaveBeenCalledTimes(1);
    source.dispose();
  });

  it("without the event, reads officeTheme again when the pane regains focus and every few seconds", async () => {
    const { office, switchTo } = await officeMock(OFFICE_THEMES.white, false);
    jest.useFakeTimers();
    const pane = paneWindow();
    const source = officeThemeSource(office, pane, 5_000);
    const heard = jest.fn();
    source.subscribe(heard);
    switchTo(OFFICE_THEMES.black);
    pane.dispatchEvent(new Event("focus"));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(source.get().colorNeutralBackground1.toLowerCase()).toBe("#262626");
    switchTo(OFFICE_THEMES.colorful);
    jest.advanceTimersByTime(5_000);
    expect(heard).toHaveBeenCalledTimes(2);
    expect(source.get().colorNeutralBackground1.toLowerCase()).toBe("#f3f3f3");
    source.dispose();
  });
});
