/** The chronology and index pages, and the site's navigation. */
import { utcDate } from "../model/date.js";
import type { ChronologyYear, IndexEntry, IndexKind } from "../model/browse.js";
import type { EditionDocument } from "../model/edition.js";
import type { RegisterKind } from "../model/register.js";
import type { Labels } from "../options.js";
import type { RenderContext } from "./document.js";
import { documentLabelHtml } from "./label.js";
import { html, type SafeHtml } from "../markup/html.js";

type Context = Pick<RenderContext, "locale" | "labels" | "url">;

export const INDEX_LABELS: Record<RegisterKind, keyof Labels> = {
  people: "indexPeople",
  places: "indexPlaces",
  subjects: "indexSubjects",
  terms: "indexTerms",
};

/** One document in a list: its listing label (number, title, date) linked, then its edition and type. */
function documentItem(doc: EditionDocument, context: Context, level: 2 | 4): SafeHtml {
  const heading = html`<a href="${context.url(doc.url)}">${documentLabelHtml(doc, context)}</a>`;
  return html`<li><article class="de-listed">
${level === 2 ? html`<h2>${heading}</h2>` : html`<h4>${heading}</h4>`}
<p class="de-contents-meta">${doc.edition.title}${doc.type ? html` · <span class="de-type">${doc.type}</span>` : ""}</p>
</article></li>`;
}

const monthName = (year: number, month: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(utcDate(year, month, 1));

/** Every document by year and month, with headings a reader can jump between. */
export function chronologyHtml(years: readonly ChronologyYear[], context: Context): SafeHtml {
  return html`${years.map(
    (year) => html`<section class="de-year" aria-labelledby="year-${year.year}">
<h2 id="year-${year.year}">${year.year}</h2>
${year.months.map(
  (
    month,
  ) => html`<h3 class="de-month" id="${month.month ? `month-${year.year}-${String(month.month).padStart(2, "0")}` : `month-${year.year}-undated`}">${
    month.month ? monthName(year.year, month.month, context.locale) : `${year.year}: ${context.labels.monthUnknown}`
  }</h3>
<ol class="de-listing">${month.documents.map((doc) => documentItem(doc, context, 4))}</ol>`,
)}
</section>
`,
  )}`;
}

/** An index of one kind: every entry, with how many documents it has. */
export function indexKindHtml(index: IndexKind, context: Context): SafeHtml {
  if (!index.entries.length) return html`<p class="de-empty">${context.labels.indexEmpty}</p>`;
  return html`<ul class="de-index">${index.entries.map(
    (entry) =>
      html`<li><a href="${context.url(entry.url)}">${entry.name}</a> <span class="de-count">(${entry.documents.length})</span>${
        entry.identification ? html` <span class="de-identification">${entry.identification}</span>` : ""
      }</li>`,
  )}</ul>`;
}

/** One entry's page: its identification and its documents. */
export function indexEntryHtml(entry: IndexEntry, context: Context): SafeHtml {
  return html`${entry.identification ? html`<p class="de-identification">${entry.identification}</p>` : ""}
<ol class="de-listing">${entry.documents.map((doc) => documentItem(doc, context, 2))}</ol>`;
}

export interface NavigationLink {
  url: string;
  label: string;
}

/** The site's navigation: editions, chronology, the indexes the site has, search. */
export function siteNavigationHtml(links: readonly NavigationLink[], current: string, context: Context): SafeHtml {
  return html`<nav class="de-site-nav" aria-label="${context.labels.siteNavigation}"><ul>${links.map(
    (link) =>
      html`<li><a href="${context.url(link.url)}"${current === link.url ? html` aria-current="page"` : ""}>${link.label}</a></li>`,
  )}</ul></nav>`;
}
