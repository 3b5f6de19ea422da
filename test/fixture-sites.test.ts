import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { brokenLinks } from "./helpers/links.js";
import { blocks, buildFailure, buildSite, byClass, tempDir, type BuiltSite } from "./helpers/site.js";

const MULTI = "test/fixtures/multi";

describe("a site with several editions", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(MULTI, `${MULTI}/eleventy.config.js`);
  }, 60_000);

  it("numbers documents in date order, partial dates first, and links previous and next", () => {
    const undated = site.read("/editions/letters/undated/");
    const april = site.read("/editions/letters/april/");
    const cable = site.read("/editions/letters/cable/");
    expect(undated).toContain("Document 1</p>");
    expect(april).toContain("Document 2</p>");
    expect(cable).toContain("Document 3</p>");
    expect(undated).toContain('<time datetime="1979">c. 1979</time>');
    expect(april).toContain('<time datetime="1979-04">April 1979</time>');
    expect(cable).toContain('<time datetime="1979-04-16T14:30+08:00">16 April 1979, 14:30 GMT+8</time>');
    expect(april).toContain(
      '<a href="/editions/letters/undated/" rel="prev"><span class="de-direction">Earlier document</span> <span class="de-label"><span class="de-number">1</span>. <span class="de-title">A letter of about 1979</span> — <span class="de-label-date"><time datetime="1979">c. 1979</time></span></span></a>',
    );
    expect(april).toContain(
      '<a href="/editions/letters/cable/" rel="next"><span class="de-direction">Next document</span> <span class="de-label"><span class="de-number">3</span>. <span class="de-title">A cable with a time of day</span> — <span class="de-label-date"><time datetime="1979-04-16T14:30+08:00">16 April 1979, 14:30 GMT+8</time></span></span></a>',
    );
    expect(undated).not.toContain('rel="prev"');
    expect(cable).not.toContain('rel="next"');
    expect(blocks(byClass(cable, "de-metadata"))).toContain("To First recipient; Second recipient");
  });

  it("gives an edition without an index file a page of its own, with the site's edition layout", () => {
    const letters = site.read("/editions/letters/");
    expect(letters).toContain('<section class="site-own-edition-layout">');
    expect(letters).toContain("<h1>Letters</h1>");
    expect(letters).toContain("<title>Letters | ");
    expect(letters.indexOf("A letter of about 1979")).toBeLessThan(letters.indexOf("A note from April 1979"));
    const cables = site.read("/editions/cables/");
    expect(cables).toContain('<section class="site-own-edition-layout">');
    expect(cables).toContain("<h1>Cables</h1>");
  });

  it("prints the site's own footer partial, found in an input folder of its own", () => {
    const page = site.read("/editions/letters/cable/");
    expect(page).toContain('<footer class="site-own-footer"><p>Multi-edition fixture</p></footer>');
    expect(page).toContain('class="de-site-header"');
  });

  it("lists editions in their order on the home page", () => {
    const home = site.read("/");
    expect(home.indexOf(">Cables</a>")).toBeGreaterThan(0);
    expect(home.indexOf(">Cables</a>")).toBeLessThan(home.indexOf(">Letters</a>"));
    expect(home).toContain('<p class="de-count">3 documents</p>');
  });

  it("gives each document's footnotes ids of its own", () => {
    const cable = site.read("/editions/letters/cable/");
    const first = site.read("/editions/cables/first/");
    expect(cable).toContain('id="fnref-letters-cable-1"');
    expect(cable).toContain('href="#fn-letters-cable-1"');
    expect(first).toContain('id="fn-cables-first-1"');
  });

  it("takes fields shared by a folder's documents from its directory data file", () => {
    expect(blocks(byClass(site.read("/editions/cables/first/"), "de-metadata"))).toEqual(
      expect.arrayContaining(["Archive The Cable Archive"]),
    );
  });

  it("renders the footnotes of each document", () => {
    const second = site.read("/editions/cables/second/");
    expect(second).toContain('id="fnref-cables-second-1"');
    expect(second).toContain("A note in the second cable.");
  });

  it("applies the first of two addPlugin calls", () => {
    expect(site.read("/editions/cables/first/")).toContain('<time datetime="1979-03-01">1 March 1979</time>');
  });

  it("places a telegram header where the editor wrote the shortcode, and only there", () => {
    const third = site.read("/editions/cables/third/");
    expect(third.match(/class="de-telegram"/g)).toHaveLength(1);
    expect(third.indexOf("A paragraph before the header.")).toBeLessThan(third.indexOf('class="de-telegram"'));
    expect(blocks(byClass(third, "de-telegram"))).toEqual(["From: Beijing", "Precedence: Flash"]);
    // A document with no telegram block has no header.
    expect(site.read("/editions/cables/first/")).not.toContain("de-telegram");
  });

  it("exports a telegram header placed by hand where it stands, from its fields as printed there", () => {
    const tei = site.read("/editions/cables/third/document.xml");
    expect(tei).toContain(
      '<p>A paragraph before the header.</p><ab type="telegram"><seg type="from"><label>From:</label> Beijing</seg><lb/>\n<seg type="precedence"><label>Precedence:</label> Flash</seg></ab><p>The text after it',
    );
    // Not also at the head of the text.
    expect(tei).not.toContain("<opener>");
  });

  it("shows the legend of the marks a document uses, and no legend where it uses none", () => {
    const third = site.read("/editions/cables/third/");
    expect(blocks(byClass(third, "de-legend"))).toEqual([
      "Transcription marks",
      "word [sic] Thus in the original",
      "[Page 1] Page break in the original",
    ]);
    expect(third).toContain(
      'id="cables-third-page-2"><span class="de-gen">[<a href="#cables-third-page-2">Page 2</a>]</span>',
    );
    expect(site.read("/editions/cables/first/")).not.toContain("de-legend");
  });

  it("prints an editor's own source note instead of the one built from the record", () => {
    const notes = byClass(site.read("/editions/cables/first/"), "de-notes");
    expect(byClass(notes, "de-source-note")).toBe(
      '<span class="de-note-kind">Source:</span> Source: <em>An editor\'s own source note</em>, with Markdown.',
    );
  });

  it("marks a translator's note in a built page", () => {
    const page = site.read("/editions/cables/first/");
    expect(page).toContain('class="de-note de-note-translator"');
    expect(page).toContain('<span class="de-note-kind">Translator&#39;s note:</span> A translator\'s note on a word.');
  });

  it("builds a register page for an edition whose documents mention register entries, and none for others", () => {
    const register = site.read("/editions/cables/register/");
    expect(register).toContain("<title>Register: Cables | ");
    expect(register).toContain('<a href="/editions/cables/first/#cables-first-person-ambassador-1">Document 1</a>');
    expect(site.read("/editions/cables/first/")).toContain('href="/editions/cables/register/#person-ambassador"');
    expect(() => site.read("/editions/letters/register/")).toThrow();
  });

  it("offers the styles the site chose, one of them from a CSL file, and absolute URLs from siteUrl", () => {
    const page = site.read("/editions/cables/first/");
    const box = byClass(page, "de-cite");
    expect([...box.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1])).toEqual(["Archive", "vancouver", "This edition"]);
    // Vancouver comes from citeproc-js, with its number in the margin kept inside the paragraph.
    expect(box).toMatch(
      /<p class="de-citation" id="cables-first-cite-vancouver"><span class="csl-left-margin">1\.<\/span> <span class="csl-right-inline">First cable\. 1979\. Located at: The Cable Archive<\/span><\/p>/,
    );
    expect(blocks(box)).toContain(
      "This edition “First cable,” March 1, 1979, document 1 in Cables, ed. First Editor and Second Editor, https://edition.example.org/editions/cables/first/.",
    );
    expect(page).toContain(
      '<meta name="citation_public_url" content="https://edition.example.org/editions/cables/first/">',
    );
  });

  it("gives templates the cite, bibtex, ris and cslJson filters", () => {
    const out = site.read("/filters.txt");
    expect(out).toContain("MLA: First cable. 1 Mar. 1979. The Cable Archive.\n");
    expect(out).toContain("APA-HTML: <i>First cable</i>. (1979). The Cable Archive.\n");
    expect(out).toContain("VANCOUVER: 1. First cable. 1979. Located at: The Cable Archive\n");
    expect(out).toContain(
      "BIBTEX: @unpublished{cables-first,\n\ttitle = {{First cable}},\n\tdate = {1979-03-01},\n\tlibrary = {The Cable Archive},\n}",
    );
    expect(out.match(/TY {2}- MANSCPT/g)).toHaveLength(3);
    expect(JSON.parse(out.split("CSL-EDITION: ")[1] as string).map((r: { title: string }) => r.title)).toEqual([
      "First cable",
      "Second cable",
      "Third cable, with its header placed by hand",
    ]);
  });

  it("lists every document in the chronology by year and month, partly known dates first", () => {
    const page = site.read("/chronology/");
    const titles = [...page.matchAll(/<h4><a href="([^"]+)">/g)].map((m) => m[1]);
    // "1979" alone comes before every date within 1979.
    expect(titles).toEqual([
      "/editions/letters/undated/",
      "/editions/cables/first/",
      "/editions/cables/second/",
      "/editions/cables/third/",
      "/editions/letters/april/",
      "/editions/letters/cable/",
    ]);
    expect(
      [...page.matchAll(/<h3 class="de-month" id="([^"]+)">([^<]+)<\/h3>/g)].map((m) => `${m[1]} ${m[2]}`),
    ).toEqual(["month-1979-undated 1979: Month not known", "month-1979-03 March 1979", "month-1979-04 April 1979"]);
  });

  it("gives each register entry a page listing the documents that list or mention it", () => {
    const person = site.read("/people/ambassador/");
    expect(person).toContain("<h1>The Ambassador</h1>");
    expect(person).toContain('<p class="de-identification">An envoy.</p>');
    expect([...person.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(["/editions/cables/first/"]);
    expect(site.read("/people/")).toContain(
      '<a href="/people/ambassador/">The Ambassador</a> <span class="de-count">(1)</span>',
    );
    expect(site.read("/")).toContain(
      '<nav class="de-site-nav" aria-label="Site"><ul><li><a href="/" aria-current="page">Editions</a></li><li><a href="/chronology/">Chronology</a></li><li><a href="/people/">Persons</a></li><li><a href="/search/">Search</a></li></ul></nav>',
    );
  });

  it("has no broken internal link or fragment anywhere", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });

  it("publishes a feed per edition with absolute links where the site's URL is known", () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(site.read("/editions/letters/feed.xml")).feed;
    expect([feed.entry].flat().map((e: { id: string }) => e.id)).toEqual([
      "https://edition.example.org/editions/letters/cable/",
      "https://edition.example.org/editions/letters/april/",
      "https://edition.example.org/editions/letters/undated/",
    ]);
  });

  it("leaves the site's other pages alone", () => {
    const about = site.read("/about/");
    expect(about.trim()).toBe("<p>A page of the site's own, outside the editions.</p>");
  });
});

describe("a document with a malformed transcription mark", () => {
  it("fails the build naming the file and the line", async () => {
    const error = await buildFailure("test/fixtures/bad-mark", "test/fixtures/bad-mark/eleventy.config.js");
    expect(error.message).toBe(
      "[documentary-edition] 1 problem in the edition (1 file); the build stopped before writing any page:\n" +
        '  - test/fixtures/bad-mark/editions/notes/letter.md: line 9: found "{suplied: the mark\'s name is misspelt}"; ' +
        "expected a transcription mark: one of supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline (write \\{ for a literal brace)",
    );
  });
});

describe("a site that turns the generated pages off", () => {
  it("gets its documents and editions, and none of the rest", async () => {
    const site = await buildSite("test/fixtures/pages-off", "test/fixtures/pages-off/eleventy.config.js");
    const files = readdirSync(site.output, { recursive: true })
      .map(String)
      .filter((f) => !f.startsWith("documentary-edition"));
    expect(files.filter((f) => f.endsWith(".html") || f.endsWith(".xml")).sort()).toEqual([
      "editions/notes/fine/index.html",
      "editions/notes/index.html",
    ]);
    expect(files.some((f) => f.startsWith("pagefind"))).toBe(false);
    expect(site.read("/editions/notes/fine/")).not.toContain("/search/");
  });
});

describe("a citation style that does not exist", () => {
  it("stops the build naming the option and the styles there are", async () => {
    const error = await buildFailure("test/fixtures/bad-style", "test/fixtures/bad-style/eleventy.config.js");
    expect(error.message).toContain(
      'plugin options: citationStyles.1: found "harvard"; expected a built-in style (archive, chicago-note, chicago-bibliography, chicago-author-date, mla, apa, edition) or a name given in cslStyles',
    );
  });
});

describe("an edition with invalid documents", () => {
  it("fails with every problem listed, and writes no page", async () => {
    const output = tempDir();
    const error = await buildFailure("test/fixtures/invalid", "test/fixtures/invalid/eleventy.config.js", output);
    const problems = error.problems.map((p) => `${path.basename(p.file)} ${p.field}`);
    expect(problems).toEqual([
      "impossible-date.md date",
      "no-title.md title",
      "no-title.md recipients",
      "no-title.md originalLanguage",
      "wrong-types.md type",
      "wrong-types.md translation.translater",
      "wrong-types.md source.url",
    ]);
    const message = error.message;
    expect(message).toMatch(
      /^\[documentary-edition\] 7 problems in the edition \(3 files\); the build stopped before writing any page:/,
    );
    expect(message).toContain(
      'test/fixtures/invalid/editions/broken/impossible-date.md: date: found "1979-02-30"; expected a real calendar date',
    );
    expect(message).toContain('wrong-types.md: translation.translater: unknown field; did you mean "translator"?\n');
    const written = readdirSync(output, { recursive: true }).map(String);
    expect(written.filter((file) => file.endsWith(".html"))).toEqual([]);
  });
});

describe("a file beside a page that cannot be written", () => {
  it.each([
    ["a document's TEI", "editions/letters/cable/document.xml"],
    ["an edition's TEI corpus", "editions/letters/corpus.xml"],
    ["an edition's citation file", "editions/letters/citations.bib"],
  ])("fails the build, naming the file: %s", async (_name, file) => {
    const output = tempDir();
    // A folder where the file goes: the file cannot be written.
    mkdirSync(path.join(output, file), { recursive: true });
    const error = await buildSite(MULTI, `${MULTI}/eleventy.config.js`, output).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(
      new RegExp(
        `^\\[documentary-edition\\] could not write a file beside a page: .*${file.replaceAll(".", "\\.")}: EISDIR`,
      ),
    );
  });
});

describe("an edition of the FRUS kind with mistakes", () => {
  it("names each: a number used twice or missing or malformed, a reference to nothing, a span backwards, a part without a title", async () => {
    const error = await buildFailure("test/fixtures/bad-edition", "test/fixtures/bad-edition/eleventy.config.js");
    const at = "test/fixtures/bad-edition/editions/vol";
    expect(error.message.split("\n")).toEqual([
      "[documentary-edition] 7 problems in the edition (5 files); the build stopped before writing any page:",
      `  - ${at}/ch1/d1.md: line 8: found "{doc 9}"; expected the number of a document of "A Volume" (1)`,
      `  - ${at}/ch1/d1.md: line 8: found "{doc 1 note 7}"; expected a note of Document 1: it has notes 1 to 2`,
      `  - ${at}/ch1/d2.md: number: found "1"; expected a number no other document of the edition "A Volume" has: ${at}/ch1/d1.md has number 1`,
      `  - ${at}/ch1/d3.md: number: found no number; expected a number, as the edition's other documents have (${at}/ch1/d1.md has number: 1): an edition numbers all its documents or none`,
      `  - ${at}/ch1/d4.md: time: found "16:30–15:00"; expected a span whose end is after its start`,
      `  - ${at}/ch1/d4.md: number: found "4A"; expected a document number: digits, perhaps followed by one lowercase letter (57, or "57a")`,
      `  - ${at}/ch2/index.md: title: found nothing (the field is missing); expected text`,
    ]);
  });
});
