/** The adapter: wires the core into Eleventy's collections, filters, shortcodes and templates. */
import { existsSync } from "node:fs";
import path from "node:path";
import { toJsDate, parseDateValue } from "../model/date.js";
import {
  checkEditions,
  type EditionDocument,
  type EditionModel,
  type Register,
  type SourceFile,
} from "../model/edition.js";
import { documentaryMarkdown } from "../markdown/index.js";
import type MarkdownIt from "markdown-it";
import type { Options } from "../options.js";
import {
  dateHtml,
  dateText,
  documentArticleHtml,
  documentSearchHtml,
  documentMetadataHtml,
  documentNavigationHtml,
  editionContentsHtml,
  editionListHtml,
  type RenderContext,
} from "../render/document.js";
import { languageName } from "../model/language.js";
import { TEXT_PROBLEMS, type MarkKind, type MarkSyntaxError } from "../markdown/marks.js";
import { markLegendHtml, markRenderer } from "../render/marks.js";
import { sourceNoteHtml } from "../render/notes.js";
import { escapeHtml } from "../markup/html.js";
import { applyOverrides, telegramHeaderHtml, telegramHeadingText } from "../render/telegram.js";
import { argumentOf, frontMatterLines, textProblem, telegramArguments } from "./text.js";
import { BuildReport } from "./report.js";
import { ServeReport } from "./serve-report.js";
import { editionRegisterHtml } from "../render/register.js";
import type { CollectionApi, EleventyConfig } from "./config.js";
import { readDocumentDatesAsWritten } from "./front-matter.js";
import { installCitations } from "./citations.js";
import { installTei } from "./tei.js";
import { SideFiles } from "./side-files.js";
import { EditionChanges } from "./changes.js";
import { installBrowsing } from "./browse.js";
import { installSearch, SEARCH_SCRIPT_URL } from "./search.js";
import { addDefaultLayouts, addEditionPages, addHomePage, addRegisterPages } from "./layouts.js";
import { docIdOf, editionPaths, normaliseDir, type Classify } from "./paths.js";

const STYLESHEET_URL = "/documentary-edition/edition.css";
const SCRIPT_URL = "/documentary-edition/cite.js";

export function installPlugin(config: EleventyConfig, options: Options): void {
  // The folders are final only once the build starts: a config may set them after addPlugin.
  let classify: Classify = editionPaths(config.directories.input, options.editionsDir);
  let model: EditionModel | undefined;
  let register: Register = {};
  let pathPrefix: string | undefined;

  // TEI and citation downloads, written beside the pages (not in a dry run or a JSON build).
  const sideFiles = new SideFiles();
  // The editions whose own files (TEI corpus, citation files) a build writes again.
  const changes = new EditionChanges();
  const editionsToWrite = (current: EditionModel) => changes.changed(current);
  // Whether the site has its own header and footer partials, looked up once a build (an include
  // that may be missing is otherwise looked for on disk on every page).
  const siteParts = { header: false, footer: false };
  // Every problem of the build, reported at once before any page is written.
  const report = new BuildReport();
  // While served, a failed build's report in the browser.
  const served = new ServeReport();
  served.install(config);
  let watching = false;

  config.on("eleventy.before", ({ directories, outputMode, runMode }) => {
    classify = editionPaths(directories.input, options.editionsDir);
    model = undefined;
    pathPrefix = undefined;
    report.start();
    served.serving = runMode === "serve";
    served.clear();
    watching = runMode === "serve" || runMode === "watch";
    sideFiles.start(outputMode && outputMode !== "fs" ? undefined : directories.output);
    changes.start();
    const partial = (name: string) =>
      [directories.includes, "."].some((dir) => existsSync(path.join(dir, "documentary-edition", name)));
    siteParts.header = partial("site-header.njk");
    siteParts.footer = partial("site-footer.njk");
  });

  function buildModel(api: CollectionApi): EditionModel {
    if (model) return model;
    const documents: SourceFile[] = [];
    const indexes: SourceFile[] = [];
    for (const item of api.getAll()) {
      const where = classify(item.inputPath);
      if (!where) continue;
      const rawInput = (item.data.page as { rawInput?: unknown } | undefined)?.rawInput;
      const source: SourceFile = {
        ...where,
        inputPath: item.inputPath,
        url: item.url || "",
        data: item.data,
        frontMatterKeys: frontMatterKeys(item.inputPath),
        ...(typeof rawInput === "string" ? { text: rawInput } : {}),
        bodyOffset: () => frontMatterLines(item.inputPath),
      };
      (where.kind === "index" ? indexes : documents).push(source);
    }
    const first = documents[0] ?? indexes[0];
    const editionsUrl = "/" + normaliseDir(options.editionsDir);
    const checked = checkEditions(documents, indexes, first?.data[options.registerData], {
      documentTypes: options.documentTypes,
      precedences: options.precedences,
      classifications: options.classifications,
      fields: options.fields,
      editionUrl: (slug) => `${editionsUrl}${encodeURIComponent(slug)}/`,
      registerSource: `${normaliseDir(config.directories.data)}${options.registerData}`,
    });
    report.add(...checked.problems);
    model = checked;
    register = model.register;
    return model;
  }

  // Eleventy renders every page's content, then writes the pages; this comes between the two.
  config.on("eleventy.layouts", () => {
    const error = report.error(watching ? (message) => console.error(message) : undefined);
    sideFiles.endStaging(!error);
    if (!error) return;
    served.failed(error.problems);
    throw error;
  });
  // Where Eleventy renders no content (an incremental build of one template may not), the drafts
  // are put in place before the files of the editions are made from them.
  config.on("eleventy.after", () => sideFiles.endStaging(true));

  config.addCollection("editions", (api) => buildModel(api).editions);
  config.addCollection("documents", (api) => buildModel(api).documents);

  // Documents and edition index files get their layout without the editor writing one.
  config.addGlobalData("eleventyComputed", {
    layout: (data: { layout?: string; page?: { inputPath?: string } }) => {
      if (data.layout) return data.layout;
      const where = classify(data.page?.inputPath);
      return where ? options.layouts[where.kind === "index" ? "edition" : "document"] : undefined;
    },
  });

  const frontMatterKeys = readDocumentDatesAsWritten(config, (filePath) => classify(filePath)?.kind);

  // Eleventy would stop on a partial date such as "1979-04" in one document; the model reports
  // every bad date in the edition at once instead, so give Eleventy a date it can keep.
  config.addDateParsing(function (value) {
    if (classify(this.page.inputPath)?.kind !== "document") return undefined;
    const date = parseDateValue(value);
    return date ? toJsDate(date) : new Date(0);
  });

  // Site links get the path prefix as Eleventy's `url` filter gives it; the filter is asked once
  // per build (it is slow: it tries every URL as an absolute one first).
  const url = (site: string) => {
    pathPrefix ??= String(config.getFilter("url")("/"));
    return site.startsWith("/") ? pathPrefix + site.slice(1) : site;
  };
  config.addFilter("prefixUrl", (site: unknown) => url(String(site ?? "")));

  const inputPathOf = (page: unknown) =>
    typeof page === "string" ? page : ((page as { inputPath?: string } | undefined)?.inputPath ?? "");
  const documentOfEnv = (env: Record<string, unknown>) => model?.byInputPath.get(inputPathOf(env.page));

  // The source note of a document, for its page and its TEI alike: the editor's own (Markdown,
  // rendered apart from the document's footnotes, which would otherwise be appended to it), or
  // the one built from its record.
  let markdownLib: MarkdownIt | undefined;
  const sourceNoteFor = (doc: EditionDocument, env: Record<string, unknown> = {}): string | undefined => {
    if (!doc.sourceNote || !markdownLib) return sourceNoteHtml(doc, options)?.value;
    const problems: MarkSyntaxError[] = [];
    const own = Object.assign(Object.create(env) as Record<string | symbol, unknown>, {
      footnotes: undefined,
      [TEXT_PROBLEMS]: problems,
    });
    const note = markdownLib.renderInline(doc.sourceNote, own);
    report.add(...problems.map((p) => ({ file: doc.file, field: "sourceNote", value: p.found, expected: p.expected })));
    return `<span class="de-note-kind">${escapeHtml(options.labels.sourceNote)}</span> ${note}`;
  };

  const tei = installTei(
    config,
    options,
    () => model,
    url,
    sideFiles,
    editionsToWrite,
    sourceNoteFor,
    (doc) => dateText(doc.date, context()),
    (problem) => report.add(problem),
  );

  // The transcription marks each page used, noted as its text is rendered (before its layout).
  const marksUsed = new Map<string, ReadonlySet<MarkKind>>();
  config.amendLibrary("md", (md: MarkdownIt) => {
    markdownLib = md;
    documentaryMarkdown(md, {
      // A document's ids, and its edition introduction's, are prefixed with its own id.
      docIdFor: (env) => {
        const where = classify(inputPathOf(env.page));
        return where ? docIdOf(where) : undefined;
      },
      marks: markRenderer(options.labels, (env) => {
        const registerUrl = (documentOfEnv(env)?.edition ?? model?.editionsByInputPath.get(inputPathOf(env.page)))
          ?.registerUrl;
        return registerUrl && url(registerUrl);
      }),
      notes: {
        labels: options.labels,
        sourceNote: (env) => {
          const doc = documentOfEnv(env);
          return doc && sourceNoteFor(doc, env);
        },
      },
      rendered: (env, marks, tokens) => {
        marksUsed.set(inputPathOf(env.page), marks);
        const doc = documentOfEnv(env);
        if (doc) {
          changes.rendered(doc);
          tei.rendered(doc, marks, tokens);
          citations.rendered(doc);
        }
      },
      problems: (env, problems) => {
        const inputPath = inputPathOf(env.page);
        report.add(...problems.map((problem) => textProblem(inputPath, problem)));
      },
    });
  });

  // Frozen: Eleventy deep-copies unfrozen global data into every page's data.
  config.addGlobalData(
    "documentaryEdition",
    Object.freeze({
      siteParts,
      locale: options.locale,
      labels: Object.freeze({ ...options.labels }),
      layouts: Object.freeze({ ...options.layouts }),
      stylesheet: options.stylesheet ? STYLESHEET_URL : false,
      script: SCRIPT_URL,
      searchScript: SEARCH_SCRIPT_URL,
      tei: options.tei,
    }),
  );

  const context = (): RenderContext => ({ locale: options.locale, labels: options.labels, register, url });

  config.addFilter("documentOf", (page: unknown) => model?.byInputPath.get(inputPathOf(page)));
  config.addFilter("editionOf", (page: unknown) => {
    const inputPath = inputPathOf(page);
    return model?.editionsByInputPath.get(inputPath) ?? model?.byInputPath.get(inputPath)?.edition;
  });
  type Template = { page?: { inputPath?: string } };
  config.addFilter("documentDate", function (this: Template, doc: unknown) {
    return dateText(argumentOf("document", "filter documentDate", doc, this.page).date, context());
  });
  config.addFilter("languageName", (tag: string) => languageName(tag, options.locale));

  config.addShortcode("telegramHeader", function (this: Template, ...args: unknown[]) {
    const { doc, overrides } = telegramArguments(args, model?.byInputPath.get(this.page?.inputPath ?? ""));
    return telegramHeaderHtml(
      applyOverrides(argumentOf("document", "shortcode telegramHeader", doc, this.page).telegram, overrides),
      options.labels,
    ).value;
  });
  config.addFilter("telegramHeading", function (this: Template, doc: unknown) {
    return telegramHeadingText(argumentOf("document", "filter telegramHeading", doc, this.page), options.labels);
  });
  config.addShortcode("documentArticle", function (this: Template, given: unknown, content: unknown) {
    const doc = argumentOf("document", "shortcode documentArticle", given, this.page);
    const parts = {
      content: String(content ?? ""),
      telegramHeader: telegramHeaderHtml(doc.telegram, options.labels),
      markLegend: markLegendHtml(marksUsed.get(doc.inputPath), options.labels),
      citeBox: citations.citeBox(doc),
    };
    return documentArticleHtml(doc, parts, context()).value;
  });
  config.addShortcode(
    "transcriptionLegend",
    (page: unknown) => markLegendHtml(marksUsed.get(inputPathOf(page)), options.labels).value,
  );
  // Each shortcode checks its argument: a layout of a site's own that passes none, or the wrong
  // thing, is told which shortcode, on which page, and what it needs.
  const shortcode = <K extends "document" | "edition" | "editions">(
    name: string,
    kind: K,
    render: (value: ReturnType<typeof argumentOf<K>>) => { value: string },
  ) =>
    config.addShortcode(name, function (this: Template, value: unknown) {
      return render(argumentOf(kind, `shortcode ${name}`, value, this.page)).value;
    });
  shortcode("documentTime", "document", (doc) => dateHtml(doc.date, context()));
  shortcode("documentSearch", "document", (doc) => documentSearchHtml(doc, context()));
  shortcode("documentMetadata", "document", (doc) => documentMetadataHtml(doc, context()));
  shortcode("documentNavigation", "document", (doc) => documentNavigationHtml(doc, context()));
  shortcode("editionContents", "edition", (edition) => editionContentsHtml(edition, context()));
  shortcode("editionRegister", "edition", (edition) => editionRegisterHtml(edition, context()));
  shortcode("editionList", "editions", (editions) => editionListHtml(editions, context()));

  const citations = installCitations(config, options, () => model, url, sideFiles, editionsToWrite);
  installBrowsing(config, options, (api) => (api ? buildModel(api) : model), url);
  installSearch(config, options);

  addDefaultLayouts(config, options);
  addEditionPages(config, options);
  addRegisterPages(config, options);
  if (options.homePage) addHomePage(config, options);
  if (options.stylesheet) {
    config.addPassthroughCopy({
      [new URL("../assets/edition.css", import.meta.url).pathname]: STYLESHEET_URL.slice(1),
    });
  }
  // The copy buttons of the cite box: a script that only enhances.
  config.addPassthroughCopy({ [new URL("../assets/cite.js", import.meta.url).pathname]: SCRIPT_URL.slice(1) });
}
