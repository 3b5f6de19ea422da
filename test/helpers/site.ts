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
export async function buildSite(input: string, configPath: string, output = tempDir()): Promise<BuiltSite> {
  const eleventy = new Eleventy(input, output, { configPath, quietMode: true });
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

/** The inner HTML of the first element with this class. */
export function byClass(page: string, className: string): string {
  const start = page.search(new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>`));
  if (start < 0) throw new Error(`no element with class ${className}`);
  const tag = /^<(\w+)/.exec(page.slice(start))?.[1] as string;
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  pattern.lastIndex = start;
  for (let match = pattern.exec(page); match; match = pattern.exec(page)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return page.slice(page.indexOf(">", start) + 1, match.index);
  }
  throw new Error(`unclosed ${tag}`);
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
  let cause = error as { name?: string; message: string; problems?: { file: string; field: string }[]; originalError?: unknown; cause?: unknown } | undefined;
  while (cause && cause.name !== "EditionValidationError") {
    cause = (cause.originalError ?? cause.cause) as typeof cause;
  }
  if (!cause) throw new Error(`expected the build to fail with the plugin's error, got ${String(error)}`);
  return cause as { message: string; problems: { file: string; field: string }[] };
}
