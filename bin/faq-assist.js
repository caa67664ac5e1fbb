#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled by `npm run build` into dist/cli.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("faq-assist: the CLI is not built yet. Run `npm run build` first.\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`faq-assist: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(1);
  }
);
