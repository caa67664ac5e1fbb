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
require(entry).runCli(process.argv.slice(2));
