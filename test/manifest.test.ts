/**
 * Offline checks of manifest.xml: what `office-addin-manifest validate` (online) would reject, plus
 * what sideloading would reveal too late (a missing icon, a wrong size, a page webpack does not build).
 * They run on the development manifest and on the production manifest a desk's build writes
 * (`ADDIN_URL=https://desk.example.org/faq-assist/ npm run build` → dist/manifest.xml).
 */
import { readFileSync, existsSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildConfig } from "../scripts/build-config";
import { REQUIRED_EXCEL_API } from "../src/workbook/office-adapter";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DESK_BASE = "https://desk.example.org/faq-assist/";
const EN = "en-US";

type XmlValue = string | number | boolean | XmlNode | XmlValue[];
interface XmlNode {
  [name: string]: XmlValue;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseAttributeValue: false, parseTagValue: false });
/** Every element named `name` anywhere below `node` (repeated elements arrive as arrays). */
function all(node: XmlValue, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (value: XmlValue, key?: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
    if (typeof value !== "object" || value === null) return;
    if (key === name) found.push(value);
    for (const [childKey, child] of Object.entries(value)) if (!childKey.startsWith("@")) visit(child, childKey);
  };
  visit(node);
  return found;
}

function one(node: XmlValue, name: string): XmlNode {
  const found = all(node, name);
  if (found.length === 0) throw new Error(`manifest has no <${name}>`);
  return found[0];
}

function text(node: XmlNode, name: string): string {
  const value = node[name];
  return typeof value === "object" ? String((value as XmlNode)["#text"] ?? "") : String(value ?? "");
}

function attr(node: XmlNode, name: string): string {
  return String(node[`@${name}`] ?? "");
}

function overrides(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = bytes.subarray(0, 8).toString("hex");
  if (signature !== "89504e470d0a1a0a" || bytes.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function describeManifest(label: string, XML: string, BASE: string): void {
  const ORIGIN = new URL(BASE).origin;
  const doc = parser.parse(XML) as XmlNode;
  const app = doc.OfficeApp as XmlNode;

  const resources = one(app, "Resources");
  const defined = {
    images: all(resources, "bt:Image"),
    urls: all(resources, "bt:Url"),
    short: all(one(resources, "bt:ShortStrings"), "bt:String"),
    long: all(one(resources, "bt:LongStrings"), "bt:String"),
  };
  const idsOf = (nodes: XmlNode[]) => new Set(nodes.map((n) => attr(n, "id")));

  /** All resid references, with the element that makes them (it decides the resource kind). */
  function references(): { element: string; resid: string; size?: string }[] {
    const refs: { element: string; resid: string; size?: string }[] = [];
    const visit = (value: XmlValue, key: string) => {
      if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
      if (typeof value !== "object" || value === null) return;
      if (value["@resid"] !== undefined) refs.push({ element: key, resid: attr(value, "resid"), size: value["@size"] as string | undefined });
      for (const [childKey, child] of Object.entries(value)) if (!childKey.startsWith("@")) visit(child, childKey);
    };
    visit(one(app, "VersionOverrides").Hosts as XmlValue, "Hosts");
    return refs;
  }

  /** Where a URL under the add-in's base comes from in this repo (webpack copies assets/ and builds the pages). */
  function localFileFor(url: string): string {
    if (!url.startsWith(BASE)) throw new Error(`${url} is not under ${BASE}`);
    const relative = url.slice(BASE.length);
    if (relative.startsWith("assets/")) return path.join(ROOT, relative);
    const page = relative.replace(/\.html$/, "");
    return path.join(ROOT, "src", page, `${page}.html`);
  }

  describe(label, () => {
    it("is well-formed XML", () => {
      expect(XMLValidator.validate(XML)).toBe(true);
    });

    it("is a task pane add-in for Excel workbooks with the required elements, in schema order", () => {
      expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
      expect(text(app, "Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
      expect(text(app, "Id")).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143"); // the template's Id
      expect(text(app, "Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(text(app, "ProviderName").length).toBeGreaterThan(0);
      expect(text(app, "DefaultLocale")).toBe("ja-JP");
      expect(text(app, "Permissions")).toBe("ReadWriteDocument");
      expect(all(one(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
      expect(attr(one(app, "DefaultSettings").SourceLocation as XmlNode, "DefaultValue")).toBe(`${BASE}taskpane.html`);

      // The XSD is a sequence: the validator rejects elements out of order.
      const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
      const present = Object.keys(app).filter((k) => !k.startsWith("@") && k !== "#text");
      expect(present).toEqual(order);
      const positions = order.map((name) => XML.indexOf(`<${name}`, XML.indexOf("<OfficeApp")));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it("requires the ExcelApi version the code is written against", () => {
      const sets = all(one(app, "Requirements"), "Set");
      expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toEqual([["ExcelApi", REQUIRED_EXCEL_API]]);
    });

    it("puts a pane button and a function command in a group on the Home tab", () => {
      const tab = one(app, "OfficeTab");
      expect(attr(tab, "id")).toBe("TabHome");
      const controls = all(tab, "Control");
      const actions = controls.map((c) => attr(c.Action as XmlNode, "xsi:type"));
      expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
      const functionName = text(controls[1].Action as XmlNode, "FunctionName");
      const commandsSource = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
      expect(commandsSource).toContain(`associate("${functionName}"`);
      const functionFile = defined.urls.find((u) => attr(u, "id") === attr(one(app, "FunctionFile"), "resid"));
      expect(attr(functionFile as XmlNode, "DefaultValue")).toBe(`${BASE}commands.html`);
      const ids = [...all(app, "Group"), ...controls].map((n) => attr(n, "id"));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
    });

    it("defines every resid it uses, of the right kind, and uses every resource it defines", () => {
      const kinds: Record<string, Set<string>> = {
        "bt:Image": idsOf(defined.images),
        Label: idsOf(defined.short),
        Title: idsOf(defined.short),
        Description: idsOf(defined.long),
        SourceLocation: idsOf(defined.urls),
        FunctionFile: idsOf(defined.urls),
        LearnMoreUrl: idsOf(defined.urls),
      };
      const refs = references();
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of refs) {
        expect({ ref, known: kinds[ref.element] !== undefined }).toEqual({ ref, known: true });
        expect({ ref, defined: kinds[ref.element].has(ref.resid) }).toEqual({ ref, defined: true });
        expect(ref.resid.length).toBeLessThanOrEqual(32);
      }
      const used = new Set(refs.map((r) => r.resid));
      for (const id of [...idsOf(defined.images), ...idsOf(defined.urls), ...idsOf(defined.short), ...idsOf(defined.long)]) {
        expect({ id, used: used.has(id) }).toEqual({ id, used: true });
      }
    });

    it("keeps strings within their length limits, in every language", () => {
      const check = (nodes: XmlNode[], overrideTag: string, limit: number) => {
        for (const node of nodes) {
          const values = [attr(node, "DefaultValue"), ...overrides(node, overrideTag).map((o) => attr(o, "Value"))];
          for (const value of values) {
            expect(value.trim().length).toBeGreaterThan(0);
            expect({ value, length: value.length <= limit }).toEqual({ value, length: true });
          }
        }
      };
      check(defined.short, "bt:Override", 125);
      check(defined.long, "bt:Override", 250);
      check([app.DisplayName as XmlNode], "Override", 125);
      check([app.Description as XmlNode], "Override", 250);
    });

    it("has an en-US override for every user-visible string", () => {
      const strings: [XmlNode, string][] = [
        [app.DisplayName as XmlNode, "Override"],
        [app.Description as XmlNode, "Override"],
        ...defined.short.map((n): [XmlNode, string] => [n, "bt:Override"]),
        ...defined.long.map((n): [XmlNode, string] => [n, "bt:Override"]),
      ];
      for (const [node, tag] of strings) {
        const locales = overrides(node, tag).map((o) => attr(o, "Locale"));
        expect({ id: attr(node, "id") || attr(node, "DefaultValue"), locales }).toEqual({ id: attr(node, "id") || attr(node, "DefaultValue"), locales: [EN] });
        // The default really is Japanese and the override really is not.
        expect(attr(node, "DefaultValue")).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(attr(overrides(node, tag)[0], "Value")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });

    it("has every icon file in assets/ at the pixel size the manifest states", () => {
      const images = new Map(defined.images.map((i) => [attr(i, "id"), attr(i, "DefaultValue")]));
      const stated: { url: string; size: number }[] = [
        { url: attr(app.IconUrl as XmlNode, "DefaultValue"), size: 32 },
        { url: attr(app.HighResolutionIconUrl as XmlNode, "DefaultValue"), size: 64 },
        ...references()
          .filter((r) => r.element === "bt:Image")
          .map((r) => ({ url: images.get(r.resid) as string, size: Number(r.size) })),
      ];
      expect(stated.length).toBeGreaterThanOrEqual(8);
      for (const { url, size } of stated) {
        const file = localFileFor(url);
        expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
        expect({ file, ...pngSize(file) }).toEqual({ file, width: size, height: size });
      }
      for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
    });

    it(`serves every URL from under ${BASE}, from pages and files this repo builds`, () => {
      const urls = [...XML.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
      const appDomains = (app.AppDomains as XmlNode).AppDomain;
      expect((Array.isArray(appDomains) ? appDomains : [appDomains]).map(String)).toEqual([ORIGIN]);
      expect(urls.length).toBeGreaterThan(8);
      for (const url of urls) {
        expect(url.startsWith(BASE)).toBe(true);
        const file = localFileFor(url);
        expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      }
      if (new URL(BASE).hostname !== "localhost") expect(XML).not.toMatch(/localhost/i);
    });
  });
}

describeManifest("manifest.xml (development: https://localhost:3000/)", SOURCE_XML, buildConfig.DEV_BASE_URL);
describeManifest(`dist/manifest.xml (production: ${DESK_BASE})`, buildConfig.productionManifest(SOURCE_XML, DESK_BASE), DESK_BASE);

describe("manifest version", () => {
  it("is package.json's version with a fourth part, so one bump moves both (docs/deploy.md)", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const version = /<Version>([^<]+)<\/Version>/.exec(SOURCE_XML)?.[1];
    expect(version).toBe(`${pkg.version}.0`);
  });
});

describe("add-in pages", () => {
  it.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])("%s loads office.js from Microsoft's CDN, in <head>", (page) => {
    const html = readFileSync(path.join(ROOT, page), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([buildConfig.OFFICE_JS_CDN]);
    expect(buildConfig.OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html.indexOf(buildConfig.OFFICE_JS_CDN)).toBeLessThan(html.indexOf("</head>"));
    expect(html).not.toMatch(/office-js\/|node_modules/);
  });
});
