// The build command's orchestration of partitioned builds: its arguments, the plan of partitions on
// folders of editions, and the runs with a fake Runner (no Eleventy is started), so that what is run,
// with which environment, how many at once, and what a failure does are tested on their own.
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArguments, HELP, type BuildArguments } from "../src/build/arguments.js";
import { labelled, partitionLabel, runBuild, STAGING } from "../src/build/command.js";
import { PARTITION_VARIABLE } from "../src/build/role.js";
import {
  byCodePoint,
  editionGroups,
  listEditions,
  listings,
  planPartitions,
  scanEdition,
  type Partition,
} from "../src/build/plan.js";
import { SERVE_HELP, serveArguments, serveCommand } from "../src/build/serve.js";
import { eleventyCommand, spawnRunner, type ChildResult, type Runner } from "../src/build/run.js";
import { CommandError } from "../src/import/command.js";
import { tempDir } from "./helpers/site.js";

const failure = async (fn: () => unknown): Promise<CommandError> => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error("expected a CommandError");
};

/** A site whose editions have the given numbers of documents, each with an index.md that is not one. */
function site(editions: Record<string, number>): string {
  const folder = tempDir();
  for (const [edition, documents] of Object.entries(editions)) {
    const dir = path.join(folder, "editions", edition);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.md"), "---\ntitle: An edition\n---\n");
    for (let i = 1; i <= documents; i++) writeFileSync(path.join(dir, `d${i}.md`), "---\nnumber: 1\n---\n");
  }
  return folder;
}

const defaults: BuildArguments = {
  jobs: 4,
  partitionSize: 3_000,
  assemble: false,
  failFast: false,
  output: "_site",
  editions: "editions",
};
const parsed = (argv: string[]) => buildArguments(argv, 4);

describe("build's arguments", () => {
  it("has defaults, and takes each option --help lists", () => {
    expect(parsed([])).toEqual(defaults);
    expect(
      parsed(["--jobs", "2", "--partition-size", "500", "--partition", "2/3", "--output", "out", "--editions", "eds"]),
    ).toEqual({
      ...defaults,
      jobs: 2,
      partitionSize: 500,
      partition: { index: 2, count: 3 },
      output: "out",
      editions: "eds",
    });
    expect(parsed(["--assemble", "--jobs=3", "--output=public"])).toEqual({
      ...defaults,
      assemble: true,
      jobs: 3,
      output: "public",
    });
    expect(parsed(["--jobs", "1", "--help"])).toBe("help");
    expect((buildArguments([]) as BuildArguments).jobs).toBeGreaterThanOrEqual(1);
  });

  it("lists every option in --help", () => {
    for (const option of [
      "--jobs",
      "--partition-size",
      "--partition",
      "--assemble",
      "--output",
      "--editions",
      "--help",
    ]) {
      expect(HELP).toContain(`  ${option} `);
    }
  });

  it.each([
    [["--fast"], "unknown option --fast; see --help"],
    [["--jobs=x=1"], '--jobs "x=1": expected a whole number of 1 or more'],
    [["-j", "2"], "unknown option -j; see --help"],
    [["site"], 'build takes options only, not "site"; see --help'],
    [["constructor"], 'build takes options only, not "constructor"; see --help'],
    [["--assemble=yes"], "--assemble takes no value: --assemble=yes"],
    [["--jobs"], "--jobs needs a number after it"],
    [["--jobs", "--assemble"], "--jobs needs a number after it"],
    [["--jobs", "0"], '--jobs "0": expected a whole number of 1 or more'],
    [["--jobs", "-2"], '--jobs "-2": expected a whole number of 1 or more'],
    [["--jobs", "2.5"], '--jobs "2.5": expected a whole number of 1 or more'],
    [["--jobs", "four"], '--jobs "four": expected a whole number of 1 or more'],
    [["--partition-size", "1e3"], '--partition-size "1e3": expected a whole number of 1 or more'],
    [
      ["--partition-size", "99999999999999999999"],
      '--partition-size "99999999999999999999": expected a whole number of 1 or more',
    ],
    [["--partition"], "--partition needs K/N after it"],
    [["--partition", "2"], '--partition "2": expected K/N, two whole numbers with 1 ≤ K ≤ N (as 2/5)'],
    [["--partition", "0/3"], '--partition "0/3": expected K/N, two whole numbers with 1 ≤ K ≤ N (as 2/5)'],
    [["--partition", "4/3"], '--partition "4/3": expected K/N, two whole numbers with 1 ≤ K ≤ N (as 2/5)'],
    [["--partition", "a/b"], '--partition "a/b": expected K/N, two whole numbers with 1 ≤ K ≤ N (as 2/5)'],
    [["--output"], "--output needs a folder after it"],
    [["--output="], "--output needs a folder after it"],
    [["--editions", "--jobs", "2"], "--editions needs a folder after it"],
    [
      ["--partition", "1/2", "--assemble"],
      "--partition and --assemble cannot be given together: --partition K/N builds one partition, --assemble assembles the partitions built before",
    ],
  ])("rejects %j: %s", async (argv, message) => {
    const error = await failure(() => parsed(argv));
    expect(error.message).toBe(message);
    expect(error.status).toBe(2);
  });
});

describe("the plan of partitions", () => {
  const editions = (folder: string) => path.join(folder, "editions");
  const groups = (folder: string, target: number) => planPartitions(editions(folder), target).map((p) => p.editions);

  it("groups whole editions in order until the next would exceed the target", () => {
    const folder = site({ a: 3, b: 5, c: 2 });
    expect(groups(folder, 6)).toEqual([["a"], ["b"], ["c"]]);
    expect(planPartitions(editions(folder), 8)).toEqual([
      { id: "1", editions: ["a", "b"], documents: 8, references: [] },
      { id: "2", editions: ["c"], documents: 2, references: [] },
    ]);
    expect(groups(folder, 7)).toEqual([["a"], ["b", "c"]]);
    expect(groups(folder, 10)).toEqual([["a", "b", "c"]]);
    expect(groups(folder, 1)).toEqual([["a"], ["b"], ["c"]]);
  });

  it("keeps editions that refer to each other's documents in one partition where they fit, in the order of the first", () => {
    const folder = site({ a: 2, b: 2, c: 2, d: 2 });
    writeFileSync(
      path.join(editions(folder), "d", "d1.md"),
      "---\nnumber: 1\n---\nSee {doc  b/2} and {doc a/1: it}.\n",
    );
    writeFileSync(
      path.join(editions(folder), "c", "index.md"),
      "---\ntitle: C\n---\nAs {doc c/1} and {doc nowhere/3} say.\n",
    );
    expect(groups(folder, 6)).toEqual([["a", "b", "d"], ["c"]]);
    expect(planPartitions(editions(folder), 100)).toEqual([
      { id: "1", editions: ["a", "b", "d", "c"], documents: 8, references: [] },
    ]);
    // Over the target together: placed one by one, each partition naming the editions it refers to elsewhere.
    const apart = planPartitions(editions(folder), 4);
    expect(apart).toEqual([
      { id: "1", editions: ["a", "b"], documents: 4, references: [] },
      { id: "2", editions: ["d", "c"], documents: 4, references: ["a", "b"] },
    ]);
    // Listed first: what the partitions refer to, by the partition holding it; nothing where no reference crosses.
    expect(listings(apart)).toEqual([["a", "b"]]);
    expect(listings(apart, [apart[0] as Partition])).toEqual([]);
    expect(listings(planPartitions(editions(folder), 100))).toEqual([]);
    expect(editionGroups(["a", "b", "c"], (e) => new Set(e === "c" ? ["a"] : []))).toEqual([["a", "c"], ["b"]]);
    expect([...scanEdition(path.join(editions(folder), "d")).references]).toEqual(["b", "a"]);
  });

  it("gives an edition larger than the target a partition of its own, never split", () => {
    const folder = site({ a: 1, big: 12, c: 1, d: 1 });
    expect(planPartitions(editions(folder), 4)).toEqual([
      { id: "1", editions: ["a"], documents: 1, references: [] },
      { id: "2", editions: ["big"], documents: 12, references: [] },
      { id: "3", editions: ["c", "d"], documents: 2, references: [] },
    ]);
  });

  it("counts .md files at any depth, not index.md, not other files", () => {
    const folder = site({ a: 2 });
    const part = path.join(editions(folder), "a", "part1", "chapter2");
    mkdirSync(part, { recursive: true });
    writeFileSync(path.join(editions(folder), "a", "part1", "index.md"), "");
    writeFileSync(path.join(part, "index.md"), "");
    writeFileSync(path.join(part, "d3.md"), "");
    writeFileSync(path.join(part, "d4.md"), "");
    writeFileSync(path.join(part, "import-report.json"), "{}");
    writeFileSync(path.join(part, "notes.txt"), "");
    mkdirSync(path.join(part, "folder.md"));
    expect(scanEdition(path.join(editions(folder), "a")).documents).toBe(4);
    expect(planPartitions(editions(folder), 10)).toEqual([{ id: "1", editions: ["a"], documents: 4, references: [] }]);
  });

  it("is the same whatever order the folders were made in, in code-point order of their names", () => {
    const names = ["b", "B", "a", "é", "Z", "a-2", "\u{1F4DC}", "\uFF61"];
    const sorted = ["B", "Z", "a", "a-2", "b", "é", "\uFF61", "\u{1F4DC}"];
    const one = site(Object.fromEntries(names.map((n, i) => [n, i])));
    const other = site(Object.fromEntries([...names].reverse().map((n) => [n, names.indexOf(n)])));
    expect(listEditions(editions(one))).toEqual(sorted);
    expect(planPartitions(editions(one), 9)).toEqual(planPartitions(editions(other), 9));
    expect(planPartitions(editions(one), 9)).toEqual(planPartitions(editions(one), 9));
    expect([...names].sort(byCodePoint)).toEqual(sorted);
  });

  it("takes folders only, not files or hidden folders, as editions", () => {
    const folder = site({ a: 1 });
    writeFileSync(path.join(editions(folder), "README.md"), "");
    mkdirSync(path.join(editions(folder), ".cache"));
    expect(listEditions(editions(folder))).toEqual(["a"]);
  });

  it("is an error for a folder with no edition, or no folder", async () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, "editions"));
    expect((await failure(() => planPartitions(editions(folder), 5))).message).toBe(
      `${editions(folder)}: no edition found; expected one folder per edition in it`,
    );
    expect((await failure(() => planPartitions(path.join(folder, "none"), 5))).message).toBe(
      `${path.join(folder, "none")}: no such folder; expected the site's editions folder (--editions)`,
    );
  });
});

interface Call {
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  spec: { role: string; id?: string; editions?: string[]; staging: string };
  killed: boolean;
  ended: boolean;
}

/**
 * A fake Runner: each child ends after `ms` (never by itself for null) with what `outcome` gives for
 * its part in the build; it records the calls and the most children running at once.
 */
function fakeRunner(
  outcome: (spec: Call["spec"]) => Partial<ChildResult> & { ms?: number | null } = () => ({}),
  onStart: (call: Call) => void = () => {},
) {
  const calls: Call[] = [];
  const state = { live: 0, maxLive: 0 };
  const runner: Runner = (args, env, cwd) => {
    const spec = JSON.parse(env[PARTITION_VARIABLE] as string) as Call["spec"];
    const call: Call = { args, cwd, env, spec, killed: false, ended: false };
    calls.push(call);
    state.maxLive = Math.max(state.maxLive, ++state.live);
    onStart(call);
    const { ms = 5, ...result } = outcome(spec);
    let timer: NodeJS.Timeout | undefined;
    let finish: (r: ChildResult) => void = () => {};
    const promise = new Promise<ChildResult>((resolve) => {
      finish = (r) => {
        if (call.ended) return;
        call.ended = true;
        state.live--;
        clearTimeout(timer);
        resolve(r);
      };
    });
    if (ms !== null) timer = setTimeout(() => finish({ code: 0, stdout: "", stderr: "", ...result }), ms);
    return {
      result: promise,
      kill: () => {
        call.killed = true;
        setTimeout(() => finish({ code: 143, stdout: "", stderr: "" }), 1);
      },
    };
  };
  return { runner, calls, state };
}

function build(folder: string, argv: string[], runner: Runner) {
  const out: string[] = [];
  const err: string[] = [];
  const args = buildArguments(argv, 2);
  if (args === "help") throw new Error("help");
  let clock = 0;
  const run = () =>
    runBuild(args, {
      cwd: folder,
      runner,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      eleventy: "/site/node_modules/@11ty/eleventy/cmd.cjs",
      now: () => (clock += 500),
    });
  return { run, out, err };
}

describe("running the partitions", () => {
  const TEN = { a: 3, b: 5, c: 2, d: 4, e: 1, f: 6, g: 2, h: 3, i: 1, j: 2 };

  it("runs each partition with its JSON, Eleventy's command and the output folder, then assembles", async () => {
    const folder = site({ "edition-a": 3, "edition-b": 5, "edition-c": 2 });
    const fake = fakeRunner();
    const { run, out } = build(folder, ["--partition-size", "8", "--output", "public"], fake.runner);
    const summary = await run();
    const staging = path.join(folder, "public", STAGING);
    const stop = JSON.stringify(path.join(staging, "stop"));
    expect(fake.calls.map((c) => c.env[PARTITION_VARIABLE])).toEqual([
      `{"role":"partition","id":"1","editions":["edition-a","edition-b"],"staging":${JSON.stringify(staging)},"stop":${stop}}`,
      `{"role":"partition","id":"2","editions":["edition-c"],"staging":${JSON.stringify(staging)},"stop":${stop}}`,
      `{"role":"assemble","staging":${JSON.stringify(staging)}}`,
    ]);
    expect(path.isAbsolute(staging)).toBe(true);
    for (const call of fake.calls) {
      expect(call.args).toEqual(["/site/node_modules/@11ty/eleventy/cmd.cjs", "--quiet", "--output", "public"]);
      expect(call.cwd).toBe(folder);
      expect(call.env.PATH).toBe(process.env.PATH);
    }
    expect(summary).toMatch(
      /^Built 2 partitions \(10 documents\) and assembled them into public in \d+\.\d seconds\.$/,
    );
    expect(out).toContainEqual(
      expect.stringMatching(/^\[partition 1: edition-a, edition-b\] built 8 documents in \d+\.\d seconds$/),
    );
  });

  it("never runs more than --jobs at once, and assembles last, after every partition", async () => {
    const folder = site(TEN);
    for (const jobs of [1, 2, 3, 16]) {
      const fake = fakeRunner((spec) => ({ ms: spec.role === "assemble" ? 1 : 2 + (Number(spec.id) % 3) * 4 }));
      const { run } = build(folder, ["--partition-size", "5", "--jobs", String(jobs)], fake.runner);
      await run();
      const partitions = planPartitions(path.join(folder, "editions"), 5);
      expect(fake.state.maxLive).toBe(Math.min(jobs, partitions.length));
      const last = fake.calls.at(-1) as Call;
      expect(last.spec.role).toBe("assemble");
      expect(fake.calls.filter((c) => c.spec.role === "assemble")).toHaveLength(1);
      expect(fake.calls.slice(0, -1).map((c) => c.spec.id)).toEqual(partitions.map((p) => p.id));
    }
  });

  it("starts the assembling run only when every partition has ended", async () => {
    const folder = site(TEN);
    const fake = fakeRunner(
      (spec) => ({ ms: spec.id === "1" ? 40 : 2 }),
      (call) => {
        if (call.spec.role === "assemble") {
          expect(fake.calls.filter((c) => c.spec.role === "partition").every((c) => c.ended)).toBe(true);
        }
      },
    );
    await build(folder, ["--partition-size", "5", "--jobs", "3"], fake.runner).run();
    expect(fake.calls.at(-1)?.spec.role).toBe("assemble");
  });

  it("prints each partition's output with its label, and the assembling run's", async () => {
    const folder = site({ a: 1, b: 1 });
    const fake = fakeRunner((spec) =>
      spec.role === "assemble"
        ? { stdout: "[11ty] Wrote 3 files\n" }
        : { stdout: `[11ty] Wrote ${spec.id} files\n`, stderr: "a warning\r\nanother\n" },
    );
    const { run, out, err } = build(folder, ["--partition-size", "1", "--jobs", "1"], fake.runner);
    await run();
    expect(out.slice(0, 2)).toEqual([
      "[partition 1: a] [11ty] Wrote 1 files",
      "[partition 1: a] built 1 document in 0.5 seconds",
    ]);
    expect(out).toContain("[assemble] [11ty] Wrote 3 files");
    expect(err).toEqual([
      "[partition 1: a] a warning",
      "[partition 1: a] another",
      "[partition 2: b] a warning",
      "[partition 2: b] another",
    ]);
  });

  it("with --fail-fast, stops the others when one fails, prints its output labelled, and does not assemble", async () => {
    const folder = site({
      "edition-a": 2,
      "edition-b": 2,
      "edition-c": 3,
      "edition-d": 3,
      "edition-e": 3,
      "edition-f": 3,
    });
    const fake = fakeRunner((spec) =>
      spec.id === "2"
        ? { ms: 5, code: 1, stdout: "[11ty] Problem writing\n", stderr: "TypeError: bad front matter\n  at d2.md\n" }
        : { ms: null },
    );
    const { run, out, err } = build(folder, ["--partition-size", "4", "--jobs", "3", "--fail-fast"], fake.runner);
    const error = await failure(run);
    expect(error.status).toBe(1);
    expect(error.message).toBe(
      "1 partition of 5 failed: partition 2 (edition-c) failed with exit code 1; its output is above. The other partitions were stopped (--fail-fast). Nothing was assembled.",
    );
    expect(fake.calls.map((c) => c.spec.id)).toEqual(["1", "2", "3"]);
    expect(fake.calls.filter((c) => c.killed).map((c) => c.spec.id)).toEqual(["1", "3"]);
    expect(fake.calls.every((c) => c.ended)).toBe(true);
    expect(fake.calls.some((c) => c.spec.role === "assemble")).toBe(false);
    expect(out).toEqual(["[partition 2: edition-c] [11ty] Problem writing"]);
    expect(err).toEqual([
      "[partition 2: edition-c] TypeError: bad front matter",
      "[partition 2: edition-c]   at d2.md",
    ]);
  });

  it("lets the others check their documents when one fails, and gives one report of every partition's problems", async () => {
    const folder = site({ "edition-a": 2, "edition-b": 2, "edition-c": 3, "edition-d": 3 });
    const staging = path.join(folder, "_site", STAGING);
    const problem = (file: string) => ({ file, field: "date", found: '"1979-13-16"', expected: "a date" });
    // Each child as the plugin ends: its problems left in the staging folder; stopped with none once the stop file is there.
    const fake = fakeRunner((spec) => {
      const left =
        spec.id === "1"
          ? [problem("editions/edition-a/d2.md")]
          : spec.id === "3"
            ? [problem("editions/edition-c/d1.md")]
            : [];
      if (spec.role !== "partition") return {};
      if (spec.id === "4") return { code: 1, stderr: "TypeError: boom\n" };
      if (left.length || existsSync(path.join(staging, "stop"))) {
        mkdirSync(staging, { recursive: true });
        writeFileSync(path.join(staging, `problems-${spec.id}.json`), JSON.stringify(left));
        return { code: 1, stderr: "[11ty] stopped\n" };
      }
      return {};
    });
    const { run, err } = build(folder, ["--partition-size", "3", "--jobs", "1"], fake.runner);
    const error = await failure(run);
    expect(fake.calls.map((c) => c.spec.id)).toEqual(["1", "2", "3", "4"]);
    expect(fake.calls.some((c) => c.killed)).toBe(false);
    expect(err).toEqual([
      "[partition 1: edition-a] [11ty] stopped",
      "[partition 3: edition-c] [11ty] stopped",
      "[partition 4: edition-d] TypeError: boom",
      "[documentary-edition] 2 problems in the 4 partitions (2 files); no partition with a problem wrote a page:",
      '  - editions/edition-a/d2.md: date: found "1979-13-16"; expected a date',
      '  - editions/edition-c/d1.md: date: found "1979-13-16"; expected a date',
    ]);
    expect(error.message).toBe(
      "3 partitions of 4 failed: partition 1 (edition-a): 1 problem; partition 3 (edition-c): 1 problem; partition 4 (edition-d) failed with exit code 1; its output is above. 1 other partition found no problem and stopped before writing, as the first failed. Nothing was assembled.",
    );
  });

  it("lists the editions other partitions refer to before any partition, and tells each partition what it refers to", async () => {
    const folder = site({ a: 2, b: 2, c: 2 });
    writeFileSync(path.join(folder, "editions", "c", "d1.md"), "---\nnumber: 1\n---\nSee {doc a/1}.\n");
    const fake = fakeRunner();
    const { run, out } = build(folder, ["--partition-size", "2"], fake.runner);
    await run();
    const staging = JSON.stringify(path.join(folder, "_site", STAGING));
    expect(fake.calls[0]?.env[PARTITION_VARIABLE]).toBe(`{"role":"list","editions":["a"],"staging":${staging}}`);
    expect(fake.calls[0]?.args.at(-1)).toBe("--dryrun");
    // c refers to a: they would share a partition, but do not fit in one.
    expect(fake.calls.slice(1, 4).map((c) => c.spec)).toMatchObject([
      { role: "partition", id: "1", editions: ["a"] },
      { role: "partition", id: "2", editions: ["c"], references: ["a"] },
      { role: "partition", id: "3", editions: ["b"] },
    ]);
    expect(out).toContainEqual(
      expect.stringMatching(/^\[listing a\] listed for the partitions that refer to it in \d+\.\d seconds$/),
    );
    // --partition K lists only what K refers to.
    const one = fakeRunner();
    await build(folder, ["--partition", "3/3", "--partition-size", "2"], one.runner).run();
    expect(one.calls.map((c) => c.spec.role)).toEqual(["partition"]);
    const two = fakeRunner();
    await build(folder, ["--partition", "2/3", "--partition-size", "2"], two.runner).run();
    expect(two.calls.map((c) => [c.spec.role, c.spec.editions])).toEqual([
      ["list", ["a"]],
      ["partition", ["c"]],
    ]);
  });

  it("labels a partition with its editions, as many as they are", () => {
    expect(partitionLabel({ id: "2", editions: ["edition-a", "edition-b"] })).toBe(
      "[partition 2: edition-a, edition-b] ",
    );
    expect(partitionLabel({ id: "7", editions: ["a", "b", "c", "d", "e"] })).toBe(
      "[partition 7: a, b … e (5 editions)] ",
    );
    expect(labelled("[x] ", "")).toEqual([]);
    expect(labelled("[x] ", "one\n\nthree")).toEqual(["[x] one", "[x] ", "[x] three"]);
  });

  it("is exit status 1 when the assembling run fails, the staging folder kept", async () => {
    const folder = site({ a: 1 });
    const fake = fakeRunner((spec) => (spec.role === "assemble" ? { code: 2, stderr: "pagefind failed\n" } : {}));
    const { run, err } = build(folder, [], fake.runner);
    const error = await failure(run);
    expect(error.status).toBe(1);
    expect(error.message).toBe(
      `the assembling run failed with exit code 2; its output is above. ${path.join(folder, "_site", STAGING)} is kept: run build --assemble again once the cause is mended.`,
    );
    expect(err).toEqual(["[assemble] pagefind failed"]);
  });

  it("removes a stale staging folder before a full build", async () => {
    const folder = site({ a: 1 });
    const staging = path.join(folder, "_site", STAGING);
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, "partition-9.json"), "{}");
    const fake = fakeRunner(undefined, () => expect(existsSync(staging)).toBe(false));
    await build(folder, [], fake.runner).run();
    expect(fake.calls).toHaveLength(2);
  });
});

describe("--partition K/N and --assemble", () => {
  const THREE = { a: 3, b: 5, c: 2 };

  it("--partition 2/3 runs only that partition, with role partition, and no assembling", async () => {
    const folder = site(THREE);
    const staging = path.join(folder, "_site", STAGING);
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, "partition-1.json"), "{}");
    const fake = fakeRunner();
    const { run } = build(folder, ["--partition", "2/3", "--partition-size", "6"], fake.runner);
    expect(await run()).toMatch(
      /^Built partition 2 of 3 \(b: 5 documents\) into _site in \d+\.\d seconds; run build --assemble once every partition is built\.$/,
    );
    expect(fake.calls.map((c) => c.env[PARTITION_VARIABLE])).toEqual([
      `{"role":"partition","id":"2","editions":["b"],"staging":${JSON.stringify(staging)},"stop":${JSON.stringify(path.join(staging, "stop"))}}`,
    ]);
    expect(readFileSync(path.join(staging, "partition-1.json"), "utf8")).toBe("{}");
  });

  it("--partition K/N with N other than the plan's count is an error naming the plan's", async () => {
    const folder = site(THREE);
    const fake = fakeRunner();
    const error = await failure(build(folder, ["--partition", "2/4", "--partition-size", "6"], fake.runner).run);
    expect(error.message).toBe(
      "--partition 2/4: the plan has 3 partitions, not 4 (10 documents in editions, --partition-size 6); expected --partition K/3",
    );
    expect(error.status).toBe(2);
    expect(fake.calls).toEqual([]);
  });

  it("--partition K/N fails as a full build does, with exit status 1", async () => {
    const folder = site(THREE);
    const fake = fakeRunner(() => ({ code: 1, stderr: "boom\n" }));
    const { run, err } = build(folder, ["--partition", "3/3", "--partition-size", "6"], fake.runner);
    expect((await failure(run)).status).toBe(1);
    expect(err).toEqual(["[partition 3: c] boom"]);
  });

  it("--assemble runs only the assembling run, over the partitions staged before", async () => {
    const folder = site(THREE);
    const staging = path.join(folder, "_site", STAGING);
    mkdirSync(staging, { recursive: true });
    for (const id of ["1", "2", "3"]) writeFileSync(path.join(staging, `partition-${id}.json`), "{}");
    const fake = fakeRunner();
    const summary = await build(folder, ["--assemble", "--partition-size", "6"], fake.runner).run();
    expect(fake.calls.map((c) => c.env[PARTITION_VARIABLE])).toEqual([
      `{"role":"assemble","staging":${JSON.stringify(staging)}}`,
    ]);
    expect(summary).toMatch(/^Assembled 3 partitions \(10 documents\) into _site in \d+\.\d seconds\.$/);
    expect(existsSync(path.join(staging, "partition-1.json"))).toBe(true);
  });

  it("--assemble is an error when a partition of the plan is missing from staging, or one not in it is there", async () => {
    const folder = site(THREE);
    const staging = path.join(folder, "_site", STAGING);
    mkdirSync(staging, { recursive: true });
    for (const id of ["1", "3", "4"]) writeFileSync(path.join(staging, `partition-${id}.json`), "{}");
    const fake = fakeRunner();
    const error = await failure(build(folder, ["--assemble", "--partition-size", "6"], fake.runner).run);
    expect(error.message).toBe(
      `${staging}: missing partition-2.json (build with --partition K/3); partition-4.json not in the plan; expected the 3 partitions of the plan for editions with --partition-size 6 (give --assemble the --partition-size the partitions were built with)`,
    );
    expect(error.status).toBe(1);
    expect(fake.calls).toEqual([]);
  });
});

describe("Eleventy's command", () => {
  it("is the cmd.cjs of the site's @11ty/eleventy", () => {
    const root = path.resolve(import.meta.dirname, "..");
    expect(eleventyCommand(root)).toBe(path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"));
  });

  it("is an error where the site has no Eleventy installed", async () => {
    const folder = tempDir();
    expect((await failure(() => eleventyCommand(folder))).message).toBe(
      `${folder}: @11ty/eleventy is not installed for this site; expected it in node_modules (npm install @11ty/eleventy)`,
    );
  });
});

describe("the real runner", () => {
  it("captures a child's output and exit code, in its folder, with its environment", async () => {
    const folder = tempDir();
    const { runner } = spawnRunner();
    const child = runner(
      ["-e", "console.log(process.cwd()); console.error(process.env.X); process.exit(3)"],
      { ...process.env, X: "é" },
      folder,
    );
    const result = await child.result;
    expect(result).toEqual({ code: 3, stdout: `${realpathSync(folder)}\n`, stderr: "é\n" });
  });

  it.skipIf(process.platform === "win32")("kills a child's process group: what it started too", async () => {
    const folder = tempDir();
    const pidFile = path.join(folder, "grandchild.pid");
    const { runner } = spawnRunner();
    const script = `const c = require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000);`;
    const child = runner(["-e", script], process.env, folder);
    while (!existsSync(pidFile) || !readFileSync(pidFile, "utf8")) await new Promise((r) => setTimeout(r, 20));
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    child.kill();
    expect((await child.result).code).toBe(143);
    // Gone, or a zombie not reaped yet (where the init process of a container does not reap).
    const alive = () => {
      try {
        process.kill(grandchild, 0);
      } catch {
        return false;
      }
      const stat = `/proc/${grandchild}/stat`;
      return !existsSync(stat) || !/^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8"));
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toBe(false);
  });
});

describe("serve <edition>", () => {
  it("takes one edition and the options --help names", () => {
    expect(serveArguments(["talks"])).toEqual({ edition: "talks", output: "_site", editions: "editions" });
    expect(serveArguments(["talks", "--port", "8091", "--output", "out", "--editions", "eds"])).toEqual({
      edition: "talks",
      port: 8091,
      output: "out",
      editions: "eds",
    });
    expect(serveArguments(["--help"])).toBe("help");
    for (const option of ["--port", "--output", "--editions"]) expect(SERVE_HELP).toContain(option);
  });

  it("refuses what it does not know, with status 2 and the value", async () => {
    for (const [argv, message] of [
      [[], "the edition to serve is missing; see --help"],
      [["a", "b"], "one edition at a time: a and b"],
      [["a", "--port", "99999"], '--port "99999": expected a port number from 1 to 65535'],
      [["a", "--port"], "--port needs a number after it"],
      [["a", "--watch"], "unknown option --watch; see --help"],
    ] as const) {
      const error = await failure(() => serveArguments(argv));
      expect(error.message).toBe(message);
      expect(error.status).toBe(2);
    }
  });

  it("runs Eleventy's server on that edition alone, as a partition of one; another name is an error listing the editions", () => {
    const folder = site({ alpha: 1, beta: 1 });
    symlinkSync(path.join(__dirname, "../node_modules"), path.join(folder, "node_modules"));
    const command = serveCommand({ edition: "beta", output: "_site", editions: "editions", port: 8091 }, folder);
    expect(command.args.slice(1)).toEqual(["--serve", "--incremental", "--output", "_site", "--port", "8091"]);
    const role = JSON.parse(command.env[PARTITION_VARIABLE] as string) as {
      role: string;
      id: string;
      editions: string[];
    };
    expect(role).toMatchObject({ role: "partition", id: "0", editions: ["beta"] });
    expect(command.listing).toBeUndefined();
    // An edition it refers to is listed first, and its table read by the served edition.
    writeFileSync(path.join(folder, "editions", "beta", "d1.md"), "---\nnumber: 1\n---\nSee {doc alpha/1}.\n");
    const referring = serveCommand({ edition: "beta", output: "_site", editions: "editions" }, folder);
    const served = JSON.parse(referring.env[PARTITION_VARIABLE] as string) as { staging: string };
    expect(served).toMatchObject({ editions: ["beta"], references: ["alpha"] });
    expect(referring.listing?.args.slice(1)).toEqual(["--quiet", "--dryrun", "--output", "_site"]);
    expect(JSON.parse(referring.listing?.env[PARTITION_VARIABLE] as string)).toEqual({
      role: "list",
      editions: ["alpha"],
      staging: served.staging,
    });
    expect(() => serveCommand({ edition: "gamma", output: "_site", editions: "editions" }, folder)).toThrow(
      `${path.join("editions", "gamma")}: no such edition; expected one of alpha, beta`,
    );
  });
});
