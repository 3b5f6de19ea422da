/** The plugin's options: their types, their defaults, and their validation. */
import { z } from "zod";
import { EditionValidationError } from "./model/errors.js";
import { fieldsAt, problemsFromZod } from "./model/issues.js";
import { FIELD_TYPES, isEleventyKey, RESERVED_KEYS } from "./model/fields.js";
import { documentSchema, editionSchema } from "./model/schema.js";
import { registerEntrySchema } from "./model/register.js";
import { isKnownLanguage, LANGUAGE_EXPECTED } from "./model/language.js";
import type { BuildSettings } from "./model/edition.js";
import { normaliseDir } from "./model/paths.js";

/** Every string the default layouts show a reader; a site translates them through `labels`. */
export const DEFAULT_LABELS = {
  approximate: "c.",
  document: "Document",
  /** The word after a document's number in a cross-reference to one of its notes: "Document 31, footnote 5". */
  footnote: "footnote",
  /** A document wherever documents are listed: contents, chronology, indexes, register, search, feeds. */
  documentLabel: "{number}. {title} — {date}",
  documents: "Documents",
  edition: "Edition",
  editors: "Edited by",
  previous: "Previous document",
  next: "Next document",
  contents: "Contents",
  metadata: "About this document",
  date: "Date",
  type: "Document type",
  author: "From",
  recipients: "To",
  originalLanguage: "Original language",
  translation: "Translation",
  translatedBy: "translated by",
  notKnown: "Not known",
  translatorNotKnown: "translator not known",
  classification: "Classification",
  handling: "Handling",
  archive: "Archive",
  collection: "Collection",
  callNumber: "Call number",
  pages: "Pages",
  folios: "Folios",
  source: "Source",
  accessed: "accessed",
  summary: "Summary",
  credits: "Credits",
  participants: "Participants",
  subject: "Subject",
  place: "Place",
  subjects: "Subjects",
  people: "People",
  places: "Places",
  skipToContent: "Skip to content",
  noDocuments: "This edition has no documents yet.",
  indexEmpty: "No document names an entry of this index yet.",
  editions: "Editions",
  documentCountOne: "1 document",
  documentCountOther: "{count} documents",
  telegramHeader: "Telegram header",
  telegramFrom: "From:",
  telegramTo: "To:",
  telegramCopies: "Copies to:",
  telegramPrecedence: "Precedence:",
  telegramDevice: "Device No.",
  telegramSerial: "Serial No.",
  telegramDateTimeGroup: "Date-time group:",
  telegramPrincipalAgency: "Responsible office:",
  telegramDistribution: "Distribution:",
  telegramHeading: "Telegram From {from} to {to}",
  telegramHeadingNoRecipient: "Telegram From {from}",
  markLegend: "Transcription marks",
  markSample: "word",
  markSupplied: "Supplied by the editor or translator",
  markSic: "Thus in the original",
  markUnclear: "Uncertain reading",
  markDel: "Deleted in the original",
  markAdd: "Added in the original",
  markSmallcaps: "Small capitals in the original",
  markUnderline: "Underlined in the original",
  markGap: "Passage omitted, illegible or not declassified",
  markPage: "Page break in the original",
  markPrintedPage: "Page break in the printed volume",
  markFolio: "Folio break in the original",
  markSalute: "Salutation",
  markSigned: "Signature",
  markDateline: "Dateline",
  table: "Table",
  mentionPerson: "Identified in the register of persons",
  mentionPlace: "Identified in the register of places",
  mentionTerm: "Explained in the register of terms",
  register: "Register",
  registerPeople: "Persons",
  registerPlaces: "Places",
  registerSubjects: "Subjects",
  registerTerms: "Terms",
  registerMentions: "Mentioned in",
  introduction: "Introduction",
  registerListedIn: "Concerned in",
  registerReferences: "See",
  siteNavigation: "Site",
  breadcrumbs: "Breadcrumbs",
  chronology: "Chronology",
  monthUnknown: "Month not known",
  indexPeople: "Persons",
  indexPlaces: "Places",
  indexSubjects: "Subjects",
  indexTerms: "Terms",
  search: "Search",
  searchWithoutScript:
    "Searching needs JavaScript, which this browser is not running. Every document can also be found through the chronology and the indexes.",
  feed: "Atom feed",
  citeThis: "Cite this document",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Select the text to copy it",
  downloadRecord: "Download the record:",
  downloadEdition: "Every document of this edition:",
  page: "Page",
  printedPage: "Page {page} of the printed volume",
  folio: "Folio",
  notes: "Notes",
  note: "Note",
  translatorNote: "Translator's note",
  backToText: "Back to the text",
  sourceNote: "Source:",
  sourceNotePage: "p.",
  sourceNotePages: "pp.",
  sourceNoteFolios: "ff.",
  sourceNoteTranslated: "Translated from {language} by {translator}.",
  sourceNoteTranslatedBy: "Translated by {translator}.",
  sourceNoteTextFrom: "Text from {source}.",
  sourceNoteArchiveNotKnown: "Archive not known.",
  sourceNoteCallNumberNotKnown: "Call number not known.",
  sourceNoteArchiveAndCallNumberNotKnown: "Archive and call number not known.",
  sourceNoteTranslatedTranslatorNotKnown: "Translated from {language}; translator not known.",
  sourceNoteTranslatorNotKnown: "Translator not known.",
};

export type Labels = typeof DEFAULT_LABELS;

export const DEFAULT_DOCUMENT_TYPES = [
  "telegram",
  "memorandum",
  "memorandum of conversation",
  "letter",
  "note",
  "minutes",
  "report",
  "instruction",
  "notice",
  "circular",
  "speech",
  "statement",
  "diary",
  "transcript",
  "agreement",
  "editorial note",
  "other",
];

const labelsSchema = z
  .object(Object.fromEntries(Object.keys(DEFAULT_LABELS).map((key) => [key, z.string().min(1)])))
  .partial()
  .strict();

const layoutName = z
  .string()
  .regex(
    /^[^/\\.][^\\]*\.[a-z0-9]+$/i,
    "a layout file name inside _includes, such as documentary-edition/document.njk",
  );

const fieldType = z.enum(Object.keys(FIELD_TYPES) as [keyof typeof FIELD_TYPES], {
  error: `a field type: ${Object.keys(FIELD_TYPES).join(", ")}`,
});
const fieldSpec = z.union([fieldType, z.object({ type: fieldType, required: z.boolean().optional() }).strict()], {
  error: `a field type (${Object.keys(FIELD_TYPES).join(", ")}), or { type, required }`,
});

/** The names a site's own field may not take: the plugin's fields, the model's, Eleventy's and reserved keys. */
const TAKEN = {
  document: [
    ...fieldsAt(documentSchema({ documentTypes: ["other"] }), []),
    ...["id", "slug", "inputPath", "file", "url", "mentions", "edition", "number", "previous", "next"],
  ],
  edition: [...fieldsAt(editionSchema, []), ...["slug", "url", "inputPath", "documents", "register", "registerUrl"]],
  register: fieldsAt(registerEntrySchema, []),
};
const ownFields = (group: keyof typeof TAKEN) =>
  z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a field name: letters, digits and _"), fieldSpec)
    .superRefine((fields, ctx) => {
      for (const name of Object.keys(fields)) {
        if (
          TAKEN[group].includes(name) ||
          Object.hasOwn(RESERVED_KEYS, name) ||
          (group !== "register" && isEleventyKey(name))
        ) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            input: name,
            message: `another name than "${name}", which is already a field of the plugin's, Eleventy's or reserved`,
          });
        }
      }
    })
    .optional();

export const optionsSchema = z
  .object({
    /** The folder, inside Eleventy's input folder, whose sub-folders are editions. */
    /** Numbered documents' pages at /editions/<edition>/d57/, as history.state.gov gives FRUS's, in place of their files' paths. */
    numberedUrls: z.boolean({ error: "true or false" }).default(false),
    editionsDir: z
      .string()
      .regex(/^(?!\.{1,2}(?:\/|$))[A-Za-z0-9_\-./]+$/, 'a folder name inside the input folder, such as "editions"')
      .transform((dir) => dir.replace(/\/+$/, ""))
      .default("editions"),
    /** The locale of dates, language names and the default labels' surroundings (BCP 47). */
    locale: z.string().refine(isKnownLanguage, LANGUAGE_EXPECTED).default("en-US"),
    /** The values `type:` may take in a document's front matter. */
    documentTypes: z.array(z.string().min(1)).min(1).default(DEFAULT_DOCUMENT_TYPES),
    /** The site's address, for absolute URLs in citations and embedded metadata ("https://edition.example.org"). */
    siteUrl: z
      .string()
      .refine((value) => /^https?:\/\/[^/\s]+/.test(value), "an address starting with https:// or http://")
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
    /** The citation styles the "Cite this document" box shows, in order; built-in names or names of `cslStyles`. */
    citationStyles: z
      .array(z.string().min(1))
      .default(["archive", "chicago-note", "chicago-bibliography", "mla", "apa", "edition"]),
    /** Further styles as CSL files: `{ "harvard": "styles/harvard.csl" }` (formatted with citeproc-js, which the site installs). */
    cslStyles: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, "a style name: lower-case letters, digits and -"),
        z.string().min(1),
      )
      .default({}),
    /** The values a telegram's `precedence` may take; any where not given. */
    precedences: z.array(z.string().min(1)).min(1).optional(),
    /** The values a document's `classification` may take; any where not given. */
    classifications: z.array(z.string().min(1)).min(1).optional(),
    /** The global data key holding the register (`people`, `places`, `subjects`). */
    registerData: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*$/, 'a data key such as "register"')
      .default("register"),
    /** Layout files, looked up in the site's `_includes` first, then among the plugin's defaults. */
    layouts: z
      .object({
        base: layoutName.default("documentary-edition/base.njk"),
        document: layoutName.default("documentary-edition/document.njk"),
        edition: layoutName.default("documentary-edition/edition.njk"),
        part: layoutName.default("documentary-edition/part.njk"),
        home: layoutName.default("documentary-edition/home.njk"),
        register: layoutName.default("documentary-edition/register.njk"),
        chronology: layoutName.default("documentary-edition/chronology.njk"),
        index: layoutName.default("documentary-edition/index.njk"),
        search: layoutName.default("documentary-edition/search.njk"),
      })
      .strict()
      .prefault({}),
    /** Generate a home page listing the editions at "/" (skipped where the site has an index page of its own). */
    homePage: z.boolean().default(true),
    /** Generate /chronology/: every document by year and month. */
    chronology: z.boolean().default(true),
    /** Generate /people/, /places/, /subjects/ and /terms/, with a page per register entry listing its documents. */
    indexPages: z.boolean().default(true),
    /** Index the built site with Pagefind and generate /search/. */
    search: z.boolean().default(true),
    /** Write each document's TEI (document.xml beside its page) and each edition's teiCorpus (corpus.xml). */
    tei: z.boolean().default(true),
    /** Generate Atom feeds of the documents: /feed.xml and one per edition. */
    feeds: z.boolean().default(true),
    /** Copy the plugin's stylesheet to `/documentary-edition/edition.css` and link it. */
    stylesheet: z.boolean().default(true),
    /** Fields of the site's own in documents', editions' and register entries' front matter, with their types. */
    fields: z
      .object({ document: ownFields("document"), edition: ownFields("edition"), register: ownFields("register") })
      .strict()
      .default({}),
    /** Words the default layouts show; any subset. */
    labels: labelsSchema.default({}),
  })
  .strict();

export type UserOptions = z.input<typeof optionsSchema>;
export interface Options extends Omit<z.output<typeof optionsSchema>, "labels"> {
  labels: Labels;
}

/** Validates the options a publisher passed to `addPlugin`; throws one error naming every bad option. */
export function resolveOptions(input: unknown): Options {
  const result = optionsSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new EditionValidationError(
      problemsFromZod(result.error, input, "plugin options", optionsSchema),
      "the plugin options",
    );
  }
  return { ...result.data, labels: { ...DEFAULT_LABELS, ...result.data.labels } };
}

/** What the model is built with, from the options: the same for the plugin and the core. */
export function buildSettings(options: Options, registerSource: string): BuildSettings {
  const editionsUrl = "/" + normaliseDir(options.editionsDir);
  return {
    documentTypes: options.documentTypes,
    precedences: options.precedences,
    classifications: options.classifications,
    fields: options.fields,
    editionUrl: (slug) => `${editionsUrl}${encodeURIComponent(slug)}/`,
    registerSource,
  };
}
