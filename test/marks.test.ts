import { describe, expect, it } from "vitest";
import { MARK_KINDS, MARKS, MarkSyntaxError, type MarkKind } from "../src/markdown/marks.js";
import { plainText } from "../src/markdown/plain-text.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { markLegendHtml, markRenderer } from "../src/render/marks.js";
import { markdown } from "./helpers/markdown.js";

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as MarkSyntaxError;
  }
  throw new Error("expected an error");
};

describe("transcription marks", () => {
  const { render, used } = markdown();

  it.each([
    [
      "{supplied: they said this}",
      '<span class="de-mark de-supplied" title="Supplied by the editor or translator"><span class="de-gen">[</span>they said this<span class="de-gen">]</span></span>',
    ],
    [
      "{sic: recieve}",
      '<span class="de-mark de-sic" title="Thus in the original">recieve <span class="de-mark-sign de-gen">[sic]</span></span>',
    ],
    [
      "{unclear: Hanoi}",
      '<span class="de-mark de-unclear" title="Uncertain reading">Hanoi <span class="de-mark-sign de-gen">[?]</span></span>',
    ],
    ["{del: struck out}", '<del class="de-mark de-del" title="Deleted in the original">struck out</del>'],
    ["{add: written above}", '<ins class="de-mark de-add" title="Added in the original">written above</ins>'],
    [
      "{smallcaps: Subject}",
      '<span class="de-mark de-smallcaps" title="Small capitals in the original">Subject</span>',
    ],
    ["{underline: urgent}", '<span class="de-mark de-underline" title="Underlined in the original">urgent</span>'],
    [
      "{gap: 1 line not declassified}",
      '<span class="de-mark de-gap" title="Passage omitted, illegible or not declassified"><span class="de-gen">[1 line not declassified]</span></span>',
    ],
    [
      "{gap:}",
      '<span class="de-mark de-gap" title="Passage omitted, illegible or not declassified"><span class="de-gen">[…]</span></span>',
    ],
    [
      "{page: 11}",
      '<span class="de-mark de-page" title="Page break in the original" id="page-11"><span class="de-gen">[<a href="#page-11">Page 11</a>]</span></span>',
    ],
    [
      "{folio: 3r}",
      '<span class="de-mark de-folio" title="Folio break in the original" id="folio-3r"><span class="de-gen">[<a href="#folio-3r">Folio 3r</a>]</span></span>',
    ],
    [
      "{page printed: 118}",
      '<span class="de-mark de-printed-page" title="Page break in the printed volume" id="printed-page-118"><span class="de-gen">[<a href="#printed-page-118">Page 118 of the printed volume</a>]</span></span>',
    ],
  ])("renders %s", (source, expected) => {
    expect(render(`Before ${source} after.`)).toBe(`<p>Before ${expected} after.</p>`);
  });

  it("gives page anchors the document's id, so two documents on one page keep them apart", () => {
    expect(render("{page: 11}", { docId: "talks-cable" })).toContain(
      'id="talks-cable-page-11"><span class="de-gen">[<a href="#talks-cable-page-11">',
    );
  });

  it("keeps a page of the original and the same page of the printed volume apart: ids, classes, labels", () => {
    const out = render("{page: 12} and {page printed: 12}", { docId: "talks-cable" });
    expect(out).toBe(
      '<p><span class="de-mark de-page" title="Page break in the original" id="talks-cable-page-12"><span class="de-gen">[<a href="#talks-cable-page-12">Page 12</a>]</span></span>' +
        ' and <span class="de-mark de-printed-page" title="Page break in the printed volume" id="talks-cable-printed-page-12"><span class="de-gen">[<a href="#talks-cable-printed-page-12">Page 12 of the printed volume</a>]</span></span></p>',
    );
  });

  it("prints a page of the printed volume with the site's label, its number escaped", () => {
    const labels = {
      ...DEFAULT_LABELS,
      printedPage: "Seite {page} des Drucks",
      markPrintedPage: "Seitenwechsel im Druck",
    };
    expect(markRenderer(labels).value("printed-page", "1<b>$&", { docId: "d" })).toBe(
      '<span class="de-mark de-printed-page" title="Seitenwechsel im Druck" id="d-printed-page-_1_3c_b_3e__24__26_"><span class="de-gen">[<a href="#d-printed-page-_1_3c_b_3e__24__26_">Seite 1&lt;b&gt;$&amp; des Drucks</a>]</span></span>',
    );
  });

  it("gives a page of the printed volume in a note its id in the endnote only, as a page of the original", () => {
    const out = render("Text.[^1]\n\n[^1]: A note. {page printed: 120} {page: 3}", { docId: "d" });
    expect(out.split('id="d-printed-page-120"')).toHaveLength(2);
    expect(out.split('id="d-page-3"')).toHaveLength(2);
    expect(out.split('href="#d-printed-page-120"')).toHaveLength(3);
    expect(out).toMatch(
      /<li id="fn-d-1"[^>]*><p>A note\. <span class="de-mark de-printed-page" [^>]*id="d-printed-page-120">/,
    );
  });

  it("nests inside emphasis and links, and takes emphasis inside", () => {
    expect(render("*a {sic: recieve} b*")).toBe(
      '<p><em>a <span class="de-mark de-sic" title="Thus in the original">recieve <span class="de-mark-sign de-gen">[sic]</span></span> b</em></p>',
    );
    expect(render("[see {supplied: the text}](https://example.org/)")).toBe(
      '<p><a href="https://example.org/">see <span class="de-mark de-supplied" title="Supplied by the editor or translator"><span class="de-gen">[</span>the text<span class="de-gen">]</span></span></a></p>',
    );
    expect(render("{supplied: *our* side}")).toContain(
      '<span class="de-gen">[</span><em>our</em> side<span class="de-gen">]</span>',
    );
    expect(render("{add: a {sic: mistkae} here}")).toBe(
      '<p><ins class="de-mark de-add" title="Added in the original">a <span class="de-mark de-sic" title="Thus in the original">mistkae <span class="de-mark-sign de-gen">[sic]</span></span> here</ins></p>',
    );
  });

  it("prints the source's small capitals and underlining round emphasis, marks and mentions, and inside them", () => {
    const smallcaps = (inner: string) =>
      `<span class="de-mark de-smallcaps" title="Small capitals in the original">${inner}</span>`;
    const underline = (inner: string) =>
      `<span class="de-mark de-underline" title="Underlined in the original">${inner}</span>`;
    expect(render("*a {underline: very} urgent* {smallcaps: **Subject**}")).toBe(
      `<p><em>a ${underline("very")} urgent</em> ${smallcaps("<strong>Subject</strong>")}</p>`,
    );
    expect(render("{underline: *not* {sic: recieved}}")).toBe(
      `<p>${underline('<em>not</em> <span class="de-mark de-sic" title="Thus in the original">recieved <span class="de-mark-sign de-gen">[sic]</span></span>')}</p>`,
    );
    expect(render("{add: {underline: urgent}} {del: {smallcaps: Secret}}")).toBe(
      `<p><ins class="de-mark de-add" title="Added in the original">${underline("urgent")}</ins> ` +
        `<del class="de-mark de-del" title="Deleted in the original">${smallcaps("Secret")}</del></p>`,
    );
    expect(render("{smallcaps: {underline: Subject}}")).toBe(`<p>${smallcaps(underline("Subject"))}</p>`);
    expect(render("{signed: {smallcaps: The Envoy}}")).toBe(
      `<p class="de-closer"><span class="de-mark de-signed" title="Signature">${smallcaps("The Envoy")}</span></p>`,
    );
    expect(render("{smallcaps: {person envoy: The Envoy}}")).toBe(
      `<p>${smallcaps('<span class="de-mark de-mention de-person">The Envoy</span>')}</p>`,
    );
  });

  it("takes no key before the colon of small capitals or an underline", () => {
    expect(errorOf(() => render("{underline twice: urgent}")).message).toBe(
      'line 1: found "{underline twice: urgent}"; expected no key before the colon: {underline: …}',
    );
    expect(errorOf(() => render("{smallcaps: Subject")).message).toBe(
      'line 1: found "{smallcaps: Subject"; expected a closing } for the smallcaps mark in the same paragraph',
    );
  });

  it("leaves ordinary brackets, braces, links and footnotes alone", () => {
    expect(render('on the pretext that "x", [they said this] created obstacles')).toBe(
      "<p>on the pretext that &quot;x&quot;, [they said this] created obstacles</p>",
    );
    expect(render("a set {1, 2} and {no colon here}")).toBe("<p>a set {1, 2} and {no colon here}</p>");
    expect(render("[a link](https://example.org/) and [ref][r]\n\n[r]: https://example.org/r")).toBe(
      '<p><a href="https://example.org/">a link</a> and <a href="https://example.org/r">ref</a></p>',
    );
    const withNote = render("Text.[^1]\n\n[^1]: A note {sic: teh}.");
    expect(withNote).toContain(
      '<sup class="de-ref de-ref-editorial" id="fnref1" tabindex="-1" data-pagefind-ignore><a class="de-ref-side" href="#sn1" aria-label="Note 1">1</a>',
    );
    expect(withNote).toContain('<span class="de-mark de-sic"');
  });

  it("keeps a literal brace written \\{", () => {
    expect(render("\\{supplied: not a mark}")).toBe("<p>{supplied: not a mark}</p>");
  });

  it("escapes what a value mark holds", () => {
    const out = render('{gap: <script>alert(1)</script>} {page: 1"><script>}');
    expect(out).not.toContain("<script>");
    expect(out).toContain("[&lt;script&gt;alert(1)&lt;/script&gt;]");
  });

  it("leaves page breaks of either kind out of the plain text", () => {
    const { parse } = markdown();
    const inline = parse("a {page: 12} b {page printed: 118} c {gap:}", "d")[1]?.children ?? [];
    expect(plainText(inline)).toBe("a b c […]");
  });

  it("reports the marks a page used", () => {
    used.length = 0;
    render("{sic: a} and {page: 2} and {sic: b}");
    expect([...(used[0] ?? [])].sort()).toEqual(["page", "sic"]);
    used.length = 0;
    render("{page printed: 118}");
    expect([...(used[0] ?? [])]).toEqual(["printed-page"]);
    used.length = 0;
    render("*{smallcaps: Subject}* and {add: {underline: urgent}}");
    expect([...(used[0] ?? [])].sort()).toEqual(["add", "smallcaps", "underline"]);
  });

  it("reports an unknown mark with its line", () => {
    const error = errorOf(() =>
      render("First paragraph.\n\nSecond paragraph,\nwith {suplied: words} on its second line."),
    );
    expect(error).toBeInstanceOf(MarkSyntaxError);
    expect(error.message).toBe(
      'line 4: found "{suplied: words}"; expected a transcription mark: one of supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline (write \\{ for a literal brace)',
    );
  });

  it("reports an unclosed mark with its line", () => {
    const error = errorOf(() => render("# Title\n\nThe {supplied: words never closed."));
    expect(error.message).toBe(
      'line 3: found "{supplied: words never closed."; expected a closing } for the supplied mark in the same paragraph',
    );
  });

  it("reports a page break without a number", () => {
    expect(errorOf(() => render("{page: }")).message).toContain('expected the page number after "page:"');
    expect(errorOf(() => render("Text.\n\n{page printed:}")).message).toBe(
      'line 3: found "{page printed:}"; expected the page number after "page printed:"',
    );
  });

  it("reports a word before a page mark's colon other than printed, and a printed folio", () => {
    expect(errorOf(() => render("First.\n\nSecond {page printd: 3} line.")).message).toBe(
      'line 3: found "{page printd: 3}"; expected nothing or "printed" between "page" and the colon: {page: 12} for a page of the original, {page printed: 118} for a page of the printed volume',
    );
    expect(errorOf(() => render("{page Printed: 3}")).message).toContain('expected nothing or "printed" between');
    expect(errorOf(() => render("{folio printed: 3r}")).message).toBe(
      'line 1: found "{folio printed: 3r}"; expected no key before the colon: {folio: …}',
    );
  });

  it("takes the kind's name for no mark's name: printed-page is written {page printed: …}", () => {
    expect(errorOf(() => render("{printed-page: 3}")).message).toBe(
      'line 1: found "{printed-page: 3}"; expected a transcription mark: one of supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline (write \\{ for a literal brace)',
    );
  });
});

describe("openers, closers and tables on the page", () => {
  const { render } = markdown();
  const paragraphs = (out: string) =>
    [...out.matchAll(/<p( class="[^"]*")?>(.*?)<\/p>/gs)].map((m) =>
      `${m[1] ?? ""} ${m[2]?.replace(/<[^>]*>/g, "")}`.trim(),
    );

  it("prints a dateline before the text as an opening line, and one after it as a closing line", () => {
    expect(paragraphs(render("{dateline: Peking, April 16}\n\nText.\n\n{dateline: April 16, 1979}"))).toEqual([
      'class="de-opener" Peking, April 16',
      "Text.",
      'class="de-closer" April 16, 1979',
    ]);
    // A page break before it, of either kind, leaves it an opening line.
    expect(render("{page printed: 118}\n\n{dateline: Peking}\n\nText.")).toContain(
      '<p class="de-opener"><span class="de-mark de-dateline"',
    );
    expect(render("{page: 1}\n\n{dateline: Peking}\n\nText.")).toContain(
      '<p class="de-opener"><span class="de-mark de-dateline"',
    );
    expect(render("{page: 1}\n{dateline: Peking}\n\nText.")).toMatch(
      /^<p class="de-opener"><span class="de-mark de-page"/,
    );
  });

  it("keeps a signature with a note on it a closing line", () => {
    const out = render("Text.\n\n{signed: Foreign Ministry}[^2]\n\n[^2]: A note on the signature.");
    expect(out).toContain(
      '<p class="de-closer"><span class="de-mark de-signed" title="Signature">Foreign Ministry</span><sup class="de-ref',
    );
  });

  it("prints a salutation as an opening line and a signature in the text (an enclosure's) as a closing one", () => {
    expect(
      paragraphs(render("{salute: Dear Minister,}\n\nText.\n\n{signed: The Envoy}\n\nEnclosure.\n\nMore.")),
    ).toEqual(['class="de-opener" Dear Minister,', "Text.", 'class="de-closer" The Envoy', "Enclosure.", "More."]);
    // A paragraph with more than the mark is text.
    expect(render("{signed: The Envoy} and more.")).toMatch(/^<p><span/);
  });

  it("prints a pipe table with column headers, in a region that scrolls, with marks, mentions and notes in its cells", () => {
    const out = render(
      "| Name | Office |\n| --- | :-: |\n| {supplied: Han} | Minister[^1] |\n\n[^1]: A note in a cell.",
    );
    expect(out).toMatch(
      /^<section class="de-table" aria-label="Table" tabindex="0">\n<table>\n<thead>\n<tr>\n<th scope="col">Name<\/th>\n<th scope="col" class="de-align-center">Office<\/th>/,
    );
    expect(out).toContain('<td><span class="de-mark de-supplied"');
    expect(out).toContain('<td class="de-align-center">Minister<sup class="de-ref de-ref-editorial"');
    expect(out).toContain("</table>\n</section>");
  });
});

describe("the legend of marks", () => {
  it("lists the marks used, in a fixed order, and nothing where none are used", () => {
    const legend = markLegendHtml(new Set<MarkKind>(["page", "supplied"]), DEFAULT_LABELS).value;
    expect(legend).toContain('<h2 id="de-legend-heading">Transcription marks</h2>');
    expect(legend.indexOf("de-supplied")).toBeLessThan(legend.indexOf("de-page"));
    expect(legend).toContain("<dd>Supplied by the editor or translator</dd>");
    expect(legend).toContain("<dd>Page break in the original</dd>");
    expect(legend).not.toContain("de-sic");
    expect(markLegendHtml(new Set(), DEFAULT_LABELS).value).toBe("");
    // Every transcription mark has its legend entry; register mentions are links, not marks of the text.
    for (const kind of MARK_KINDS.filter((k) => MARKS[k] === "inline" || MARKS[k] === "value")) {
      expect(markLegendHtml(new Set([kind]), DEFAULT_LABELS).value).toContain(`de-${kind}`);
    }
    expect(markLegendHtml(new Set<MarkKind>(["person"]), DEFAULT_LABELS).value).toBe("");
  });

  it("tells the original's underlining from an addition, and names small capitals, in their order", () => {
    const legend = markLegendHtml(new Set<MarkKind>(["underline", "add", "smallcaps"]), DEFAULT_LABELS).value;
    expect([...legend.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1])).toEqual([
      "Added in the original",
      "Small capitals in the original",
      "Underlined in the original",
    ]);
    // An addition is an <ins>, the original's underlining a span of its own class: styled apart.
    expect(legend).toContain('<dt><ins class="de-mark de-add" title="Added in the original">word</ins></dt>');
    expect(legend).toContain(
      '<dt><span class="de-mark de-underline" title="Underlined in the original">word</span></dt>',
    );
    expect(legend).toContain(
      '<dt><span class="de-mark de-smallcaps" title="Small capitals in the original">word</span></dt>',
    );
    // A site's own labels name them.
    const labels = { ...DEFAULT_LABELS, markSmallcaps: "Kapitälchen", markUnderline: "Unterstrichen" };
    expect(markLegendHtml(new Set<MarkKind>(["smallcaps", "underline"]), labels).value).toContain(
      "<dd>Kapitälchen</dd></div><div><dt>",
    );
    expect(markRenderer(labels).open("underline", {})).toBe(
      '<span class="de-mark de-underline" title="Unterstrichen">',
    );
  });

  it("names each kind of page a page uses: the original's and the printed volume's", () => {
    const legend = markLegendHtml(new Set<MarkKind>(["printed-page", "page"]), DEFAULT_LABELS).value;
    expect(legend).toContain(
      '<div><dt><span class="de-mark de-page" title="Page break in the original"><span class="de-gen">[Page 1]</span></span></dt><dd>Page break in the original</dd></div>' +
        '<div><dt><span class="de-mark de-printed-page" title="Page break in the printed volume"><span class="de-gen">[Page 1 of the printed volume]</span></span></dt><dd>Page break in the printed volume</dd></div>',
    );
    expect(markLegendHtml(new Set<MarkKind>(["printed-page"]), DEFAULT_LABELS).value).not.toContain("de-page");
  });

  it("shows each inline mark and a gap as the page prints them, so that supplied words and a gap differ", () => {
    const { render } = markdown();
    const sampleOf = (kind: MarkKind) =>
      /<dt>(.*?)<\/dt>/.exec(markLegendHtml(new Set([kind]), DEFAULT_LABELS).value)?.[1];
    // The legend's sample is the page's own rendering of the mark round the sample word.
    for (const kind of ["supplied", "sic", "unclear", "del", "add", "smallcaps", "underline"] as const) {
      expect(sampleOf(kind), kind).toBe(render(`{${kind}: word}`).replace(/^<p>|<\/p>$/g, ""));
    }
    expect(sampleOf("gap")).toBe(render("{gap:}").replace(/^<p>|<\/p>$/g, ""));
    expect(sampleOf("supplied")).toContain('<span class="de-gen">[</span>word<span class="de-gen">]</span>');
    expect(sampleOf("gap")).toContain('<span class="de-gen">[…]</span>');
    // A site's own sample word, escaped like every label.
    expect(markLegendHtml(new Set<MarkKind>(["supplied"]), { ...DEFAULT_LABELS, markSample: "<mot>" }).value).toContain(
      "[</span>&lt;mot&gt;<span",
    );
  });
});

describe("what a site's labels put in a mark", () => {
  it("escapes a mark's title and a mention's title, whatever the label holds", () => {
    const labels = { ...DEFAULT_LABELS, markSic: 'Thus "in" <the> original', mentionPerson: "A <b>person</b> & more" };
    const marks = markRenderer(labels, () => "/register/");
    expect(marks.open("sic", {})).toContain('title="Thus &quot;in&quot; &lt;the&gt; original"');
    expect(marks.open("person", { docId: "d" }, "han-nianlong", 1)).toContain(
      'title="A &lt;b&gt;person&lt;/b&gt; &amp; more"',
    );
  });
});
