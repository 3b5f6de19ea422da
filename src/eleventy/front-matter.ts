/**
 * YAML reads an unquoted `date: 1979-02-30` as a timestamp and rolls it over to 2 March without a
 * word. In documents, front matter is read without YAML's timestamps instead, so every date
 * reaches the model as the editor wrote it and an impossible one is reported, not moved.
 * Other pages keep the site's YAML engine as it was.
 */
import path from "node:path";
import yaml from "js-yaml";
import { DOCUMENT_YAML } from "../model/yaml.js";
import { markdownOnly } from "./markdown-only.js";
import type { EleventyConfig } from "./config.js";

type YamlEngine = (text: string, options?: { filePath?: string }) => unknown;

/**
 * Sets the YAML engine up for the editions' files. Returns where to look up the keys each file's
 * own front matter holds (its data, as collections give it, also holds the site's data): the
 * keys are noted as the front matter is read, for the model to check that each is known.
 */
export function readEditionFrontMatter(
  config: EleventyConfig,
  kindOf: (filePath: unknown) => "document" | "index" | undefined,
): (inputPath: string) => string[] {
  const previous: YamlEngine = config.frontMatterParsingOptions?.engines?.yaml ?? ((text) => yaml.load(text));
  const keys = new Map<string, string[]>();
  const noteKeys = (data: unknown, filePath: string | undefined) => {
    if (filePath)
      keys.set(
        path.resolve(filePath),
        data && typeof data === "object" && !Array.isArray(data) ? Object.keys(data) : [],
      );
    return data;
  };
  config.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, options?: { filePath?: string }) => {
        const filePath = options?.filePath;
        const kind = kindOf(filePath);
        if (!kind) return previous(text, options);
        if (kind === "index") return noteKeys(previous(text, options), filePath);
        return markdownOnly(
          noteKeys(yaml.load(text, { schema: DOCUMENT_YAML, ...(filePath ? { filename: filePath } : {}) }), filePath),
          filePath,
        );
      },
    },
  });
  return (inputPath) => keys.get(path.resolve(inputPath)) ?? [];
}
