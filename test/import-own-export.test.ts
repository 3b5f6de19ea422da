/**
 * TEI out and in again: the sample site's own exports, imported with `documentary-edition
 * import-tei`, give back the same site. The cable's document.xml, imported over its Markdown,
 * builds the same page, TEI and citations, byte for byte; the cable's edition's corpus.xml, imported
 * in place of the edition, builds the same edition. Each build is an `npx @11ty/eleventy` of a copy
 * of the sample site, in a child process.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importTei as convertTei } from "../src/import/tei.js";
import { tempDir } from "./helpers/site.js";
import { eleventy, files, ROOT, sampleSite } from "./helpers/sample.js";

const EDITION = "editions/sino-vietnamese-talks-1979";
const CABLE = "1979-04-16-notice-on-talks";

const importTei = (site: string, ...args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, "dist/cli.js"), "import-tei", ...args], {
    cwd: site,
    encoding: "utf8",
  });

describe("the sample cable's TEI, imported again", () => {
  let site: string;
  let before: string;
  beforeAll(() => {
    site = sampleSite();
    before = tempDir();
    eleventy(site, before);
  }, 120_000);

  it("gives back the cable: its page, TEI and citations byte for byte, and the whole site with them", () => {
    rmSync(path.join(site, EDITION, `${CABLE}.md`));
    const printed = importTei(site, path.join(before, EDITION, CABLE, "document.xml"), "--into", EDITION);
    expect(printed).toBe(`Imported 1 document into ${EDITION}.\nEvery element and attribute of the TEI was mapped.\n`);
    // The edition's index.md is the editor's: a single document is added beside it, not over it.
    expect(readFileSync(path.join(site, EDITION, "index.md"), "utf8")).toBe(
      readFileSync(path.join(ROOT, EDITION, "index.md"), "utf8"),
    );
    const after = tempDir();
    eleventy(site, after);
    for (const file of ["index.html", "document.xml", "citation.json", "citation.bib", "citation.ris"])
      expect(readFileSync(path.join(after, EDITION, CABLE, file), "utf8"), file).toBe(
        readFileSync(path.join(before, EDITION, CABLE, file), "utf8"),
      );
    const built = files(before);
    expect(files(after)).toEqual(built);
    for (const file of built)
      expect(readFileSync(path.join(after, file), "utf8"), file).toBe(readFileSync(path.join(before, file), "utf8"));
  }, 120_000);

  it("writes the cable's front matter from the header: the record, the telegram's header and the register's keys", () => {
    const md = readFileSync(path.join(site, EDITION, `${CABLE}.md`), "utf8");
    for (const line of [
      "type: telegram",
      'classification: "Top Secret"',
      'callNumber: "222-12-287"',
      "originalLanguage: zh",
      '  translator: "David Cowhig"',
      '  principalAgency: "Foreign Affairs Bureau."',
      '    principalAgency: "Principal agency responsible:"',
      "  - han-nianlong",
      "  - sino-vietnamese-relations",
    ])
      expect(md.split("\n")).toContain(line);
    // The source note is the one the plugin builds from that record: it is not written out.
    expect(md).not.toMatch(/^sourceNote:/m);
    expect(md).toContain("Comrade {person han-nianlong: Han Nianlong}[^1] led");
    expect(md).toContain("## Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam");
  });

  it("reads the edition's corpus.xml into a new edition that builds the same document pages", () => {
    const other = sampleSite();
    rmSync(path.join(other, EDITION), { recursive: true });
    const printed = importTei(other, path.join(before, EDITION, "corpus.xml"));
    expect(printed).toBe(`Imported 1 document into ${EDITION}.\nEvery element and attribute of the TEI was mapped.\n`);
    // The edition's index.md: its title, subtitle and summary from the header, its introduction from the corpus's text.
    expect(readFileSync(path.join(other, EDITION, "index.md"), "utf8")).toBe(
      readFileSync(path.join(ROOT, EDITION, "index.md"), "utf8").replace(
        /^(title|subtitle|summary): (.*)$/gm,
        (_line, field: string, value: string) => `${field}: ${JSON.stringify(value)}`,
      ),
    );
    const out = tempDir();
    eleventy(other, out);
    for (const file of ["document.xml", "citation.json", "citation.bib", "citation.ris"])
      expect(readFileSync(path.join(out, EDITION, CABLE, file), "utf8"), file).toBe(
        readFileSync(path.join(before, EDITION, CABLE, file), "utf8"),
      );
  }, 120_000);

  it("reads the FRUS sample's corpus.xml into an edition that builds the same site, byte for byte", () => {
    const FRUS = "editions/frus1969-76v19p1";
    const other = sampleSite();
    rmSync(path.join(other, FRUS), { recursive: true });
    const printed = importTei(other, path.join(before, FRUS, "corpus.xml"));
    expect(printed).toBe(`Imported 12 documents into ${FRUS}.\nEvery element and attribute of the TEI was mapped.\n`);
    const out = tempDir();
    eleventy(other, out);
    // The whole site: the edition's pages, its introduction, TEI and citations, and the site-wide pages.
    const built = files(before);
    expect(files(out)).toEqual(built);
    for (const file of built)
      expect(readFileSync(path.join(out, file), "utf8"), file).toBe(readFileSync(path.join(before, file), "utf8"));
  }, 120_000);

  it("refuses to import the document over the Markdown it came from, and writes nothing", () => {
    const other = sampleSite();
    const md = path.join(other, EDITION, `${CABLE}.md`);
    expect(() => importTei(other, path.join(before, EDITION, CABLE, "document.xml"), "--into", EDITION)).toThrow(
      `1 file of the edition already exists; nothing was written (--force overwrites them):\n  - ${EDITION}/${CABLE}.md`,
    );
    expect(readFileSync(md, "utf8")).toBe(readFileSync(path.join(ROOT, EDITION, `${CABLE}.md`), "utf8"));
  });
});

describe("a TEI document's cross-references, read back", () => {
  it("gives {doc N}, {doc N note M} and {doc edition/N} for the plugin's numbered pages, words kept where they are the editor's", () => {
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0" n="3"><teiHeader><fileDesc><titleStmt><title>Memo</title></titleStmt>
      <publicationStmt><publisher>Vol</publisher><idno type="URI">/editions/vol/d3/</idno></publicationStmt></fileDesc></teiHeader>
      <text><body><p>See <ref target="/editions/vol/d31/">Document 31</ref>, <ref target="/editions/vol/d31/#fn-vol-d31-5">Document 31, footnote 5</ref>,
      <ref target="/editions/other/d12/">the reply</ref> and <ref target="https://example.org/a">https://example.org/a</ref>.</p></body></text></TEI>`;
    const edition = convertTei(tei, { fallbackSlug: "x" });
    expect(edition.slug).toBe("vol");
    expect(edition.files.map((f) => f.path)).toEqual(["index.md", "d3.md"]);
    expect(edition.files[1]!.content).toContain(
      "See {doc 31}, {doc 31 note 5}, {doc other/12: the reply} and <https://example.org/a>.",
    );
    expect(edition.files[1]!.content).toMatch(/^number: 3$/m);
    expect(edition.unmapped).toEqual([]);
  });
});
