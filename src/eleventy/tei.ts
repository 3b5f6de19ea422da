/**
 * The TEI export: each document's TEI is made from the tokens its HTML was rendered from, as the
 * page is rendered, and written beside the page; each edition's teiCorpus is assembled after the
 * build from those files.
 */
import type { teiSourceNote } from "../markdown/source-note.js";
import type { EditionDocument } from "../model/edition.js";
import {
  corpusItems,
  corpusMember,
  documentTei,
  introductionTei,
  TEI_CORPUS_END,
  teiCorpusStart,
} from "../tei/document.js";
import type { AdapterContext } from "./context.js";
import type { DocumentRecord, MarkdownPart } from "./markdown.js";
import { frontMatterLines } from "./source-lines.js";

export const TEI_FILE = "document.xml";
export const CORPUS_FILE = "corpus.xml";

export interface TeiExport {
  /** Called as each document's Markdown is rendered. */
  rendered(doc: EditionDocument, record: DocumentRecord): void;
}

export function installTei(
  context: AdapterContext,
  sourceNote: (doc: EditionDocument) => ReturnType<typeof teiSourceNote>,
  introduction: MarkdownPart["introduction"],
): TeiExport {
  const { config, options, sideFiles: files } = context;
  const absolute = (site: string) => context.absoluteUrl(site) ?? context.url(site);

  config.on("eleventy.after", async () => {
    const current = context.model();
    // Whether anything is written at all (not in a dry run or a JSON build) is the side files' to say.
    if (!current || !options.tei) return;
    // Each document's TEI written, the corpora are made from those files, on this thread while
    // the writing thread goes on with the citation files of the editions.
    await files.flush();
    for (const edition of context.editionsToWrite(current)) {
      const intro = (inputPath: string | undefined) =>
        introductionTei(inputPath ? introduction(inputPath) : undefined, edition, absolute);
      const items = corpusItems(
        edition,
        (doc) => doc.url.endsWith("/"),
        (part) => intro(part.inputPath),
      );
      const start = teiCorpusStart(edition, { pageUrl: absolute(edition.url), introduction: intro(edition.inputPath) });
      files.assemble(edition.url, CORPUS_FILE, start, items, TEI_FILE, corpusMember, TEI_CORPUS_END);
    }
  });

  return {
    rendered(doc, record) {
      if (!options.tei || !doc.url.endsWith("/")) return;
      const site = { ...options, absoluteUrl: absolute, sourceNote: sourceNote(doc) };
      const { tei, problem } = documentTei(doc, record, site, () => frontMatterLines(doc.inputPath));
      if (problem) return context.report(problem);
      // Queued now, as the page is rendered: holding every document's TEI until the end of the
      // build would hold the whole edition in memory.
      files.write(doc.url, TEI_FILE, tei);
    },
  };
}
