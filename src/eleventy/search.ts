/**
 * Full-text search: Pagefind indexes the built site after every build, in one pass, and the search
 * page loads only the fragments of the index a query needs. The document layout marks what is
 * indexed (the text and its notes), the filters (edition, year, type, classification, language)
 * and the metadata shown in results (date, summary).
 */
import path from "node:path";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";

export const SEARCH_SCRIPT_URL = "/documentary-edition/search.js";

/** `indexes`: whether this run makes the index (a partition of a partitioned build leaves it to the assembling run). */
export function installSearch(config: EleventyConfig, options: Options, indexes = true): void {
  if (!options.search) return;
  let indexed = false;
  config.on("eleventy.after", async ({ directories, outputMode, incremental }) => {
    if (!indexes || (outputMode && outputMode !== "fs")) return;
    // Pagefind cannot update an index, only make it again from the whole site: with
    // `--incremental`, it is made on the first build only, and a save rebuilds just the pages.
    if (incremental && indexed) return;
    indexed = true;
    const pagefind = await import("pagefind");
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`[documentary-edition] Pagefind could not start: ${errors.join("; ")}`);
    try {
      const output = path.resolve(directories.output);
      const added = await index.addDirectory({ path: output });
      if (added.errors.length)
        throw new Error(`[documentary-edition] Pagefind could not index the site: ${added.errors.join("; ")}`);
      const written = await index.writeFiles({ outputPath: path.join(output, "pagefind") });
      if (written.errors.length)
        throw new Error(`[documentary-edition] Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      await index.deleteIndex();
    }
  });
  config.addPassthroughCopy({ [new URL("../assets/search.js", import.meta.url).pathname]: SEARCH_SCRIPT_URL.slice(1) });
}
