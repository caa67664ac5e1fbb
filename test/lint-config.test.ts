/**
 * `npm run lint` applies Microsoft's Office Add-in rules (eslint-plugin-office-addins) to the code that
 * calls Office.js, and only there: a property read before `context.sync()` is an error in the Office
 * adapter, while the same shape in the engine (no Office.js) is not linted with those rules.
 */
import path from "path";
import { ESLint } from "eslint";

const ROOT = path.resolve(__dirname, "..");

const READ_BEFORE_SYNC = `
export async function sheetName(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  return sheet.name;
}
`;

// The repository's own flat config, passed in directly (ESLint's file lookup uses a dynamic import
// that Jest's module system does not provide).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "eslint.config.js")) as ESLint.Options["overrideConfig"];

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.map((m) => `${m.severity === 2 ? "error" : "warn"} ${m.ruleId}`);
}

describe("ESLint configuration", () => {
  it("reports a read before context.sync() in Office.js code as an error", async () => {
    for (const file of ["src/workbook/office-adapter.ts", "src/commands/commands.ts", "src/taskpane/index.tsx"]) {
      expect(await ruleIds(file, READ_BEFORE_SYNC)).toContain("error office-addins/call-sync-before-read");
    }
  });

  it("keeps the Office rules off code that does not call Office.js", async () => {
    const ids = await ruleIds("src/cli/example.ts", READ_BEFORE_SYNC);
    expect(ids.filter((id) => id.includes("office-addins/"))).toEqual([]);
  });
});
