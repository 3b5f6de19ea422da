/**
 * The TEI export: each document's TEI is made from the tokens its HTML was rendered from, as the
 * page is rendered, and written beside the page; each edition's teiCorpus is assembled after the
 * build from those files.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import type { MarkKind } from "../markdown/marks.js";
import { EditionValidationError } from "../model/errors.js";
import type { EditionDocument, EditionModel } from "../model/edition.js";
import type { Options } from "../options.js";
import { TeiError } from "../tei/body.js";
import { teiCorpus, teiDocument } from "../tei/document.js";
import type { EleventyConfig } from "./config.js";

export const TEI_FILE = "document.xml";
export const CORPUS_FILE = "corpus.xml";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** The text of HTML the plugin made itself (no comments, scripts or unusual entities). */
export const htmlText = (html: string) =>
  html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] as string).replace(/\s+/g, " ").trim();

export interface TeiExport {
  /** Called as each page's Markdown is rendered. */
  rendered(env: Record<string, unknown>, marks: ReadonlySet<MarkKind>, tokens: Token[]): void;
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
  let pending: Promise<void>[] = [];
  // Each folder is made once a build, not once a file.
  let folders = new Map<string, Promise<unknown>>();
  const ensureDir = (dir: string) => {
    let made = folders.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      folders.set(dir, made);
    }
    return made;
  };
  config.on("eleventy.before", ({ directories, outputMode }) => {
    output = !options.tei || (outputMode && outputMode !== "fs") ? undefined : path.resolve(directories.output);
    pending = [];
    folders = new Map();
  });
  const absolute = (site: string) => (options.siteUrl ? `${options.siteUrl}${url(site)}` : url(site));
  const fileFor = (site: string, file: string) => {
    if (!output) return undefined;
    const target = path.resolve(output, `.${site}`, file);
    return target.startsWith(output + path.sep) ? target : undefined; // never outside the output folder
  };

  config.on("eleventy.after", async () => {
    await Promise.all(pending);
    const current = model();
    if (!current || !output) return;
    for (const edition of current.editions) {
      const target = fileFor(edition.url, CORPUS_FILE);
      if (!target) continue;
      const files = edition.documents.map((doc) => fileFor(doc.url, TEI_FILE)).filter((f): f is string => Boolean(f));
      const documents = await Promise.all(files.map((file) => readFile(file, "utf8")));
      await ensureDir(path.dirname(target));
      await writeFile(target, teiCorpus(edition, documents, { pageUrl: absolute(edition.url) }));
    }
  });

  return {
    rendered(env, marks, tokens) {
      if (!options.tei) return;
      const inputPath = (env.page as { inputPath?: string } | undefined)?.inputPath ?? "";
      const doc = model()?.byInputPath.get(inputPath);
      if (!doc || !doc.url.endsWith("/")) return;
      let tei: string;
      try {
        const sourceNote = sourceNoteHtml(doc);
        tei = teiDocument(doc, tokens, {
          labels: options.labels,
          locale: options.locale,
          pageUrl: absolute(doc.url),
          ...(doc.edition.registerUrl ? { registerUrl: absolute(doc.edition.registerUrl) } : {}),
          dateText: dateText(doc),
          ...(sourceNote ? { sourceNoteText: htmlText(sourceNote) } : {}),
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
      const target = fileFor(doc.url, TEI_FILE);
      if (target) pending.push(ensureDir(path.dirname(target)).then(() => writeFile(target, tei)));
    },
  };
}
