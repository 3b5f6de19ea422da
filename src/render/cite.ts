/** The "Cite this document" box: the citation in each style, copy buttons, and the downloads. */
import type { Labels } from "../options.js";
import { html, raw, type SafeHtml } from "../markup/html.js";

export interface CitationEntry {
  style: string;
  label: string;
  /** The citation as HTML and as text (src/citation formats it). */
  citation: { html: string; text: string };
}

export const DOWNLOADS = [
  { file: "citation.bib", label: "BibTeX" },
  { file: "citation.ris", label: "RIS" },
  { file: "citation.json", label: "CSL-JSON" },
  { file: "document.xml", label: "TEI" },
] as const;

/**
 * Readable with no script; a script (documentary-edition/cite.js) shows the copy buttons where
 * the browser can copy. `downloads` is false where the page's URL is not a folder the files can
 * sit in.
 */
export function citeBoxHtml(
  idPrefix: string,
  entries: CitationEntry[],
  labels: Labels,
  downloads: boolean,
  tei = true,
): SafeHtml {
  return html`<section class="de-cite" aria-labelledby="${idPrefix}cite-heading" data-copied="${labels.copied}" data-failed="${labels.copyFailed}">
<h2 id="${idPrefix}cite-heading">${labels.citeThis}</h2>
<dl class="de-citations">${entries.map(
    ({ style, label, citation }) => html`
<div><dt>${label}</dt><dd><p class="de-citation" id="${idPrefix}cite-${style}">${raw(citation.html)}</p><button type="button" class="de-copy" data-copy="${idPrefix}cite-${style}" aria-label="${labels.copy}: ${label}" hidden>${labels.copy}</button></dd></div>`,
  )}
</dl>
${
  downloads
    ? html`<p class="de-downloads">${labels.downloadRecord} ${DOWNLOADS.filter((d) => tei || d.label !== "TEI").map(
        (d, i) => html`${i ? ", " : ""}<a href="${d.file}" download>${d.label}</a>`,
      )}</p>`
    : ""
}
</section>`;
}
