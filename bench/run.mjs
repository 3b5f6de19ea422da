// npm run bench [-- --documents 1000 --documents 5000] [--rounds 3] [--control] [--no-search] [--keep] [--node-options "…"]
// npm run bench -- --partitioned [--documents N …] [--jobs J] [--partition-size D]: bench/partitioned.mjs
// Builds a synthetic edition of N documents made from the sample cable twice, each build in a
// process of its own: with the plugin and all its features, and with plain Eleventy and
// markdown-it-footnote over the same Markdown bodies (bench/baseline); with --rounds R, R rounds of
// the two builds, one after the other, and the median of each (a shared machine's wall times vary
// by a quarter). Reports wall time, time per document, peak memory, bytes written and the ratios;
// then Pagefind's indexing time, its index's size, and what a search for one word downloads.
// With --control, a third build each round: the baseline with its document pages padded to the
// plugin's size (bench/control), which tells what the page's size costs apart from the plugin.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bytes, generate } from "./corpus.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
if (args.includes("--partitioned")) {
  // Partitioned builds (documentary-edition build) against the single one: bench/partitioned.mjs.
  const { benchPartitioned } = await import("./partitioned.mjs");
  await benchPartitioned(args);
  process.exit(0);
}
const sizes = args.flatMap((a, i) => (a === "--documents" ? [Number(args[i + 1])] : [])).filter((n) => n > 0);
const counts = sizes.length ? sizes : [1000, 5000];
// Node options for both builds, after the heap limit: `--node-options "--max-semi-space-size=64"`.
const nodeOptions = args.includes("--node-options") ? ` ${args[args.indexOf("--node-options") + 1] ?? ""}` : "";
const control = args.includes("--control");
const rounds = args.includes("--rounds") ? Math.max(1, Number(args[args.indexOf("--rounds") + 1]) || 1) : 1;

// Each build may use nine tenths of the machine's memory: running out of it is a result, not a limit we set.
const heapMiB = Math.floor((os.totalmem() / 2 ** 20) * 0.9);

/** One build in a process of its own; a build that fails (out of memory, say) is reported, not thrown. */
function build(input, output, config, env = {}) {
  const start = performance.now();
  try {
    const out = execFileSync(process.execPath, [path.join(root, "bench/build.mjs"), input, output, config], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env, NODE_OPTIONS: `--max-old-space-size=${heapMiB}${nodeOptions}` },
    });
    return { ...JSON.parse(out.trim().split("\n").at(-1)), bytes: bytes(output) };
  } catch (error) {
    const stderr = String(error.stderr ?? "");
    const reason = /heap out of memory/i.test(stderr)
      ? "out of memory"
      : error.signal
        ? `killed (${error.signal})`
        : stderr.trim().split("\n").at(-1) || error.message;
    return { failed: `${reason} after ${((performance.now() - start) / 1000) | 0} s` };
  }
}

/** The mean size of a document's page in a built site (editions/<edition>/doc-<n>/index.html). */
function documentPageBytes(output) {
  let total = 0;
  let pages = 0;
  const editions = path.join(output, "editions");
  for (const edition of readdirSync(editions)) {
    for (const doc of readdirSync(path.join(editions, edition))) {
      if (!doc.startsWith("doc-")) continue;
      total += statSync(path.join(editions, edition, doc, "index.html")).size;
      pages++;
    }
  }
  return total / pages;
}

async function search(output, word) {
  const pagefind = await import("pagefind");
  const start = performance.now();
  const { index } = await pagefind.createIndex({});
  await index.addDirectory({ path: output });
  await index.writeFiles({ outputPath: path.join(output, "pagefind") });
  await index.deleteIndex();
  const ms = performance.now() - start;
  // What a reader's browser downloads for one word: the bundle's fetches, counted.
  let downloaded = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = await readFile(fileURLToPath(url));
    downloaded += body.length;
    return new Response(body);
  };
  const bundle = await import(pathToFileURL(path.join(output, "pagefind", "pagefind.js")).href + `?n=${Math.random()}`);
  await bundle.options({ basePath: pathToFileURL(path.join(output, "pagefind") + path.sep).href });
  await bundle.init?.();
  const results = await bundle.search(word);
  await Promise.all(results.results.slice(0, 5).map((r) => r.data()));
  globalThis.fetch = realFetch;
  const wasm = readdirSync(path.join(output, "pagefind"))
    .filter((f) => f.startsWith("wasm."))
    .map((f) => statSync(path.join(output, "pagefind", f)).size);
  return {
    ms,
    indexBytes: bytes(path.join(output, "pagefind")),
    downloaded,
    results: results.results.length,
    wasmBytes: Math.max(...wasm),
  };
}

/** The median wall time and the median peak memory of the runs; a failed run, if any failed. */
function median(list) {
  const failed = list.find((r) => r.failed);
  if (failed) return failed;
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  return { ms: middle(list.map((r) => r.ms)), maxRssKb: middle(list.map((r) => r.maxRssKb)), bytes: list[0].bytes };
}

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `Node ${process.version}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; ${new Date().toISOString().slice(0, 10)}${nodeOptions ? `; node options${nodeOptions}` : ""}`,
);
for (const n of counts) {
  const dir = generate(n);
  const runs = { baseline: [], plugin: [], control: [] };
  const pageBytes = {};
  for (let round = 1; round <= rounds; round++) {
    // Each round writes to folders of its own: deleting a site just built slows the next build's writes.
    runs.baseline.push(
      build(
        path.join(dir, "baseline"),
        path.join(dir, `baseline-out-${round}`),
        path.join(root, "bench/baseline/eleventy.config.js"),
      ),
    );
    runs.plugin.push(
      build(path.join(dir, "plugin"), path.join(dir, `plugin-out-${round}`), path.join(root, "bench/plugin.config.js")),
    );
    if (!control || runs.baseline[0].failed || runs.plugin[0].failed) continue;
    if (round === 1) {
      pageBytes.baseline = documentPageBytes(path.join(dir, "baseline-out-1"));
      pageBytes.plugin = documentPageBytes(path.join(dir, "plugin-out-1"));
    }
    const padding = String(Math.round(pageBytes.plugin - pageBytes.baseline));
    runs.control.push(
      build(
        path.join(dir, "baseline"),
        path.join(dir, `control-out-${round}`),
        path.join(root, "bench/control/eleventy.config.js"),
        { BENCH_PADDING: padding },
      ),
    );
    if (round === 1 && !runs.control[0].failed) pageBytes.control = documentPageBytes(path.join(dir, "control-out-1"));
  }
  const [baseline, plugin] = [median(runs.baseline), median(runs.plugin)];
  const controlled = runs.control.length ? median(runs.control) : undefined;
  const found =
    args.includes("--no-search") || plugin.failed
      ? undefined
      : await search(path.join(dir, `plugin-out-${rounds}`), "Hanoi");
  console.log(
    `\n${fmt(n)} documents${rounds > 1 ? `, median of ${rounds} rounds (fastest and slowest in brackets)` : ""}`,
  );
  console.log("| build | wall time | ms per document | peak memory | bytes written |");
  console.log("| --- | --- | --- | --- | --- |");
  const rows = [["baseline", baseline], ["plugin", plugin], ...(controlled ? [["control", controlled]] : [])];
  for (const [name, r] of rows) {
    const times = runs[name].map((run) => run.ms).sort((a, b) => a - b);
    const spread = rounds > 1 && !r.failed ? ` (${fmt(times[0] / 1000, 1)}–${fmt(times.at(-1) / 1000, 1)})` : "";
    if (r.failed) console.log(`| ${name} | failed: ${r.failed} | | | |`);
    else
      console.log(
        `| ${name} | ${fmt(r.ms / 1000, 1)} s${spread} | ${fmt(r.ms / n, 2)} | ${fmt(r.maxRssKb / 1024)} MiB | ${fmt(r.bytes / 2 ** 20, 1)} MiB |`,
      );
  }
  if (!plugin.failed && !baseline.failed) {
    console.log(
      `| plugin / baseline | ${fmt(plugin.ms / baseline.ms, 2)}× | | ${fmt(plugin.maxRssKb / baseline.maxRssKb, 2)}× | ${fmt(plugin.bytes / baseline.bytes, 2)}× |`,
    );
  }
  if (controlled && !controlled.failed && !baseline.failed) {
    console.log(
      `| control / baseline | ${fmt(controlled.ms / baseline.ms, 2)}× | | ${fmt(controlled.maxRssKb / baseline.maxRssKb, 2)}× | ${fmt(controlled.bytes / baseline.bytes, 2)}× |`,
    );
    if (!plugin.failed)
      console.log(
        `| plugin / control | ${fmt(plugin.ms / controlled.ms, 2)}× | | ${fmt(plugin.maxRssKb / controlled.maxRssKb, 2)}× | |`,
      );
    const kb = (b) => `${fmt(b / 1024, 1)} KiB`;
    console.log(
      `A document's page: ${kb(pageBytes.baseline)} in the baseline, ${kb(pageBytes.plugin)} with the plugin, ${kb(pageBytes.control)} in the control build`,
    );
  }
  if (found)
    console.log(
      `Pagefind: indexing ${fmt(found.ms / 1000, 1)} s, index ${fmt(found.indexBytes / 2 ** 20, 1)} MiB; a search for "Hanoi" (${fmt(found.results)} results, first 5 loaded) downloads ${fmt(found.downloaded / 1024)} KiB, of which ${fmt(found.wasmBytes / 1024)} KiB is the search engine itself`,
    );
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
}
