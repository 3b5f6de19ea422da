// The benchmark's baseline: plain Eleventy with markdown-it-footnote over the same Markdown bodies,
// in a one-line layout. What the plugin costs is measured against this.
import footnote from "markdown-it-footnote";

/** Plain Eleventy's build; `after` is markup the layout prints after the text (the control build's). */
export function plainEleventy(eleventyConfig, after = "") {
  eleventyConfig.amendLibrary("md", (md) => md.use(footnote));
  eleventyConfig.addTemplate(
    "_includes/baseline.njk",
    `<!DOCTYPE html><html lang="en"><head><title>{{ title }}</title></head><body><main>{{ content | safe }}</main>${after}</body></html>`,
  );
  eleventyConfig.addGlobalData("layout", "baseline.njk");
}

export default (eleventyConfig) => plainEleventy(eleventyConfig);
