/**
 * A document's text in TEI, from the same markdown-it token stream as its HTML: paragraphs,
 * headings, lists, pipe tables, emphasis and links, notes where they are referred to, register
 * mentions, and each transcription mark as its TEI element. What TEI cannot express faithfully (raw
 * HTML other than a language span or a line break, an HTML table among it) is an error naming what
 * was found and its line.
 */
import type Token from "markdown-it/lib/token.mjs";
import { markOf, type MarkKind } from "../markdown/marks.js";
import { footnoteOf, noteKind } from "../markdown/notes.js";
import { breakId, entryId, fragment, mentionId, noteId } from "../model/ids.js";
import type { MentionKind } from "../model/register.js";
import { documentParts, milestonesOnly, STRUCTURE } from "../markdown/structure.js";
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
}

const MENTION_ELEMENTS: Partial<Record<MarkKind, string>> = { person: "persName", place: "placeName", term: "term" };

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

export function teiBody(
  tokens: Token[],
  context: TeiContext,
): { opener: string[]; head: string[]; body: string[]; closer: string[] } {
  const notes = collectNotes(tokens);
  const blockEnd = tokens.findIndex((t) => t.type === "footnote_block_open");
  const blocks = blockEnd >= 0 ? tokens.slice(0, blockEnd) : tokens;
  // The line of the block being written, for errors.
  let line: number | undefined;
  const fail = (found: string, expected: string): never => {
    throw new TeiError(found, expected, line);
  };

  function inline(children: Token[], insideStructure = false): string {
    let out = "";
    const stack: string[] = [];
    for (const token of children) {
      switch (token.type) {
        case "text":
          out += xml(token.content);
          break;
        case "softbreak":
          out += "\n";
          break;
        case "hardbreak":
          out += "<lb/>";
          break;
        case "code_inline":
          out += el("code", {}, xml(token.content));
          break;
        case "em_open":
          out += '<hi rend="italic">';
          break;
        case "strong_open":
          out += '<hi rend="bold">';
          break;
        case "s_open":
          out += '<hi rend="strikethrough">';
          break;
        case "em_close":
        case "strong_close":
        case "s_close":
          out += "</hi>";
          break;
        case "link_open": {
          const href = token.attrGet("href") ?? "";
          if (!isSafeUrl(href)) fail(JSON.stringify(href), "a link with http, https or mailto, or a relative link");
          out += `<ref target="${xml(href)}">`;
          break;
        }
        case "link_close":
          out += "</ref>";
          break;
        case "image":
          out += el(
            "graphic",
            { url: token.attrGet("src") ?? "" },
            token.content ? el("desc", {}, xml(token.content)) : undefined,
          );
          break;
        case "html_inline":
          out += htmlInline(token.content, stack);
          break;
        case "footnote_ref":
          out += noteXml(token);
          break;
        case "transcription_mark_open":
          out += markOpen(markOf(token).kind, markOf(token).key, markOf(token).occurrence, insideStructure);
          break;
        case "transcription_mark_close":
          out += markClose(markOf(token).kind, insideStructure);
          break;
        case "transcription_mark_value": {
          const kind = markOf(token).kind;
          if (kind === "gap") out += gapXml(token.content);
          else out += pbXml(kind as "page" | "folio", token.content);
          break;
        }
        default:
          fail(`the Markdown element "${token.type}"`, "text, emphasis, links, notes and transcription marks");
      }
    }
    if (stack.length) fail(`an unclosed <${stack.at(-1)}>`, "every HTML span closed in the same paragraph");
    return out;
  }

  function htmlInline(source: string, stack: string[]): string {
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
    return fail(JSON.stringify(source), htmlExpected(source));
  }

  // A break's xml:id is the id of the same break on the HTML page; a value the document repeats
  // (two breaks "page 11") keeps it on its first break only, as an xml:id must be unique.
  const breaks = new Set<string>();
  function pbXml(kind: "page" | "folio", value: string): string {
    const id = breakId(context.idPrefix, kind, value);
    const first = !breaks.has(id);
    breaks.add(id);
    return el("pb", { n: value, type: kind === "folio" ? "folio" : undefined, "xml:id": first ? id : undefined });
  }

  function markOpen(
    kind: MarkKind,
    key: string | undefined,
    occurrence: number | undefined,
    insideStructure: boolean,
  ): string {
    const mention = MENTION_ELEMENTS[kind];
    if (mention) {
      if (!context.registerUrl || !key) return `<${mention}>`;
      // As on the HTML page: the mention's own id, and a pointer to its entry on the register page.
      const id = mentionId(context.idPrefix, kind as MentionKind, key, occurrence ?? 1);
      return `<${mention} xml:id="${xml(id)}" ref="${xml(`${context.registerUrl}${fragment(entryId(kind as MentionKind, key))}`)}">`;
    }
    if (STRUCTURE.has(kind)) return insideStructure ? `<${kind}>` : `<seg type="${kind}">`;
    return `<${kind}>`;
  }

  function markClose(kind: MarkKind, insideStructure: boolean): string {
    const mention = MENTION_ELEMENTS[kind];
    if (mention) return `</${mention}>`;
    if (STRUCTURE.has(kind)) return insideStructure ? `</${kind}>` : "</seg>";
    return `</${kind}>`;
  }

  function noteXml(token: Token): string {
    const { id, subId, label } = token.meta as { id: number; subId: number; label?: string };
    // The endnote's id on the HTML page.
    const xmlId = noteId(context.idPrefix, id + 1);
    if (subId > 0) return el("ptr", { target: fragment(xmlId) });
    const kind = noteKind(label);
    const note = notes.get(id);
    // The note's own lines, then back to the line of the text that refers to it.
    const here = line;
    const content = note ? blocksXml(note.blocks, "note") : "";
    line = here;
    return el(
      "note",
      {
        type: kind,
        n: id + 1,
        "xml:id": xmlId,
        resp: kind === "translator" ? context.translatorResp : context.editorResp,
      },
      content,
    );
  }

  /** The paragraphs and other blocks of a range of tokens. */
  function blocksXml(range: Token[], where: "body" | "note"): string {
    let out = "";
    let labels = false;
    for (let i = 0; i < range.length; i++) {
      const token = range[i] as Token;
      line = lineOf(token) ?? line;
      switch (token.type) {
        case "paragraph_open": {
          const children = (range[i + 1] as Token).children ?? [];
          // A paragraph of page breaks alone is its breaks, between the paragraphs, not a paragraph.
          out += token.hidden || milestonesOnly(children) ? inline(children) : el("p", {}, inline(children));
          i += 2;
          break;
        }
        case "heading_open":
          out += el(
            where === "note" ? "p" : "ab",
            { type: where === "note" ? undefined : "head" },
            inline((range[i + 1] as Token).children ?? []),
          );
          i += 2;
          break;
        case "bullet_list_open":
        case "ordered_list_open":
          out += `<list${token.type === "ordered_list_open" ? ' rend="numbered"' : ""}>`;
          break;
        case "bullet_list_close":
        case "ordered_list_close":
          out += "</list>";
          break;
        case "list_item_open":
          out += "<item>";
          break;
        case "list_item_close":
          out += "</item>";
          break;
        case "blockquote_open":
          out += "<quote>";
          break;
        case "blockquote_close":
          out += "</quote>";
          break;
        // A pipe table: its header row a row of labels, each cell's text as a paragraph's.
        case "table_open":
          out += "<table>";
          break;
        case "table_close":
          out += "</table>";
          break;
        case "thead_open":
        case "thead_close":
          labels = token.type === "thead_open";
          break;
        case "tbody_open":
        case "tbody_close":
          break;
        case "tr_open":
          out += labels ? '<row role="label">' : "<row>";
          break;
        case "tr_close":
          out += "</row>";
          break;
        case "th_open":
        case "td_open": {
          const align = cellAlignment(token);
          out += el(
            "cell",
            { rend: align ? `align(${align})` : undefined },
            inline((range[i + 1] as Token).children ?? []),
          );
          i += 2;
          break;
        }
        case "hr":
          out += el("milestone", { unit: "section" });
          break;
        case "html_block": {
          // The telegram header placed by hand with {% telegramHeader %}, from its fields.
          const placed = context.placedTelegram?.(token);
          if (placed === undefined)
            return fail(JSON.stringify(token.content.trim().slice(0, 60)), htmlExpected(token.content));
          out += el("ab", { type: "telegram" }, placed);
          break;
        }
        case "fence":
        case "code_block":
          out += el("ab", { type: "code" }, el("code", {}, xml(token.content)));
          break;
        default:
          fail(`the Markdown block "${token.type}"`, "paragraphs, headings, lists, quotations, tables, rules and code");
      }
    }
    return out;
  }

  // Headings before the text are its head; salutations and datelines after them, its opener;
  // signatures, datelines and closing salutations after the text, its closer.
  const parts = documentParts(blocks);
  const { starts } = parts;
  // A paragraph of page breaks alone stands in the opener or closer as its breaks.
  const blockXml = (n: number, insideStructure = true) => {
    const start = starts[n] as number;
    line = lineOf(blocks[start] as Token) ?? line;
    return inline(blocks[start + 1]?.children ?? [], insideStructure);
  };
  const head: string[] = [];
  for (let n = 0; n < parts.head; n++) head.push(blockXml(n, false));
  const opener: string[] = [];
  for (let n = parts.head; n < parts.head + parts.opener; n++) opener.push(blockXml(n));
  const closer: string[] = [];
  for (let n = starts.length - parts.closer; n < starts.length; n++) closer.push(blockXml(n));
  const first = parts.head + parts.opener;
  const last = starts.length - parts.closer;
  const bodyStart = starts[first] ?? blocks.length;
  const bodyEnd = last < starts.length ? (starts[last] as number) : blocks.length;
  const body = blocksXml(blocks.slice(bodyStart, bodyEnd), "body");
  return { head, opener, body: body ? [body] : [], closer };
}
