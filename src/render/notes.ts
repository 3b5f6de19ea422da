/** The source note on the page: the note built from the record, as HTML. */
import type { EditionDocument } from "../model/edition.js";
import { sourceNoteOf } from "../model/source-note.js";
import type { Labels } from "../options.js";
import { html, isSafeUrl, type SafeHtml } from "../markup/html.js";

export function sourceNoteHtml(
  doc: EditionDocument,
  context: { labels: Labels; locale: string },
): SafeHtml | undefined {
  const note = sourceNoteOf(doc, context);
  if (!note) return undefined;
  const { source } = note;
  const sourceHtml = source
    ? html` ${source.before}${source.url && isSafeUrl(source.url) ? html`<a href="${source.url}">${source.title}</a>` : source.title}${source.after}`
    : "";
  return html`<span class="de-note-kind">${context.labels.sourceNote}</span> ${note.sentences.join(" ")}${sourceHtml}`;
}
