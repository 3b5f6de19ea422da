// The memory of a tree of processes, sampled every 250 ms from /proc (what `ps -o rss= --ppid`
// reads): the peak of the sum of every process's resident memory, and each process's own peak,
// named by its part in the build (the orchestrator, a partition, the assembling run, Pagefind's binary).
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const PAGE_KIB = 4; // getconf PAGESIZE / 1024 on Linux x86-64

/** pid → { ppid, rssKb, comm } for every process readable now. */
function processes() {
  const all = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // comm is in brackets and may hold spaces: the fields after the last ")" are fixed.
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      all.set(Number(name), { ppid: Number(fields[1]), rssKb: Number(fields[21]) * PAGE_KIB, comm });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return all;
}

/** What a process is in the build: from its command line and its DOCUMENTARY_EDITION_PARTITION. */
function partOf(pid, comm) {
  if (/pagefind/i.test(comm)) return "pagefind";
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    const value = env.find((e) => e.startsWith("DOCUMENTARY_EDITION_PARTITION="));
    // GNU time's own process names the command it runs among its arguments: it is not that command.
    if (/(^|\/)time$/.test(args[0] ?? "")) return "time";
    if (value && /cmd\.cjs$/.test(args[1] ?? "")) {
      const role = JSON.parse(value.slice(value.indexOf("=") + 1));
      return role.role === "assemble" ? "assemble" : `partition ${role.id}`;
    }
    if (args.some((a) => a.endsWith("dist/cli.js"))) return "orchestrator";
    if (args.some((a) => a.endsWith("bench/build.mjs"))) return "single build";
    return comm;
  } catch {
    return comm;
  }
}

/**
 * Starts sampling the tree under `rootPid` (the root included unless `includeRoot` is false).
 * stop() returns { peakSumKb, parts: { name: { peakKb, firstMs, lastMs } } } (times from the start).
 */
export function sampleTree(rootPid, { includeRoot = true, everyMs = 250, onTick } = {}) {
  const start = performance.now();
  const parts = {};
  const named = new Map(); // pid → part's name, found once
  let peakSumKb = 0;
  const tick = () => {
    const all = processes();
    const children = new Map();
    for (const [pid, p] of all) {
      if (!children.has(p.ppid)) children.set(p.ppid, []);
      children.get(p.ppid).push(pid);
    }
    const tree = [];
    const stack = [rootPid];
    while (stack.length) {
      const pid = stack.pop();
      if (pid !== rootPid || includeRoot) tree.push(pid);
      stack.push(...(children.get(pid) ?? []));
    }
    let sum = 0;
    const now = performance.now() - start;
    const current = [];
    for (const pid of tree) {
      const p = all.get(pid);
      if (!p) continue;
      sum += p.rssKb;
      // Named again until it is something other than the orchestrator: a child just forked carries its
      // parent's command line and environment until it runs its own.
      if (!named.has(pid) || named.get(pid) === "orchestrator") named.set(pid, partOf(pid, p.comm));
      const name = named.get(pid);
      const part = (parts[name] ??= { peakKb: 0, firstMs: now, lastMs: now });
      part.peakKb = Math.max(part.peakKb, p.rssKb);
      part.lastMs = now;
      current.push({ pid, name, rssKb: p.rssKb });
    }
    peakSumKb = Math.max(peakSumKb, sum);
    onTick?.({ sumKb: sum, atMs: now, processes: current });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peakSumKb, parts };
    },
  };
}

export const machine = () =>
  `Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
