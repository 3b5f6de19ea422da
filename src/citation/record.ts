/**
 * One citation record per document, as CSL-JSON: the single source for every style, export and
 * embedded metadata. Derived from the document's front matter; nothing is typed twice.
 */
import type { DocumentDate } from "../model/date.js";
import type { EditionDocument } from "../model/edition.js";
import { isEditorialNote } from "../model/source-note.js";

export interface CslName {
  literal?: string;
  family?: string;
  given?: string;
}

export interface CslDate {
  "date-parts": [number, number?, number?][];
  circa?: boolean;
}

/** The CSL-JSON fields the plugin fills. */
export interface CslItem {
  id: string;
  type: "manuscript";
  title: string;
  issued?: CslDate;
  author?: CslName[];
  recipient?: CslName[];
  translator?: CslName[];
  genre?: string;
  archive?: string;
  archive_collection?: string;
  archive_location?: string;
  page?: string;
  language?: string;
  "container-title"?: string;
  publisher?: string;
  URL?: string;
  accessed?: CslDate;
  abstract?: string;
  note?: string;
}

/** Offices and people are kept as written ("Ministry of Foreign Affairs", "David Cowhig"). */
const names = (values: readonly string[] | null | undefined): CslName[] | undefined =>
  values?.length ? values.map((literal) => ({ literal })) : undefined;

export function cslDate(date: DocumentDate): CslDate {
  const parts = [date.year, date.month, date.day].filter((p): p is number => p !== undefined) as [
    number,
    number?,
    number?,
  ];
  return { "date-parts": [parts], ...(date.approximate ? { circa: true } : {}) };
}

/** Drops the fields a document does not have, so exports carry no empty values. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== "")) as T;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function citationRecord(doc: EditionDocument): CslItem {
  const record = documentRecord(doc);
  if (!isEditorialNote(doc)) return record;
  // An editorial note is the edition's own text: no archive, collection, call number or pages of one.
  const { archive: _a, archive_collection: _c, archive_location: _l, page: _p, ...own } = record;
  return own;
}

function documentRecord(doc: EditionDocument): CslItem {
  return compact<CslItem>({
    id: doc.id,
    type: "manuscript",
    title: doc.title,
    issued: cslDate(doc.date),
    author: names(doc.author),
    recipient: names(doc.recipients),
    translator: names(doc.translation?.translator),
    // The record is the archival document's, its container the publication its text was taken
    // from (`source`): the edition's editors edited neither, so they are not its `editor` (a CSL
    // style would print them as the source's editors, or in place of a missing author). The
    // "edition" style names them, as editors of this edition.
    genre: doc.type && capitalise(doc.type),
    // An archive or call number the editor marked unknown (null) is left out, never printed "unknown".
    archive: doc.archive ?? undefined,
    archive_collection: doc.collection,
    archive_location: doc.callNumber ?? undefined,
    page: doc.pages ?? doc.folios,
    language: doc.translation?.language ?? doc.originalLanguage,
    "container-title": doc.source?.title,
    publisher: doc.source?.publisher,
    URL: doc.source?.url,
    accessed: doc.source?.accessed && cslDate(doc.source.accessed),
    abstract: doc.summary,
  });
}
