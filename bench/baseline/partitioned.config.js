// The baseline built the way `documentary-edition build` builds the plugin's site: the same
// orchestrator runs it, and this config reads DOCUMENTARY_EDITION_PARTITION as the plugin does. A
// partition ignores the other editions' folders and indexes its own editions with Pagefind into a
// bundle of its own, as the plugin's partitions do (/pagefind/ for the first, /pagefind/partition-<n>/
// for the others), printing how long that took; the assembling run ignores every edition (plain
// Eleventy has no site-wide page to write, and the plugin's assembling run indexes nothing).
// A listing run (the plugin's, for references across partitions) has no equivalent here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { plainEleventy } from "./eleventy.config.js";

export default (eleventyConfig) => {
  plainEleventy(eleventyConfig);
  const given = process.env.DOCUMENTARY_EDITION_PARTITION;
  if (!given) return;
  const role = JSON.parse(given);
  if (role.role !== "partition") {
    eleventyConfig.ignores.add("./editions/**");
    return;
  }
  for (const name of readdirSync("editions"))
    if (!role.editions.includes(name)) eleventyConfig.ignores.add(`./editions/${name}/**`);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const start = performance.now();
    const pagefind = await import("pagefind");
    const { index } = await pagefind.createIndex({});
    const output = path.resolve(directories.output);
    let pages = 0;
    for (const edition of role.editions)
      pages += (await index.addDirectory({ path: output, glob: `editions/${edition}/**/*.html` })).page_count;
    const bundle = role.id === "1" ? "pagefind" : path.join("pagefind", `partition-${role.id}`);
    await index.writeFiles({ outputPath: path.join(output, bundle) });
    await index.deleteIndex();
    console.log(`pagefind indexed ${pages} pages in ${((performance.now() - start) / 1000).toFixed(1)} seconds`);
  });
};
