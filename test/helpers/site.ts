import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error Eleventy ships JSDoc, not declarations, for its programmatic API.
import Eleventy from "@11ty/eleventy";

export interface BuiltSite {
  output: string;
  read(url: string): string;
}

export const tempDir = () => mkdtempSync(path.join(tmpdir(), "documentary-edition-"));

/** Builds a site through Eleventy's programmatic API, by default into a new temporary folder. */
export async function buildSite(
  input: string,
  configPath: string,
  output = tempDir(),
  options: { pathPrefix?: string } = {},
): Promise<BuiltSite> {
  const eleventy = new Eleventy(input, output, { configPath, quietMode: true, ...options });
  await eleventy.write();
  return {
    output,
    read: (url: string) => readFileSync(path.join(output, url.endsWith("/") ? `${url}index.html` : url), "utf8"),
  };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * The text of an HTML fragment, one entry per block element, tags dropped and entities decoded;
 * a definition list's term and its first description make one entry ("From: Ministry ...").
 */
export function blocks(fragment: string): string[] {
  return fragment
    .replace(/<\/dt>\s*/g, " ")
    .split(/<\/(?:p|h[1-6]|li|dd|div)>/)
    .map((block) =>
      block
        .replace(/<[^>]*>/g, "")
        .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] as string)
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean);
}

/** Where the first element with this class (from `from` on) starts, its content starts and ends, and it ends. */
function findByClass(page: string, className: string, from = 0) {
  const opening = new RegExp(`<(\\w+)[^>]*class="(?:[^"]*\\s)?${className}(?:\\s[^"]*)?"[^>]*>`, "g");
  opening.lastIndex = from;
  const found = opening.exec(page);
  if (!found) return undefined;
  const tag = found[1] as string;
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  pattern.lastIndex = found.index;
  for (let match = pattern.exec(page); match; match = pattern.exec(page)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      return {
        start: found.index,
        contentStart: found.index + found[0].length,
        contentEnd: match.index,
        end: match.index + match[0].length,
      };
    }
  }
  throw new Error(`unclosed ${tag}`);
}

/** The inner HTML of the first element with this class. */
export function byClass(page: string, className: string): string {
  const found = findByClass(page, className);
  if (!found) throw new Error(`no element with class ${className}`);
  return page.slice(found.contentStart, found.contentEnd);
}

/** Every element with this class, as outer HTML. */
export function allByClass(page: string, className: string): string[] {
  const out: string[] = [];
  for (let found = findByClass(page, className); found; found = findByClass(page, className, found.end)) {
    out.push(page.slice(found.start, found.end));
  }
  return out;
}

/** The HTML without the elements of these classes (notes, references, sidenotes). */
export function without(page: string, ...classNames: string[]): string {
  let out = page;
  for (const className of classNames) {
    for (let found = findByClass(out, className); found; found = findByClass(out, className, found.start)) {
      out = out.slice(0, found.start) + out.slice(found.end);
    }
  }
  return out;
}

/**
 * Builds a site that must fail, and returns the plugin's error from the chain Eleventy wraps it in
 * (loaded from dist/, so found by name).
 */
export async function buildFailure(input: string, configPath: string, output = tempDir()) {
  const error = await buildSite(input, configPath, output).then(
    () => undefined,
    (e: unknown) => e,
  );
  let cause = error as
    | {
        name?: string;
        message: string;
        problems?: { file: string; field: string }[];
        originalError?: unknown;
        cause?: unknown;
      }
    | undefined;
  while (cause && !Array.isArray(cause.problems)) {
    cause = (cause.originalError ?? cause.cause) as typeof cause;
  }
  if (!cause) throw new Error(`expected the build to fail with the plugin's error, got ${String(error)}`);
  return cause as { message: string; problems: { file: string; field: string }[] };
}
