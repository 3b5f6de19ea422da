// The sample edition site: it adds the plugin exactly as a publisher would. Eleventy's default
// folders apply: the input is this folder, _includes and _data are in it, and the site goes to _site.
import documentaryEdition from "eleventy-plugin-documentary-edition";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(documentaryEdition, {
    locale: "en-US",
    // Numbered documents at /editions/<edition>/d57/, as history.state.gov gives them.
    numberedUrls: true,
  });

  // The repository also holds the plugin's own sources, tests and docs: they are not pages.
  for (const path of ["README.md", "CHANGELOG.md", "BENCHMARKS.md", "docs/", "test/", "src/", "scripts/", "bench/"]) {
    eleventyConfig.ignores.add(path);
  }
}
