/**
 * The preview server answers every request with a status and keeps serving: bad percent-encoding,
 * path traversal, HEAD, other methods, over-long URLs and garbage request lines.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type http from "node:http";
import { createPreviewServer, resolveRequestPath } from "../scripts/preview";

const base = mkdtempSync(path.join(tmpdir(), "faq-assist-preview-"));
const root = path.join(base, "dist");
mkdirSync(path.join(root, "assets"), { recursive: true });
writeFileSync(path.join(root, "preview.html"), "<!doctype html><title>preview</title>");
writeFileSync(path.join(root, "assets", "a b.txt"), "spaced");
writeFileSync(path.join(base, "secret.txt"), "must never be served");

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = createPreviewServer(root);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends raw bytes (no client-side URL normalisation) and returns the status line's code and the body. */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve({ status: match ? Number(match[1]) : 0, body: data.split("\r\n\r\n").slice(1).join("\r\n\r\n") });
    });
    socket.write(request);
  });
}

const get = (target: string, method = "GET") => raw(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

async function stillServes(): Promise<void> {
  const page = await get("/");
  expect(page.status).toBe(200);
  expect(page.body).toContain("<title>preview</title>");
}

describe("preview server", () => {
  it("serves the page and files, with a query string and percent-encoded names", async () => {
    await stillServes();
    expect((await get("/?lang=en&rows=10000")).status).toBe(200);
    const spaced = await get("/assets/a%20b.txt");
    expect(spaced).toEqual({ status: 200, body: "spaced" });
    expect((await get("/missing.js")).status).toBe(404);
    expect((await get("/assets")).status).toBe(404);
  });

  it.each([
    ["a lone percent sign", "/%", 400],
    ["a bad escape", "/%zz", 400],
    ["a truncated UTF-8 escape", "/%E3%81", 400],
    ["an encoded NUL", "/preview.html%00.js", 400],
    ["an encoded backslash", "/..%5csecret.txt", 400],
    ["dot-dot segments", "/../secret.txt", 403],
    ["encoded dot-dot segments", "/%2e%2e/secret.txt", 403],
    ["an encoded slash", "/assets%2f..%2f..%2fsecret.txt", 403],
    ["a network-path reference", "//evil.example/secret.txt", 400],
    ["an absolute URL", "http://localhost/../secret.txt", 400],
    ["an asterisk", "*", 400],
  ])("refuses %s with a status and keeps serving", async (_label, target, status) => {
    const response = await get(target);
    expect(response.status).toBe(status);
    expect(response.body).not.toContain("must never be served");
    await stillServes();
  });

  it("answers HEAD with the headers only, and other methods with 405", async () => {
    const head = await raw("HEAD /preview.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) expect((await get("/preview.html", method)).status).toBe(405);
    await stillServes();
  });

  it("refuses over-long URLs and malformed requests without dying", async () => {
    expect((await get(`/${"a".repeat(5000)}`)).status).toBe(414);
    // Past Node's header limit the parser itself rejects the request (clientError).
    expect((await get(`/${"a".repeat(100_000)}`)).status).toBe(431);
    expect((await raw("NONSENSE\r\n\r\n")).status).toBe(400);
    await stillServes();
  });
});

describe("resolveRequestPath", () => {
  it("maps / to the preview page and keeps every answer inside the root", () => {
    expect(resolveRequestPath(root, "/")).toEqual({ file: path.join(root, "preview.html") });
    expect(resolveRequestPath(root, "/a/../preview.html")).toEqual({ file: path.join(root, "preview.html") });
    expect(resolveRequestPath(root, "/a/../../secret.txt")).toEqual({ status: 403 });
    expect(resolveRequestPath(root, undefined)).toEqual({ status: 400 });
  });
});
