import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The engine's rooms import only downward (docs/architecture.md), each other room only through its index.ts,
 * and the engine imports nothing from the workbook, the pane or the CLI.
 */
const ENGINE = path.join(__dirname, "..", "..", "src", "engine");
const MAY_IMPORT: Record<string, readonly string[]> = {
  text: [],
  table: ["text"],
  guidebook: ["text"],
  privacy: ["text", "guidebook"],
  search: ["text", "guidebook"],
  suggest: ["text", "guidebook", "privacy", "search"],
  faq: ["text", "guidebook", "privacy", "search", "suggest"],
};
const ROOT_FILES = ["types", "errors"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

describe("the engine's rooms", () => {
  it("has no loose file but index.ts, types.ts and errors.ts, and a folder per capability", () => {
    const entries = fs.readdirSync(ENGINE, { withFileTypes: true });
    expect(entries.filter((e) => e.isFile()).map((e) => e.name).sort()).toEqual(["errors.ts", "index.ts", "types.ts"]);
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it("import only the rooms beneath them, through their index.ts", () => {
    const wrong: string[] = [];
    for (const room of Object.keys(MAY_IMPORT)) {
      for (const file of sourceFiles(path.join(ENGINE, room))) {
        for (const target of importsOf(file)) {
          const relative = path.relative(ENGINE, target);
          const [first, ...rest] = relative.split(path.sep);
          if (relative.startsWith("..")) wrong.push(`${path.relative(ENGINE, file)} → outside the engine: ${relative}`);
          else if (rest.length === 0 && ROOT_FILES.includes(first)) continue;
          else if (first === room) continue;
          else if (!MAY_IMPORT[room].includes(first)) wrong.push(`${path.relative(ENGINE, file)} → ${relative} (upward or sideways)`);
          else if (rest.length > 0 && !(rest.length === 1 && /^morphology-(?:kuromoji|node)$/.test(rest[0]))) {
            wrong.push(`${path.relative(ENGINE, file)} → ${relative} (not through ${first}/index.ts)`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("open each index.ts with a comment saying what the room is for", () => {
    for (const room of Object.keys(MAY_IMPORT)) {
      expect(fs.readFileSync(path.join(ENGINE, room, "index.ts"), "utf8")).toMatch(new RegExp(`^/\\*\\*\\n \\* ${room}/ — `));
    }
  });
});
