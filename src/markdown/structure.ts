/**
 * Which of a document's paragraphs open it and which close it: its headings, then its opener
 * (salutations and datelines before the text), its body, then its closer (signatures, datelines
 * and closing salutations after the text). The page prints an opener as an opening line and a
 * closer at the end of its line; the TEI export puts them in `<opener>` and `<closer>`. Both ask
 * here, so that the page and the TEI never disagree.
 */
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { isBreak, markOf, type MarkKind } from "./marks.js";
import { attachmentParts, mainBlocks } from "./attachments.js";

export type StructureKind = Extract<MarkKind, "salute" | "signed" | "dateline">;
export const STRUCTURE = new Set<MarkKind>(["salute", "signed", "dateline"]);
const OPENING = new Set<MarkKind>(["salute", "dateline"]);

const isBlank = (t: Token) => (t.type === "text" && t.content.trim() === "") || t.type === "softbreak";
/** A page or folio break: it may stand before or after the line it breaks without changing what the line is. */
const isMilestone = (t: Token) => t.type === "transcription_mark_value" && isBreak(markOf(t).kind);

/**
 * The structure mark a paragraph's inline tokens are, or undefined: one mark spanning the
 * paragraph, with perhaps page breaks around it and note references after it
 * (`{signed: Foreign Ministry}[^2]`).
 */
export function structureOf(children: readonly Token[]): StructureKind | undefined {
  const parts = children.filter((t) => !isBlank(t));
  let from = 0;
  let to = parts.length;
  while (from < to && isMilestone(parts[from] as Token)) from++;
  while (to > from && (isMilestone(parts[to - 1] as Token) || parts[to - 1]?.type === "footnote_ref")) to--;
  const first = parts[from];
  const last = parts[to - 1];
  if (
    first?.type !== "transcription_mark_open" ||
    last?.type !== "transcription_mark_close" ||
    !STRUCTURE.has(markOf(first).kind)
  )
    return undefined;
  // The one mark must span the whole of it.
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = parts[i] as Token;
    if (t.type === "transcription_mark_open") depth++;
    if (t.type === "transcription_mark_close") depth--;
    if (depth === 0 && i < to - 1) return undefined;
  }
  return markOf(first).kind as StructureKind;
}

/** A paragraph of page or folio breaks alone. */
export const milestonesOnly = (children: readonly Token[]) =>
  children.some(isMilestone) && children.every((t) => isMilestone(t) || isBlank(t));

export interface DocumentParts {
  /** The first token of each top-level block, in order. */
  starts: number[];
  /** Counts of blocks from the start: headings, then opener; from the end: closer. */
  head: number;
  opener: number;
  closer: number;
}

/**
 * The parts of a document's blocks (the tokens before its notes). A page break between the
 * opener's lines, or before them, belongs to the opener; one before or between the closer's lines,
 * to the closer.
 */
export function documentParts(blocks: readonly Token[]): DocumentParts {
  const starts: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i] as Token;
    if (t.level === 0 && t.nesting !== -1 && t.type !== "inline") starts.push(i);
  }
  const children = (n: number) =>
    blocks[starts[n] as number]?.type === "paragraph_open"
      ? (blocks[(starts[n] as number) + 1]?.children ?? [])
      : undefined;
  const kindAt = (n: number) => {
    const inline = children(n);
    return inline ? structureOf(inline) : undefined;
  };
  const milestoneAt = (n: number) => {
    const inline = children(n);
    return inline ? milestonesOnly(inline) : false;
  };
  let head = 0;
  while (head < starts.length && blocks[starts[head] as number]?.type === "heading_open") head++;
  // The opener: opening lines and page breaks, up to its last opening line.
  let opener = 0;
  for (let n = head; n < starts.length; n++) {
    const kind = kindAt(n);
    if (kind && OPENING.has(kind)) opener = n - head + 1;
    else if (!milestoneAt(n)) break;
  }
  // The closer: closing lines and page breaks after the opener, from its first closing line.
  let closer = 0;
  for (let n = starts.length - 1; n >= head + opener; n--) {
    if (kindAt(n)) closer = starts.length - n;
    else if (!milestoneAt(n)) break;
  }
  return { starts, head, opener, closer };
}

/** The class a structure paragraph is printed with: `de-opener` or `de-closer`. */
export const OPENER_CLASS = "de-opener";
export const CLOSER_CLASS = "de-closer";

/**
 * A core rule giving each structure paragraph its class: by where it stands in the opener or
 * closer, and elsewhere (a letter enclosed in the text) by its kind, a salutation opening and a
 * signature or dateline closing.
 */
function structureClasses(state: StateCore): void {
  // The main text and each attachment have their own opener and closer.
  for (const blocks of [mainBlocks(state.tokens), ...attachmentParts(state.tokens).map((a) => a.blocks)]) {
    segmentClasses(blocks);
  }
}

function segmentClasses(blocks: Token[]): void {
  const parts = documentParts(blocks);
  parts.starts.forEach((start, n) => {
    const token = blocks[start] as Token;
    if (token.type !== "paragraph_open") return;
    const kind = structureOf(blocks[start + 1]?.children ?? []);
    if (!kind) return;
    const opening =
      n >= parts.head && n < parts.head + parts.opener
        ? true
        : n >= parts.starts.length - parts.closer
          ? false
          : kind === "salute";
    token.attrJoin("class", opening ? OPENER_CLASS : CLOSER_CLASS);
  });
}

export function documentStructure(md: MarkdownIt): void {
  md.core.ruler.push("document_structure", structureClasses);
}
