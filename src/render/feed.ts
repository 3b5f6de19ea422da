/** Atom feeds of documents, from the model (RFC 4287). */
import { createHash } from "node:crypto";
import { toJsDate } from "../model/date.js";
import type { EditionDocument } from "../model/edition.js";
import { xml } from "../markup/xml.js";
import type { RenderContext } from "./document.js";
import { documentLabelText } from "./label.js";

/** A stable id for an entry where the site's URL is not known: a name-based UUID of the document's id. */
function urnFor(id: string): string {
  const hex = createHash("sha1").update(`documentary-edition:${id}`).digest("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export interface FeedSettings {
  title: string;
  /** The feed's own URL and the page it describes, as links (absolute where the site's URL is known). */
  selfUrl: string;
  pageUrl: string;
  id: string;
  absolute: (path: string) => string;
  siteKnown: boolean;
  /** The locale and labels an entry's title (the document's listing label) is written with. */
  context: Pick<RenderContext, "locale" | "labels">;
}

/**
 * The documents, newest first. `updated` is the document's date: the feed records documents, and
 * the date of a build is not a fact about them (two builds of the same input give the same bytes).
 */
export function atomFeed(documents: readonly EditionDocument[], settings: FeedSettings): string {
  const newest = [...documents].sort((a, b) => toJsDate(b.date).getTime() - toJsDate(a.date).getTime());
  const updated = newest[0] ? toJsDate(newest[0].date).toISOString() : new Date(0).toISOString();
  const entries = newest.map((doc) => {
    const url = settings.absolute(doc.url);
    return `  <entry>
    <title>${xml(documentLabelText(doc, settings.context))}</title>
    <link href="${xml(url)}"/>
    <id>${xml(settings.siteKnown ? url : urnFor(doc.id))}</id>
    <updated>${toJsDate(doc.date).toISOString()}</updated>
${doc.author?.length ? doc.author.map((a) => `    <author><name>${xml(a)}</name></author>\n`).join("") : ""}${doc.summary ? `    <summary>${xml(doc.summary)}</summary>\n` : ""}    <category term="${xml(doc.edition.slug)}" label="${xml(doc.edition.title)}"/>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(settings.title)}</title>
  <link href="${xml(settings.selfUrl)}" rel="self"/>
  <link href="${xml(settings.pageUrl)}"/>
  <id>${xml(settings.siteKnown ? settings.pageUrl : urnFor(settings.id))}</id>
  <updated>${updated}</updated>
  <author><name>${xml(settings.title)}</name></author>
${entries.join("\n")}
</feed>
`;
}
