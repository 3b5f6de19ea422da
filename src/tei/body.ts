/**
 * A document's text in TEI, from the same markdown-it token stream as its HTML: paragraphs,
 * headings, lists, emphasis and links, notes where they are referred to, register mentions, and
 * each transcription mark as its TEI element. What TEI cannot express faithfully (raw HTML other
 * than a language span or a line break, tables) is an error naming what was found.
 */
import type Token from "markdown-it/lib/token.mjs";
import type { MarkKind } from "../markdown/marks.js";
import { noteKind } from "../markdown/notes.js";
import { breakId, entryId, fragment, mentionId, noteId } from "../model/ids.js";
import type { MentionKind } from "../model/register.js";
import { isSafeUrl, textOfHtml } from "../render/html.js";
import { el, xml } from "./xml.js";

export class TeiError extends Error {
  constructor(
    readonly found: string,
    readonly expected: string,
  ) {
    super(`found ${found}; expected ${expected}`);
    this.name = "TeiError";
  }
}

export interface TeiContext {
  /** The document's id (model/ids.ts), the prefix of its xml:ids. */
  idPrefix: string;
  /** The register page's URL, for mentions' @ref. */
  registerUrl?: string;
  /** Who the editorial notes are by (a @resp pointer) and who the translator's. */
  editorResp?: string;
  translatorResp?: string;
}

const MENTION_ELEMENTS: Partial<Record<MarkKind, string>> = { person: "persName", place: "placeName", term: "term" };
const STRUCTURE = new Set<MarkKind>(["salute", "signed", "dateline"]);

/** `{gap: 1 line not declassified}`: a count and unit where the description starts with one. */
function gapXml(value: string): string {
  const measured = /^(\d+)\s+(line|page|word|character|paragraph)s?\b/i.exec(value);
  return el(
    "gap",
    measured ? { quantity: measured[1], unit: (measured[2] as string).toLowerCase() } : {},
    value ? el("desc", {}, xml(value)) : undefined,
  );
}

/** The lines of a rendered telegram header (HTML the plugin made): one per paragraph or field. */
function headerLines(html: string): string {
  return html
    .replace(/<\/dt>\s*/g, " ")
    .split(/<\/(?:p|dd|div)>/)
    .map(textOfHtml)
    .filter(Boolean)
    .map((line) => xml(line))
    .join("<lb/>\n");
}

/** Whether the text places its telegram header itself. */
export const placesTelegramHeader = (tokens: Token[]) =>
  tokens.some((t) => t.type === "html_block" && /^<header class="de-telegram"/.test(t.content));

type Notes = Map<number, { label?: string; blocks: Token[] }>;

function collectNotes(tokens: Token[]): Notes {
  const notes: Notes = new Map();
  let current: { label?: string; blocks: Token[] } | undefined;
  for (const token of tokens) {
    if (token.type === "footnote_open") {
      current = { label: token.meta.label, blocks: [] };
      notes.set(token.meta.id, current);
    } else if (token.type === "footnote_close") current = undefined;
    else if (current && token.type !== "footnote_anchor") current.blocks.push(token);
  }
  return notes;
}

export function teiBody(tokens: Token[], context: TeiContext): { opener: string[]; head: string[]; body: string[]; closer: string[] } {
  const notes = collectNotes(tokens);
  const blockEnd = tokens.findIndex((t) => t.type === "footnote_block_open");
  const blocks = blockEnd >= 0 ? tokens.slice(0, blockEnd) : tokens;

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
          if (!isSafeUrl(href)) throw new TeiError(JSON.stringify(href), "a link with http, https or mailto, or a relative link");
          out += `<ref target="${xml(href)}">`;
          break;
        }
        case "link_close":
          out += "</ref>";
          break;
        case "image":
          out += el("graphic", { url: token.attrGet("src") ?? "" }, token.content ? el("desc", {}, xml(token.content)) : undefined);
          break;
        case "html_inline":
          out += htmlInline(token.content, stack);
          break;
        case "footnote_ref":
          out += noteXml(token);
          break;
        case "transcription_mark_open":
          out += markOpen(token.meta.kind, token.meta.key, token.meta.occurrence, insideStructure);
          break;
        case "transcription_mark_close":
          out += markClose(token.meta.kind, insideStructure);
          break;
        case "transcription_mark_value": {
          const kind = token.meta.kind as MarkKind;
          if (kind === "gap") out += gapXml(token.content);
          else out += pbXml(kind as "page" | "folio", token.content);
          break;
        }
        default:
          throw new TeiError(`the Markdown element "${token.type}"`, "text, emphasis, links, notes and transcription marks");
      }
    }
    if (stack.length) throw new TeiError(`an unclosed <${stack.at(-1)}>`, "every HTML span closed in the same paragraph");
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
    throw new TeiError(JSON.stringify(source), 'Markdown, a transcription mark, <span lang="…">…</span> or <br>');
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

  function markOpen(kind: MarkKind, key: string | undefined, occurrence: number | undefined, insideStructure: boolean): string {
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
    return el(
      "note",
      { type: kind, n: id + 1, "xml:id": xmlId, resp: kind === "translator" ? context.translatorResp : context.editorResp },
      note ? blocksXml(note.blocks, "note") : "",
    );
  }

  /** The paragraphs and other blocks of a range of tokens. */
  function blocksXml(range: Token[], where: "body" | "note"): string {
    let out = "";
    for (let i = 0; i < range.length; i++) {
      const token = range[i] as Token;
      switch (token.type) {
        case "paragraph_open": {
          const content = range[i + 1] as Token;
          out += token.hidden ? inline(content.children ?? []) : el("p", {}, inline(content.children ?? []));
          i += 2;
          break;
        }
        case "heading_open":
          out += el(where === "note" ? "p" : "ab", { type: where === "note" ? undefined : "head" }, inline((range[i + 1] as Token).children ?? []));
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
        case "hr":
          out += el("milestone", { unit: "section" });
          break;
        case "html_block":
          // The telegram header placed by hand with {% telegramHeader %}: its lines, as printed.
          if (/^<header class="de-telegram"/.test(token.content)) {
            out += el("ab", { type: "telegram" }, headerLines(token.content));
            break;
          }
          throw new TeiError(JSON.stringify(token.content.trim().slice(0, 60)), 'Markdown, a transcription mark, <span lang="…">…</span> or <br>');
        case "fence":
        case "code_block":
          out += el("ab", { type: "code" }, el("code", {}, xml(token.content)));
          break;
        default:
          throw new TeiError(`the Markdown block "${token.type}"`, "paragraphs, headings, lists, quotations, rules and code");
      }
    }
    return out;
  }

  /** A paragraph that is one structure mark alone: the document's salutation, signature or dateline. */
  const structureOf = (index: number): MarkKind | undefined => {
    if (blocks[index]?.type !== "paragraph_open") return undefined;
    const children = (blocks[index + 1]?.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === ""));
    const first = children[0];
    const last = children.at(-1);
    if (first?.type !== "transcription_mark_open" || last?.type !== "transcription_mark_close" || !STRUCTURE.has(first.meta.kind)) return undefined;
    // The one mark must span the whole paragraph.
    let depth = 0;
    for (const [i, t] of children.entries()) {
      if (t.type === "transcription_mark_open") depth++;
      if (t.type === "transcription_mark_close") depth--;
      if (depth === 0 && i < children.length - 1) return undefined;
    }
    return first.meta.kind;
  };
  const structureXml = (index: number) => {
    const children = blocks[index + 1]?.children ?? [];
    return inline(children, true);
  };

  // Paragraph starts, to find the leading and trailing structure paragraphs.
  const starts: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (blocks[i]?.level === 0 && blocks[i]?.nesting !== -1 && blocks[i]?.type !== "inline") starts.push(i);
  const head: string[] = [];
  const opener: string[] = [];
  const closer: string[] = [];
  let first = 0;
  let last = starts.length;
  // Headings before the text are its head; salutations and datelines after them, its opener.
  while (first < last && blocks[starts[first] as number]?.type === "heading_open") {
    head.push(inline(blocks[(starts[first] as number) + 1]?.children ?? []));
    first++;
  }
  while (first < last && ["salute", "dateline"].includes(structureOf(starts[first] as number) ?? "")) {
    opener.push(structureXml(starts[first] as number));
    first++;
  }
  const closing: string[] = [];
  while (last > first && ["signed", "dateline", "salute"].includes(structureOf(starts[last - 1] as number) ?? "")) {
    closing.unshift(structureXml(starts[last - 1] as number));
    last--;
  }
  closer.push(...closing);
  const bodyStart = starts[first] ?? blocks.length;
  const bodyEnd = last < starts.length ? (starts[last] as number) : blocks.length;
  const body = blocksXml(blocks.slice(bodyStart, bodyEnd), "body");
  return { head, opener, body: body ? [body] : [], closer };
}
