// The round trip: the FRUS fixture, imported by `documentary-edition import-tei` into a site set up
// as the sample site is and built, gives the pages of the hand-made edition of the same twelve
// documents (editions/frus1969-76v19p1, built in a child process: two different sites built in one
// process share Nunjucks' cached partials). Compared on the built pages, through an HTML parser:
// each document's number, title, place in the volume, text block by block with its printed page
// breaks and note references, notes, and record; the edition's contents, chapters and register.
// What the hand-made edition adds on purpose is asserted as a difference, not skipped. The imported
// edition's TEI is valid tei_all and its pages pass html-validate.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blocks, documentHeader, notes, one, parsePage, record, type Block } from "./helpers/html.js";
import { DOCUMENTS, EDITION, FIXTURE, importedSite } from "./helpers/imported.js";
import { checkJing, jing, teiFiles } from "./helpers/jing.js";
import { buildSite, tempDir } from "./helpers/site.js";
import { problems } from "./helpers/validity.js";

const jingAvailable = checkJing();

let imported: string;
let sample: string;
let printed: string;

beforeAll(async () => {
  const site = importedSite();
  printed = site.printed;
  imported = (await buildSite(site.input, site.config)).output;
  sample = tempDir();
  execFileSync("npx", ["@11ty/eleventy", "--quiet", `--output=${sample}`], { stdio: ["ignore", "pipe", "pipe"] });
}, 240_000);

/** Each document's notes: the source note (1, FRUS's numbering) and the numbered notes of its text. */
const source = "1 de-source-note";
const editorial = (...numbers: number[]) => numbers.map((n) => `${n} de-note-editorial`);
const NOTES: Record<string, string[]> = {
  "44": [],
  "45": [source],
  "46": [source, ...editorial(2, 3)],
  "47": [source, ...editorial(2, 3, 4, 5)],
  "48": [source, ...editorial(2, 3, 4)],
  "49": [source, ...editorial(2, 3)],
  "50": [source, ...editorial(2, 3, 4)],
  "52": [source, ...editorial(2, 3, 4)],
  "54": [source, ...editorial(2)],
  "56": [source, ...editorial(2, 3, 4)],
  "57": [source, ...editorial(2, 3, 4)],
  "58": [source, ...editorial(2, 3)],
};

const page = (output: string, url: string) => parsePage(path.join(output, "editions", EDITION, url, "index.html"));
const both = (url: string) => Promise.all([page(sample, url), page(imported, url)]);
const documentPages = (output: string) =>
  readdirSync(path.join(output, "editions", EDITION)).filter((f) => /^d\d+$/.test(f));

/**
 * d58, the letter to President Park: the hand-made edition marks its salutation and its
 * complimentary close ({salute: }); the TEI has both as plain <p> (only the dateline and the
 * signature are in <opener> and <closer>), and the import keeps them as paragraphs. Same words,
 * same place: the sample's two blocks, as the import gives them.
 */
function withoutSalutes(made: Block[]): Block[] {
  let changed = 0;
  const out = made.map((b) => {
    if (!b.marks.includes("span.de-mark.de-salute")) return b;
    changed++;
    return { block: "p", text: b.text, marks: b.marks.filter((m) => m !== "span.de-mark.de-salute") };
  });
  expect(out.length).toBe(made.length);
  expect(changed, "d58's salutation and complimentary close").toBe(2);
  return out;
}

describe("the FRUS fixture imported and built, beside the hand-made edition", () => {
  it("is set up as the sample site is, and the import reports what it wrote", () => {
    const sampleConfig = readFileSync(".eleventy.js", "utf8");
    expect(sampleConfig).toContain('locale: "en-US"');
    expect(sampleConfig).toContain("numberedUrls: true");
    expect(printed).toContain(`Imported 12 documents into editions/${EDITION}`);
  });

  it("has the same document pages, d44 to d58", () => {
    const expected = DOCUMENTS.map((n) => `d${n}`);
    expect(documentPages(sample).sort()).toEqual([...expected].sort());
    expect(documentPages(imported).sort()).toEqual([...expected].sort());
  });

  it.each(DOCUMENTS)("d%s: the same number, title, date line and chapter", async (n) => {
    const [made, got] = await both(`d${n}`);
    expect(documentHeader(got)).toEqual(documentHeader(made));
    expect(documentHeader(got).number).toBe(`Document ${n}`);
    expect(documentHeader(got).breadcrumbs).toHaveLength(3);
  });

  it.each(DOCUMENTS)("d%s: the same text, block by block, with its printed page breaks and notes", async (n) => {
    const [made, got] = await both(`d${n}`);
    const text = (p: typeof made) => blocks(one(p, ".de-text"));
    const expected = n === "58" ? withoutSalutes(text(made)) : text(made);
    expect(text(got)).toEqual(expected);
    // The comparison has something to compare: words, and in most documents page breaks.
    expect(
      text(got)
        .map((b) => b.text)
        .join(" ")
        .split(" ").length,
    ).toBeGreaterThan(100);
  });

  it("d58: the salutation and complimentary close, marked in the hand-made edition, are paragraphs in the import", async () => {
    const [made, got] = await both("d58");
    const find = (bs: Block[], text: string) => bs.find((b) => b.text === text);
    const [madeText, gotText] = [blocks(one(made, ".de-text")), blocks(one(got, ".de-text"))];
    expect(find(madeText, "Dear President Park:")?.block).toBe("p.de-opener");
    expect(find(gotText, "Dear President Park:")).toEqual({
      block: "p",
      text: "Dear President Park:",
      marks: ["link /editions/frus1969-76v19p1/register/#person-park-chung-hee"],
    });
    expect(find(madeText, "Sincerely yours,")).toEqual({
      block: "p.de-closer",
      text: "Sincerely yours,",
      marks: ["span.de-mark.de-salute"],
    });
    expect(find(gotText, "Sincerely yours,")).toEqual({ block: "p", text: "Sincerely yours,", marks: [] });
  });

  it("keeps the printed volume's 20 page breaks, each in the document that the page starts in or continues", async () => {
    const pages: string[] = [];
    for (const n of DOCUMENTS) {
      const [, got] = await both(`d${n}`);
      for (const b of blocks(one(got, ".de-text"))) {
        pages.push(...[...b.text.matchAll(/\[page (\d+)\]/g)].map((m) => `d${n}:${m[1]}`));
      }
    }
    expect(readFileSync(FIXTURE, "utf8").match(/<pb\b/g)).toHaveLength(20);
    // A page that starts between two documents starts the second one's text (page 117, before d45).
    expect(pages).toEqual([
      "d45:117",
      "d46:118",
      "d47:119",
      "d48:120",
      "d49:121",
      "d49:122",
      "d50:123",
      "d52:132",
      "d52:133",
      "d54:139",
      "d54:140",
      "d54:141",
      "d54:142",
      "d56:148",
      "d56:149",
      "d56:150",
      "d57:151",
      "d57:152",
      "d58:153",
      "d58:154",
    ]);
  });

  it.each(DOCUMENTS)("d%s: the same notes, with the same numbers and words, and the same record", async (n) => {
    const [made, got] = await both(`d${n}`);
    expect(notes(got)).toEqual(notes(made));
    expect(notes(got).map((note) => `${note.number} ${note.kind}`)).toEqual(NOTES[n]);
    expect(record(got)).toEqual(record(made));
  });

  it("has the same chapters: the part pages and the edition's contents", async () => {
    for (const part of ["comp1", "comp1/ch1", "comp1/ch2", "register"]) {
      const [made, got] = await both(part);
      expect([part, blocks(one(got, "main"))]).toEqual([part, blocks(one(made, "main"))]);
    }
    const [made, got] = await both("");
    expect(blocks(one(got, ".de-edition-contents"))).toEqual(blocks(one(made, ".de-edition-contents")));
    expect(
      one(got, ".de-edition-contents")
        .querySelectorAll("h4")
        .map((h) => h.textContent),
    ).toEqual([
      "North Korean Shootdown of a U.S. Reconnaissance Flight and Contingency Planning, January–November 1969",
      "U.S. Troop Reductions and Related Defense Issues, November 1969–February 1971",
    ]);
  });

  it("has the edition page of the hand-made edition, less the subtitle, summary and introduction written for the sample", async () => {
    const [made, got] = await both("");
    // What the hand-made index.md adds, which the TEI does not hold.
    expect(made.querySelector(".de-subtitle")?.textContent).toBe(
      "Twelve documents of the volume, a sample documentary edition",
    );
    expect(made.querySelectorAll(".de-introduction p")).toHaveLength(3);
    expect(made.querySelector('meta[name="description"]')?.getAttributeValue("content")).toMatch(/^Twelve of the/);
    expect(got.querySelector(".de-subtitle")).toBeNull();
    expect(got.querySelector(".de-introduction")).toBeNull();
    // Everything else on the page is the same.
    expect(blocks(one(got, "main"))).toEqual(blocks(one(made, "main"), ["de-subtitle", "de-introduction"]));
  });

  it.skipIf(!jingAvailable)("builds TEI valid against tei_all: every document.xml and the corpus.xml", () => {
    const files = teiFiles(imported);
    expect(files.filter((f) => f.endsWith("document.xml"))).toHaveLength(12);
    expect(files.filter((f) => f.endsWith("corpus.xml"))).toHaveLength(1);
    expect(() => jing(files.map((f) => path.join(imported, f)))).not.toThrow();
  });

  it("builds pages that pass html-validate, every one", async () => {
    expect(await problems(imported)).toEqual([]);
  }, 120_000);
});
