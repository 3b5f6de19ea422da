import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import { bibtex, ris } from "../src/citation/export.js";
import { jsonLd, jsonLdHtml, metaTagsHtml, scriptJson } from "../src/citation/metadata.js";
import { citationRecord, type CslItem } from "../src/citation/record.js";
import { formatCitation } from "../src/citation/styles.js";
import { build, CABLE_PATH, frontMatter, source } from "./helpers/model.js";

const REGISTER = {
  people: { "han-nianlong": { name: "Han Nianlong" }, "le-duan": { name: "Le Duan" } },
  places: {
    hanoi: { name: "Hanoi" },
    fujian: { name: "Fujian" },
    cambodia: { name: "Cambodia" },
    laos: { name: "Laos" },
  },
  subjects: { "sino-vietnamese-relations": { name: "x" }, negotiations: { name: "y" } },
};
const cable = build([source("sino-vietnamese-talks-1979/cable", frontMatter(CABLE_PATH))], [], REGISTER).documents[0]!;
const edition = { editionTitle: "The Talks", editors: ["An Editor"], number: "1" };

const ARCHIVE_CITATION =
  "\"Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam'\", April 16, 1979, Wilson Center Digital Archive, Fujian Provincial Archives, 222-12-287, 10-12. Translated by David Cowhig. https://wilson-center-digital-archive.dvincitest.com/document/291001";

describe("the citation record", () => {
  it("carries the cable's record as CSL-JSON", () => {
    expect(citationRecord(cable)).toEqual({
      id: "sino-vietnamese-talks-1979/cable",
      type: "manuscript",
      title:
        "Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam'",
      issued: { "date-parts": [[1979, 4, 16]] },
      author: [{ literal: "Ministry of Foreign Affairs" }],
      recipient: [
        {
          literal:
            "the foreign affairs bureaus of all provincial, municipal and autonomous region revolutionary committees",
        },
        { literal: "all regional military districts and provincial military districts (copies)" },
      ],
      translator: [{ literal: "David Cowhig" }],
      genre: "Telegram",
      archive: "Fujian Provincial Archives",
      archive_location: "222-12-287",
      page: "10-12",
      language: "en",
      "container-title": "Wilson Center Digital Archive",
      URL: "https://wilson-center-digital-archive.dvincitest.com/document/291001",
      abstract:
        "A report on negotiations between China and Vietnam ongoing in Hanoi. Document outlines China's positions, as well as how China interprets Vietnam's positions, in the talks.",
    });
  });

  it("leaves out an archive, call number or translator marked unknown, in the record and every style and export", () => {
    const [doc] = build([
      source("e/d", {
        title: "T",
        date: "1979-04-16",
        author: "A Ministry",
        archive: "unknown",
        collection: "RG 59",
        callNumber: "unknown",
        translation: { language: "en", translator: "unknown" },
      }),
    ]).documents;
    const item = citationRecord(doc!);
    expect(item).not.toHaveProperty("archive");
    expect(item).not.toHaveProperty("archive_location");
    expect(item).not.toHaveProperty("translator");
    expect(item.archive_collection).toBe("RG 59");
    const outputs = [
      ...(
        ["archive", "chicago-note", "chicago-bibliography", "chicago-author-date", "mla", "apa", "edition"] as const
      ).map((style) => formatCitation(style, { item, edition }).text),
      bibtex(item),
      ris(item),
      JSON.stringify(item),
    ];
    for (const out of outputs) expect(out).not.toMatch(/unknown|null|undefined/i);
  });

  it("marks an approximate, partial date as circa", () => {
    const [doc] = build([source("e/d", { title: "T", date: "1979-04", dateApproximate: true })]).documents;
    expect(citationRecord(doc!).issued).toEqual({ "date-parts": [[1979, 4]], circa: true });
  });
});

describe("the built-in styles", () => {
  it("reproduce the archive's own citation of the cable, character for character", () => {
    expect(formatCitation("archive", { item: citationRecord(cable), edition }).text).toBe(ARCHIVE_CITATION);
  });

  // No CSL file for Chicago notes-bibliography is on the registry: these are the Chicago Manual's
  // patterns for an unpublished document in an archive (CMOS 17, 14.211-14.232), checked by hand.
  it("give Chicago's note and bibliography forms", () => {
    const item = citationRecord(cable);
    expect(formatCitation("chicago-note", { item, edition }).text).toBe(
      "Ministry of Foreign Affairs, “Cable from the Foreign Ministry, ‘Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam,’” telegram, April 16, 1979, trans. David Cowhig, 222-12-287, 10–12, Fujian Provincial Archives, Wilson Center Digital Archive, https://wilson-center-digital-archive.dvincitest.com/document/291001.",
    );
    expect(formatCitation("chicago-bibliography", { item, edition }).text).toBe(
      "Ministry of Foreign Affairs. “Cable from the Foreign Ministry, ‘Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam.’” Telegram, April 16, 1979. Translated by David Cowhig. 222-12-287, 10–12. Fujian Provincial Archives. Wilson Center Digital Archive. https://wilson-center-digital-archive.dvincitest.com/document/291001.",
    );
    const sparse: CslItem = {
      id: "s",
      type: "manuscript",
      title: "Memorandum",
      issued: { "date-parts": [[1979]], circa: true },
    };
    expect(formatCitation("chicago-note", { item: sparse, edition }).text).toBe("“Memorandum,” ca. 1979.");
    expect(formatCitation("chicago-bibliography", { item: sparse, edition }).text).toBe("“Memorandum.” Ca. 1979.");
  });

  it("cite the document as published in this edition", () => {
    const out = formatCitation("edition", {
      item: citationRecord(cable),
      edition: { ...edition, url: "https://edition.example.org/d/" },
    });
    expect(out.text).toBe(
      "“Cable from the Foreign Ministry, ‘Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam,’” April 16, 1979, document 1 in The Talks, ed. An Editor, https://edition.example.org/d/.",
    );
    expect(out.html).toContain("document 1 in <i>The Talks</i>");
  });

  it("leave out what a record lacks, never printing undefined", () => {
    const bare: CslItem = { id: "b", type: "manuscript", title: "Untitled memorandum" };
    for (const style of ["archive", "chicago-note", "chicago-bibliography", "mla", "apa", "edition"] as const) {
      const { text } = formatCitation(style, { item: bare, edition });
      expect(text, style).toContain("Untitled memorandum");
      expect(text, style).not.toMatch(/undefined|null|NaN|\(\)|, ,|\.\./);
    }
    expect(formatCitation("apa", { item: bare, edition }).text).toBe("Untitled memorandum. (n.d.).");
  });

  it("keep an XSS payload in any field inert", () => {
    const payload = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>`;
    const item: CslItem = {
      id: "x",
      type: "manuscript",
      title: payload,
      author: [{ literal: payload }],
      translator: [{ literal: payload }],
      archive: payload,
      archive_location: payload,
      page: payload,
      "container-title": payload,
      genre: payload,
      URL: payload,
      issued: { "date-parts": [[1979]] },
    };
    for (const style of ["archive", "chicago-note", "chicago-bibliography", "mla", "apa", "edition"] as const) {
      const { html } = formatCitation(style, {
        item,
        edition: { ...edition, editionTitle: payload, editors: [payload] },
      });
      expect(html, style).not.toMatch(/<script|<img/);
    }
  });
});

describe("exports", () => {
  const item = citationRecord(cable);
  const fields = (csl: Record<string, unknown>) => ({
    title: csl.title,
    issued: csl.issued,
    page: csl.page,
    URL: csl.URL,
    genre: csl.genre,
    language: csl.language,
    abstract: csl.abstract,
    type: csl.type,
  });

  it("round-trip through citation-js's BibTeX parser into the same fields", () => {
    const [parsed] = new Cite(bibtex(item)).data;
    expect(fields(parsed!)).toEqual(fields(item as never));
    expect(parsed?.author).toEqual([{ family: "Ministry of Foreign Affairs" }]);
    expect(parsed?.translator).toEqual([{ family: "David Cowhig" }]);
    expect(parsed?.["call-number"]).toBe("Fujian Provincial Archives, 222-12-287");
  });

  it("round-trip through citation-js's RIS parser into the same fields", () => {
    const [parsed] = new Cite(ris(item)).data;
    expect(fields(parsed!)).toEqual(fields(item as never));
    expect(parsed?.author).toEqual([{ literal: "Ministry of Foreign Affairs" }]);
    expect(parsed?.["call-number"]).toBe("222-12-287");
  });

  it("round-trip as CSL-JSON", () => {
    const [parsed] = new Cite(JSON.parse(JSON.stringify([item]))).data;
    const { _graph: _g, ...rest } = parsed as Record<string, unknown>;
    expect(rest).toEqual(item);
  });

  it("escape what BibTeX and RIS would read as syntax", () => {
    const tricky: CslItem = {
      id: "a b}",
      type: "manuscript",
      title: "50% of {all} costs & $5 #1 a_b}\n@misc{x,",
      issued: { "date-parts": [[1979]] },
    };
    const out = bibtex(tricky);
    expect(out).toContain("title = {{50\\% of \\{all\\} costs \\& \\$5 \\#1 a\\_b\\} @misc\\{x,}}");
    expect(out.startsWith("@unpublished{a-b-,")).toBe(true);
    expect(new Cite(out).data[0]?.title).toBe("50% of {all} costs & $5 #1 a_b} @misc{x,");
    expect(ris({ ...tricky, title: "Line one\nER  - \nTY  - BOOK" })).toContain("TI  - Line one ER - TY - BOOK");
  });
});

describe("metadata in the head", () => {
  const doc = cable;
  const context = {
    pageUrl: "https://edition.example.org/d/",
    editionUrl: "https://edition.example.org/",
    locale: "en-US",
  };

  it("carries Highwire and Dublin Core tags", () => {
    const tags = metaTagsHtml(citationRecord(doc), doc, context).value;
    for (const tag of [
      '<meta name="citation_title" content="Cable from the Foreign Ministry, &#39;Notice',
      '<meta name="citation_author" content="Ministry of Foreign Affairs">',
      '<meta name="citation_date" content="1979/04/16">',
      '<meta name="citation_publisher" content="Wilson Center Digital Archive">',
      '<meta name="citation_language" content="en">',
      '<meta name="citation_public_url" content="https://edition.example.org/d/">',
      '<meta name="DC.source" content="Fujian Provincial Archives, 222-12-287">',
      '<meta name="DC.contributor" content="David Cowhig">',
    ]) {
      expect(tags).toContain(tag);
    }
  });

  it("carries JSON-LD that parses and has the archive's fields", () => {
    const block = jsonLdHtml(citationRecord(doc), doc, context).value;
    const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*)<\/script>/.exec(block)?.[1] ?? "");
    expect(json).toMatchObject({
      "@type": ["ArchiveComponent", "CreativeWork"],
      holdingArchive: { "@type": "ArchiveOrganization", name: "Fujian Provincial Archives" },
      itemLocation: "222-12-287, pp. 10-12",
      translator: [{ "@type": "Person", name: "David Cowhig" }],
      inLanguage: "en",
      dateCreated: "1979-04-16",
      isPartOf: { "@type": "Collection", url: "https://edition.example.org/" },
      url: "https://edition.example.org/d/",
    });
  });

  it("cannot be broken out of by a payload in any field", () => {
    const payload = `</script><script>alert(1)</script><!--"'&`;
    const [evil] = build([
      source("e/d", {
        title: payload,
        date: "1979",
        author: payload,
        archive: payload,
        callNumber: payload,
        summary: payload,
        translation: { language: "en", translator: payload },
      }),
    ]).documents;
    const item = citationRecord(evil!);
    const block = jsonLdHtml(item, evil!, context).value;
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(block).not.toContain("<!--");
    const json = JSON.parse(/^<script type="application\/ld\+json">(.*)<\/script>\n$/s.exec(block)?.[1] ?? "");
    expect(json.name).toBe(payload);
    expect(metaTagsHtml(item, evil!, context).value).not.toMatch(/<script|content="[^"]*"[^>]*<\//);
    expect(scriptJson("\u2028")).toBe('"\\u2028"');
    expect(jsonLd(item, evil!, context).holdingArchive).toEqual({ "@type": "ArchiveOrganization", name: payload });
  });
});
