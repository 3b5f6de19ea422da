/**
 * A document's source note from its Markdown: the editor's own (`sourceNote`), rendered apart
 * from the document's footnotes (which would otherwise be appended to it), or the one built from
 * its record. As HTML for the page, as text for the TEI.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { EditionDocument } from "../model/edition.js";
import type { Problem } from "../model/errors.js";
import { sourceNoteOf, sourceNoteText } from "../model/source-note.js";
import { escapeHtml } from "../markup/html.js";
import type { Labels } from "../options.js";
import { TEXT_PROBLEMS, type MarkSyntaxError } from "./marks.js";
import { plainText } from "./plain-text.js";

/**
 * The editor's own source note as HTML, labelled, and the mistakes in its Markdown; `env` is the
 * page's, so that its mentions are numbered after the text's. Undefined where the document has
 * no note of its own (the page then prints the one built from its record).
 */
export function ownSourceNoteHtml(
  md: MarkdownIt,
  doc: EditionDocument,
  labels: Labels,
  env: Record<string, unknown>,
): { html: string; problems: Problem[] } | undefined {
  if (!doc.sourceNote) return undefined;
  const found: MarkSyntaxError[] = [];
  const own = Object.assign(Object.create(env) as Record<string | symbol, unknown>, {
    footnotes: undefined,
    [TEXT_PROBLEMS]: found,
  });
  const note = md.renderInline(doc.sourceNote, own);
  return {
    html: `<span class="de-note-kind">${escapeHtml(labels.sourceNote)}</span> ${note}`,
    problems: found.map((p) => ({ file: doc.file, field: "sourceNote", value: p.found, expected: p.expected })),
  };
}

/**
 * The source note as the TEI holds it: its label and its words, and, for the editor's own note, its
 * inline tokens, so that its mentions and cross-references stay elements there. Its mistakes are
 * reported as its HTML is rendered.
 */
export function teiSourceNote(
  md: MarkdownIt,
  doc: EditionDocument,
  context: { labels: Labels; locale: string },
): { text: string; tokens?: Token[] } | undefined {
  if (doc.sourceNote) {
    // The page's inputPath, as the page's own render has it, resolves its cross-references.
    const env = { page: { inputPath: doc.inputPath }, footnotes: undefined, [TEXT_PROBLEMS]: [] };
    const tokens = md.parseInline(doc.sourceNote, env)[0]?.children ?? [];
    return { text: `${context.labels.sourceNote} ${plainText(tokens)}`, tokens };
  }
  const note = sourceNoteOf(doc, context);
  return note && { text: sourceNoteText(note, context.labels) };
}
