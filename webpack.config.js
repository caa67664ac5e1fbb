/* Build of the add-in (task pane + function commands) and of the offline preview page.
 *
 *   webpack --mode production           → dist/: what Excel loads, and only that (no source maps)
 *   ADDIN_URL=https://host/path/ webpack --mode production
 *                                       → the same, with every manifest URL under that base (docs/deploy.md)
 *   webpack serve --mode development    → https://localhost:3000 with office-addin-dev-certs
 *   webpack --env preview               → only the preview page (used by scripts/preview.ts)
 *
 * office.js is never bundled or copied: the add-in pages load it from Microsoft's CDN, as Microsoft
 * requires of add-ins. Every page carries a Content-Security-Policy built here, in one place.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_CDN_ORIGIN = new URL(OFFICE_JS_CDN).origin;
// kuromoji's IPADIC dictionary (12 gzip files, ~17 MB), served from the add-in's own origin as dict/;
// the pane fetches it lazily after its first suggestions (src/taskpane/morphology-loader.ts).
const KUROMOJI_DICT = path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
const dictionaryCopy = { from: KUROMOJI_DICT, to: "dict", info: { minimized: true } };

/** The preview build copies the dictionary with plain fs: it is built inside Jest, where copy-webpack-plugin's dynamic import fails. */
class CopyDictionaryPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("CopyDictionaryPlugin", (compilation) => {
      const fs = require("fs");
      const target = path.join(compilation.outputOptions.path, "dict");
      fs.mkdirSync(target, { recursive: true });
      for (const file of fs.readdirSync(KUROMOJI_DICT)) fs.copyFileSync(path.join(KUROMOJI_DICT, file), path.join(target, file));
    });
  }
}
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
/** Where manifest.xml (the development manifest) points; a production build rewrites it. */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * The https URL the add-in's files are served from, ending in "/". `ADDIN_URL` (or `--env
 * ADDIN_URL=…`) for a desk's own host; the development server otherwise.
 */
function addinBaseUrl(value) {
  if (value === undefined || value === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${value}". Example: ADDIN_URL=https://desk.example.org/faq-assist/`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be https (Office loads add-ins over HTTPS only): "${value}"`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_URL must be a plain folder URL, without query, fragment or credentials: "${value}"`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * manifest.xml for the add-in served from `baseUrl`: every development URL moves under the base, the
 * AppDomain becomes the base's origin. `supportUrl` replaces the support page (SupportUrl and the
 * Get Started "learn more" link) when a desk has its own.
 */
function productionManifest(xml, baseUrl, { supportUrl } = {}) {
  const base = addinBaseUrl(baseUrl);
  const devOrigin = new URL(DEV_BASE_URL).origin;
  let out = xml;
  if (supportUrl) {
    const support = new URL(supportUrl);
    if (support.protocol !== "https:") throw new Error(`ADDIN_SUPPORT_URL must be https: "${supportUrl}"`);
    out = out.split(`${DEV_BASE_URL}assets/support.html`).join(support.href);
  }
  out = out.split(DEV_BASE_URL).join(base).split(`<AppDomain>${devOrigin}</AppDomain>`).join(`<AppDomain>${new URL(base).origin}</AppDomain>`);
  if (new URL(base).hostname !== "localhost" && /localhost/i.test(out)) {
    throw new Error("manifest.xml still names localhost after rewriting; every URL in it must start with https://localhost:3000/");
  }
  return out;
}

/**
 * The Content-Security-Policy of a page: only what it loads.
 * - Scripts: this origin, plus Microsoft's office.js CDN on the add-in pages. office.js loads its
 *   host-specific files (excel-win32-16.01.js, locale strings, telemetry sink) from the same CDN folder.
 * - Styles: 'unsafe-inline', because Fluent UI (Griffel) inserts <style> elements at run time and
 *   office.js styles its own notices inline (office-js issue #1687); no style can run code.
 * - connect-src and worker-src 'self': the engine may fetch its dictionary and start a worker from
 *   this origin, and nothing else. Consultation data cannot be sent anywhere else even by mistake.
 * - frame-src: office.js shows Microsoft's "add-in not trusted" notice in a frame from its CDN
 *   (Excel on the web); the preview frames nothing. Outside Office, office.js takes its Office 2013
 *   path and frames a Microsoft telemetry page: blocked (Office 2013 cannot run this add-in anyway).
 * What office.js loads in each host is checked by `npm run check:dist` (scripts/check-dist.ts).
 * - frame-ancestors cannot be set from a <meta> tag (browsers ignore it there); docs/deploy.md shows
 *   the header for servers that can send one.
 * `devServer` adds the development server's live-reload socket.
 */
function contentSecurityPolicy(page, { devServer } = {}) {
  const office = page !== "preview";
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...(office ? [OFFICE_CDN_ORIGIN] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(devServer ? [`wss://localhost:${DEV_SERVER_PORT}`] : [])],
    "worker-src": ["'self'"],
    "frame-src": office ? [OFFICE_CDN_ORIGIN] : ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Puts each page's policy first in <head>, before any script or style can load. */
class ContentSecurityPolicyPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("ContentSecurityPolicyPlugin", (data) => {
        const page = path.basename(data.outputName, ".html");
        const policy = contentSecurityPolicy(page, this.options);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        // Right after <meta charset> (which must come first), before any script, style or link.
        const anchor = /<meta charset="[^"]*"\s*\/?>/i.test(data.html) ? /<meta charset="[^"]*"\s*\/?>/i : /<head>/i;
        if (!anchor.test(data.html)) throw new Error(`${data.outputName} has no <head> for its Content-Security-Policy`);
        data.html = data.html.replace(anchor, (tag) => `${tag}\n    ${meta}`);
        return data;
      });
    });
  }
}

function htmlPage(name, template) {
  return new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name] });
}

async function httpsOptions() {
  // Loaded lazily: a production or preview build must not need (or create) developer certificates.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.preview ? "development" : "production");
  const dev = mode === "development";
  const previewOnly = Boolean(env.preview);
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = addinBaseUrl(env.ADDIN_URL ?? process.env.ADDIN_URL);
  const supportUrl = env.ADDIN_SUPPORT_URL ?? process.env.ADDIN_SUPPORT_URL;
  const outputPath = path.resolve(__dirname, env.outputPath ?? (previewOnly ? ".tmp/preview-dist" : "dist"));

  // The production dist/ is what a desk uploads to its web server: the two add-in pages, their
  // scripts, the icons and the manifest. The preview is a development tool and is built on its own.
  const entry = previewOnly
    ? { preview: "./src/preview/index.tsx" }
    : { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" };

  const plugins = previewOnly
    ? [htmlPage("preview", "./src/preview/preview.html")]
    : [
        htmlPage("taskpane", "./src/taskpane/taskpane.html"),
        htmlPage("commands", "./src/commands/commands.html"),
        new CopyWebpackPlugin({
          patterns: [
            // PNG icons and the support page; the SVG sources of the icons are not served.
            { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg"] }, info: { minimized: true } },
            {
              from: "manifest.xml",
              to: "manifest.xml",
              transform: (content) => Buffer.from(productionManifest(content.toString("utf8"), baseUrl, { supportUrl })),
            },
            dictionaryCopy,
          ],
        }),
      ];
  if (previewOnly) plugins.push(new CopyDictionaryPlugin());
  plugins.push(new ContentSecurityPolicyPlugin({ devServer: serving }));

  return {
    mode,
    entry,
    target: "web",
    // No eval-based source maps: the pages' policy has no 'unsafe-eval'. Production ships none.
    devtool: dev ? "cheap-module-source-map" : false,
    // Production script names carry their content hash: after an update the (uncached) pages name new
    // files, so a webview never runs an old script cached under the same name.
    output: { path: outputPath, filename: dev ? "[name].js" : "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `tsc --noEmit`'s job; transpile-only keeps builds fast on small machines.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    optimization: {
      // The function-command page stays small: it gets none of the UI libraries.
      splitChunks: {
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: (chunk) => chunk.name !== "commands" },
        },
      },
      // esbuild minifies the ~4 MB of Fluent UI in seconds where terser takes minutes on two cores.
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: "es2019" } })],
    },
    cache: dev
      ? { type: "filesystem", name: previewOnly ? "preview" : "addin", cacheDirectory: path.resolve(__dirname, ".tmp/webpack-cache") }
      : false,
    plugins,
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.addinBaseUrl = addinBaseUrl;
module.exports.productionManifest = productionManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
