/**
 * Typed access to webpack.config.js (plain CommonJS, loaded by webpack-cli as it is) for the scripts
 * and tests that build with it or check what it produces.
 */
import path from "node:path";
import type { Configuration } from "webpack";

export interface BuildEnv {
  preview?: boolean;
  ADDIN_URL?: string;
  ADDIN_SUPPORT_URL?: string;
  /** Output folder, relative to the repository (default dist/, or .tmp/preview-dist for the preview). */
  outputPath?: string;
  WEBPACK_SERVE?: boolean;
}

export interface BuildConfig {
  (env: BuildEnv, argv: { mode: "development" | "production" }): Promise<Configuration>;
  OFFICE_JS_CDN: string;
  DEV_BASE_URL: string;
  addinBaseUrl(value?: string): string;
  productionManifest(xml: string, baseUrl: string, options?: { supportUrl?: string }): string;
  contentSecurityPolicy(page: string, options?: { devServer?: boolean }): string;
}

export const ROOT = path.resolve(__dirname, "..");

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const buildConfig = require(path.join(ROOT, "webpack.config.js")) as BuildConfig;
