/** Adapter helpers for a document's text: where a bad mark stands, and the telegramHeader shortcode's arguments. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/errors.js";
import type { EditionDocument } from "../model/edition.js";
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
  return { file, field: `line ${error.line + frontMatterLines(inputPath)}`, value: error.found, expected: error.expected };
}

const isDocument = (value: unknown): value is EditionDocument =>
  typeof value === "object" && value !== null && "inputPath" in value && "number" in value && "edition" in value;

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
    }
    else if (arg && typeof arg === "object") {
      const { __keywords: _keywords, ...fields } = arg as Record<string, unknown>;
      Object.assign(overrides, fields);
    }
  }
  return { doc, overrides };
}
