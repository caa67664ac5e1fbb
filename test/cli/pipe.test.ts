/**
 * The CLI as a program writing into a real pipe: output larger than a pipe's buffer (64 KiB) reaches
 * the reader whole, because the process waits for stdout to drain before it exits.
 */
import { spawn } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const RUN_CLI = path.join(ROOT, "test", "support", "run-cli.ts");
const SAMPLE = path.join(ROOT, "samples", "consultations-sample.csv");

function runPiped(argv: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [RUN_CLI, ...argv], { cwd: ROOT, env: { ...process.env, LANG: "en_US.UTF-8" }, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    // A slow reader, as `| jq` on a busy machine: the pipe fills up while the CLI is finishing.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 500);
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe("output piped to another program", () => {
  it("suggest --all --json: more than 64 KiB arrives whole and parses", async () => {
    const { code, stdout } = await runPiped(["suggest", "--workbook", SAMPLE, "--all", "--json"]);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    const rows = JSON.parse(stdout.toString("utf8")) as { row: number }[];
    expect(rows.length).toBeGreaterThan(10);
  }, 60000);
});
