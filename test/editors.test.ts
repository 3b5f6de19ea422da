// An edition's editors with their roles: the front matter, the edition page, the citations, the
// exports and the TEI header.
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import { Citations } from "../src/citation/citations.js";
import { bibtex, ris } from "../src/citation/export.js";
import { citationRecord } from "../src/citation/record.js";
import { jsonSchemas } from "../src/model/schema.js";
import { seriesEditors, volumeEditors } from "../src/model/editors.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { editionEditorsHtml, editionEditorsText } from "../src/render/editors.js";
import { teiCorpusStart, teiDocument } from "../src/tei/document.js";
import { markdown } from "./helpers/markdown.js";
import { build, errorOf, source } from "./helpers/model.js";

const FRUS = [
  { name: "Daniel J. Lawler", role: "editor" },
  "Erin R. Mahan",
  { name: "Edward C. Keefer", role: "general editor" },
];
const withEditors = (editors: unknown) =>
  build(
    [source("frus/d54", { title: "Memorandum of Conversation", date: "1970-03-03" })],
    [source("frus/index", { title: "FRUS 1969–1976, Volume XIX", editors })],
  );
const doc = withEditors(FRUS).documents[0]!;
const context = { locale: "en-US", labels: DEFAULT_LABELS };

describe("an edition's editors in its front matter", () => {
  it("are names, groups with a name and a role, or both, kept as { name, role }", () => {
    expect(doc.edition.editors).toEqual([
      { name: "Daniel J. Lawler", role: "editor" },
      { name: "Erin R. Mahan" },
      { name: "Edward C. Keefer", role: "general editor" },
    ]);
    expect(withEditors("Erin R. Mahan").editions[0]!.editors).toEqual([{ name: "Erin R. Mahan" }]);
    expect(withEditors({ name: "E", role: "primary editor" }).editions[0]!.editors).toEqual([
      { name: "E", role: "primary editor" },
    ]);
  });

  it("tell the editors of the volume from the series' general editor by role", () => {
    const editors = [
      ...doc.edition.editors,
      { name: "P", role: "Primary Editor" },
      { name: "R", role: "research assistant" },
    ];
    expect(volumeEditors(editors).map((e) => e.name)).toEqual(["Daniel J. Lawler", "Erin R. Mahan", "P"]);
    expect(seriesEditors(editors).map((e) => e.name)).toEqual(["Edward C. Keefer"]);
  });

  it.each([
    [[{ role: "editor" }], "editors.0.name: found nothing (the field is missing); expected the editor's name, as text"],
    [
      ["A", { name: " ", role: "editor" }],
      'editors.1.name: found " "; expected the editor\'s name, as text that is not empty',
    ],
    [[{ name: "A", rol: "editor" }], 'editors.0.rol: unknown field; did you mean "role"?'],
    [[{ name: "A", role: 3 }], "editors.0.role: found 3; expected text"],
    [[3], "editors.0: found 3; expected a name, or a group with name and role"],
    [[], "editors: found []; expected a name, or a group with name and role, or a list of them"],
  ])("refuse %j, naming the file, the field and what is expected", (editors, message) => {
    expect(errorOf(() => withEditors(editors))).toContain(`  - editions/frus/index.md: ${message}`);
  });

  it("are published in the JSON Schema as a name, a group, or a list of them", () => {
    const schema = jsonSchemas({ documentTypes: ["other"] }).edition.properties!.editors as {
      anyOf: { anyOf?: unknown[]; type?: string; items?: unknown }[];
    };
    expect(schema.anyOf.map((s) => s.type ?? "one")).toEqual(["one", "array"]);
    expect(JSON.stringify(schema)).toContain('"required":["name"],"additionalProperties":false');
  });
});

describe("the edition page's editors", () => {
  it("name the volume's editors, then each other role with its names", () => {
    expect(editionEditorsText(doc.edition.editors, context)).toBe(
      "Edited by Daniel J. Lawler and Erin R. Mahan; general editor: Edward C. Keefer",
    );
    expect(
      editionEditorsText(
        [
          { name: "A", role: "general editor" },
          { name: "B", role: "primary editor" },
          { name: "C", role: "general editor" },
        ],
        context,
      ),
    ).toBe("General editor: A and C; primary editor: B");
    expect(editionEditorsText([{ name: "A" }, { name: "B" }, { name: "C" }], { ...context, locale: "fr" })).toBe(
      "Edited by A, B et C",
    );
    expect(editionEditorsHtml([{ name: "<A>" }], context).value).toBe('<p class="de-editors">Edited by &lt;A&gt;</p>');
    expect(editionEditorsHtml([], context).value).toBe("");
  });
});

describe("citations of a document of an edition with a general editor", () => {
  it("name the volume's editors in the edition style, not the general editor", () => {
    const citations = new Citations(
      { citationStyles: ["edition"], cslStyles: {} },
      () => undefined,
      () => undefined,
    );
    expect(citations.cite(doc, "edition").text).toBe(
      "“Memorandum of Conversation,” March 3, 1970, document 1 in FRUS 1969–1976, Volume XIX, ed. Daniel J. Lawler and Erin R. Mahan.",
    );
  });

  it("leave the record of the archival document without editors: it is the source's record, not this edition's", () => {
    const item = citationRecord(doc);
    expect(item).not.toHaveProperty("editor");
    expect(bibtex(item)).not.toContain("editor");
    expect(ris(item)).not.toMatch(/^(ED|A3) {2}- /m);
  });
});

describe("the TEI header's editors", () => {
  it("carry their roles as one word, and the respStmt names the volume's editors", () => {
    const settings = {
      labels: DEFAULT_LABELS,
      locale: "en-US",
      pageUrl: "https://x.org/",
      dateText: "",
      marksUsed: new Set<string>(),
    };
    const tei = teiDocument(doc, markdown(undefined, () => undefined).parse("Text.", "d"), settings);
    expect(tei).toContain(
      '<editor role="editor">Daniel J. Lawler</editor><editor>Erin R. Mahan</editor><editor role="general-editor">Edward C. Keefer</editor>',
    );
    expect(tei).toContain(
      "<resp>edited and annotated by</resp><name>Daniel J. Lawler</name><name>Erin R. Mahan</name></respStmt>",
    );
    expect(teiCorpusStart(doc.edition, { pageUrl: "https://x.org/" })).toContain(
      '<editor role="general-editor">Edward C. Keefer</editor>',
    );
  });
});
