/**
 * A document's text in TEI, from the same markdown-it token stream as its HTML: paragraphs,
 * headings, lists, pipe tables, emphasis and links, notes where they are referred to, register
 * mentions, and each transcription mark as its TEI element. What TEI cannot express faithfully (raw
 * HTML other than a language span or a line break, an HTML table among it) is an error naming what
 * was found and its line.
 */
import type Token from "markdown-it/lib/token.mjs";
import { isBreak, markOf, type BreakKind, type MarkKind } from "../markdown/marks.js";
import { footnoteOf, noteKind } from "../markdown/notes.js";
import { breakId, entryId, fragment, mentionId, noteId } from "../model/ids.js";
import type { MentionKind } from "../model/register.js";
import { documentParts, milestonesOnly, STRUCTURE } from "../markdown/structure.js";
import { attachmentParts, mainBlocks, type AttachmentMeta } from "../markdown/attachments.js";
import type { ParticipantPerson } from "../markdown/conversation.js";
import { cellAlignment } from "../markdown/tables.js";
import { isSafeUrl } from "../markup/html.js";
import { el, xml } from "../markup/xml.js";

/** What TEI cannot carry, with the line of the Markdown body (1-based) where it stands, where known. */
export class TeiError extends Error {
  constructor(
    readonly found: string,
    readonly expected: string,
    readonly line?: number,
  ) {
    super(`${line === undefined ? "" : `line ${line}: `}found ${found}; expected ${expected}`);
    this.name = "TeiError";
  }
}

/** The first line of a block token in the Markdown body (1-based), where markdown-it kept it. */
const lineOf = (token: Token): number | undefined => (token.map ? token.map[0] + 1 : undefined);

const HTML_EXPECTED = 'Markdown, a transcription mark, <span lang="…">…</span> or <br>';
/** The table an editor wrote in HTML, as a pipe table. */
const TABLE_EXPECTED =
  "a Markdown pipe table (| Name | Office |, then |---|---|, then a row a line) in place of an HTML <table>";
const htmlExpected = (source: string) =>
  /<\/?(table|thead|tbody|tr|td|th)\b/i.test(source) ? TABLE_EXPECTED : HTML_EXPECTED;

export interface TeiContext {
  /** The document's id (model/ids.ts), the prefix of its xml:ids. */
  idPrefix: string;
  /** The register page's URL, for mentions' @ref. */
  registerUrl?: string;
  /** Who the editorial notes are by (a @resp pointer) and who the translator's. */
  editorResp?: string;
  translatorResp?: string;
  /** The TEI of a telegram header the text places by hand, by the token that holds it. */
  placedTelegram?: (token: Token) => string | undefined;
  /** 1 where the edition numbers the source note 1 and the text's notes from 2, as FRUS does. */
  noteOffset?: number;
  /** A cross-reference's target from its site URL: absolute where the site's URL is known, as mentions' @ref. */
  referenceUrl?: (site: string) => string;
}

const MENTION_ELEMENTS: Partial<Record<MarkKind, string>> = { person: "persName", place: "placeName", term: "term" };

/** The source's typography: TEI's `<hi>` with the rendition the original has, as FRUS's TEI writes it. */
const RENDITIONS: Partial<Record<MarkKind, string>> = { smallcaps: "smallcaps", underline: "underline" };

/** `{gap: 1 line not declassified}`: a count and unit where the description starts with one. */
function gapXml(value: string): string {
  const measured = /^(\d+)\s+(line|page|word|character|paragraph)s?\b/i.exec(value);
  return el(
    "gap",
    measured ? { quantity: measured[1], unit: (measured[2] as string).toLowerCase() } : {},
    value ? el("desc", {}, xml(value)) : undefined,
  );
}

type Notes = Map<number, { label?: string; blocks: Token[] }>;

// Notes are written where they are referred to, so their blocks are gathered first, by number.
function collectNotes(tokens: Token[]): Notes {
  const notes: Notes = new Map();
  let current: { label?: string; blocks: Token[] } | undefined;
  for (const token of tokens) {
    if (token.type === "footnote_open") {
      const { id, label } = footnoteOf(token);
      current = { ...(label === undefined ? {} : { label }), blocks: [] };
      notes.set(id, current);
    } else if (token.type === "footnote_close") current = undefined;
    else if (current && token.type !== "footnote_anchor") current.blocks.push(token);
  }
  return notes;
}

/** Inline tokens that stand for a fixed piece of TEI, whatever their content, so need no case of their own. */
const INLINE_TAGS: ReadonlyMap<string, string> = new Map([
  ["softbreak", "\n"],
  ["hardbreak", "<lb/>"],
  ["em_open", '<hi rend="italic">'],
  ["strong_open", '<hi rend="bold">'],
  ["s_open", '<hi rend="strikethrough">'],
  ["em_close", "</hi>"],
  ["strong_close", "</hi>"],
  ["s_close", "</hi>"],
  ["link_close", "</ref>"],
]);

/**
 * Block tokens that stand for a fixed piece of TEI, whatever their content (a list's or a table's
 * tags; a table's body adds nothing, as TEI's table has no body of its own).
 */
const BLOCK_TAGS: ReadonlyMap<string, string> = new Map([
  ["bullet_list_open", "<list>"],
  ["ordered_list_open", '<list rend="numbered">'],
  ["bullet_list_close", "</list>"],
  ["ordered_list_close", "</list>"],
  ["list_item_open", "<item>"],
  ["list_item_close", "</item>"],
  ["blockquote_open", "<quote>"],
  ["blockquote_close", "</quote>"],
  ["table_open", "<table>"],
  ["table_close", "</table>"],
  ["tbody_open", ""],
  ["tbody_close", ""],
  ["tr_close", "</row>"],
  ["hr", el("milestone", { unit: "section" })],
  // A memorandum's participants and subject (markdown/conversation.ts): their labels are added where they open.
  ["conversation_open", ""],
  ["conversation_close", ""],
  ["participants_close", "</list>"],
  ["participant_group_close", "</list></item>"],
]);

/** Block tokens followed by one inline token and their close: a paragraph, a heading, a table's cell. */
const INLINE_BLOCKS = new Set([
  "paragraph_open",
  "heading_open",
  "th_open",
  "td_open",
  "participant_open",
  "conversation_subject_open",
]);

/** The label a conversation's token carries (markdown/conversation.ts). */
const labelOf = (token: Token) => (token.meta as { label?: string; name?: string }).label ?? "";

/**
 * Writes one document's text: one writer per document, because its notes, its breaks' ids and the
 * line an error names are shared by the text and the notes written inside it.
 */
class TeiWriter {
  /** The line of the block being written, for errors. */
  private line: number | undefined;
  /**
   * A break's xml:id is the id of the same break on the HTML page; a value the document repeats
   * (two breaks "page 11") keeps it on its first break only, as an xml:id must be unique.
   */
  private readonly breaks = new Set<string>();

  constructor(
    private readonly context: TeiContext,
    private readonly notes: Notes,
  ) {}

  /** What TEI cannot carry stops the export, naming the line where it stands. */
  fail(found: string, expected: string): never {
    throw new TeiError(found, expected, this.line);
  }

  /**
   * The text of a paragraph, heading or cell, written in one place for every block so that each
   * token has one TEI form; `insideStructure` in an opener or closer, where TEI lets a salutation,
   * signature or dateline stand as its own element.
   */
  inline(children: Token[], insideStructure = false): string {
    let out = "";
    // The HTML spans open so far, as each must close in the same paragraph.
    const stack: string[] = [];
    for (const token of children) out += this.inlineToken(token, stack, insideStructure);
    if (stack.length) this.fail(`an unclosed <${stack.at(-1)}>`, "every HTML span closed in the same paragraph");
    return out;
  }

  // Each inline token has one TEI form, or is what TEI cannot carry.
  private inlineToken(token: Token, stack: string[], insideStructure: boolean): string {
    const tag = INLINE_TAGS.get(token.type);
    if (tag !== undefined) return tag;
    switch (token.type) {
      case "text":
        return xml(token.content);
      case "code_inline":
        return el("code", {}, xml(token.content));
      case "link_open":
        return this.linkOpen(token);
      case "image":
        return el(
          "graphic",
          { url: token.attrGet("src") ?? "" },
          token.content ? el("desc", {}, xml(token.content)) : undefined,
        );
      case "html_inline":
        return this.htmlInline(token.content, stack);
      case "footnote_ref":
        return this.noteXml(token);
      case "participant_person":
        return this.participantXml(token);
      case "transcription_mark_open":
      case "transcription_mark_close":
      case "transcription_mark_value":
        return this.markXml(token, insideStructure);
      default:
        return this.fail(
          `the Markdown element "${token.type}"`,
          "text, emphasis, links, notes and transcription marks",
        );
    }
  }

  // A link in the TEI must be as safe to follow as on the HTML page.
  private linkOpen(token: Token): string {
    const site = (token.meta as { site?: string } | null)?.site;
    const href = (site && this.context.referenceUrl?.(site)) || (token.attrGet("href") ?? "");
    if (!isSafeUrl(href)) this.fail(JSON.stringify(href), "a link with http, https or mailto, or a relative link");
    return `<ref target="${xml(href)}">`;
  }

  // Of raw HTML, only a language span and a line break have a faithful TEI form.
  private htmlInline(source: string, stack: string[]): string {
    const open = /^<span\s+lang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)"\s*>$/.exec(source);
    if (open) {
      stack.push("span");
      return `<foreign xml:lang="${xml(open[1])}">`;
    }
    if (/^<\/span\s*>$/.test(source) && stack.at(-1) === "span") {
      stack.pop();
      return "</foreign>";
    }
    if (/^<br\s*\/?>$/.test(source)) return "<lb/>";
    return this.fail(JSON.stringify(source), htmlExpected(source));
  }

  // A transcription mark opens, closes, or (a gap, a break) stands alone with its value.
  private markXml(token: Token, insideStructure: boolean): string {
    const { kind, key, occurrence } = markOf(token);
    if (token.type === "transcription_mark_open") return this.markOpen(kind, key, occurrence, insideStructure);
    if (token.type === "transcription_mark_close") return this.markClose(kind, insideStructure);
    if (!isBreak(kind)) return gapXml(token.content);
    return this.pbXml(kind, token.content);
  }

  // A break carries the id of the same break on the HTML page, once (see `breaks`). A page of the
  // printed volume is a break in another edition than the original's: @ed names it ("print").
  private pbXml(kind: BreakKind, value: string): string {
    const id = breakId(this.context.idPrefix, kind, value);
    const first = !this.breaks.has(id);
    this.breaks.add(id);
    return el("pb", {
      n: value,
      type: kind === "folio" ? "folio" : undefined,
      ed: kind === "printed-page" ? "print" : undefined,
      "xml:id": first ? id : undefined,
    });
  }

  // A structure mark is its own element only where TEI allows it (an opener's or closer's line), else a seg.
  private markOpen(
    kind: MarkKind,
    key: string | undefined,
    occurrence: number | undefined,
    insideStructure: boolean,
  ): string {
    const mention = MENTION_ELEMENTS[kind];
    if (mention) {
      if (!this.context.registerUrl || !key) return `<${mention}>`;
      // As on the HTML page: the mention's own id, and a pointer to its entry on the register page.
      const id = mentionId(this.context.idPrefix, kind as MentionKind, key, occurrence ?? 1);
      return `<${mention} xml:id="${xml(id)}" ref="${xml(`${this.context.registerUrl}${fragment(entryId(kind as MentionKind, key))}`)}">`;
    }
    if (STRUCTURE.has(kind)) return insideStructure ? `<${kind}>` : `<seg type="${kind}">`;
    const rend = RENDITIONS[kind];
    if (rend) return `<hi rend="${rend}">`;
    return `<${kind}>`;
  }

  // The close matches the element `markOpen` chose for the same mark.
  private markClose(kind: MarkKind, insideStructure: boolean): string {
    const mention = MENTION_ELEMENTS[kind];
    if (mention) return `</${mention}>`;
    if (STRUCTURE.has(kind)) return insideStructure ? `</${kind}>` : "</seg>";
    if (RENDITIONS[kind]) return "</hi>";
    return `</${kind}>`;
  }

  // A participant named by a register key points to the register's entry, as a mention does.
  private participantXml(token: Token): string {
    const { key, name } = token.meta as ParticipantPerson;
    const ref = this.context.registerUrl && `${this.context.registerUrl}${fragment(entryId("people", key))}`;
    return el("persName", { ref }, xml(name));
  }

  // A note stands where it is referred to; a second reference to it points to the first.
  private noteXml(token: Token): string {
    const { id, subId, label } = token.meta as { id: number; subId: number; label?: string };
    // The endnote's id on the HTML page.
    const n = id + 1 + (this.context.noteOffset ?? 0);
    const xmlId = noteId(this.context.idPrefix, n);
    if (subId > 0) return el("ptr", { target: fragment(xmlId) });
    const kind = noteKind(label);
    const note = this.notes.get(id);
    // The note's own lines, then back to the line of the text that refers to it.
    const here = this.line;
    const content = note ? this.blocksXml(note.blocks, "note") : "";
    this.line = here;
    return el(
      "note",
      {
        type: kind,
        n,
        "xml:id": xmlId,
        resp: kind === "translator" ? this.context.translatorResp : this.context.editorResp,
      },
      content,
    );
  }

  /** The paragraphs and other blocks of a range of tokens. */
  blocksXml(range: Token[], where: "body" | "note"): string {
    let out = "";
    // In a pipe table's header, whose row is a row of labels.
    let labels = false;
    for (let i = 0; i < range.length; i++) {
      const token = range[i] as Token;
      this.line = lineOf(token) ?? this.line;
      const tag = BLOCK_TAGS.get(token.type);
      if (tag !== undefined) out += tag;
      else if (token.type === "thead_open" || token.type === "thead_close") labels = token.type === "thead_open";
      else if (token.type === "tr_open") out += labels ? '<row role="label">' : "<row>";
      else if (token.type === "participants_open")
        out += `<list type="participants">${el("head", {}, xml(labelOf(token)))}`;
      else if (token.type === "participant_group_open")
        out += `<item>${el("label", {}, xml((token.meta as { name: string }).name))}<list>`;
      else if (INLINE_BLOCKS.has(token.type)) {
        out += this.inlineBlockXml(token, (range[i + 1] as Token).children ?? [], where);
        i += 2;
      } else out += this.leafBlockXml(token);
    }
    return out;
  }

  // A paragraph, heading or cell is its inline text in the element its place in TEI calls for.
  private inlineBlockXml(token: Token, children: Token[], where: "body" | "note"): string {
    switch (token.type) {
      case "paragraph_open":
        // A paragraph of page breaks alone is its breaks, between the paragraphs, not a paragraph.
        return token.hidden || milestonesOnly(children) ? this.inline(children) : el("p", {}, this.inline(children));
      case "participant_open":
        return el("item", {}, this.inline(children));
      case "conversation_subject_open":
        // As FRUS's TEI gives it: a list of one item under its heading.
        return el(
          "list",
          { type: "subject" },
          el("head", {}, xml(labelOf(token))) + el("item", {}, this.inline(children)),
        );
      case "heading_open":
        return el(
          where === "note" ? "p" : "ab",
          { type: where === "note" ? undefined : "head" },
          this.inline(children),
        );
      default: {
        // A pipe table's cell, each cell's text as a paragraph's.
        const align = cellAlignment(token);
        return el("cell", { rend: align ? `align(${align})` : undefined }, this.inline(children));
      }
    }
  }

  // A block with no inline text: a telegram header placed by hand or code, else what TEI cannot carry.
  private leafBlockXml(token: Token): string {
    switch (token.type) {
      case "html_block": {
        // The telegram header placed by hand with {% telegramHeader %}, from its fields.
        const placed = this.context.placedTelegram?.(token);
        if (placed === undefined)
          return this.fail(JSON.stringify(token.content.trim().slice(0, 60)), htmlExpected(token.content));
        return el("ab", { type: "telegram" }, placed);
      }
      case "fence":
      case "code_block":
        return el("ab", { type: "code" }, el("code", {}, xml(token.content)));
      default:
        return this.fail(
          `the Markdown block "${token.type}"`,
          "paragraphs, headings, lists, quotations, tables, rules and code",
        );
    }
  }

  /**
   * One block of the head, opener or closer as its inline text alone: a paragraph of page breaks
   * alone stands there as its breaks.
   */
  partXml(blocks: Token[], start: number, insideStructure = true): string {
    this.line = lineOf(blocks[start] as Token) ?? this.line;
    return this.inline(blocks[start + 1]?.children ?? [], insideStructure);
  }
}

/** The head, opener, body and closer of the main text or of one attachment. */
interface TextParts {
  opener: string[];
  head: string[];
  body: string[];
  closer: string[];
}

function partsXml(writer: TeiWriter, blocks: Token[]): TextParts {
  // Headings before the text are its head; salutations and datelines after them, its opener;
  // signatures, datelines and closing salutations after the text, its closer.
  const parts = documentParts(blocks);
  const { starts } = parts;
  const part = (n: number, insideStructure = true) => writer.partXml(blocks, starts[n] as number, insideStructure);
  // Written in this order (head, opener, closer, then the body), which decides which repeated break keeps its id.
  const head: string[] = [];
  for (let n = 0; n < parts.head; n++) head.push(part(n, false));
  const opener: string[] = [];
  for (let n = parts.head; n < parts.head + parts.opener; n++) opener.push(part(n));
  const closer: string[] = [];
  for (let n = starts.length - parts.closer; n < starts.length; n++) closer.push(part(n));
  const first = parts.head + parts.opener;
  const last = starts.length - parts.closer;
  const bodyStart = starts[first] ?? blocks.length;
  const bodyEnd = last < starts.length ? (starts[last] as number) : blocks.length;
  const body = writer.blocksXml(blocks.slice(bodyStart, bodyEnd), "body");
  return { head, opener, body: body ? [body] : [], closer };
}

/** TEI's div holds at least a paragraph or the like: page breaks alone are not one. */
export const hasText = (xmlText: string) => /<(?!pb\b|milestone\b)[A-Za-z]/.test(xmlText);

/**
 * An attachment as a div of its own: its heading with its source note, its date and
 * classification opening it before its own opener, its text and its closer.
 */
function attachmentXml(
  writer: TeiWriter,
  attachment: ReturnType<typeof attachmentParts>[number],
  context: TeiContext,
): string {
  const meta = attachment.open.meta as AttachmentMeta;
  const text = partsXml(writer, attachment.blocks);
  const noteTokens = attachment.note[1]?.children;
  const note = noteTokens
    ? el(
        "note",
        { type: "source", resp: context.editorResp },
        `${xml(meta.sourceNoteLabel)} ${writer.inline(noteTokens)}`,
      )
    : "";
  const opener = [
    meta.date ? el("dateline", {}, el("date", meta.date.tei, xml(meta.date.text))) : "",
    meta.classification ? el("seg", { type: "classification" }, xml(meta.classification)) : "",
    ...text.opener,
  ].join("");
  const body = text.body.join("");
  return el(
    "div",
    { type: "attachment", n: meta.n, "xml:id": meta.id },
    el("head", {}, xml(meta.title) + note) +
      text.head.map((h) => el("head", {}, h)).join("") +
      (opener ? el("opener", {}, opener) : "") +
      body +
      (hasText(body) || text.closer.length ? "" : "<p/>") +
      (text.closer.length ? el("closer", {}, text.closer.join("")) : ""),
  );
}

/**
 * The text's parts, its attachments, and the editor's own source note where its tokens are given:
 * written last, as the page writes it, so that its mentions are numbered after the text's.
 */
export function teiBody(
  tokens: Token[],
  context: TeiContext,
  sourceNote?: Token[],
): TextParts & { attachments: string[]; sourceNote?: string } {
  const writer = new TeiWriter(context, collectNotes(tokens));
  const main = partsXml(writer, mainBlocks(tokens));
  const attachments = attachmentParts(tokens).map((a) => attachmentXml(writer, a, context));
  return { ...main, attachments, ...(sourceNote ? { sourceNote: writer.inline(after(tokens, sourceNote)) } : {}) };
}

/**
 * The source note's mentions numbered on from the text's, as the page numbers them (it renders
 * the note after parsing the text): `sourceNote`'s own tokens, parsed apart, are renumbered.
 */
function after(text: Token[], sourceNote: Token[]): Token[] {
  const seen = new Map<string, number>();
  const count = (list: Token[]) => {
    for (const token of list) {
      if (token.type === "transcription_mark_open") {
        const { kind, key, occurrence } = markOf(token);
        if (key !== undefined) seen.set(`${kind} ${key}`, Math.max(seen.get(`${kind} ${key}`) ?? 0, occurrence ?? 0));
      }
      if (token.children) count(token.children);
    }
  };
  count(text);
  for (const token of sourceNote) {
    if (token.type !== "transcription_mark_open") continue;
    const meta = markOf(token);
    if (meta.key !== undefined)
      token.meta = { ...meta, occurrence: (meta.occurrence ?? 1) + (seen.get(`${meta.kind} ${meta.key}`) ?? 0) };
  }
  return sourceNote;
}
