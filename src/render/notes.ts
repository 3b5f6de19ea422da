/** The source note, as FRUS prints it: where the original is, its markings, who translated it. */
import type { EditionDocument } from "../model/edition.js";
import { languageName } from "../model/language.js";
import type { Labels } from "../options.js";
import { html, isSafeUrl, type SafeHtml } from "../markup/html.js";

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

/**
 * "Source: Fujian Provincial Archives, 222-12-287, pp. 10-12. Top Secret; Priority Urgent.
 * Translated from Chinese by David Cowhig. Text from the Wilson Center Digital Archive."
 * Built from the document's record; empty where the record has none of it.
 */
export function sourceNoteHtml(
  doc: EditionDocument,
  context: { labels: Labels; locale: string },
): SafeHtml | undefined {
  const { labels, locale } = context;
  const pages = doc.pages
    ? `${/[-–,]/.test(doc.pages) ? labels.sourceNotePages : labels.sourceNotePage} ${doc.pages}`
    : doc.folios
      ? `${labels.sourceNoteFolios} ${doc.folios}`
      : undefined;
  const location = sentence([doc.archive ?? undefined, doc.collection, doc.callNumber ?? undefined, pages], ", ");
  const notKnown = notKnownText(doc, labels);
  const markings = sentence([doc.classification, doc.telegram?.precedence, ...(doc.handling ?? [])], "; ");
  const translator = doc.translation?.translator?.join(", ");
  const language = doc.originalLanguage ? languageName(doc.originalLanguage, locale) : "";
  const translation = translator
    ? (doc.originalLanguage ? labels.sourceNoteTranslated : labels.sourceNoteTranslatedBy)
        .replace("{language}", language)
        .replace("{translator}", translator)
    : doc.translation?.translator === null
      ? (doc.originalLanguage
          ? labels.sourceNoteTranslatedTranslatorNotKnown
          : labels.sourceNoteTranslatorNotKnown
        ).replace("{language}", language)
      : undefined;
  const [before, after] = labels.sourceNoteTextFrom.split("{source}") as [string, string | undefined];
  const source = doc.source
    ? html`${before}${doc.source.url && isSafeUrl(doc.source.url) ? html`<a href="${doc.source.url}">${doc.source.title}</a>` : doc.source.title}${after ?? ""}`
    : undefined;
  const parts = [location, notKnown, markings, translation].filter(Boolean);
  if (!parts.length && !source) return undefined;
  return html`<span class="de-note-kind">${labels.sourceNote}</span> ${parts.join(" ")}${source ? html` ${source}` : ""}`;
}
