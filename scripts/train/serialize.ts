import * as fs from "node:fs";
import * as path from "node:path";
import type { CategoryModelFile } from "../../src/engine/suggest/classifier/model";

/** One top-level field per line: small diffs for everything but the weights blob. */
export function serializeModel(file: CategoryModelFile): string {
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

/**
 * `--check`: exit 1 when the committed file is not `text` (what training produces now); otherwise
 * write `text` there. `what` names the model in messages, `command` is the npm script that retrains it.
 */
export function writeOrCheckModel(file: string, text: string, what: string, command: string): void {
  if (process.argv.includes("--check")) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (committed !== text) {
      console.error(`The committed ${what} differs from what training produces: run \`${command}\`.`);
      process.exit(1);
    }
    console.log(`The committed ${what} is what training produces.`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
