// The edition's Markdown as src/ renders it (the site tests see only dist/): what the mutation run
// (npm run test:mutation) found untested in src/markdown. Pipe tables, the opener and closer of a
// letter, and the mistakes in notes an editor is told of, with their lines.
import { describe, expect, it } from "vitest";
import type { MarkSyntaxError } from "../src/markdown/marks.js";
import { markdown } from "./helpers/markdown.js";

/** The mistakes found in a text, as "line: message". */
function mistakes(src: string): string[] {
  const found: MarkSyntaxError[] = [];
  markdown(undefined, (_env, problems) => found.push(...problems)).render(src);
  return found.map((p) => p.message);
}

describe("pipe tables", () => {
  it("sit in a named, focusable region, header cells heading their columns, alignment as a class", () => {
    const { render } = markdown();
    expect(render("| A | B | C | D |\n| --- | :-: | ---: | :-- |\n| 1 | 2 | 3 | 4 |")).toBe(
      [
        '<section class="de-table" aria-label="Table" tabindex="0">',
        "<table>",
        "<thead>",
        "<tr>",
        '<th scope="col">A</th>',
        '<th scope="col" class="de-align-center">B</th>',
        '<th scope="col" class="de-align-right">C</th>',
        '<th scope="col" class="de-align-left">D</th>',
        "</tr>",
        "</thead>",
        "<tbody>",
        "<tr>",
        "<td>1</td>",
        '<td class="de-align-center">2</td>',
        '<td class="de-align-right">3</td>',
        '<td class="de-align-left">4</td>',
        "</tr>",
        "</tbody>",
        "</table>",
        "</section>",
      ].join("\n"),
    );
  });
});

describe("a letter's opener and closer", () => {
  const classes = (src: string) =>
    [
      ...markdown()
        .render(src)
        .matchAll(/<p(?: class="([^"]*)")?>/g),
    ].map((m) => m[1] ?? "");

  it("class the opening lines and the closing lines, page breaks among them, and a note after a signature", () => {
    expect(
      classes(
        "{salute: Dear Sir,}\n\n{page: 2}\n\n{dateline: Peking}\n\nText.\n\n{signed: A}\n\n{page: 3}\n\n{dateline: Hanoi}[^1]\n\n[^1]: n",
      ),
    ).toEqual(["de-opener", "", "de-opener", "", "de-closer", "", "de-closer", ""]);
  });

  it("class a structure line inside the text by its kind, and a line with more than the mark not at all", () => {
    expect(classes("Text.\n\n{signed: A}\n\n{salute: Dear B,}\n\nMore {signed: x}.\n\nEnd.")).toEqual([
      "",
      "de-closer",
      "de-opener",
      "",
      "",
    ]);
    expect(classes("{salute: Dear} Sir,\n\nText.")).toEqual(["", ""]);
    expect(classes("{salute: a} {salute: b}\n\nText.")).toEqual(["", ""]);
  });

  it("leave the headings before the opener alone", () => {
    expect(markdown().render("# Title\n\n{salute: Sir,}\n\nText.")).toMatch(/^<h1>Title<\/h1>\n<p class="de-opener">/);
  });
});

describe("mistakes in notes", () => {
  it("name a note defined twice, a note never referenced and a reference to no note, each at its line", () => {
    expect(mistakes("Text[^a] and [^b] x.\n\nMore \\[^c] here.\n\n[^a]: one\n\n[^a]: two\n\n[^d]: never")).toEqual([
      'line 7: found "[^a]:"; expected each note\'s label once: a second note "a" is defined here (give it a label of its own)',
      'line 9: found "[^d]:"; expected a reference [^d] to this note in the text (a note never referenced is not printed)',
      'line 1: found "[^b]"; expected a note defined for this reference: a line "[^b]: …" after the text (write \\[^ for literal text)',
    ]);
  });

  it("count the lines of a paragraph to the reference", () => {
    expect(mistakes("First line\nsecond line [^z].")).toEqual([
      'line 2: found "[^z]"; expected a note defined for this reference: a line "[^z]: …" after the text (write \\[^ for literal text)',
    ]);
  });

  it("find nothing wrong in notes used as they should be", () => {
    expect(mistakes("One[^a], two[^b], one again[^a].\n\n[^a]: A.\n\n[^b]: B.")).toEqual([]);
  });
});

describe("transcription marks", () => {
  it("leave an escaped brace and a brace with no mark name as text, and unescape a brace inside a mark", () => {
    const { render } = markdown();
    expect(render("A {nope} \\{page: 1} {sic: a \\} b}")).toBe(
      '<p>A {nope} {page: 1} <span class="de-mark de-sic" title="Thus in the original">a } b <span class="de-mark-sign de-gen">[sic]</span></span></p>',
    );
    expect(render("{page: 1\\}2}")).toContain('[<a href="#page-_1_7d_2">Page 1}2</a>]');
  });

  it("name an unknown mark, a break without its number and a mark left open, each at its line", () => {
    expect(mistakes("{foo: x}")).toEqual([
      'line 1: found "{foo: x}"; expected a transcription mark: one of supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline (write \\{ for a literal brace)',
    ]);
    expect(mistakes("{page: }")).toEqual(['line 1: found "{page: }"; expected the page number after "page:"']);
    expect(mistakes("{folio:  }")).toEqual(['line 1: found "{folio:  }"; expected the folio after "folio:"']);
    expect(mistakes("a\n\nb {sic: x")).toEqual([
      'line 3: found "{sic: x"; expected a closing } for the sic mark in the same paragraph',
    ]);
    const found: MarkSyntaxError[] = [];
    markdown(undefined, (_env, problems) => found.push(...problems)).render("{foo: x}");
    expect(found[0]!.name).toBe("MarkSyntaxError");
  });
});

describe("notes", () => {
  const { render } = markdown((env) => env.sourceNote as string | undefined);

  it("tell a translator's note, by its label's start, from an editor's, in the text and the notes", () => {
    const out = render("Text[^translator-1] and[^a-translator].\n\n[^translator-1]: Tr.\n\n[^a-translator]: Ed.");
    expect(out).toContain(
      '<span class="de-sidenote de-note-translator" id="sn1" role="note" aria-label="Translator&#39;s note 1" tabindex="-1" data-pagefind-ignore><span class="de-note-number">1</span> <span class="de-note-kind">Translator&#39;s note:</span> Tr. ',
    );
    expect(out).toContain(
      '<li id="fn1" class="de-note de-note-translator" value="1" tabindex="-1"><span class="de-note-kind">Translator&#39;s note</span>\n<p>Tr.',
    );
    expect(out).toContain('<sup class="de-ref de-ref-editorial" id="fnref2"');
    expect(out).toContain('<li id="fn2" class="de-note de-note-editorial" value="2" tabindex="-1"><p>Ed.');
    expect(out.match(/de-note-kind/g)).toHaveLength(2);
  });

  it("give a document with a source note and no other note a notes section of its own", () => {
    expect(render("No notes.", { sourceNote: "From the archive." })).toBe(
      '<p>No notes.</p>\n<section class="de-notes" aria-labelledby="notes">\n<h2 id="notes">Notes</h2>\n<p class="de-note de-source-note" role="note">From the archive.</p>\n</section>',
    );
    expect(render("No notes.")).toBe("<p>No notes.</p>");
  });

  it("join a note's paragraphs in its sidenote, ids carrying the document's id", () => {
    const out = render("Two[^1].\n\n[^1]: One.\n\n    Two.", { docId: "d" });
    expect(out).toContain(
      '<span class="de-note-number">1</span> One.<span class="de-note-break"></span>Two. <a class="de-backref" href="#fnref-d-1"',
    );
    expect(out).toContain('<section class="de-notes" aria-labelledby="d-notes">\n<h2 id="d-notes">Notes</h2>');
    expect(render("Two[^1].\n\n[^1]: One.")).toContain('id="fnref1"');
  });
});
