// The TEI file of a document and of an edition's corpus, made from src/ (the site tests see only
// dist/): what the mutation run (npm run test:mutation) found untested in src/tei. Each test reads
// the header a TEI reader gets: who wrote, translated and edited, where the original is kept, its
// dates, languages and marks.
import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "../src/options.js";
import { TeiError, teiBody } from "../src/tei/body.js";
import { corpusMember, dateAttributes, TEI_CORPUS_END, teiCorpusStart, teiDocument } from "../src/tei/document.js";
import { telegramHeaderText } from "../src/tei/telegram.js";
import { el, xml } from "../src/markup/xml.js";
import { build, source } from "./helpers/model.js";
import { markdown } from "./helpers/markdown.js";

function tokens(src: string) {
  return markdown(undefined, () => undefined).parse(src, "d");
}

const settings = {
  labels: DEFAULT_LABELS,
  locale: "en-US",
  pageUrl: "https://x.org/editions/e/d/",
  dateText: "April 16, 1979",
  marksUsed: new Set<string>(),
};

const one = (data: Record<string, unknown>, index: Record<string, unknown> = {}) =>
  build([source("e/d", { title: "T", date: "1979-04-16", ...data })], index.title ? [source("e/index", index)] : [])
    .documents[0]!;

/** The text of the first element with this name (its inner XML). */
const inner = (tei: string, name: string) => new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`).exec(tei)?.[1];

describe("a document's TEI header", () => {
  it("names the title, editors, translators, publisher, number and page", () => {
    const doc = one(
      { translation: { language: "en", translator: ["A & B", "C"] }, originalLanguage: "zh" },
      { title: "The Talks", editors: ["Ed One", "Ed Two"] },
    );
    const tei = teiDocument(doc, tokens("Text."), settings);
    expect(
      tei.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e-d">'),
    ).toBe(true);
    expect(inner(tei, "titleStmt")).toBe(
      "<title>T</title><editor>Ed One</editor><editor>Ed Two</editor>" +
        '<respStmt xml:id="e-d-translator"><resp>translated by</resp><name>A &amp; B</name><name>C</name></respStmt>' +
        '<respStmt xml:id="e-d-editor"><resp>edited and annotated by</resp><name>Ed One</name><name>Ed Two</name></respStmt>',
    );
    expect(inner(tei, "publicationStmt")).toBe(
      `<publisher>The Talks</publisher><idno type="document">${doc.number}</idno><idno type="URI">https://x.org/editions/e/d/</idno>`,
    );
    expect(inner(tei, "langUsage")).toBe(
      '<language ident="zh">Chinese</language><language ident="en">English</language>',
    );
    expect(tei).toContain('<text xml:lang="en"><body><p>Text.</p></body></text></TEI>\n');
  });

  it("says a translator is not known without inventing one, and credits notes to the translator", () => {
    const tei = teiDocument(one({ translation: { language: "en", translator: "unknown" } }), tokens("Text."), settings);
    expect(tei).toContain(
      `<respStmt xml:id="e-d-translator"><resp>translated by</resp><name/><note>${xml(DEFAULT_LABELS.sourceNoteTranslatorNotKnown)}</note></respStmt>`,
    );
    expect(tei).not.toContain("e-d-editor");
  });

  it("describes where the original is kept: repository, collection, call number, pages", () => {
    const tei = teiDocument(
      one({ archive: "State Archives", collection: "RG 59", callNumber: "Box 4", pages: "10-12" }),
      tokens("Text."),
      settings,
    );
    expect(inner(tei, "sourceDesc")).toBe(
      "<msDesc><msIdentifier><repository>State Archives</repository><collection>RG 59</collection><idno>Box 4</idno></msIdentifier>" +
        "<msContents><msItem><locus>10-12</locus><title>T</title></msItem></msContents></msDesc>",
    );
  });

  it("puts what is not known in the manuscript description, or beside the source, or in a paragraph", () => {
    const inMs = teiDocument(one({ archive: "unknown", collection: "RG 59", folios: "3r-4v" }), tokens("x"), settings);
    expect(inner(inMs, "msDesc")).toMatch(
      /^<msIdentifier><collection>RG 59<\/collection><\/msIdentifier><msContents><msItem><locus>3r-4v<\/locus><title>T<\/title><\/msItem><\/msContents><additional><adminInfo><note>[^<]+<\/note><\/adminInfo><\/additional>$/,
    );
    const bySource = teiDocument(
      one({
        archive: "unknown",
        source: { title: "Src", publisher: "Pub", url: "https://s.org/?a=1&b=2", accessed: "2024-01-31" },
      }),
      tokens("x"),
      settings,
    );
    expect(inner(bySource, "sourceDesc")).toMatch(
      /^<bibl><title>Src<\/title><publisher>Pub<\/publisher><ptr target="https:\/\/s\.org\/\?a=1&amp;b=2"\/><date type="accessed" when="2024-01-31">2024-01-31<\/date><note>[^<]+<\/note><\/bibl>$/,
    );
    const alone = teiDocument(one({ archive: "unknown" }), tokens("x"), settings);
    expect(inner(alone, "sourceDesc")).toMatch(/^<p>Transcribed for this edition\.<\/p><p>[^<]+<\/p>$/);
    const nothing = teiDocument(one({}), tokens("x"), settings);
    expect(inner(nothing, "sourceDesc")).toBe("<p>Transcribed for this edition.</p>");
  });

  it("lists the transcription marks in use, or says there are none", () => {
    const used = teiDocument(one({}), tokens("x"), { ...settings, marksUsed: new Set(["sic", "page", "nonsense"]) });
    expect(inner(used, "editorialDecl")).toContain(
      "<p>Transcription marks in use: sic: an error of the original kept as it stands, printed followed by [sic]; pb: where a page of the original begins.</p>",
    );
    expect(inner(teiDocument(one({}), tokens("x"), settings), "editorialDecl")).toContain(
      "<p>No transcription marks are used.</p>",
    );
  });

  it("records who sent and received the document, with its date", () => {
    const tei = teiDocument(one({ author: ["Ministry"], recipients: ["Embassy", "Consulate"] }), tokens("x"), settings);
    expect(inner(tei, "correspDesc")).toBe(
      '<correspAction type="sent"><name>Ministry</name><date when="1979-04-16">April 16, 1979</date></correspAction>' +
        '<correspAction type="received"><name>Embassy</name><name>Consulate</name></correspAction>',
    );
    expect(inner(tei, "creation")).toBe('<date when="1979-04-16">April 16, 1979</date>');
    const received = teiDocument(one({ recipients: ["Embassy"] }), tokens("x"), settings);
    expect(inner(received, "correspDesc")).toBe('<correspAction type="received"><name>Embassy</name></correspAction>');
    expect(teiDocument(one({}), tokens("x"), settings)).not.toContain("correspDesc");
  });
});

describe("a document's TEI text", () => {
  it("opens with the source note, credited to the editors", () => {
    const doc = one({}, { title: "Ed", editors: ["E"] });
    const tei = teiDocument(doc, tokens("Text."), { ...settings, sourceNoteText: "From <the> archive." });
    expect(inner(tei, "body")).toBe(
      '<note type="source" resp="#e-d-editor">From &lt;the&gt; archive.</note><p>Text.</p>',
    );
  });

  it("opens with the telegram header unless the text places it", () => {
    const doc = one({ telegram: { heading: "Telegram Received", from: "Ministry" } });
    const tei = teiDocument(doc, tokens("Text."), settings);
    expect(inner(tei, "body")).toBe(`<opener>${telegramHeaderText(doc, DEFAULT_LABELS)}</opener><p>Text.</p>`);
    expect(telegramHeaderText(doc, DEFAULT_LABELS)).toBe(
      `<seg type="heading">Telegram Received</seg><lb/>\n<seg type="from"><label>${xml(DEFAULT_LABELS.telegramFrom)}</label> Ministry</seg>`,
    );
    expect(telegramHeaderText(one({}), DEFAULT_LABELS)).toBe("");
  });

  it("writes a telegram header the text places itself where it stands, and no second one", () => {
    const doc = one({ telegram: { heading: "Telegram Received", from: "Ministry" } });
    const parsed = tokens(
      '<header class="de-telegram" aria-label="Telegram">\n<p>Telegram Received</p>\n</header>\n\nText.',
    );
    // The record names the block that holds it, with the fields printed there (overridden here).
    const block = parsed.find((t) => t.type === "html_block")!;
    const placedTelegrams = new Map([[block, { ...doc.telegram!, from: "Ministry & Co" }]]);
    expect(inner(teiDocument(doc, parsed, { ...settings, placedTelegrams }), "body")).toBe(
      '<ab type="telegram"><seg type="heading">Telegram Received</seg><lb/>\n<seg type="from"><label>From:</label> Ministry &amp; Co</seg></ab><p>Text.</p>',
    );
  });

  it("says what is not known once, in the manuscript description, when a source is given too", () => {
    const tei = teiDocument(
      one({ archive: "unknown", collection: "RG 59", source: { title: "Src" } }),
      tokens("x"),
      settings,
    );
    expect(inner(tei, "bibl")).toBe("<title>Src</title>");
    expect(tei.match(/<note>/g)).toHaveLength(1);
  });

  it("holds a paragraph even when the text is only a page break", () => {
    expect(inner(teiDocument(one({}), tokens("{page: 1}"), settings), "body")).toBe(
      '<pb n="1" xml:id="e-d-page-1"/><p/>',
    );
  });

  it("gives a note of a document with no editors and no translator no responsibility", () => {
    const tei = teiDocument(one({}), tokens("Text.[^1]\n\n[^1]: A note."), settings);
    expect(tei).toContain('<note type="editorial" n="1" xml:id="fn-e-d-1"><p>A note.</p></note>');
    expect(tei).not.toContain("resp=");
  });
});

describe("dates in TEI", () => {
  it("give an approximate month or year as a range, the month's last day included", () => {
    const date = (value: string) => one({ date: value, dateApproximate: true }).date;
    expect(dateAttributes(date("1980-02"))).toEqual({
      notBefore: "1980-02-01",
      notAfter: "1980-02-29",
      cert: "medium",
    });
    expect(dateAttributes(date("1979-12"))).toEqual({
      notBefore: "1979-12-01",
      notAfter: "1979-12-31",
      cert: "medium",
    });
    expect(dateAttributes(date("1979"))).toEqual({ notBefore: "1979-01-01", notAfter: "1979-12-31", cert: "medium" });
    expect(dateAttributes(date("1979-04-06"))).toEqual({
      notBefore: "1979-04-06",
      notAfter: "1979-04-06",
      cert: "medium",
    });
  });
});

describe("an edition's TEI corpus", () => {
  it("heads the corpus with the edition's title, editors and page, and closes it", () => {
    const doc = one({}, { title: "The <Talks>", editors: ["E1", "E2"] });
    const start = teiCorpusStart(doc.edition, { pageUrl: "https://x.org/e/" });
    expect(start).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>' +
        "<titleStmt><title>The &lt;Talks&gt;</title><editor>E1</editor><editor>E2</editor></titleStmt>" +
        '<publicationStmt><publisher>The &lt;Talks&gt;</publisher><idno type="URI">https://x.org/e/</idno></publicationStmt>' +
        "<sourceDesc><p>The 1 documents of this edition, each with its own source description.</p></sourceDesc></fileDesc></teiHeader>\n",
    );
    expect(TEI_CORPUS_END).toBe("</teiCorpus>\n");
    const member = corpusMember(teiDocument(doc, tokens("x"), settings));
    expect(member.startsWith('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e-d">')).toBe(true);
    expect(member.endsWith("</TEI>\n")).toBe(true);
  });
});

describe("XML escaping", () => {
  it("escapes markup and drops what XML 1.0 cannot hold, keeping characters beyond the BMP", () => {
    expect(xml('a & <b> "c"')).toBe("a &amp; &lt;b&gt; &quot;c&quot;");
    expect(xml("a\u0000b\u000Bc\uFFFEd\uD800e\t\n😀")).toBe("abcde\t\n😀");
    expect(xml(undefined)).toBe("");
    expect(xml(7)).toBe("7");
  });

  it("leaves out attributes with no value and writes an empty element as such", () => {
    expect(el("a", { x: "1", y: undefined, z: "", n: 0 })).toBe('<a x="1" n="0"/>');
    expect(el("a", {}, "")).toBe("<a></a>");
  });
});

describe("the TEI of a text's Markdown", () => {
  const SRC = [
    "# Heading *one*",
    "",
    "{salute: Dear Sir,}",
    "",
    "Line one  ",
    "line two `code` *em* **strong** ~~gone~~ [link](https://x.org/?a=1&b=2) ![alt <x>](img.png) ![](i.png)",
    "",
    'A <span lang="fr">mot</span> and<br>break, {person le.duan: Le Duan} {place hanoi: Hanoi} {term t: T} {sic: teh} {gap: 2 Lines not declassified} {gap: illegible} {page: 11} {folio: 2r} {page: 11}[^1] again[^1] tr[^translator-1]',
    "",
    "- a",
    "- b",
    "",
    "1. one",
    "",
    "> quoted",
    "",
    "## Inner heading",
    "",
    "---",
    "",
    "```",
    "x < y",
    "```",
    "",
    "{signed: Minister} {salute: inside}",
    "",
    "{signed: The Minister}",
    "",
    "[^1]: Note *one*.",
    "",
    "    # note heading",
    "",
    "[^translator-1]: Translator's note.",
  ].join("\n");

  it("writes every Markdown element, mark, mention, break and note as its TEI element", () => {
    const tei = teiBody(tokens(SRC), { idPrefix: "d", registerUrl: "/reg/", editorResp: "#ed", translatorResp: "#tr" });
    expect(tei.head).toEqual(['Heading <hi rend="italic">one</hi>']);
    expect(tei.opener).toEqual(["<salute>Dear Sir,</salute>"]);
    expect(tei.closer).toEqual(["<signed>The Minister</signed>"]);
    expect(tei.body).toEqual([
      "<p>Line one<lb/>line two <code>code</code> " +
        '<hi rend="italic">em</hi> <hi rend="bold">strong</hi> <hi rend="strikethrough">gone</hi> ' +
        '<ref target="https://x.org/?a=1&amp;b=2">link</ref> <graphic url="img.png"><desc>alt &lt;x&gt;</desc></graphic> <graphic url="i.png"/></p>' +
        '<p>A <foreign xml:lang="fr">mot</foreign> and<lb/>break, ' +
        '<persName xml:id="d-person-le.duan-1" ref="/reg/#person-le.duan">Le Duan</persName> ' +
        '<placeName xml:id="d-place-hanoi-1" ref="/reg/#place-hanoi">Hanoi</placeName> ' +
        '<term xml:id="d-term-t-1" ref="/reg/#term-t">T</term> <sic>teh</sic> ' +
        '<gap quantity="2" unit="line"><desc>2 Lines not declassified</desc></gap> <gap><desc>illegible</desc></gap> ' +
        '<pb n="11" xml:id="d-page-11"/> <pb n="2r" type="folio" xml:id="d-folio-2r"/> <pb n="11"/>' +
        '<note type="editorial" n="1" xml:id="fn-d-1" resp="#ed"><p>Note <hi rend="italic">one</hi>.</p><p>note heading</p></note> ' +
        'again<ptr target="#fn-d-1"/> tr<note type="translator" n="2" xml:id="fn-d-2" resp="#tr"><p>Translator\'s note.</p></note></p>' +
        '<list><item>a</item><item>b</item></list><list rend="numbered"><item>one</item></list><quote><p>quoted</p></quote>' +
        '<ab type="head">Inner heading</ab><milestone unit="section"/><ab type="code"><code>x &lt; y\n</code></ab>' +
        '<p><seg type="signed">Minister</seg> <seg type="salute">inside</seg></p>',
    ]);
  });

  it("writes mentions without a register page as plain names", () => {
    expect(teiBody(tokens("{person le.duan: Le Duan}"), { idPrefix: "d" }).body).toEqual([
      "<p><persName>Le Duan</persName></p>",
    ]);
  });

  it("refuses HTML it cannot carry, naming the line and what to write instead", () => {
    const error = (src: string) => {
      try {
        teiBody(tokens(src), { idPrefix: "d" });
      } catch (e) {
        return e as TeiError;
      }
      throw new Error("expected a TeiError");
    };
    expect(error("Text.\n\n<div>x</div>").message).toBe(
      'line 3: found "<div>x</div>"; expected Markdown, a transcription mark, <span lang="…">…</span> or <br>',
    );
    expect(error("<table><tr><td>x</td></tr></table>").expected).toBe(
      "a Markdown pipe table (| Name | Office |, then |---|---|, then a row a line) in place of an HTML <table>",
    );
    expect(error("a <b>x</b>").found).toBe('"<b>"');
    expect(error('a <span lang="fr">x').message).toBe(
      "line 1: found an unclosed <span>; expected every HTML span closed in the same paragraph",
    );
    expect(error("a </span>").found).toBe('"</span>"');
    expect(error("a </span>").name).toBe("TeiError");
    expect(new TeiError("a", "b").message).toBe("found a; expected b");
  });
});
