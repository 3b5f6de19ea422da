/**
 * Full-text search: Pagefind indexes the built site after every build, in one pass, and the search
 * page loads only the fragments of the index a query needs. The document layout marks what is
 * indexed (the text and its notes), the filters (edition, year, type, classification, language)
 * and the metadata shown in results (date, summary).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";

export const SEARCH_SCRIPT_URL = "/documentary-edition/search.js";

/** The list of a partitioned build's other bundles, beside the first; `[]` for a plain build's one index. */
export const BUNDLES_FILE = "bundles.json";

/**
 * Where this run's index goes and what it covers. A plain build indexes the whole site into
 * /pagefind/. In a partitioned build each partition indexes its own editions' pages (Pagefind's
 * memory grows with the pages it holds: one index of a whole large series does not fit in a
 * partition's budget), the first into /pagefind/ and each other into /pagefind/partition-<id>/;
 * the assembling run indexes nothing and lists those bundles in /pagefind/bundles.json, which the
 * search page merges (Pagefind's mergeIndex).
 */
export type SearchPart =
  | { role: "site" }
  | { role: "partition"; id: string; folders: () => string[] }
  | { role: "assemble"; partitions: () => string[] };

/**
 * Pagefind's Node wrapper does not notice its process's end: a Pagefind killed (out of memory, say)
 * leaves the build waiting on it until Node runs out of work and exits as if it had succeeded. An
 * index begun and not written makes the process's exit a failure, with the reason.
 */
let unfinished: string | undefined;
process.on("exit", () => {
  if (unfinished === undefined) return;
  console.error(
    `[documentary-edition] Pagefind stopped before it wrote the search index ${unfinished} (was it killed, out of memory?); the build failed`,
  );
  process.exitCode = 1;
});

async function writeIndex(output: string, folders: string[] | undefined, bundle: string): Promise<void> {
  unfinished = path.join(output, bundle);
  await indexFolders(output, folders, bundle);
  unfinished = undefined;
}

async function indexFolders(output: string, folders: string[] | undefined, bundle: string): Promise<void> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`[documentary-edition] Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const folder of folders ?? [""]) {
      const added = await index.addDirectory({ path: output, ...(folder ? { glob: `${folder}**/*.html` } : {}) });
      if (added.errors.length)
        throw new Error(`[documentary-edition] Pagefind could not index the site: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(output, bundle) });
    if (written.errors.length)
      throw new Error(`[documentary-edition] Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}

const writeBundles = (output: string, bundles: string[]) => {
  mkdirSync(path.join(output, "pagefind"), { recursive: true });
  writeFileSync(path.join(output, "pagefind", BUNDLES_FILE), `${JSON.stringify(bundles)}\n`);
};

export function installSearch(config: EleventyConfig, options: Options, part: SearchPart = { role: "site" }): void {
  if (!options.search) return;
  let indexed = false;
  // The partitions are read as the run starts: the staging folder is gone by its end.
  let partitions: string[] = [];
  if (part.role === "assemble") config.on("eleventy.before", () => (partitions = part.partitions()));
  config.on("eleventy.after", async ({ directories, outputMode, incremental }) => {
    if (outputMode && outputMode !== "fs") return;
    // Pagefind cannot update an index, only make it again from the whole site: with
    // `--incremental`, it is made on the first build only, and a save rebuilds just the pages.
    if (incremental && indexed) return;
    indexed = true;
    const output = path.resolve(directories.output);
    if (part.role === "assemble") {
      writeBundles(
        output,
        partitions.filter((id) => id !== "1").map((id) => `partition-${id}/`),
      );
      return;
    }
    if (part.role === "site") {
      await writeIndex(output, undefined, "pagefind");
      writeBundles(output, []);
      return;
    }
    // A partition's editions' folders, as their URLs give them (`/editions/talks/` → editions/talks/).
    const folders = part.folders().map((url) => url.replace(/^\//, ""));
    const first = part.id === "1" || part.id === "0";
    await writeIndex(output, folders, first ? "pagefind" : path.join("pagefind", `partition-${part.id}`));
  });
  config.addPassthroughCopy({ [new URL("../assets/search.js", import.meta.url).pathname]: SEARCH_SCRIPT_URL.slice(1) });
}
