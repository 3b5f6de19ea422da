// The import-tei command around its converter: the converter is given here, so that what the
// command does with files (write, refuse to overwrite, merge the register) is tested on its own;
// test/import-tei.test.ts tests the converter on real TEI.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CommandError,
  importArguments,
  runImport,
  unmappedReport,
  type Converter,
  type ImportedEdition,
} from "../src/import/command.js";
import { tempDir } from "./helpers/site.js";

const EDITION: ImportedEdition = {
  slug: "frus-volume",
  files: [
    { path: "index.md", content: "---\ntitle: A Volume\n---\n" },
    { path: "ch1/index.md", content: "---\ntitle: A Chapter\n---\n" },
    { path: "ch1/d1.md", content: "---\ntitle: A memorandum\ndate: 1970-01-01\nnumber: 1\n---\n\nText.\n" },
  ],
  register: {
    people: { "kissinger-henry-a": { name: "Henry A. Kissinger", sortName: "Kissinger, Henry A." } },
    terms: { nsc: { name: "NSC", identification: "National Security Council" } },
  },
  unmapped: [{ element: "frus:attachment", document: "d1", count: 2 }],
};

/** A site with a TEI file in it; the converter ignores the file's words and gives EDITION. */
function site() {
  const folder = tempDir();
  writeFileSync(path.join(folder, "volume.xml"), "<TEI/>");
  writeFileSync(path.join(folder, "doc.xml"), "<TEI/>");
  const seen: { fallbackSlug: string }[] = [];
  const convert: Converter = (_xml, options) => {
    seen.push(options);
    return EDITION;
  };
  const run = (argv: string[]) => {
    const args = importArguments(argv);
    if (args === "help") throw new Error("help");
    return runImport(args, convert, folder);
  };
  const read = (file: string) => readFileSync(path.join(folder, file), "utf8");
  return { folder, run, read, seen };
}

const failure = (fn: () => unknown): CommandError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error("expected a CommandError");
};

describe("import-tei's arguments", () => {
  it("take one file and the options --help names", () => {
    expect(importArguments(["v.xml", "--into", "editions/v", "--force", "--strict", "--data", "src/_data"])).toEqual({
      file: "v.xml",
      into: "editions/v",
      data: "src/_data",
      force: true,
      strict: true,
    });
    expect(importArguments(["v.xml"])).toEqual({ file: "v.xml", data: "_data", force: false, strict: false });
    expect(importArguments(["--help"])).toBe("help");
  });

  it("refuse what they do not know, with status 2", () => {
    for (const [argv, message] of [
      [[], "the TEI file to import is missing; see --help"],
      [["v.xml", "--in", "x"], "unknown option --in; see --help"],
      [["v.xml", "--into"], "--into needs a folder after it"],
      [["a.xml", "b.xml"], "one TEI file at a time: a.xml and b.xml"],
    ] as const) {
      const error = failure(() => importArguments(argv));
      expect(error.message).toBe(message);
      expect(error.status).toBe(2);
    }
  });
});

describe("import-tei", () => {
  it("writes the edition's files, the report beside them, and adds the register entries", () => {
    const { folder, run, read, seen } = site();
    mkdirSync(path.join(folder, "_data", "register"), { recursive: true });
    writeFileSync(
      path.join(folder, "_data", "register", "people.json"),
      JSON.stringify({ "han-nianlong": { name: "Han Nianlong" } }),
    );
    const out = run(["volume.xml"]);
    expect(seen).toEqual([{ fallbackSlug: "volume" }]);
    expect(read("editions/frus-volume/ch1/d1.md")).toBe(EDITION.files[2]!.content);
    expect(read("editions/frus-volume/ch1/index.md")).toBe(EDITION.files[1]!.content);
    expect(JSON.parse(read("_data/register/people.json"))).toEqual({
      "han-nianlong": { name: "Han Nianlong" },
      "kissinger-henry-a": { name: "Henry A. Kissinger", sortName: "Kissinger, Henry A." },
    });
    expect(JSON.parse(read("_data/register/terms.json"))).toEqual(EDITION.register.terms);
    expect(JSON.parse(read("editions/frus-volume/import-report.json"))).toEqual({
      source: "volume.xml",
      unmapped: EDITION.unmapped,
    });
    expect(out).toBe(
      "Imported 1 document into editions/frus-volume; 2 register entries added to _data/register/people.json, _data/register/terms.json.\n" +
        "No Eleventy config was found: eleventy.config.mjs now adds the plugin.\n" +
        "Not mapped (the text kept, the markup lost): 2 in 1 place:\n  - frus:attachment in d1: 2×",
    );
    expect(read("eleventy.config.mjs")).toBe(
      'import documentaryEdition from "eleventy-plugin-documentary-edition";\n\nexport default (eleventyConfig) => eleventyConfig.addPlugin(documentaryEdition);\n',
    );
  });

  it("leaves a site's own Eleventy config as it is", () => {
    const { folder, run, read } = site();
    writeFileSync(path.join(folder, ".eleventy.js"), "// the publisher's");
    expect(run(["volume.xml"])).not.toContain("Eleventy config");
    expect(read(".eleventy.js")).toBe("// the publisher's");
    expect(existsSync(path.join(folder, "eleventy.config.mjs"))).toBe(false);
  });

  it("adds a single document beside an edition's own index.md, and a register name from a mention only where the register has none", () => {
    const { folder, read } = site();
    mkdirSync(path.join(folder, "editions", "talks"), { recursive: true });
    writeFileSync(path.join(folder, "editions", "talks", "index.md"), "---\ntitle: The editor's\n---\n");
    mkdirSync(path.join(folder, "_data", "register"), { recursive: true });
    writeFileSync(
      path.join(folder, "_data", "register", "people.json"),
      JSON.stringify({ "le-duan": { name: "Le Duan" } }),
    );
    const single: Converter = () => ({
      slug: "talks",
      files: [
        { path: "index.md", content: "---\ntitle: From the TEI\n---\n", keepExisting: true },
        { path: "notice.md", content: "---\ntitle: Notice\n---\n" },
      ],
      register: {},
      registerIfMissing: { people: { "le-duan": { name: "Comrade Le Duan" }, "han-nianlong": { name: "Han" } } },
      unmapped: [],
    });
    runImport(importArguments(["doc.xml"]) as never, single, folder);
    expect(read("editions/talks/index.md")).toBe("---\ntitle: The editor's\n---\n");
    expect(read("editions/talks/notice.md")).toBe("---\ntitle: Notice\n---\n");
    expect(JSON.parse(read("_data/register/people.json"))).toEqual({
      "le-duan": { name: "Le Duan" },
      "han-nianlong": { name: "Han" },
    });
  });

  it("never overwrites an editor's file unless told to, and writes nothing when it refuses", () => {
    const { folder, run, read } = site();
    mkdirSync(path.join(folder, "editions", "frus-volume", "ch1"), { recursive: true });
    writeFileSync(path.join(folder, "editions", "frus-volume", "ch1", "d1.md"), "An editor's corrections.");
    const error = failure(() => run(["volume.xml"]));
    expect(error.message).toBe(
      "1 file of the edition already exists; nothing was written (--force overwrites them):\n  - editions/frus-volume/ch1/d1.md",
    );
    expect(error.status).toBe(1);
    expect(read("editions/frus-volume/ch1/d1.md")).toBe("An editor's corrections.");
    expect(existsSync(path.join(folder, "editions", "frus-volume", "index.md"))).toBe(false);
    expect(existsSync(path.join(folder, "_data"))).toBe(false);
    run(["volume.xml", "--force"]);
    expect(read("editions/frus-volume/ch1/d1.md")).toBe(EDITION.files[2]!.content);
  });

  it("refuses a register key that names another entry, naming both, and writes nothing", () => {
    const { folder, run } = site();
    mkdirSync(path.join(folder, "_data", "register"), { recursive: true });
    const people = path.join(folder, "_data", "register", "people.json");
    writeFileSync(people, JSON.stringify({ "kissinger-henry-a": { name: "Someone Else" } }));
    const error = failure(() => run(["volume.xml", "--into", "editions/other"]));
    expect(error.message).toBe(
      "1 register key already names someone or something else; nothing was written:\n" +
        `  - ${path.join(folder, "_data", "register", "people.json")}: kissinger-henry-a: the register has it as "Someone Else", the TEI as "Henry A. Kissinger"\n` +
        "Give the register's entry or the TEI's another key, then import again.",
    );
    expect(existsSync(path.join(folder, "editions"))).toBe(false);
    expect(JSON.parse(readFileSync(people, "utf8"))).toEqual({ "kissinger-henry-a": { name: "Someone Else" } });
  });

  it("with --strict, writes nothing where anything is not mapped", () => {
    const { folder, run } = site();
    const error = failure(() => run(["volume.xml", "--strict"]));
    expect(error.message).toBe(
      "Not mapped (the text kept, the markup lost): 2 in 1 place:\n  - frus:attachment in d1: 2×\n--strict: nothing was written.",
    );
    expect(existsSync(path.join(folder, "editions"))).toBe(false);
  });

  it("names a file that is not there, and a converter's refusal", () => {
    const { folder } = site();
    expect(failure(() => runImport(importArguments(["nope.xml"]) as never, () => EDITION, folder)).message).toBe(
      "nope.xml: no such file",
    );
    const refusing: Converter = () => {
      throw new Error("not TEI: the root element is <html>");
    };
    expect(failure(() => runImport(importArguments(["volume.xml"]) as never, refusing, folder)).message).toBe(
      "volume.xml: not TEI: the root element is <html>",
    );
  });

  it("refuses a TEI file in which it finds no document, rather than write an edition without its text", () => {
    const { folder } = site();
    const empty: Converter = () => ({ ...EDITION, files: [EDITION.files[0]!] });
    expect(failure(() => runImport(importArguments(["volume.xml"]) as never, empty, folder)).message).toBe(
      'volume.xml: no document found (no <div type="document" n="…">, and no <TEI> in a teiCorpus); nothing was written.',
    );
    expect(existsSync(path.join(folder, "editions"))).toBe(false);
  });

  it("says so when everything was mapped", () => {
    expect(unmappedReport([])).toBe("Every element and attribute of the TEI was mapped.");
  });
});
