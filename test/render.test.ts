import { describe, expect, it } from "vitest";
import { escapeHtml, html, isSafeUrl } from "../src/markup/html.js";
import {
  documentMetadataHtml,
  documentNavigationHtml,
  editionContentsHtml,
  editionListHtml,
} from "../src/render/document.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { build, source } from "./helpers/model.js";

const XSS = `<script>alert(1)</script>"' onmouseover="alert(2)`;
const context = {
  locale: "en-US",
  labels: DEFAULT_LABELS,
  register: { people: { p: { name: XSS } } },
  url: (p: string) => p,
};

describe("escaping", () => {
  it("escapes every HTML-significant character", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("escapes what html`` interpolates, but not nested html``", () => {
    const inner = html`<em>${"<b>"}</em>`;
    expect(html`<p title="${'"'}">${inner}${["<", ">"]}${undefined}${false}</p>`.value).toBe(
      '<p title="&quot;"><em>&lt;b&gt;</em>&lt;&gt;</p>',
    );
  });

  it.each([
    ["https://example.org/a", true],
    ["http://example.org", true],
    ["mailto:editor@example.org", true],
    ["/editions/a/", true],
    ["#note-1", true],
    ["javascript:alert(1)", false],
    [" JavaScript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["vbscript:x", false],
  ])("judges the URL %j safe: %s", (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe("document pieces", () => {
  const model = build(
    [
      source("e/a", {
        title: XSS,
        date: "1979-04-16",
        author: XSS,
        recipients: [XSS, "B"],
        archive: XSS,
        callNumber: XSS,
        summary: XSS,
        classification: XSS,
        source: { title: XSS, url: "https://example.org/?a=1&b=<2>" },
        translation: { language: "en", translator: XSS },
        people: ["p"],
      }),
      source("e/b", { title: "Second", date: "1979-04-17" }),
    ],
    [],
    context.register,
  );
  const [first, second] = model.documents;

  it("leave no markup from the record in the metadata list", () => {
    const out = documentMetadataHtml(first!, context).value;
    expect(out).not.toContain("<script>");
    expect(out).not.toMatch(/"\s*onmouseover=/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=&quot;alert(2)");
    expect(out).toContain('<a href="https://example.org/?a=1&amp;b=&lt;2&gt;">');
    expect(out).toContain('<div><dt>Date</dt><dd><time datetime="1979-04-16">April 16, 1979</time></dd></div>');
  });

  it("leave out a row whose field is absent", () => {
    const out = documentMetadataHtml(second!, context).value;
    expect(out).not.toContain("<dt>From</dt>");
    expect(out).not.toContain("<dt>Source</dt>");
    expect(out).not.toContain("<dd></dd>");
  });

  it("show an archive, call number or translator marked unknown as not known, in the site's words", () => {
    const [doc] = build([
      source("e/u", {
        title: "U",
        date: "1979",
        archive: "unknown",
        callNumber: "unknown",
        translation: { language: "en", translator: "unknown" },
      }),
    ]).documents;
    const out = documentMetadataHtml(doc!, context).value;
    expect(out).toContain("<div><dt>Archive</dt><dd>Not known</dd></div>");
    expect(out).toContain("<div><dt>Call number</dt><dd>Not known</dd></div>");
    expect(out).toContain("<div><dt>Translation</dt><dd>English, translator not known</dd></div>");
    expect(out).not.toMatch(/unknown|null/);
    const french = documentMetadataHtml(doc!, {
      ...context,
      labels: { ...DEFAULT_LABELS, notKnown: "Inconnu", translatorNotKnown: "traducteur inconnu" },
    }).value;
    expect(french).toContain("<dd>Inconnu</dd>");
    expect(french).toContain("traducteur inconnu");
  });

  it("escape titles in the navigation, contents and edition list", () => {
    for (const out of [
      documentNavigationHtml(second!, context).value,
      editionContentsHtml(first!.edition, context).value,
      editionListHtml(model.editions, context).value,
    ]) {
      expect(out).not.toContain("<script>");
    }
    expect(documentNavigationHtml(second!, context).value).toContain('<a href="/editions/e/a/" rel="prev">');
    const prefixed = { ...context, url: (p: string) => `/sub${p}` };
    expect(documentNavigationHtml(second!, prefixed).value).toContain('<a href="/sub/editions/e/a/" rel="prev">');
    expect(editionContentsHtml(first!.edition, prefixed).value).toContain(
      '<a href="/sub/editions/e/b/"><span class="de-label"><span class="de-number">2</span>. <span class="de-title">Second</span>',
    );
    expect(editionListHtml(model.editions, prefixed).value).toContain('<a href="/sub/editions/e/">');
  });

  it("do not link a source whose URL has an unsafe scheme", () => {
    const doc = { ...second!, source: { title: "S", url: "javascript:alert(1)" } };
    const out = documentMetadataHtml(doc, context).value;
    expect(out).toContain("<dd>S</dd>");
    expect(out).not.toContain("javascript:");
  });
});
