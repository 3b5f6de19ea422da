/**
 * A document's attachments: a line `{attachment}` alone in its paragraph begins the next entry of
 * the front matter's `attachments`, and everything after it up to the next such line or the end of
 * the text (its notes apart) is that attachment. A core rule turns the lines into an
 * `attachment_open`/`attachment_close` pair around each attachment's blocks, with the entry's
 * heading and record in the opening token; the page and the TEI print from those tokens.
 */
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Problem } from "../model/errors.js";
import { escapeHtml } from "../markup/html.js";
import { MarkSyntaxError, reportTextProblem, TEXT_PROBLEMS } from "./marks.js";

/** One entry of `attachments`, ready to print: its date already formatted as the document's is. */
export interface AttachmentEntry {
  title: string;
  date?: { text: string; datetime: string; tei: Record<string, string> };
  classification?: string;
  sourceNote?: string;
}

/** What the rule needs of the page: its document's attachments, and where to tell its source notes' mistakes. */
export interface AttachmentSettings {
  /**
   * The entries of the page's document; undefined for a page that is no document (or whose record
   * has problems of its own), whose `{attachment}` lines are then left as they are.
   */
  entries: (env: Record<string, unknown>) => readonly AttachmentEntry[] | undefined;
  /** The label of a source note ("Source:"). */
  sourceNoteLabel: string;
  report?: (env: Record<string, unknown>, problems: Problem[]) => void;
  /** The page's file, for problems in an attachment's source note. */
  file?: (env: Record<string, unknown>) => string;
}

/** What the opening token of an attachment carries. */
export interface AttachmentMeta extends AttachmentEntry {
  /** 1 for the first attachment. */
  n: number;
  /** Its id on the page and in the TEI: "<docId>-attachment-1". */
  id: string;
  sourceNoteLabel: string;
}

/** The Markdown of an attachment's source note, parsed after the text. */
const NOTE_INLINE = "attachment_source_note_inline";

/** A paragraph that is an attachment line, written rightly or not. */
const ATTACHMENT_LINE = /^\{attachment\b[^{}]*\}$/;
const LINE_EXPECTED =
  "{attachment} alone on its line, with nothing after the word: an attachment's title, date and source note are written in the front matter's attachments";

/** The tokens of the main text: before the first attachment and the notes. */
export function mainBlocks(tokens: Token[]): Token[] {
  const end = tokens.findIndex((t) => t.type === "footnote_block_open" || t.type === "attachment_open");
  return end >= 0 ? tokens.slice(0, end) : tokens;
}

/** Each attachment's opening token and its blocks (its source note apart), in order. */
export function attachmentParts(tokens: Token[]): { open: Token; note: Token[]; blocks: Token[] }[] {
  const out: { open: Token; note: Token[]; blocks: Token[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type !== "attachment_open") continue;
    const open = tokens[i] as Token;
    let j = i + 1;
    const note: Token[] = [];
    if (tokens[j]?.type === "attachment_source_note_open") {
      note.push(...tokens.slice(j, j + 3));
      j += 3;
    }
    const close = tokens.findIndex((t, k) => k >= j && t.type === "attachment_close");
    out.push({ open, note, blocks: tokens.slice(j, close) });
    i = close;
  }
  return out;
}

function attachmentLines(state: StateCore, settings: AttachmentSettings): void {
  // A field's inline Markdown (a source note) holds no attachment.
  if (state.inlineMode) return;
  const env = state.env as Record<string, unknown>;
  const entries = settings.entries(env);
  if (!entries) return;
  const docId = typeof env.docId === "string" ? env.docId : "document";
  const out: Token[] = [];
  let n = 0;
  for (let i = 0; i < state.tokens.length; i++) {
    const t = state.tokens[i] as Token;
    const content = state.tokens[i + 1]?.content.trim() ?? "";
    if (t.type !== "paragraph_open" || t.level !== 0 || !ATTACHMENT_LINE.test(content)) {
      out.push(t);
      continue;
    }
    const line = (t.map?.[0] ?? 0) + 1;
    if (content !== "{attachment}") reportTextProblem(env, new MarkSyntaxError(line, content, LINE_EXPECTED));
    n++;
    if (!entries[n - 1]) {
      const expected = `no more {attachment} lines than entries in the front matter's attachments (${entries.length})`;
      reportTextProblem(env, new MarkSyntaxError(line, `{attachment} number ${n}`, expected));
    }
    if (n > 1) out.push(new state.Token("attachment_close", "", -1));
    const meta: AttachmentMeta = {
      ...(entries[n - 1] ?? { title: "" }),
      n,
      id: `${docId}-attachment-${n}`,
      sourceNoteLabel: settings.sourceNoteLabel,
    };
    out.push(...openingTokens(state, meta, t.map));
    i += 2;
  }
  if (n) out.push(new state.Token("attachment_close", "", -1));
  if (n < entries.length) reportMissing(state, n, entries);
  state.tokens = out;
}

/** An attachment's opening, and its source note's Markdown to be parsed after the text. */
function openingTokens(state: StateCore, meta: AttachmentMeta, map: Token["map"]): Token[] {
  const open = new state.Token("attachment_open", "", 1);
  open.block = true;
  open.map = map;
  open.meta = meta;
  if (!meta.sourceNote) return [open];
  const noteOpen = new state.Token("attachment_source_note_open", "", 1);
  noteOpen.level = 1;
  // Not "inline": markdown-it's inline rule leaves it to be parsed after the text.
  const inline = new state.Token(NOTE_INLINE, "", 0);
  inline.level = 2;
  inline.content = meta.sourceNote;
  inline.children = [];
  inline.meta = { attachmentSourceNote: meta.n };
  const noteClose = new state.Token("attachment_source_note_close", "", -1);
  noteClose.level = 1;
  return [open, noteOpen, inline, noteClose];
}

/** Entries no line begins: told at the text's last line, naming them. */
function reportMissing(state: StateCore, n: number, entries: readonly AttachmentEntry[]): void {
  const missing = entries
    .slice(n)
    .map((e) => JSON.stringify(e.title))
    .join(", ");
  reportTextProblem(
    state.env as object,
    new MarkSyntaxError(
      state.src.trimEnd().split("\n").length,
      `${n} {attachment} line${n === 1 ? "" : "s"}`,
      `a line {attachment} in the text for each of the ${entries.length} attachments; none begins ${missing}`,
    ),
  );
}

/**
 * The attachments' source notes are parsed after the text, through the page's env, as the
 * edition numbers their mentions after the text's; their mistakes are told by field.
 */
/** The line of a field's text (1-based) that holds what a mistake found, the text's own line count being the page's. */
const lineIn = (text: string, found: string) => {
  const at = text.indexOf(found);
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
};

function attachmentSourceNotes(state: StateCore, settings: AttachmentSettings): void {
  const env = state.env as Record<string | symbol, unknown>;
  for (const token of state.tokens) {
    const n = (token.meta as { attachmentSourceNote?: number } | null)?.attachmentSourceNote;
    if (token.type !== NOTE_INLINE || n === undefined) continue;
    const saved = env[TEXT_PROBLEMS];
    const found: MarkSyntaxError[] = [];
    env[TEXT_PROBLEMS] = found;
    token.children = [];
    state.md.inline.parse(token.content, state.md, env, token.children);
    env[TEXT_PROBLEMS] = saved;
    if (found.length && settings.report) {
      const file = settings.file?.(env) ?? "";
      settings.report(
        env,
        found.map((p) => ({
          file,
          field: `attachments.${n - 1}.sourceNote (line ${lineIn(token.content, p.found)} of the field)`,
          value: p.found,
          expected: p.expected,
        })),
      );
    }
  }
}

export function documentAttachments(md: MarkdownIt, settings: AttachmentSettings): void {
  md.core.ruler.before("inline", "attachments", (state) => attachmentLines(state, settings));
  md.core.ruler.after("inline", "attachment_source_notes", (state) => attachmentSourceNotes(state, settings));
  const rules = md.renderer.rules;
  rules.attachment_open = (tokens, idx) => {
    const a = (tokens[idx] as Token).meta as AttachmentMeta;
    const record = [
      a.date ? `<time datetime="${escapeHtml(a.date.datetime)}">${escapeHtml(a.date.text)}</time>` : "",
      a.classification ? `<span class="de-classification">${escapeHtml(a.classification)}</span>` : "",
    ].filter(Boolean);
    const hasNote = tokens[idx + 1]?.type === "attachment_source_note_open";
    return `<section class="de-attachment" id="${escapeHtml(a.id)}" aria-labelledby="${escapeHtml(a.id)}-heading">
<header class="de-attachment-header">
<h2 id="${escapeHtml(a.id)}-heading">${escapeHtml(a.title)}</h2>
${record.length ? `<p class="de-attachment-record">${record.join('<span class="de-gen"> · </span>')}</p>\n` : ""}${hasNote ? "" : "</header>\n"}`;
  };
  rules.attachment_source_note_open = (tokens, idx) => {
    const a = (tokens[idx - 1] as Token).meta as AttachmentMeta;
    return `<p class="de-source-note de-gen"><span class="de-note-kind">${escapeHtml(a.sourceNoteLabel)}</span> `;
  };
  rules[NOTE_INLINE] = (tokens, idx, options, env) =>
    md.renderer.renderInline((tokens[idx] as Token).children ?? [], options, env);
  rules.attachment_source_note_close = () => "</p>\n</header>\n";
  rules.attachment_close = () => "</section>\n";
}
