// Citation records, exports, head metadata and styles: the cases the mutation run (npm run
// test:mutation) found untested. Each test states what a reader, a reference manager or a
// crawler receives; none pins wording the plugin could change without anyone noticing.
import { describe, expect, it } from "vitest";
import { bibtex, downloadFiles, ris } from "../src/citation/export.js";
import { jsonLd, metaTagsHtml, scriptJson } from "../src/citation/metadata.js";
import { citationRecord, type CslItem } from "../src/citation/record.js";
import { formatCitation } from "../src/citation/styles.js";
import { curlyQuotes } from "../src/citation/text.js";
import { Citations, unknownStyleProblems } from "../src/citation/citations.js";
import { build, source } from "./helpers/model.js";

const edition = { editionTitle: "The Talks", editors: ["An Editor"], number: "3" };

/** A record with every field, names given as given and family names, a page range with an en dash. */
const FULL: CslItem = {
  id: "talks/memo 2",
  type: "manuscript",
  title: "Memorandum on the talks",
  issued: { "date-parts": [[1979, 4, 6]] },
  author: [{ given: "Jane", family: "Doe" }, { literal: "Ministry of Foreign Affairs" }],
  recipient: [{ literal: "The Embassy" }],
  translator: [{ given: "John", family: "Roe" }],
  genre: "Memorandum",
  archive: "State Archives",
  archive_collection: "RG 59",
  archive_location: "Box 4",
  page: "10 – 12",
  language: "en",
  "container-title": "Digital Archive",
  publisher: "The Center",
  URL: "https://archive.example.org/doc/1",
  accessed: { "date-parts": [[2024, 1]] },
  abstract: "A memorandum.",
};

/** The `<meta>` tags of a head, in order, as [name, content] pairs. */
const metaTags = (head: string) =>
  [...head.matchAll(/<meta name="([^"]*)" content="([^"]*)">\n/g)].map((m) => [m[1], m[2]]);

describe("the BibTeX export", () => {
  it("writes every field of a full record, dates zero-padded, page ranges with --", () => {
    expect(bibtex(FULL)).toBe(
      [
        "@unpublished{talks-memo-2,",
        "\tauthor = {{Jane Doe} and {Ministry of Foreign Affairs}},",
        "\ttitle = {{Memorandum on the talks}},",
        "\tdate = {1979-04-06},",
        "\ttype = {Memorandum},",
        "\ttranslator = {{John Roe}},",
        "\tpages = {10--12},",
        "\thowpublished = {Digital Archive},",
        "\tpublisher = {The Center},",
        "\tlibrary = {State Archives, RG 59, Box 4},",
        "\tlangid = {en},",
        "\turl = {https://archive.example.org/doc/1},",
        "\turldate = {2024-01},",
        "\tabstract = {A memorandum.},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("escapes backslash, caret and tilde, and makes one key part of a run of other characters", () => {
    const out = bibtex({ id: "a//b  c", type: "manuscript", title: "C:\\dir ^2 ~x" });
    expect(out.startsWith("@unpublished{a-b-c,\n")).toBe(true);
    expect(out).toContain("title = {{C:\\textbackslash{}dir \\^{}2 \\~{}x}}");
  });

  it("dashes only ranges of numbers, and leaves out a field with no value", () => {
    const out = bibtex({
      id: "p",
      type: "manuscript",
      title: "T",
      page: "3 -4, 7- 9, iv-v",
      issued: { "date-parts": [[979]] },
    });
    expect(out).toContain("pages = {3--4, 7--9, iv-v}");
    expect(out).toContain("date = {0979}");
    expect(out).not.toMatch(/= \{\},|howpublished|publisher|urldate/);
  });

  it("puts several records one after another in one download, with RIS and CSL-JSON beside it", () => {
    const second: CslItem = { id: "two", type: "manuscript", title: "Second" };
    const [bib, risFile, json] = downloadFiles([FULL, second]);
    expect(bib).toBe(`${bibtex(FULL)}\n${bibtex(second)}`);
    expect(risFile).toBe(ris(FULL) + ris(second));
    expect(JSON.parse(json)).toEqual([FULL, second]);
    expect(json.endsWith("}\n]\n")).toBe(true);
  });
});

describe("the RIS export", () => {
  it("writes every field of a full record, one tag a line, CRLF, ending with ER", () => {
    expect(ris({ ...FULL, abstract: "A memorandum\n  in two lines. " }).split("\r\n")).toEqual([
      "TY  - MANSCPT",
      "ID  - talks/memo 2",
      "TI  - Memorandum on the talks",
      "AU  - Jane Doe",
      "AU  - Ministry of Foreign Affairs",
      "A4  - John Roe",
      "PY  - 1979",
      "DA  - 1979/04/06/",
      "M3  - Memorandum",
      "SP  - 10 – 12",
      "T2  - Digital Archive",
      "PB  - The Center",
      "AV  - State Archives, RG 59",
      "CN  - Box 4",
      "LA  - en",
      "UR  - https://archive.example.org/doc/1",
      "Y2  - 2024/01//",
      "AB  - A memorandum in two lines.",
      "ER  - ",
      "",
    ]);
  });

  it("writes a year alone as a year, and no AV for a record with no archive", () => {
    const lines = ris({ id: "y", type: "manuscript", title: "T", issued: { "date-parts": [[1979]] } }).split("\r\n");
    expect(lines).toContain("PY  - 1979");
    expect(lines).toContain("DA  - 1979///");
    expect(lines.some((l) => l.startsWith("AV"))).toBe(false);
  });
});

describe("the head's Highwire and Dublin Core tags", () => {
  const [doc] = build([source("e/d", { title: "T", date: "1979-04-16" })]).documents;
  const context = { pageUrl: "https://edition.example.org/e/d/", siteName: "The Site" };

  it("carry every field of a full record, a page range as first and last page", () => {
    expect(metaTags(metaTagsHtml(FULL, doc!, context).value)).toEqual([
      ["citation_title", "Memorandum on the talks"],
      ["citation_author", "Jane Doe"],
      ["citation_author", "Ministry of Foreign Affairs"],
      ["citation_date", "1979/04/06"],
      ["citation_publisher", "The Center"],
      ["citation_language", "en"],
      ["citation_public_url", "https://edition.example.org/e/d/"],
      ["citation_firstpage", "10"],
      ["citation_lastpage", "12"],
      ["citation_abstract", "A memorandum."],
      ["DC.title", "Memorandum on the talks"],
      ["DC.creator", "Jane Doe"],
      ["DC.creator", "Ministry of Foreign Affairs"],
      ["DC.contributor", "John Roe"],
      ["DC.date", "1979-04-06"],
      ["DC.type", "Memorandum"],
      ["DC.language", "en"],
      ["DC.source", "State Archives, RG 59, Box 4"],
      ["DC.identifier", "https://edition.example.org/e/d/"],
      ["DC.relation.isPartOf", doc!.edition.title],
      ["DC.description", "A memorandum."],
    ]);
  });

  it("give one page as a first page only, a partial date as far as it goes, and Text as the default type", () => {
    const item: CslItem = { id: "x", type: "manuscript", title: "T", page: "7", issued: { "date-parts": [[1979, 4]] } };
    const tags = metaTags(metaTagsHtml(item, doc!, context).value);
    expect(tags).toContainEqual(["citation_firstpage", "7"]);
    expect(tags.map((t) => t[0])).not.toContain("citation_lastpage");
    expect(tags).toContainEqual(["citation_date", "1979/04"]);
    expect(tags).toContainEqual(["DC.date", "1979-04"]);
    expect(tags).toContainEqual(["DC.type", "Text"]);
    expect(tags).toContainEqual(["citation_publisher", "The Site"]);
  });

  it("take the last page of a range written with an en dash", () => {
    const tags = metaTags(
      metaTagsHtml({ id: "x", type: "manuscript", title: "T", page: "10–12" }, doc!, context).value,
    );
    expect(tags).toContainEqual(["citation_firstpage", "10"]);
    expect(tags).toContainEqual(["citation_lastpage", "12"]);
    expect(tags.map((t) => t[0])).not.toContain("citation_date");
  });
});

describe("the head's JSON-LD", () => {
  it("describes a full record: creators, recipients, translators, genre, abstract, location and source", () => {
    const [doc] = build([source("e/d", { title: "T", date: "1979-04-16" })]).documents;
    expect(jsonLd(FULL, doc!, { locale: "en-US" })).toEqual({
      "@context": "https://schema.org",
      "@type": ["ArchiveComponent", "CreativeWork"],
      name: "Memorandum on the talks",
      dateCreated: "1979-04-06",
      creator: [
        { "@type": "Organization", name: "Jane Doe" },
        { "@type": "Organization", name: "Ministry of Foreign Affairs" },
      ],
      recipient: [{ "@type": "Organization", name: "The Embassy" }],
      translator: [{ "@type": "Person", name: "John Roe" }],
      inLanguage: "en",
      genre: "Memorandum",
      abstract: "A memorandum.",
      holdingArchive: { "@type": "ArchiveOrganization", name: "State Archives" },
      itemLocation: "RG 59, Box 4, pp. 10 – 12",
      isBasedOn: "https://archive.example.org/doc/1",
      position: Number(doc!.number),
      isPartOf: { "@type": "Collection", name: doc!.edition.title },
    });
  });

  it("names the original a translation was made from, and only for a translation", () => {
    const [translated, original] = build([
      source("e/a", {
        title: "A",
        date: "1979",
        originalLanguage: "zh",
        translation: { language: "en", translator: "X" },
      }),
      source("e/b", { title: "B", date: "1979", originalLanguage: "zh" }),
    ]).documents;
    expect(jsonLd(citationRecord(translated!), translated!, { locale: "en-US" }).translationOfWork).toEqual({
      "@type": "CreativeWork",
      inLanguage: "zh",
      description: "Chinese original",
    });
    expect(jsonLd(citationRecord(original!), original!, { locale: "en-US" })).not.toHaveProperty("translationOfWork");
  });

  it("gives a location from a page alone", () => {
    const [doc] = build([source("e/d", { title: "T", date: "1979" })]).documents;
    const item: CslItem = { id: "x", type: "manuscript", title: "T", page: "7" };
    expect(jsonLd(item, doc!, { locale: "en-US" }).itemLocation).toBe("pp. 7");
    expect(jsonLd({ ...item, page: undefined }, doc!, { locale: "en-US" })).not.toHaveProperty("itemLocation");
  });
});

describe("the citation record", () => {
  it("carries the date a source was accessed", () => {
    const [doc] = build([
      source("e/d", {
        title: "T",
        date: "1979",
        source: { title: "Archive", url: "https://archive.example.org/", accessed: "2024-01-31" },
      }),
    ]).documents;
    expect(citationRecord(doc!).accessed).toEqual({ "date-parts": [[2024, 1, 31]] });
  });
});

describe("the built-in styles", () => {
  const item = (fields: Partial<CslItem>): CslItem => ({ id: "x", type: "manuscript", title: "T", ...fields });
  const text = (style: Parameters<typeof formatCitation>[0], fields: Partial<CslItem>) =>
    formatCitation(style, { item: item(fields), edition }).text;

  it("name every month in full (Chicago) and abbreviated (MLA)", () => {
    const long = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    const short = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    for (let month = 1; month <= 12; month++) {
      expect(text("chicago-note", { issued: { "date-parts": [[1979, month, 2]] } })).toBe(
        `“T,” ${long[month - 1]} 2, 1979.`,
      );
      expect(text("chicago-note", { issued: { "date-parts": [[1979, month]] } })).toBe(`“T,” ${long[month - 1]} 1979.`);
      expect(text("mla", { issued: { "date-parts": [[1979, month, 2]] } })).toBe(`T. 2 ${short[month - 1]} 1979.`);
    }
  });

  it("mark an approximate date in the archive's style and the edition's", () => {
    const circa = { issued: { "date-parts": [[1979]] as [number][], circa: true } };
    expect(text("archive", circa)).toBe('"T", c. 1979.');
    expect(text("edition", circa)).toBe("“T,” ca. 1979, document 3 in The Talks, ed. An Editor.");
    expect(text("apa", circa)).toBe("T. (ca. 1979).");
  });

  it("list three or more names with a serial comma, and two with a conjunction only", () => {
    const three = [{ literal: "A" }, { literal: "B" }, { literal: "C" }];
    expect(text("chicago-note", { author: three })).toBe("A, B, and C, “T.”");
    expect(text("chicago-note", { author: three.slice(0, 2) })).toBe("A and B, “T.”");
    expect(text("apa", { author: three })).toBe("A, B, & C. (n.d.). T.");
    expect(text("archive", { translator: three })).toBe('"T". Translated by A, B, and C.');
  });

  it("shorten three or more authors or translators to et al. in MLA, and call translators translators", () => {
    const three = [{ literal: "A" }, { literal: "B" }, { literal: "C" }];
    expect(text("mla", { author: three })).toBe("A, et al. T.");
    expect(text("mla", { translator: three })).toBe("A, et al., translators. T.");
    expect(text("mla", { translator: three.slice(0, 2) })).toBe("A and B, translators. T.");
    expect(text("mla", { translator: three.slice(0, 1) })).toBe("A, translator. T.");
    expect(text("mla", { author: [{ literal: "Z" }], translator: three })).toBe("Z. T. Translated by A, et al.");
  });

  it("write a name given as given and family name in that order", () => {
    expect(text("chicago-note", { author: [{ given: "Jane", family: "Doe" }] })).toBe("Jane Doe, “T.”");
  });

  it("end with a full stop unless the last piece already ends a sentence, in roman or italics", () => {
    expect(text("chicago-note", { "container-title": "Digital Archive" })).toBe("“T,” Digital Archive.");
    expect(formatCitation("chicago-note", { item: item({ "container-title": "Archive" }), edition }).html).toBe(
      "“T,” <i>Archive</i>.",
    );
    expect(text("chicago-note", { "container-title": "Is it?" })).toBe("“T,” Is it?");
    expect(text("edition", {})).toBe("“T,” document 3 in The Talks, ed. An Editor.");
    expect(
      formatCitation("edition", { item: item({}), edition: { ...edition, editors: [], publisher: "Press" } }).text,
    ).toBe("“T,” document 3 in The Talks, Press.");
    expect(text("mla", { author: [{ literal: "A. B. Jr." }] })).toBe("A. B. Jr. T.");
  });

  it("make straight quotation marks in a title typographic, an opening one at the start", () => {
    expect(text("chicago-note", { title: 'Report on "Operation X"' })).toBe("“Report on ‘Operation X.’”");
    expect(text("mla", { title: '"Operation X" report' })).toBe("“Operation X” report.");
    expect(text("mla", { title: "The minister's reply" })).toBe("The minister’s reply.");
  });

  it("print a translator in Chicago bibliography and author-date forms", () => {
    const fields = { author: [{ literal: "A" }], translator: [{ literal: "B" }], archive_collection: "RG 59" };
    expect(text("chicago-bibliography", fields)).toBe("A. “T.” Translated by B. RG 59.");
    expect(text("chicago-author-date", { translator: [{ literal: "B" }] })).toBe("B, trans. “T.”");
    expect(text("chicago-note", fields)).toBe("A, “T,” trans. B, RG 59.");
  });

  it("give an archive's call number in parentheses in APA", () => {
    expect(text("apa", { archive: "State Archives", archive_location: "Box 4" })).toBe(
      "T. (n.d.). State Archives (Box 4).",
    );
    expect(text("apa", { archive: "State Archives" })).toBe("T. (n.d.). State Archives.");
  });
});

describe("names, blanks and edges in every output", () => {
  const [doc] = build([source("e/d", { title: "T", date: "1979-04-16" })]).documents;
  const familyOnly: CslItem = {
    id: "f",
    type: "manuscript",
    title: "A  title\n  in two lines",
    author: [{ family: "Doe" }],
    genre: "",
    abstract: "",
    issued: { "date-parts": [[979]] },
  };

  it("write a name given by family name alone without a stray space", () => {
    expect(bibtex(familyOnly)).toContain("author = {{Doe}},");
    expect(ris(familyOnly)).toContain("AU  - Doe\r\n");
    expect(metaTags(metaTagsHtml(familyOnly, doc!, {}).value)).toContainEqual(["citation_author", "Doe"]);
    expect(formatCitation("chicago-note", { item: familyOnly, edition }).text.startsWith("Doe, ")).toBe(true);
  });

  it("fold runs of spaces and line breaks in BibTeX, and leave out empty fields", () => {
    const out = bibtex(familyOnly);
    expect(out).toContain("title = {{A title in two lines}},");
    expect(out).not.toMatch(/type =|abstract =|= \{\},/);
    expect(ris(familyOnly)).not.toMatch(/M3 {2}-|AB {2}-/);
  });

  it("pad a year before 1000 to four digits in RIS, and write no date for a record without one", () => {
    expect(ris(familyOnly)).toContain("DA  - 0979///\r\n");
    const undated = ris({ id: "u", type: "manuscript", title: "T" });
    expect(undated).not.toMatch(/PY|DA/);
  });

  it("take the last page of several ranges as the last page", () => {
    const tags = metaTags(metaTagsHtml({ id: "p", type: "manuscript", title: "T", page: "3-5, 8-9" }, doc!, {}).value);
    expect(tags).toContainEqual(["citation_firstpage", "3"]);
    expect(tags).toContainEqual(["citation_lastpage", "9"]);
  });

  it("escape the paragraph separator in JSON inside a script", () => {
    expect(scriptJson("a\u2029b")).toBe('"a\\u2029b"');
  });

  it("join two names with and in every Chicago form and the edition's editors", () => {
    const two = [{ literal: "A" }, { literal: "B" }];
    const item: CslItem = { id: "x", type: "manuscript", title: "T", author: two, translator: two };
    expect(formatCitation("chicago-note", { item, edition }).text).toBe("A and B, “T,” trans. A and B.");
    expect(formatCitation("chicago-bibliography", { item, edition }).text).toBe("A and B. “T.” Translated by A and B.");
    expect(formatCitation("chicago-author-date", { item: { ...item, author: undefined }, edition }).text).toBe(
      "A and B, trans. “T.”",
    );
    expect(
      formatCitation("edition", {
        item: { id: "x", type: "manuscript", title: "T" },
        edition: { ...edition, editors: ["E", "F"] },
      }).text,
    ).toBe("“T,” document 3 in The Talks, ed. E and F.");
  });
});

describe("quotation marks in a cited title", () => {
  it("curls a plural possessive's apostrophe as an apostrophe, and a quotation's closing mark as a closing mark", () => {
    expect(curlyQuotes("The ministers' reply", "double")).toBe("The ministers’ reply");
    expect(curlyQuotes("Cable, 'Notice on Talks'", "double")).toBe("Cable, “Notice on Talks”");
    expect(curlyQuotes("'Notice' and the ministers' reply", "double")).toBe("“Notice” and the ministers’ reply");
    expect(curlyQuotes('He said "go"', "single")).toBe("He said ‘go’");
  });
});

describe("a site's citations", () => {
  const [doc] = build([source("e/d", { title: "T", date: "1979-04-16", archive: "A" })]).documents;
  const options = { citationStyles: ["archive", "mla", "own"], cslStyles: { own: "own.csl" } };

  it("names each style of citationStyles that is neither built in nor given in cslStyles", () => {
    expect(unknownStyleProblems(options)).toEqual([]);
    expect(unknownStyleProblems({ citationStyles: ["mla", "nope"], cslStyles: {} })).toEqual([
      {
        file: "plugin options",
        field: "citationStyles.1",
        value: "nope",
        expected:
          "a built-in style (archive, chicago-note, chicago-bibliography, chicago-author-date, mla, apa, edition) or a name given in cslStyles",
      },
    ]);
  });

  it("makes a document's record once, and cites it in a built-in style, its own CSL styles, or not at all", () => {
    const citations = new Citations(
      options,
      () => undefined,
      () => (item, style, format) => `${style}:${format}:${item.title}`,
    );
    expect(citations.record(doc!)).toBe(citations.record(doc!));
    expect(citations.cite(doc!, "mla")).toEqual(
      formatCitation("mla", {
        item: citations.record(doc!),
        edition: { editionTitle: doc!.edition.title, editors: [], number: "1" },
      }),
    );
    expect(citations.entries(doc!).map((e) => [e.style, e.label, e.citation.text])).toEqual([
      ["archive", "Archive", citations.cite(doc!, "archive").text],
      ["mla", "MLA", citations.cite(doc!, "mla").text],
      ["own", "own", "own:text:T"],
    ]);
    expect(() => citations.cite(doc!, "nope")).toThrow(
      '[documentary-edition] cite: found the style "nope"; expected a built-in style (archive, chicago-note, chicago-bibliography, chicago-author-date, mla, apa, edition) or a name given in cslStyles',
    );
    // A CSL style named in the options but not loaded yet is not cited.
    expect(() =>
      new Citations(
        options,
        () => undefined,
        () => undefined,
      ).cite(doc!, "own"),
    ).toThrow("own");
  });

  it("gives the edition style the page's absolute URL where the site's URL is known", () => {
    const citations = new Citations(
      options,
      (site) => `https://x.org${site}`,
      () => undefined,
    );
    expect(citations.cite(doc!, "edition").text).toContain(`https://x.org${doc!.url}`);
    expect(
      new Citations(
        options,
        () => undefined,
        () => undefined,
      ).cite(doc!, "edition").text,
    ).not.toContain("https://");
  });
});
