/** Where a mistake in a page's text stands in its file: a line of the Markdown body becomes a line of the file. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/errors.js";
import type { MarkSyntaxError } from "../markdown/marks.js";

/** How many lines the front matter takes. */
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
