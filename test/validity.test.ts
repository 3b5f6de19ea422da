// Every built page of the sample site and of the fixture site passes html-validate (the project's
// .htmlvalidate.mjs: the recommended rules, each rule turned off named and justified there), and
// every JSON-LD block parses.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "./helpers/site.js";
import { htmlValidate, problems } from "./helpers/validity.js";

describe("validity", () => {
  it("is checked by a validator that finds faults (the check can fail)", async () => {
    const report = await htmlValidate.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="x"></body></html>',
      path.resolve("_site/x.html"),
    );
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(["doctype-style", "wcag/h37"]),
    );
  });

  it("of every page of the sample site", async () => {
    const site = await buildSite(".", ".eleventy.js");
    expect(await problems(site.output)).toEqual([]);
  }, 120_000);

  it("of every page of the sample site built with a document layout of its own, in Liquid", async () => {
    const site = await buildSite(".", "test/fixtures/liquid/eleventy.config.js");
    expect(await problems(site.output)).toEqual([]);
  }, 120_000);

  it("of every page of a site with several editions, notes, marks and a header placed by hand", async () => {
    const site = await buildSite("test/fixtures/multi", "test/fixtures/multi/eleventy.config.js");
    expect(await problems(site.output)).toEqual([]);
  }, 120_000);

  it("of the pages of a pipe table (marks, a mention and a note in its cells), of a FRUS letter and of pages of two kinds", async () => {
    const site = await buildSite("test/fixtures/tei", "test/fixtures/tei/eleventy.config.js");
    expect(await problems(site.output, (page) => /table-and-closing|frus-1969|printed-pages/.test(page))).toEqual([]);
  }, 120_000);
});
