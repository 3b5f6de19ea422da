/** The adapter's citation part: filters, the cite box, head metadata, and the downloads (handed to the writing thread as pages render; each edition's after the build). */
import { bibtex, ris } from "../citation/export.js";
import { jsonLdHtml, metaTagsHtml } from "../citation/metadata.js";
import { Citations, unknownStyleProblems } from "../citation/citations.js";
import { loadCslStyles, type CustomFormatter } from "../citation/csl.js";
import type { CslItem } from "../citation/record.js";
import type { Formatted } from "../citation/text.js";
import { EditionValidationError } from "../model/errors.js";
import type { Edition, EditionDocument } from "../model/edition.js";
import { documentId } from "../model/ids.js";
import { citeBoxHtml, DOWNLOADS } from "../render/cite.js";
import type { SafeHtml } from "../markup/html.js";
import type { AdapterContext } from "./context.js";
import type { Implementations } from "./template-api.js";

/** The citation part of the adapter: what the document page prints, and the filters and shortcodes of citations. */
export interface CitationsPart {
  rendered(doc: EditionDocument): void;
  citeBox(doc: EditionDocument): SafeHtml;
  templates: Pick<Implementations, "cite" | "cslJson" | "bibtex" | "ris" | "citeBox" | "documentHeadMetadata">;
}

export function installCitations(context: AdapterContext): CitationsPart {
  const { config, options, sideFiles: files } = context;
  const unknown = unknownStyleProblems(options);
  if (unknown.length) throw new EditionValidationError(unknown, "the plugin options");
  let custom: CustomFormatter | undefined;
  config.on("eleventy.before", async () => {
    if (!custom && Object.keys(options.cslStyles).length) custom = await loadCslStyles(options.cslStyles);
  });
  const citations = new Citations(options, context.absoluteUrl, () => custom);
  const record = (doc: EditionDocument) => citations.record(doc);
  const citeBox = (doc: EditionDocument) =>
    citeBoxHtml(`${documentId(doc.id)}-`, citations.entries(doc), options.labels, doc.url.endsWith("/"), options.tei);
  installDownloads(context, record);
  return {
    citeBox,
    rendered(doc) {
      if (!doc.url.endsWith("/")) return;
      files.writeCitations(doc.url, DOCUMENT_FILES, [record(doc)]);
    },
    templates: citationTemplates(context, (doc, style) => citations.cite(doc, style), citeBox, record),
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
