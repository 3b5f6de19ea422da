/** The project's markdown-it setup, applied through Eleventy's `amendLibrary("md", …)`. */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import footnote from "markdown-it-footnote";
import { editionNotes, type NoteSettings } from "./notes.js";
import { MarkSyntaxError, MARKS_USED, transcriptionMarks, type MarkKind, type MarkRenderer } from "./marks.js";
import { documentStructure } from "./structure.js";
import { editionTables, type TableLabels } from "./tables.js";

export interface MarkdownSettings {
  /** The footnote id prefix for the page being rendered, or undefined to leave it as it is. */
  docIdFor: (env: Record<string, unknown>) => string | undefined;
  marks: MarkRenderer;
  /** The notes' settings; their labels also name tables (the plugin gives its whole set of labels). */
  notes: NoteSettings & { labels: TableLabels };
  /** Told, after each page, which transcription marks it used, and given the tokens its HTML came from. */
  rendered: (env: Record<string, unknown>, marks: ReadonlySet<MarkKind>, tokens: Token[]) => void;
  /** Turns a malformed mark into the error the build reports (naming the page's file). */
  markError: (env: Record<string, unknown>, error: MarkSyntaxError) => Error;
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
  editionNotes(md, settings.notes);
  editionTables(md, settings.notes.labels);
  documentStructure(md);
  md.render = (src: string, env: Record<string, unknown> = {}) => {
    const local: Record<string | symbol, unknown> = Object.create(env);
    local.footnotes = undefined;
    const docId = settings.docIdFor(env);
    if (docId !== undefined) local.docId = docId;
    let tokens: Token[];
    try {
      tokens = md.parse(src, local);
    } catch (error) {
      throw error instanceof MarkSyntaxError ? settings.markError(env, error) : error;
    }
    const out = md.renderer.render(tokens, md.options, local);
    settings.rendered(env, (local[MARKS_USED] as Set<MarkKind> | undefined) ?? NO_MARKS, tokens);
    return out;
  };
}
