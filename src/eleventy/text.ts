/** Adapter helpers: where a mistake in a page's text stands in its file, and what a template gives the plugin's shortcodes and filters. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { EditionValidationError, type Problem } from "../model/errors.js";
import type { Edition, EditionDocument } from "../model/edition.js";
import type { MarkSyntaxError } from "../markdown/marks.js";
import type { TelegramOverrides } from "../render/telegram.js";

/** How many lines the front matter takes, so a line of the Markdown body becomes a line of the file. */
export function frontMatterLines(inputPath: string): number {
  try {
    const text = readFileSync(inputPath, "utf8");
    const match = /^---[^\n]*\n[\s\S]*?\n---[^\n]*\n/.exec(text);
    return match ? match[0].split("\n").length - 1 : 0;
  } catch {
    return 0;
  }
}

/** A mistake in a page's text as the build reports it: the file, its line, what was found and expected. */
export function textProblem(inputPath: string, error: MarkSyntaxError): Problem {
  const file = path.posix.normalize(inputPath.split(path.sep).join("/")).replace(/^\.\//, "");
  return {
    file,
    field: `line ${error.line + frontMatterLines(inputPath)}`,
    value: error.found,
    expected: error.expected,
  };
}

const isDocument = (value: unknown): value is EditionDocument =>
  typeof value === "object" && value !== null && "inputPath" in value && "number" in value && "edition" in value;
const isEdition = (value: unknown): value is Edition =>
  typeof value === "object" && value !== null && "slug" in value && "documents" in value && "register" in value;

const ARGUMENTS = {
  document: { test: isDocument, expected: "a document, as `page | documentOf` gives it" },
  edition: {
    test: isEdition,
    expected: "an edition, as `page | editionOf` or an item of collections.editions gives it",
  },
  editions: {
    test: (v: unknown) => Array.isArray(v) && v.every(isEdition),
    expected: "a list of editions, as collections.editions",
  },
  citable: {
    test: (v: unknown) => isDocument(v) || isEdition(v) || (Array.isArray(v) && v.every(isDocument)),
    expected: "a document, an edition, or a list of documents",
  },
} as const;

/** What a template passed, in a few words (a document is no value to print whole). */
function describeArgument(value: unknown): string {
  // Nunjucks gives a shortcode called with no argument an empty string.
  if (value === undefined || value === null || value === "") return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === "object" ? "an object of another kind" : JSON.stringify(value);
}

/**
 * The argument a shortcode or filter was given, where it is of the kind it needs; otherwise an
 * error naming the shortcode ("shortcode documentTime") or filter, the page whose template called
 * it, what it was given and what it needs.
 */
export function argumentOf<K extends keyof typeof ARGUMENTS>(
  kind: K,
  name: string,
  value: unknown,
  page: { inputPath?: string } | undefined,
): K extends "document"
  ? EditionDocument
  : K extends "edition"
    ? Edition
    : K extends "editions"
      ? Edition[]
      : EditionDocument | Edition | EditionDocument[] {
  const { test, expected } = ARGUMENTS[kind];
  if (test(value)) return value as never;
  const file = (page?.inputPath ?? "a template").replace(/^\.\//, "");
  throw new EditionValidationError(
    [{ file, field: name, value, found: describeArgument(value), expected }],
    "a template",
    "the page was not written",
  );
}

/**
 * The document (the page's own by default) and the fields to override, from any of
 * `{% telegramHeader %}`, `{% telegramHeader doc %}`, `{% telegramHeader "precedence", "Flash" %}`
 * (field and value in pairs, in Liquid or Nunjucks), `{% telegramHeader doc, { precedence: "Flash" } %}`
 * or, in Nunjucks, `{% telegramHeader precedence="Flash" %}`.
 */
export function telegramArguments(
  args: unknown[],
  pageDocument: EditionDocument | undefined,
): { doc: EditionDocument | undefined; overrides: TelegramOverrides } {
  let doc = pageDocument;
  const overrides: TelegramOverrides = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isDocument(arg)) doc = arg;
    else if (typeof arg === "string") {
      if (i + 1 >= args.length) throw new Error(`telegramHeader: the field "${arg}" is given without a value`);
      overrides[arg as keyof TelegramOverrides] = args[++i];
    } else if (arg && typeof arg === "object") {
      const { __keywords: _keywords, ...fields } = arg as Record<string, unknown>;
      Object.assign(overrides, fields);
    }
  }
  return { doc, overrides };
}
