/** The HTML of each transcription mark, and the legend of the marks a page uses. */
import {
  isBreak,
  MARK_KINDS,
  MARKS,
  SIDENOTE_COPY,
  type BreakKind,
  type MarkKind,
  type MarkRenderer,
} from "../markdown/marks.js";
import { breakId, entryId, fragment, mentionId } from "../model/ids.js";
import type { MentionKind } from "../model/register.js";
import type { Labels } from "../options.js";
import { escapeHtml, html, raw, type SafeHtml } from "../markup/html.js";

const DESCRIPTION: Record<MarkKind, keyof Labels> = {
  supplied: "markSupplied",
  sic: "markSic",
  unclear: "markUnclear",
  del: "markDel",
  add: "markAdd",
  smallcaps: "markSmallcaps",
  underline: "markUnderline",
  gap: "markGap",
  page: "markPage",
  "printed-page": "markPrintedPage",
  folio: "markFolio",
  person: "mentionPerson",
  place: "mentionPlace",
  term: "mentionTerm",
  salute: "markSalute",
  signed: "markSigned",
  dateline: "markDateline",
};

/**
 * Element and the text printed before and after the mark's content, as a reader of print editions
 * expects. Printed signs are in `.de-gen`: the edition's, not the document's (the TEI export has
 * the element instead, and the text round-trip test leaves them out).
 */
const editorialSign = (text: string) => (text ? `<span class="de-gen">${text}</span>` : "");
const SHAPE: Record<MarkKind, { tag: string; before: string; after: string }> = {
  supplied: { tag: "span", before: editorialSign("["), after: editorialSign("]") },
  sic: { tag: "span", before: "", after: ` <span class="de-mark-sign de-gen">[sic]</span>` },
  unclear: { tag: "span", before: "", after: ` <span class="de-mark-sign de-gen">[?]</span>` },
  del: { tag: "del", before: "", after: "" },
  add: { tag: "ins", before: "", after: "" },
  smallcaps: { tag: "span", before: "", after: "" },
  underline: { tag: "span", before: "", after: "" },
  gap: { tag: "span", before: "", after: "" },
  page: { tag: "span", before: "", after: "" },
  "printed-page": { tag: "span", before: "", after: "" },
  folio: { tag: "span", before: "", after: "" },
  person: { tag: "a", before: "", after: "" },
  place: { tag: "a", before: "", after: "" },
  term: { tag: "a", before: "", after: "" },
  salute: { tag: "span", before: "", after: "" },
  signed: { tag: "span", before: "", after: "" },
  dateline: { tag: "span", before: "", after: "" },
};

const openTag = (kind: MarkKind, labels: Labels, extra = "") =>
  `<${SHAPE[kind].tag} class="de-mark de-${kind}" title="${escapeHtml(labels[DESCRIPTION[kind]])}"${extra}>${SHAPE[kind].before}`;
const closeTag = (kind: MarkKind) => `${SHAPE[kind].after}</${SHAPE[kind].tag}>`;

/** What a break prints: "Page 11", "Folio 3r", "Page 118 of the printed volume". */
const breakLabel = (kind: BreakKind, value: string, labels: Labels) =>
  kind === "printed-page"
    ? labels.printedPage.replace("{page}", () => value)
    : `${kind === "page" ? labels.page : labels.folio} ${value}`;

/** ` id="…"`, or nothing in a note's sidenote copy: the endnote carries the note's ids. */
const idAttribute = (env: Record<string | symbol, unknown>, id: string) =>
  env[SIDENOTE_COPY] ? "" : ` id="${escapeHtml(id)}"`;

/**
 * `registerUrl` gives the URL of the register page for the page being rendered (its edition's),
 * or nothing where the page belongs to no edition: a mention there is printed without a link.
 */
export function markRenderer(
  labels: Labels,
  registerUrl: (env: Record<string, unknown>) => string | undefined = () => undefined,
): MarkRenderer {
  return {
    open(kind, env, key, occurrence = 1) {
      if (MARKS[kind] !== "mention" || key === undefined) return openTag(kind, labels);
      const url = registerUrl(env);
      if (!url) return `<span class="de-mark de-mention de-${kind}">`;
      // Each mention is an anchor the register page links back to: "<docId>-person-han-nianlong-2"
      // (in a note, on its endnote).
      const docId = typeof env.docId === "string" ? env.docId : "text";
      const id = idAttribute(env, mentionId(docId, kind as MentionKind, key, occurrence));
      const href = `${url}${fragment(entryId(kind as MentionKind, key))}`;
      return `<a class="de-mark de-mention de-${kind}"${id} href="${escapeHtml(href)}" title="${escapeHtml(labels[DESCRIPTION[kind]])}">`;
    },
    close: (kind, env) => (MARKS[kind] === "mention" && !registerUrl(env) ? "</span>" : closeTag(kind)),
    value(kind, value, env) {
      if (!isBreak(kind))
        return `${openTag(kind, labels)}${editorialSign(`[${escapeHtml(value || "…")}]`)}${closeTag(kind)}`;
      // A page or folio break is an anchor a reader can link to; a document's id keeps it unique
      // where several documents share a page, and a page of the printed volume has ids of its own.
      const id = breakId(typeof env.docId === "string" ? env.docId : undefined, kind, value);
      const label = breakLabel(kind, value, labels);
      return `${openTag(kind, labels, idAttribute(env, id))}<span class="de-gen">[<a href="${escapeHtml(fragment(id))}">${escapeHtml(label)}</a>]</span>${closeTag(kind)}`;
    },
  };
}

/**
 * What each mark looks like in the legend: as on the page, round a sample word (`markSample`).
 * Supplied words print in brackets ("[word]") and a gap as its brackets round "…" ("[…]"), as a
 * gap without a description prints: a reader tells the two apart by what is inside.
 */
function sample(kind: MarkKind, labels: Labels): SafeHtml {
  const word = escapeHtml(labels.markSample);
  const inner = isBreak(kind)
    ? editorialSign(`[${escapeHtml(breakLabel(kind, kind === "folio" ? "1r" : "1", labels))}]`)
    : kind === "gap"
      ? editorialSign("[…]")
      : word;
  return raw(`${openTag(kind, labels)}${inner}${closeTag(kind)}`);
}

/** The legend of the transcription marks a page uses, in a fixed order; nothing where it uses none. */
export function markLegendHtml(used: ReadonlySet<MarkKind> | undefined, labels: Labels): SafeHtml {
  const kinds = MARK_KINDS.filter((kind) => (MARKS[kind] === "inline" || MARKS[kind] === "value") && used?.has(kind));
  if (!kinds.length) return html``;
  return html`<section class="de-legend" aria-labelledby="de-legend-heading">
<h2 id="de-legend-heading">${labels.markLegend}</h2>
<dl>${kinds.map((kind) => html`<div><dt>${sample(kind, labels)}</dt><dd>${labels[DESCRIPTION[kind]]}</dd></div>`)}</dl>
</section>`;
}
