/**
 * Public surface of the engine. CONTRACT: the implementation is being written (issue 3);
 * the names and signatures below are what the UI, the commands and the CLI use.
 */
export * from "./types";
