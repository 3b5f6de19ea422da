// The TEI export: valid against TEI P5 tei_all (Debian's jing and ../shared/schemas/tei_all.rng),
// made from the same tokens as the HTML (the text round-trip), every mark as its TEI element.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TeiError, teiBody } from "../src/tei/body.js";
import { dateAttributes } from "../src/tei/document.js";
import { buildFailure, buildSite, byClass, without, type BuiltSite } from "./helpers/site.js";
import { markdown } from "./helpers/markdown.js";
import { checkJing, jing, teiFiles } from "./helpers/jing.js";

const jingAvailable = checkJing();

/** The words of a text, tags taken as spaces. */
const words = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, " ")
    .replace(
      /&(amp|lt|gt|quot|#39|apos);/g,
      (_e, n: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" })[n] as string,
    )
    .split(/\s+/)
    .filter(Boolean);

/** The document's own words in its HTML page: the text without notes, references and printed signs. */
const htmlWords = (page: string) =>
  words(without(byClass(page, "de-text"), "de-ref", "de-sidenote", "de-notes", "de-gen"));

/** The document's own words in its TEI: the body without notes, pointers and descriptions of gaps. */
const teiWords = (tei: string) =>
  words(
    (/<body>([\s\S]*)<\/body>/.exec(tei)?.[1] ?? "")
      .replace(/<note\b[\s\S]*?<\/note>/g, " ")
      .replace(/<gap\b[^>]*>[\s\S]*?<\/gap>/g, " "),
  );

describe("the TEI export", () => {
  let sample: BuiltSite;
  let every: BuiltSite;
  let multi: BuiltSite;
  beforeAll(async () => {
    // One after another: Eleventy builds are not meant to run side by side in one process.
    sample = await buildSite(".", ".eleventy.js");
    every = await buildSite("test/fixtures/tei", "test/fixtures/tei/eleventy.config.js");
    multi = await buildSite("test/fixtures/multi", "test/fixtures/multi/eleventy.config.js");
  }, 120_000);

  it.skipIf(!jingAvailable)(
    "is valid TEI P5 (tei_all) for the sample edition and for a document with every mark and note",
    () => {
      for (const site of [sample, every, multi]) {
        const files = teiFiles(site.output).map((f) => path.join(site.output, f));
        expect(files.length).toBeGreaterThanOrEqual(2);
        expect(() => jing(files)).not.toThrow();
      }
    },
  );

  it("finds an invalid file invalid (the validation can fail)", () => {
    if (!jingAvailable) return;
    const bad = path.join(sample.output, "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/document.xml");
    const broken = readFileSync(bad, "utf8").replace("<body>", "<body><notAnElement/>");
    const file = path.join(sample.output, "broken.xml");
    writeFileSync(file, broken);
    expect(() => jing([file])).toThrow();
  });

  it("has the same words in the same order as the HTML page, for every document", () => {
    let compared = 0;
    for (const site of [sample, every, multi]) {
      for (const file of teiFiles(site.output).filter((f) => f.endsWith("document.xml"))) {
        const url = `/${path.dirname(file)}/`;
        expect(teiWords(readFileSync(path.join(site.output, file), "utf8")), url).toEqual(htmlWords(site.read(url)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(9);
  });

  it("carries the cable's record and text as the TEI of a telegram", () => {
    const tei = sample.read("/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/document.xml");
    for (const part of [
      "<repository>Fujian Provincial Archives</repository><idno>222-12-287</idno>",
      "<locus>10-12</locus>",
      '<creation><date when="1979-04-16">April 16, 1979</date></creation>',
      '<language ident="zh">Chinese</language><language ident="en">English</language>',
      '<correspAction type="sent"><name>Ministry of Foreign Affairs</name>',
      '<respStmt xml:id="sino-vietnamese-talks-1979-1979-04-16-notice-on-talks-translator"><resp>translated by</resp><name>David Cowhig</name></respStmt>',
      '<seg type="heading">Fujian Province Telegram Received</seg>',
      '<seg type="precedence"><label>Precedence:</label> Priority Urgent</seg>',
      '<seg type="classification">(Top Secret)</seg>',
      "<head>Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam</head>",
      "<opener><salute>To the foreign affairs bureaus",
      // The translation's own brackets, as printed, after the note on the withdrawal (docs/editing.md, "Square brackets").
      "</note> [they said this] created obstacles",
      // A mention's and a note's xml:id are their ids on the HTML page (src/model/ids.ts).
      '<persName xml:id="sino-vietnamese-talks-1979-1979-04-16-notice-on-talks-person-han-nianlong-1" ref="/editions/sino-vietnamese-talks-1979/register/#person-han-nianlong">Han Nianlong</persName><note type="editorial" n="1" xml:id="fn-sino-vietnamese-talks-1979-1979-04-16-notice-on-talks-1"',
      '<note type="source">Source: Fujian Provincial Archives, 222-12-287, pp. 10-12.',
      "<closer><signed>Ministry of Foreign Affairs</signed><dateline>April 16, 1979</dateline></closer>",
    ]) {
      expect(tei).toContain(part);
    }
    expect(tei).not.toContain("<supplied>");
    expect(sample.read("/editions/sino-vietnamese-talks-1979/corpus.xml")).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<teiCorpus xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0">/,
    );
    expect(sample.read("/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/")).toContain(
      '<a href="document.xml" download>TEI</a>',
    );
  });

  it("takes an editor's own source note as the page shows it, its Markdown as TEI", () => {
    expect(multi.read("/editions/cables/first/document.xml")).toContain(
      '<note type="source" resp="#cables-first-editor">Source: Source: <hi rend="italic">An editor\'s own source note</hi>, with Markdown.</note>',
    );
  });

  it("keeps the mentions of an editor's own source note, numbered after the text's as on the page", () => {
    const tei = sample.read("/editions/frus1969-76v19p1/d48/document.xml");
    const page = sample.read("/editions/frus1969-76v19p1/d48/index.html");
    const note = /<note type="source"[^>]*>(.*?)<\/note>/.exec(tei)?.[1] ?? "";
    expect(note).toContain(
      '<term xml:id="frus1969-76v19p1-comp1-ch2-d48-term-nsc-3" ref="/editions/frus1969-76v19p1/register/#term-nsc">NSC</term>',
    );
    // the page's source note has the same mention, with the same id
    expect(page).toMatch(/de-note-kind">Source:<\/span>[^]*?id="frus1969-76v19p1-comp1-ch2-d48-term-nsc-3"/);
  });

  it("says what the editor marked unknown, inventing no archive, call number or translator", () => {
    const translation = every.read("/editions/samples/unknown-archive/document.xml");
    // The translator: a respStmt with an empty name and the statement, to which translator's notes point.
    expect(translation).toContain(
      '<respStmt xml:id="samples-unknown-archive-translator"><resp>translated by</resp><name/><note>Translator not known.</note></respStmt>',
    );
    expect(translation).toContain(
      '<note type="translator" n="1" xml:id="fn-samples-unknown-archive-1" resp="#samples-unknown-archive-translator">',
    );
    // What identifies the original stays in msIdentifier; what is not known is said in adminInfo.
    expect(translation).toContain(
      "<msDesc><msIdentifier><collection>A Collection</collection></msIdentifier><msContents><msItem><locus>3-4</locus>",
    );
    expect(translation).toContain(
      "<additional><adminInfo><note>Archive and call number not known.</note></adminInfo></additional></msDesc>",
    );
    // Nothing identifies the original: no empty msIdentifier, the statement beside the source.
    const published = every.read("/editions/samples/unknown-source/document.xml");
    expect(published).not.toContain("<msDesc>");
    expect(published).toContain(
      "<bibl><title>A Published Collection</title><note>Archive and call number not known.</note></bibl>",
    );
    const bare = every.read("/editions/samples/unknown-bare/document.xml");
    expect(bare).toContain("<sourceDesc><p>Transcribed for this edition.</p><p>Archive not known.</p></sourceDesc>");
    for (const tei of [translation, published, bare]) {
      expect(tei).not.toMatch(/>unknown<|"unknown"|<repository|<idno>/);
    }
  });

  it("gives each mark its TEI element", () => {
    const tei = every.read("/editions/samples/every-mark/document.xml");
    for (const part of [
      "<sic>recieve</sic>",
      "<unclear>Hanoi</unclear>",
      "<del>struck words</del>",
      "<add>added words</add>",
      '<hi rend="smallcaps">Subject</hi>: The talks',
      'an <hi rend="underline">urgent</hi> reply',
      '<hi rend="italic">an <hi rend="underline">underlined</hi> word in italics</hi>',
      '<add>an <hi rend="underline">underlined</hi> addition</add>',
      "hi rend=&quot;smallcaps&quot;: words the original sets in small capitals, printed so;",
      "hi rend=&quot;underline&quot;: words underlined in the original, printed with a solid line (an addition is add);",
      '<gap quantity="2" unit="line"><desc>2 lines not declassified</desc></gap>',
      "<gap/>",
      '<pb n="3v" type="folio" xml:id="samples-every-mark-folio-3v"/>',
      '<placeName xml:id="samples-every-mark-place-capital-1" ref="/editions/samples/register/#place-capital">the capital</placeName>',
      '<term xml:id="samples-every-mark-term-federation-1" ref="/editions/samples/register/#term-federation"><hi rend="italic">federation</hi></term>',
      '<note type="translator" n="2" xml:id="fn-samples-every-mark-2" resp="#samples-every-mark-translator"><p>The translator\'s note.</p></note>',
      '<ptr target="#fn-samples-every-mark-1"/>',
      '<foreign xml:lang="ru">слово</foreign>',
      "<opener><salute>Dear Minister,</salute></opener>",
      "<closer><signed>The Envoy</signed><dateline>Capital, May 1979</dateline></closer>",
      '<creation><date notBefore="1979-05-01" notAfter="1979-05-31" cert="medium">',
      "Transcription marks in use: ",
    ]) {
      expect(tei).toContain(part);
    }
  });

  it("keeps the original's pages and the printed volume's apart in a document that has both, on the page and in the TEI", () => {
    const whole = every.read("/editions/samples/printed-pages/");
    const page = byClass(whole, "de-text");
    const tei = every.read("/editions/samples/printed-pages/document.xml");
    for (const [id, html, pb] of [
      ["samples-printed-pages-page-12", "Page 12", '<pb n="12" xml:id="samples-printed-pages-page-12"/>'],
      [
        "samples-printed-pages-printed-page-12",
        "Page 12 of the printed volume",
        '<pb n="12" ed="print" xml:id="samples-printed-pages-printed-page-12"/>',
      ],
      [
        "samples-printed-pages-printed-page-120",
        "Page 120 of the printed volume",
        '<pb n="120" ed="print" xml:id="samples-printed-pages-printed-page-120"/>',
      ],
    ]) {
      expect(page.split(`id="${id}"`), id).toHaveLength(2);
      expect(page).toContain(`<a href="#${id}">${html}</a>`);
      expect(tei).toContain(pb);
    }
    expect(tei).toContain(
      '<opener><pb n="118" ed="print" xml:id="samples-printed-pages-printed-page-118"/><dateline>Washington, May 27, 2000.</dateline></opener>',
    );
    expect(tei).toContain("pb ed=&quot;print&quot;: where a page of the printed volume the edition reprints begins");
    expect(tei).toContain("pb: where a page of the original begins");
    // The legend names both kinds.
    expect(byClass(whole, "de-legend")).toContain(
      "<dd>Page break in the original</dd></div><div><dt>" +
        '<span class="de-mark de-printed-page" title="Page break in the printed volume"><span class="de-gen">[Page 1 of the printed volume]</span></span></dt><dd>Page break in the printed volume</dd>',
    );
  });

  it("prints a table, an opening dateline and a signature with a note on the page", () => {
    const page = every.read("/editions/samples/table-and-closing/");
    const text = byClass(page, "de-text");
    expect(text).toContain(
      '<p class="de-opener"><span class="de-mark de-dateline" title="Dateline">Capital, 16 April</span></p>',
    );
    expect(text).toContain(
      '<section class="de-table" aria-label="Table" tabindex="0">\n<table>\n<thead>\n<tr>\n<th scope="col">Name</th>',
    );
    expect(text).toMatch(
      /<td><a class="de-mark de-mention de-person" id="[^"]+" href="\/editions\/samples\/register\/#person-envoy"[^>]*>The envoy<\/a><\/td>/,
    );
    expect(text).toContain('Head of <span class="de-mark de-supplied"');
    expect(text).toMatch(
      /delegation<sup class="de-ref de-ref-editorial"[^>]*><a class="de-ref-side" href="#sn-[^"]+-1"/,
    );
    expect(text).toContain(
      '<p class="de-closer"><span class="de-mark de-signed" title="Signature">Foreign Ministry</span><sup class="de-ref',
    );
  });

  it("writes a table, an opener with its page break and a closer with its note in TEI, and the time with its zone", () => {
    const tei = every.read("/editions/samples/table-and-closing/document.xml");
    for (const part of [
      '<opener><pb n="7" xml:id="samples-table-and-closing-page-7"/><dateline>Capital, 16 April</dateline></opener>',
      '<table><row role="label"><cell>Name</cell><cell rend="align(center)">Office</cell></row>',
      '<row><cell><persName xml:id="samples-table-and-closing-person-envoy-1" ref="/editions/samples/register/#person-envoy">The envoy</persName></cell><cell rend="align(center)">Head of <supplied>the</supplied> delegation<note type="editorial" n="1"',
      '<row><cell><sic>Secretery</sic></cell><cell rend="align(center)"><hi rend="italic">Adviser</hi></cell></row></table>',
      '<closer><signed>Foreign Ministry</signed><note type="editorial" n="2" xml:id="fn-samples-table-and-closing-2" resp="#samples-table-and-closing-editor"><p>A note on the signature.</p></note></closer>',
      '<creation><date when="1979-04-16T14:30:00+08:00">',
    ]) {
      expect(tei).toContain(part);
    }
  });

  it("carries a real FRUS letter's opening dateline, salutation, page breaks and signature (FRUS 1969–76, XIX, pt. 1, doc. 58)", () => {
    const page = every.read("/editions/samples/frus-1969-76-v19p1-d58/");
    expect(page).toContain(
      '<p class="de-opener"><span class="de-mark de-dateline" title="Dateline">Washington, May 26, 1970.</span></p>',
    );
    expect(page).toContain(
      '<p class="de-opener"><span class="de-mark de-salute" title="Salutation">Dear President Park:</span></p>',
    );
    expect(page).toContain(
      '<p class="de-closer"><span class="de-mark de-signed" title="Signature">Richard Nixon</span></p>',
    );
    const tei = every.read("/editions/samples/frus-1969-76-v19p1-d58/document.xml");
    expect(tei).toContain(
      "<opener><dateline>Washington, May 26, 1970.</dateline><salute>Dear President Park:</salute></opener>",
    );
    expect(tei).toContain(
      'for that purpose.</p><pb n="153" xml:id="samples-frus-1969-76-v19p1-d58-page-153"/><p>Over the past several years',
    );
    expect(tei).toContain("<p>Sincerely yours,</p><closer><signed>Richard Nixon</signed></closer></body>");
  });

  it("stops the build, naming the file, where the text has what TEI cannot carry", async () => {
    const error = await buildFailure("test/fixtures/tei-bad", "test/fixtures/tei-bad/eleventy.config.js");
    expect(error.message).toContain(
      'test/fixtures/tei-bad/editions/x/table.md: line 5 (TEI export): found "<div class=\\"box\\">Raw HTML that TEI cannot carry.</div>"; expected Markdown, a transcription mark',
    );
  });
});

/** The TEI parts of a Markdown text, as the plugin's markdown-it makes its tokens. */
function teiOf(src: string) {
  return teiBody(markdown(undefined, () => undefined).parse(src, "d"), { idPrefix: "d" });
}

const teiErrorOf = (src: string) => {
  try {
    teiOf(src);
  } catch (error) {
    return error as TeiError;
  }
  throw new Error("expected a TeiError");
};

describe("the TEI text", () => {
  it("writes a pipe table as table, rows and cells, its header row a row of labels", () => {
    const { body } = teiOf(
      "Before.\n\n| Name | Office |\n| --- | ---: |\n| {person han: Han} | {supplied: Vice} Minister[^1] |\n|  | x |\n\n[^1]: A note.",
    );
    expect(body.join("")).toBe(
      "<p>Before.</p><table>" +
        '<row role="label"><cell>Name</cell><cell rend="align(right)">Office</cell></row>' +
        '<row><cell><persName>Han</persName></cell><cell rend="align(right)"><supplied>Vice</supplied> Minister<note type="editorial" n="1" xml:id="fn-d-1"><p>A note.</p></note></cell></row>' +
        '<row><cell></cell><cell rend="align(right)">x</cell></row>' +
        "</table>",
    );
  });

  it("keeps a signature with a note on it in the closer, the note after it", () => {
    expect(teiOf("Text.\n\n{signed: Foreign Ministry}[^2]\n\n[^2]: A note.").closer).toEqual([
      '<signed>Foreign Ministry</signed><note type="editorial" n="1" xml:id="fn-d-1"><p>A note.</p></note>',
    ]);
  });

  it("keeps a dateline after a page break in the opener, the break before it", () => {
    expect(teiOf("{page: 1}\n\n{dateline: Peking, April 16}\n\nText.")).toEqual({
      head: [],
      opener: ['<pb n="1" xml:id="d-page-1"/>', "<dateline>Peking, April 16</dateline>"],
      body: ["<p>Text.</p>"],
      closer: [],
      attachments: [],
    });
    expect(teiOf("{page: 1}\n{dateline: Peking}\n\nText.").opener).toEqual([
      '<pb n="1" xml:id="d-page-1"/>\n<dateline>Peking</dateline>',
    ]);
    expect(teiOf("{page printed: 118}\n\n{dateline: Peking}\n\nText.").opener).toEqual([
      '<pb n="118" ed="print" xml:id="d-printed-page-118"/>',
      "<dateline>Peking</dateline>",
    ]);
    // A page break alone between paragraphs is a break between them, not a paragraph.
    expect(teiOf("One.\n\n{page: 2}\n\nTwo.").body).toEqual(['<p>One.</p><pb n="2" xml:id="d-page-2"/><p>Two.</p>']);
  });

  it("writes a page of the printed volume as a pb of the print edition, apart from the original's page of that number", () => {
    expect(teiOf("One {page: 12} two {page printed: 12} three {page printed: 12}.").body).toEqual([
      '<p>One <pb n="12" xml:id="d-page-12"/> two <pb n="12" ed="print" xml:id="d-printed-page-12"/> three <pb n="12" ed="print"/>.</p>',
    ]);
    // In a note as in the text.
    expect(teiOf("Text.[^1]\n\n[^1]: A note. {page printed: 120}").body).toEqual([
      '<p>Text.<note type="editorial" n="1" xml:id="fn-d-1"><p>A note. <pb n="120" ed="print" xml:id="d-printed-page-120"/></p></note></p>',
    ]);
  });

  it("writes the source's small capitals and underlining as hi with their rendition, wherever they stand", () => {
    const parts = teiOf(
      "## {smallcaps: Memorandum}\n\n{salute: {underline: Dear} Sir,}\n\n" +
        "{smallcaps: Subject}: *a {underline: very} urgent* {smallcaps: {sic: Subjet}} {add: {underline: so}}.[^1]\n\n" +
        "{signed: {smallcaps: The Envoy}}\n\n[^1]: A note, {underline: underlined}.",
    );
    expect(parts.head).toEqual(['<hi rend="smallcaps">Memorandum</hi>']);
    expect(parts.opener).toEqual(['<salute><hi rend="underline">Dear</hi> Sir,</salute>']);
    expect(parts.body).toEqual([
      '<p><hi rend="smallcaps">Subject</hi>: <hi rend="italic">a <hi rend="underline">very</hi> urgent</hi> ' +
        '<hi rend="smallcaps"><sic>Subjet</sic></hi> <add><hi rend="underline">so</hi></add>.' +
        '<note type="editorial" n="1" xml:id="fn-d-1"><p>A note, <hi rend="underline">underlined</hi>.</p></note></p>',
    ]);
    expect(parts.closer).toEqual(['<signed><hi rend="smallcaps">The Envoy</hi></signed>']);
    // Outside an opener or closer, as a seg.
    expect(teiOf("Text {signed: {underline: Envoy}} here.").body).toEqual([
      '<p>Text <seg type="signed"><hi rend="underline">Envoy</hi></seg> here.</p>',
    ]);
  });

  it("puts a dateline before the text in the opener and one after it in the closer", () => {
    const parts = teiOf(
      "## Heading\n\n{dateline: Peking, April 16}\n\nText.\n\n{signed: The Envoy}\n\n{page: 3}\n\n{dateline: April 16, 1979}",
    );
    expect(parts.head).toEqual(["Heading"]);
    expect(parts.opener).toEqual(["<dateline>Peking, April 16</dateline>"]);
    expect(parts.closer).toEqual([
      "<signed>The Envoy</signed>",
      '<pb n="3" xml:id="d-page-3"/>',
      "<dateline>April 16, 1979</dateline>",
    ]);
  });

  it("stops at an HTML table, suggesting a pipe table, with the line it is on", () => {
    const error = teiErrorOf("First paragraph.\n\n<table>\n<tr><td>Han</td></tr>\n</table>");
    expect(error).toBeInstanceOf(TeiError);
    expect(error.line).toBe(3);
    expect(error.found).toBe('"<table>\\n<tr><td>Han</td></tr>\\n</table>"');
    expect(error.expected).toBe(
      "a Markdown pipe table (| Name | Office |, then |---|---|, then a row a line) in place of an HTML <table>",
    );
    expect(error.message).toBe(`line 3: found ${error.found}; expected ${error.expected}`);
  });

  it("refuses a link whose scheme a reader should not follow, and keeps the safe ones", () => {
    const error = teiErrorOf("See [the file](ftp://archive.example/cable.pdf).");
    expect([error.found, error.expected, error.line]).toEqual([
      '"ftp://archive.example/cable.pdf"',
      "a link with http, https or mailto, or a relative link",
      1,
    ]);
    expect(teiOf("See [the page](https://example.org/a) and [the notes](#notes).").body.join("")).toContain(
      '<ref target="https://example.org/a">the page</ref>',
    );
  });

  it("gives the line of other raw HTML, in a paragraph and in a note", () => {
    const inline = teiErrorOf("One.\n\nTwo and <b>bold</b>.");
    expect([inline.line, inline.found, inline.expected]).toEqual([
      3,
      '"<b>"',
      'Markdown, a transcription mark, <span lang="…">…</span> or <br>',
    ]);
    expect(teiErrorOf("Text.[^1]\n\n[^1]: A note with <div>a div</div>.").line).toBe(3);
    expect(teiErrorOf("Text.\n\n<div>\nA block.\n</div>").line).toBe(3);
  });
});

describe("TEI dates", () => {
  it("use @when for a known or partly known date, and a range with @cert for an approximate one", () => {
    expect(dateAttributes({ year: 1979, month: 4, day: 16, iso: "1979-04-16", approximate: false })).toEqual({
      when: "1979-04-16",
    });
    expect(dateAttributes({ year: 1979, month: 4, iso: "1979-04", approximate: false })).toEqual({ when: "1979-04" });
    expect(dateAttributes({ year: 1979, iso: "1979", approximate: true })).toEqual({
      notBefore: "1979-01-01",
      notAfter: "1979-12-31",
      cert: "medium",
    });
    expect(dateAttributes({ year: 1980, month: 2, iso: "1980-02", approximate: true })).toEqual({
      notBefore: "1980-02-01",
      notAfter: "1980-02-29",
      cert: "medium",
    });
    expect(
      dateAttributes({ year: 1979, month: 4, day: 16, iso: "1979-04-16", time: "14:30", approximate: false }),
    ).toEqual({ when: "1979-04-16T14:30:00" });
  });

  it("use @from and @to for a span of time, in the zone's offset", () => {
    const date = {
      year: 1970,
      month: 3,
      day: 3,
      iso: "1970-03-03",
      time: "15:00",
      endTime: "16:30",
      approximate: false,
    };
    expect(dateAttributes(date)).toEqual({ from: "1970-03-03T15:00:00", to: "1970-03-03T16:30:00" });
    expect(dateAttributes({ ...date, timeZone: "Asia/Seoul" })).toEqual({
      from: "1970-03-03T15:00:00+09:00",
      to: "1970-03-03T16:30:00+09:00",
    });
  });

  it("carry the time zone's offset where the document names one", () => {
    const date = { year: 1979, month: 4, day: 16, iso: "1979-04-16", time: "14:30", approximate: false };
    expect(dateAttributes({ ...date, timeZone: "Asia/Shanghai" })).toEqual({ when: "1979-04-16T14:30:00+08:00" });
    expect(dateAttributes({ ...date, time: "14:30:05", timeZone: "UTC-5" })).toEqual({
      when: "1979-04-16T14:30:05-05:00",
    });
    // Summer time where the zone kept it that day (in 1979 New York's began on April 29).
    expect(dateAttributes({ ...date, timeZone: "America/New_York" })).toEqual({ when: "1979-04-16T14:30:00-05:00" });
    expect(dateAttributes({ ...date, month: 7, iso: "1979-07-16", timeZone: "America/New_York" })).toEqual({
      when: "1979-07-16T14:30:00-04:00",
    });
  });
});
