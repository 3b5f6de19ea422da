/**
 * The template API, declared once: every filter and shortcode the plugin gives templates, with the
 * arguments it takes and what the README says of it. From this table come the guard that checks
 * each call's arguments, the registration with Eleventy, and the README's tables (`npm run
 * docs:api` writes them; a test checks they are the same).
 */
import type { Edition, EditionDocument, Part } from "../model/edition.js";
import { EditionValidationError } from "../model/errors.js";
import type { EleventyConfig, TemplateThis } from "./config.js";

export const isDocument = (value: unknown): value is EditionDocument =>
  typeof value === "object" && value !== null && "inputPath" in value && "number" in value && "edition" in value;
const isEdition = (value: unknown): value is Edition =>
  typeof value === "object" && value !== null && "slug" in value && "documents" in value && "register" in value;
const isPart = (value: unknown): value is Part =>
  typeof value === "object" && value !== null && "folder" in value && "parts" in value && "edition" in value;
// Nunjucks gives a shortcode called with no argument an empty string.
const isNothing = (value: unknown) => value === undefined || value === null || value === "";

/** The kinds of argument, each with its test and the words that say what it needs. */
const KINDS = {
  document: { test: isDocument, expected: "a document, as `page | documentOf` gives it" },
  edition: {
    test: isEdition,
    expected: "an edition, as `page | editionOf` or an item of collections.editions gives it",
  },
  part: { test: isPart, expected: "a part of an edition, as `page | partOf` gives it on a part's index page" },
  contents: {
    test: (v: unknown) => isEdition(v) || isPart(v),
    expected: "an edition or a part of one, as `page | editionOf` or `page | partOf` gives it",
  },
  editions: {
    test: (v: unknown) => Array.isArray(v) && v.every(isEdition),
    expected: "a list of editions, as collections.editions",
  },
  citable: {
    test: (v: unknown) => isDocument(v) || isEdition(v) || (Array.isArray(v) && v.every(isDocument)),
    expected: "a document, an edition, or a list of documents",
  },
  list: { test: Array.isArray, expected: "a list, as the collection named in the README gives it" },
  object: {
    test: (v: unknown) => typeof v === "object" && v !== null,
    expected: "an object, as the pagination named in the README gives it",
  },
  text: { test: (v: unknown) => typeof v === "string", expected: "text" },
  /** Whatever the template gives (a page, its content, a value to convert); the function makes sense of it. */
  any: { test: () => true, expected: "anything" },
} as const;

type Kind = keyof typeof KINDS;
interface Argument {
  readonly name: string;
  readonly kind: Kind;
  /** May be left out (nothing, as a template gives it); checked only where given. */
  readonly optional?: true;
}

interface Entry {
  readonly kind: "filter" | "shortcode";
  readonly args: readonly Argument[];
  /** Takes any number of arguments after those declared (the telegram header's overrides). */
  readonly rest?: true;
  /** For a filter, examples of its use; for a shortcode, how it is called. */
  readonly usage: readonly string[];
  /** What it gives, as the README says it. */
  readonly gives: string;
}

export const TEMPLATE_API = {
  documentOf: {
    kind: "filter",
    args: [{ name: "page", kind: "any" }],
    usage: ["{% set doc = page | documentOf %}"],
    gives: "the document whose page this is (or whose `inputPath` is given), or nothing",
  },
  editionOf: {
    kind: "filter",
    args: [{ name: "page", kind: "any" }],
    usage: ["{% set ed = page | editionOf %}"],
    gives: "the edition whose index page this is, or to which this document belongs",
  },
  partOf: {
    kind: "filter",
    args: [{ name: "page", kind: "any" }],
    usage: ["{% set part = page | partOf %}"],
    gives: "the part of an edition (a chapter) whose index page this is",
  },
  documentDate: {
    kind: "filter",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{{ doc | documentDate }}"],
    gives: 'the document\'s date as text in the site\'s locale: "April 16, 1979", "April 1979", "c. 1979"',
  },
  languageName: {
    kind: "filter",
    args: [{ name: "tag", kind: "text" }],
    usage: ['{{ "zh" | languageName }}'],
    gives: '"Chinese", in the site\'s locale',
  },
  cite: {
    kind: "filter",
    args: [
      { name: "doc", kind: "document" },
      { name: "style", kind: "text", optional: true },
      { name: "format", kind: "text", optional: true },
    ],
    usage: ['{{ doc | cite("mla") | safe }}', '{{ doc | cite("apa", "text") }}'],
    gives:
      "the document's citation in a style (default `archive`), as HTML (default; mark it `safe` in Nunjucks) or `text`",
  },
  cslJson: {
    kind: "filter",
    args: [{ name: "value", kind: "citable" }],
    usage: ["{{ doc | cslJson }}", "{{ edition | cslJson }}"],
    gives: "the CSL-JSON records of a document, an edition's documents or a list of documents",
  },
  bibtex: {
    kind: "filter",
    args: [{ name: "value", kind: "citable" }],
    usage: ["{{ doc | bibtex }}"],
    gives: "their BibTeX (biblatex fields)",
  },
  ris: {
    kind: "filter",
    args: [{ name: "value", kind: "citable" }],
    usage: ["{{ edition | ris }}"],
    gives: "their RIS",
  },
  prefixUrl: {
    kind: "filter",
    args: [{ name: "path", kind: "text" }],
    usage: ['{{ "/chronology/" | prefixUrl }}'],
    gives:
      "a site path with the path prefix, as Eleventy's `url` filter gives it, worked out once a build (the default layouts use it: `url` tries each value as an absolute URL first, which is slow on every page)",
  },
  telegramHeading: {
    kind: "filter",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{{ doc | telegramHeading }}"],
    gives:
      "the FRUS-style one-line heading: \"Telegram From the Ministry of Foreign Affairs to the Embassy in Hanoi\" (from the telegram's `from` and `to`, or the document's `author` and `recipients`)",
  },
  documentArticle: {
    kind: "shortcode",
    args: [
      { name: "doc", kind: "document" },
      { name: "content", kind: "any" },
    ],
    usage: ["{% documentArticle doc, content %}"],
    gives:
      "the whole article of a document page, as the default document layout prints it: search filters, breadcrumb, number, title, date, summary, the text (`content`) with its telegram header, the legend of marks, the record, the cite box, and previous and next. A layout of your own can print it, or build its own from the shortcodes below",
  },
  partArticle: {
    kind: "shortcode",
    args: [
      { name: "part", kind: "part" },
      { name: "content", kind: "any" },
    ],
    usage: ["{% partArticle part, content %}"],
    gives:
      "the whole article of a part's page, as the default part layout prints it: breadcrumb, title, the introduction (`content`) and the part's contents",
  },
  documentTime: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% documentTime doc %}"],
    gives: '`<time datetime="1979-04-16">April 16, 1979</time>`',
  },
  documentSearch: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% documentSearch doc %}"],
    gives:
      "what Pagefind reads beside the text, in a hidden block it does not index: the filters (edition, year, type, classification, language), the date and summary search results show, and the date results sort by. A document layout of your own prints it inside the element that carries `data-pagefind-body`, or its documents lose the search page's filters",
  },
  documentMetadata: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% documentMetadata doc %}"],
    gives:
      "the document's record as a definition list: date, type, from, to, classification, handling, languages, translation, archive, collection, call number, pages or folios, source, credits, people, places, subjects (absent fields leave no row)",
  },
  documentNavigation: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% documentNavigation doc %}"],
    gives: "links to the previous and next documents of the edition",
  },
  editionContents: {
    kind: "shortcode",
    args: [{ name: "edition", kind: "contents" }],
    usage: ["{% editionContents edition %}", "{% editionContents part %}"],
    gives: "the numbered contents of an edition or of a part of one, part by part: number, title, date, type, summary",
  },
  editionEditors: {
    kind: "shortcode",
    args: [{ name: "edition", kind: "edition" }],
    usage: ["{% editionEditors edition %}"],
    gives:
      'the edition\'s editors with their roles: "Edited by A and B; general editor: C" (nothing where it names none)',
  },
  editionList: {
    kind: "shortcode",
    args: [{ name: "editions", kind: "editions" }],
    usage: ["{% editionList collections.editions %}"],
    gives: "the editions, with subtitle, summary and number of documents",
  },
  telegramHeader: {
    kind: "shortcode",
    args: [],
    rest: true,
    usage: ["{% telegramHeader %}"],
    gives:
      'the telegram header of the page\'s document, in the order its front matter gives: lines of their own as paragraphs, labelled fields as a definition list, in a `<header class="de-telegram">`. Also `{% telegramHeader doc %}`, and fields overridden for this printing by pairs (`{% telegramHeader "precedence", "Flash" %}`, in Liquid or Nunjucks), an object (`{% telegramHeader doc, { precedence: "Flash" } %}`) or Nunjucks keywords (`{% telegramHeader precedence="Flash" %}`). The document layout prints the header at the head of the text unless the text already has it.',
  },
  transcriptionLegend: {
    kind: "shortcode",
    args: [{ name: "page", kind: "any" }],
    usage: ["{% transcriptionLegend page %}"],
    gives: "the legend of the transcription marks the page's text uses (nothing where it uses none)",
  },
  citeBox: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% citeBox doc %}"],
    gives:
      '"Cite this document": the document\'s citation in each of `citationStyles`, each with a copy button (shown by `documentary-edition/cite.js` where the browser can copy), and links to the downloads',
  },
  documentHeadMetadata: {
    kind: "shortcode",
    args: [{ name: "doc", kind: "document" }],
    usage: ["{% documentHeadMetadata doc %}"],
    gives:
      "for the page's `<head>`: Highwire `citation_*` and Dublin Core `<meta>` tags and schema.org JSON-LD (`ArchiveComponent`, `CreativeWork`) from the citation record; the base layout writes them on every document page",
  },
  siteNavigation: {
    kind: "shortcode",
    args: [{ name: "indexPages", kind: "list", optional: true }],
    usage: ["{% siteNavigation collections.indexPages %}"],
    gives:
      "the site's navigation: editions, chronology, the indexes the site has, search; the current page marked `aria-current`",
  },
  chronologyList: {
    kind: "shortcode",
    args: [{ name: "years", kind: "list" }],
    usage: ["{% chronologyList collections.chronology %}"],
    gives: "the chronology's years, months and documents",
  },
  indexList: {
    kind: "shortcode",
    args: [{ name: "indexPage", kind: "object" }],
    usage: ["{% indexList indexPage %}"],
    gives: "an index page: a kind's entries with their number of documents, or an entry's documents",
  },
  documentFeed: {
    kind: "shortcode",
    args: [
      { name: "edition", kind: "edition", optional: true },
      { name: "siteTitle", kind: "text", optional: true },
    ],
    usage: ["{% documentFeed edition %}"],
    gives: "an edition's Atom feed (`{% documentFeed undefined, site.title %}` for the whole site)",
  },
  editionRegister: {
    kind: "shortcode",
    args: [{ name: "edition", kind: "edition" }],
    usage: ["{% editionRegister edition %}"],
    gives:
      "the edition's register: a section per kind (persons, places, subjects, terms), each entry with its identification, references, and links to every mention and listing document",
  },
} as const satisfies Record<string, Entry>;

export type TemplateName = keyof typeof TEMPLATE_API;

type KindType<K extends Kind> = K extends "document"
  ? EditionDocument
  : K extends "edition"
    ? Edition
    : K extends "part"
      ? Part
      : K extends "contents"
        ? Edition | Part
        : K extends "editions"
          ? Edition[]
          : K extends "citable"
            ? EditionDocument | Edition | EditionDocument[]
            : K extends "list"
              ? unknown[]
              : K extends "object"
                ? object
                : K extends "text"
                  ? string
                  : unknown;
type ArgumentType<A extends Argument> = A extends { optional: true }
  ? KindType<A["kind"]> | undefined
  : KindType<A["kind"]>;
type ArgumentTypes<A extends readonly Argument[]> = A extends readonly [
  infer First extends Argument,
  ...infer Rest extends readonly Argument[],
]
  ? [ArgumentType<First>, ...ArgumentTypes<Rest>]
  : [];

/** What a call of one filter or shortcode runs: its arguments checked and typed, the page's own data beside them. */
export type Implementation<N extends TemplateName> = (
  call: TemplateThis,
  ...args: (typeof TEMPLATE_API)[N] extends { rest: true } ? unknown[] : ArgumentTypes<(typeof TEMPLATE_API)[N]["args"]>
) => unknown;
export type Implementations = { [N in TemplateName]: Implementation<N> };

/** What a template passed, in a few words (a document is no value to print whole). */
function describeArgument(value: unknown): string {
  if (isNothing(value)) return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === "object" ? "an object of another kind" : JSON.stringify(value);
}

/**
 * The error for an argument a filter or shortcode cannot take: it names the filter or shortcode
 * ("shortcode documentTime"), the page whose template called it, what it was given and what it needs.
 */
function argumentError(name: string, value: unknown, expected: string, page: TemplateThis["page"]) {
  const file = (page?.inputPath ?? "a template").replace(/^\.\//, "");
  return new EditionValidationError(
    [{ file, field: name, value, found: describeArgument(value), expected }],
    "a template",
    "the page was not written",
  );
}

/** The arguments as the declaration says, or the error of the first that is not; nothing given for an optional one becomes undefined. */
export function checkArguments(name: TemplateName, given: readonly unknown[], page: TemplateThis["page"]): unknown[] {
  const entry: Entry = TEMPLATE_API[name];
  const label = `${entry.kind} ${name}`;
  const args = entry.args.map((argument, i) => {
    const value = given[i];
    if (argument.optional && isNothing(value)) return undefined;
    const { test, expected } = KINDS[argument.kind];
    if (!test(value)) throw argumentError(label, value, expected, page);
    return value;
  });
  return entry.rest ? [...args, ...given.slice(entry.args.length)] : args;
}

/** A document given to a shortcode that takes its arguments in forms of its own (the telegram header's), checked as the guard checks. */
export function documentArgument(name: TemplateName, value: unknown, page: TemplateThis["page"]): EditionDocument {
  if (isDocument(value)) return value;
  throw argumentError(`${TEMPLATE_API[name].kind} ${name}`, value, KINDS.document.expected, page);
}

/** The one way the plugin's filters and shortcodes reach Eleventy: each through the argument guard. */
export function installTemplateApi(config: EleventyConfig, implementations: Implementations): void {
  for (const name of Object.keys(TEMPLATE_API) as TemplateName[]) {
    const implementation = implementations[name] as (call: TemplateThis, ...args: unknown[]) => unknown;
    const guarded = function (this: TemplateThis, ...given: unknown[]) {
      return implementation(this, ...checkArguments(name, given, this.page));
    };
    if (TEMPLATE_API[name].kind === "filter") config.addFilter(name, guarded);
    else config.addShortcode(name, guarded);
  }
}

/** The README's table of one kind, rows in the declared order. */
export function templateApiTable(kind: Entry["kind"]): string {
  const entries = Object.entries(TEMPLATE_API as Record<string, Entry>).filter(([, e]) => e.kind === kind);
  const escape = (text: string) => text.replaceAll("|", "\\|");
  if (kind === "filter") {
    return [
      "| filter | example | gives |",
      "| --- | --- | --- |",
      ...entries.map(
        ([name, e]) => `| \`${name}\` | ${e.usage.map((u) => `\`${escape(u)}\``).join(", ")} | ${e.gives} |`,
      ),
    ].join("\n");
  }
  return [
    "| shortcode | gives |",
    "| --- | --- |",
    ...entries.map(([, e]) => `| ${e.usage.map((u) => `\`${u}\``).join(", ")} | ${e.gives} |`),
  ].join("\n");
}
