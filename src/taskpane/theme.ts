/** Fluent theme that follows Office's theme colours when the host reports them. */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

function isDark(hex: string): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return false;
  const n = parseInt(match[1], 16);
  const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return luminance < 128;
}

export function themeFromOffice(colors: OfficeThemeColors | undefined | null): Theme {
  if (!colors?.bodyBackgroundColor) return webLightTheme;
  const base = isDark(colors.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
  return {
    ...base,
    colorNeutralBackground1: colors.bodyBackgroundColor,
    ...(colors.bodyForegroundColor ? { colorNeutralForeground1: colors.bodyForegroundColor } : {}),
    ...(colors.controlBackgroundColor ? { colorNeutralBackground3: colors.controlBackgroundColor } : {}),
  };
}
