// The baseline built the way `documentary-edition build` builds the plugin's site: the same
// orchestrator runs it, and this config reads DOCUMENTARY_EDITION_PARTITION as the plugin does. A
// partition ignores the other editions' folders; the assembling run ignores every edition (plain
// Eleventy has no site-wide page to write) and indexes the whole output with Pagefind, as the
// plugin's assembling run does, printing how long that took.
import { readdirSync } from "node:fs";
import path from "node:path";
import { plainEleventy } from "./eleventy.config.js";

export default (eleventyConfig) => {
  plainEleventy(eleventyConfig);
  const given = process.env.DOCUMENTARY_EDITION_PARTITION;
  if (!given) return;
  const role = JSON.parse(given);
  if (role.role === "partition") {
    for (const name of readdirSync("editions"))
      if (!role.editions.includes(name)) eleventyConfig.ignores.add(`./editions/${name}/**`);
    return;
  }
  eleventyConfig.ignores.add("./editions/**");
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const start = performance.now();
    const pagefind = await import("pagefind");
    const { index } = await pagefind.createIndex({});
    const output = path.resolve(directories.output);
    const added = await index.addDirectory({ path: output });
    await index.writeFiles({ outputPath: path.join(output, "pagefind") });
    await index.deleteIndex();
    console.log(
      `pagefind indexed ${added.page_count} pages in ${((performance.now() - start) / 1000).toFixed(1)} seconds`,
    );
  });
};
