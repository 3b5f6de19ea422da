import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { importTei } from "../src/import/tei.js";
import { buildSite, tempDir } from "./helpers/site.js";

const xml = readFileSync(path.join(__dirname, "../../shared/sources/frus/frus1969-76v19p1-excerpt.xml"), "utf8");
const edition = importTei(xml, { fallbackSlug: "fallback" });
const handMade = path.join(__dirname, "../editions/frus1969-76v19p1");
const docs = ["44", "45", "46", "47", "48", "49", "50", "52", "54", "56", "57", "58"];
const docPath = (n: string) => `comp1/${n === "44" ? "ch1" : "ch2"}/d${n}.md`;

function split(content: string): { fm: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(content);
  const fm: Record<string, string> = {};
  for (const line of (m?.[1] ?? "").split("\n")) {
    const f = /^([A-Za-z]+): (.*)$/.exec(line);
    if (f?.[1] && f[2] !== undefined) fm[f[1]] = f[2].replace(/^"(.*)"$/, "$1");
  }
  return { fm, body: m?.[2] ?? "" };
}
/** The words of a text, marks stripped: mention keys, page and doc marks, footnote markers, Markdown. */
function words(text: string): string[] {
  return text
    .replace(/\{page printed: \d+\}/g, " ")
    .replace(/\{(?:person|term|place|subject) [^:}]+: /g, "")
    .replace(/\{doc (\d+)\}/g, "Document $1")
    .replace(/\{doc \d+: /g, "")
    .replace(/\{(?:dateline|signed|salute): /g, "")
    .replace(/\[\^\d+\]:?/g, " ")
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/\\(.)/g, "$1")
    .replace(/[{}*[\]]/g, " ")
    .replace(/^\s*(?:-|\d+\.)\s/gm, " ")
    .split(/\s+/)
    .filter(Boolean);
}

describe("importTei on the FRUS excerpt", () => {
  it("finds the slug, the parts, the documents, their numbers, titles and notes", () => {
    expect(edition.slug).toBe("frus1969-76v19p1");
    expect(importTei(xml.replace('xml:id="frus1969-76v19p1"', ""), { fallbackSlug: "fb" }).slug).toBe("fb");
    expect(edition.files.map((f) => f.path)).toEqual([
      "index.md",
      "comp1/index.md",
      "comp1/ch1/index.md",
      "comp1/ch1/d44.md",
      "comp1/ch2/index.md",
      ...docs.slice(1).map(docPath),
    ]);
    const notes: Record<string, string[]> = {};
    for (const n of docs) {
      const file = edition.files.find((f) => f.path === docPath(n));
      const { fm, body } = split(file?.content ?? "");
      expect(fm.number).toBe(n);
      expect(fm.title).not.toMatch(/^\d/);
      notes[n] = [...body.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1] ?? "");
    }
    expect(notes).toEqual({
      "44": [],
      "45": [],
      "46": ["2", "3"],
      "47": ["2", "3", "4", "5"],
      "48": ["2", "3", "4"],
      "49": ["2", "3"],
      "50": ["2", "3", "4"],
      "52": ["2", "3", "4"],
      "54": ["2"],
      "56": ["2", "3", "4"],
      "57": ["2", "3", "4"],
      "58": ["2", "3"],
    });
    const index = edition.files[0]?.content ?? "";
    expect(index).toContain("- { name: Daniel J. Lawler, role: editor }");
    expect(index).toContain("- { name: Edward C. Keefer, role: general editor }");
    expect(index).toContain("numberSourceNote: true");
    expect(edition.register.people?.["kissinger-henry-a"]).toEqual({
      name: "Henry A. Kissinger",
      sortName: "Kissinger, Henry A.",
      identification: "Assistant to the President for National Security Affairs",
    });
    expect(edition.register.terms?.nsc).toEqual({ name: "NSC", identification: "National Security Council" });
    expect(Object.keys(edition.register.people ?? {})).toHaveLength(22);
    expect(Object.keys(edition.register.terms ?? {})).toHaveLength(37);
    // The header's other parts are not mapped; a persName with no @corresp keeps its text only, and
    // so does the dateline's placeName (Washington), which has no register entry to point to.
    const place = (d: string) => ({ element: "placeName", document: d, count: 1 });
    expect(edition.unmapped).toEqual([
      { element: "encodingDesc", document: "(header)", count: 1 },
      { element: "publicationStmt", document: "(header)", count: 1 },
      { element: "revisionDesc", document: "(header)", count: 1 },
      { element: "sourceDesc", document: "(header)", count: 1 },
      ...["d45", "d46", "d47", "d48"].map(place),
      { element: "persName", document: "d49", count: 5 },
      ...["d49", "d50", "d52", "d54", "d56"].map(place),
      { element: "persName", document: "d57", count: 7 },
      ...["d57", "d58"].map(place),
    ]);
  });

  it("gives the hand-made edition's fields and words", () => {
    for (const n of docs) {
      const imported = split(edition.files.find((f) => f.path === docPath(n))?.content ?? "");
      const made = split(readFileSync(path.join(handMade, docPath(n)), "utf8"));
      for (const field of [
        "number",
        "title",
        "date",
        "type",
        "time",
        "timeZone",
        "classification",
        "archive",
        "collection",
        "callNumber",
        "subject",
        "sourceNote",
        "place",
      ])
        expect([n, field, imported.fm[field]]).toEqual([n, field, made.fm[field]]);
      // d58: the hand-made edition marks "Dear President Park:" and "Sincerely yours," as {salute: },
      // the TEI has them as plain <p>: same words, different marks.
      expect([n, words(imported.body)]).toEqual([n, words(made.body)]);
    }
  });

  it("builds through the package's command in a fresh site, and the built TEI of document 54 has the participants", async () => {
    const site = tempDir();
    const command = path.resolve("dist/cli.js");
    const fixture = path.resolve("../shared/sources/frus/frus1969-76v19p1-excerpt.xml");
    const out = execFileSync(process.execPath, [command, "import-tei", fixture], { cwd: site, encoding: "utf8" });
    expect(out).toContain("Imported 12 documents into editions/frus1969-76v19p1; 59 register entries added");
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      `import documentaryEdition from ${JSON.stringify(pathToFileURL(path.resolve("dist/index.js")).href)};\n` +
        "export default (config) => config.addPlugin(documentaryEdition, { numberedUrls: true });\n",
    );
    const built = await buildSite(site, path.join(site, "eleventy.config.mjs"));
    const tei = built.read(`/editions/${edition.slug}/d54/document.xml`);
    expect(tei).toContain('<list type="participants">');
    expect(tei).toContain("Kissinger");
    expect(built.read(`/editions/${edition.slug}/d47/`)).toContain('class="de-xref"');
    // A second import refuses to overwrite what the first wrote.
    expect(() =>
      execFileSync(process.execPath, [command, "import-tei", fixture], { cwd: site, stdio: "pipe" }),
    ).toThrow(/already exist; nothing was written/);
  }, 180_000);
});
