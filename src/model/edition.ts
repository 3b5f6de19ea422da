/**
 * Editions and their documents, built once per build: every document validated, placed in its
 * edition's parts and order (order.ts), and linked to its neighbours.
 * Eleventy-free: the adapter hands in plain records and gets the model or one error listing every
 * problem in the edition.
 */
import { dateSortKey, type DocumentDate } from "./date.js";
import { documentId, entryId, mentionId } from "./ids.js";
import { EditionValidationError, type Problem } from "./errors.js";
import { fieldsAt, problemsFromZod } from "./issues.js";
import {
  documentSchema,
  editionSchemaFor,
  type DocumentMetadata,
  type DocumentSchema,
  type EditionMetadata,
  type SchemaSettings,
} from "./schema.js";
import { unknownFields } from "./fields.js";
import type { Editor } from "./editors.js";
import { withFieldOrder, type Telegram } from "./telegram.js";
import { arrangeEdition, checkPart, partOf } from "./order.js";
import { countNotes } from "./references.js";
import { participantItems } from "./participants.js";
import {
  FRONT_MATTER_KINDS,
  keyProblems,
  MENTIONS,
  REGISTER_KINDS,
  scanMentions,
  validateRegister,
  withoutMentions,
  type Mention,
  type Register,
  type RegisterEntry,
  type RegisterKind,
} from "./register.js";

export type { Register, RegisterEntry, RegisterKind } from "./register.js";

/** A Markdown file as Eleventy read it: where it is and its merged data. */
export interface SourceFile {
  /** The Markdown body as written (Eleventy's page.rawInput), read for register mentions. */
  text?: string;
  /** The keys of the file's own front matter, as written (its data also holds the site's data). */
  frontMatterKeys?: readonly string[];
  /** How many lines precede the body in the file (the front matter), counted only when needed. */
  bodyOffset?: () => number;
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
  /** The folders between the edition's and the file ("comp1/ch2"), as paths.ts gives them; "" or absent in the edition's own folder. */
  folder?: string;
  url: string;
  data: Record<string, unknown>;
}

export interface EditionDocument extends Omit<
  DocumentMetadata,
  "date" | "dateApproximate" | "time" | "timeZone" | "telegram"
> {
  /** "talks/cable": unique in the site, stable across builds. */
  id: string;
  slug: string;
  inputPath: string;
  file: string;
  url: string;
  date: DocumentDate;
  telegram?: Telegram;
  /** The register mentions in the text, its notes and its source note, in order: each an anchor on its page. */
  mentions: Mention[];
  /** The register entries its summary mentions (a summary is shown as plain text: no anchors). */
  summaryMentions: Mention[];
  edition: Edition;
  /** The innermost part (chapter) that holds it, where the edition has parts. */
  part?: Part;
  /** How many notes its text refers to (the source note aside). */
  noteCount: number;
  /** Its number in the edition as the editor gives it ("57", "57a"), or else its place, 1..n, in the edition's order. */
  number: string;
  previous?: EditionDocument;
  next?: EditionDocument;
}

/** One register entry as an edition uses it: where its text mentions it, which documents list it. */
export interface RegisterUse {
  kind: RegisterKind;
  key: string;
  /** Its anchor on the register page ("person-han-nianlong"). */
  anchor: string;
  entry: RegisterEntry;
  mentions: { doc: EditionDocument; anchor: string; occurrence: number }[];
  /** Its mentions in the edition's introduction (the edition's index page), as anchors there. */
  introduction: { anchor: string; occurrence: number }[];
  documents: EditionDocument[];
}

/** A part of an edition (a chapter, a compilation): a folder inside the edition's with an index file. */
export interface Part {
  /** Its folder inside the edition's ("comp1/ch2"). */
  folder: string;
  title: string;
  order?: number;
  /** Its anchor on the edition's contents and its id in the TEI ("part-comp1--ch2"). */
  id: string;
  url: string;
  inputPath: string;
  edition: Edition;
  /** The part that holds it, if any. */
  parent?: Part;
  parts: Part[];
  /** Its own documents (not its parts'), in the edition's order. */
  documents: EditionDocument[];
}

export interface Edition extends Omit<EditionMetadata, "editors"> {
  slug: string;
  /** Its parts (chapters) in order; empty where it has none. Its own documents come before them. */
  parts: Part[];
  /** Whether its documents carry numbers of the editor's own (`number`), or are numbered by their place. */
  numbered: boolean;
  /** Its editors, each a name with the role the index file gives, if any. */
  editors: Editor[];
  url: string;
  /** The edition's index file, where it has one. */
  inputPath?: string;
  /** Every document, in the edition's order: its own, then each part's, depth first. */
  documents: EditionDocument[];
  /** The register entries its documents use, kind by kind (people, places, subjects, terms), by name. */
  register: RegisterUse[];
  /** The URL of its register page, where it has register entries. */
  registerUrl?: string;
  /** The register mentions in its introduction (the body of its index.md), in order. */
  mentions: Mention[];
}

export interface EditionModel {
  register: Register;
  editions: Edition[];
  documents: EditionDocument[];
  byInputPath: Map<string, EditionDocument>;
  editionsByInputPath: Map<string, Edition>;
  /** The parts' index files, for their pages. */
  partsByInputPath: Map<string, Part>;
}

export interface BuildSettings extends SchemaSettings {
  /** The URL of an edition that has no index file of its own. */
  editionUrl: (slug: string) => string;
  /** Where the register lives, for messages ("_data/register"). */
  registerSource: string;
  /** The prototype editions and documents are made with, where their host needs one of its own (the Eleventy adapter does); plain objects otherwise. */
  prototype?: object;
}

const modelObject = <T extends object>(prototype: object | undefined, fields: T): T =>
  Object.assign(Object.create(prototype ?? Object.prototype) as T, fields);

/** A register key use for each mention, located by its line in the file, or by the field it is written in. */
function mentionUses(mentions: readonly Mention[], where: SourceFile | string) {
  return mentions.map((m) => ({
    kind: MENTIONS[m.kind],
    key: m.key,
    // A mention's line in the file is worked out only for a problem: it means reading the file.
    field:
      typeof where === "string"
        ? () => `${where} (line ${m.line} of the field)`
        : () => `line ${m.line + (where.bodyOffset?.() ?? 0)}`,
  }));
}

/** An edition as its folder alone gives it: its name made from the folder's, no editors. */
function unnamedEdition(prototype: object | undefined, slug: string, url: string, inputPath?: string): Edition {
  return modelObject<Edition>(prototype, {
    slug,
    title: humanise(slug),
    editors: [],
    numberSourceNote: false,
    numbered: false,
    parts: [],
    url,
    ...(inputPath ? { inputPath } : {}),
    documents: [],
    register: [],
    mentions: [],
  });
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
  registerData: unknown,
  settings: BuildSettings,
): EditionModel {
  const { problems, ...model } = checkEditions(documents, indexes, registerData, settings);
  if (problems.length) throw new EditionValidationError(problems);
  return model;
}

/**
 * As buildEditions, but the problems are returned beside a model of the documents that passed, so
 * that a build can go on to find the problems in the documents' text too and report all at once.
 */
export function checkEditions(
  documents: readonly SourceFile[],
  indexes: readonly SourceFile[],
  registerData: unknown,
  settings: BuildSettings,
): EditionModel & { problems: Problem[] } {
  const { register, problems } = validateRegister(registerData, settings.registerSource, settings.fields?.register);
  const check: Check = {
    register,
    settings,
    problems,
    editions: new Map(),
    editionsByInputPath: new Map(),
    parts: new Map(),
    partsByInputPath: new Map(),
  };
  checkIndexes(
    indexes.filter((index) => !index.folder),
    check,
  );
  checkParts(
    indexes.filter((index) => index.folder),
    check,
  );
  for (const doc of checkDocuments(documents, check)) doc.edition.documents.push(doc);
  const editions = orderEditions(check.editions.values());
  for (const edition of editions) {
    const parts = [...(check.parts.get(edition.slug)?.values() ?? [])];
    problems.push(...arrangeEdition(edition, parts, edition.documents));
  }
  const { all, byInputPath } = linkDocuments(editions);
  for (const edition of editions) attachRegister(edition, register);
  return {
    register,
    editions,
    documents: all,
    byInputPath,
    editionsByInputPath: check.editionsByInputPath,
    partsByInputPath: check.partsByInputPath,
    problems,
  };
}

/** What every step of the check adds to, so that the problems keep the order they are found in and editions are made once. */
interface Check {
  register: Register;
  settings: BuildSettings;
  problems: Problem[];
  editions: Map<string, Edition>;
  editionsByInputPath: Map<string, Edition>;
  /** Each edition's parts, by folder. */
  parts: Map<string, Map<string, Part>>;
  partsByInputPath: Map<string, Part>;
}

/** Parts are made once their editions exist, then each is put under the nearest folder above it that is a part too. */
function checkParts(indexes: readonly SourceFile[], check: Check): void {
  for (const index of indexes) {
    const edition = editionOf(index, check);
    const { part, problems } = checkPart(index, edition, (fields) => modelObject(check.settings.prototype, fields));
    check.problems.push(...problems);
    // A part's introduction may mention the register as the edition's does: its keys are checked.
    const uses = mentionUses(scanMentions(index.text ?? ""), index);
    check.problems.push(...keyProblems(uses, index.file, check.register, check.settings.registerSource));
    if (!part) continue;
    let parts = check.parts.get(edition.slug);
    if (!parts) check.parts.set(edition.slug, (parts = new Map<string, Part>()));
    parts.set(part.folder, part);
    check.partsByInputPath.set(part.inputPath, part);
  }
  for (const parts of check.parts.values()) {
    for (const part of parts.values()) {
      const parent = partOf(part.folder.slice(0, Math.max(0, part.folder.lastIndexOf("/"))), parts);
      if (parent) part.parent = parent;
    }
  }
}

type EditionSchema = ReturnType<typeof editionSchemaFor>;

/** Index files name and describe their editions, so their editions exist before any document looks for its own. */
function checkIndexes(indexes: readonly SourceFile[], check: Check): void {
  const schema = editionSchemaFor(check.settings.fields);
  const fields = fieldsAt(schema, []);
  for (const index of indexes) {
    check.problems.push(
      ...unknownFields(index.data, index.frontMatterKeys ?? [], fields, index.file, "fields.edition"),
    );
    const edition = checkIndex(index, schema, check);
    check.editions.set(index.edition, edition);
    check.editionsByInputPath.set(index.inputPath, edition);
  }
}

/** An index file with problems still has its page, so it always gives an edition: its own, or one named after its folder. */
function checkIndex(index: SourceFile, schema: EditionSchema, check: Check): Edition {
  const result = schema.safeParse(index.data);
  if (!result.success) {
    check.problems.push(...problemsFromZod(result.error, index.data, index.file, schema));
    // The edition still has its index page: no page of the plugin's is made in its place.
    return unnamedEdition(check.settings.prototype, index.edition, index.url, index.inputPath);
  }
  const mentions = scanMentions(index.text ?? "");
  // The edition's summary is shown as plain text (on the home page): its mentions are checked, and shown as their words.
  const summaryUses = result.data.summary ? mentionUses(scanMentions(result.data.summary), "summary") : [];
  const found = keyProblems(
    [...mentionUses(mentions, index), ...summaryUses],
    index.file,
    check.register,
    check.settings.registerSource,
  );
  check.problems.push(...found);
  const { editors, summary, ...metadata } = result.data;
  const edition: Edition = modelObject(check.settings.prototype, {
    ...metadata,
    ...(summary ? { summary: withoutMentions(summary) } : {}),
    editors: editors ?? [],
    parts: [],
    numbered: false,
    slug: index.edition,
    url: index.url,
    inputPath: index.inputPath,
    documents: [],
    register: [],
    mentions: found.length ? [] : mentions,
  });
  return edition;
}

/** What checking one document needs of the others: the schema made once, and the ids already taken. */
interface DocumentCheck {
  schema: DocumentSchema;
  fields: string[];
  /** Its notes', mentions' and page breaks' ids start with a document's id: two documents must not share it. */
  idsTaken: Map<string, string>;
}

/** Every document is checked so that an editor sees every problem at once; those that pass are kept in date order. */
function checkDocuments(documents: readonly SourceFile[], check: Check): EditionDocument[] {
  const schema = documentSchema(check.settings);
  const each: DocumentCheck = { schema, fields: fieldsAt(schema, []), idsTaken: new Map() };
  const sorted: { key: string; file: string; doc: EditionDocument }[] = [];
  for (const source of documents) {
    const doc = checkDocument(source, each, check);
    if (doc) sorted.push({ key: dateSortKey(doc.date), file: source.file, doc });
  }
  return sorted.sort(compareDocuments).map(({ doc }) => doc);
}

/** A document is made only where its record has no problem, so that no page is built from a record still to be corrected. */
function checkDocument(source: SourceFile, each: DocumentCheck, check: Check): EditionDocument | undefined {
  const misplaced = fileProblem(source);
  if (misplaced) {
    check.problems.push(misplaced);
    return undefined;
  }
  const unknown = unknownFields(source.data, source.frontMatterKeys ?? [], each.fields, source.file, "fields.document");
  check.problems.push(...unknown);
  const clash = idProblem(source, each.idsTaken);
  if (clash) check.problems.push(clash);
  const result = each.schema.safeParse(source.data);
  if (!result.success) {
    check.problems.push(...problemsFromZod(result.error, source.data, source.file, each.schema));
    return undefined;
  }
  const mentions = documentMentions(source, result.data);
  const found = keyProblems(mentions.uses, source.file, check.register, check.settings.registerSource);
  check.problems.push(...found);
  if (found.length || unknown.length) return undefined;
  const edition = editionOf(source, check);
  const part = partOf(source.folder, check.parts.get(edition.slug) ?? new Map<string, Part>());
  return documentOf(source, result.data, mentions, { edition, part }, check.settings.prototype);
}

/** Some files cannot be read as documents at all, so nothing else about them is worth reporting. */
function fileProblem(source: SourceFile): Problem | undefined {
  if (source.frontMatterKeys?.length === 0) {
    return {
      file: source.file,
      field: "(front matter)",
      value: undefined,
      found: "none",
      expected:
        "front matter at the top of the file: a line ---, the fields (at least title and date), and a line --- again",
    };
  }
  // An edition's register page has the address of a document named "register" at its top.
  if (source.id === `${source.edition}/register`) {
    return {
      file: source.file,
      field: "(file name)",
      value: "register",
      found: '"register.md"',
      expected: "another name: the edition's register page has this address (/register/ inside the edition)",
    };
  }
  return undefined;
}

/** Two documents with the same id would share their anchors, so the second to claim an id is told which file has it. */
function idProblem(source: SourceFile, idsTaken: Map<string, string>): Problem | undefined {
  const docId = documentId(source.id);
  const taken = idsTaken.get(docId);
  if (!taken) {
    idsTaken.set(docId, source.file);
    return undefined;
  }
  return {
    file: source.file,
    field: "(file name)",
    value: source.id,
    expected: `a path whose id ("${docId}") differs from ${taken}'s: rename one of the two files`,
  };
}

/** A document's register keys are checked wherever they are written, and its mentions numbered as its page prints them. */
function documentMentions(source: SourceFile, data: DocumentMetadata) {
  // Mentions are numbered as the page prints them: the text and its notes, then the source note.
  // A memorandum's participants and subject come first (the page parses them before the text,
  // markdown/conversation.ts), and attachments' source notes after the text, before its own.
  const counts = new Map<string, number>();
  const conversation = conversationMentions(data, counts);
  const mentions = scanMentions(source.text ?? "", counts);
  const attachmentNotes = (data.attachments ?? []).map((a, i) => ({
    field: `attachments.${i}.sourceNote`,
    mentions: a.sourceNote ? scanMentions(a.sourceNote, counts) : [],
  }));
  const noteMentions = data.sourceNote ? scanMentions(data.sourceNote, counts) : [];
  const summaryMentions = data.summary ? scanMentions(data.summary) : [];
  const uses = [
    ...FRONT_MATTER_KINDS.flatMap((kind) => data[kind].map((key, i) => ({ kind, key, field: `${kind}.${i}` }))),
    ...participantItems(data.participants).flatMap(({ item, field }) =>
      typeof item === "object" && "person" in item
        ? [{ kind: "people" as const, key: item.person, field: `${field}.person` }]
        : [],
    ),
    ...conversation.flatMap((c) => mentionUses(c.mentions, c.field)),
    ...mentionUses(mentions, source),
    ...attachmentNotes.flatMap((a) => mentionUses(a.mentions, a.field)),
    ...mentionUses(noteMentions, "sourceNote"),
    ...mentionUses(summaryMentions, "summary"),
  ];
  return {
    mentions: [
      ...conversation.flatMap((c) => c.mentions),
      ...mentions,
      ...attachmentNotes.flatMap((a) => a.mentions),
      ...noteMentions,
    ],
    summaryMentions,
    uses,
  };
}

/** The mentions in a memorandum's participants (their texts and roles) and subject, in the order the page prints them. */
function conversationMentions(data: DocumentMetadata, counts: Map<string, number>) {
  const texts = participantItems(data.participants).map(({ item, field }) =>
    typeof item === "string" ? { field, text: item } : { field: `${field}.role`, text: item.role ?? "" },
  );
  if (data.subject) texts.push({ field: "subject", text: data.subject });
  return texts.map(({ field, text }) => ({ field, mentions: scanMentions(text, counts) }));
}

/** A folder of documents is an edition even without an index file, so its edition is made when its first document asks. */
function editionOf(source: SourceFile, check: Check): Edition {
  let edition = check.editions.get(source.edition);
  if (!edition) {
    edition = unnamedEdition(check.settings.prototype, source.edition, check.settings.editionUrl(source.edition));
    check.editions.set(source.edition, edition);
  }
  return edition;
}

/** The model keeps a document's date, time and zone as one date, and its summary without mention markup, for every page to print. */
function documentOf(
  source: SourceFile,
  data: DocumentMetadata,
  { mentions, summaryMentions }: { mentions: Mention[]; summaryMentions: Mention[] },
  { edition, part }: { edition: Edition; part: Part | undefined },
  prototype: object | undefined,
): EditionDocument {
  const { date, dateApproximate, time, timeZone, telegram, summary, number, ...metadata } = data;
  const doc: EditionDocument = modelObject(prototype, {
    ...metadata,
    id: source.id,
    slug: source.slug,
    inputPath: source.inputPath,
    file: source.file,
    url: source.url,
    date: { ...date, approximate: dateApproximate, ...time, ...(timeZone ? { timeZone } : {}) },
    ...(telegram ? { telegram: withFieldOrder(telegram, source.data.telegram) } : {}),
    ...(summary ? { summary: withoutMentions(summary) } : {}),
    mentions,
    summaryMentions,
    noteCount: countNotes(source.text ?? ""),
    edition,
    ...(part ? { part } : {}),
    number: number ?? "",
  });
  return doc;
}

/** Editions are listed in the order their editors gave them, then by title, wherever their files lie. */
export function orderEditions(editions: Iterable<Edition>): Edition[] {
  return [...editions].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title));
}

/** Documents are linked in their edition's order, for the pages' previous and next. */
function linkDocuments(editions: readonly Edition[]) {
  const byInputPath = new Map<string, EditionDocument>();
  const all: EditionDocument[] = [];
  for (const edition of editions) {
    edition.documents.forEach((doc, i, list) => {
      if (i > 0) doc.previous = list[i - 1];
      if (i < list.length - 1) doc.next = list[i + 1];
      byInputPath.set(doc.inputPath, doc);
      all.push(doc);
    });
  }
  return { all, byInputPath };
}

/** An edition has a register page only where its documents use the register, so the uses are collected before its address is set. */
function attachRegister(edition: Edition, register: Register): void {
  edition.register = registerUses(edition, register);
  if (edition.register.length) edition.registerUrl = `${edition.url}register/`;
}

/** The register entries an edition's documents use, with every mention and listing, in one pass. */
function registerUses(edition: Edition, register: Register): RegisterUse[] {
  const uses = new Map<string, RegisterUse>();
  const use = (kind: RegisterKind, key: string): RegisterUse => {
    const id = `${kind}:${key}`;
    let found = uses.get(id);
    if (!found) {
      found = {
        kind,
        key,
        anchor: entryId(kind, key),
        entry: register[kind]![key]!,
        mentions: [],
        documents: [],
        introduction: [],
      };
      uses.set(id, found);
    }
    return found;
  };
  for (const m of edition.mentions) {
    const anchor = mentionId(documentId(`${edition.slug}/index`), m.kind, m.key, m.occurrence);
    use(MENTIONS[m.kind], m.key).introduction.push({ anchor, occurrence: m.occurrence });
  }
  for (const doc of edition.documents) {
    const listed = new Set<RegisterUse>();
    for (const kind of FRONT_MATTER_KINDS) for (const key of doc[kind]) listed.add(use(kind, key));
    // A participant named by key is listed, as the people of the front matter are.
    for (const { item } of participantItems(doc.participants)) {
      if (typeof item === "object" && "person" in item) listed.add(use("people", item.person));
    }
    for (const m of doc.summaryMentions) listed.add(use(MENTIONS[m.kind], m.key));
    for (const found of listed) found.documents.push(doc);
    for (const m of doc.mentions) {
      use(MENTIONS[m.kind], m.key).mentions.push({
        doc,
        anchor: mentionId(documentId(doc.id), m.kind, m.key, m.occurrence),
        occurrence: m.occurrence,
      });
    }
  }
  const sortName = (u: RegisterUse) => u.entry.sortName ?? u.entry.name;
  return [...uses.values()].sort(
    (a, b) => REGISTER_KINDS.indexOf(a.kind) - REGISTER_KINDS.indexOf(b.kind) || sortName(a).localeCompare(sortName(b)),
  );
}
