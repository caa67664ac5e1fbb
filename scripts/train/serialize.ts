import type { CategoryModelFile } from "../../src/engine/classifier/model";

/** One top-level field per line: small diffs for everything but the weights blob. */
export function serializeModel(file: CategoryModelFile): string {
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}
