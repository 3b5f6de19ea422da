// node bench/search-download.mjs <output> [word]: what a reader's browser downloads for a one-word
// search of a built site, with the bundles its /pagefind/bundles.json lists merged (a partitioned
// build's), as the search page does: every file the Pagefind bundle fetches, counted, and the first
// five results' data. Prints JSON: bundles, results, bytes downloaded, files fetched.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [output, word = "talks"] = process.argv.slice(2);
const root = path.join(path.resolve(output), "pagefind");
let downloaded = 0;
let files = 0;
globalThis.fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = await readFile(fileURLToPath(url));
  downloaded += body.length;
  files++;
  return new Response(body);
};
const bundles = JSON.parse(await readFile(path.join(root, "bundles.json"), "utf8").catch(() => "[]"));
const pagefind = await import(pathToFileURL(path.join(root, "pagefind.js")).href);
await pagefind.options({ basePath: pathToFileURL(root + path.sep).href });
for (const bundle of bundles) await pagefind.mergeIndex(pathToFileURL(path.join(root, bundle) + path.sep).href);
const found = await pagefind.search(word);
await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
console.log(JSON.stringify({ word, bundles: 1 + bundles.length, results: found.results.length, downloaded, files }));
