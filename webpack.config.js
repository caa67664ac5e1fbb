/* Build of the add-in (task pane + function commands) and of the offline preview page.
 *
 *   webpack --mode production           → dist/ (what Excel loads; office.js is served from dist/office-js/)
 *   webpack serve --mode development    → https://localhost:3000 with office-addin-dev-certs
 *   webpack --env preview               → only the preview page (used by scripts/preview.ts)
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
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

  const entry = previewOnly
    ? { preview: "./src/preview/index.tsx" }
    : {
        taskpane: "./src/taskpane/index.tsx",
        commands: "./src/commands/commands.ts",
        preview: "./src/preview/index.tsx",
      };

  const plugins = [htmlPage("preview", "./src/preview/preview.html")];
  if (previewOnly) plugins.push(new CopyDictionaryPlugin());
  if (!previewOnly) {
    plugins.push(htmlPage("taskpane", "./src/taskpane/taskpane.html"), htmlPage("commands", "./src/commands/commands.html"));
    const patterns = [
      { from: "assets", to: "assets", noErrorOnMissing: true, info: { minimized: true } },
      { from: "manifest.xml", to: "manifest.xml" },
      dictionaryCopy,
    ];
    // office.js is ~86 MB with all its locales; the dev server serves it straight from node_modules
    // (devServer.static below) instead of copying it into memory on every start.
    // Already minified by Microsoft: `minimized` keeps the minimizer off these files.
    if (!serving) patterns.push({ from: OFFICE_JS_DIST, to: "office-js", info: { minimized: true } });
    plugins.push(new CopyWebpackPlugin({ patterns }));
  }

  return {
    mode,
    entry,
    target: "web",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    output: {
      path: previewOnly ? path.resolve(__dirname, ".tmp/preview-dist") : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
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
      // React and Fluent UI are shared by the task pane and the preview: bundle and minify them once.
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
          static: [{ directory: OFFICE_JS_DIST, publicPath: "/office-js" }],
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
