/**
 * YAML reads an unquoted `date: 1979-02-30` as a timestamp and rolls it over to 2 March without a
 * word. In documents, front matter is read without YAML's timestamps instead, so every date
 * reaches the model as the editor wrote it and an impossible one is reported, not moved.
 * Other pages keep the site's YAML engine as it was.
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { EleventyConfig } from "./config.js";

// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { merge, binary, omap, pairs, set } = (yaml as unknown as { types: Record<string, yaml.Type> }).types as Record<
  "merge" | "binary" | "omap" | "pairs" | "set",
  yaml.Type
>;
const DOCUMENT_YAML = yaml.CORE_SCHEMA.extend({ implicit: [merge], explicit: [binary, omap, pairs, set] });

type YamlEngine = (text: string, options?: { filePath?: string }) => unknown;

/** What a template language would act on: Liquid's and Nunjucks' tags, comments and output, EJS's tags. */
const TEMPLATE_TAG = /\{[{%#]|<%/;

/**
 * A document whose file holds no template tag is Markdown only: Eleventy's default preprocessing
 * (Liquid) would give its text back unchanged, at a cost on every document, so it is skipped.
 */
function markdownOnly(data: unknown, filePath: string | undefined): unknown {
  if (!filePath || !data || typeof data !== "object" || Array.isArray(data) || "templateEngineOverride" in data) return data;
  let source: string;
  try {
    source = readFileSync(filePath, "utf8");
  } catch {
    return data;
  }
  return TEMPLATE_TAG.test(source) ? data : { ...data, templateEngineOverride: "md" };
}

export function readDocumentDatesAsWritten(config: EleventyConfig, isDocument: (filePath: unknown) => boolean): void {
  const previous: YamlEngine = config.frontMatterParsingOptions?.engines?.yaml ?? ((text) => yaml.load(text));
  config.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, options?: { filePath?: string }) =>
        isDocument(options?.filePath)
          ? markdownOnly(yaml.load(text, { schema: DOCUMENT_YAML, ...(options?.filePath ? { filename: options.filePath } : {}) }), options?.filePath)
          : previous(text, options),
    },
  });
}
