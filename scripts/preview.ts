/**
 * `npm run preview`: builds the preview page with webpack's Node API and serves it on
 * http://localhost:3100 (PORT overrides) — plain HTTP, no certificates, no Excel.
 * The end-to-end test imports `startPreviewServer` and runs the same server.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";

const ROOT = path.resolve(__dirname, "..");
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

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: "development" | "production" }) => Promise<Configuration>;

/** Builds the preview bundle; returns the directory that holds preview.html. */
export async function buildPreview(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({ preview: true }, { mode: "development" });
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

function serveDirectory(directory: string): http.Server {
  return http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const name = url.pathname === "/" ? "preview.html" : decodeURIComponent(url.pathname).replace(/^\/+/, "");
      const file = path.resolve(directory, name);
      // Never serve anything outside the build directory.
      if (!file.startsWith(directory + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const info = await stat(file);
        if (!info.isFile()) throw new Error("not a file");
        response.writeHead(200, {
          "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
          "Content-Length": info.size,
          "Cache-Control": "no-store",
        });
        createReadStream(file).pipe(response);
      } catch {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      }
    })();
  });
}

export async function startPreviewServer(options: { port?: number; build?: boolean } = {}): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const directory = options.build === false ? path.join(ROOT, ".tmp/preview-dist") : await buildPreview();
  const server = serveDirectory(path.resolve(directory));
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
