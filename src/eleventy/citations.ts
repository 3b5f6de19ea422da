/** The adapter's citation part: filters, the cite box, head metadata, and the downloads (handed to the writing thread as pages render; each edition's after the build). */
import { bibtex, ris } from "../citation/export.js";
import { jsonLdHtml, metaTagsHtml } from "../citation/metadata.js";
import { citationRecord, type CslItem } from "../citation/record.js";
import { BUILT_IN_STYLES, formatCitation, isBuiltInStyle, type StyleInput } from "../citation/styles.js";
import type { Formatted } from "../citation/text.js";
import { EditionValidationError } from "../model/errors.js";
import { argumentOf } from "./text.js";
import type { Edition, EditionDocument, EditionModel } from "../model/edition.js";
import { documentId } from "../model/ids.js";
import type { Options } from "../options.js";
import { citeBoxHtml, DOWNLOADS } from "../render/cite.js";
import type { SafeHtml } from "../render/html.js";
import type { EleventyConfig } from "./config.js";
import type { SideFiles } from "./side-files.js";

export type CustomFormatter = (item: CslItem, style: string, format: "html" | "text") => string;

/** Styles given as CSL files, formatted with citeproc-js through citation-js, which the site installs. */
export async function loadCslStyles(styles: Record<string, string>): Promise<CustomFormatter> {
  let core: {
    Cite: new (data: unknown) => { format(type: string, options: object): string };
    plugins: { config: { get(name: string): { styles: { add(n: string, xml: string): void } } } };
  };
  try {
    core = (await import("@citation-js/core" as string)) as typeof core;
    await import("@citation-js/plugin-csl" as string);
  } catch {
    throw new Error(
      "[documentary-edition] the option cslStyles needs citation-js: npm install @citation-js/core @citation-js/plugin-csl",
    );
  }
  const { readFile } = await import("node:fs/promises");
  for (const [name, file] of Object.entries(styles)) {
    let xml: string;
    try {
      xml = await readFile(file, "utf8");
    } catch {
      throw new EditionValidationError(
        [
          {
            file: "plugin options",
            field: `cslStyles.${name}`,
            value: file,
            expected: "the path of a CSL style file, from the project's folder",
          },
        ],
        "the plugin options",
      );
    }
    core.plugins.config.get("@csl").styles.add(name, xml);
  }
  return (item, style, format) => {
    const out = new core.Cite(structuredClone(item)).format("bibliography", { format, template: style, lang: "en-US" });
    if (format === "text") return out.trim();
    // The entry without citeproc's wrappers; its inner blocks (a number's margin) as spans, to sit in a paragraph.
    const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(out)?.[1] ?? out;
    return entry
      .trim()
      .replace(/<(\/?)div\b/g, "<$1span")
      .replace(/<\/span>\s*<span class="csl-right-inline">/, '</span> <span class="csl-right-inline">');
  };
}

export function installCitations(
  config: EleventyConfig,
  options: Options,
  getModel: () => EditionModel | undefined,
  url: (path: string) => string,
  files: SideFiles,
  editionsToWrite: (model: EditionModel) => Edition[],
): { rendered(doc: EditionDocument): void; citeBox(doc: EditionDocument): SafeHtml } {
  const unknown = options.citationStyles.filter((s) => !isBuiltInStyle(s) && !Object.hasOwn(options.cslStyles, s));
  if (unknown.length) {
    throw new EditionValidationError(
      unknown.map((style) => ({
        file: "plugin options",
        field: `citationStyles.${options.citationStyles.indexOf(style)}`,
        value: style,
        expected: `a built-in style (${Object.keys(BUILT_IN_STYLES).join(", ")}) or a name given in cslStyles`,
      })),
      "the plugin options",
    );
  }

  let custom: CustomFormatter | undefined;
  config.on("eleventy.before", async () => {
    if (!custom && Object.keys(options.cslStyles).length) custom = await loadCslStyles(options.cslStyles);
  });

  const records = new WeakMap<EditionDocument, CslItem>();
  const record = (doc: EditionDocument) => {
    let item = records.get(doc);
    if (!item) {
      item = citationRecord(doc);
      records.set(doc, item);
    }
    return item;
  };
  const absolute = (site: string) => (options.siteUrl ? `${options.siteUrl}${url(site)}` : undefined);
  const input = (doc: EditionDocument): StyleInput => {
    const pageUrl = absolute(doc.url);
    return {
      item: record(doc),
      edition: {
        editionTitle: doc.edition.title,
        editors: doc.edition.editors,
        number: doc.number,
        ...(pageUrl ? { url: pageUrl } : {}),
      },
    };
  };

  function cite(doc: EditionDocument, style: string): Formatted {
    if (isBuiltInStyle(style)) return formatCitation(style, input(doc));
    if (custom && Object.hasOwn(options.cslStyles, style)) {
      return { html: custom(record(doc), style, "html"), text: custom(record(doc), style, "text") };
    }
    throw new Error(
      `[documentary-edition] cite: found the style "${style}"; expected a built-in style (${Object.keys(BUILT_IN_STYLES).join(", ")}) or a name given in cslStyles`,
    );
  }
  const label = (style: string) => (isBuiltInStyle(style) ? BUILT_IN_STYLES[style].label : style);

  type Template = { page?: { inputPath?: string } };
  /** The documents a filter is given: a document, an edition's, or a list. */
  const documentsOf = (name: string, value: unknown, page: Template["page"]): EditionDocument[] => {
    const given = argumentOf("citable", `filter ${name}`, value, page);
    return Array.isArray(given) ? given : "number" in given ? [given] : given.documents;
  };

  config.addFilter(
    "cite",
    function (this: Template, doc: unknown, style = "archive", format: "html" | "text" = "html") {
      const out = cite(argumentOf("document", "filter cite", doc, this.page), style);
      return format === "text" ? out.text : out.html;
    },
  );
  config.addFilter("cslJson", function (this: Template, value: unknown) {
    return JSON.stringify(documentsOf("cslJson", value, this.page).map(record), null, 2);
  });
  config.addFilter("bibtex", function (this: Template, value: unknown) {
    return documentsOf("bibtex", value, this.page)
      .map((doc) => bibtex(record(doc)))
      .join("\n");
  });
  config.addFilter("ris", function (this: Template, value: unknown) {
    return documentsOf("ris", value, this.page)
      .map((doc) => ris(record(doc)))
      .join("");
  });

  const citeBox = (doc: EditionDocument) => {
    const entries = options.citationStyles.map((style) => ({ style, label: label(style), citation: cite(doc, style) }));
    return citeBoxHtml(`${documentId(doc.id)}-`, entries, options.labels, doc.url.endsWith("/"), options.tei);
  };
  config.addShortcode("citeBox", function (this: Template, doc: unknown) {
    return citeBox(argumentOf("document", "shortcode citeBox", doc, this.page)).value;
  });
  config.addShortcode("documentHeadMetadata", function (this: Template, given: unknown) {
    const doc = argumentOf("document", "shortcode documentHeadMetadata", given, this.page);
    const context = {
      ...(absolute(doc.url) ? { pageUrl: absolute(doc.url) as string } : {}),
      ...(absolute(doc.edition.url) ? { editionUrl: absolute(doc.edition.url) as string } : {}),
      locale: options.locale,
    };
    return metaTagsHtml(record(doc), doc, context).value + jsonLdHtml(record(doc), doc, context).value;
  });

  // The downloads: each document's as its page renders, each edition's after the build; no
  // template of their own. The writing thread formats them from the records.
  const EDITION_FILES: [string, string, string] = ["citations.bib", "citations.ris", "citations.json"];
  const DOCUMENT_FILES = DOWNLOADS.slice(0, 3).map((d) => d.file) as [string, string, string];
  config.on("eleventy.after", async () => {
    const model = getModel();
    if (!model) return;
    for (const edition of editionsToWrite(model))
      files.writeCitations(edition.url, EDITION_FILES, edition.documents.map(record));
    await files.flush();
  });

  return {
    citeBox,
    rendered(doc) {
      if (!doc.url.endsWith("/")) return;
      files.writeCitations(doc.url, DOCUMENT_FILES, [record(doc)]);
    },
  };
}
