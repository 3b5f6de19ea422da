/**
 * Eleventy preprocesses every Markdown file with Liquid by default, even one with no template tag,
 * at a cost on every document. A document whose file holds no tag is marked Markdown only as its
 * front matter is read (the one place the plugin sees the file before Eleventy renders it).
 */
import { readFileSync } from "node:fs";

/** What a template language would act on: Liquid's and Nunjucks' tags, comments and output, EJS's tags. */
const TEMPLATE_TAG = /\{[{%#]|<%/;

/**
 * A document whose file holds no template tag is Markdown only: Eleventy's default preprocessing
 * (Liquid) would give its text back unchanged, at a cost on every document, so it is skipped.
 */
export function markdownOnly(data: unknown, filePath: string | undefined): unknown {
  if (!filePath || !data || typeof data !== "object" || Array.isArray(data) || "templateEngineOverride" in data)
    return data;
  let source: string;
  try {
    source = readFileSync(filePath, "utf8");
  } catch {
    return data;
  }
  return TEMPLATE_TAG.test(source) ? data : { ...data, templateEngineOverride: "md" };
}
