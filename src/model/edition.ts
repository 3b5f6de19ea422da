/**
 * Editions and their documents, built once per build: every document validated, ordered by date
 * within its edition, numbered 1..n as FRUS numbers its documents, and linked to its neighbours.
 * Eleventy-free: the adapter hands in plain records and gets the model or one error listing every
 * problem in the edition.
 */
import { dateSortKey, type DocumentDate } from "./date.js";
import { EditionValidationError, type Problem } from "./errors.js";
import { problemsFromZod } from "./issues.js";
import { documentSchema, editionSchema, type DocumentMetadata, type EditionMetadata, type SchemaSettings } from "./schema.js";
import { withFieldOrder, type Telegram } from "./telegram.js";

/** A Markdown file as Eleventy read it: where it is and its merged data. */
export interface SourceFile {
  /** The path inside the editions folder without ".md" ("talks/cable"). */
  id: string;
  /** Eleventy's inputPath, the key pages are looked up by ("./editions/talks/cable.md"). */
  inputPath: string;
  /** The path an editor recognises, for messages ("editions/talks/cable.md"). */
  file: string;
  /** The edition's folder name. */
  edition: string;
  /** The file name without extension. */
  slug: string;
  url: string;
  data: Record<string, unknown>;
}

export interface RegisterEntry {
  name?: string;
  [field: string]: unknown;
}

export const REGISTER_KINDS = ["people", "places", "subjects"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export type Register = Partial<Record<RegisterKind, Record<string, RegisterEntry>>>;

export interface EditionDocument extends Omit<DocumentMetadata, "date" | "dateApproximate" | "time" | "timeZone" | "telegram"> {
  /** "talks/cable": unique in the site, stable across builds. */
  id: string;
  slug: string;
  inputPath: string;
  file: string;
  url: string;
  date: DocumentDate;
  telegram?: Telegram;
  edition: Edition;
  /** 1..n within the edition, in chronological order. */
  number: number;
  previous?: EditionDocument;
  next?: EditionDocument;
}

export interface Edition extends Omit<EditionMetadata, "editors"> {
  slug: string;
  editors: string[];
  url: string;
  /** The edition's index file, where it has one. */
  inputPath?: string;
  documents: EditionDocument[];
}

export interface EditionModel {
  editions: Edition[];
  documents: EditionDocument[];
  byInputPath: Map<string, EditionDocument>;
  editionsByInputPath: Map<string, Edition>;
}

export interface BuildSettings extends SchemaSettings {
  /** The URL of an edition that has no index file of its own. */
  editionUrl: (slug: string) => string;
  /** Where the register lives, for messages ("_data/register"). */
  registerSource: string;
}

const MAX_KEYS_LISTED = 12;

function registerProblems(doc: DocumentMetadata, file: string, register: Register, source: string): Problem[] {
  const problems: Problem[] = [];
  for (const kind of REGISTER_KINDS) {
    const entries = register[kind];
    doc[kind].forEach((key, index) => {
      if (entries && Object.hasOwn(entries, key)) return;
      const known = entries ? Object.keys(entries) : [];
      const listed = known.slice(0, MAX_KEYS_LISTED).join(", ") + (known.length > MAX_KEYS_LISTED ? ", …" : "");
      problems.push({
        file,
        field: `${kind}.${index}`,
        value: key,
        expected: entries
          ? `a key of the ${kind} register in ${source}/${kind}.* (${listed})`
          : `a key of a ${kind} register, but the site has none: add ${source}/${kind}.json`,
      });
    });
  }
  return problems;
}

function humanise(slug: string): string {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function compareDocuments(a: { key: string; file: string }, b: { key: string; file: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/**
 * Validates every document and index file, then builds the editions. Throws one
 * EditionValidationError listing every problem found, so an editor sees them all in one build.
 */
export function buildEditions(
  documents: readonly SourceFile[],
  indexes: readonly SourceFile[],
  register: Register,
  settings: BuildSettings,
): EditionModel {
  const problems: Problem[] = [];
  const schema = documentSchema(settings);
  const editions = new Map<string, Edition>();
  const editionsByInputPath = new Map<string, Edition>();

  for (const index of indexes) {
    const result = editionSchema.safeParse(index.data);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, index.data, index.file, editionSchema));
      continue;
    }
    const { editors, ...metadata } = result.data;
    const edition: Edition = { ...metadata, editors: editors ?? [], slug: index.edition, url: index.url, inputPath: index.inputPath, documents: [] };
    editions.set(index.edition, edition);
    editionsByInputPath.set(index.inputPath, edition);
  }

  const sorted: { key: string; file: string; doc: EditionDocument }[] = [];
  for (const source of documents) {
    const result = schema.safeParse(source.data);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, source.data, source.file, schema));
      continue;
    }
    const found = registerProblems(result.data, source.file, register, settings.registerSource);
    if (found.length) {
      problems.push(...found);
      continue;
    }
    const { date, dateApproximate, time, timeZone, telegram, ...metadata } = result.data;
    let edition = editions.get(source.edition);
    if (!edition) {
      edition = { slug: source.edition, title: humanise(source.edition), editors: [], url: settings.editionUrl(source.edition), documents: [] };
      editions.set(source.edition, edition);
    }
    const doc: EditionDocument = {
      ...metadata,
      id: source.id,
      slug: source.slug,
      inputPath: source.inputPath,
      file: source.file,
      url: source.url,
      date: { ...date, approximate: dateApproximate, ...(time ? { time } : {}), ...(timeZone ? { timeZone } : {}) },
      ...(telegram ? { telegram: withFieldOrder(telegram, source.data.telegram) } : {}),
      edition,
      number: 0,
    };
    sorted.push({ key: dateSortKey(doc.date), file: source.file, doc });
  }

  if (problems.length) throw new EditionValidationError(problems);

  sorted.sort(compareDocuments);
  for (const { doc } of sorted) doc.edition.documents.push(doc);

  const byInputPath = new Map<string, EditionDocument>();
  const ordered = [...editions.values()].sort(
    (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title),
  );
  const all: EditionDocument[] = [];
  for (const edition of ordered) {
    edition.documents.forEach((doc, i, list) => {
      doc.number = i + 1;
      if (i > 0) doc.previous = list[i - 1];
      if (i < list.length - 1) doc.next = list[i + 1];
      byInputPath.set(doc.inputPath, doc);
      all.push(doc);
    });
  }
  return { editions: ordered, documents: all, byInputPath, editionsByInputPath };
}
