/**
 * `npm run preview`: builds the preview page with webpack's Node API and serves it on
 * http://localhost:3100 (PORT overrides) — plain HTTP, no certificates, no Excel.
 * The end-to-end test imports `startPreviewServer` and runs the same server.
 */
import { createReadStream, existsSync, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import webpack from "webpack";
import type { Stats } from "webpack";
import { buildConfig, ROOT } from "./build-config";

export const DEFAULT_PREVIEW_PORT = 3100;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
};

/** Builds the preview bundle; returns the directory that holds preview.html. */
export async function buildPreview(): Promise<string> {
  const config = await buildConfig({ preview: true }, { mode: "development" });
  const compiler = webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } });
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error ?? new Error("webpack gave no result")) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) {
    throw new Error(`Preview build failed:\n${stats.toString({ all: false, errors: true, colors: false })}`);
  }
  return config.output?.path ?? path.join(ROOT, ".tmp/preview-dist");
}

/** Longer request targets are refused (414); the preview's own URLs are a few dozen characters. */
const MAX_URL_LENGTH = 2048;

function refuse(response: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(`${status} ${http.STATUS_CODES[status] ?? ""}\n`);
}

/**
 * The file under `root` a request asks for, or the HTTP status that refuses it. Pure, so every odd
 * request target (bad percent-encoding, `..`, NUL, backslashes, absolute URLs) can be tested directly.
 */
export function resolveRequestPath(root: string, target: string | undefined): { file: string } | { status: number } {
  if (!target || target.length > MAX_URL_LENGTH) return { status: target ? 414 : 400 };
  // Only origin-form targets ("/path?query"); "*", "//host/…" and absolute URLs are not for a file server.
  if (!target.startsWith("/") || target.startsWith("//")) return { status: 400 };
  const pathname = target.split(/[?#]/, 1)[0];
  let name: string;
  try {
    name = decodeURIComponent(pathname);
  } catch {
    return { status: 400 }; // "/%", "/%zz", "/%E3%81": not valid percent-encoding
  }
  if (name.includes("\0") || name.includes("\\")) return { status: 400 };
  const relative = name === "/" ? "preview.html" : name.replace(/^\/+/, "");
  const file = path.resolve(root, relative);
  // Never serve anything outside the build directory ("/../x", "/%2e%2e/x", "/a/../../x").
  if (!file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

/** A static file server for the preview build that answers every request and never throws. */
export function createPreviewServer(directory: string): http.Server {
  const root = path.resolve(directory);
  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => refuse(response, 500));
  });
  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      refuse(response, 405, { Allow: "GET, HEAD" });
      return;
    }
    const resolved = resolveRequestPath(root, request.url);
    if ("status" in resolved) {
      refuse(response, resolved.status);
      return;
    }
    let size: number;
    try {
      const info = await stat(resolved.file);
      if (!info.isFile()) throw new Error("not a file");
      size = info.size;
    } catch {
      refuse(response, 404);
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(resolved.file)] ?? "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    const stream = createReadStream(resolved.file);
    stream.on("error", () => response.destroy());
    stream.pipe(response);
  }
  // Malformed requests (bad request line, headers over Node's limit) never reach the handler.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}

const PREVIEW_DIST = path.join(ROOT, ".tmp/preview-dist");

/**
 * Under Jest, several end-to-end test files start the preview; the first one in a test run builds it
 * and the others reuse that build (they share the run's parent process). Anywhere else: always build.
 */
async function buildPreviewOncePerTestRun(): Promise<string> {
  if (process.env.JEST_WORKER_ID === undefined) return buildPreview();
  const stamp = path.join(PREVIEW_DIST, `.built-for-${process.ppid}`);
  if (existsSync(stamp)) return PREVIEW_DIST;
  const directory = await buildPreview();
  writeFileSync(path.join(directory, `.built-for-${process.ppid}`), "");
  return directory;
}

export async function startPreviewServer(options: { port?: number; build?: boolean } = {}): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const directory = options.build === false ? PREVIEW_DIST : await buildPreviewOncePerTestRun();
  const server = createPreviewServer(directory);
  const port = options.port ?? DEFAULT_PREVIEW_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (require.main === module) {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PREVIEW_PORT;
  console.log("faq-assist preview: building…");
  startPreviewServer({ port })
    .then(({ url }) => {
      console.log(`faq-assist preview: ${url}  (English UI: ${url}?lang=en, narrow pane: ${url}?pane=320)`);
      console.log("Press Ctrl+C to stop.");
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
