import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(options: object): Promise<void>;
  search(query: string, options?: object): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(bundlePath: string): Promise<void>;
}

/**
 * The search bundle the build wrote, loaded in Node as a browser would load it: its fetches of
 * index fragments read the files.
 */
export async function loadPagefind(output: string): Promise<Pagefind> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.protocol === "file:" ? new Response(await readFile(fileURLToPath(url))) : realFetch(input, init);
  };
  const bundle = pathToFileURL(path.join(output, "pagefind", "pagefind.js")).href;
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  await pagefind.options({ basePath: pathToFileURL(path.join(output, "pagefind") + path.sep).href });
  // A partitioned build's other bundles, as the search page merges them.
  const bundles = JSON.parse(await readFile(path.join(output, "pagefind", "bundles.json"), "utf8")) as string[];
  for (const bundle of bundles)
    await pagefind.mergeIndex(pathToFileURL(path.join(output, "pagefind", bundle) + path.sep).href);
  return pagefind;
}
