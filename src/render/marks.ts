/** The HTML of each transcription mark, and the legend of the marks a page uses. */
import { MARK_KINDS, type MarkKind, type MarkRenderer } from "../markdown/marks.js";
import type { Labels } from "../options.js";
import { escapeHtml, html, raw, type SafeHtml } from "./html.js";

const DESCRIPTION: Record<MarkKind, keyof Labels> = {
  supplied: "markSupplied",
  sic: "markSic",
  unclear: "markUnclear",
  del: "markDel",
  add: "markAdd",
  gap: "markGap",
  page: "markPage",
  folio: "markFolio",
};

/** Element and the text printed before and after the mark's content, as a reader of print editions expects. */
const SHAPE: Record<MarkKind, { tag: string; before: string; after: string }> = {
  supplied: { tag: "span", before: "[", after: "]" },
  sic: { tag: "span", before: "", after: ' <span class="de-mark-sign">[sic]</span>' },
  unclear: { tag: "span", before: "", after: ' <span class="de-mark-sign">[?]</span>' },
  del: { tag: "del", before: "", after: "" },
  add: { tag: "ins", before: "", after: "" },
  gap: { tag: "span", before: "[", after: "]" },
  page: { tag: "span", before: "[", after: "]" },
  folio: { tag: "span", before: "[", after: "]" },
};

const openTag = (kind: MarkKind, labels: Labels, extra = "") =>
  `<${SHAPE[kind].tag} class="de-mark de-${kind}" title="${escapeHtml(labels[DESCRIPTION[kind]])}"${extra}>${SHAPE[kind].before}`;
const closeTag = (kind: MarkKind) => `${SHAPE[kind].after}</${SHAPE[kind].tag}>`;

/** An id-safe form of a page or folio number ("11", "3r"). */
const idPart = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, "-");

export function markRenderer(labels: Labels): MarkRenderer {
  return {
    open: (kind) => openTag(kind, labels),
    close: (kind) => closeTag(kind),
    value(kind, value, env) {
      if (kind === "gap") return `${openTag(kind, labels)}${escapeHtml(value || "…")}${closeTag(kind)}`;
      // A page or folio break is an anchor a reader can link to; a document's id keeps it unique
      // where several documents share a page.
      const docId = typeof env.docId === "string" ? `${env.docId}-` : "";
      const id = `${docId}${kind}-${idPart(value)}`;
      const label = `${kind === "page" ? labels.page : labels.folio} ${value}`;
      return `${openTag(kind, labels, ` id="${escapeHtml(id)}"`)}<a href="#${escapeHtml(id)}">${escapeHtml(label)}</a>${closeTag(kind)}`;
    },
  };
}

/** What each mark looks like in the legend. */
function sample(kind: MarkKind, labels: Labels): SafeHtml {
  const inner = kind === "page" ? `${labels.page} 1` : kind === "folio" ? `${labels.folio} 1r` : "…";
  return raw(`${openTag(kind, labels)}${escapeHtml(inner)}${closeTag(kind)}`);
}

/** The legend of the marks a page uses, in a fixed order; nothing where it uses none. */
export function markLegendHtml(used: ReadonlySet<MarkKind> | undefined, labels: Labels): SafeHtml {
  const kinds = MARK_KINDS.filter((kind) => used?.has(kind));
  if (!kinds.length) return html``;
  return html`<section class="de-legend" aria-labelledby="de-legend-heading">
<h2 id="de-legend-heading">${labels.markLegend}</h2>
<dl>${kinds.map((kind) => html`<div><dt>${sample(kind, labels)}</dt><dd>${labels[DESCRIPTION[kind]]}</dd></div>`)}</dl>
</section>`;
}
