/**
 * The TEI export: each document's TEI is made from the tokens its HTML was rendered from, as the
 * page is rendered, and written beside the page; each edition's teiCorpus is assembled after the
 * build from those files.
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import type { MarkKind } from "../markdown/marks.js";
import { EditionValidationError } from "../model/errors.js";
import type { EditionDocument, EditionModel } from "../model/edition.js";
import type { Options } from "../options.js";
import { textOfHtml } from "../render/html.js";
import { TeiError } from "../tei/body.js";
import { corpusMember, TEI_CORPUS_END, teiCorpusStart, teiDocument } from "../tei/document.js";
import type { EleventyConfig } from "./config.js";
import { outputFile } from "./output.js";

export const TEI_FILE = "document.xml";
export const CORPUS_FILE = "corpus.xml";

export interface TeiExport {
  /** Called as each document's Markdown is rendered. */
  rendered(doc: EditionDocument, marks: ReadonlySet<MarkKind>, tokens: Token[]): void;
}

export function installTei(
  config: EleventyConfig,
  options: Options,
  model: () => EditionModel | undefined,
  url: (path: string) => string,
  sourceNoteHtml: (doc: EditionDocument) => string | undefined,
  dateText: (doc: EditionDocument) => string,
): TeiExport {
  let output: string | undefined;
  // Each folder is made once a build, not once a file.
  let folders = new Set<string>();
  const ensureDir = (dir: string) => {
    if (folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    folders.add(dir);
  };
  config.on("eleventy.before", ({ directories, outputMode }) => {
    output = !options.tei || (outputMode && outputMode !== "fs") ? undefined : path.resolve(directories.output);
    folders = new Set();
  });
  const absolute = (site: string) => (options.siteUrl ? `${options.siteUrl}${url(site)}` : url(site));
  const fileFor = (site: string, file: string) => (output ? outputFile(output, site, file) : undefined);

  config.on("eleventy.after", async () => {
    const current = model();
    if (!current || !output) return;
    for (const edition of current.editions) {
      const target = fileFor(edition.url, CORPUS_FILE);
      if (!target) continue;
      const files = edition.documents.map((doc) => fileFor(doc.url, TEI_FILE)).filter((f): f is string => Boolean(f));
      // Streamed, one document after another: an edition of thousands of documents is never
      // held in memory whole, nor are thousands of files open at once.
      ensureDir(path.dirname(target));
      const corpus = createWriteStream(target);
      const write = async (text: string) => {
        if (!corpus.write(text)) await once(corpus, "drain");
      };
      await write(teiCorpusStart(edition, { pageUrl: absolute(edition.url) }));
      for (const file of files) await write(corpusMember(await readFile(file, "utf8")));
      corpus.end(TEI_CORPUS_END);
      await once(corpus, "finish");
    }
  });

  return {
    rendered(doc, marks, tokens) {
      if (!options.tei || !doc.url.endsWith("/")) return;
      let tei: string;
      try {
        const sourceNote = sourceNoteHtml(doc);
        tei = teiDocument(doc, tokens, {
          labels: options.labels,
          locale: options.locale,
          pageUrl: absolute(doc.url),
          ...(doc.edition.registerUrl ? { registerUrl: absolute(doc.edition.registerUrl) } : {}),
          dateText: dateText(doc),
          ...(sourceNote ? { sourceNoteText: textOfHtml(sourceNote) } : {}),
          marksUsed: marks,
        });
      } catch (error) {
        if (!(error instanceof TeiError)) throw error;
        throw new EditionValidationError(
          [{ file: doc.file, field: "text (TEI export)", value: error.found, expected: error.expected }],
          "a document's text",
          "the build failed",
        );
      }
      // Written now, as the page is rendered: holding every document's TEI until the end of the
      // build would hold the whole edition in memory, and writing them all at once would open
      // thousands of files.
      const target = fileFor(doc.url, TEI_FILE);
      if (target) {
        ensureDir(path.dirname(target));
        writeFileSync(target, tei);
      }
    },
  };
}
