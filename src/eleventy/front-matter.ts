/**
 * YAML reads an unquoted `date: 1979-02-30` as a timestamp and rolls it over to 2 March without a
 * word. In documents, front matter is read without YAML's timestamps instead, so every date
 * reaches the model as the editor wrote it and an impossible one is reported, not moved.
 * Other pages keep the site's YAML engine as it was.
 */
import yaml from "js-yaml";
import type { EleventyConfig } from "./config.js";

// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { merge, binary, omap, pairs, set } = (yaml as unknown as { types: Record<string, yaml.Type> }).types as Record<
  "merge" | "binary" | "omap" | "pairs" | "set",
  yaml.Type
>;
const DOCUMENT_YAML = yaml.CORE_SCHEMA.extend({ implicit: [merge], explicit: [binary, omap, pairs, set] });

type YamlEngine = (text: string, options?: { filePath?: string }) => unknown;

export function readDocumentDatesAsWritten(config: EleventyConfig, isDocument: (filePath: unknown) => boolean): void {
  const previous: YamlEngine = config.frontMatterParsingOptions?.engines?.yaml ?? ((text) => yaml.load(text));
  config.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, options?: { filePath?: string }) =>
        isDocument(options?.filePath)
          ? yaml.load(text, { schema: DOCUMENT_YAML, ...(options?.filePath ? { filename: options.filePath } : {}) })
          : previous(text, options),
    },
  });
}
