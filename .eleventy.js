// The sample edition site: it adds the plugin exactly as a publisher would.
import documentaryEdition from "eleventy-plugin-documentary-edition";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(documentaryEdition, {
    locale: "en-US",
  });
}

export const config = {
  dir: {
    input: ".",
    includes: "_includes",
    data: "_data",
    output: "_site",
  },
};
