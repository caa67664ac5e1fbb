/**
 * The pane's Fluent theme from Office's theme (Colorful, Dark Gray, Black, White): a full light or dark
 * Fluent theme on an Excel-green brand ramp, its backgrounds taken from the colours Office reports, and
 * every text colour checked against them (WCAG AA, 4.5:1) and moved towards white or black where short.
 * The preview's `?theme=` goes through the same function with the colours below.
 */
import { createDarkTheme, createLightTheme } from "@fluentui/react-components";
import type { BrandVariants, Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  /** Office says Black or Dark Gray (newer hosts; Outlook does not). */
  isDarkTheme?: boolean;
}

export type OfficeThemeName = "colorful" | "darkgray" | "black" | "white";

/**
 * Stand-ins for the colours Excel reports in each Office theme (approximations of Excel for Windows;
 * the exact values differ a little by host and version, which is why the mapping checks contrast rather
 * than trusting them).
 */
export const OFFICE_THEMES: Record<OfficeThemeName, Required<OfficeThemeColors>> = {
  colorful: { bodyBackgroundColor: "#F3F3F3", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false },
  white: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626", isDarkTheme: false },
  darkgray: { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#6A6A6A", controlForegroundColor: "#FFFFFF", isDarkTheme: true },
  black: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF", isDarkTheme: true },
};

/** `?theme=` in the preview: an Office theme by name; "dark" is Dark Gray, "light" Colorful. */
export function officeThemeNamed(name: string | null | undefined): Required<OfficeThemeColors> | null {
  const key = (name ?? "").toLowerCase().replace(/[\s_-]/g, "");
  if (key === "dark") return OFFICE_THEMES.darkgray;
  if (key === "light") return OFFICE_THEMES.colorful;
  return key in OFFICE_THEMES ? OFFICE_THEMES[key as OfficeThemeName] : null;
}

// ---- colour arithmetic --------------------------------------------------------------------------

type Rgb = [number, number, number];

function parseHex(hex: string | undefined): Rgb | null {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec((hex ?? "").trim());
  if (!match) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  const n = parseInt(digits, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, "0")).join("")}`;
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 21;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` itself if it reads on every background, else the nearest step towards white or black that does. */
function readable(fg: string, backgrounds: string[], ratio: number): string {
  const start = parseHex(fg);
  if (!start) return fg;
  const worst = (colour: string) => Math.min(...backgrounds.map((bg) => contrastRatio(colour, bg)));
  if (worst(fg) >= ratio) return fg;
  const darkBackground = backgrounds.every((bg) => luminance(parseHex(bg) ?? [255, 255, 255]) < 0.18);
  const target: Rgb = darkBackground ? [255, 255, 255] : [0, 0, 0];
  for (let step = 1; step <= 20; step++) {
    const candidate = toHex(mix(start, target, step / 20));
    if (worst(candidate) >= ratio) return candidate;
  }
  return toHex(target);
}

// ---- the theme ----------------------------------------------------------------------------------

/** Excel's green as a Fluent brand ramp (10 darkest … 160 lightest), key colour at 80. */
const EXCEL_GREEN: Rgb = [0x21, 0x73, 0x46];
export const EXCEL_BRAND: BrandVariants = (() => {
  const ramp: Record<number, string> = {};
  for (let step = 10; step <= 160; step += 10) {
    ramp[step] = step <= 80 ? toHex(mix([4, 16, 10], EXCEL_GREEN, (step - 10) / 70)) : toHex(mix(EXCEL_GREEN, [255, 255, 255], ((step - 80) / 80) * 0.92));
  }
  return ramp as unknown as BrandVariants;
})();

export const LIGHT_THEME: Theme = createLightTheme(EXCEL_BRAND);
const DARK_BASE: Theme = { ...createDarkTheme(EXCEL_BRAND), colorBrandForeground1: EXCEL_BRAND[110], colorBrandForeground2: EXCEL_BRAND[120] };

/** Text colours that must read on the pane's surfaces (disabled text is exempt, as WCAG says). */
const TEXT_TOKENS = [
  "colorNeutralForeground1",
  "colorNeutralForeground2",
  "colorNeutralForeground3",
  "colorNeutralForeground4",
  "colorBrandForeground1",
  "colorBrandForeground2",
  "colorBrandForegroundLink",
  "colorBrandForegroundLinkHover",
  "colorBrandForegroundLinkPressed",
  "colorNeutralForeground2BrandHover",
  "colorNeutralForeground2BrandPressed",
  "colorNeutralForeground2BrandSelected",
  "colorCompoundBrandForeground1",
  "colorPaletteRedForeground1",
  "colorPaletteRedForeground3",
  "colorPaletteGreenForeground1",
  "colorPaletteGreenForeground3",
  "colorPaletteDarkOrangeForeground1",
  "colorPaletteDarkOrangeForeground3",
  "colorPaletteYellowForeground1",
  "colorPaletteBerryForeground1",
  "colorPaletteMarigoldForeground1",
  "colorStatusSuccessForeground1",
  "colorStatusWarningForeground1",
  "colorStatusWarningForeground3",
  "colorStatusDangerForeground1",
  "colorStatusDangerForeground3",
] as const satisfies readonly (keyof Theme)[];

const AA = 4.5;

/**
 * A full Fluent theme for Office's colours: dark when Office says so (or its body is dark), the body
 * colour as the pane's background with lighter/darker steps for cards and boxes, and text that reads.
 */
export function themeFromOffice(colors: OfficeThemeColors | undefined | null): Theme {
  const body = parseHex(colors?.bodyBackgroundColor);
  if (!colors || !body) return LIGHT_THEME;
  const dark = colors.isDarkTheme ?? luminance(body) < 0.18;
  const base = dark ? DARK_BASE : LIGHT_THEME;
  // Cards and boxes a step off the body: lighter in a dark theme, darker in a light one.
  const away: Rgb = dark ? [255, 255, 255] : [0, 0, 0];
  const step = (amount: number) => toHex(mix(body, away, amount));
  const backgrounds = {
    colorNeutralBackground1: toHex(body),
    colorNeutralBackground1Hover: step(0.08),
    colorNeutralBackground1Pressed: step(0.04),
    colorNeutralBackground1Selected: step(0.06),
    colorNeutralBackground2: step(dark ? 0.05 : 0.025),
    colorNeutralBackground3: step(dark ? 0.1 : 0.05),
    colorNeutralBackground4: step(dark ? 0.14 : 0.07),
    colorNeutralBackground5: step(dark ? 0.18 : 0.09),
    colorNeutralBackground6: step(dark ? 0.22 : 0.11),
    colorSubtleBackgroundHover: step(0.08),
    colorSubtleBackgroundPressed: step(0.04),
  };
  const theme: Theme = { ...base, ...backgrounds };
  const foreground = parseHex(colors.bodyForegroundColor);
  if (foreground && contrastRatio(toHex(foreground), toHex(body)) >= AA) theme.colorNeutralForeground1 = toHex(foreground);
  // The surfaces text sits on: the body, the footer and notes, the boxes, and the brand's tinted badges.
  const surfaces = [backgrounds.colorNeutralBackground1, backgrounds.colorNeutralBackground2, backgrounds.colorNeutralBackground3, backgrounds.colorNeutralBackground4];
  for (const token of TEXT_TOKENS) theme[token] = readable(theme[token], surfaces, AA);
  theme.colorBrandForeground2 = readable(theme.colorBrandForeground2, [theme.colorBrandBackground2], AA);
  return theme;
}

/** The theme of the pane now, and word when it changes (Office's theme switched while the pane is open). */
export interface ThemeSource {
  get(): Theme;
  subscribe(listener: () => void): () => void;
}

/** A source the caller sets: the preview's `?theme=` and its console, and tests. */
export function fixedThemeSource(initial: OfficeThemeColors | null): ThemeSource & { set(colors: OfficeThemeColors | null): void } {
  let theme = themeFromOffice(initial);
  const listeners = new Set<() => void>();
  return {
    get: () => theme,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(colors) {
      theme = themeFromOffice(colors);
      for (const listener of [...listeners]) listener();
    },
  };
}
