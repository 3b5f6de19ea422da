// npm run bench:incremental [-- --documents 5000]
// Serves a synthetic edition with `eleventy --serve --incremental`, saves one document's Markdown
// several times, and reports how long each save takes to reach its rebuilt page in the output
// folder, and to finish the rebuild (Eleventy's own count of the files it wrote).
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./corpus.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const n = Number(flag("--documents", 5000));
const saves = Number(flag("--saves", 5));
const dir = generate(n, path.join(os.tmpdir(), `documentary-edition-incremental-${n}`));

function serve(input, output, config) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"),
      `--input=${path.basename(input)}`,
      `--output=${path.basename(output)}`,
      `--config=${config}`,
      "--serve",
      "--incremental",
      "--port=8391",
    ],
    // From the site's own folder, as a publisher runs it: given an input folder outside the working
    // folder, Eleventy 3.1.8 does not match the saved file and rewrites every page.
    { cwd: path.dirname(input), env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=16384" } },
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
  };
}

async function measure(kind, config) {
  const input = path.join(dir, kind);
  const output = path.join(dir, `${kind}-out`);
  const started = performance.now();
  const server = serve(input, output, config);
  await server.next(/Server at/, 0);
  const initial = performance.now() - started;
  const file = path.join(input, "editions", "edition-1", "doc-1.md");
  const page = path.join(output, "editions", "edition-1", "doc-1", "index.html");
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
  server.child.kill();
  writeFileSync(file, original);
  return { initial, results };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${n.toLocaleString("en-US")} documents, eleventy --serve --incremental, ${saves} saves of one document`);
for (const [kind, config] of [
  ["baseline", path.join(root, "bench/baseline/eleventy.config.js")],
  ["plugin", path.join(root, "bench/plugin.config.js")],
]) {
  const { initial, results } = await measure(kind, config);
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  console.log(
    `| ${kind} | first build and server ${fmt(initial)} | save to page written: median ${fmt(median("written"))} (${results.map((r) => fmt(r.written)).join(", ")}) | save to rebuild done: median ${fmt(median("built"))}, ${results[0].files} files written |`,
  );
}
if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
