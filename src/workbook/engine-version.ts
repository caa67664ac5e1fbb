/**
 * The version an acceptance log entry names: the package's version and the versions of the two
 * learned models, so a desk can tell entries written by one engine from those of the next.
 * (package.json sits outside the CLI's source root, so its version is repeated here; a test keeps
 * the two equal.)
 */
import { KEYWORD_MODEL_VERSION, MODEL_VERSION } from "../engine";

export const PACKAGE_VERSION = "0.1.0";

export const ENGINE_VERSION = `${PACKAGE_VERSION}+c${MODEL_VERSION}k${KEYWORD_MODEL_VERSION}`;
