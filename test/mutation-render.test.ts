// The render functions the mutation run (npm run test:mutation) found untested from src/: the
// pages that until now were only checked in built sites (which use dist/, where a mutant in src/
// is never seen): feeds, chronology and index pages, the build report, the cite box, the search
// block and the document article; and the edges of escaping, URL schemes, marks and the register.
import { describe, expect, it } from "vitest";
import { chronology, registerIndex } from "../src/model/browse.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { chronologyHtml, indexEntryHtml, indexKindHtml, siteNavigationHtml } from "../src/render/browse.js";
import { buildReportHtml } from "../src/render/build-report.js";
import { citeBoxHtml } from "../src/render/cite.js";
import {
  documentArticleHtml,
  documentMetadataHtml,
  documentNavigationHtml,
  documentSearchHtml,
  editionContentsHtml,
  editionListHtml,
} from "../src/render/document.js";
import { atomFeed } from "../src/render/feed.js";
import { escapeHtml, html, isSafeUrl, raw } from "../src/markup/html.js";
import { xml } from "../src/markup/xml.js";
import { markLegendHtml, markRenderer } from "../src/render/marks.js";
import { sourceNoteHtml } from "../src/render/notes.js";
import { editionRegisterHtml } from "../src/render/register.js";
import { applyOverrides } from "../src/model/telegram.js";
import { telegramHeadingText } from "../src/render/telegram.js";
import { build, source } from "./helpers/model.js";

const labels = DEFAULT_LABELS;
const url = (p: string) => `/pre${p}`;
const context = { locale: "en-US", labels, register: {}, url };

const REGISTER = {
  people: {
    doe: { name: "Jane Doe", identification: "A diplomat", references: ["FRUS 1", "FRUS 2"] },
    roe: { name: "John Roe", sortName: "Aaa Roe" },
  },
  places: { hanoi: { name: "Hanoi" } },
};

const model = build(
  [
    source("e/late", { title: "Late", date: "1980-02-03", people: ["doe"], summary: "Later." }),
    source("e/early", { title: "Early & <first>", date: "1979-04-16", type: "telegram", people: ["doe", "roe"] }),
    source("e/undated-month", { title: "Sometime", date: "1979", places: ["hanoi"] }),
  ],
  [],
  REGISTER,
);
const byTitle = (title: string) => model.documents.find((d) => d.title === title)!;

describe("the Atom feed", () => {
  const settings = {
    title: "Feed's <title>",
    selfUrl: "https://x.org/feed.xml",
    pageUrl: "https://x.org/",
    id: "feed",
    absolute: (p: string) => `https://x.org${p}`,
    siteKnown: true,
    context: { locale: "en-US", labels },
  };

  it("lists documents newest first, each with its link, date, authors, summary and edition", () => {
    const docs = build([
      source("e/a", { title: "A & B", date: "1979-04-16", author: ["X", "Y"], summary: "S <1>" }),
      source("e/b", { title: "B", date: "1980-01-02" }),
    ]).documents;
    const feed = atomFeed(docs, settings);
    expect(
      feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'),
    ).toBe(true);
    expect(feed).toContain("<title>Feed's &lt;title&gt;</title>");
    expect(feed).toContain('<link href="https://x.org/feed.xml" rel="self"/>');
    expect(feed).toContain("<id>https://x.org/</id>");
    expect(feed).toContain(
      "<updated>1980-01-02T00:00:00.000Z</updated>\n  <author><name>Feed's &lt;title&gt;</name></author>",
    );
    const entries = feed.split("<entry>").slice(1);
    // Each entry titled by the document's listing label: number, title, date.
    expect(entries.map((e) => /<title>(.*)<\/title>/.exec(e)?.[1])).toEqual([
      "2. B — January 2, 1980",
      "1. A &amp; B — April 16, 1979",
    ]);
    expect(entries[1]).toBe(`
    <title>1. A &amp; B — April 16, 1979</title>
    <link href="https://x.org/editions/e/a/"/>
    <id>https://x.org/editions/e/a/</id>
    <updated>1979-04-16T00:00:00.000Z</updated>
    <author><name>X</name></author>
    <author><name>Y</name></author>
    <summary>S &lt;1&gt;</summary>
    <category term="e" label="${xml(docs[0]!.edition.title)}"/>
  </entry>
</feed>
`);
    expect(entries[0]).not.toMatch(/<author>|<summary>/);
  });

  it("gives stable name-based UUIDs where the site's URL is not known, and the epoch for no documents", () => {
    const docs = build([source("e/a", { title: "A", date: "1979" })]).documents;
    const unknown = { ...settings, siteKnown: false };
    const feed = atomFeed(docs, unknown);
    const ids = [...feed.matchAll(/<id>(.*)<\/id>/g)].map((m) => m[1]!);
    for (const id of ids)
      expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(2);
    expect(atomFeed(docs, unknown)).toBe(feed);
    expect(atomFeed([], unknown)).toContain("<updated>1970-01-01T00:00:00.000Z</updated>");
  });

  it("drops characters XML cannot hold and escapes the five it must", () => {
    expect(xml(`a\u0000b\u0008c\uFFFEd & < > " '`)).toBe("abcd &amp; &lt; &gt; &quot; '");
    expect(xml(undefined)).toBe("");
    expect(xml(12)).toBe("12");
  });
});

describe("the chronology and index pages", () => {
  it("group documents by year and month, undated months last in their year, each linked", () => {
    const out = chronologyHtml(chronology(model.documents), context).value;
    expect(out).toContain('<section class="de-year" aria-labelledby="year-1979">\n<h2 id="year-1979">1979</h2>');
    expect(out).toContain('<h3 class="de-month" id="month-1979-04">April 1979</h3>');
    expect(out).toContain('<h3 class="de-month" id="month-1979-undated">1979: Month not known</h3>');
    expect(out).toContain('<h3 class="de-month" id="month-1980-02">February 1980</h3>');
    expect(out).toContain(
      `<h4><a href="/pre/editions/e/early/"><span class="de-label"><span class="de-number">${byTitle("Early & <first>").number}</span>. <span class="de-title">Early &amp; &lt;first&gt;</span> — <span class="de-label-date"><time datetime="1979-04-16">April 16, 1979</time></span></span></a></h4>\n<p class="de-contents-meta">${escapeHtml(byTitle("Sometime").edition.title)} · <span class="de-type">telegram</span></p>`,
    );
    // Partly known dates come first in their period: the year's undated documents before April's.
    expect(out.indexOf("month-1979-undated")).toBeLessThan(out.indexOf("month-1979-04"));
    expect(out.indexOf("year-1979")).toBeLessThan(out.indexOf("year-1980"));
  });

  it("list each entry with its number of documents and identification, and each entry's documents", () => {
    const uses = model.editions.flatMap((e) => e.register);
    const [people] = registerIndex(uses, (kind, key) => `/index/${kind}/${key ?? ""}`);
    const out = indexKindHtml(people!, context).value;
    expect(out).toBe(
      '<ul class="de-index"><li><a href="/pre/index/people/roe">John Roe</a> <span class="de-count">(1)</span></li>' +
        '<li><a href="/pre/index/people/doe">Jane Doe</a> <span class="de-count">(2)</span> <span class="de-identification">A diplomat</span></li></ul>',
    );
    const doe = people!.entries.find((e) => e.key === "doe")!;
    const page = indexEntryHtml(doe, context).value;
    expect(page.startsWith('<p class="de-identification">A diplomat</p>\n<ol class="de-listing">')).toBe(true);
    expect(page).toContain('<h2><a href="/pre/editions/e/early/">');
    expect(page.indexOf("/e/early/")).toBeLessThan(page.indexOf("/e/late/"));
    const roe = people!.entries.find((e) => e.key === "roe")!;
    expect(indexEntryHtml(roe, context).value.startsWith("\n<ol")).toBe(true);
  });

  it("mark the current page in the site's navigation", () => {
    const links = [
      { url: "/", label: "Editions" },
      { url: "/chronology/", label: "Chronology" },
    ];
    expect(siteNavigationHtml(links, "/chronology/", context).value).toBe(
      '<nav class="de-site-nav" aria-label="Site"><ul><li><a href="/pre/">Editions</a></li><li><a href="/pre/chronology/" aria-current="page">Chronology</a></li></ul></nav>'.replace(
        "Site",
        escapeHtml(labels.siteNavigation),
      ),
    );
  });
});

describe("the build report", () => {
  it("lists each file's problems under its name, counting them, every message escaped", () => {
    const out = buildReportHtml([
      { file: "editions/a.md", field: "date", value: "<x>", expected: "a <date>" },
      { file: "editions/b.md", field: "title", value: undefined, expected: "a title" },
      { file: "editions/a.md", field: "type", value: "x", expected: "a type" },
    ]).value;
    expect(out).toContain("<title>The build stopped: 3 problems</title>");
    expect(out).toContain("<h1>The build stopped: 3 problems</h1>");
    const sections = out.split("<section>").slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(
      /^\n<h2>editions\/a\.md<\/h2>\n<ul>\n<li>date: found &quot;&lt;x&gt;&quot;; expected a &lt;date&gt;<\/li>\n<li>type: found &quot;x&quot;; expected a type<\/li>\n<\/ul>/,
    );
    expect(sections[1]).toMatch(
      /^\n<h2>editions\/b\.md<\/h2>\n<ul>\n<li>title: found nothing \(the field is missing\); expected a title<\/li>\n<\/ul>/,
    );
    expect(buildReportHtml([{ file: "f", field: "x", value: 1, expected: "y" }]).value).toContain(
      "<h1>The build stopped: 1 problem</h1>",
    );
  });
});

describe("the cite box", () => {
  const entries = [{ style: "apa", label: "APA", citation: { text: "T.", html: "<i>T</i>." } }];

  it("prints each citation with its copy button, and links the downloads", () => {
    const out = citeBoxHtml("d1-", entries, labels, true).value;
    expect(out).toContain('<section class="de-cite" aria-labelledby="d1-cite-heading"');
    expect(out).toContain(
      `<div><dt>APA</dt><dd><p class="de-citation" id="d1-cite-apa"><i>T</i>.</p><button type="button" class="de-copy" data-copy="d1-cite-apa" aria-label="${escapeHtml(labels.copy)}: APA" hidden>`,
    );
    expect(out).toContain(
      `<p class="de-downloads">${escapeHtml(labels.downloadRecord)} <a href="citation.bib" download>BibTeX</a>, <a href="citation.ris" download>RIS</a>, <a href="citation.json" download>CSL-JSON</a>, <a href="document.xml" download>TEI</a></p>`,
    );
  });

  it("leaves out the TEI where there is none, and every download where the page is not a folder", () => {
    expect(citeBoxHtml("", entries, labels, true, false).value).not.toContain("document.xml");
    expect(citeBoxHtml("", entries, labels, true, false).value).toContain("CSL-JSON</a></p>");
    expect(citeBoxHtml("", entries, labels, false).value).not.toContain("de-downloads");
  });
});

describe("the document page", () => {
  const doc = build(
    [
      source("e/d", {
        title: "T",
        date: "1979-04-16",
        type: "telegram",
        classification: "Secret",
        originalLanguage: "zh",
        translation: { language: "en", translator: ["A", "B"] },
        summary: "Sum",
        source: { title: "Archive", publisher: "Pub", url: "https://a.org/", accessed: "2024-01-31" },
        people: ["doe"],
      }),
    ],
    [],
    { people: { doe: { name: "Jane Doe" } } },
  ).documents[0]!;

  it("gives Pagefind its filters, the listing label as the result's title, the date and summary, and the sort key, hidden", () => {
    expect(documentSearchHtml(doc, context).value).toBe(`<div hidden data-pagefind-ignore>
<span data-pagefind-filter="edition">${escapeHtml(doc.edition.title)}</span>
<span data-pagefind-filter="year">1979</span>
<span data-pagefind-filter="type">telegram</span>
<span data-pagefind-filter="classification">Secret</span>
<span data-pagefind-filter="language">Chinese</span>
<span data-pagefind-meta="title">1. T — April 16, 1979</span>
<span data-pagefind-meta="date">April 16, 1979</span>
<span data-pagefind-meta="summary">Sum</span>
<span data-pagefind-sort="date">1979-04-16</span>
</div>`);
    const bare = build([source("e/b", { title: "B", date: "1979" })]).documents[0]!;
    expect(documentSearchHtml(bare, context).value).not.toMatch(
      /filter="(type|classification|language)"|meta="summary"/,
    );
  });

  it("lists the record: original language, translators, source with publisher and date accessed, register names", () => {
    const out = documentMetadataHtml(doc, { ...context, register: { people: { doe: { name: "Jane Doe" } } } }).value;
    expect(out).toContain(
      "<div><dt>Original language</dt><dd>Chinese</dd></div>".replace(
        "Original language",
        escapeHtml(labels.originalLanguage),
      ),
    );
    expect(out).toContain(`<dd>English, ${escapeHtml(labels.translatedBy)} A, B</dd>`);
    expect(out).toContain(
      `<dd><a href="https://a.org/">Archive</a>, Pub (${escapeHtml(labels.accessed)} <time datetime="2024-01-31">January 31, 2024</time>)</dd>`,
    );
    expect(out).toContain(`<div><dt>${escapeHtml(labels.people)}</dt><dd>Jane Doe</dd></div>`);
    expect(out).not.toContain(`<dt>${escapeHtml(labels.places)}</dt>`);
    expect(documentMetadataHtml(doc, context).value).toContain(`<dt>${escapeHtml(labels.people)}</dt><dd>doe</dd>`);
  });

  it("holds the text in its language, the header unless the text places it, and every part", () => {
    const parts = {
      content: "<p>Body</p>",
      telegramHeader: raw('<header class="de-telegram">H</header>'),
      markLegend: raw("<legend-part>"),
      citeBox: raw("<cite-part>"),
    };
    const out = documentArticleHtml(doc, parts, { ...context, register: {} }).value;
    expect(out).toContain(
      '<div class="de-text" lang="en">\n<header class="de-telegram">H</header>\n<p>Body</p>\n</div>',
    );
    expect(out).toContain(
      `<nav class="de-breadcrumbs" aria-label="${escapeHtml(labels.breadcrumbs)}" data-pagefind-ignore><a href="/pre/editions/e/">`,
    );
    expect(out).toContain(`<p class="de-document-number">${escapeHtml(labels.document)} 1</p>\n<h1>T</h1>`);
    expect(out).toContain('</header>\n<p class="de-summary">Sum</p>');
    for (const part of ["<legend-part>", "<cite-part>", documentSearchHtml(doc, context).value])
      expect(out).toContain(part);
    // A text that places its header by hand: the adapter gives no header of its own.
    const placed = documentArticleHtml(
      doc,
      { ...parts, content: '<header class="de-telegram">Own</header>', telegramHeader: undefined },
      { ...context, register: {} },
    ).value;
    expect(placed.match(/class="de-telegram"/g)).toHaveLength(1);
    expect(placed).toContain('<div class="de-text" lang="en">\n<header class="de-telegram">Own</header>');
    const original = build([source("e/o", { title: "O", date: "1979", originalLanguage: "fr" })]).documents[0]!;
    expect(documentArticleHtml(original, parts, { ...context, register: {} }).value).toContain(
      '<div class="de-text" lang="fr">',
    );
    const none = build([source("e/n", { title: "N", date: "1979" })]).documents[0]!;
    const plain = documentArticleHtml(none, parts, { ...context, register: {} }).value;
    expect(plain).toContain('<div class="de-text">');
    expect(plain).not.toContain("de-summary");
  });

  it("links the next document alone when there is no previous one, and nothing for a document alone", () => {
    const [first] = build([
      source("e/a", { title: "A", date: "1979-01-01" }),
      source("e/b", { title: "B", date: "1979-01-02" }),
    ]).documents;
    const nav = documentNavigationHtml(first!, context).value;
    expect(nav).toContain('<li class="de-next"><a href="/pre/editions/e/b/" rel="next">');
    expect(nav).toContain(
      '<span class="de-direction">Next document</span> <span class="de-label"><span class="de-number">2</span>. <span class="de-title">B</span> — <span class="de-label-date"><time datetime="1979-01-02">January 2, 1979</time></span></span></a></li>',
    );
    expect(nav).not.toContain("de-previous");
    const [alone] = build([source("e/a", { title: "A", date: "1979" })]).documents;
    expect(documentNavigationHtml(alone!, context).value).toBe("");
  });

  it("say so for an edition with no documents, and count documents in the edition list", () => {
    const edition = { ...doc.edition, documents: [] };
    expect(editionContentsHtml(edition, context).value).toBe(
      `<p class="de-empty">${escapeHtml(labels.noDocuments)}</p>`,
    );
    expect(editionContentsHtml(doc.edition, context).value).toContain('<p class="de-summary">Sum</p>');
    const list = editionListHtml(
      [doc.edition, { ...doc.edition, documents: [doc, doc], subtitle: "Sub", summary: "Ed sum" }],
      context,
    ).value;
    expect(list).toContain('<p class="de-count">1 document</p>');
    expect(list).toContain('<p class="de-count">2 documents</p>');
    expect(list).toContain('<p class="de-subtitle">Sub</p>\n<p class="de-summary">Ed sum</p>');
  });
});

describe("escaping and URLs", () => {
  it("escapes a value that is not a string through its text", () => {
    expect(escapeHtml(new URL("https://x.org/?a=1&b=2"))).toBe("https://x.org/?a=1&amp;b=2");
    expect(escapeHtml(0)).toBe("0");
    expect(html`${0}`.value).toBe("0");
  });

  it("reads a scheme only at the start of a URL", () => {
    expect(isSafeUrl("/go?next=javascript:alert(1)")).toBe(true);
    expect(isSafeUrl("page.html#javascript:x")).toBe(true);
  });
});

describe("marks", () => {
  const renderer = markRenderer(labels, () => "/register/");

  it("anchor a mention outside any document as text's, and link it to its entry", () => {
    expect(renderer.open("person", {}, "le.duan", 2)).toBe(
      `<a class="de-mark de-mention de-person" id="text-person-le.duan-2" href="/register/#person-le.duan" title="${escapeHtml(labels.mentionPerson)}">`,
    );
    expect(renderer.open("person", { docId: "d" }, "le.duan")).toContain('id="d-person-le.duan-1"');
  });

  it("open a mention with no key as a plain mark", () => {
    expect(renderer.open("person", {}, undefined)).not.toContain("href");
  });

  it("give a break outside any document an id of its own", () => {
    expect(renderer.value("page", "11", {})).toContain('<a href="#page-11">');
    expect(renderer.value("folio", "2r", { docId: "d" })).toContain('<a href="#d-folio-2r">');
  });

  it("show page and folio breaks in the legend as they print, and no legend for no marks", () => {
    const legend = markLegendHtml(new Set(["page", "folio", "gap"]), labels).value;
    expect(legend).toContain(`[${escapeHtml(labels.page)} 1]`);
    expect(legend).toContain(`[${escapeHtml(labels.folio)} 1r]`);
    expect(legend).toContain("[…]");
    expect(markLegendHtml(undefined, labels).value).toBe("");
  });
});

describe("notes, register and telegram", () => {
  it("do not link a source note's source without a safe URL", () => {
    const [a] = build([source("e/a", { title: "A", date: "1979", source: { title: "Src" } })]).documents;
    // The schema refuses such a URL in front matter; the note refuses it again, whatever it is given.
    const b = { ...a!, source: { title: "Src", url: "javascript:x" } };
    for (const doc of [a!, b]) {
      const note = sourceNoteHtml(doc, { labels, locale: "en-US" })!.value;
      expect(note).toContain("Src");
      expect(note).not.toContain("<a");
    }
  });

  it("list an entry's identification, references, mentions and documents on the register page", () => {
    const edition = model.editions[0]!;
    const out = editionRegisterHtml(edition, { locale: "en-US", labels, url }).value;
    expect(out).toContain('<dd class="de-register-identification">A diplomat</dd>');
    expect(out).toContain(
      `<dd class="de-register-references">${escapeHtml(labels.registerReferences)}: FRUS 1; FRUS 2</dd>`,
    );
    expect(out).toMatch(
      /<dd class="de-register-documents">[^<]*: <a href="\/pre\/editions\/e\/[a-z-]+\/"><span class="de-label"><span class="de-number">\d<\/span>\. <span class="de-title">[^<]*<\/span> — <span class="de-label-date"><time datetime="[\d-]+">[^<]*<\/time><\/span><\/span><\/a>; <a /,
    );
  });

  it("refuse an unknown field in a telegram header, and keep the header when nothing is overridden", () => {
    expect(() => applyOverrides(undefined, { nonsense: "x" } as never)).toThrow(
      /^telegramHeader: unknown field nonsense; expected one of /,
    );
    const telegram = { order: [] };
    expect(applyOverrides(telegram, { from: undefined })).toBe(telegram);
    expect(applyOverrides(undefined, { from: "Hanoi" })).toEqual({ from: "Hanoi", order: ["from"] });
  });

  it("head a telegram from its author and recipients where its header names none", () => {
    expect(telegramHeadingText({ author: ["A", "B"], recipients: ["C"] }, labels)).toBe("Telegram From A, B to C");
    expect(telegramHeadingText({ telegram: { order: [], from: "F" }, author: ["A"] }, labels)).toBe("Telegram From F");
    expect(telegramHeadingText({}, labels)).toBe("Telegram From ");
  });
});

describe("optional parts", () => {
  it("leave no trace of the parts a record lacks", () => {
    const ctx = { locale: "en-US", labels, register: {}, url: (p: string) => p };
    const bare = build([source("e/a", { title: "A", date: "1979", people: ["x"] })], [], {
      people: { x: { name: "X" } },
    });
    const edition = bare.editions[0]!;
    expect(editionListHtml([edition], ctx).value).toBe(
      `<ul class="de-editions"><li><article>\n<h2><a href="/editions/e/">${escapeHtml(edition.title)}</a></h2>\n\n\n<p class="de-count">1 document</p>\n</article></li></ul>`,
    );
    expect(documentSearchHtml(bare.documents[0]!, ctx).value).toBe(
      `<div hidden data-pagefind-ignore>\n<span data-pagefind-filter="edition">${escapeHtml(edition.title)}</span>\n<span data-pagefind-filter="year">1979</span>\n<span data-pagefind-meta="title">1. A — 1979</span>\n<span data-pagefind-meta="date">1979</span>\n<span data-pagefind-sort="date">1979</span>\n</div>`,
    );
    expect(editionRegisterHtml(edition, ctx).value).toBe(
      `<section class="de-register-section" aria-labelledby="register-people">\n<h2 id="register-people">${escapeHtml(labels.registerPeople)}</h2>\n<dl class="de-register-entries"><div class="de-register-entry" id="person-x"><dt>X</dt>\n<dd class="de-register-documents">${escapeHtml(labels.registerListedIn)}: <a href="/editions/e/a/"><span class="de-label"><span class="de-number">1</span>. <span class="de-title">A</span> — <span class="de-label-date"><time datetime="1979">1979</time></span></span></a></dd></div>\n</dl>\n</section>\n`,
    );
    expect(citeBoxHtml("", [], labels, false).value).toMatch(/<dl class="de-citations">\n<\/dl>\n\n<\/section>$/);
    expect(chronologyHtml(chronology(bare.documents), ctx).value).toContain(
      `<p class="de-contents-meta">${escapeHtml(edition.title)}</p>`,
    );
    const contents = editionContentsHtml(edition, ctx).value;
    expect(contents).toContain(
      '<h3><a href="/editions/e/a/"><span class="de-label"><span class="de-number">1</span>. <span class="de-title">A</span> — <span class="de-label-date"><time datetime="1979">1979</time></span></span></a></h3>\n\n\n</article>',
    );
  });
});
