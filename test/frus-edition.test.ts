// Issue 17: the FRUS sample edition (editions/frus1969-76v19p1) against the Office of the Historian's
// TEI it was transcribed from (../shared/sources/frus/frus1969-76v19p1-excerpt.xml). Both files are
// read with fast-xml-parser, keeping mixed content in order; each of the 12 documents' TEI export is
// compared with the source: its number, title, every paragraph, list item, dateline, salutation and
// signature word for word, its notes and their numbers (the source note is 1), its printed-volume page
// breaks, its cross-references, and its chapter.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildSite, type BuiltSite } from "./helpers/site.js";

const SOURCE = "../shared/sources/frus/frus1969-76v19p1-excerpt.xml";
const EDITION = "editions/frus1969-76v19p1";
const VOLUME_URL = "https://history.state.gov/historicaldocuments/frus1969-76v19p1/";
const NUMBERS = ["44", "45", "46", "47", "48", "49", "50", "52", "54", "56", "57", "58"];

// ---- XML as fast-xml-parser gives it with preserveOrder: a node is { tag: children, ":@": attributes }.

type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Text as written: "1." stays a label, not the number 1; whitespace is the normaliser's to judge.
  parseTagValue: false,
  trimValues: false,
});
const parseXml = (xml: string) => parser.parse(xml) as XmlNode[];

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ":@") as string;
const childrenOf = (node: XmlNode) => (tagOf(node) === "#text" ? [] : ((node[tagOf(node)] as XmlNode[]) ?? []));
const attr = (node: XmlNode, name: string) => node[":@"]?.[name];
const textOf = (node: XmlNode) => {
  const text = node["#text"];
  return typeof text === "string" ? text : "";
};

/** Every element of this name, depth first, in document order. */
function findAll(nodes: XmlNode[], tag: string, out: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    findAll(childrenOf(node), tag, out);
  }
  return out;
}
const first = (nodes: XmlNode[], tag: string) => findAll(nodes, tag)[0];

/**
 * Whitespace normalised: runs of whitespace as one space, none at the ends, and none left before
 * closing punctuation or after opening punctuation, where the source's pretty-printing (an element
 * closed on the next line) puts a line break the printed text does not have ("Park\n</hi>.").
 */
export const normalise = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/ (?=[.,;:!?’”)\]])/g, "")
    .replace(/(?<=[([“‘]) /g, "")
    .trim();

// ---- What a document holds, read the same way from the source and from the export.

interface Note {
  n: string | undefined;
  type: string | undefined;
  text: string;
  refs: Ref[];
}
interface Ref {
  text: string;
  target: string;
}
interface Content {
  /** Paragraphs, list items (with their labels), datelines, salutations, signatures: their text. */
  blocks: string[];
  notes: Note[];
  /** The page breaks' @n, in order. */
  pages: string[];
  refs: Ref[];
}

const BLOCKS = new Set([
  "p",
  "item",
  "dateline",
  "salute",
  "signed",
  "opener",
  "closer",
  "ab",
  "head",
  "quote",
  "cell",
]);

/**
 * Reads mixed content into blocks: each block element starts and ends a block, and so does a line
 * break (a closer's "F.T. Unger<lb/>Lieutenant General"). A note is read on its own, not into the
 * text it hangs on. A list item's label goes before its text: the source's `<label>1.</label>`, or
 * in the export the number of an item of a numbered list (`<list rend="numbered">`), which is what a
 * Markdown list "1." prints.
 */
class Reader {
  readonly content: Content = { blocks: [], notes: [], pages: [], refs: [] };
  private buffer = "";
  /** A list item's label, waiting for the item's first block (which may be a paragraph inside it). */
  private label = "";

  constructor(private readonly skip: (node: XmlNode) => boolean = () => false) {}

  read(nodes: XmlNode[]): Content {
    for (const node of nodes) this.node(node);
    this.flush();
    return this.content;
  }

  private flush() {
    const text = normalise(this.buffer);
    if (text) {
      this.content.blocks.push(this.label ? `${this.label} ${text}` : text);
      this.label = "";
    }
    this.buffer = "";
  }

  private node(node: XmlNode) {
    const tag = tagOf(node);
    if (this.skip(node)) return;
    if (tag === "#text") this.buffer += textOf(node);
    else if (tag === "note") this.note(node);
    else if (tag === "pb") {
      this.content.pages.push(attr(node, "n") ?? "");
      this.buffer += " ";
    } else if (tag === "lb") this.flush();
    else if (tag === "list") this.list(node);
    else if (tag === "ref") {
      const start = this.buffer.length;
      for (const child of childrenOf(node)) this.node(child);
      this.content.refs.push({ text: normalise(this.buffer.slice(start)), target: attr(node, "target") ?? "" });
    } else if (BLOCKS.has(tag)) {
      this.flush();
      for (const child of childrenOf(node)) this.node(child);
      this.flush();
    } else for (const child of childrenOf(node)) this.node(child);
  }

  private note(node: XmlNode) {
    const inner = new Reader(this.skip).read(childrenOf(node));
    this.content.notes.push(
      { n: attr(node, "n"), type: attr(node, "type"), text: inner.blocks.join(" "), refs: inner.refs },
      ...inner.notes,
    );
    this.content.pages.push(...inner.pages);
  }

  private list(node: XmlNode) {
    this.flush();
    const numbered = attr(node, "rend") === "numbered";
    let label = "";
    let count = 0;
    for (const child of childrenOf(node)) {
      const tag = tagOf(child);
      if (tag === "label") label = normalise(new Reader().read(childrenOf(child)).blocks.join(" "));
      else if (tag === "item") {
        count++;
        this.flush();
        this.label = numbered ? `${count}.` : label;
        label = "";
        for (const grandchild of childrenOf(child)) this.node(grandchild);
        this.flush();
        this.label = "";
      } else this.node(child);
    }
    this.flush();
  }
}

// ---- The source: the 12 documents, their chapters, and the page breaks that come before each.

interface SourceDocument {
  number: string;
  chapter: { id: string; head: string };
  title: string;
  /** The items of the lists FRUS prints above the text (SUBJECT, PARTICIPANTS, TO): front matter in the edition. */
  listed: { type: string; items: string[] }[];
  content: Content;
}

const HEADED_LISTS = new Set(["subject", "participants", "to"]);
const isHeadedList = (node: XmlNode) => tagOf(node) === "list" && HEADED_LISTS.has(attr(node, "type") ?? "");

function readSource(): { documents: SourceDocument[]; compilation: string } {
  const tei = parseXml(readFileSync(SOURCE, "utf8"));
  const body = first(tei, "body") as XmlNode;
  const compilation = first(childrenOf(body), "div") as XmlNode;
  const documents: SourceDocument[] = [];
  // A page break between documents belongs to the document it comes before (the volume prints it there).
  let pending: string[] = [];
  const visit = (nodes: XmlNode[], chapter: SourceDocument["chapter"]) => {
    for (const node of nodes) {
      if (tagOf(node) === "pb") pending.push(attr(node, "n") ?? "");
      if (tagOf(node) !== "div") continue;
      const head = childrenOf(node).find((child) => tagOf(child) === "head") as XmlNode;
      if (attr(node, "type") === "document") {
        const content = new Reader((n) => n === head || isHeadedList(n)).read(childrenOf(node));
        const headContent = new Reader().read(childrenOf(head));
        content.notes.unshift(...headContent.notes);
        content.pages.unshift(...pending);
        pending = [];
        documents.push({
          number: attr(node, "n") ?? "",
          chapter,
          title: headContent.blocks.join(" ").replace(/^\d+[a-z]?\. /, ""),
          listed: childrenOf(node)
            .filter(isHeadedList)
            .map((list) => ({
              type: attr(list, "type") ?? "",
              items: childrenOf(list)
                .filter((child) => tagOf(child) === "item")
                .map((item) => new Reader().read(childrenOf(item)).blocks.join(" ")),
            })),
          content,
        });
      } else {
        const here = { id: attr(node, "xml:id") ?? "", head: new Reader().read(childrenOf(head)).blocks.join(" ") };
        visit(childrenOf(node), attr(node, "type") === "chapter" ? here : chapter);
      }
    }
  };
  visit(childrenOf(compilation), { id: "", head: "" });
  const compilationHead = childrenOf(compilation).find((child) => tagOf(child) === "head") as XmlNode;
  return { documents, compilation: new Reader().read(childrenOf(compilationHead)).blocks.join(" ") };
}

// ---- The export: each document's document.xml, found by the number its header gives.

interface Exported {
  number: string;
  url: string;
  title: string;
  /** The whole file's text, header included, normalised: where the listed items may stand. */
  allText: string;
  content: Content;
}

function readExport(file: string, output: string): Exported {
  const tei = parseXml(readFileSync(file, "utf8"));
  const idno = findAll(tei, "idno").find((node) => attr(node, "type") === "document");
  const titleStmt = first(tei, "titleStmt");
  const title = titleStmt ? first(childrenOf(titleStmt), "title") : undefined;
  const body = first(tei, "body");
  const all = new Reader().read(tei);
  return {
    number: idno ? new Reader().read(childrenOf(idno)).blocks.join(" ") : "",
    url: `/${path.relative(output, path.dirname(file)).split(path.sep).join("/")}/`,
    title: title ? new Reader().read(childrenOf(title)).blocks.join(" ") : "",
    allText: normalise([...all.blocks, ...all.notes.map((note) => note.text)].join(" ")),
    content: new Reader().read(body ? childrenOf(body) : []),
  };
}

function teiFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => path.basename(file) === "document.xml")
    .map((file) => path.join(dir, file));
}

/** The export's blocks less those that print the listed items (SUBJECT, PARTICIPANTS, TO) wherever the layout puts them. */
function textBlocks(exported: Exported, source: SourceDocument): string[] {
  const listed = source.listed.flatMap((list) => [...list.items, list.items.join(" ")]);
  return exported.content.blocks.filter((block) => {
    const bare = block.replace(/^(subject|participants|to|place)\s*:?\s*/i, "");
    return !(bare === "" || listed.includes(bare) || (block === "Washington" && source.number === "54"));
  });
}

/** Each difference between two lists of texts, as "what, item n: expected … found …". */
function differences(what: string, expected: string[], found: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(expected.length, found.length); i++) {
    if (expected[i] !== found[i]) {
      out.push(
        `${what} ${i + 1}: expected ${JSON.stringify(expected[i] ?? "(none)")}, found ${JSON.stringify(found[i] ?? "(none)")}`,
      );
    }
  }
  return out;
}

const { documents, compilation } = readSource();
const byNumber = new Map(documents.map((doc) => [doc.number, doc]));

describe("the FRUS source, as this test reads it", () => {
  it("reads the 12 documents of the excerpt from the source, in two chapters", () => {
    expect(documents.map((doc) => doc.number)).toEqual(NUMBERS);
    expect(compilation).toBe("Korea");
    expect(documents.map((doc) => doc.chapter.id)).toEqual(["ch1", ...NUMBERS.slice(1).map(() => "ch2")]);
    // The reader keeps mixed content in order: a paragraph's text, then its list's items with their labels.
    expect(byNumber.get("49")?.content.blocks.slice(0, 4)).toEqual([
      "Washington, January 29, 1970, 1638Z.",
      "13877. Subject: MAP and U.S. Force Levels.",
      expect.stringMatching(
        /^1\. DOD reports that during Secretary’s meeting with Ambassador Kim January 20 conversation/,
      ),
      "A. Pressures for reduction of our forces in Korea are increasing.",
    ]);
  });
});

describe("the FRUS sample edition, against the Office of the Historian's TEI (issue 17)", () => {
  let site: BuiltSite;
  let exported: Map<string, Exported>;
  beforeAll(async () => {
    site = await buildSite(".", ".eleventy.js");
    const files = teiFiles(path.join(site.output, EDITION));
    exported = new Map(files.map((file) => readExport(file, site.output)).map((doc) => [doc.number, doc]));
  }, 120_000);

  /** The document's export, or a failure naming what was looked for and what there is. */
  const exportOf = (number: string): Exported => {
    const found = exported.get(number);
    if (!found) {
      throw new Error(
        `document ${number}: no document.xml under ${EDITION} has <idno type="document">${number}</idno>; ` +
          `the numbers found: ${[...exported.keys()].join(", ") || "none"}`,
      );
    }
    return found;
  };

  it("exports each of the 12 documents, and no other, with FRUS's number", () => {
    expect([...exported.keys()].sort(), 'the numbers in the documents\' <idno type="document">').toEqual(NUMBERS);
  });

  it.each(NUMBERS)(
    "document %s: the title, and every paragraph, list item, dateline and closer word for word",
    (number) => {
      const source = byNumber.get(number) as SourceDocument;
      const doc = exportOf(number);
      const problems = [
        ...differences(`document ${number}, title`, [source.title], [doc.title]),
        ...differences(`document ${number}, block`, source.content.blocks, textBlocks(doc, source)),
      ];
      for (const list of source.listed) {
        for (const item of list.items) {
          if (!doc.allText.includes(item))
            problems.push(`document ${number}, ${list.type}: "${item}" is not in the export`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(NUMBERS)(
    "document %s: every note numbered as FRUS numbers it, the source note as 1, word for word",
    (number) => {
      const source = byNumber.get(number) as SourceDocument;
      const notes = exportOf(number).content.notes;
      const problems = [
        ...differences(
          `document ${number}, note number at position`,
          source.content.notes.map((note) => note.n ?? "(none)"),
          notes.map((note) => note.n ?? "(none)"),
        ),
        ...differences(
          `document ${number}, text of note at position`,
          source.content.notes.map((note) => `${note.n}: ${note.text}`),
          notes.map((note) => `${note.n}: ${note.text}`),
        ),
      ];
      const sourceNote = notes.find((note) => note.type === "source");
      if (source.content.notes[0]?.type === "source" && sourceNote?.n !== "1") {
        problems.push(`document ${number}: the source note's n is ${sourceNote?.n ?? "missing"}; expected 1`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(NUMBERS)("document %s: the printed volume's page breaks, in order", (number) => {
    const source = byNumber.get(number) as SourceDocument;
    expect(exportOf(number).content.pages, `document ${number}: the <pb n> of the printed volume`).toEqual(
      source.content.pages,
    );
  });

  it.each(NUMBERS)("document %s: cross-references to the excerpt's documents and to the volume online", (number) => {
    const source = byNumber.get(number) as SourceDocument;
    const doc = exportOf(number);
    const refs = (content: Content) => [...content.refs, ...content.notes.flatMap((note) => note.refs)];
    const found = refs(doc.content);
    const problems: string[] = [];
    refs(source.content).forEach((ref, i) => {
      const target = ref.target.replace(/^#/, "");
      const inExcerpt = NUMBERS.includes(target.replace(/^d/, ""));
      const got = found[i];
      const ok =
        got?.text === ref.text &&
        (inExcerpt
          ? new RegExp(`(^|[/#-])${target}(/|$|#)`).test(got.target)
          : got.target === `${VOLUME_URL}${target}`);
      if (!ok) {
        problems.push(
          `document ${number}, reference ${i + 1}: expected "${ref.text}" to ${inExcerpt ? `document ${target.slice(1)} of the edition` : VOLUME_URL + target}, ` +
            `found ${got ? `"${got.text}" to ${got.target}` : "none"}`,
        );
      }
    });
    if (found.length > refs(source.content).length)
      problems.push(`document ${number}: ${found.length} references; expected ${refs(source.content).length}`);
    expect(problems).toEqual([]);
  });

  it("puts each document in its chapter, each chapter in the compilation", () => {
    const problems: string[] = [];
    const compilationPage = site.read(`/${EDITION}/comp1/`);
    if (!compilationPage.includes(compilation))
      problems.push(`comp1: the page does not give the title "${compilation}"`);
    for (const chapter of ["ch1", "ch2"]) {
      const page = site.read(`/${EDITION}/comp1/${chapter}/`);
      const members = documents.filter((doc) => doc.chapter.id === chapter);
      const head = members[0]?.chapter.head ?? "";
      if (!page.includes(head)) problems.push(`${chapter}: the page does not give the title "${head}"`);
      for (const doc of documents) {
        const url = exported.get(doc.number)?.url;
        if (!url) {
          problems.push(`document ${doc.number}: not exported, so not found in ${chapter}`);
          continue;
        }
        const linked = page.includes(`href="${url}"`);
        if (doc.chapter.id === chapter && !linked)
          problems.push(`${chapter}: no link to document ${doc.number} (${url})`);
        if (doc.chapter.id !== chapter && linked)
          problems.push(`${chapter}: links to document ${doc.number} of ${doc.chapter.id}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
