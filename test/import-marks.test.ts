import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { MARKS } from "../src/markdown/marks.js";
import { importTei } from "../src/import/tei.js";
import { markdownLink } from "../src/import/markdown.js";
import { buildSite, tempDir } from "./helpers/site.js";

const FRONT =
  '<front><div><head>Persons</head><list><item><persName xml:id="p_DJ1">Doe, John</persName>, a clerk</item></list></div></front>';
/** A volume of one document, `<div type="document" n="1" xml:id="d1">`, with this content after its head. */
const volume = (content: string, head = "1. Memorandum From John Doe to the Secretary") =>
  `<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="marks">` +
  `<teiHeader><fileDesc><titleStmt><title>Marks</title></titleStmt></fileDesc></teiHeader>` +
  `<text>${FRONT}<body><div type="document" n="1" xml:id="d1"><head>${head}</head>${content}</div></body></text></TEI>`;

/** The document's front matter and text, and the import's unmapped report. */
function imported(content: string) {
  const edition = importTei(volume(content), { fallbackSlug: "fallback" });
  const file = edition.files.find((f) => f.path === "d1.md")?.content ?? "";
  const [, fm = "", text = ""] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(file) ?? [];
  return { fm, text: text.trimEnd(), unmapped: edition.unmapped };
}
/** One paragraph's Markdown and what was counted in it. */
function paragraph(inline: string) {
  const { text, unmapped } = imported(`<p>${inline}</p>`);
  return { text, unmapped: unmapped.map((u) => `${u.element} ${u.count}`) };
}

describe("import-tei: transcription marks", () => {
  it("<supplied> → {supplied: …}, not the source's own brackets", () => {
    expect(paragraph("the <supplied>Soviet</supplied> side")).toEqual({
      text: "the {supplied: Soviet} side",
      unmapped: [],
    });
  });

  it("<sic> alone → {sic: …}", () => {
    expect(paragraph("we <sic>recieve</sic> it")).toEqual({ text: "we {sic: recieve} it", unmapped: [] });
  });

  it("<choice> of <sic> and <corr> → {sic: …}, the correction counted", () => {
    expect(paragraph("we <choice><sic>recieve</sic><corr>receive</corr></choice> it")).toEqual({
      text: "we {sic: recieve} it",
      unmapped: ["choice/corr 1"],
    });
  });

  it("<choice> of orig/reg and abbr/expan keeps the reading text and counts the other", () => {
    expect(
      paragraph(
        "<choice><orig>shew</orig><reg>show</reg></choice> the <choice><abbr>Dept.</abbr><expan>Department</expan></choice>",
      ),
    ).toEqual({
      text: "show the Department",
      unmapped: ["choice/abbr 1", "choice/orig 1"],
    });
  });

  it("<unclear>, <del>, <add> → {unclear: …}, {del: …}, {add: …}", () => {
    expect(paragraph("to <unclear>Hanoi</unclear> <del>and Laos</del> <add>urgently</add>")).toEqual({
      text: "to {unclear: Hanoi} {del: and Laos} {add: urgently}",
      unmapped: [],
    });
  });

  it("<gap> → {gap: …} from its desc, else its quantity, unit and reason in words, else {gap:}", () => {
    expect(paragraph('<gap quantity="2" unit="line"><desc>2 lines not declassified</desc></gap>').text).toBe(
      "{gap: 2 lines not declassified}",
    );
    expect(paragraph('a <gap quantity="2" unit="line"/> b').text).toBe("a {gap: 2 lines} b");
    expect(paragraph('<gap quantity="1" unit="word" reason="illegible"/>').text).toBe("{gap: 1 word illegible}");
    expect(paragraph('<gap quantity="3" unit="chars"/>').text).toBe("{gap: 3 characters}");
    expect(paragraph('<gap quantity="4" unit="cm"/>').text).toBe("{gap: 4 cm}");
    expect(paragraph('<gap extent="several lines" reason="damage"/>').text).toBe("{gap: several lines damaged}");
    expect(paragraph("a <gap/> b")).toEqual({ text: "a {gap:} b", unmapped: [] });
    expect(paragraph('<gap reason="classified"/>')).toEqual({ text: "{gap:}", unmapped: ["gap/@reason 1"] });
    expect(paragraph('<gap reason="illegible"><desc>a word</desc></gap>')).toEqual({
      text: "{gap: a word}",
      unmapped: ["gap/@reason 1"],
    });
    expect(paragraph('<gap reason="illegible"><desc>a word, illegible</desc></gap>').unmapped).toEqual([]);
  });

  it('<pb ed="print"> → {page printed: …}; a <pb> of the original → {page: …}', () => {
    expect(paragraph('one <pb n="5" ed="print"/>two <pb n="3" ed="original"/>three').text).toBe(
      "one {page printed: 5}two {page: 3}three",
    );
  });
});

describe("import-tei: highlighting, names, languages, quotations", () => {
  it('<hi rend="smallcaps">, "small-caps" → {smallcaps: …}; "underline" → {underline: …}; italic and bold as emphasis', () => {
    expect(
      paragraph('<hi rend="smallcaps">Secret</hi> <hi rend="small-caps">Nodis</hi> <hi rend="underline">now</hi>'),
    ).toEqual({
      text: "{smallcaps: Secret} {smallcaps: Nodis} {underline: now}",
      unmapped: [],
    });
    expect(paragraph('<hi rend="italic">a</hi> <hi rend="strong">b</hi> <hi rend="italic underline">c</hi>').text).toBe(
      "*a* **b** *{underline: c}*",
    );
    expect(paragraph('x<hi rend="superscript">2</hi>')).toEqual({ text: "x2", unmapped: ["hi/@rend=superscript 1"] });
  });

  it("names without a register pointer keep their text and are counted, placeName too", () => {
    expect(
      paragraph(
        '<persName>Smith</persName> in <placeName>Seoul</placeName> of the <orgName>NSC</orgName>: <term>MAP</term>, <name>Doe</name>, <persName corresp="#p_DJ1">Doe</persName>',
      ),
    ).toEqual({
      text: "Smith in Seoul of the NSC: MAP, Doe, {person doe-john: Doe}",
      unmapped: ["name 1", "orgName 1", "persName 1", "placeName 1", "term 1"],
    });
  });

  it("<foreign xml:lang> → <span lang>, where the language is a tag; else its text, counted", () => {
    expect(paragraph('a <foreign xml:lang="ru">слово</foreign> b')).toEqual({
      text: 'a <span lang="ru">слово</span> b',
      unmapped: [],
    });
    expect(paragraph('<foreign xml:lang="zh-Hans">自卫</foreign>').text).toBe('<span lang="zh-Hans">自卫</span>');
    expect(paragraph('<foreign xml:lang="Russian&quot; onclick=&quot;x">слово</foreign>')).toEqual({
      text: "слово",
      unmapped: ["foreign/@xml:lang 1"],
    });
    expect(paragraph('<foreign xml:lang="en_US">word</foreign>').unmapped).toEqual(["foreign/@xml:lang 1"]);
    expect(paragraph("<foreign>word</foreign>")).toEqual({ text: "word", unmapped: [] });
  });

  it("an inline <q>/<quote> gets quotation marks only where none are printed, and is counted", () => {
    expect(paragraph("he said <q>no</q> twice")).toEqual({ text: "he said “no” twice", unmapped: ["q 1"] });
    expect(paragraph("he said “<q>no</q>” twice")).toEqual({ text: "he said “no” twice", unmapped: ["q 1"] });
    expect(paragraph("he said <quote>“no”</quote> twice")).toEqual({
      text: "he said “no” twice",
      unmapped: ["quote 1"],
    });
    expect(paragraph('he said <q rend="none">no</q> twice').text).toBe("he said no twice");
  });

  it("a <quote> that stands alone or holds paragraphs is a block quotation, not counted", () => {
    expect(imported("<p>He wrote:</p><quote><p>One.</p><p>Two.</p></quote>")).toMatchObject({
      text: "He wrote:\n\n> One.\n>\n> Two.",
      unmapped: [],
    });
  });
});

const ATTACHED =
  '<opener><dateline><placeName>Washington</placeName>, <date when="1970-03-03">March 3, 1970</date></dateline></opener>' +
  '<p>The memorandum.<note n="2">A note.</note></p><closer><signed>J. D.</signed></closer>' +
  '<div type="attachment"><head>Paper Prepared by John Doe<note n="3" type="source">Secret. Attached to the memorandum above.</note></head>' +
  '<opener><dateline><date when="1970-03-01">March 1, 1970</date></dateline></opener><p>The paper.<note n="4">Its note.</note></p></div>' +
  "<frus:attachment><head>Tab B</head><p>A table.</p></frus:attachment>";

describe("import-tei: attachments", () => {
  it("each attachment an entry of attachments and an {attachment} line where it begins; the document's date is its own", () => {
    const { fm, text, unmapped } = imported(ATTACHED);
    expect(fm).toContain("date: 1970-03-03\n");
    expect(fm).toContain(
      [
        "attachments:",
        '  - title: "Paper Prepared by John Doe"',
        "    date: 1970-03-01",
        "    classification: Secret",
        '    sourceNote: "Secret. Attached to the memorandum above."',
        '  - title: "Tab B"',
      ].join("\n"),
    );
    expect(text).toBe(
      [
        "{dateline: Washington, March 3, 1970}",
        "The memorandum.[^2]",
        "{signed: J. D.}",
        "{attachment}",
        "{dateline: March 1, 1970}",
        "The paper.[^4]",
        "{attachment}",
        "A table.",
        "[^2]: A note.",
        "[^4]: Its note.",
      ].join("\n\n"),
    );
    expect(unmapped).toEqual([{ element: "placeName", document: "d1", count: 1 }]);
  });

  it("the plugin's own export: a classification in the attachment's opener is the entry's, not text", () => {
    const { fm, text } = imported(
      '<p>Text.</p><div type="attachment" n="1"><head>Talking Points</head><opener><seg type="classification">Confidential</seg></opener><p>Points.</p></div>',
    );
    expect(fm).toContain('attachments:\n  - title: "Talking Points"\n    classification: Confidential');
    expect(text).toBe("Text.\n\n{attachment}\n\nPoints.");
  });
});

const hasOwnMarks = "smallcaps" in MARKS && "underline" in MARKS;
const EVERY_MARK =
  '<opener><dateline><date when="1970-03-03">March 3, 1970</date></dateline></opener><p><pb n="7" ed="print"/>The <supplied>Soviet</supplied> side will <sic>recieve</sic> ' +
  "<choice><sic>teh</sic><corr>the</corr></choice> <unclear>Hanoi</unclear> <del>and Laos</del> <add>urgently</add> " +
  '<gap quantity="2" unit="line"><desc>2 lines not declassified</desc></gap> <gap/> ' +
  '<foreign xml:lang="ru">слово</foreign>, <persName corresp="#p_DJ1">Doe</persName>' +
  (hasOwnMarks ? ' <hi rend="smallcaps">Nodis</hi> <hi rend="underline">now</hi>' : "") +
  '.</p><table><row role="label"><cell>Name</cell><cell>Office</cell></row><row><cell>Doe</cell><cell>Clerk</cell></row></table>' +
  '<div type="attachment"><head>Paper<note type="source" n="2">Secret.</note></head><p>The paper.</p></div>';

describe("import-tei: round trip through the plugin's TEI", () => {
  it("a volume using every mark builds, and its document's TEI has the same elements back", async () => {
    const site = tempDir();
    writeFileSync(path.join(site, "marks.xml"), volume(EVERY_MARK));
    execFileSync(process.execPath, [path.resolve("dist/cli.js"), "import-tei", "marks.xml"], { cwd: site });
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      `import documentaryEdition from ${JSON.stringify(pathToFileURL(path.resolve("dist/index.js")).href)};\n` +
        "export default (config) => config.addPlugin(documentaryEdition, { numberedUrls: true });\n",
    );
    const built = await buildSite(site, path.join(site, "eleventy.config.mjs"));
    const tei = built.read("/editions/marks/d1/document.xml");
    for (const element of [
      "<supplied>Soviet</supplied>",
      "<sic>recieve</sic>",
      "<sic>teh</sic>",
      "<unclear>Hanoi</unclear>",
      "<del>and Laos</del>",
      "<add>urgently</add>",
      '<gap quantity="2" unit="line"><desc>2 lines not declassified</desc></gap>',
      "<gap/>",
      '<foreign xml:lang="ru">слово</foreign>',
      "<cell>Clerk</cell>",
      "Secret.",
    ])
      expect(tei).toContain(element);
    expect(tei).toMatch(/<pb n="7"[^>]* ed="print"[^>]*\/>|<pb [^>]*ed="print"[^>]* n="7"/);
    expect(tei).toMatch(/<persName [^>]*ref="[^"]*#person-doe-john">Doe<\/persName>/);
    expect(tei).toMatch(/<row role="label"><cell>Name<\/cell>/);
    expect(tei).toMatch(/<div type="attachment"[^>]*><head>Paper<note type="source"/);
    if (hasOwnMarks) expect(tei).toMatch(/Nodis<\/hi>[\s\S]*now<\/hi>/);
  }, 180_000);
});

describe("links", () => {
  it("keeps a link's destination whole, and never lets it open HTML", () => {
    expect(markdownLink("the archive", "https://example.org/a")).toBe("[the archive](https://example.org/a)");
    expect(markdownLink("a file", "https://example.org/a file (2).pdf")).toBe(
      "[a file](<https://example.org/a%20file%20(2).pdf>)",
    );
    expect(markdownLink("x", "https://example.org/<script>")).toBe("[x](<https://example.org/%3Cscript%3E>)");
  });
});
