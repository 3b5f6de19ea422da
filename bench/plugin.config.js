// The benchmark's plugin build: every feature on (pages, citations, downloads, TEI, feeds, indexes);
// search is indexed and measured separately, after the build.
import documentaryEdition from "eleventy-plugin-documentary-edition";

export default (eleventyConfig) => eleventyConfig.addPlugin(documentaryEdition, { search: false });
