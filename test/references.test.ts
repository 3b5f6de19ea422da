import { describe, expect, it } from "vitest";
import { countNotes, referenceResolver } from "../src/model/references.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { build, source } from "./helpers/model.js";
import { markdown } from "./helpers/markdown.js";

const doc = (number: number | string) => ({ title: `Memorandum ${number}`, date: "1970-01-01", number });

function site() {
  const files = [source("frus/d31", doc(31)), source("frus/d57", doc(57)), source("other/d1", doc(1))];
  files[0]!.text = "A note.[^a] Another.[^b] Again the first.[^a]\n\n[^a]: One.\n[^b]: Two.\n";
  const model = build(files, [source("frus/index", { title: "FRUS", numberSourceNote: true })]);
  const resolve = referenceResolver(model, DEFAULT_LABELS, () => true);
  return { model, resolve, frus: model.editions.find((e) => e.slug === "frus")! };
}

describe("cross-references", () => {
  it("lead to a document of the edition by its number, to one of its notes, or to another edition's", () => {
    const { resolve, frus } = site();
    expect(resolve(frus, { number: "31" })).toEqual({
      href: "/editions/frus/d31/",
      title: "Document 31: Memorandum 31",
      text: "Document 31",
    });
    // The edition numbers its source note 1: the text's two notes are 2 and 3.
    expect(resolve(frus, { number: "31", note: 3 })).toMatchObject({
      href: "/editions/frus/d31/#fn-frus-d31-3",
      text: "Document 31, footnote 3",
    });
    expect(resolve(frus, { number: "31", note: 4 })).toEqual({
      expected: "a note of Document 31: it has notes 1 to 3",
    });
    expect(resolve(frus, { edition: "other", number: "1" })).toMatchObject({ href: "/editions/other/d1/" });
    expect(resolve(frus, { number: "32" })).toEqual({ expected: 'the number of a document of "FRUS" (31, 57)' });
    expect(resolve(frus, { edition: "nowhere", number: "1" })).toEqual({
      expected: 'an edition of the site before the "/": frus, other',
    });
  });

  it("count a text's notes once each, inline notes too, escaped ones not", () => {
    expect(countNotes("a[^1] b[^2] c[^1] d^[inline] \\[^3]\n\n[^1]: x\n[^2]: y\n")).toBe(3);
  });

  it("print a link with the target's title, in the editor's words or the default ones", () => {
    const { resolve, frus } = site();
    const md = markdown();
    const env = { resolve: (_env: unknown, target: Parameters<typeof resolve>[1]) => resolve(frus, target) };
    expect(md.render("See {doc 31} and {doc 57: the *telegram*}, {doc 31 note 2}.", env)).toBe(
      '<p>See <a href="/editions/frus/d31/" class="de-xref" title="Document 31: Memorandum 31">Document 31</a> and <a href="/editions/frus/d57/" class="de-xref" title="Document 57: Memorandum 57">the <em>telegram</em></a>, <a href="/editions/frus/d31/#fn-frus-d31-2" class="de-xref" title="Document 31: Memorandum 31">Document 31, footnote 2</a>.</p>',
    );
  });

  it("that name nothing are mistakes of the text, with their line", () => {
    const { resolve, frus } = site();
    const md = markdown();
    const env = { resolve: (_env: unknown, target: Parameters<typeof resolve>[1]) => resolve(frus, target) };
    expect(() => md.render("First line.\n\nSee {doc 99}.", env)).toThrow(
      'line 3: found "{doc 99}"; expected the number of a document of "FRUS" (31, 57)',
    );
    expect(() => md.render("See {doc thirty-one}.", env)).toThrow(
      'line 1: found "{doc thirty-one}"; expected a reference written {doc 31}, {doc 31 note 5}, {doc edition/31} or {doc 31: words of your own}',
    );
    expect(() => md.render("See {doc 31", env)).toThrow("a closing } for the reference in the same paragraph");
  });
});

describe("notes numbered as FRUS numbers them", () => {
  it("number the source note 1 and the text's notes from 2, ids and all", () => {
    const md = markdown(() => "Source: National Archives.");
    const out = md.render("Text.[^x]\n\n[^x]: A note.\n", { docId: "d", numberSourceNote: true });
    expect(out).toContain(
      '<p class="de-note de-source-note" id="fn-d-1" role="note" tabindex="-1"><span class="de-note-number">1</span> Source: National Archives.</p>',
    );
    expect(out).toContain('<li id="fn-d-2" class="de-note de-note-editorial" value="2"');
    expect(out).toContain('href="#fn-d-2" aria-label="Note 2">2</a>');
    // Without the setting, as before.
    const plain = md.render("Text.[^x]\n\n[^x]: A note.\n", { docId: "d" });
    expect(plain).toContain('<p class="de-note de-source-note" role="note">Source: National Archives.</p>');
    expect(plain).toContain('<li id="fn-d-1" class="de-note de-note-editorial" value="1"');
  });
});

describe("a cross-reference in the TEI", () => {
  it("is a <ref> whose target is absolute where the site's URL is known, and the page's link otherwise", async () => {
    const { teiBody } = await import("../src/tei/body.js");
    const resolve = () => ({
      href: "/prefix/editions/frus/d31/",
      site: "/editions/frus/d31/",
      title: "Document 31: A memorandum",
      text: "Document 31",
    });
    const tokens = markdown().parse("See {doc 31}.", "d", { resolve });
    const absolute = teiBody(tokens, { idPrefix: "d", referenceUrl: (site) => `https://edition.example.org${site}` });
    expect(absolute.body.join("")).toBe(
      '<p>See <ref target="https://edition.example.org/editions/frus/d31/">Document 31</ref>.</p>',
    );
    expect(teiBody(tokens, { idPrefix: "d" }).body.join("")).toBe(
      '<p>See <ref target="/prefix/editions/frus/d31/">Document 31</ref>.</p>',
    );
  });
});
