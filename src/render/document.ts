/** Pure functions from the edition model to HTML: the pieces the default layouts put together. */
import { formatDocumentDate, machineReadableDate, type DocumentDate } from "../model/date.js";
import type { Edition, EditionDocument, Part, Register } from "../model/edition.js";
import { FRONT_MATTER_KINDS, withoutMentions } from "../model/register.js";
import type { ParticipantItem } from "../model/participants.js";
import { languageName } from "../model/language.js";
import type { Labels } from "../options.js";
import { html, isSafeUrl, raw, type SafeHtml } from "../markup/html.js";
import { documentLabelHtml, documentLabelText } from "./label.js";

export interface RenderContext {
  locale: string;
  labels: Labels;
  register: Register;
  /** Turns a site URL into a link (Eleventy's `url` filter, which adds the path prefix). */
  url: (path: string) => string;
}

export function dateText(date: DocumentDate, context: Pick<RenderContext, "locale" | "labels">): string {
  return formatDocumentDate(date, context.locale, context.labels);
}

export function dateHtml(date: DocumentDate, context: Pick<RenderContext, "locale" | "labels">): SafeHtml {
  return html`<time datetime="${machineReadableDate(date)}">${dateText(date, context)}</time>`;
}

function link(href: string | undefined, text: string): SafeHtml {
  return href && isSafeUrl(href) ? html`<a href="${href}">${text}</a>` : html`${text}`;
}

function row(label: string, value: SafeHtml | string | undefined): SafeHtml | undefined {
  return value === undefined || value === "" ? undefined : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function list(values: readonly string[] | undefined): string | undefined {
  return values?.length ? values.join("; ") : undefined;
}

/** A definition list of the document's record, in the order an archivist reads it. */
export function documentMetadataHtml(doc: EditionDocument, context: RenderContext): SafeHtml {
  const { labels, locale, register } = context;
  const translation = doc.translation
    ? [
        languageName(doc.translation.language, locale),
        doc.translation.translator
          ? `, ${labels.translatedBy} ${doc.translation.translator.join(", ")}`
          : doc.translation.translator === null
            ? `, ${labels.translatorNotKnown}`
            : "",
      ].join("")
    : undefined;
  const source = doc.source
    ? html`${link(doc.source.url, doc.source.title)}${doc.source.publisher ? `, ${doc.source.publisher}` : ""}${
        doc.source.accessed ? html` (${labels.accessed} ${dateHtml(doc.source.accessed, context)})` : ""
      }`
    : undefined;
  const registerRows = FRONT_MATTER_KINDS.map((kind) =>
    row(labels[kind], list(doc[kind].map((key) => register[kind]?.[key]?.name ?? key))),
  );
  return html`<dl class="de-metadata">${[
    row(labels.date, dateHtml(doc.date, context)),
    row(labels.type, doc.type),
    row(labels.author, list(doc.author)),
    row(labels.recipients, list(doc.recipients)),
    row(labels.classification, doc.classification),
    row(labels.handling, list(doc.handling)),
    row(labels.originalLanguage, doc.originalLanguage && languageName(doc.originalLanguage, locale)),
    row(labels.translation, translation),
    row(labels.archive, doc.archive === null ? labels.notKnown : doc.archive),
    row(labels.collection, doc.collection),
    row(labels.callNumber, doc.callNumber === null ? labels.notKnown : doc.callNumber),
    row(labels.pages, doc.pages),
    row(labels.folios, doc.folios),
    row(labels.source, source),
    row(labels.credits, doc.credits),
    ...conversationRows(doc, context),
    ...registerRows,
  ]}</dl>`;
}

/** Inline Markdown as the record's plain words: mentions as their words, emphasis and escapes dropped. */
const plainWords = (text: string) => withoutMentions(text).replace(/\\(.)|[*_]+/g, "$1");

/** A participant as the record lists it: its words, a register key as the register's name. */
function participantText(item: ParticipantItem, register: Register): string {
  if (typeof item === "string") return plainWords(item);
  const name = "person" in item ? (register.people?.[item.person]?.name ?? item.person) : item.name;
  return item.role ? `${name}, ${plainWords(item.role)}` : name;
}

/** A memorandum's place, participants (group by group) and subject, in the record as plain words. */
function conversationRows(doc: EditionDocument, context: RenderContext): (SafeHtml | undefined)[] {
  const { labels, register } = context;
  // One line a group ("United States: …"), its members parted by semicolons, as their roles hold commas.
  const participants = (doc.participants ?? []).map((p) =>
    typeof p === "object" && "group" in p
      ? html`<span class="de-group">${p.group}:</span> ${p.members.map((m) => participantText(m, register)).join("; ")}`
      : html`${participantText(p, register)}`,
  );
  const grouped = doc.participants?.some((p) => typeof p === "object" && "group" in p);
  return [
    row(labels.place, doc.place),
    row(
      labels.participants,
      participants.length
        ? grouped
          ? html`${participants.map((p, i) => (i ? html`<br>${p}` : p))}`
          : html`${participants.map((p, i) => (i ? html`; ${p}` : p))}`
        : undefined,
    ),
    row(labels.subject, doc.subject && plainWords(doc.subject)),
  ];
}

/** Previous and next document in the edition, as FRUS links them, each by its listing label. */
export function documentNavigationHtml(
  doc: EditionDocument,
  context: Pick<RenderContext, "locale" | "labels" | "url">,
): SafeHtml {
  const { labels, url } = context;
  if (!doc.previous && !doc.next) return html``;
  return html`<nav class="de-document-nav" aria-label="${labels.documents}"><ul>${[
    doc.previous &&
      html`<li class="de-previous"><a href="${url(doc.previous.url)}" rel="prev"><span class="de-direction">${labels.previous}</span> ${documentLabelHtml(doc.previous, context)}</a></li>`,
    doc.next &&
      html`<li class="de-next"><a href="${url(doc.next.url)}" rel="next"><span class="de-direction">${labels.next}</span> ${documentLabelHtml(doc.next, context)}</a></li>`,
  ]}</ul></nav>`;
}

/**
 * The table of contents of an edition or of one of its parts: its own documents, each by its
 * listing label (number, title, date) with its type and summary, then each part under its heading,
 * a level deeper each part deeper. The number is in the label, so the list shows no marker of its
 * own (and a number such as "57a" could not be a list item's value).
 */
export function editionContentsHtml(
  container: Edition | Part,
  context: Pick<RenderContext, "locale" | "labels" | "url">,
): SafeHtml {
  const own = "slug" in container ? container.documents.filter((doc) => !doc.part) : container.documents;
  if (!own.length && !container.parts.length) return html`<p class="de-empty">${context.labels.noDocuments}</p>`;
  return contentsHtml(own, container.parts, 3, context);
}

function contentsHtml(
  documents: readonly EditionDocument[],
  parts: readonly Part[],
  level: number,
  context: Pick<RenderContext, "locale" | "labels" | "url">,
): SafeHtml {
  const heading = `h${Math.min(level, 6)}`;
  const list = documents.length
    ? html`<ol class="de-contents">${documents.map(
        (doc) => html`<li id="document-${doc.number}"><article>
${raw(`<${heading}>`)}<a href="${context.url(doc.url)}">${documentLabelHtml(doc, context)}</a>${raw(`</${heading}>`)}
${doc.type ? html`<p class="de-contents-meta"><span class="de-type">${doc.type}</span></p>` : ""}
${doc.summary ? html`<p class="de-summary">${doc.summary}</p>` : ""}
</article></li>`,
      )}</ol>`
    : "";
  return html`${list}${parts.map(
    (part) => html`
<section class="de-part" id="${part.id}" aria-labelledby="${part.id}-heading">
${raw(`<${heading}`)} id="${part.id}-heading"><a href="${context.url(part.url)}">${part.title}</a>${raw(`</${heading}>`)}
${contentsHtml(part.documents, part.parts, level + 1, context)}
</section>`,
  )}`;
}

/** The links above a document's or a part's title: its edition, then each part that holds it, outermost first. */
export function breadcrumbsHtml(
  edition: Edition,
  part: Part | undefined,
  context: Pick<RenderContext, "labels" | "url">,
): SafeHtml {
  const trail: Part[] = [];
  for (let p = part; p; p = p.parent) trail.unshift(p);
  return html`<nav class="de-breadcrumbs" aria-label="${context.labels.breadcrumbs}" data-pagefind-ignore><a href="${context.url(edition.url)}">${edition.title}</a>${trail.map(
    (p) => html` <span aria-hidden="true">›</span> <a href="${context.url(p.url)}">${p.title}</a>`,
  )}</nav>`;
}

/** A part's page: its breadcrumb, title, introduction and contents. */
export function partArticleHtml(part: Part, content: string, context: RenderContext): SafeHtml {
  const { labels } = context;
  return html`<article class="de-edition de-part-page">
${breadcrumbsHtml(part.edition, part.parent, context)}
<header class="de-edition-header">
<h1>${part.title}</h1>
</header>${
    content.trim()
      ? html`
<div class="de-introduction">
${raw(content)}
</div>`
      : ""
  }
<section class="de-edition-contents" aria-labelledby="de-contents-heading">
<h2 id="de-contents-heading">${labels.contents}</h2>
${editionContentsHtml(part, context)}
</section>
</article>`;
}

/** The site's editions: title, subtitle, summary and how many documents each holds. */
export function editionListHtml(
  editions: readonly Edition[],
  context: Pick<RenderContext, "labels" | "url">,
): SafeHtml {
  const { labels, url } = context;
  const count = (n: number) =>
    n === 1 ? labels.documentCountOne : labels.documentCountOther.replace("{count}", String(n));
  return html`<ul class="de-editions">${editions.map(
    (edition) => html`<li><article>
<h2><a href="${url(edition.url)}">${edition.title}</a></h2>
${edition.subtitle ? html`<p class="de-subtitle">${edition.subtitle}</p>` : ""}
${edition.summary ? html`<p class="de-summary">${edition.summary}</p>` : ""}
<p class="de-count">${count(edition.documents.length)}</p>
</article></li>`,
  )}</ul>`;
}

/** What the document article holds besides the document's own fields: each part already HTML. */
export interface ArticleParts {
  /** The rendered text of the document. */
  content: string;
  /** The telegram header, where the text does not place it by hand. */
  telegramHeader: SafeHtml | undefined;
  markLegend: SafeHtml;
  citeBox: SafeHtml;
}

/**
 * What Pagefind reads of a document beside its text: its filters (edition, year, type,
 * classification, language), the title (its listing label), date and summary its results show, and the date it sorts by, in a
 * hidden block it does not index. A layout of a site's own prints it inside its `data-pagefind-body`.
 */
export function documentSearchHtml(doc: EditionDocument, context: Pick<RenderContext, "locale" | "labels">): SafeHtml {
  const filter = (name: string, value: string | number | undefined) =>
    value === undefined || value === "" ? "" : html`\n<span data-pagefind-filter="${name}">${value}</span>`;
  const meta = (name: string, value: string | undefined) =>
    value ? html`\n<span data-pagefind-meta="${name}">${value}</span>` : "";
  return html`<div hidden data-pagefind-ignore>${[
    filter("edition", doc.edition.title),
    filter("year", doc.date.year),
    filter("type", doc.type),
    filter("classification", doc.classification),
    filter("language", doc.originalLanguage && languageName(doc.originalLanguage, context.locale)),
    meta("title", documentLabelText(doc, context)),
    meta("date", dateText(doc.date, context)),
    meta("summary", doc.summary),
  ]}
<span data-pagefind-sort="date">${doc.date.iso}</span>
</div>`;
}

/**
 * The document page's article, as the default document layout prints it: search filters, breadcrumb,
 * number, title, date, summary, the text with its telegram header (unless the text places it
 * itself), the legend of marks, the record, the cite box and the previous and next documents. One
 * function, run once per page, rather than a template of many calls.
 */
export function documentArticleHtml(doc: EditionDocument, parts: ArticleParts, context: RenderContext): SafeHtml {
  const { labels } = context;
  const textLanguage = doc.translation ? doc.translation.language : doc.originalLanguage;
  const telegram = parts.telegramHeader ? html`\n${parts.telegramHeader}` : "";
  return html`<article class="de-document" data-pagefind-body>
${documentSearchHtml(doc, context)}
${breadcrumbsHtml(doc.edition, doc.part, context)}
<header class="de-document-header">
<p class="de-document-number">${labels.document} ${doc.number}</p>
<h1>${doc.title}</h1>
<p class="de-dateline">${dateHtml(doc.date, context)}</p>
</header>${doc.summary ? html`\n<p class="de-summary">${doc.summary}</p>` : ""}
<div class="de-text"${textLanguage ? html` lang="${textLanguage}"` : ""}>${telegram}
${raw(parts.content)}
</div>
<div data-pagefind-ignore>
${parts.markLegend}
</div>
<section class="de-record" aria-labelledby="de-record-heading" data-pagefind-ignore>
<h2 id="de-record-heading">${labels.metadata}</h2>
${documentMetadataHtml(doc, context)}
</section>
<div data-pagefind-ignore>
${parts.citeBox}
</div>
<div data-pagefind-ignore>${documentNavigationHtml(doc, context)}</div>
</article>`;
}
