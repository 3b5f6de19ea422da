// A publisher's own document layout, written in Liquid from the documented shortcodes and filters
// (test/fixtures/liquid), gives the cable the same article as the default layout: its text, its
// record, its cite box, and the attributes Pagefind's filters read (the documentSearch shortcode).
import { beforeAll, describe, expect, it } from "vitest";
import { allByClass, buildSite, type BuiltSite } from "./helpers/site.js";

const CABLE = "/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/";
const article = (page: string) => /<article class="de-document"[\s\S]*?<\/article>/.exec(page)?.[0] ?? "";

describe("a document layout of the site's own, in Liquid", () => {
  let standard: BuiltSite;
  let liquid: BuiltSite;
  beforeAll(async () => {
    standard = await buildSite(".", ".eleventy.js");
    liquid = await buildSite(".", "test/fixtures/liquid/eleventy.config.js");
  }, 120_000);

  it("prints the cable's article as the default layout does, byte for byte", () => {
    expect(article(liquid.read(CABLE))).not.toBe("");
    expect(article(liquid.read(CABLE))).toBe(article(standard.read(CABLE)));
  });

  it("keeps what search reads: the page's body, its filters, its result metadata and its sort key", () => {
    const page = liquid.read(CABLE);
    expect(page).toContain('<article class="de-document" data-pagefind-body>');
    const search = allByClass(page, "de-document")[0] ?? "";
    for (const attribute of [
      'data-pagefind-filter="edition"',
      'data-pagefind-filter="year">1979',
      'data-pagefind-filter="type">telegram',
      'data-pagefind-meta="date">April 16, 1979',
      'data-pagefind-sort="date">1979-04-16',
    ]) {
      expect(search).toContain(attribute);
    }
  });
});
