/**
 * The adapter's Markdown part: the plugin's markdown-it setup on Eleventy's Markdown library, and
 * each document's record as its text is rendered (the marks it uses, its tokens), which the
 * TEI, the citation files and the page's legend are made from.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { documentaryMarkdown } from "../markdown/index.js";
import { modelReferences } from "../markdown/references.js";
import type { MarkKind } from "../markdown/marks.js";
import type { EditionDocument } from "../model/edition.js";
import type { Telegram } from "../model/telegram.js";
import { markRenderer } from "../render/marks.js";
import { pageSourceNoteHtml } from "../render/notes.js";
import { teiSourceNote } from "../markdown/source-note.js";
import type { AdapterContext } from "./context.js";
import { docIdOf, type Classify } from "../model/paths.js";
import { textProblem } from "./source-lines.js";
import { memorandumSettings } from "../render/memorandum.js";

export const inputPathOf = (page: unknown) =>
  typeof page === "string" ? page : ((page as { inputPath?: string } | undefined)?.inputPath ?? "");

/** What rendering a document's text tells of it, for its TEI, its citation files and its page. */
export interface DocumentRecord {
  /** The transcription marks its text uses. */
  marks: ReadonlySet<MarkKind>;
  /** The tokens its HTML was rendered from. */
  tokens: Token[];
  /** The telegram headers its text places by hand ({% telegramHeader %}), by the token holding each, with the fields printed there. */
  placedTelegrams: ReadonlyMap<Token, Telegram | undefined>;
}

export interface MarkdownPart {
  /** The source note of a document, as text with its label, for its TEI. */
  sourceNote: (doc: EditionDocument) => ReturnType<typeof teiSourceNote>;
  /** The transcription marks a page's text used, known once its text is rendered. */
  marksUsed: (inputPath: string) => ReadonlySet<MarkKind> | undefined;
  /** Whether a page's text places its telegram header by hand. */
  placesTelegram: (inputPath: string) => boolean;
  /** Told by the telegram header shortcode what it printed on a page, so that its text's record can say where. */
  printedTelegram: (inputPath: string, html: string, telegram: Telegram | undefined) => void;
  /** An edition's or part's introduction (its index.md's text) as rendered: its tokens and the id its page gives its ids. */
  introduction: (inputPath: string) => { tokens: Token[]; idPrefix: string } | undefined;
}

/** Told as each document's text is rendered, with its record. */
export type Rendered = (doc: EditionDocument, record: DocumentRecord) => void;

/**
 * The headers printed by the shortcode in a text's Markdown, each found as the HTML block that
 * starts with it: the shortcode runs as the Markdown's template is rendered, before Markdown.
 */
function placedTelegrams(
  tokens: readonly Token[],
  printed: readonly { html: string; telegram: Telegram | undefined }[],
): Map<Token, Telegram | undefined> {
  const placed = new Map<Token, Telegram | undefined>();
  for (const token of tokens) {
    if (token.type !== "html_block") continue;
    const header = printed.find(({ html }) => html && token.content.startsWith(html));
    if (header) placed.set(token, header.telegram);
  }
  return placed;
}

/**
 * What each page's text told of itself as it was rendered, kept for its layout: the marks it uses
 * and whether it places its telegram header by hand.
 */
class TextRecords {
  readonly #marks = new Map<string, ReadonlySet<MarkKind>>();
  readonly #placing = new Set<string>();
  // Headers printed in a text not yet rendered this build; one printed by a layout, after its
  // page's text, is no part of the text and is not kept.
  readonly #printed = new Map<string, { html: string; telegram: Telegram | undefined }[]>();
  readonly #renderedThisBuild = new Set<string>();

  start(): void {
    this.#printed.clear();
    this.#renderedThisBuild.clear();
  }

  printed(inputPath: string, html: string, telegram: Telegram | undefined): void {
    if (this.#renderedThisBuild.has(inputPath)) return;
    const list = this.#printed.get(inputPath) ?? [];
    list.push({ html, telegram });
    this.#printed.set(inputPath, list);
  }

  /** A page's text rendered: the telegram headers it places, by the token holding each. */
  rendered(
    inputPath: string,
    marks: ReadonlySet<MarkKind>,
    tokens: readonly Token[],
  ): Map<Token, Telegram | undefined> {
    this.#renderedThisBuild.add(inputPath);
    this.#marks.set(inputPath, marks);
    const placed = placedTelegrams(tokens, this.#printed.get(inputPath) ?? []);
    this.#printed.delete(inputPath);
    if (placed.size) this.#placing.add(inputPath);
    else this.#placing.delete(inputPath);
    return placed;
  }

  marks(inputPath: string): ReadonlySet<MarkKind> | undefined {
    return this.#marks.get(inputPath);
  }

  placesTelegram(inputPath: string): boolean {
    return this.#placing.has(inputPath);
  }
}

/**
 * The introductions (edition and part index files) as rendered, for the corpus's TEI. Kept from
 * build to build: an incremental build may assemble a corpus without rendering its index again.
 */
function introductionRecords(classify: () => Classify) {
  const records = new Map<string, { tokens: Token[]; idPrefix: string }>();
  return {
    record(inputPath: string, tokens: Token[]) {
      const where = classify()(inputPath);
      if (where?.kind === "index") records.set(inputPath, { tokens, idPrefix: docIdOf(where) });
    },
    get: (inputPath: string) => records.get(inputPath),
  };
}

export function installMarkdown(
  context: AdapterContext,
  classify: () => Classify,
  rendered: () => Rendered,
): MarkdownPart {
  const { config, options, model } = context;
  const documentOfEnv = (env: Record<string, unknown>) => model()?.byInputPath.get(inputPathOf(env.page));
  const records = new TextRecords();
  const introductions = introductionRecords(classify);
  config.on("eleventy.before", () => records.start());

  let markdownLib: MarkdownIt | undefined;
  config.amendLibrary("md", (md) => {
    markdownLib = md;
    documentaryMarkdown(md, {
      // A document's ids, and its edition introduction's, are prefixed with its own id.
      docIdFor: (env) => {
        const where = classify()(inputPathOf(env.page));
        return where ? docIdOf(where) : undefined;
      },
      marks: markRenderer(options.labels, (env) => {
        const inputPath = inputPathOf(env.page);
        const registerUrl = (documentOfEnv(env)?.edition ?? model()?.editionsByInputPath.get(inputPath))?.registerUrl;
        return registerUrl && context.url(registerUrl);
      }),
      references: modelReferences(
        model,
        (env) => documentOfEnv(env)?.edition ?? model()?.editionsByInputPath.get(inputPathOf(env.page)),
        { ...options, url: context.url, others: context.otherEditions },
      ),
      notes: {
        labels: options.labels,
        sourceNote: (env) =>
          withDocument(documentOfEnv(env), (doc) =>
            pageSourceNoteHtml(md, doc, options, env, (problems) => problems.forEach(context.report)),
          ),
        numberSourceNote: (env) => documentOfEnv(env)?.edition.numberSourceNote ?? false,
      },
      rendered: (env, marks, tokens) => {
        introductions.record(inputPathOf(env.page), tokens);
        const placedTelegrams = records.rendered(inputPathOf(env.page), marks, tokens);
        withDocument(documentOfEnv(env), (doc) => rendered()(doc, { marks, tokens, placedTelegrams }));
      },
      ...memorandumSettings(md, {
        options,
        documentOf: documentOfEnv,
        register: () => model()?.register ?? {},
        url: context.url,
        report: (_env, problems) => problems.forEach(context.report),
      }),
      problems: (env, problems) => problems.forEach((p) => context.report(textProblem(inputPathOf(env.page), p))),
    });
  });

  return {
    sourceNote: (doc) => (markdownLib ? teiSourceNote(markdownLib, doc, options) : undefined),
    marksUsed: (inputPath) => records.marks(inputPath),
    placesTelegram: (inputPath) => records.placesTelegram(inputPath),
    printedTelegram: (inputPath, html, telegram) => records.printed(inputPath, html, telegram),
    introduction: introductions.get,
  };
}

/** `then` of the page's document, where the page is a document's (not an introduction's). */
const withDocument = <T>(doc: EditionDocument | undefined, then: (doc: EditionDocument) => T): T | undefined =>
  doc && then(doc);
