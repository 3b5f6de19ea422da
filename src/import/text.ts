/**
 * A document's text: TEI elements into the plugin's Markdown and marks. Blocks (paragraphs, lists,
 * tables, quotations, openers and closers) and inline content (notes, names, highlighting, page
 * breaks, references, the transcription marks). What has no mapping is counted and its text kept.
 */
import { escapeBlockStart, escapeText, indent, wrap } from "./markdown.js";
import { choicePick, countDropped, foreignSpan, gapMark, hiMarks, inMark, INLINE_MARKS, quotation } from "./marks.js";
import { MARK_OF_KIND, type RegisterKind } from "./register.js";
import type { Unmapped } from "./unmapped.js";
import { attr, elements, find, isText, kids, norm, plain, squash, tagOf, textOf, type XNode } from "./xml.js";

/** One document's state while its text is written: its notes, in order, and what was not mapped. */
export interface DocContext {
  notes: { n: string; text: string }[];
  unmapped: Unmapped;
}

export interface TextHooks {
  /** The register entry a name's pointer (@corresp, @ref or @target) names, if any; `words` are the name's as written. */
  mention(pointer: string | undefined, words: string): { kind: RegisterKind; key: string } | undefined;
  /** A `ref`'s Markdown (a cross-reference or a link), or undefined when its target is not understood. */
  reference(target: string, text: string): string | undefined;
  /**
   * What a `<pb>` without `@ed` or `@type` marks: a page of the printed volume (a FRUS volume's
   * pages are the book's) or of the original (the plugin's own export writes `ed="print"` for the former).
   */
  pages: "printed" | "original";
}

const NAMES = new Set(["persName", "gloss", "term", "placeName", "orgName", "name"]);

export class TextWriter {
  constructor(private readonly hooks: TextHooks) {}

  /** Inline content as Markdown; in a title (`titleMode`), notes, marks and page breaks are left out. */
  inline(nodes: XNode[], ctx: DocContext, titleMode = false): string {
    return nodes.map((_, i) => this.inlineAt(nodes, i, ctx, titleMode)).join("");
  }

  /** One of a run of inline nodes: a quotation looks at the text on either side of it. */
  private inlineAt(nodes: XNode[], i: number, ctx: DocContext, titleMode: boolean): string {
    const n = nodes[i] as XNode;
    const t = isText(n) ? undefined : tagOf(n);
    if (t !== "q" && t !== "quote") return this.inlineNode(n, ctx, titleMode);
    if (!titleMode) ctx.unmapped.add(t);
    return quotation(n, this.inline(kids(n), ctx, titleMode), nodes[i - 1], nodes[i + 1]);
  }

  /** A title's text: plain, without notes. */
  title(n: XNode, ctx: DocContext): string {
    return norm(this.inline(kids(n), ctx, true)).replace(/\\(.)/g, "$1");
  }

  private inlineNode(n: XNode, ctx: DocContext, titleMode: boolean): string {
    if (isText(n)) return escapeText(squash(textOf(n)));
    const t = tagOf(n);
    if (!t || t.startsWith("?") || t === "#comment") return "";
    const c = kids(n);
    const inner = () => this.inline(c, ctx, titleMode);
    if (NAMES.has(t)) return titleMode ? inner() : this.name(n, t, inner(), ctx);
    const mark = this.transcription(n, t, ctx, titleMode);
    if (mark !== undefined) return mark;
    switch (t) {
      case "note":
        return titleMode || attr(n, "type") === "source" ? "" : this.note(n, ctx);
      case "pb":
        return titleMode ? "" : this.pageBreak(n);
      case "lb":
        return titleMode ? " " : "\\\n";
      case "ref": {
        if (titleMode) return inner();
        const text = inner();
        const md = this.hooks.reference(attr(n, "target") ?? "", text.trim());
        if (md === undefined) ctx.unmapped.add("ref/@target");
        return md ?? text;
      }
      case "foreign":
        return titleMode ? inner() : foreignSpan(attr(n, "xml:lang"), inner(), ctx.unmapped);
      case "q":
      case "quote":
        return this.inlineAt([n], 0, ctx, titleMode);
      case "date":
      case "time":
      case "seg":
        return inner();
      default:
        if (!titleMode) ctx.unmapped.add(t);
        return inner();
    }
  }

  /** A footnote: its number as the TEI gives it; a translator's note is labelled `translator-N`. */
  private note(n: XNode, ctx: DocContext): string {
    const num = attr(n, "n") ?? String(ctx.notes.length + 1);
    const label = attr(n, "type") === "translator" ? `translator-${num}` : num;
    ctx.notes.push({ n: label, text: norm(this.blockInline(kids(n), ctx)) });
    return `[^${label}]`;
  }

  /** `{page: N}`, `{page printed: N}` or `{folio: N}`, as `@ed`, `@type` and the source's kind of pages say. */
  pageBreak(n: XNode): string {
    const page = attr(n, "n");
    if (!page) return "";
    if (attr(n, "type") === "folio") return `{folio: ${page}}`;
    const printed = attr(n, "ed") === "print" || (attr(n, "ed") === undefined && this.hooks.pages === "printed");
    return printed ? `{page printed: ${page}}` : `{page: ${page}}`;
  }

  /**
   * A name without a register entry keeps its text and is counted, whatever its kind. (FRUS's
   * `<gloss type="from">` and `type="to"`, the sender and recipient in a document's heading, are
   * read in the heading as its title's plain text, where nothing is counted: the title field has no
   * marks to give them. In the text they would be counted as any other.)
   */
  private name(n: XNode, t: string, inner: string, ctx: DocContext): string {
    const src = this.hooks.mention(attr(n, "corresp") ?? attr(n, "ref") ?? attr(n, "target"), inner);
    if (src) return wrap(inner, `{${MARK_OF_KIND[src.kind]} ${src.key}: `, "}");
    ctx.unmapped.add(t);
    return inner;
  }

  /**
   * The elements the plugin has a transcription mark for, as that mark; undefined for others. In
   * a title (plain text) each keeps its text, except a deletion and a gap, which are not read.
   */
  private transcription(n: XNode, t: string, ctx: DocContext, titleMode: boolean): string | undefined {
    const inner = () => this.inline(kids(n), ctx, titleMode);
    if (INLINE_MARKS.has(t)) return titleMode ? (t === "del" ? "" : inner()) : inMark(t, inner());
    switch (t) {
      case "gap":
        return titleMode ? "" : gapMark(n, ctx.unmapped);
      case "code": {
        // Code is printed as it is: its text unescaped, between backticks one more than it holds.
        const code = squash(plain(n));
        const ticks = "`".repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((t) => t.length)) + 1);
        return titleMode
          ? code
          : `${ticks}${code.startsWith("`") ? " " : ""}${code}${code.endsWith("`") ? " " : ""}${ticks}`;
      }
      case "choice":
        return this.choice(n, ctx, titleMode);
      case "hi":
        return titleMode ? inner() : this.hi(attr(n, "rend") ?? "", inner(), ctx);
      default:
        return undefined;
    }
  }

  private hi(rend: string, inner: string, ctx: DocContext): string {
    const marks = hiMarks(rend);
    if (!marks) ctx.unmapped.add(`hi/@rend=${rend}`);
    return (marks ?? []).reduceRight((text, [open, close]) => wrap(text, open, close), inner);
  }

  /**
   * An error and its correction keep the error, as the plugin's `{sic: …}`: it has no mark for a
   * correction, which is counted (`choice/corr`). Of other alternatives (orig/reg, abbr/expan) the
   * reading text is kept and the other counted.
   */
  private choice(n: XNode, ctx: DocContext, titleMode: boolean): string {
    const alternatives = elements(n);
    const sic = find(n, "sic");
    const kept = sic && !titleMode ? sic : choicePick(n, alternatives);
    if (!titleMode) countDropped(alternatives, kept, ctx.unmapped);
    if (!kept) return "";
    const text = this.inline(kids(kept), ctx, titleMode);
    return kept === sic && !titleMode ? inMark("sic", text) : text;
  }

  /** A note's or item's content: block children (p) joined by spaces. */
  blockInline(nodes: XNode[], ctx: DocContext): string {
    return nodes
      .map((n, i) => (tagOf(n) === "p" ? ` ${this.inline(kids(n), ctx)} ` : this.inlineAt(nodes, i, ctx, false)))
      .join("");
  }

  /** Block-level content: paragraphs, lists, tables, quotations; runs of inline content form paragraphs. */
  blocks(nodes: XNode[], ctx: DocContext): string[] {
    const blocks: string[] = [];
    let run = "";
    const end = () => {
      const p = normLines(run).replace(/([*}]) (?=[.,;:!?)])/g, "$1");
      if (p) blocks.push(escapeBlockStart(p));
      run = "";
    };
    for (const [i, n] of nodes.entries()) {
      const t = isText(n) ? undefined : tagOf(n);
      const inline =
        t === undefined ||
        (t === "pb" && (run.trim() || beginsText(nodes, i))) ||
        (t === "quote" && !blockQuote(nodes, i));
      const block = inline ? undefined : this.block(n, t, ctx);
      if (block === undefined) run += this.inlineAt(nodes, i, ctx, false);
      else {
        end();
        blocks.push(...block);
      }
    }
    end();
    return blocks;
  }

  /** A block element's blocks, or undefined for inline content. */
  private block(n: XNode, t: string, ctx: DocContext): string[] | undefined {
    switch (t) {
      case "p":
      case "ab":
        return this.blocks(kids(n), ctx);
      case "list":
        return [this.list(n, ctx)];
      case "table":
        return [this.table(n, ctx)];
      case "quote":
      case "cit":
        return [quoteBlocks(this.blocks(kids(n), ctx))];
      case "pb": {
        const mark = this.pageBreak(n);
        return mark ? [mark] : [];
      }
      case "head":
        return [`## ${escapeText(this.title(n, ctx))}`];
      case "opener":
      case "closer":
        return this.openerCloser(kids(n), ctx);
      case "dateline":
      case "salute":
      case "signed":
        return this.openerCloser([n], ctx);
      default:
        return undefined;
    }
  }

  private list(list: XNode, ctx: DocContext): string {
    const rendered: string[] = [];
    let label: string | undefined;
    let pb = "";
    let loose = false;
    // A numbered list (the plugin's export writes rend="numbered") counts its items; else a label "1." numbers one.
    const numbered = /\b(numbered|ordered)\b/.test(`${attr(list, "rend") ?? ""} ${attr(list, "type") ?? ""}`);
    let n = 0;
    for (const k of elements(list)) {
      const t = tagOf(k);
      if (t === "label") label = norm(plain(k));
      else if (t === "pb") pb += `${this.pageBreak(k)} `;
      else if (t === "item") {
        n++;
        const ordered = label !== undefined && /^\d+\.$/.test(label);
        const marker = ordered ? `${label ?? ""} ` : numbered ? `${n}. ` : "- ";
        const blocks = this.blocks(kids(k), ctx);
        if (blocks.length > 1) loose = true;
        const first = (pb + (label && !ordered ? `${escapeText(label)} ` : "") + (blocks[0] ?? "")).trim();
        pb = "";
        label = undefined;
        const body = [escapeBlockStart(first), ...blocks.slice(1)].join("\n\n");
        rendered.push(marker + indent(body, marker.length).slice(marker.length));
      } else if (t !== "head") ctx.unmapped.add(`list/${t ?? ""}`);
    }
    return rendered.join(loose ? "\n\n" : "\n");
  }

  private table(table: XNode, ctx: DocContext): string {
    const rows = elements(table)
      .filter((r) => tagOf(r) === "row")
      .map((r) =>
        elements(r)
          .filter((c) => tagOf(c) === "cell")
          .map((c) => norm(this.inline(kids(c), ctx)).replace(/\|/g, "\\|")),
      );
    if (!rows.length) return "";
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: string[]) => `| ${[...r, ...Array<string>(width - r.length).fill("")].join(" | ")} |`;
    return [line(rows[0] ?? []), line(Array<string>(width).fill("---")), ...rows.slice(1).map(line)].join("\n");
  }

  /** An opener's or closer's content: each dateline, salute and signature a mark on its own line. */
  private openerCloser(nodes: XNode[], ctx: DocContext): string[] {
    const out: string[] = [];
    let signature: number | undefined;
    for (const k of nodes) {
      const t = isText(k) ? undefined : tagOf(k);
      if (t === "dateline" || t === "salute" || t === "signed") {
        out.push(`{${t}: ${normLines(this.inline(kids(k), ctx))}}`);
        signature = t === "signed" ? out.length - 1 : undefined;
      } else if (t === "pb") out.push(this.pageBreak(k));
      else if (t !== "lb") {
        // a line after the signature (a title, a rank) continues it
        const s = norm(isText(k) ? escapeText(textOf(k)) : this.inlineNode(k, ctx, false));
        if (!s) continue;
        const prev = signature === undefined ? undefined : out[signature];
        if (signature !== undefined && prev !== undefined) out[signature] = `${prev.slice(0, -1)}\\\n${s}}`;
        else out.push(s);
      }
    }
    return out;
  }
}

const BLOCKS_IN_QUOTE = new Set(["p", "ab", "lg", "l", "list", "table", "quote", "cit"]);
const wordy = (n: XNode | undefined) => n !== undefined && isText(n) && textOf(n).trim() !== "";
/**
 * A `<quote>` is a block quotation (FRUS's use) when it holds paragraphs or the like, its @rend says
 * so, or no words of the paragraph stand next to it; between words it is quoted inline.
 */
function blockQuote(nodes: XNode[], i: number): boolean {
  const q = nodes[i] as XNode;
  if (elements(q).some((k) => BLOCKS_IN_QUOTE.has(tagOf(k) ?? "")) || /block|display/.test(attr(q, "rend") ?? ""))
    return true;
  return !wordy(nodes[i - 1]) && !wordy(nodes[i + 1]);
}

function quoteBlocks(blocks: string[]): string {
  return blocks
    .map((b) =>
      b
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n"),
    )
    .join("\n>\n");
}

/** Whitespace squashed, the Markdown line breaks (`\\` and a newline) kept. */
const normLines = (s: string): string => norm(s.replace(/\\\n/g, "\uE000")).replace(/\uE000 ?/g, "\\\n");

const BLOCKS = new Set([
  "p",
  "ab",
  "list",
  "table",
  "cit",
  "opener",
  "closer",
  "dateline",
  "salute",
  "signed",
  "head",
  "div",
]);
/**
 * A page break that text follows, in the same paragraph or item, is part of that text; one between
 * blocks (a paragraph, a list) or at the end stands between them.
 */
function beginsText(nodes: XNode[], i: number): boolean {
  for (const n of nodes.slice(i + 1)) {
    if (isText(n)) {
      if (textOf(n).trim()) return true;
      continue;
    }
    const t = tagOf(n);
    if (t === "pb" || t === "lb") continue;
    return !BLOCKS.has(t ?? "");
  }
  return false;
}
