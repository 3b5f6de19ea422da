import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { buildEditions, type SourceFile } from "../../src/model/edition.js";
import { DEFAULT_DOCUMENT_TYPES } from "../../src/options.js";

export const CABLE_PATH = "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks.md";

/** The front matter of a Markdown file, parsed with the YAML library Eleventy uses. */
export function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  return yaml.load(match[1] as string) as Record<string, unknown>;
}

export function source(id: string, data: Record<string, unknown>): SourceFile {
  const [edition, ...rest] = id.split("/");
  const slug = rest.at(-1) ?? "";
  return {
    id,
    inputPath: `./editions/${id}.md`,
    file: `editions/${id}.md`,
    edition: edition as string,
    slug,
    folder: rest.slice(0, -1).join("/"),
    url: `/editions/${id}/`,
    data,
  };
}

export const SETTINGS = {
  documentTypes: DEFAULT_DOCUMENT_TYPES,
  editionUrl: (slug: string) => `/editions/${slug}/`,
  registerSource: "_data/register",
};

export function build(documents: SourceFile[], indexes: SourceFile[] = [], register: unknown = {}) {
  return buildEditions(documents, indexes, register, SETTINGS);
}

/** Runs `fn` and returns the message of the error it throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error, but none was thrown");
}
