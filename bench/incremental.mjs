// npm run bench:incremental [-- --documents 5000]
// npm run bench:incremental -- --edition [edition-7] [--documents 20000]: one edition of the series
// served alone, as `documentary-edition serve <edition>` does (that command if dist/cli.js has it;
// otherwise Eleventy --serve --incremental with DOCUMENTARY_EDITION_PARTITION naming the edition,
// which is what serve runs), the plugin's site only.
// Serves a synthetic edition with `eleventy --serve --incremental`, saves one document's Markdown
// several times, and reports how long each save takes to reach its rebuilt page in the output
// folder, and to finish the rebuild (Eleventy's own count of the files it wrote).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./corpus.mjs";
import { sampleTree } from "./processes.mjs";
import { cli, prepareSites } from "./sites.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const oneEdition = args.includes("--edition");
const editionName = oneEdition && !String(flag("--edition", "")).startsWith("--") ? flag("--edition") : "edition-7";
const n = Number(flag("--documents", oneEdition ? 20000 : 5000));
const saves = Number(flag("--saves", 5));
const dir = generate(n, path.join(os.tmpdir(), `documentary-edition-incremental-${n}`));

/** Eleventy --serve --incremental from the site's folder (`cwd`), or another command that runs it. */
function serve(input, output, config, command, env = {}) {
  const args = command ?? [
    path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"),
    `--input=${path.basename(input)}`,
    `--output=${path.basename(output)}`,
    `--config=${config}`,
    "--serve",
    "--incremental",
    "--port=8391",
  ];
  const child = spawn(
    process.execPath,
    args,
    // From the site's own folder, as a publisher runs it: given an input folder outside the working
    // folder, Eleventy 3.1.8 does not match the saved file and rewrites every page.
    // A command of its own (--edition) runs in the site's folder itself.
    {
      cwd: command === undefined ? path.dirname(input) : input,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=16384", ...env },
    },
  );
  let log = "";
  const waiters = [];
  const onData = (chunk) => {
    log += chunk;
    for (const waiter of waiters.splice(0)) if (!waiter()) waiters.push(waiter);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  /** Resolves with the first match of pattern in the log after offset. */
  const next = (pattern, offset) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${pattern}; log:\n${log.slice(-2000)}`)),
        600_000,
      );
      const check = () => {
        const match = pattern.exec(log.slice(offset));
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
        return Boolean(match);
      };
      if (!check()) waiters.push(check);
    });
  return {
    child,
    next,
    get length() {
      return log.length;
    },
    get log() {
      return log;
    },
  };
}

/** A document of the edition (generate() deals documents to the editions in turn) and its page's path. */
function documentOf(edition) {
  const editions = Math.max(1, Math.round(n / 500));
  const i = Number(edition.replace(/^edition-/, "")) - 1;
  if (!(i >= 0 && i < editions)) throw new Error(`${edition}: expected edition-1 to edition-${editions}`);
  return {
    file: path.join("editions", edition, `doc-${i + 1}.md`),
    page: path.join("editions", edition, `doc-${i + 1}`, "index.html"),
  };
}

async function measure(kind, config, edition = "edition-1", how) {
  const input = path.join(dir, kind);
  const output = how?.output ?? path.join(dir, `${kind}-out`);
  const started = performance.now();
  const server = how ? serve(input, output, config, how.command, how.env) : serve(input, output, config);
  const sampler = sampleTree(server.child.pid);
  await server.next(/Server at|localhost:\d+/, 0);
  const initial = performance.now() - started;
  const { file: relative, page: pagePath } = documentOf(edition);
  const file = path.join(input, relative);
  const page = path.join(output, pagePath);
  const original = readFileSync(file, "utf8");
  const results = [];
  // Let the watcher settle after the first build.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (let i = 1; i <= saves; i++) {
    const word = `Incremental${i}x${Date.now()}`;
    const offset = server.length;
    const saved = performance.now();
    writeFileSync(file, `${original}\n${word}\n`);
    let written;
    while (!written) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (performance.now() - saved > 120_000) {
        server.child.kill();
        writeFileSync(file, original);
        throw new Error(
          `${page}: not rewritten 120 s after the save of ${file}; the server's output:\n${server.log.slice(-3000)}`,
        );
      }
      try {
        if (readFileSync(page, "utf8").includes(word)) written = performance.now() - saved;
      } catch {
        // Not written yet: the next poll looks again.
      }
    }
    const [, files, seconds] = await server.next(/Wrote (\d+) files?(?: \(skipped \d+\))? in ([\d.]+) seconds/, offset);
    results.push({ written, built: performance.now() - saved, files: Number(files), eleventySeconds: Number(seconds) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const memory = sampler.stop();
  server.child.kill();
  writeFileSync(file, original);
  return { initial, results, memory };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (results, key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];

if (oneEdition) {
  // `documentary-edition serve <edition>` if this build of the command has it, else what it runs.
  const hasServe = /^\s*serve\b/m.test(execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" }));
  prepareSites(dir);
  const site = path.join(dir, "plugin");
  const staging = mkdtempSync(path.join(os.tmpdir(), "documentary-edition-serve-"));
  const how = hasServe
    ? { command: [cli, "serve", editionName, "--port", "8391"], output: path.join(site, "_site"), env: {} }
    : {
        command: [path.join(site, "node_modules/@11ty/eleventy/cmd.cjs"), "--serve", "--incremental", "--port=8391"],
        output: path.join(site, "_site"),
        env: {
          DOCUMENTARY_EDITION_PARTITION: JSON.stringify({
            role: "partition",
            id: "0",
            editions: [editionName],
            staging,
          }),
        },
      };
  console.log(
    `${n.toLocaleString("en-US")} documents, ${editionName} (${Math.round(n / Math.max(1, Math.round(n / 500)))} documents) served alone: ${
      hasServe
        ? `node dist/cli.js serve ${editionName} --port 8391`
        : `eleventy --serve --incremental with DOCUMENTARY_EDITION_PARTITION=${how.env.DOCUMENTARY_EDITION_PARTITION} (dist/cli.js has no serve command)`
    }; ${saves} saves of one document`,
  );
  const { initial, results, memory } = await measure("plugin", undefined, editionName, how);
  console.log(
    `| plugin, ${editionName} alone | first build and server ${fmt(initial)} | save to page written: median ${fmt(median(results, "written"))} (${results.map((r) => fmt(r.written)).join(", ")}) | save to rebuild done: median ${fmt(median(results, "built"))}, ${results[0].files} files written | peak memory ${Math.round(memory.peakSumKb / 1024)} MiB |`,
  );
  rmSync(staging, { recursive: true, force: true });
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

console.log(`${n.toLocaleString("en-US")} documents, eleventy --serve --incremental, ${saves} saves of one document`);
for (const [kind, config] of [
  ["baseline", path.join(root, "bench/baseline/eleventy.config.js")],
  ["plugin", path.join(root, "bench/plugin.config.js")],
]) {
  const { initial, results } = await measure(kind, config);
  console.log(
    `| ${kind} | first build and server ${fmt(initial)} | save to page written: median ${fmt(median(results, "written"))} (${results.map((r) => fmt(r.written)).join(", ")}) | save to rebuild done: median ${fmt(median(results, "built"))}, ${results[0].files} files written |`,
  );
}
if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
