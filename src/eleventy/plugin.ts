/** The adapter: wires the core into Eleventy's collections, filters, shortcodes and templates. */
import { existsSync } from "node:fs";
import path from "node:path";
import { toJsDate, parseDateValue } from "../model/date.js";
import { checkEditions, type EditionModel, type Register, type SourceFile } from "../model/edition.js";
import { buildSettings, type Options } from "../options.js";
import {
  dateHtml,
  dateText,
  documentArticleHtml,
  documentSearchHtml,
  documentMetadataHtml,
  documentNavigationHtml,
  editionContentsHtml,
  partArticleHtml,
  editionListHtml,
  type RenderContext,
} from "../render/document.js";
import { languageName } from "../model/language.js";
import { markLegendHtml } from "../render/marks.js";
import { applyOverrides } from "../model/telegram.js";
import { telegramHeaderHtml, telegramHeadingText } from "../render/telegram.js";
import { editionRegisterHtml } from "../render/register.js";
import { editionEditorsHtml } from "../render/editors.js";
import { BuildReport, printedOnce } from "./report.js";
import { ServeReport } from "./serve-report.js";
import type { CollectionApi, EleventyConfig } from "./config.js";
import type { AdapterContext } from "./context.js";
import { readEditionFrontMatter } from "./front-matter.js";
import { installCitations, type CitationsPart } from "./citations.js";
import { installTei } from "./tei.js";
import { SideFiles } from "./side-files.js";
import { EditionChanges } from "./changes.js";
import { installBrowsing } from "./browse.js";
import { installSearch, SEARCH_SCRIPT_URL, type SearchPart } from "./search.js";
import { addDefaultLayouts, addEditionPages, addHomePage, addRegisterPages } from "./layouts.js";
import { inputPathOf, installMarkdown, type MarkdownPart } from "./markdown.js";
import { editionPaths, normaliseDir, numberedUrl, type Classify } from "../model/paths.js";
import { frontMatterLines } from "./source-lines.js";
import { telegramArguments } from "./telegram-arguments.js";
import { documentArgument, installTemplateApi, type Implementations } from "./template-api.js";
import { endListing, installRole, partitionChecked, readManifests, referredEditions } from "./partition.js";
import { buildRole, stagedPartitions, type BuildRole } from "../build/role.js";
import { modelOfManifests } from "../model/manifest.js";

const STYLESHEET_URL = "/documentary-edition/edition.css";
const SCRIPT_URL = "/documentary-edition/cite.js";

export function installPlugin(config: EleventyConfig, options: Options): void {
  // A partition of a partitioned build, a listing run, or the assembling run; a plain build has no role.
  const role = buildRole();
  // A listing run ends once its model is made; what it would write is a partition's.
  const pages = role?.role === "list" ? "partition" : role?.role;
  const sideFiles = new SideFiles();
  const changes = new EditionChanges();
  const report = new BuildReport();
  let model: EditionModel | undefined;
  let pathPrefix: string | undefined;
  const context: AdapterContext = {
    config,
    options,
    model: () => model,
    // Site links get the path prefix as Eleventy's `url` filter gives it; the filter is asked once
    // per build (it is slow: it tries every URL as an absolute one first).
    url: (site) => {
      pathPrefix ??= String(config.getFilter("url")("/"));
      return site.startsWith("/") ? pathPrefix + site.slice(1) : site;
    },
    absoluteUrl: (site) => (options.siteUrl ? `${options.siteUrl}${context.url(site)}` : undefined),
    sideFiles,
    // The assembling run writes no edition's files: its partition did.
    editionsToWrite: (current) => (role?.role === "assemble" ? [] : changes.changed(current)),
    report: (problem) => report.add(problem),
    otherEditions: referredEditions(role),
  };
  const build = installBuildEvents(context, report, changes, role, () => {
    model = undefined;
    pathPrefix = undefined;
  });
  const buildModel = installModel(context, build, role, (made) => (model = made));
  if (role) installRole(config, options, role, () => model);

  const markdown = installMarkdown(context, build.classify, () => (doc, record) => {
    changes.rendered(doc);
    tei.rendered(doc, record);
    citations.rendered(doc);
  });
  const tei = installTei(context, markdown.sourceNote, markdown.introduction);
  const citations = installCitations(context);
  const browsing = installBrowsing(context, (api) => (api ? buildModel(api) : model), pages);
  installSearch(
    config,
    options,
    searchPart(role, () => model),
  );
  installTemplateApi(config, {
    ...documentTemplates(context, markdown, citations, () => model?.register ?? {}),
    ...citations.templates,
    ...browsing,
  });
  installGlobalData(config, options, build.siteParts);
  addDefaultLayouts(config, options);
  // The editions' own pages are their partition's; the site-wide ones, the assembling run's.
  if (pages !== "assemble") {
    addEditionPages(config, options);
    addRegisterPages(config, options);
  }
  if (options.homePage && pages !== "partition") addHomePage(config, options);
  if (options.stylesheet) {
    config.addPassthroughCopy({
      [new URL("../assets/edition.css", import.meta.url).pathname]: STYLESHEET_URL.slice(1),
    });
  }
  // The copy buttons of the cite box: a script that only enhances.
  config.addPassthroughCopy({ [new URL("../assets/cite.js", import.meta.url).pathname]: SCRIPT_URL.slice(1) });
}

/** What the search index of this run covers: the site, a partition's editions, or none (assembling: the partitions' list). */
function searchPart(role: BuildRole | undefined, model: () => EditionModel | undefined): SearchPart {
  if (role?.role === "partition")
    return { role: "partition", id: role.id, folders: () => model()?.editions.map((e) => e.url) ?? [] };
  if (role?.role === "assemble") return { role: "assemble", partitions: () => stagedPartitions(role.staging) };
  return { role: "site" };
}

/**
 * The prototype of the model's documents and editions in a build. Eleventy takes a plain object
 * with an `inputPath` in a collection for one of its own pages, and after making the collections
 * looks each one up in its list of every template, one after another
 * (`TemplateMap.populateCollectionsWithContent` in Eleventy 3.1): a cost that grows with the square
 * of the number of documents, 0.7 s at 5,000 documents. It leaves objects of a class alone.
 */
class NotATemplate {}

/** What a build's start settles: the folders, the site's own partials, whether it is served. */
interface BuildState {
  classify: () => Classify;
  siteParts: { header: boolean; footer: boolean };
}

/** Each build's start and the report between rendering and writing. */
function installBuildEvents(
  context: AdapterContext,
  report: BuildReport,
  changes: EditionChanges,
  role: BuildRole | undefined,
  reset: () => void,
): BuildState {
  const { config, options, sideFiles } = context;
  // The folders are final only once the build starts: a config may set them after addPlugin.
  let classify: Classify = editionPaths(config.directories.input, options.editionsDir);
  // Whether the site has its own header and footer partials, looked up once a build (an include
  // that may be missing is otherwise looked for on disk on every page).
  const siteParts = { header: false, footer: false };
  // While served, a failed build's report in the browser.
  const served = new ServeReport();
  served.install(config);
  let watching = false;

  config.on("eleventy.before", ({ directories, outputMode, runMode }) => {
    classify = editionPaths(directories.input, options.editionsDir);
    reset();
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
  // Eleventy renders every page's content, then writes the pages; this comes between the two, so
  // every problem of the build is reported at once and no page of a failed build is written.
  config.on("eleventy.layouts", () => {
    const problems = report.sorted();
    // A partition of `build` leaves its problems for the build's report, or stops as another failed.
    const stopped = partitionChecked(role, problems);
    const error = stopped ? undefined : report.error(watching ? (message) => console.error(message) : undefined);
    sideFiles.endStaging(!error && !stopped);
    if (stopped) throw printedOnce(stopped);
    if (!error) return;
    served.failed(error.problems);
    throw error;
  });
  // Where Eleventy renders no content (an incremental build of one template may not), the drafts
  // are put in place before the files of the editions are made from them.
  config.on("eleventy.after", () => sideFiles.endStaging(true));
  return { classify: () => classify, siteParts };
}

/** The collections of editions and documents, made once a build from Eleventy's templates. */
function installModel(
  context: AdapterContext,
  build: BuildState,
  role: BuildRole | undefined,
  made: (model: EditionModel) => void,
): (api: CollectionApi) => EditionModel {
  const { config, options } = context;
  const frontMatterKeys = readEditionFrontMatter(config, (filePath) => build.classify()(filePath)?.kind);
  function buildModel(api: CollectionApi): EditionModel {
    const current = context.model();
    if (current) return current;
    if (role?.role === "assemble") {
      // The listings of every partition's editions, not their Markdown (which this run never reads).
      const register = api.getAll()[0]?.data[options.registerData];
      const listed = modelOfManifests(readManifests(role.staging), register ?? {}, NotATemplate.prototype);
      made(listed);
      return listed;
    }
    const documents: SourceFile[] = [];
    const indexes: SourceFile[] = [];
    for (const item of api.getAll()) {
      const where = build.classify()(item.inputPath);
      if (!where) continue;
      const rawInput = (item.data.page as { rawInput?: unknown } | undefined)?.rawInput;
      (where.kind === "index" ? indexes : documents).push({
        ...where,
        inputPath: item.inputPath,
        url: item.url || "",
        data: item.data,
        frontMatterKeys: frontMatterKeys(item.inputPath),
        ...(typeof rawInput === "string" ? { text: rawInput } : {}),
        bodyOffset: () => frontMatterLines(item.inputPath),
      });
    }
    const first = documents[0] ?? indexes[0];
    const registerSource = `${normaliseDir(config.directories.data)}${options.registerData}`;
    const checked = checkEditions(documents, indexes, first?.data[options.registerData], {
      ...buildSettings(options, registerSource),
      prototype: NotATemplate.prototype,
    });
    for (const problem of checked.problems) context.report(problem);
    made(checked);
    if (role?.role === "list") endListing(role, checked.editions, options);
    return checked;
  }
  config.addCollection("editions", (api) => buildModel(api).editions);
  config.addCollection("documents", (api) => buildModel(api).documents);

  installComputedData(context, build);
  // Eleventy would stop on a partial date such as "1979-04" in one document; the model reports
  // every bad date in the edition at once instead, so give Eleventy a date it can keep.
  config.addDateParsing(function (value) {
    if (build.classify()(this.page.inputPath)?.kind !== "document") return undefined;
    const date = parseDateValue(value);
    return date ? toJsDate(date) : new Date(0);
  });
  return buildModel;
}

/** Documents, edition and part index files get their layout without the editor writing one, and numbered documents their URL. */
function installComputedData({ config, options }: AdapterContext, build: BuildState): void {
  const editionsUrl = `/${normaliseDir(options.editionsDir)}`;
  config.addGlobalData("eleventyComputed", {
    layout: (data: { layout?: string; page?: { inputPath?: string } }) => {
      if (data.layout) return data.layout;
      const where = build.classify()(data.page?.inputPath);
      if (!where) return undefined;
      return options.layouts[where.kind === "document" ? "document" : where.folder ? "part" : "edition"];
    },
  });
  if (!options.numberedUrls) return;
  // A numbered document's page at /editions/<edition>/d57/. A permalink in the global data, as a
  // function, is the lowest of the data cascade: a template's own permalink wins, and Eleventy
  // gives any other template (whose answer is undefined) its default. A computed permalink would
  // do the same at a third of the build's time more (measured in BENCHMARKS.md).
  const permalink = (data: { number?: unknown; page?: { inputPath?: string } }) => {
    const url = numberedUrl(editionsUrl, build.classify()(data.page?.inputPath), data.number);
    return url && `${url}index.html`;
  };
  config.addGlobalData("permalink", () => permalink);
}

/** The filters and shortcodes of documents and editions; the citations' and browsing's are their parts'. */
function documentTemplates(
  context: AdapterContext,
  markdown: MarkdownPart,
  citations: CitationsPart,
  register: () => Register,
): Omit<
  Implementations,
  keyof CitationsPart["templates"] | "chronologyList" | "indexList" | "siteNavigation" | "documentFeed"
> {
  const { options, model, url } = context;
  const { labels } = options;
  const render = (): RenderContext => ({ locale: options.locale, labels, register: register(), url });
  return {
    prefixUrl: (_call, site) => url(site),
    documentOf: (_call, page) => model()?.byInputPath.get(inputPathOf(page)),
    editionOf: (_call, page) => {
      const inputPath = inputPathOf(page);
      return model()?.editionsByInputPath.get(inputPath) ?? model()?.byInputPath.get(inputPath)?.edition;
    },
    partOf: (_call, page) => model()?.partsByInputPath.get(inputPathOf(page)),
    partArticle: (_call, part, content) =>
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Nunjucks gives a layout's content as a string or its SafeString
      partArticleHtml(part, String(content ?? ""), render()).value,
    documentDate: (_call, doc) => dateText(doc.date, render()),
    languageName: (_call, tag) => languageName(tag, options.locale),
    telegramHeading: (_call, doc) => telegramHeadingText(doc, labels),
    telegramHeader: (call, ...args) => {
      const { doc, overrides } = telegramArguments(args, model()?.byInputPath.get(call.page?.inputPath ?? ""));
      const checked = documentArgument("telegramHeader", doc, call.page);
      const telegram = applyOverrides(checked.telegram, overrides);
      const printed = telegramHeaderHtml(telegram, labels).value;
      if (call.page?.inputPath) markdown.printedTelegram(call.page.inputPath, printed, telegram);
      return printed;
    },
    documentArticle: (_call, doc, content) => {
      const parts = {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Nunjucks gives a layout's content as a string or its SafeString
        content: String(content ?? ""),
        // A document that places its telegram header by hand gets it only there.
        telegramHeader: markdown.placesTelegram(doc.inputPath) ? undefined : telegramHeaderHtml(doc.telegram, labels),
        markLegend: markLegendHtml(markdown.marksUsed(doc.inputPath), labels),
        citeBox: citations.citeBox(doc),
      };
      return documentArticleHtml(doc, parts, render()).value;
    },
    transcriptionLegend: (_call, page) => markLegendHtml(markdown.marksUsed(inputPathOf(page)), labels).value,
    documentTime: (_call, doc) => dateHtml(doc.date, render()).value,
    documentSearch: (_call, doc) => documentSearchHtml(doc, render()).value,
    documentMetadata: (_call, doc) => documentMetadataHtml(doc, render()).value,
    documentNavigation: (_call, doc) => documentNavigationHtml(doc, render()).value,
    editionContents: (_call, edition) => editionContentsHtml(edition, render()).value,
    editionRegister: (_call, edition) => editionRegisterHtml(edition, render()).value,
    editionList: (_call, editions) => editionListHtml(editions, render()).value,
    editionEditors: (_call, edition) => editionEditorsHtml(edition.editors, render()).value,
  };
}

/** The plugin's settings for layouts of a site's own, frozen: Eleventy deep-copies unfrozen global data into every page's data. */
function installGlobalData(config: EleventyConfig, options: Options, siteParts: BuildState["siteParts"]): void {
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
}
