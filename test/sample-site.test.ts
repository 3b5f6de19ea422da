import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { brokenLinks } from "./helpers/links.js";
import { loadPagefind } from "./helpers/pagefind.js";
import { allByClass, blocks, buildSite, byClass, without, type BuiltSite } from "./helpers/site.js";

const SOURCE = readFileSync("../shared/sources/000_96b8ea72fdfcbae6.txt", "utf8");
const CABLE_URL = "/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/";
const EDITION_URL = "/editions/sino-vietnamese-talks-1979/";
const CABLE_FILE = "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks.md";

/** The translation's paragraphs as the source gives them, from the received-telegram header to the date. */
const sourceParagraphs = (SOURCE.split("Translation - English")[1] as string)
  .split(/\n\s*\n/)
  .map((p) => p.replace(/\s+/g, " ").trim())
  .filter(Boolean);

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(".", ".eleventy.js");
}, 60_000);

describe("the sample edition site", () => {
  it("publishes the cable verbatim: every paragraph of the source, in order, and nothing else", () => {
    // The text without the edition's notes and note references: the document's own words.
    const text = blocks(without(byClass(site.read(CABLE_URL), "de-text"), "de-ref", "de-sidenote", "de-notes"));
    expect(sourceParagraphs.length).toBe(15);
    expect(sourceParagraphs[0]).toBe("Fujian Province Telegram Received");
    expect(sourceParagraphs.at(-1)).toBe("April 16, 1979");
    expect(text).toEqual(sourceParagraphs);
  });

  it("gives the cable its received-telegram header as a definition list, from the front matter", () => {
    const header = byClass(site.read(CABLE_URL), "de-telegram");
    expect(header).toContain('<p class="de-telegram-heading">Fujian Province Telegram Received</p>');
    expect(header).toContain(
      '<div class="de-telegram-from"><dt>From:</dt>\n<dd>Ministry of Foreign Affairs</dd></div>',
    );
    expect(header).toContain('<div class="de-telegram-device"><dt>Device No.</dt>\n<dd>150</dd></div>');
    expect(header).toContain('<div class="de-telegram-serial"><dt>Serial No.</dt>\n<dd></dd></div>');
    expect(header).toContain("<dt>Already transmitted to</dt>");
    expect(header).toContain('<p class="de-telegram-classification">(Top Secret)</p>');
    // The header comes from the front matter, not from lines of the Markdown body.
    expect(readFileSync(CABLE_FILE, "utf8").split("\n---\n")[1]).not.toContain("Fujian Province Telegram Received");
  });

  it("keeps the translation's own brackets as printed, as text and not as a mark of this edition", () => {
    // docs/editing.md, "Square brackets": the source's brackets are part of its text; marks are this edition's.
    const page = site.read(CABLE_URL);
    expect(SOURCE).toContain('Vietnam", [they said this] created obstacles');
    expect(without(page, "de-ref", "de-sidenote")).toContain(
      "&quot;the Chinese military has not yet completely pulled out of Vietnam&quot;, [they said this] created obstacles",
    );
    expect(readFileSync(CABLE_FILE, "utf8")).toContain(",[^withdrawal] [they said this] created obstacles");
    // The cable supplies no words of this edition's, so it has no legend of transcription marks.
    expect(page).not.toContain("de-supplied");
    expect(page).not.toContain("de-legend");
    // No page breaks: where pages 11 and 12 begin is not in the record.
    expect(page).not.toContain("de-page");
  });

  it("has a source note built from its record, first among its notes", () => {
    const notes = byClass(site.read(CABLE_URL), "de-notes");
    expect(blocks(byClass(notes, "de-source-note"))).toEqual([
      "Source: Fujian Provincial Archives, 222-12-287, pp. 10-12. Top Secret; Priority Urgent. Translated from Chinese by David Cowhig. Text from Wilson Center Digital Archive.",
    ]);
    expect(notes.indexOf("de-source-note")).toBeLessThan(notes.indexOf("de-notes-list"));
  });

  it("annotates the cable with at least six editorial notes, each citing a published work", () => {
    const page = site.read(CABLE_URL);
    const notes = allByClass(byClass(page, "de-notes-list"), "de-note-editorial");
    expect(notes.length).toBeGreaterThanOrEqual(6);
    for (const note of notes) expect(blocks(note).join(" ")).toMatch(/ See .+\./);
    // Each note is printed beside its reference too, and each reference links to both.
    expect(allByClass(page, "de-sidenote")).toHaveLength(notes.length);
    expect(allByClass(page, "de-ref")).toHaveLength(notes.length);
  });

  it("resolves every link within the cable page to an element on it", () => {
    const page = site.read(CABLE_URL);
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const fragments = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(fragments.length).toBeGreaterThan(30);
    expect(fragments.filter((f) => !ids.has(f))).toEqual([]);
  });

  it("links the people it mentions to the edition's register, which links back to each mention", () => {
    const page = site.read(CABLE_URL);
    const register = site.read(`${EDITION_URL}register/`);
    const mention = allByClass(page, "de-person").find((m) => m.includes("Han Nianlong")) as string;
    expect(mention).toContain(`href="${EDITION_URL}register/#person-han-nianlong"`);
    const mentionId = /id="([^"]+)"/.exec(mention)?.[1] as string;
    expect(register).toContain(`<div class="de-register-entry" id="person-han-nianlong"><dt>Han Nianlong</dt>`);
    expect(register).toContain(`<a href="${CABLE_URL}#${mentionId}">Document 1</a>`);
    for (const name of ["Han Nianlong", "Le Duan", "Indochinese Federation"])
      expect(register).toContain(`<dt>${name}</dt>`);
    expect(site.read(EDITION_URL)).toContain(`<a href="${EDITION_URL}register/">Register</a>`);
  });

  it("cites the cable in each style, with the archive's own citation exactly as the archive gives it", () => {
    const box = byClass(site.read(CABLE_URL), "de-cite");
    expect(blocks(box)).toContain(
      "Archive \"Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam'\", April 16, 1979, Wilson Center Digital Archive, Fujian Provincial Archives, 222-12-287, 10-12. Translated by David Cowhig. https://wilson-center-digital-archive.dvincitest.com/document/291001",
    );
    for (const label of ["Chicago (note)", "Chicago (bibliography)", "MLA", "APA", "This edition"]) {
      expect(box).toContain(`<dt>${label}</dt>`);
    }
    expect(box).toContain(
      '<a href="citation.bib" download>BibTeX</a>, <a href="citation.ris" download>RIS</a>, <a href="citation.json" download>CSL-JSON</a>',
    );
    expect(site.read(CABLE_URL)).toContain('<script src="/documentary-edition/cite.js" defer></script>');
    expect(site.read("/documentary-edition/cite.js")).toContain("navigator.clipboard");
  });

  it("writes the cable's BibTeX, RIS and CSL-JSON beside its page, and the edition's beside the edition's", () => {
    expect(site.read(`${CABLE_URL}citation.bib`)).toMatch(
      /^@unpublished\{sino-vietnamese-talks-1979-1979-04-16-notice-on-talks,/,
    );
    expect(site.read(`${CABLE_URL}citation.ris`)).toMatch(/^TY {2}- MANSCPT\r\n/);
    expect(JSON.parse(site.read(`${CABLE_URL}citation.json`))[0].archive).toBe("Fujian Provincial Archives");
    expect(JSON.parse(site.read(`${EDITION_URL}citations.json`))).toHaveLength(1);
    expect(site.read(`${EDITION_URL}citations.bib`)).toContain("title = {{Cable from the Foreign Ministry");
  });

  it("embeds the cable's record in its head for reference managers", () => {
    const head = site.read(CABLE_URL).split("</head>")[0] as string;
    expect(head).toContain('<meta name="citation_author" content="Ministry of Foreign Affairs">');
    expect(head).toContain('<meta name="citation_date" content="1979/04/16">');
    const json = JSON.parse(/<script type="application\/ld\+json">(.*)<\/script>/.exec(head)?.[1] ?? "");
    expect(json.holdingArchive.name).toBe("Fujian Provincial Archives");
    expect(json.isPartOf.name).toBe("The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979");
  });

  it("gives the cable page its title, date, number and record", () => {
    const page = site.read(CABLE_URL);
    expect(page).toContain(
      "<h1>Cable from the Foreign Ministry, &#39;Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam&#39;</h1>",
    );
    expect(page).toContain('<p class="de-dateline"><time datetime="1979-04-16">April 16, 1979</time></p>');
    expect(page).toContain('<p class="de-document-number">Document 1</p>');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<div class="de-text" lang="en">');
    const record = blocks(byClass(page, "de-metadata"));
    for (const [label, value] of [
      ["Document type", "telegram"],
      ["From", "Ministry of Foreign Affairs"],
      ["Classification", "Top Secret"],
      ["Original language", "Chinese"],
      ["Translation", "English, translated by David Cowhig"],
      ["Archive", "Fujian Provincial Archives"],
      ["Call number", "222-12-287"],
      ["Pages", "10-12"],
      ["Source", "Wilson Center Digital Archive"],
      ["People", "Han Nianlong; Le Duan"],
    ]) {
      expect(record, label).toContain(`${label} ${value}`);
    }
    expect(page).toContain(
      '<a href="https://wilson-center-digital-archive.dvincitest.com/document/291001">Wilson Center Digital Archive</a>',
    );
    expect(page).toContain(
      '<a href="/editions/sino-vietnamese-talks-1979/">The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979</a>',
    );
    // One document: nothing before or after it.
    expect(page).not.toContain('rel="prev"');
    expect(page).not.toContain('rel="next"');
  });

  it("gives the edition an index page with its introduction and numbered contents", () => {
    const page = site.read(EDITION_URL);
    expect(page).toContain("<h1>The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979</h1>");
    expect(byClass(page, "de-introduction")).toContain("This sample edition publishes one document");
    const contents = byClass(page, "de-contents");
    expect(contents).toContain(`<li id="document-1">`);
    expect(contents).toContain(
      `<a href="${CABLE_URL}"><span class="de-label"><span class="de-number">1</span>. <span class="de-title">Cable from the Foreign Ministry`,
    );
    expect(contents).toContain('<time datetime="1979-04-16">April 16, 1979</time>');
  });

  it("lists the edition on the home page and ships the stylesheet", () => {
    expect(site.read("/")).toContain(
      `<a href="${EDITION_URL}">The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979</a>`,
    );
    expect(site.read("/documentary-edition/edition.css")).toContain("@media print");
    expect(site.read(CABLE_URL)).toContain('<link rel="stylesheet" href="/documentary-edition/edition.css">');
  });

  it("uses the site's own footer partial instead of the default", () => {
    expect(site.read(CABLE_URL)).toContain(
      'Built with <a href="https://www.npmjs.com/package/eleventy-plugin-documentary-edition">',
    );
  });

  it("finds the cable when a reader searches for Han Nianlong, and with a filter on its edition", async () => {
    const pagefind = await loadPagefind(site.output);
    const found = await pagefind.search("Han Nianlong");
    expect(found.results).toHaveLength(1);
    const result = await found.results[0]!.data();
    expect(result.url.endsWith(CABLE_URL)).toBe(true);
    // The result is titled by the document's listing label: number, title, date.
    expect(result.meta).toMatchObject({
      date: "April 16, 1979",
      title: expect.stringMatching(/^1\. Cable from the Foreign Ministry, .*Notice on Holding.* — April 16, 1979$/),
    });
    const filtered = await pagefind.search("talks", {
      filters: { edition: "The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979" },
    });
    expect(filtered.results).toHaveLength(1);
    // The site's filters count both editions: the cable, and the FRUS edition's twelve documents.
    expect(await pagefind.filters()).toMatchObject({
      edition: {
        "The Sino-Vietnamese Vice Foreign Minister Level Talks, 1979": 1,
        "Foreign Relations of the United States, 1969–1976, Volume XIX, Part 1, Korea, 1969–1972": 12,
      },
      year: { "1969": 5, "1970": 7, "1979": 1 },
      type: { telegram: 3, "editorial note": 1 },
      language: { Chinese: 1 },
    });
    // What is not the document's text is not searched: the cite box, the record, the navigation.
    // (Pagefind matches a short word's prefix, so the FRUS lists' labels "B." and "(b)" come up: none holds the word.)
    const bibtex = await Promise.all((await pagefind.search("BibTeX")).results.map((r) => r.data()));
    expect(
      bibtex.filter((r) => /bibtex/i.test((r as { excerpt?: string }).excerpt ?? "") || r.url.endsWith(CABLE_URL)),
    ).toEqual([]);
    expect(site.read("/search/")).toContain('<script src="/pagefind/pagefind-ui.js"></script>');
  });

  it("has no broken internal link or fragment anywhere", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });

  it("publishes Atom feeds that parse and name every document", () => {
    const cable =
      "1. Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam' — April 16, 1979";
    const titles = (feed: string) => {
      const xml = site.read(feed);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      expect(parsed.feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      return [parsed.feed.entry].flat().map((e: { title: string }) => e.title);
    };
    expect(titles(`${EDITION_URL}feed.xml`)).toEqual([cable]);
    // The site's feed: every document of both editions, the latest first, each by number, title and date.
    const all = titles("/feed.xml");
    expect(all).toHaveLength(13);
    expect(all[0]).toBe(cable);
    expect(all).toContain("54. Memorandum of Conversation — March 3, 1970");
    expect(titles("/editions/frus1969-76v19p1/feed.xml")).toHaveLength(12);
  });

  it("does not publish the repository's own files as pages", () => {
    expect(() => site.read("/README/")).toThrow();
    expect(() => site.read("/docs/editing/")).toThrow();
  });
});
