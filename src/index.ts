/**
 * eleventy-plugin-documentary-edition: `eleventyConfig.addPlugin(documentaryEdition, options)`.
 * Reads the options, checks the Eleventy version and wires the adapter; nothing else.
 */
import { readFileSync } from "node:fs";
import type { EleventyConfig } from "./eleventy/config.js";
import { installPlugin } from "./eleventy/plugin.js";
import { resolveOptions, type UserOptions } from "./options.js";
import { EditionValidationError } from "./model/errors.js";
import { printedOnce } from "./eleventy/report.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
  "11ty": { compatibility: string };
};

export default function documentaryEdition(eleventyConfig: EleventyConfig, userOptions: UserOptions = {}): void {
  try {
    eleventyConfig.versionCheck(pkg["11ty"].compatibility);
  } catch (error) {
    throw new Error(`[${pkg.name}] needs Eleventy ${pkg["11ty"].compatibility}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    installPlugin(eleventyConfig, resolveOptions(userOptions));
  } catch (error) {
    if (!(error instanceof EditionValidationError)) throw error;
    // Thrown when the build starts, where Eleventy takes it as it is: thrown here, inside
    // addPlugin, Eleventy would print it wrapped in an error of its own, and twice.
    eleventyConfig.on("eleventy.before", () => {
      throw printedOnce(error);
    });
  }
}

Object.defineProperty(documentaryEdition, "eleventyPackage", { value: pkg.name });
Object.defineProperty(documentaryEdition, "eleventyPluginOptions", { value: { unique: true } });

export { documentaryEdition };
export { resolveOptions, DEFAULT_LABELS, DEFAULT_DOCUMENT_TYPES } from "./options.js";
export type { UserOptions, Options, Labels } from "./options.js";
export { buildEditions } from "./model/edition.js";
export type { Edition, EditionDocument, EditionModel, Register, RegisterEntry } from "./model/edition.js";
export type { DocumentDate } from "./model/date.js";
export { EditionValidationError, formatProblem } from "./model/errors.js";
export type { Problem } from "./model/errors.js";
export { documentSchema, editionSchema, jsonSchemas } from "./model/schema.js";
