/** The source note, as FRUS prints it: where the original is, its markings, who translated it. */
import type { EditionDocument } from "./edition.js";
import { languageName } from "./language.js";
import type { Labels } from "../options.js";

/** The editors' own entry in the edition (`type: editorial note`), with no archival source. */
export const EDITORIAL_NOTE = "editorial note";
export const isEditorialNote = (doc: Pick<EditionDocument, "type">) => doc.type === EDITORIAL_NOTE;

const sentence = (parts: (string | undefined)[], separator: string) => {
  const text = parts.filter(Boolean).join(separator);
  return text && !/[.!?]$/.test(text) ? `${text}.` : text;
};

/**
 * What the editor marked unknown in the record (null), said plainly rather than left out as if
 * never asked: "Archive and call number not known." For the source note and the TEI's msDesc.
 */
export function notKnownText(doc: Pick<EditionDocument, "archive" | "callNumber">, labels: Labels): string | undefined {
  if (doc.archive === null && doc.callNumber === null) return labels.sourceNoteArchiveAndCallNumberNotKnown;
  if (doc.archive === null) return labels.sourceNoteArchiveNotKnown;
  if (doc.callNumber === null) return labels.sourceNoteCallNumberNotKnown;
  return undefined;
}

/** A source note built from a document's record: its sentences, and the source it was taken from. */
export interface SourceNote {
  sentences: string[];
  /** "Text from the {source}.", split around the source's title, which may be a link. */
  source?: { before: string; title: string; url?: string; after: string };
}

/**
 * "Source: Fujian Provincial Archives, 222-12-287, pp. 10-12. Top Secret; Priority Urgent.
 * Translated from Chinese by David Cowhig. Text from the Wilson Center Digital Archive."
 * Built from the document's record; undefined where the record has none of it.
 */
export function sourceNoteOf(
  doc: EditionDocument,
  context: { labels: Labels; locale: string },
): SourceNote | undefined {
  // An editorial note has no archival source: nothing to say of one, not even that it is not known.
  if (isEditorialNote(doc)) return undefined;
  const { labels, locale } = context;
  const pages = doc.pages
    ? `${/[-–,]/.test(doc.pages) ? labels.sourceNotePages : labels.sourceNotePage} ${doc.pages}`
    : doc.folios
      ? `${labels.sourceNoteFolios} ${doc.folios}`
      : undefined;
  const location = sentence([doc.archive ?? undefined, doc.collection, doc.callNumber ?? undefined, pages], ", ");
  const notKnown = notKnownText(doc, labels);
  const markings = sentence([doc.classification, doc.telegram?.precedence, ...(doc.handling ?? [])], "; ");
  const sentences = [location, notKnown, markings, translationSentence(doc, labels, locale)].filter(
    (part): part is string => Boolean(part),
  );
  const [before, after] = labels.sourceNoteTextFrom.split("{source}") as [string, string | undefined];
  const source = doc.source && {
    before,
    title: doc.source.title,
    ...(doc.source.url ? { url: doc.source.url } : {}),
    after: after ?? "",
  };
  if (!sentences.length && !source) return undefined;
  return { sentences, ...(source ? { source } : {}) };
}

/** Who translated the document, from what: "Translated from Chinese by David Cowhig." */
function translationSentence(doc: EditionDocument, labels: Labels, locale: string): string | undefined {
  const translator = doc.translation?.translator?.join(", ");
  const language = doc.originalLanguage ? languageName(doc.originalLanguage, locale) : "";
  if (translator) {
    return (doc.originalLanguage ? labels.sourceNoteTranslated : labels.sourceNoteTranslatedBy)
      .replace("{language}", language)
      .replace("{translator}", translator);
  }
  if (doc.translation?.translator !== null) return undefined;
  return (
    doc.originalLanguage ? labels.sourceNoteTranslatedTranslatorNotKnown : labels.sourceNoteTranslatorNotKnown
  ).replace("{language}", language);
}

/** The note as text, its label first, as the TEI's source note holds it. */
export function sourceNoteText(note: SourceNote, labels: Labels): string {
  const source = note.source ? `${note.source.before}${note.source.title}${note.source.after}` : "";
  return [labels.sourceNote, ...note.sentences, source].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
}
