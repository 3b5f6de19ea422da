/**
 * eleventy-plugin-documentary-edition/core: the plugin's core as a library, without Eleventy. Reads
 * a site's (or one edition's) files from disk, checks them with the plugin's rules and messages,
 * and gives each document as the site publishes it: its HTML parts, its TEI and its citations.
 *
 * Built from the same pure pieces the adapter (src/eleventy) puts together, in the same way, so
 * that what it gives is byte for byte what a build writes (test/core.test.ts compares the two).
 * Nothing here imports Eleventy, directly or through another module.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { downloadFiles } from "./citation/export.js";
import { Citations, unknownStyleProblems } from "./citation/citations.js";
import { loadCslStyles } from "./citation/csl.js";
import { jsonLdHtml, metaTagsHtml } from "./citation/metadata.js";
import { citationRecord, type CslItem } from "./citation/record.js";
import { BUILT_IN_STYLES, isBuiltInStyle, type BuiltInStyle } from "./citation/styles.js";
import type { Formatted } from "./citation/text.js";
import { readEditionFiles, readRegister, registerSource, siteFolders, type SiteFolders } from "./core/read.js";
import { docIdOf, type EditionPath } from "./model/paths.js";
import { documentaryMarkdown } from "./markdown/index.js";
import { modelReferences } from "./markdown/references.js";
import { MARK_KINDS, type MarkKind, type MarkSyntaxError } from "./markdown/marks.js";
import { teiSourceNote } from "./markdown/source-note.js";
import { checkEditions, type Edition, type EditionDocument, type EditionModel } from "./model/edition.js";
import { EditionValidationError, formatProblem, type Problem } from "./model/errors.js";
import { documentId } from "./model/ids.js";
import { ProblemReport } from "./model/report.js";
import { buildSettings, resolveOptions, type Options, type UserOptions } from "./options.js";
import { citeBoxHtml } from "./render/cite.js";
import {
  dateHtml,
  documentArticleHtml,
  documentMetadataHtml,
  documentNavigationHtml,
  documentSearchHtml,
  editionContentsHtml,
  type RenderContext,
} from "./render/document.js";
import { markLegendHtml, markRenderer } from "./render/marks.js";
import { pageSourceNoteHtml } from "./render/notes.js";
import { memorandumSettings } from "./render/memorandum.js";
import { editionRegisterHtml } from "./render/register.js";
import { telegramHeaderHtml } from "./render/telegram.js";
import {
  corpusItems,
  corpusMember,
  documentTei,
  introductionTei,
  TEI_CORPUS_END,
  teiCorpusStart,
} from "./tei/document.js";

export type { Edition, EditionDocument, EditionModel, Register, RegisterEntry } from "./model/edition.js";
export type { DocumentDate } from "./model/date.js";
export type { Options, UserOptions, Labels } from "./options.js";
export type { Problem } from "./model/errors.js";
export type { CslItem } from "./citation/record.js";
export type { Formatted } from "./citation/text.js";
export type { MarkKind } from "./markdown/marks.js";
export type { SiteFolders } from "./core/read.js";
export { EditionValidationError, formatProblem } from "./model/errors.js";
export { BUILT_IN_STYLES } from "./citation/styles.js";
export type { BuiltInStyle } from "./citation/styles.js";
export { DEFAULT_DOCUMENT_TYPES, DEFAULT_LABELS, resolveOptions } from "./options.js";

export interface LoadOptions {
  /** The plugin's options, as the site passes them to `addPlugin` (checked the same way). */
  plugin?: UserOptions;
  /** The data folder, inside the input folder, as Eleventy's `dir.data`: "_data" by default. */
  dataDir?: string;
  /** Eleventy's `pathPrefix`, which the site's links start with: "/" by default. */
  pathPrefix?: string;
  /**
   * Whether every document's and introduction's text is rendered to find the mistakes in it
   * (marks, notes, what the TEI export cannot carry), as a build finds them: true by default.
   * Without, `problems` holds those of front matter and the register only.
   */
  checkText?: boolean;
}

/** A site's editions, read and checked: what `renderDocument` and `renderEdition` are given. */
export interface LoadedEdition {
  /** Eleventy's input folder, the editions folder, the data folder (absolute), and the edition read alone, if one was. */
  folders: SiteFolders;
  /** The plugin's options, defaults filled in. */
  options: Options;
  /** The editions and their documents that passed, numbered and in order, as the site's templates see them. */
  model: EditionModel;
  /**
   * Every problem a build of the site would report, in its order and words (see `formatProblem`,
   * or `new EditionValidationError(problems).message` for the whole message). Paths are relative
   * to the working folder, as the build prints them.
   */
  problems: Problem[];
  /** A document by its id ("talks/cable"), its file ("editions/talks/cable.md") or its URL. */
  document: (ref: string) => EditionDocument | undefined;
  /** An edition by its folder's name ("talks"). */
  edition: (slug: string) => Edition | undefined;
}

/** A document's HTML, each part as the plugin's shortcode of the same name gives it. */
export interface DocumentHtml {
  /** The whole article, as the default document layout prints it (`{% documentArticle %}`). */
  article: string;
  /** The text as Markdown renders it: its telegram header where it places it, its notes and source note. */
  text: string;
  /** `{% telegramHeader %}`: the received-telegram header, empty where the document has none. */
  telegramHeader: string;
  /** `{% transcriptionLegend %}`: the legend of the transcription marks the text uses. */
  markLegend: string;
  /** `{% documentMetadata %}`: the record, as a definition list. */
  metadata: string;
  /** `{% citeBox %}`: the citations in the site's styles and the download links. */
  citeBox: string;
  /** `{% documentNavigation %}`: previous and next document. */
  navigation: string;
  /** `{% documentSearch %}`: what Pagefind reads beside the text. */
  search: string;
  /** `{% documentTime %}`: the date, in a `<time>` element. */
  date: string;
  /** `{% documentHeadMetadata %}`: Highwire and Dublin Core meta tags, and JSON-LD, for the page's head. */
  head: string;
}

export interface DocumentCitations {
  /** The CSL-JSON record every style and export is made from. */
  record: CslItem;
  /** The citation in each built-in style, and in each style of the option `cslStyles`, as HTML and as text. */
  styles: Record<BuiltInStyle, Formatted> & Partial<Record<string, Formatted>>;
  /** The files the site writes beside the page: citation.bib, citation.ris, citation.json. */
  bibtex: string;
  ris: string;
  cslJson: string;
}

export interface RenderedDocument {
  document: EditionDocument;
  html: DocumentHtml;
  /**
   * The document as a TEI P5 file (the site's document.xml), whatever the option `tei` says;
   * undefined where its text cannot be exported (see problems).
   */
  tei: string | undefined;
  citations: DocumentCitations;
  /** The transcription marks its text uses. */
  marks: MarkKind[];
  /** The mistakes found in its text as it was rendered (none for a document the build accepts). */
  problems: Problem[];
}

export interface RenderedEdition {
  edition: Edition;
  /** The introduction (the body of its index.md) rendered, empty where it has none. */
  introduction: string;
  /** `{% editionContents %}`: the table of contents. */
  contents: string;
  /** `{% editionRegister %}`: the register page's sections, empty where the edition uses no register entry. */
  register: string;
  /** The teiCorpus of its documents (the site's corpus.xml). */
  tei: string;
  /** The files of every document's record: citations.bib, citations.ris, citations.json. */
  citations: { bibtex: string; ris: string; cslJson: string };
  problems: Problem[];
}

/** What a loaded edition keeps for rendering, out of the caller's sight. */
interface Internals {
  md: MarkdownIt;
  where: Map<string, EditionPath>;
  /** Each page's Markdown text, and how many lines of its file precede it, by its inputPath. */
  texts: Map<string, { file: string; text: string; offset: number }>;
  citations: Citations;
  context: RenderContext;
  url: (site: string) => string;
  absolute: (site: string) => string;
}
const internals = new WeakMap<LoadedEdition, Internals>();

/** The environment one render of a page runs in, and what it found. */
interface PageEnv {
  page: { inputPath: string };
  /** The file, as messages name it, and how many lines of it precede the text. */
  file: string;
  offset: number;
  marks?: ReadonlySet<MarkKind>;
  tokens?: Token[];
  problems: Problem[];
}

const NO_MARKS: ReadonlySet<MarkKind> = new Set();

/** Eleventy's markdown-it, as it makes it (HTML allowed, indented code off), with the plugin's setup on it. */
function markdownFor(
  options: Options,
  where: Map<string, EditionPath>,
  model: () => EditionModel,
  url: (site: string) => string,
): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  md.disable("code");
  const pageOf = (env: Record<string, unknown>) => (env as unknown as PageEnv).page.inputPath;
  const documentOf = (env: Record<string, unknown>) => model().byInputPath.get(pageOf(env));
  documentaryMarkdown(md, {
    docIdFor: (env) => {
      const place = where.get(pageOf(env));
      return place ? docIdOf(place) : undefined;
    },
    marks: markRenderer(options.labels, (env) => {
      const registerUrl = (documentOf(env)?.edition ?? model().editionsByInputPath.get(pageOf(env)))?.registerUrl;
      return registerUrl && url(registerUrl);
    }),
    references: modelReferences(
      model,
      (env) => documentOf(env)?.edition ?? model().editionsByInputPath.get(pageOf(env)),
      { ...options, url },
    ),
    notes: {
      labels: options.labels,
      sourceNote: (env) => {
        const doc = documentOf(env);
        return (
          doc &&
          pageSourceNoteHtml(md, doc, options, env, (found) => (env as unknown as PageEnv).problems.push(...found))
        );
      },
      numberSourceNote: (env) => documentOf(env)?.edition.numberSourceNote ?? false,
    },
    ...memorandumSettings(md, {
      options,
      documentOf,
      register: () => model().register,
      url,
      report: (env, found) => (env as unknown as PageEnv).problems.push(...found),
    }),
    rendered: (env, marks, tokens) => {
      Object.assign(env, { marks, tokens });
    },
    problems: (env, problems) => {
      const page = env as unknown as PageEnv;
      page.problems.push(...problems.map((problem) => problemInText(page, problem)));
    },
  });
  return md;
}

/** A mistake in a page's text, as the adapter reports it (src/eleventy/source-lines.ts, textProblem): its line in the file. */
function problemInText(page: PageEnv, error: MarkSyntaxError): Problem {
  return { file: page.file, field: `line ${error.line + page.offset}`, value: error.found, expected: error.expected };
}

/**
 * Reads and checks a site's editions: `folder` is the site's input folder (the one holding
 * `editions/` and `_data/`), its `editions/` folder, or one edition's folder (`editions/talks`),
 * read alone. Resolves to the
 * model and every problem a build would report; throws, as the plugin does, an
 * EditionValidationError for bad plugin options, and an Error where `folder` is neither.
 */
export async function loadEdition(folder: string, options: LoadOptions = {}): Promise<LoadedEdition> {
  const resolved = resolveOptions(options.plugin ?? {});
  const bad = unknownStyleProblems(resolved);
  if (bad.length) throw new EditionValidationError(bad, "the plugin options");
  const folders = siteFolders(folder, resolved.editionsDir, options.dataDir);
  if (!folders) {
    throw new Error(
      `[documentary-edition] ${folder}: expected a site's folder (holding ${resolved.editionsDir}/), its ${resolved.editionsDir}/ folder, or an edition's folder (inside it)`,
    );
  }
  const custom = Object.keys(resolved.cslStyles).length ? await loadCslStyles(resolved.cslStyles) : undefined;
  const read = readEditionFiles(folders, resolved.editionsDir, resolved.numberedUrls);
  const register = readRegister(folders, resolved.registerData);
  const settings = buildSettings(resolved, registerSource(folders, resolved.registerData));
  const { problems: found, ...model } = checkEditions(read.documents, read.indexes, register.data, settings);

  const prefix = `/${(options.pathPrefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const url = (site: string) => (site.startsWith("/") ? prefix + site.slice(1) : site);
  const absolute = (site: string) => (resolved.siteUrl ? `${resolved.siteUrl}${url(site)}` : url(site));
  const byRef = new Map<string, EditionDocument>();
  for (const doc of model.documents) for (const ref of [doc.id, doc.file, doc.url, doc.inputPath]) byRef.set(ref, doc);
  const loaded: LoadedEdition = {
    folders,
    options: resolved,
    model,
    problems: [],
    document: (ref) => byRef.get(ref),
    edition: (slug) => model.editions.find((edition) => edition.slug === slug),
  };
  internals.set(loaded, {
    md: markdownFor(resolved, read.where, () => model, url),
    where: read.where,
    texts: new Map(
      [...read.documents, ...read.indexes].map((file) => [
        file.inputPath,
        { file: file.file, text: file.text ?? "", offset: file.bodyOffset?.() ?? 0 },
      ]),
    ),
    citations: new Citations(
      resolved,
      (site) => (resolved.siteUrl ? absolute(site) : undefined),
      () => custom,
    ),
    url,
    absolute,
    context: { locale: resolved.locale, labels: resolved.labels, register: model.register, url },
  });
  // Every problem, as the build's report gives them: one each, files in the order of their names.
  const report = new ProblemReport();
  report.add(...read.problems, ...register.problems, ...found);
  if (options.checkText ?? true) report.add(...textProblems(loaded));
  loaded.problems = report.sorted();
  return loaded;
}

/** The mistakes in every page's text, and what the TEI cannot carry, as a build finds them by rendering. */
function textProblems(loaded: LoadedEdition): Problem[] {
  const problems: Problem[] = [];
  for (const inputPath of internalsOf(loaded).texts.keys()) {
    const page = renderText(loaded, inputPath);
    problems.push(...page.problems);
    const doc = loaded.model.byInputPath.get(inputPath);
    // The build exports TEI only where a document has a page of its own to put it beside.
    if (doc && loaded.options.tei && doc.url.endsWith("/")) problems.push(...teiOf(loaded, doc, page).problems);
  }
  return problems;
}

function internalsOf(loaded: LoadedEdition): Internals {
  const found = internals.get(loaded);
  if (!found) throw new TypeError("[documentary-edition] expected an edition as loadEdition gives it");
  return found;
}

/** One page's Markdown rendered as the site renders it. */
function renderText(loaded: LoadedEdition, inputPath: string) {
  const { md, texts } = internalsOf(loaded);
  const { file, text, offset } = texts.get(inputPath) ?? { file: inputPath, text: "", offset: 0 };
  const env: PageEnv = { page: { inputPath }, file, offset, problems: [] };
  const html = md.render(text, env);
  return { html, marks: env.marks ?? NO_MARKS, tokens: env.tokens ?? [], problems: env.problems };
}

/** The document's TEI from the tokens its HTML was rendered from, as the adapter makes it. */
function teiOf(
  loaded: LoadedEdition,
  doc: EditionDocument,
  page: { marks: ReadonlySet<MarkKind>; tokens: Token[] },
): { tei: string | undefined; problems: Problem[] } {
  const { md, absolute, texts } = internalsOf(loaded);
  const { options } = loaded;
  const site = { ...options, absoluteUrl: absolute, sourceNote: teiSourceNote(md, doc, options) };
  const { tei, problem } = documentTei(doc, page, site, () => texts.get(doc.inputPath)?.offset ?? 0);
  return { tei, problems: problem ? [problem] : [] };
}

function lookUp<T>(value: T | string, find: (ref: string) => T | undefined, what: string): T {
  if (typeof value !== "string") return value;
  const found = find(value);
  if (!found) throw new Error(`[documentary-edition] no ${what} "${value}" in the edition`);
  return found;
}

/**
 * A document as the site publishes it: its HTML parts, its TEI and its citations. `doc` is one of
 * `loaded.model.documents`, or its id, file or URL.
 */
export function renderDocument(loaded: LoadedEdition, doc: EditionDocument | string): RenderedDocument {
  const document = lookUp(doc, loaded.document, "document");
  const { context, citations, absolute } = internalsOf(loaded);
  const { options } = loaded;
  const page = renderText(loaded, document.inputPath);
  const tei = teiOf(loaded, document, page);

  const record = citations.record(document);
  const styles = {} as DocumentCitations["styles"];
  for (const style of Object.keys(BUILT_IN_STYLES))
    if (isBuiltInStyle(style)) styles[style] = citations.cite(document, style);
  for (const style of Object.keys(options.cslStyles)) styles[style] = citations.cite(document, style);
  const citeBox = citeBoxHtml(
    `${documentId(document.id)}-`,
    citations.entries(document),
    options.labels,
    document.url.endsWith("/"),
    options.tei,
  );

  const telegramHeader = telegramHeaderHtml(document.telegram, options.labels);
  const markLegend = markLegendHtml(page.marks, options.labels);
  const article = documentArticleHtml(document, { content: page.html, telegramHeader, markLegend, citeBox }, context);
  const headContext = {
    ...(options.siteUrl ? { pageUrl: absolute(document.url), editionUrl: absolute(document.edition.url) } : {}),
    locale: options.locale,
  };
  const [bibtex, ris, cslJson] = downloadFiles([record]);
  return {
    document,
    html: {
      article: article.value,
      text: page.html,
      telegramHeader: telegramHeader.value,
      markLegend: markLegend.value,
      metadata: documentMetadataHtml(document, context).value,
      citeBox: citeBox.value,
      navigation: documentNavigationHtml(document, context).value,
      search: documentSearchHtml(document, context).value,
      date: dateHtml(document.date, context).value,
      head: metaTagsHtml(record, document, headContext).value + jsonLdHtml(record, document, headContext).value,
    },
    tei: tei.tei,
    citations: { record, styles, bibtex, ris, cslJson },
    marks: MARK_KINDS.filter((kind) => page.marks.has(kind)),
    problems: unique([...page.problems, ...tei.problems]),
  };
}

/**
 * An edition as the site publishes it: its introduction, contents and register, its documents'
 * teiCorpus and its citation files. `edition` is one of `loaded.model.editions`, or its folder's name.
 */
export function renderEdition(loaded: LoadedEdition, edition: Edition | string): RenderedEdition {
  const found = lookUp(edition, loaded.edition, "edition");
  const { context, absolute } = internalsOf(loaded);
  const introduction = found.inputPath ? renderText(loaded, found.inputPath) : undefined;
  const problems = [...(introduction?.problems ?? [])];
  // The corpus holds the documents whose TEI the site writes: those with a page of their own, and
  // the edition's and its parts' introductions, as the adapter writes them.
  const intro = (inputPath: string | undefined, rendered = inputPath ? renderText(loaded, inputPath) : undefined) => {
    const where = inputPath ? internalsOf(loaded).where.get(inputPath) : undefined;
    return introductionTei(rendered && where && { tokens: rendered.tokens, idPrefix: docIdOf(where) }, found, absolute);
  };
  let tei = teiCorpusStart(found, { pageUrl: absolute(found.url), introduction: intro(found.inputPath, introduction) });
  const byUrl = new Map(found.documents.map((doc) => [doc.url, doc]));
  for (const item of corpusItems(
    found,
    (doc) => doc.url.endsWith("/"),
    (part) => intro(part.inputPath),
  )) {
    if ("text" in item) {
      tei += item.text;
      continue;
    }
    const doc = byUrl.get(item.member) as EditionDocument;
    const made = teiOf(loaded, doc, renderText(loaded, doc.inputPath));
    problems.push(...made.problems);
    if (made.tei) tei += corpusMember(made.tei);
  }
  const [bibtex, ris, cslJson] = downloadFiles(found.documents.map(citationRecord));
  return {
    edition: found,
    introduction: introduction?.html ?? "",
    contents: editionContentsHtml(found, context).value,
    register: editionRegisterHtml(found, context).value,
    tei: tei + TEI_CORPUS_END,
    citations: { bibtex, ris, cslJson },
    problems: unique(problems),
  };
}

/** Each problem once (a source note's is found both as the page and as its TEI is made). */
const unique = (problems: Problem[]) => [...new Map(problems.map((p) => [formatProblem(p), p])).values()];

/** The problems as the build prints them: one message, a line each. Empty where there are none. */
export function problemsMessage(problems: readonly Problem[]): string {
  return problems.length ? new EditionValidationError([...problems]).message : "";
}
