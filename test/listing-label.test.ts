/** Issue 17: documents with the same title are told apart wherever they are listed, by number and date. */
import { describe, expect, it } from "vitest";
import { chronology, registerIndex } from "../src/model/browse.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { chronologyHtml, indexEntryHtml } from "../src/render/browse.js";
import { documentNavigationHtml, documentSearchHtml, editionContentsHtml } from "../src/render/document.js";
import { atomFeed } from "../src/render/feed.js";
import { documentLabelHtml, documentLabelText } from "../src/render/label.js";
import { editionRegisterHtml } from "../src/render/register.js";
import { build, source } from "./helpers/model.js";

const TITLE = "Memorandum of Conversation";
const DATES = ["1970-03-03", "1970-03-04", "1970-03", "1970-04-01", "1970-04-02"];
const model = build(
  DATES.map((date, i) => source(`frus/d${i + 1}`, { title: TITLE, date, people: ["kissinger"] })),
  [],
  { people: { kissinger: { name: "Henry A. Kissinger" } } },
);
const context = { locale: "en-US", labels: DEFAULT_LABELS, register: model.register, url: (p: string) => p };
const edition = model.editions[0]!;
const EXPECTED = [
  "1. Memorandum of Conversation — March 1970",
  "2. Memorandum of Conversation — March 3, 1970",
  "3. Memorandum of Conversation — March 4, 1970",
  "4. Memorandum of Conversation — April 1, 1970",
  "5. Memorandum of Conversation — April 2, 1970",
];

/** The text of each link to a document of the edition, tags dropped. */
const linkTexts = (out: string) =>
  [...out.matchAll(/<a href="\/editions\/frus\/d\d\/"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, "").trim(),
  );

describe("a document's listing label", () => {
  it("gives number, title and date, as text and as HTML with a machine-readable date", () => {
    const doc = edition.documents[1]!;
    expect(documentLabelText(doc, context)).toBe("2. Memorandum of Conversation — March 3, 1970");
    expect(documentLabelHtml(doc, context).value).toBe(
      '<span class="de-label"><span class="de-number">2</span>. <span class="de-title">Memorandum of Conversation</span> — <span class="de-label-date"><time datetime="1970-03-03">March 3, 1970</time></span></span>',
    );
  });

  it("follows the site's label and locale, and escapes the title", () => {
    const doc = { ...edition.documents[1]!, number: "57a", title: "A <b>" };
    const french = { locale: "fr-FR", labels: { ...DEFAULT_LABELS, documentLabel: "{date} : {title} (n° {number})" } };
    expect(documentLabelText(doc, french)).toBe("3 mars 1970 : A <b> (n° 57a)");
    expect(documentLabelHtml(doc, french).value).toContain(
      '<span class="de-title">A &lt;b&gt;</span> (n° <span class="de-number">57a</span>)',
    );
  });

  it("tells five documents of one title apart in the contents, chronology, index, register and navigation", () => {
    const listings = [
      editionContentsHtml(edition, context).value,
      chronologyHtml(chronology(model.documents), context).value,
      indexEntryHtml(registerIndex(edition.register, () => "/i/")[0]!.entries[0]!, context).value,
      editionRegisterHtml(edition, context).value,
    ];
    for (const out of listings) expect(linkTexts(out)).toEqual(EXPECTED);
    const nav = documentNavigationHtml(edition.documents[2]!, context).value;
    expect(linkTexts(nav)).toEqual([`Previous document ${EXPECTED[1]}`, `Next document ${EXPECTED[3]}`]);
  });

  it("titles search results and feed entries by the label", () => {
    expect(
      edition.documents.map(
        (doc) => /data-pagefind-meta="title">([^<]*)</.exec(documentSearchHtml(doc, context).value)?.[1],
      ),
    ).toEqual(EXPECTED);
    const feed = atomFeed(edition.documents, {
      title: "F",
      selfUrl: "/feed.xml",
      pageUrl: "/",
      id: "f",
      absolute: (p) => p,
      siteKnown: false,
      context,
    });
    expect([...feed.matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]).reverse()).toEqual(EXPECTED);
  });

  it("puts no number into a list item's value, where a number may be 57a", () => {
    expect(editionContentsHtml(edition, context).value).not.toContain("value=");
  });
});
