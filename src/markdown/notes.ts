/**
 * Notes as a documentary edition prints them, on top of markdown-it-footnote: an unnumbered source
 * note first, then numbered notes, the editor's and the translator's (a footnote whose label begins
 * with "translator", as `[^translator-1]`), each visibly distinct and named for screen readers.
 *
 * Each note is printed twice, for the two ways of reading it, and CSS shows one: beside its
 * reference on a wide screen (a sidenote, inline in the text), and in the list of notes after the
 * text on a narrow screen and in print (an endnote with a back-link). Each reference carries a link
 * to each; CSS hides the one whose note is hidden, so no script is needed.
 */
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import { fragment, noteId, notesId } from "../model/ids.js";
import { html, raw } from "../markup/html.js";
import type Token from "markdown-it/lib/token.mjs";
import { SIDENOTE_COPY } from "./marks.js";

/** What markdown-it-footnote puts on a note's tokens: the note's index and its label as written. */
export interface FootnoteMeta {
  id: number;
  label?: string;
  subId?: number;
}
/** A footnote token's meta, typed (markdown-it types every token's `meta` as any). */
export const footnoteOf = (token: Token): FootnoteMeta => token.meta as FootnoteMeta;

export type NoteKind = "editorial" | "translator";

export interface NoteLabels {
  notes: string;
  note: string;
  translatorNote: string;
  backToText: string;
}

export interface NoteSettings {
  labels: NoteLabels;
  /** The source note's HTML for the page being rendered (its "Source:" label included), or nothing. */
  sourceNote: (env: Record<string, unknown>, md: MarkdownIt) => string | undefined;
  /** Whether the page's edition numbers its source note 1 and the text's notes from 2, as FRUS does. */
  numberSourceNote?: (env: Record<string, unknown>) => boolean;
}

export const noteKind = (label: unknown): NoteKind =>
  typeof label === "string" && /^translator/i.test(label) ? "translator" : "editorial";

const SIDENOTES = Symbol("sidenote HTML by footnote id");
const SOURCE_NOTE = Symbol("source note HTML");
const NOTE_OFFSET = Symbol("notes numbered after a numbered source note");
type NoteEnv = { [SIDENOTES]?: Map<number, string>; [SOURCE_NOTE]?: string; [NOTE_OFFSET]?: number; docId?: string };

/** A note's number as the page prints it: markdown-it-footnote's index, after the source note where the edition numbers it. */
const noteNumber = (env: NoteEnv, id: number) => id + 1 + (env[NOTE_OFFSET] ?? 0);

/**
 * A footnote's text as inline HTML, for the sidenote that sits inside the paragraph: the second copy
 * of the note, whose mentions and page breaks carry no id (the endnote's do).
 */
function collectSidenotes(state: StateCore): Map<number, string> {
  const notes = new Map<number, string>();
  let id = -1;
  let parts: string[] = [];
  const env = state.env as { [SIDENOTE_COPY]?: boolean };
  env[SIDENOTE_COPY] = true;
  for (const token of state.tokens) {
    if (token.type === "footnote_open") {
      id = footnoteOf(token).id;
      parts = [];
    } else if (token.type === "inline" && id >= 0) {
      parts.push(state.md.renderer.renderInline(token.children ?? [], state.md.options, state.env));
    } else if (token.type === "footnote_close") {
      notes.set(id, parts.join('<span class="de-note-break"></span>'));
      id = -1;
    }
  }
  delete env[SIDENOTE_COPY];
  return notes;
}

const BACK_ARROW = "\u21a9\ufe0e";

export function editionNotes(md: MarkdownIt, settings: NoteSettings): void {
  const { labels } = settings;
  const rules = md.renderer.rules;
  // Every id of a note comes from model/ids.ts, which the TEI export uses too.
  const idOf = (env: unknown, id: number, part: "fn" | "fnref" | "sn", subId = 0) =>
    noteId((env as NoteEnv).docId, noteNumber(env as NoteEnv, id), part, subId);

  md.core.ruler.after("footnote_tail", "edition_notes", (state) => {
    // Inline rendering (a source note's own Markdown, among others) has no notes section.
    if (state.inlineMode) return;
    const env = state.env as NoteEnv;
    env[SIDENOTES] = collectSidenotes(state);
    const source = settings.sourceNote(state.env as Record<string, unknown>, md);
    if (source) env[SOURCE_NOTE] = source;
    env[NOTE_OFFSET] = source && settings.numberSourceNote?.(state.env as Record<string, unknown>) ? 1 : 0;
    // A document with a source note and no footnotes still gets its notes section.
    if (source && !state.tokens.some((t) => t.type === "footnote_block_open")) {
      state.tokens.push(new state.Token("footnote_block_open", "", 1), new state.Token("footnote_block_close", "", -1));
    }
  });

  rules.footnote_ref = (tokens, idx, _options, env) =>
    noteReference(footnoteOf(tokens[idx]!), env as NoteEnv, labels, idOf);
  rules.footnote_block_open = (tokens, _idx, _options, env) => {
    const headingId = notesId((env as NoteEnv).docId);
    const source = (env as NoteEnv)[SOURCE_NOTE];
    const hasList = tokens.some((t) => t.type === "footnote_open");
    return html`<section class="de-notes" aria-labelledby="${headingId}">
<h2 id="${headingId}">${labels.notes}</h2>
${source ? sourceNoteParagraph(source, env as NoteEnv) : ""}${hasList ? html`<ol class="de-notes-list">\n` : ""}`.value;
  };
  rules.footnote_block_close = (tokens) =>
    `${tokens.some((t) => t.type === "footnote_open") ? "</ol>\n" : ""}</section>\n`;
  rules.footnote_open = (tokens, idx, _options, env) => {
    const { id, label } = footnoteOf(tokens[idx]!);
    const kind = noteKind(label);
    const kindLabel = kind === "translator" ? html`<span class="de-note-kind">${labels.translatorNote}</span>\n` : "";
    return html`<li id="${idOf(env, id, "fn")}" class="de-note de-note-${kind}" value="${noteNumber(env as NoteEnv, id)}" tabindex="-1">${kindLabel}`
      .value;
  };
  rules.footnote_anchor = (tokens, idx, _options, env) => {
    const { id, subId } = footnoteOf(tokens[idx]!);
    return html` <a class="de-backref" href="${fragment(idOf(env, id, "fnref", subId))}" aria-label="${labels.backToText}">${BACK_ARROW}</a>`
      .value;
  };
}

/** The source note at the head of the notes; numbered 1, with the id of note 1, where the edition numbers it. */
function sourceNoteParagraph(source: string, env: NoteEnv) {
  if (!env[NOTE_OFFSET]) return html`<p class="de-note de-source-note" role="note">${raw(source)}</p>\n`;
  return html`<p class="de-note de-source-note" id="${noteId(env.docId, 1)}" role="note" tabindex="-1"><span class="de-note-number">1</span> ${raw(source)}</p>\n`;
}

/**
 * A reference to a note: its number, linked to the sidenote beside the text and to the endnote,
 * and, at its first reference, the sidenote itself, which repeats the endnote (search indexes the
 * endnote only).
 */
function noteReference(
  { id, subId = 0, label }: FootnoteMeta,
  env: NoteEnv,
  labels: NoteSettings["labels"],
  idOf: (env: unknown, id: number, part: "fn" | "fnref" | "sn", subId?: number) => string,
): string {
  const n = String(noteNumber(env, id));
  const kind = noteKind(label);
  const name = `${kind === "translator" ? labels.translatorNote : labels.note} ${n}`;
  // tabindex="-1": following a link to a note, or back, moves the keyboard's focus there too.
  const ref = html`<sup class="de-ref de-ref-${kind}" id="${idOf(env, id, "fnref", subId)}" tabindex="-1" data-pagefind-ignore><a class="de-ref-side" href="${fragment(idOf(env, id, "sn"))}" aria-label="${name}">${n}</a><a class="de-ref-end" href="${fragment(idOf(env, id, "fn"))}" aria-label="${name}">${n}</a></sup>`;
  if (subId > 0) return ref.value;
  const kindLabel = kind === "translator" ? html`<span class="de-note-kind">${labels.translatorNote}:</span> ` : "";
  return html`${ref}<span class="de-sidenote de-note-${kind}" id="${idOf(env, id, "sn")}" role="note" aria-label="${name}" tabindex="-1" data-pagefind-ignore><span class="de-note-number">${n}</span> ${kindLabel}${raw(env[SIDENOTES]?.get(id) ?? "")} <a class="de-backref" href="${fragment(idOf(env, id, "fnref"))}" aria-label="${labels.backToText}">${BACK_ARROW}</a></span>`
    .value;
}
