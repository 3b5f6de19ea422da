// npm run bench -- --partitioned [--documents N ...] [--jobs J] [--partition-size D] [--single-timeout MIN] [--no-single] [--no-baseline] [--memory-limit GiB] [--cross-references] [--keep]
// For each size (default 1,000, 20,000 and 100,000 documents, 500 to an edition), three builds in
// turn, each with search:
// - plugin, partitioned: `node dist/cli.js build --jobs J [--partition-size D] --output <out>` in the
//   plugin site's folder (its eleventy.config.mjs adds the plugin with search on: each partition
//   indexes its own editions with Pagefind);
// - baseline, partitioned: the same command in the baseline site's folder, whose config
//   (bench/baseline/partitioned.config.js) ignores the other editions in a partition and indexes
//   the partition's editions with Pagefind, as the plugin's partitions do;
// - plugin, single: bench/build.mjs as `npm run bench` runs it (search off), then Pagefind over its
//   output in this process, timed; skipped from 100,000 documents (it crashed there at 17 GiB, see
//   BENCHMARKS.md) unless --single-timeout gives it minutes to try.
// With --cross-references, the first document of each edition of the plugin's site refers to a
// document of the next edition and of the edition half the series away: every edition is then in
// one group of cross-referring editions, too large for a partition, and nearly every edition is
// listed for a partition that refers to it (the build's worst case for listing runs).
// Each partitioned build runs under /usr/bin/time -f %M (the largest process's peak resident
// memory), and its process tree is sampled every 250 ms (the peak of the sum of the processes'
// resident memory, Pagefind's binary included, and each process's own peak).
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bytes, generate } from "./corpus.mjs";
import { machine, sampleTree } from "./processes.mjs";
import { cli, prepareSites, root } from "./sites.mjs";

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (kb) => `${fmt(kb / 1024)} MiB`;
const s = (ms) => `${fmt(ms / 1000, 1)} s`;

/** Runs a command, sampling its tree; resolves with its output lines (each with its time in ms from the start), code and samples. */
function run(command, args, { cwd, env = process.env, timeoutMs, limitKb } = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: Boolean(timeoutMs) });
    // Over limitKb in all, the build is stopped (the orchestrator on SIGTERM stops its children) rather
    // than left to the kernel's OOM killer on a shared machine; what each process held then is kept.
    let stopped;
    const onTick = ({ sumKb, atMs, processes }) => {
      if (!limitKb || stopped || sumKb <= limitKb) return;
      stopped = { sumKb, atMs, processes };
      const orchestrator = processes.find((p) => p.name === "orchestrator");
      try {
        process.kill(orchestrator?.pid ?? child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    };
    const sampler = sampleTree(child.pid, { onTick });
    const lines = [];
    const reader = (stream) => {
      let rest = "";
      child[stream].on("data", (chunk) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop();
        const at = performance.now() - start;
        for (const text of parts) lines.push({ at, stream, text });
      });
      child[stream].on("end", () => rest && lines.push({ at: performance.now() - start, stream, text: rest }));
    };
    reader("stdout");
    reader("stderr");
    let timedOut = false;
    const timer =
      timeoutMs &&
      setTimeout(() => {
        timedOut = true;
        process.kill(-child.pid, "SIGKILL");
      }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stopped, ms: performance.now() - start, lines, ...sampler.stop() });
    });
  });
}

/** --cross-references: edition k's first document (doc-k.md, as corpus.mjs deals them out) refers to editions k + 1 and k + E/2. */
function crossReference(site) {
  const editions = readdirSync(path.join(site, "editions")).filter((e) => e.startsWith("edition-")).length;
  const other = (k, step) => ((k - 1 + step) % editions) + 1;
  for (let k = 1; k <= editions; k++) {
    const file = path.join(site, "editions", `edition-${k}`, `doc-${k}.md`);
    const half = Math.max(1, Math.floor(editions / 2));
    appendFileSync(file, `\nSee {doc edition-${other(k, 1)}/1} and {doc edition-${other(k, half)}/1}.\n`);
  }
  return editions;
}

/** The document pages written: editions/<edition>/doc-<n>/ folders in the output. */
function documentPages(output) {
  const editions = path.join(output, "editions");
  let pages = 0;
  try {
    for (const edition of readdirSync(editions))
      pages += readdirSync(path.join(editions, edition)).filter((f) => f.startsWith("doc-")).length;
  } catch {
    // No editions folder: nothing written.
  }
  return pages;
}

/** `documentary-edition build` in a site's folder, under GNU time. */
async function partitioned(site, output, jobs, partitionSize, limitKb) {
  const timeFile = path.join(os.tmpdir(), `documentary-edition-bench-time-${process.pid}`);
  const args = ["build", "--jobs", String(jobs), ...(partitionSize ? ["--partition-size", String(partitionSize)] : [])];
  const result = await run(
    "/usr/bin/time",
    ["-f", "%M", "-o", timeFile, process.execPath, cli, ...args, "--output", output],
    { cwd: site, limitKb },
  );
  const largestKb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1));
  rmSync(timeFile, { force: true });
  const partitions = [];
  const listings = [];
  let summary;
  let pagefindLine;
  for (const { at, text } of result.lines) {
    const built = /^\[partition (\d+): [^\]]*\] built ([\d,]+) documents? in ([\d.]+) seconds$/.exec(text);
    const listed =
      /^\[listing ([^\]]*)\] listed for the partitions that refer to (?:it|them) in ([\d.]+) seconds$/.exec(text);
    if (listed) listings.push({ editions: listed[1], seconds: Number(listed[2]), endMs: at });
    if (built) partitions.push({ id: built[1], documents: Number(built[2]), seconds: Number(built[3]), endMs: at });
    if (/^(Built|Assembled) /.test(text)) summary = { at, text };
    if (/^\[assemble\] pagefind indexed/.test(text)) pagefindLine = text;
  }
  const lastPartition = Math.max(0, ...partitions.map((p) => p.endMs));
  // A build that says it is done must have written the search index too.
  const indexed = existsSync(path.join(output, "pagefind", "pagefind-entry.json"));
  return {
    ...result,
    command: `node dist/cli.js ${args.join(" ")} --output <out>`,
    largestKb,
    partitions,
    listings,
    summary: summary?.text,
    // From the last partition's "built" line to the summary: the assembling run, Pagefind included.
    assembleMs: summary ? summary.at - lastPartition : undefined,
    pagefindLine,
    failed: result.stopped
      ? `stopped by the benchmark at ${mib(result.stopped.sumKb)} in all after ${s(result.stopped.atMs)}: ${result.stopped.processes
          .filter((p) => p.rssKb > 100 * 1024)
          .map((p) => `${p.name} ${mib(p.rssKb)}`)
          .join(", ")}`
      : result.code === 0 && !indexed
        ? `exit 0 after ${s(result.ms)} but no search index in the output (${output}/pagefind/pagefind-entry.json missing)`
        : result.code !== 0
          ? result.lines
              .slice(-15)
              .map((l) => l.text)
              .join("\n")
          : undefined,
  };
}

/** The single build (bench/build.mjs, search off) and then Pagefind in this process, as `npm run bench` measures it. */
async function single(site, output, timeoutMs) {
  const heapMiB = Math.floor((os.totalmem() / 2 ** 20) * 0.9);
  const build = await run(
    process.execPath,
    [path.join(root, "bench/build.mjs"), site, output, path.join(root, "bench/plugin.config.js")],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMiB}` },
      timeoutMs,
    },
  );
  if (build.code !== 0) {
    const reason = build.timedOut ? `stopped after the timeout` : `exit ${build.code ?? build.signal}`;
    return {
      failed: `${reason} after ${s(build.ms)}, ${documentPages(output)} document pages written, ${mib(build.peakSumKb)} at most`,
      ...build,
    };
  }
  const reported = JSON.parse(build.lines.filter((l) => l.stream === "stdout").at(-1).text);
  const sampler = sampleTree(process.pid);
  const start = performance.now();
  const pagefind = await import("pagefind");
  const { index } = await pagefind.createIndex({});
  await index.addDirectory({ path: output });
  await index.writeFiles({ outputPath: path.join(output, "pagefind") });
  await index.deleteIndex();
  const searchMs = performance.now() - start;
  const searched = sampler.stop();
  return {
    buildMs: build.ms,
    searchMs,
    ms: build.ms + searchMs,
    largestKb: Math.max(reported.maxRssKb, searched.parts.pagefind?.peakKb ?? 0),
    peakSumKb: Math.max(build.peakSumKb, searched.peakSumKb),
    pagefindKb: searched.parts.pagefind?.peakKb,
    buildKb: reported.maxRssKb,
  };
}

/** Each part's peak in a partitioned build: the partitions' largest, the assembling run, Pagefind, the orchestrator. */
function partsLine(r) {
  const entries = Object.entries(r.parts);
  const partitions = entries.filter(([name]) => name.startsWith("partition "));
  const largest = partitions.sort((a, b) => b[1].peakKb - a[1].peakKb)[0];
  const pf = r.parts.pagefind;
  return [
    largest && `largest partition (${largest[0]}) ${mib(largest[1].peakKb)}`,
    r.parts.assemble && `assembling run's Node process ${mib(r.parts.assemble.peakKb)}`,
    pf && `Pagefind's binary ${mib(pf.peakKb)}, alive ${s(pf.lastMs - pf.firstMs)} (250 ms samples)`,
    r.parts.orchestrator && `orchestrator ${mib(r.parts.orchestrator.peakKb)}`,
  ]
    .filter(Boolean)
    .join("; ");
}

export async function benchPartitioned(args) {
  const sizes = args.flatMap((a, i) => (a === "--documents" ? [Number(args[i + 1])] : [])).filter((n) => n > 0);
  const counts = sizes.length ? sizes : [1000, 20000, 100000];
  const flag = (name) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  const jobs = flag("--jobs") ?? 2;
  const partitionSize = flag("--partition-size");
  const singleTimeout = flag("--single-timeout");
  // The process tree's resident memory at which a partitioned build is stopped: GiB, by default 19.
  const limitKb = (flag("--memory-limit") ?? 19) * 2 ** 20;
  console.log(
    `${machine()}; ${new Date().toISOString()}; --jobs ${jobs}, --partition-size ${partitionSize ?? "3000 (the CLI's default)"}`,
  );
  const rows = [];
  for (const n of counts) {
    const started = performance.now();
    const dir = generate(n, path.join(os.tmpdir(), "documentary-edition-bench-partitioned", String(n)));
    prepareSites(dir);
    const linked = args.includes("--cross-references") ? crossReference(path.join(dir, "plugin")) : 0;
    console.log(
      `\n${fmt(n)} documents: generated in ${s(performance.now() - started)}${linked ? `; each of the ${linked} editions refers to two others` : ""}`,
    );
    const results = {};
    for (const kind of args.includes("--no-baseline") ? ["plugin"] : ["plugin", "baseline"]) {
      const output = path.join(dir, `${kind}-partitioned-out`);
      const r = await partitioned(path.join(dir, kind), output, jobs, partitionSize, limitKb);
      r.bytes = r.failed ? undefined : bytes(output);
      r.pages = documentPages(output);
      results[kind] = r;
      console.log(`${kind}, partitioned: ${r.command}`);
      if (r.listings.length)
        console.log(
          `  ${r.listings.length} listing runs (${r.listings.map((l) => `${l.seconds} s`).join(", ")}), the last done at ${s(Math.max(...r.listings.map((l) => l.endMs)))}`,
        );
      for (const p of r.partitions)
        console.log(`  partition ${p.id}: ${fmt(p.documents)} documents in ${p.seconds} s, done at ${s(p.endMs)}`);
      if (r.pagefindLine) console.log(`  ${r.pagefindLine}`);
      const pf = r.parts.pagefind;
      const lastPartition = Math.max(0, ...r.partitions.map((p) => p.endMs));
      // Pagefind in the assembling run (as before partitions indexed their own editions) only.
      if (pf && r.partitions.length && pf.firstMs > lastPartition)
        console.log(
          `  assembling run: ${s(pf.firstMs - lastPartition)} from the last partition's end to Pagefind's start, Pagefind's binary ${s(pf.lastMs - pf.firstMs)}`,
        );
      console.log(`  ${r.summary ?? "no summary"}; ${fmt(r.pages)} document pages in the output`);
      console.log(`  peaks: ${partsLine(r)}`);
      if (r.failed) console.log(`  FAILED:\n${r.failed}`);
    }
    const skip = n >= 100000 && !singleTimeout;
    if (!args.includes("--no-single") && !skip) {
      // Eleventy ignores node_modules only in the folder it runs in: given the site as its input from
      // elsewhere, as bench/build.mjs is, it would read the link's packages as templates.
      unlinkSync(path.join(dir, "plugin", "node_modules"));
      results.single = await single(
        path.join(dir, "plugin"),
        path.join(dir, "plugin-single-out"),
        singleTimeout && singleTimeout * 60_000,
      );
      if (!results.single.failed) results.single.bytes = bytes(path.join(dir, "plugin-single-out"));
      if (results.single.failed) console.log(`single: FAILED ${results.single.failed}`);
      else
        console.log(
          `single: build ${s(results.single.buildMs)} (${mib(results.single.buildKb)}), Pagefind ${s(results.single.searchMs)} (its binary ${results.single.pagefindKb ? mib(results.single.pagefindKb) : "not sampled"})`,
        );
    } else
      results.single = {
        failed: skip ? "skipped: crashed at 17 GiB after 19–20 min (BENCHMARKS.md)" : "skipped (--no-single)",
      };
    rows.push([n, results]);
    if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\n| documents | build | wall time, with search | largest process (sampled every 250 ms) | GNU time %M | peak sum of processes | bytes written | assembling run (Pagefind's binary) |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [n, results] of rows) {
    for (const [kind, name] of [
      ["plugin", `plugin, partitioned (--jobs ${jobs})`],
      ["baseline", `baseline, partitioned (--jobs ${jobs})`],
      ["single", "plugin, single build"],
    ]) {
      const r = results[kind];
      if (!r) continue;
      if (r.failed) {
        console.log(`| ${fmt(n)} | ${name} | failed: ${r.failed.split("\n").at(-1)} | | | | | |`);
        continue;
      }
      // The largest process: GNU time misses Pagefind's binary (its Node parent does not wait for it).
      const [largest, largestKb] =
        kind === "single"
          ? (r.pagefindKb ?? 0) > r.buildKb
            ? ["Pagefind", r.pagefindKb]
            : ["the build", r.buildKb]
          : Object.entries(r.parts)
              .map(([part, p]) => [part, p.peakKb])
              .sort((a, b) => b[1] - a[1])[0];
      const pf = r.parts?.pagefind;
      console.log(
        `| ${fmt(n)} | ${name} | ${s(r.ms)}${kind === "single" ? ` (${s(r.buildMs)} + Pagefind ${s(r.searchMs)})` : ""} | ${mib(largestKb)} (${largest}) | ${kind === "single" ? "" : mib(r.largestKb)} | ${mib(r.peakSumKb)} | ${fmt(r.bytes / 2 ** 20, 1)} MiB | ${r.assembleMs === undefined ? "" : `${s(r.assembleMs)}${pf ? ` (${s(pf.lastMs - pf.firstMs)})` : ""}`} |`,
      );
    }
  }
}
