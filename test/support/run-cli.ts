// Runs the CLI as the installed `faq-assist` does (bin/faq-assist.js → runCli), from the sources.
import { runCli } from "../../src/cli/main";

void runCli(process.argv.slice(2));
