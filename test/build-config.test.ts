/**
 * What webpack.config.js builds, checked without running webpack (a production build takes about a
 * minute here; `npm run check:dist` runs the real one, see docs/deploy.md): where the add-in is served
 * from, what dist/ holds, the source maps, and each page's Content-Security-Policy.
 */
import { readFileSync } from "fs";
import path from "path";
import type { Configuration, WebpackPluginInstance } from "webpack";
import { buildConfig, ROOT } from "../scripts/build-config";

const SOURCE_XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The directives of a policy, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function copyPatterns(config: Configuration): { from: string; to?: string }[] {
  const copy = (config.plugins ?? []).find((p) => p?.constructor.name === "CopyPlugin") as (WebpackPluginInstance & { patterns: { from: string; to?: string }[] }) | undefined;
  return copy?.patterns ?? [];
}

describe("ADDIN_URL: where the add-in is served from", () => {
  it("defaults to the development server and keeps a folder URL's trailing slash", () => {
    expect(buildConfig.addinBaseUrl(undefined)).toBe("https://localhost:3000/");
    expect(buildConfig.addinBaseUrl("")).toBe("https://localhost:3000/");
    expect(buildConfig.addinBaseUrl("https://desk.example.org/faq-assist/")).toBe("https://desk.example.org/faq-assist/");
    expect(buildConfig.addinBaseUrl("https://desk.example.org/faq-assist")).toBe("https://desk.example.org/faq-assist/");
    expect(buildConfig.addinBaseUrl("https://desk.example.org")).toBe("https://desk.example.org/");
  });

  it.each([
    ["http://desk.example.org/faq-assist/", /must be https/],
    ["desk.example.org/faq-assist/", /is not a URL/],
    ["https://desk.example.org/faq-assist/?v=2", /without query, fragment or credentials/],
    ["https://user:secret@desk.example.org/", /without query, fragment or credentials/],
  ])("refuses %s with a message saying what is expected", (value, message) => {
    expect(() => buildConfig.addinBaseUrl(value)).toThrow(message);
  });
});

describe("the production manifest", () => {
  const base = "https://desk.example.org/faq-assist/";
  const xml = buildConfig.productionManifest(SOURCE_XML, base);

  it("moves every development URL under the base, and the AppDomain to its origin", () => {
    expect(xml).not.toMatch(/localhost/);
    const urls = [...xml.matchAll(/"(https:[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.includes("schemas.microsoft.com"));
    expect(urls.length).toBe([...SOURCE_XML.matchAll(/"(https:\/\/localhost:3000\/[^"]*)"/g)].length);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    expect(xml).toContain("<SourceLocation DefaultValue=\"https://desk.example.org/faq-assist/taskpane.html\"/>");
    expect(xml).toContain("<AppDomain>https://desk.example.org</AppDomain>");
    // Nothing else changes: the same manifest with the URLs put back.
    expect(xml.split(base).join("https://localhost:3000/").replace("<AppDomain>https://desk.example.org</AppDomain>", "<AppDomain>https://localhost:3000</AppDomain>")).toBe(SOURCE_XML);
  });

  it("uses a desk's own support page when given one", () => {
    const withSupport = buildConfig.productionManifest(SOURCE_XML, base, { supportUrl: "https://intranet.example.org/help/faq-assist" });
    expect(withSupport).toContain('<SupportUrl DefaultValue="https://intranet.example.org/help/faq-assist"/>');
    expect(withSupport).toContain('<bt:Url id="FaqAssist.Support.Url" DefaultValue="https://intranet.example.org/help/faq-assist"/>');
    expect(withSupport).not.toContain("assets/support.html");
    expect(() => buildConfig.productionManifest(SOURCE_XML, base, { supportUrl: "http://intranet/help" })).toThrow(/must be https/);
  });

  it("refuses to write a production manifest that still names localhost", () => {
    const stray = SOURCE_XML.replace("</Description>", "</Description><!-- http://localhost:8080/x -->");
    expect(() => buildConfig.productionManifest(stray, base)).toThrow(/still names localhost/);
  });
});

describe("the webpack configuration", () => {
  it("production: only the add-in's pages, no office.js copy, no source maps", async () => {
    const config = await buildConfig({}, { mode: "production" });
    expect(Object.keys(config.entry as Record<string, string>).sort()).toEqual(["commands", "taskpane"]);
    expect(config.devtool).toBe(false);
    expect(config.output?.path).toBe(path.join(ROOT, "dist"));
    expect(config.output?.filename).toBe("[name].[contenthash:8].js");
    const patterns = copyPatterns(config);
    // Other served files (the engine's dictionary, a worker script) may join these; office.js never does.
    expect(patterns.map((p) => p.from)).toEqual(expect.arrayContaining(["assets", "manifest.xml"]));
    expect(JSON.stringify(patterns)).not.toMatch(/office-js|office\.js/);
  });

  it("development and the preview use no eval-based source maps (the policy has no 'unsafe-eval')", async () => {
    for (const env of [{}, { preview: true }]) {
      const config = await buildConfig(env, { mode: "development" });
      expect(String(config.devtool)).not.toMatch(/eval/);
    }
    const preview = await buildConfig({ preview: true }, { mode: "development" });
    expect(Object.keys(preview.entry as Record<string, string>)).toEqual(["preview"]);
  });
});

describe("Content-Security-Policy", () => {
  const CDN = "https://appsforoffice.microsoft.com";

  it.each(["taskpane", "commands"])("%s: scripts from this origin and the office.js CDN only", (page) => {
    const policy = directives(buildConfig.contentSecurityPolicy(page));
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'", CDN]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["worker-src"]).toEqual(["'self'"]);
    expect(policy["frame-src"]).toEqual([CDN]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("preview: nothing from any other origin", () => {
    const policy = buildConfig.contentSecurityPolicy("preview");
    expect(directives(policy)["script-src"]).toEqual(["'self'"]);
    expect(directives(policy)["frame-src"]).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:/);
  });

  it("never allows eval, inline scripts or any host for requests; frame-ancestors is left to the server", () => {
    for (const page of ["taskpane", "commands", "preview"]) {
      const policy = buildConfig.contentSecurityPolicy(page);
      expect(policy).not.toMatch(/unsafe-eval|\*|blob:/);
      expect(directives(policy)["script-src"]).not.toContain("'unsafe-inline'");
      // Browsers ignore frame-ancestors in a <meta> tag and say so in the console.
      expect(policy).not.toMatch(/frame-ancestors/);
    }
  });

  it("the development server adds only its own live-reload socket", () => {
    expect(directives(buildConfig.contentSecurityPolicy("taskpane", { devServer: true }))["connect-src"]).toEqual(["'self'", "wss://localhost:3000"]);
  });
});
