/** The project's markdown-it setup, applied through Eleventy's `amendLibrary("md", …)`. */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import footnote from "markdown-it-footnote";
import { editionNotes, type NoteSettings } from "./notes.js";
import {
  MarkSyntaxError,
  MARKS_USED,
  TEXT_PROBLEMS,
  transcriptionMarks,
  type MarkKind,
  type MarkRenderer,
} from "./marks.js";
import { noteChecks } from "./note-checks.js";
import { documentStructure } from "./structure.js";
import { editionTables, type TableLabels } from "./tables.js";
import { crossReferences, type ResolveReference } from "./references.js";
import { documentAttachments, type AttachmentSettings } from "./attachments.js";
import { conversationRules, placeConversation } from "./conversation.js";

export interface MarkdownSettings {
  /** The footnote id prefix for the page being rendered, or undefined to leave it as it is. */
  docIdFor: (env: Record<string, unknown>) => string | undefined;
  marks: MarkRenderer;
  /** Resolves `{doc 31}` and the like for the page being rendered. */
  references: ResolveReference;
  /** The notes' settings; their labels also name tables (the plugin gives its whole set of labels). */
  notes: NoteSettings & { labels: TableLabels };
  /** Told, after each page, which transcription marks it used, and given the tokens its HTML came from. */
  rendered: (env: Record<string, unknown>, marks: ReadonlySet<MarkKind>, tokens: Token[]) => void;
  /** Told the mistakes found in a page's text (malformed marks, notes without references...), in order. */
  problems: (env: Record<string, unknown>, problems: readonly MarkSyntaxError[]) => void;
  /** A document's attachments (`{attachment}` lines and the front matter's entries). */
  attachments?: AttachmentSettings;
  /**
   * The tokens printed after the text's heading and opener (a memorandum's participants and
   * subject), parsed through the page's env (`local`) before its text.
   */
  conversation?: (env: Record<string, unknown>, local: Record<string | symbol, unknown>) => Token[];
}

const NO_MARKS: ReadonlySet<MarkKind> = new Set();

/**
 * Adds footnotes and transcription marks, and renders every page through an environment of its
 * own: Eleventy passes the page's data as markdown-it's `env`, where markdown-it-footnote reads
 * `docId` and writes `footnotes`. A layer over the data keeps those writes off the data (no
 * footnotes repeated when a page is rendered twice, no crash on a front-matter key named
 * `footnotes`) and gives each document its own footnote ids, so two documents on one page never
 * share one.
 */
export function documentaryMarkdown(md: MarkdownIt, settings: MarkdownSettings): void {
  md.use(footnote);
  transcriptionMarks(md, settings.marks);
  crossReferences(md, settings.references);
  editionNotes(md, settings.notes);
  noteChecks(md);
  editionTables(md, settings.notes.labels);
  if (settings.attachments) documentAttachments(md, settings.attachments);
  documentStructure(md);
  conversationRules(md);
  md.render = (src: string, env: Record<string, unknown> = {}) => {
    const local = Object.create(env) as Record<string | symbol, unknown>;
    local.footnotes = undefined;
    const docId = settings.docIdFor(env);
    if (docId !== undefined) local.docId = docId;
    const conversation = settings.conversation?.(env, local) ?? [];
    const tokens: Token[] = md.parse(src, local);
    placeConversation(tokens, conversation);
    const problems = local[TEXT_PROBLEMS] as MarkSyntaxError[] | undefined;
    if (problems?.length) settings.problems(env, problems);
    const out = md.renderer.render(tokens, md.options, local);
    settings.rendered(env, (local[MARKS_USED] as Set<MarkKind> | undefined) ?? NO_MARKS, tokens);
    return out;
  };
}
