// The sample site built under a path prefix, in a test file of its own: a process that has built
// another site first finds Nunjucks looking for that site's partials.
import { describe, expect, it } from "vitest";
import { buildSite, tempDir } from "./helpers/site.js";

describe("the sample site under a path prefix", () => {
  it("prefixes the links of cross-references, parts and breadcrumbs as every link the plugin prints", async () => {
    const site = await buildSite(".", ".eleventy.js", tempDir(), { pathPrefix: "/edition/" });
    const page = site.read("/editions/frus1969-76v19p1/d47/");
    expect(page).toContain(
      '<a href="/edition/editions/frus1969-76v19p1/d45/" class="de-xref" title="Document 45: Memorandum From President Nixon to the President’s Assistant for National Security Affairs (Kissinger)">Document 45</a>',
    );
    expect(page).toContain('<a href="/edition/editions/frus1969-76v19p1/comp1/">Korea</a>');
    expect(site.read("/editions/frus1969-76v19p1/")).toContain(
      '<a href="/edition/editions/frus1969-76v19p1/comp1/ch2/">U.S. Troop Reductions',
    );
  }, 60_000);
});
