import { describe, expect, it } from "vitest";
import { buildEditions, type SourceFile } from "../src/model/edition.js";
import type { OwnFields } from "../src/model/schema.js";
import { nearestName } from "../src/model/fields.js";
import { resolveOptions } from "../src/options.js";
import { checkArguments } from "../src/eleventy/template-api.js";
import { markdown } from "./helpers/markdown.js";
import { errorOf, SETTINGS, source } from "./helpers/model.js";

/** A document as Eleventy gives it: its data, and the keys its own front matter holds. */
const written = (id: string, data: Record<string, unknown>, text = ""): SourceFile => ({
  ...source(id, data),
  frontMatterKeys: Object.keys(data),
  text,
});
const base = { title: "A letter", date: "1979-04-16" };
const REGISTER = {
  people: {
    "han-nianlong": { name: "Han Nianlong" },
    "carrington-lord-peter-alexander-carrington": { name: "Lord Carrington" },
  },
};

const problemsOf = (
  documents: SourceFile[],
  indexes: SourceFile[] = [],
  register: unknown = REGISTER,
  fields?: OwnFields,
) =>
  errorOf(() => buildEditions(documents, indexes, register, { ...SETTINGS, fields }))
    .split("\n")
    .slice(1)
    .map((line) => line.replace(/^ {2}- /, ""));

describe("strict front matter", () => {
  it("names a misspelt field and the field meant", () => {
    expect(
      problemsOf([written("e/a", { ...base, clasification: "Secret", callnumber: "222-12-287", recipient: "Hanoi" })]),
    ).toEqual([
      'editions/e/a.md: clasification: unknown field; did you mean "classification"? (a field of the site\'s own is declared in the plugin\'s "fields.document" option)',
      'editions/e/a.md: callnumber: unknown field; did you mean "callNumber"? (a field of the site\'s own is declared in the plugin\'s "fields.document" option)',
      'editions/e/a.md: recipient: unknown field; did you mean "recipients"? (a field of the site\'s own is declared in the plugin\'s "fields.document" option)',
    ]);
  });

  it("lists the known fields where none is near", () => {
    const [problem] = problemsOf([written("e/a", { ...base, zzzzzz: 1 })]);
    expect(problem).toMatch(
      /^editions\/e\/a\.md: zzzzzz: unknown field; one of the known fields: title, date, dateApproximate, time,/,
    );
  });

  it("leaves the keys Eleventy reads alone, and takes the site's data as it comes", () => {
    const doc = written("e/a", {
      ...base,
      layout: "x.njk",
      permalink: "/a/",
      tags: ["t"],
      eleventyExcludeFromCollections: false,
      eleventyNavigation: { key: "a" },
    });
    // Global and directory data reach a document's data without being its front matter.
    doc.data.site = { title: "S" };
    expect(buildEditions([doc], [], REGISTER, SETTINGS).documents).toHaveLength(1);
  });

  it("refuses the keys markdown-it-footnote takes for its own", () => {
    expect(problemsOf([written("e/a", { ...base, footnotes: "x", docId: "y" })])).toEqual([
      "editions/e/a.md: footnotes: unknown field; another name: this one is reserved (markdown-it-footnote keeps a page's notes under this name); declare the new name in the plugin's \"fields.document\" option",
      "editions/e/a.md: docId: unknown field; another name: this one is reserved (markdown-it-footnote makes the page's note ids from it); declare the new name in the plugin's \"fields.document\" option",
    ]);
  });

  it("checks an edition's index file and a register entry as strictly", () => {
    const index = { ...written("e/index", { title: "E", edtors: ["A"] }) };
    const register = { people: { x: { name: "X", identifcation: "Minister" } } };
    expect(problemsOf([], [index], register)).toEqual([
      '_data/register/people.json: x.identifcation: unknown field; did you mean "identification"? (a field of the site\'s own is declared in the plugin\'s "fields.register" option)',
      'editions/e/index.md: edtors: unknown field; did you mean "editors"? (a field of the site\'s own is declared in the plugin\'s "fields.edition" option)',
    ]);
  });

  it("takes the fields a site declares, checks their types and gives their values to the model", () => {
    const fields: OwnFields = {
      document: { volume: "number", series: { type: "text", required: true } },
      edition: { isbn: "text" },
      register: { viaf: "url" },
    };
    const register = { people: { x: { name: "X", viaf: "https://viaf.org/viaf/1" } } };
    const model = buildEditions(
      [written("e/a", { ...base, volume: 19, series: "FRUS", people: ["x"] })],
      [written("e/index", { title: "E", isbn: "978-0" })],
      register,
      { ...SETTINGS, fields },
    );
    const doc = model.documents[0] as unknown as Record<string, unknown>;
    expect([doc.volume, doc.series]).toEqual([19, "FRUS"]);
    expect((model.editions[0] as unknown as Record<string, unknown>).isbn).toBe("978-0");
    expect(model.register.people?.x?.viaf).toBe("https://viaf.org/viaf/1");
    expect(problemsOf([written("e/a", { ...base, volume: "ten" })], [], register, fields)).toEqual([
      'editions/e/a.md: volume: found "ten"; expected a number',
      "editions/e/a.md: series: found nothing (the field is missing); expected text",
    ]);
  });

  it("refuses an own field that would shadow one of the plugin's, or of an unknown type", () => {
    expect(errorOf(() => resolveOptions({ fields: { document: { title: "text" } } }))).toContain(
      'plugin options: fields.document.title: found "text"; expected another name than "title", which is already a field of the plugin\'s, Eleventy\'s or reserved',
    );
    expect(errorOf(() => resolveOptions({ fields: { document: { x: "string" } } }))).toContain(
      'plugin options: fields.document.x: found "string"; expected a field type (text, list, number, boolean, date, url), or { type, required }',
    );
  });

  it("suggests only a near name", () => {
    expect(nearestName("tpye", ["type", "title"])).toBe("type");
    expect(nearestName("prev", ["previous", "next"])).toBe("previous");
    expect(nearestName("page", ["base", "document"])).toBeUndefined();
  });
});

describe("mentions wherever an editor writes them", () => {
  it("reads keys of any length", () => {
    const key = "carrington-lord-peter-alexander-carrington";
    const model = buildEditions(
      [written("e/a", base, `Text {person ${key}: Lord Carrington}.`)],
      [],
      REGISTER,
      SETTINGS,
    );
    expect(model.editions[0]?.register.map((use) => [use.key, use.mentions.length])).toEqual([[key, 1]]);
    expect(markdown().render(`{person ${key}: Lord Carrington}`)).toContain(">Lord Carrington</span>");
  });

  it("checks mentions in the source note and the summary, and counts them", () => {
    expect(
      problemsOf([
        written("e/a", {
          ...base,
          sourceNote: "Copy given by {person nobody: Someone}.",
          summary: "On {person nobody-else: X}.",
        }),
      ]),
    ).toEqual([
      'editions/e/a.md: sourceNote (line 1 of the field): found "nobody"; expected a key of the people register in _data/register/people.* (han-nianlong, carrington-lord-peter-alexander-carrington)',
      'editions/e/a.md: summary (line 1 of the field): found "nobody-else"; expected a key of the people register in _data/register/people.* (han-nianlong, carrington-lord-peter-alexander-carrington)',
    ]);
    const model = buildEditions(
      [
        written(
          "e/a",
          {
            ...base,
            sourceNote: "See {person han-nianlong: Han}.",
            summary: "Talks with {person carrington-lord-peter-alexander-carrington: Lord Carrington}.",
          },
          "{person han-nianlong: Han} spoke.",
        ),
      ],
      [],
      REGISTER,
      SETTINGS,
    );
    const [doc] = model.documents;
    // The summary is shown as plain text: its mention is reduced to its words, and lists the document under the entry.
    expect(doc?.summary).toBe("Talks with Lord Carrington.");
    const uses = Object.fromEntries(model.editions[0]!.register.map((use) => [use.key, use]));
    expect(uses["han-nianlong"]?.mentions.map((m) => m.anchor)).toEqual([
      "e-a-person-han-nianlong-1",
      "e-a-person-han-nianlong-2",
    ]);
    expect(uses["carrington-lord-peter-alexander-carrington"]?.documents).toEqual([doc]);
  });

  it("checks and counts mentions in an edition's introduction", () => {
    const index = written(
      "e/index",
      { title: "E" },
      "An introduction on {person han-nianlong: Han}.\n\nAnd {person nobody: X}.",
    );
    expect(problemsOf([], [index])[0]).toBe(
      'editions/e/index.md: line 3: found "nobody"; expected a key of the people register in _data/register/people.* (han-nianlong, carrington-lord-peter-alexander-carrington)',
    );
    index.text = "An introduction on {person han-nianlong: Han}.";
    index.data.summary = "On {person nobody: X}.";
    expect(problemsOf([], [index])).toEqual([
      'editions/e/index.md: summary (line 1 of the field): found "nobody"; expected a key of the people register in _data/register/people.* (han-nianlong, carrington-lord-peter-alexander-carrington)',
    ]);
    index.data.summary = "On {person han-nianlong: Han Nianlong}.";
    expect(buildEditions([], [index], REGISTER, SETTINGS).editions[0]?.summary).toBe("On Han Nianlong.");
    const model = buildEditions([written("e/a", base)], [index], REGISTER, SETTINGS);
    expect(model.editions[0]?.register[0]?.introduction).toEqual([
      { anchor: "e-index-person-han-nianlong-1", occurrence: 1 },
    ]);
    // The introduction's mentions alone give the edition a register page.
    expect(model.editions[0]?.registerUrl).toBe(`${model.editions[0]?.url}register/`);
  });
});

describe("notes that would be lost", () => {
  const problems = (src: string) => {
    const found: string[] = [];
    const md = markdown(undefined, (_env, list) => found.push(...list.map((p) => p.message)));
    md.render(src);
    return found;
  };

  it("reports a reference to a note never defined, a note defined twice and a note never referenced", () => {
    expect(problems("Text[^meeting] and[^a].\n\n[^a]: One.\n\n[^a]: Two.\n\n[^b]: Never referenced.")).toEqual([
      'line 5: found "[^a]:"; expected each note\'s label once: a second note "a" is defined here (give it a label of its own)',
      'line 7: found "[^b]:"; expected a reference [^b] to this note in the text (a note never referenced is not printed)',
      'line 1: found "[^meeting]"; expected a note defined for this reference: a line "[^meeting]: …" after the text (write \\[^ for literal text)',
    ]);
  });

  it("leaves an escaped reference and a well-made note alone", () => {
    expect(problems("Text \\[^x] and a note.[^1]\n\n[^1]: The note.")).toEqual([]);
  });

  it("reports every malformed mark of a text, not only the first", () => {
    expect(problems("{suplied: a}\n\n{supplied: b")).toEqual([
      'line 1: found "{suplied: a}"; expected a transcription mark: one of supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline (write \\{ for a literal brace)',
      'line 3: found "{supplied: b"; expected a closing } for the supplied mark in the same paragraph',
    ]);
  });
});

describe("the arguments of shortcodes and filters", () => {
  const model = buildEditions([written("e/a", base)], [], REGISTER, SETTINGS);
  const page = { inputPath: "./_includes/own.njk" };
  const fails = (fn: () => unknown) => errorOf(fn).split("\n")[1];

  it("takes what each needs, optional arguments left out as undefined", () => {
    expect(checkArguments("documentTime", [model.documents[0]], page)).toEqual([model.documents[0]]);
    expect(checkArguments("editionList", [model.editions], page)).toEqual([model.editions]);
    expect(checkArguments("bibtex", [model.editions[0]], page)).toEqual([model.editions[0]]);
    expect(checkArguments("bibtex", [model.documents], page)).toEqual([model.documents]);
    expect(checkArguments("cite", [model.documents[0], "mla"], page)).toEqual([model.documents[0], "mla", undefined]);
    expect(checkArguments("documentFeed", ["", "Site"], page)).toEqual([undefined, "Site"]);
    expect(checkArguments("telegramHeader", ["precedence", "Flash"], page)).toEqual(["precedence", "Flash"]);
  });

  it("names the shortcode or filter, the template's page, what it was given and what it needs", () => {
    expect(fails(() => checkArguments("cite", [undefined], page))).toBe(
      "  - _includes/own.njk: filter cite: found nothing; expected a document, as `page | documentOf` gives it",
    );
    expect(fails(() => checkArguments("editionContents", [model.documents[0]], page))).toBe(
      "  - _includes/own.njk: shortcode editionContents: found an object of another kind; expected an edition or a part of one, as `page | editionOf` or `page | partOf` gives it",
    );
    expect(fails(() => checkArguments("bibtex", ["x"], page))).toBe(
      '  - _includes/own.njk: filter bibtex: found "x"; expected a document, an edition, or a list of documents',
    );
    expect(fails(() => checkArguments("cite", [model.documents[0], 3], page))).toBe(
      "  - _includes/own.njk: filter cite: found 3; expected text",
    );
    expect(fails(() => checkArguments("chronologyList", [undefined], page))).toBe(
      "  - _includes/own.njk: shortcode chronologyList: found nothing; expected a list, as the collection named in the README gives it",
    );
    expect(fails(() => checkArguments("indexList", ["x"], page))).toBe(
      '  - _includes/own.njk: shortcode indexList: found "x"; expected an object, as the pagination named in the README gives it',
    );
  });
});
