/** The adapter's citation part: filters, the cite box, head metadata, and the downloads (handed to the writing thread as pages render; each edition's after the build). */
import { bibtex, ris } from "../citation/export.js";
import { jsonLdHtml, metaTagsHtml } from "../citation/metadata.js";
import { citationRecord, type CslItem } from "../citation/record.js";
import { BUILT_IN_STYLES, formatCitation, isBuiltInStyle, type StyleInput } from "../citation/styles.js";
import type { Formatted } from "../citation/text.js";
import { EditionValidationError } from "../model/errors.js";
import type { Edition, EditionDocument } from "../model/edition.js";
import { documentId } from "../model/ids.js";
import type { Options } from "../options.js";
import { citeBoxHtml, DOWNLOADS } from "../render/cite.js";
import type { SafeHtml } from "../markup/html.js";
import type { AdapterContext } from "./context.js";
import type { Implementations } from "./template-api.js";

export type CustomFormatter = (item: CslItem, style: string, format: "html" | "text") => string;

/** Styles given as CSL files, formatted with citeproc-js through citation-js, which the site installs. */
export async function loadCslStyles(styles: Record<string, string>): Promise<CustomFormatter> {
  let core: {
    Cite: new (data: unknown) => { format(type: string, options: object): string };
    plugins: { config: { get(name: string): { styles: { add(n: string, xml: string): void } } } };
  };
  try {
    // The names are widened to string so that the compiler does not look for the packages' types:
    // citation-js is the site's to install, not the plugin's.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    core = (await import("@citation-js/core" as string)) as typeof core;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
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

/** The citation part of the adapter: what the document page prints, and the filters and shortcodes of citations. */
export interface CitationsPart {
  rendered(doc: EditionDocument): void;
  citeBox(doc: EditionDocument): SafeHtml;
  templates: Pick<Implementations, "cite" | "cslJson" | "bibtex" | "ris" | "citeBox" | "documentHeadMetadata">;
}

function checkStyles(options: Options): void {
  const unknown = options.citationStyles.filter((s) => !isBuiltInStyle(s) && !Object.hasOwn(options.cslStyles, s));
  if (!unknown.length) return;
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

export function installCitations(context: AdapterContext): CitationsPart {
  const { config, options, sideFiles: files } = context;
  checkStyles(options);
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
  const input = (doc: EditionDocument): StyleInput => {
    const pageUrl = context.absoluteUrl(doc.url);
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
  const citeBox = (doc: EditionDocument) => {
    const entries = options.citationStyles.map((style) => ({ style, label: label(style), citation: cite(doc, style) }));
    return citeBoxHtml(`${documentId(doc.id)}-`, entries, options.labels, doc.url.endsWith("/"), options.tei);
  };
  installDownloads(context, record);
  return {
    citeBox,
    rendered(doc) {
      if (!doc.url.endsWith("/")) return;
      files.writeCitations(doc.url, DOCUMENT_FILES, [record(doc)]);
    },
    templates: citationTemplates(context, cite, citeBox, record),
  };
}

/** The documents a citation filter is given: a document, an edition's, or a list. */
const documentsOf = (given: EditionDocument | Edition | EditionDocument[]): EditionDocument[] =>
  Array.isArray(given) ? given : "number" in given ? [given] : given.documents;

function citationTemplates(
  context: AdapterContext,
  cite: (doc: EditionDocument, style: string) => Formatted,
  citeBox: (doc: EditionDocument) => SafeHtml,
  record: (doc: EditionDocument) => CslItem,
): CitationsPart["templates"] {
  return {
    cite: (_call, doc, style = "archive", format = "html") => {
      const out = cite(doc, style);
      return format === "text" ? out.text : out.html;
    },
    cslJson: (_call, value) => JSON.stringify(documentsOf(value).map(record), null, 2),
    bibtex: (_call, value) =>
      documentsOf(value)
        .map((doc) => bibtex(record(doc)))
        .join("\n"),
    ris: (_call, value) =>
      documentsOf(value)
        .map((doc) => ris(record(doc)))
        .join(""),
    citeBox: (_call, doc) => citeBox(doc).value,
    documentHeadMetadata: (_call, doc) => {
      const pageUrl = context.absoluteUrl(doc.url);
      const editionUrl = context.absoluteUrl(doc.edition.url);
      const metadata = {
        ...(pageUrl ? { pageUrl } : {}),
        ...(editionUrl ? { editionUrl } : {}),
        locale: context.options.locale,
      };
      return metaTagsHtml(record(doc), doc, metadata).value + jsonLdHtml(record(doc), doc, metadata).value;
    },
  };
}

const EDITION_FILES: [string, string, string] = ["citations.bib", "citations.ris", "citations.json"];
const DOCUMENT_FILES = DOWNLOADS.slice(0, 3).map((d) => d.file) as [string, string, string];

/**
 * The downloads: each document's as its page renders, each edition's after the build; no template
 * of their own. The writing thread formats them from the records.
 */
function installDownloads(context: AdapterContext, record: (doc: EditionDocument) => CslItem): void {
  context.config.on("eleventy.after", async () => {
    const model = context.model();
    if (!model) return;
    for (const edition of context.editionsToWrite(model))
      context.sideFiles.writeCitations(edition.url, EDITION_FILES, edition.documents.map(record));
    await context.sideFiles.flush();
  });
}
