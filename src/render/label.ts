/**
 * A document as a list names it: its number, its title and its date, in the form of the label
 * `documentLabel` ("{number}. {title} — {date}": "54. Memorandum of Conversation — March 3, 1970").
 * FRUS gives many documents the same title; the number and date tell them apart wherever documents
 * are listed (contents, chronology, indexes, register, previous and next, search results, feeds).
 */
import type { EditionDocument } from "../model/edition.js";
import { html, type SafeHtml } from "../markup/html.js";
import { dateHtml, dateText, type RenderContext } from "./document.js";

type Context = Pick<RenderContext, "locale" | "labels">;
type Listed = Pick<EditionDocument, "number" | "title" | "date">;

const PLACEHOLDER = /\{(number|title|date)\}/g;

/** The label's form cut at its placeholders: text and the names of the parts, in order. */
function pieces(form: string): (string | { part: "number" | "title" | "date" })[] {
  return form.split(PLACEHOLDER).map((piece, i) => (i % 2 ? { part: piece as "number" | "title" | "date" } : piece));
}

/** The label as plain text, for search results, feeds and attributes. */
export function documentLabelText(doc: Listed, context: Context): string {
  const parts = { number: `${doc.number}`, title: doc.title, date: dateText(doc.date, context) };
  return pieces(context.labels.documentLabel)
    .map((piece) => (typeof piece === "string" ? piece : parts[piece.part]))
    .join("");
}

/**
 * The label as HTML, to sit inside a link or a heading: the number in `de-number`, the title in
 * `de-title`, the date as a `<time>` in `de-label-date`.
 */
export function documentLabelHtml(doc: Listed, context: Context): SafeHtml {
  const parts = {
    number: html`<span class="de-number">${doc.number}</span>`,
    title: html`<span class="de-title">${doc.title}</span>`,
    date: html`<span class="de-label-date">${dateHtml(doc.date, context)}</span>`,
  };
  return html`<span class="de-label">${pieces(context.labels.documentLabel).map((piece) =>
    typeof piece === "string" ? piece : parts[piece.part],
  )}</span>`;
}
