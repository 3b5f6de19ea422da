/** The source note on the page: the editor's own, or the note built from the record, as HTML. */
import type MarkdownIt from "markdown-it";
import { ownSourceNoteHtml } from "../markdown/source-note.js";
import type { EditionDocument } from "../model/edition.js";
import type { Problem } from "../model/errors.js";
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

/** The note the page prints: the editor's own (its mistakes to `report`), else the one built from the record. */
export function pageSourceNoteHtml(
  md: MarkdownIt,
  doc: EditionDocument,
  context: { labels: Labels; locale: string },
  env: Record<string, unknown>,
  report: (problems: Problem[]) => void,
): string | undefined {
  const own = ownSourceNoteHtml(md, doc, context.labels, env);
  if (!own) return sourceNoteHtml(doc, context)?.value;
  report(own.problems);
  return own.html;
}
