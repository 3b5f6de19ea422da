/**
 * Metadata in a document page's head, from its citation record: Highwire `citation_*` tags and
 * Dublin Core (which Zotero's Embedded Metadata translator reads), and schema.org JSON-LD.
 */
import type { EditionDocument } from "../model/edition.js";
import { languageName } from "../model/language.js";
import { html, raw, type SafeHtml } from "../markup/html.js";
import type { CslDate, CslItem, CslName } from "./record.js";
import { isEditorialNote } from "../model/source-note.js";
import { dateText, nameText } from "./format.js";

/** Highwire's citation_date is written with slashes ("1979/04/16"). */
const slashDate = (date: CslDate | undefined) => dateText(date, "/", "as written");

const isoDate = (date: CslDate | undefined) => dateText(date, "-", "as written");

export interface PageContext {
  /** The page's absolute URL, where the site's URL is known. */
  pageUrl?: string;
  /** The edition's absolute (or site) URL. */
  editionUrl?: string;
  siteName?: string;
}

/** Highwire Press and Dublin Core `<meta>` tags. */
export function metaTagsHtml(item: CslItem, doc: EditionDocument, context: PageContext): SafeHtml {
  const tags: [string, string | undefined][] = [
    ["citation_title", item.title],
    ...(item.author ?? []).map((a): [string, string] => ["citation_author", nameText(a)]),
    ["citation_date", slashDate(item.issued)],
    ["citation_publisher", item.publisher ?? item["container-title"] ?? context.siteName],
    ["citation_language", item.language],
    ["citation_public_url", context.pageUrl],
    ["citation_firstpage", item.page?.split(/[-–]/)[0]?.trim()],
    [
      "citation_lastpage",
      item.page?.includes("-") || item.page?.includes("–") ? item.page.split(/[-–]/).at(-1)?.trim() : undefined,
    ],
    ["citation_abstract", item.abstract],
    ["DC.title", item.title],
    ...(item.author ?? []).map((a): [string, string] => ["DC.creator", nameText(a)]),
    ...(item.translator ?? []).map((t): [string, string] => ["DC.contributor", nameText(t)]),
    ["DC.date", isoDate(item.issued)],
    ["DC.type", item.genre ?? "Text"],
    ["DC.language", item.language],
    [
      "DC.source",
      [item.archive, item.archive_collection, item.archive_location].filter(Boolean).join(", ") || undefined,
    ],
    ["DC.identifier", context.pageUrl],
    ["DC.relation.isPartOf", doc.edition.title],
    ["DC.description", item.abstract],
  ];
  return html`${tags
    .filter((t): t is [string, string] => !!t[1])
    .map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
}

/** JSON for a `<script>` element: nothing in it can close the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** schema.org JSON-LD: the document as an ArchiveComponent and a CreativeWork, part of its edition. */
export function jsonLd(
  item: CslItem,
  doc: EditionDocument,
  context: PageContext & { locale: string },
): Record<string, unknown> {
  const person = (n: CslName) => ({ "@type": "Person", name: nameText(n) });
  const agent = (n: CslName) => ({ "@type": "Organization", name: nameText(n) });
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    // An editorial note is the edition's own writing, no part of an archive.
    "@type": isEditorialNote(doc) ? "CreativeWork" : ["ArchiveComponent", "CreativeWork"],
    name: item.title,
    ...(context.pageUrl ? { url: context.pageUrl, "@id": context.pageUrl } : {}),
    dateCreated: isoDate(item.issued),
    ...(item.author ? { creator: item.author.map(agent) } : {}),
    ...(item.recipient ? { recipient: item.recipient.map(agent) } : {}),
    ...(item.translator ? { translator: item.translator.map(person) } : {}),
    ...(item.language ? { inLanguage: item.language } : {}),
    ...(doc.translation && doc.originalLanguage
      ? {
          translationOfWork: {
            "@type": "CreativeWork",
            inLanguage: doc.originalLanguage,
            description: `${languageName(doc.originalLanguage, context.locale)} original`,
          },
        }
      : {}),
    ...(item.genre ? { genre: item.genre } : {}),
    ...(item.abstract ? { abstract: item.abstract } : {}),
    ...(item.archive ? { holdingArchive: { "@type": "ArchiveOrganization", name: item.archive } } : {}),
    ...(item.archive_location || item.page
      ? {
          itemLocation: [item.archive_collection, item.archive_location, item.page && `pp. ${item.page}`]
            .filter(Boolean)
            .join(", "),
        }
      : {}),
    ...(item.URL ? { isBasedOn: item.URL } : {}),
    // schema.org's position is an integer where it can be ("57"), text otherwise ("57a").
    position: /^\d+$/.test(doc.number) ? Number(doc.number) : doc.number,
    isPartOf: {
      "@type": "Collection",
      name: doc.edition.title,
      ...(context.editionUrl ? { url: context.editionUrl } : {}),
    },
  };
  return data;
}

export function jsonLdHtml(item: CslItem, doc: EditionDocument, context: PageContext & { locale: string }): SafeHtml {
  return raw(`<script type="application/ld+json">${scriptJson(jsonLd(item, doc, context))}</script>\n`);
}
