/**
 * `npm run check:dist`: the real production build for a desk's host, checked as the desk would get it.
 *
 *   npx tsx scripts/check-dist.ts [--url https://desk.example.org/faq-assist/] [--keep]
 *
 * Builds the add-in (webpack, production) and the CLI (tsc) into a temporary folder with ADDIN_URL set,
 * then checks: no localhost in manifest.xml and every URL under the base; office.js from Microsoft's
 * CDN and a Content-Security-Policy first in both pages; no source maps and no office.js copy; the CLI
 * under 8 MB; and, in Debian's Chromium, both pages load with no CSP violation (office.js is answered
 * from the local @microsoft/office-js copy: no network). Prints the build time and sizes.
 *
 * A production build takes about a minute on the 2-core machine, so this runs in CI (.ci/run) rather
 * than in `npm test`; test/build-config.test.ts checks the configuration itself on every test run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import webpack from "webpack";
import type { Stats } from "webpack";
import { buildConfig, ROOT } from "./build-config";
import { createPreviewServer } from "./preview";

const CLI_LIMIT_BYTES = 8 * 1024 * 1024;
const OFFICE_JS_LOCAL = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const CHROMIUM = "/usr/bin/chromium";
const CDN_ORIGIN = new URL(buildConfig.OFFICE_JS_CDN).origin;
const CDN_PATH = new URL(".", buildConfig.OFFICE_JS_CDN).pathname;

function files(dir: string): { file: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), size: statSync(file).size };
    });
}

const sum = (list: { size: number }[]) => list.reduce((total, f) => total + f.size, 0);
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

async function buildAddin(url: string, outputPath: string): Promise<number> {
  const started = Date.now();
  const config = await buildConfig({ ADDIN_URL: url, outputPath }, { mode: "production" });
  const compiler = webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error ?? new Error("webpack gave no result")) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return Date.now() - started;
}

function buildCli(outDir: string): number {
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--outDir", outDir], {
    stdio: "inherit",
  });
  return Date.now() - started;
}

/**
 * How Office tells office.js which host it runs in (the `_host_Info` query parameter it adds to the
 * page URL): office.js then loads that host's script and locale strings from its CDN folder. Outside
 * Office (no host info) office.js falls back to its Office 2013 path, which frames a Microsoft
 * telemetry page; the policy blocks that frame, and Office 2013 cannot run this add-in (ExcelApi 1.7).
 */
const HOSTS = {
  "Excel on Windows": "Excel$Win32$16.01$ja-JP$$$$0",
  "Excel on the web": "Excel$Web$16.00$ja-JP$$$$0",
  "Excel on Mac": "Excel$Mac$16.00$ja-JP$$$$0",
};

/** Loads each page as each host would, office.js answered from the local copy; returns what the browser reported. */
async function pagesInChromium(dist: string, pages: string[]): Promise<string[]> {
  const server = createPreviewServer(dist);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const problems: string[] = [];
  try {
    for (const [host, hostInfo] of Object.entries(HOSTS)) for (const file of pages) {
      const name = `${file} (${host})`;
      const page = await browser.newPage();
      const served: string[] = [];
      // Nothing leaves the machine: the CDN is answered from the local copy, anything else is refused.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === CDN_ORIGIN && url.pathname.startsWith(CDN_PATH)) {
          const relative = url.pathname.slice(CDN_PATH.length);
          const file = path.join(OFFICE_JS_LOCAL, relative);
          if (!file.startsWith(OFFICE_JS_LOCAL + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
          served.push(relative);
          return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
        }
        problems.push(`${name}: requested ${url.href} (not allowed offline)`);
        return route.abort();
      });
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${name}: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => console.error(`Refused to: ${event.effectiveDirective} ${event.blockedURI}`));
      });
      await page.goto(`${origin}/${file}?_host_Info=${encodeURIComponent(hostInfo)}`);
      await page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office !== "undefined", undefined, { timeout: 30_000 });
      await page.waitForTimeout(3000);
      if (!served.includes("office.js")) problems.push(`${name}: office.js was not requested from the CDN`);
      console.log(`  ${name}: loaded from the CDN path: ${served.join(", ")}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  return problems;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = buildConfig.addinBaseUrl(args.includes("--url") ? args[args.indexOf("--url") + 1] : "https://desk.example.org/faq-assist/");
  const work = mkdtempSync(path.join(tmpdir(), "faq-assist-dist-"));
  const dist = path.join(work, "dist");
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok) failures.push(what);
  };

  console.log(`check:dist: ADDIN_URL=${url} → ${dist}`);
  const webpackMs = await buildAddin(url, dist);
  const cliMs = buildCli(path.join(dist, "cli"));

  const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
  check(!/localhost/i.test(manifest), "no localhost in dist/manifest.xml");
  check(urls.length > 8 && urls.every((u) => u.startsWith(url)), `all ${urls.length} manifest URLs under ${url}`);
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = readFileSync(path.join(dist, page), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    check(scripts[0] === buildConfig.OFFICE_JS_CDN && !scripts.slice(1).some((s) => /^https?:/.test(s)), `office.js from the CDN in dist/${page}`);
    const csp = html.indexOf('http-equiv="Content-Security-Policy"');
    check(csp > 0 && csp < html.search(/<script|<style|<link/), `Content-Security-Policy before any script or style in dist/${page}`);
  }
  const all = files(dist);
  const addin = all.filter((f) => !f.file.startsWith(`cli${path.sep}`));
  const cli = all.filter((f) => f.file.startsWith(`cli${path.sep}`));
  check(!all.some((f) => f.file.endsWith(".map")), "no source maps in dist/");
  check(!all.some((f) => /office-js|office\.js$/.test(f.file)), "no office.js copy in dist/");
  check(sum(cli) < CLI_LIMIT_BYTES, `CLI (dist/cli) ${mb(sum(cli))} < 8 MB`);

  console.log("check:dist: pages in Chromium");
  for (const problem of await pagesInChromium(dist, ["taskpane.html", "commands.html"])) check(false, problem);

  console.log(`check:dist: webpack ${(webpackMs / 1000).toFixed(1)} s, CLI (tsc) ${(cliMs / 1000).toFixed(1)} s`);
  console.log(`check:dist: add-in ${mb(sum(addin))} in ${addin.length} files; CLI ${mb(sum(cli))} in ${cli.length} files`);
  for (const f of addin.sort((a, b) => b.size - a.size).slice(0, 6)) console.log(`  ${f.file.padEnd(28)} ${mb(f.size)}`);

  if (args.includes("--keep")) console.log(`check:dist: kept ${dist}`);
  else rmSync(work, { recursive: true, force: true });
  if (failures.length > 0) {
    console.error(`check:dist: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log("check:dist: all checks passed");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
