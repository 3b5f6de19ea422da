import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks } from "./helpers/links.js";
import { buildFailure, buildSite, byClass, type BuiltSite } from "./helpers/site.js";

const SITE = "test/fixtures/mentions";

describe("mentions in an introduction, a source note and a summary, and a site's own fields", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(SITE, `${SITE}/eleventy.config.js`);
  }, 60_000);

  it("links a mention in the introduction to the register, which links back to it", () => {
    const edition = site.read("/editions/e/");
    expect(edition).toContain(
      '<a class="de-mark de-mention de-person" id="e-index-person-ambassador-1" href="/editions/e/register/#person-ambassador"',
    );
    const register = site.read("/editions/e/register/");
    expect(register).toContain(
      '<a href="/editions/e/#e-index-person-ambassador-1">Introduction</a>, <a href="/editions/e/a/#e-a-person-ambassador-1">Document 1</a>, <a href="/editions/e/a/#e-a-person-ambassador-2">Document 1 (2)</a>',
    );
  });

  it("links a mention in the source note, numbered after the text's", () => {
    const note = byClass(site.read("/editions/e/a/"), "de-notes");
    expect(note).toContain('id="e-a-person-ambassador-2" href="/editions/e/register/#person-ambassador"');
  });

  it("gives the TEI the source note from its Markdown, its mention a persName with the page's id", () => {
    expect(site.read("/editions/e/a/document.xml")).toContain(
      '<note type="source">Source: A copy given by the <persName xml:id="e-a-person-ambassador-2" ref="/editions/e/register/#person-ambassador">Ambassador</persName>.</note>',
    );
  });

  it("shows a summary's mention as its words, and lists the document under the entry", () => {
    expect(site.read("/editions/e/")).toContain("A letter from Lord Carrington.");
    expect(site.read("/editions/e/a/")).toContain('<meta name="description" content="A letter from Lord Carrington.">');
    const register = site.read("/editions/e/register/");
    expect(register).toMatch(
      /Lord Carrington<\/dt>[\s\S]*?Concerned in: <a href="\/editions\/e\/a\/"><span class="de-label"><span class="de-number">1<\/span>\. <span class="de-title">/,
    );
  });

  it("gives a site's own declared fields to its layouts", () => {
    expect(site.read("/editions/e/b/")).toContain('<p class="own-volume">Volume 20, also 20</p>');
    expect(site.read("/editions/e/a/")).not.toContain("own-volume");
  });

  it("leaves no link without its target", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });
});

describe("a site's own layout that gives a shortcode no document", () => {
  it("stops, naming the shortcode, the page and what it needs", async () => {
    const G = "test/fixtures/shortcode-bad";
    const error = await buildFailure(G, `${G}/eleventy.config.js`);
    expect(error.message).toBe(
      "[documentary-edition] 1 problem in a template (1 file); the page was not written:\n" +
        `  - ${G}/editions/e/a.md: shortcode documentTime: found nothing; expected a document, as \`page | documentOf\` gives it`,
    );
  });
});
