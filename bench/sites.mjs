// Makes a generated corpus (corpus.mjs) buildable in its own folders, as a publisher's site is:
// an eleventy.config.mjs in each site (the plugin imported by the file URL of this worktree's
// dist/index.js, search on; the baseline's partition-aware config, bench/baseline/partitioned.config.js)
// and a node_modules link to this worktree's, where `documentary-edition build` finds Eleventy.
import { existsSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const cli = path.join(root, "dist/cli.js");

/** dir is generate()'s folder, with plugin/ and baseline/ in it. */
export function prepareSites(dir) {
  const plugin = pathToFileURL(path.join(root, "dist/index.js")).href;
  const baseline = pathToFileURL(path.join(root, "bench/baseline/partitioned.config.js")).href;
  writeFileSync(
    path.join(dir, "plugin", "eleventy.config.mjs"),
    `import documentaryEdition from ${JSON.stringify(plugin)};\n\nexport default (eleventyConfig) => eleventyConfig.addPlugin(documentaryEdition, { search: true });\n`,
  );
  writeFileSync(
    path.join(dir, "baseline", "eleventy.config.mjs"),
    `export { default } from ${JSON.stringify(baseline)};\n`,
  );
  for (const kind of ["plugin", "baseline"]) {
    const link = path.join(dir, kind, "node_modules");
    if (!existsSync(link)) symlinkSync(path.join(root, "node_modules"), link, "dir");
  }
}
