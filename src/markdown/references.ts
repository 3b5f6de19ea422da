/**
 * Cross-references between documents, as an inline rule: `{doc 31}` prints "Document 31" linked to
 * document 31 of the same edition; `{doc 31 note 5}` links to its note 5; `{doc other/31}` to a
 * document of another edition of the site; `{doc 31: the President's memorandum}` prints the
 * editor's words. Each becomes a link (link_open and link_close tokens), so the page, the TEI
 * (`<ref target>`) and the search text treat it as they treat any link. A reference that names no
 * document of the site is a mistake of the text, reported with its line.
 */
import type MarkdownIt from "markdown-it";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type { Edition, EditionDocument, EditionModel } from "../model/edition.js";
import { referenceResolver, type ReferableEdition } from "../model/references.js";
import { DOCUMENT_NUMBER } from "../model/paths.js";
import { sourceNoteOf } from "../model/source-note.js";
import type { Labels } from "../options.js";
import { closingBrace, lineOf, MarkSyntaxError, reportTextProblem } from "./marks.js";

export interface ReferenceTarget {
  /** The edition's folder name, where the reference names another edition. */
  edition?: string;
  number: string;
  note?: number;
}

/** Where a reference leads (its site URL, the target's title, the words printed by default), or what was expected instead. */
export type ResolvedReference =
  | {
      href: string;
      /** The target's site URL without the path prefix, which the TEI makes absolute where the site's URL is known. */
      site?: string;
      title: string;
      text: string;
    }
  | { expected: string };
export type ResolveReference = (env: Record<string, unknown>, target: ReferenceTarget) => ResolvedReference;

const OPENING = /\{doc(?=[\s:}])/y;
const TARGET = new RegExp(
  `^(?:([A-Za-z0-9][\\w.-]*)\\/)?(${DOCUMENT_NUMBER.source.slice(1, -1)})(?:\\s+note\\s+([1-9][0-9]*))?$`,
);
const EXPECTED =
  "a reference written {doc 31}, {doc 31 note 5}, {doc edition/31} or {doc 31: words of your own}, naming a document by its number";

function crossReference(resolve: ResolveReference) {
  return function rule(state: StateInline, silent: boolean): boolean {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x7b /* { */) return false;
    OPENING.lastIndex = start;
    if (!OPENING.test(state.src)) return false;
    const end = closingBrace(state.src, start + 1, state.posMax);
    if (silent) {
      if (end < 0) return false;
      state.pos = end + 1;
      return true;
    }
    const found = state.src.slice(start, end >= 0 ? Math.min(end + 1, start + 80) : Math.min(state.posMax, start + 40));
    const mistake = (expected: string) => {
      reportTextProblem(state.env as object, new MarkSyntaxError(lineOf(state, start), found, expected));
      return false;
    };
    if (end < 0) return mistake("a closing } for the reference in the same paragraph");
    const inside = state.src.slice(start + "{doc".length, end);
    const colon = inside.indexOf(":");
    const match = TARGET.exec((colon < 0 ? inside : inside.slice(0, colon)).trim());
    if (!match) return mistake(EXPECTED);
    const target: ReferenceTarget = {
      ...(match[1] ? { edition: match[1] } : {}),
      number: match[2] as string,
      ...(match[3] ? { note: Number(match[3]) } : {}),
    };
    const resolved = resolve(state.env as Record<string, unknown>, target);
    if ("expected" in resolved) return mistake(resolved.expected);
    const max = state.posMax;
    const open = state.push("link_open", "a", 1);
    open.attrs = [
      ["href", resolved.href],
      ["class", "de-xref"],
      ["title", resolved.title],
    ];
    open.markup = "doc";
    open.info = "reference";
    if (resolved.site) open.meta = { site: resolved.site };
    const textStart = start + "{doc".length + colon + 1;
    if (colon < 0 || state.src.slice(textStart, end).trim() === "") state.push("text", "", 0).content = resolved.text;
    else {
      state.pos = textStart + (/[ \t]/.test(state.src.charAt(textStart)) ? 1 : 0);
      state.posMax = end;
      state.md.inline.tokenize(state);
    }
    const close = state.push("link_close", "a", -1);
    close.markup = "doc";
    close.info = "reference";
    state.pos = end + 1;
    state.posMax = max;
    return true;
  };
}

/** Whether a document prints a source note: the editor's own, or one made from its record. */
export function documentHasSourceNote(settings: { labels: Labels; locale: string }): (doc: EditionDocument) => boolean {
  return (doc) => Boolean(doc.sourceNote) || sourceNoteOf(doc, settings) !== undefined;
}

/** Adds the rule before the transcription marks', which would take `{doc 31: …}` for a mark of an unknown name. */
export function crossReferences(md: MarkdownIt, resolve: ResolveReference): void {
  md.inline.ruler.before("transcription_mark", "cross_reference", crossReference(resolve));
}

/**
 * The resolver of a build's pages: the model as it is when a page is rendered (made again when
 * the model is), and the edition of the page being rendered (a document's, or an edition's index).
 * `url` makes a site URL a link, with the site's path prefix, as every link the plugin prints.
 * `others` are the editions of other partitions that a partition's documents refer to.
 */
export function modelReferences(
  model: () => EditionModel | undefined,
  editionOf: (env: Record<string, unknown>) => Edition | undefined,
  settings: { labels: Labels; locale: string; url: (site: string) => string; others?: readonly ReferableEdition[] },
): ResolveReference {
  let made: EditionModel | undefined;
  let resolve: ReturnType<typeof referenceResolver> | undefined;
  const hasSourceNote = documentHasSourceNote(settings);
  return (env, target) => {
    const current = model();
    if (!current) return { expected: "a reference within an edition's pages" };
    if (made !== current || !resolve) {
      resolve = referenceResolver(current, settings.labels, hasSourceNote, settings.others);
      made = current;
    }
    const found = resolve(editionOf(env), target);
    return "href" in found ? { ...found, site: found.href, href: settings.url(found.href) } : found;
  };
}
