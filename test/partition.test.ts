/**
 * Partitioned builds, the plugin's side: a run's role from its environment, and the same site,
 * byte for byte (Pagefind's index aside), whether it is built by one `eleventy` run or by one run
 * per edition and an assembling run. Each run is a child process, as the orchestrator makes it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRole, PARTITION_VARIABLE } from "../src/build/role.js";
import { readManifests, readReferenceTables } from "../src/eleventy/partition.js";
import { loadPagefind } from "./helpers/pagefind.js";
import { eleventy, files, ROOT, sampleSite } from "./helpers/sample.js";
import { tempDir } from "./helpers/site.js";

const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const build = (site: string, ...args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, "dist/cli.js"), "build", ...args], { cwd: site, encoding: "utf8" });

/** The two outputs hold the same files, byte for byte, Pagefind's index aside. */
function expectSame(output: string, plain: string): void {
  const built = files(plain);
  expect(files(output)).toEqual(built);
  for (const file of built)
    expect(readFileSync(path.join(output, file), "utf8"), file).toBe(readFileSync(path.join(plain, file), "utf8"));
}

const CABLE = "/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/";

const run = (site: string, output: string, role: Record<string, unknown>) =>
  execFileSync(process.execPath, [ELEVENTY, "--quiet", `--output=${output}`], {
    cwd: site,
    stdio: "pipe",
    env: { ...process.env, [PARTITION_VARIABLE]: JSON.stringify(role) },
  });

describe("a run's role", () => {
  const staging = path.join(tempDir(), ".documentary-edition");
  const role = (value: string) => buildRole({ [PARTITION_VARIABLE]: value });

  it("is none without the variable, and read from it", () => {
    expect(buildRole({})).toBeUndefined();
    expect(role(JSON.stringify({ role: "partition", id: "2", editions: ["a", "b"], staging }))).toEqual({
      role: "partition",
      id: "2",
      editions: ["a", "b"],
      staging,
    });
    expect(role(JSON.stringify({ role: "assemble", staging }))).toEqual({ role: "assemble", staging });
    expect(role(JSON.stringify({ role: "list", editions: ["a"], staging }))).toEqual({
      role: "list",
      editions: ["a"],
      staging,
    });
    const stop = path.join(staging, "stop");
    expect(
      role(JSON.stringify({ role: "partition", id: "1", editions: ["b"], staging, references: ["a"], stop })),
    ).toEqual({ role: "partition", id: "1", editions: ["b"], staging, references: ["a"], stop });
  });

  it("refuses a malformed value, naming it and what is expected", () => {
    const expected =
      'expected {"role":"partition","id":"1","editions":["…"],"staging":"…"} (with "references":["…"] and "stop":"…" if need be), {"role":"list","editions":["…"],"staging":"…"} or {"role":"assemble","staging":"…"}';
    for (const value of [
      "not json",
      JSON.stringify({ role: "partition", id: "1", editions: ["../other"], staging }),
      JSON.stringify({ role: "partition", id: "1", editions: [], staging }),
      JSON.stringify({ role: "assemble", staging: "relative/folder" }),
      JSON.stringify({ role: "everything", staging }),
      JSON.stringify({ role: "list", editions: [], staging }),
      JSON.stringify({ role: "partition", id: "1", editions: ["a"], staging, references: ["../b"] }),
      JSON.stringify({ role: "partition", id: "1", editions: ["a"], staging, stop: "stop" }),
    ])
      expect(() => role(value)).toThrow(`[documentary-edition] ${PARTITION_VARIABLE}: found ${value}; ${expected}`);
  });

  it("finds no reference table, or not one, and says which and where it comes from", () => {
    const table = path.join(staging, "references-a.json");
    const expected = `expected the reference table of the edition "a", which a listing run leaves (documentary-edition build runs one before the partitions that refer to it)`;
    expect(() => readReferenceTables(staging, ["a"])).toThrow(`[documentary-edition] ${table}: missing; ${expected}`);
    mkdirSync(staging, { recursive: true });
    writeFileSync(table, JSON.stringify({ slug: "b", documents: [] }));
    expect(() => readReferenceTables(staging, ["a"])).toThrow(
      `[documentary-edition] ${table}: not a reference table; ${expected}`,
    );
  });

  it("finds no manifest to assemble, or one of another version, and says so", () => {
    expect(() => readManifests(staging)).toThrow(
      `[documentary-edition] ${staging}: no partition manifest (partition-<n>.json) to assemble; build the partitions first`,
    );
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, "partition-1.json"), JSON.stringify({ version: 0, editions: [] }));
    expect(() => readManifests(staging)).toThrow(
      `[documentary-edition] ${path.join(staging, "partition-1.json")}: not a partition manifest of this version of the plugin (expected version 1); build the partitions again`,
    );
  });
});

describe("the sample site, built as one partition per edition and assembled", () => {
  let plain: string;
  let partitioned: string;
  let staging: string;
  const partitions = [["sino-vietnamese-talks-1979"], ["frus1969-76v19p1"]];
  beforeAll(() => {
    const site = sampleSite();
    plain = tempDir();
    eleventy(site, plain);
    partitioned = tempDir();
    staging = path.join(partitioned, ".documentary-edition");
    partitions.forEach((editions, i) =>
      run(site, partitioned, { role: "partition", id: String(i + 1), editions, staging }),
    );
  }, 120_000);

  it("leaves each partition's editions and a manifest of their listings, and nothing site-wide", () => {
    expect(
      files(partitioned).filter((f) => !f.startsWith("editions/") && !f.startsWith("documentary-edition/")),
    ).toEqual([".documentary-edition/partition-1.json", ".documentary-edition/partition-2.json"]);
    const manifest = JSON.parse(readFileSync(path.join(staging, "partition-2.json"), "utf8")) as {
      editions: { slug: string; documents: { number: string; title: string; url: string }[] }[];
    };
    expect(manifest.editions.map((e) => e.slug)).toEqual(["frus1969-76v19p1"]);
    expect(manifest.editions[0]?.documents[10]).toMatchObject({
      number: "57",
      title: "Telegram From the Department of State to the Embassy in Korea",
      url: "/editions/frus1969-76v19p1/d57/",
    });
  });

  it("gives, once assembled, the files of the plain build, byte for byte, and removes the staging folder", () => {
    run(sampleSite(), partitioned, { role: "assemble", staging });
    expect(existsSync(staging)).toBe(false);
    expectSame(partitioned, plain);
    expect(existsSync(path.join(partitioned, "pagefind", "pagefind.js"))).toBe(true);
  }, 120_000);

  it("searches both partitions' bundles as one index, with the plain build's results and filters", async () => {
    // Each partition indexed its own editions: the first into /pagefind/, the second beside it.
    expect(JSON.parse(readFileSync(path.join(partitioned, "pagefind", "bundles.json"), "utf8"))).toEqual([
      "partition-2/",
    ]);
    expect(JSON.parse(readFileSync(path.join(plain, "pagefind", "bundles.json"), "utf8"))).toEqual([]);
    const [merged, single] = [await loadPagefind(partitioned), await loadPagefind(plain)];
    const urls = async (pagefind: typeof merged, query: string) =>
      (await Promise.all((await pagefind.search(query)).results.map((r) => r.data())))
        .map((d) => d.url.replace(/^.*?\/editions\//, "/editions/"))
        .sort();
    for (const query of ["Kissinger", "talks", "Korea"])
      expect(await urls(merged, query), query).toEqual(await urls(single, query));
    // A bundle that lacks one of a query's words answers for the others (Pagefind's merged search):
    // the cable is found, and the FRUS partition adds what it finds for "Han".
    expect(await urls(single, "Han Nianlong")).toEqual([CABLE]);
    expect(await urls(merged, "Han Nianlong")).toContain(CABLE);
    expect(await merged.filters()).toEqual(await single.filters());
  });

  it("gives the same files through `documentary-edition build`, two partitions at once or one at a time", () => {
    const site = sampleSite();
    const both = tempDir();
    const printed = build(site, "--jobs", "2", "--partition-size", "1", "--output", both);
    expect(printed).toMatch(/^Built 2 partitions \(13 documents\) and assembled them into .+ in [\d.]+ seconds\.$/m);
    expectSame(both, plain);
    const apart = tempDir();
    for (const step of [["--partition", "1/2"], ["--partition", "2/2"], ["--assemble"]])
      build(site, ...step, "--partition-size", "1", "--output", apart);
    expectSame(apart, plain);
  }, 120_000);
});

/** The command's exit code and everything it printed, for a build that may fail. */
function failingBuild(site: string, ...args: string[]): { code: number; printed: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), "build", ...args], {
    cwd: site,
    encoding: "utf8",
  });
  return { code: result.status ?? 1, printed: `${result.stdout}${result.stderr}` };
}

const CABLE_FILE = "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks.md";
const D47 = "editions/frus1969-76v19p1/comp1/ch2/d47.md";
const edit = (site: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(site, file), change(readFileSync(path.join(site, file), "utf8")));

describe("editions in different partitions that refer to each other", () => {
  it("resolve their references from a listing run's tables, into the files of a plain build", () => {
    const site = sampleSite();
    edit(
      site,
      CABLE_FILE,
      (text) => `${text}\nCompare {doc frus1969-76v19p1/47 note 2} and {doc frus1969-76v19p1/58}.\n`,
    );
    const plainOut = tempDir();
    eleventy(site, plainOut);
    const output = tempDir();
    // One document a partition at most: the two editions cannot share one.
    const printed = build(site, "--jobs", "2", "--partition-size", "1", "--output", output);
    expect(printed).toMatch(/^Built 2 partitions \(13 documents\)/m);
    const cable = readFileSync(path.join(output, CABLE.slice(1), "index.html"), "utf8");
    expect(cable).toContain('href="/editions/frus1969-76v19p1/d47/#fn-frus1969-76v19p1-comp1-ch2-d47-2"');
    expect(cable).toContain('title="Document 47: ');
    expectSame(output, plainOut);
    // One partition on its own lists what it refers to first, as a machine of a CI matrix would.
    const apart = tempDir();
    for (const step of [["--partition", "2/2"], ["--partition", "1/2"], ["--assemble"]])
      build(site, ...step, "--partition-size", "1", "--output", apart);
    expectSame(apart, plainOut);
  }, 180_000);

  it("name a note a document does not have, as a plain build does", () => {
    const site = sampleSite();
    edit(site, CABLE_FILE, (text) => `${text}\nCompare {doc frus1969-76v19p1/47 note 9}.\n`);
    const { code, printed } = failingBuild(site, "--partition-size", "1", "--output", tempDir());
    expect(code).toBe(1);
    expect(printed).toContain(
      `${CABLE_FILE}: line 83: found "{doc frus1969-76v19p1/47 note 9}"; expected a note of Document 47: it has notes 1 to 5`,
    );
  }, 120_000);
});

describe("a partitioned build with problems in its partitions", () => {
  it("names every partition's problems in one report, and writes no page of a partition with one", () => {
    const site = sampleSite();
    edit(site, CABLE_FILE, (text) => text.replace("date: 1979-04-16", "date: 1979-13-16"));
    edit(site, D47, (text) => `${text}\nSee {doc 999}.\n`);
    const output = tempDir();
    const { code, printed } = failingBuild(site, "--jobs", "1", "--partition-size", "1", "--output", output);
    expect(code).toBe(1);
    const report = printed.slice(printed.indexOf("[documentary-edition] 2 problems"));
    expect(report).toMatch(
      /^\[documentary-edition\] 2 problems in the 2 partitions \(2 files\); no partition with a problem wrote a page:\n {2}- editions\/frus1969-76v19p1\/comp1\/ch2\/d47\.md: line 49: found "\{doc 999\}"; expected the number of a document of .+\n {2}- editions\/sino-vietnamese-talks-1979\/1979-04-16-notice-on-talks\.md: date: found "1979-13-16"; expected .+\n/,
    );
    expect(report).toContain(
      "2 partitions of 2 failed: partition 1 (frus1969-76v19p1): 1 problem; partition 2 (sino-vietnamese-talks-1979): 1 problem. Nothing was assembled.",
    );
    expect(files(output).filter((f) => f.endsWith(".html"))).toEqual([]);
  }, 120_000);

  it("stops a partition with no problem before it writes, once another has failed; or all at once with --fail-fast", () => {
    const site = sampleSite();
    edit(site, D47, (text) => `${text}\nSee {doc 999}.\n`);
    const output = tempDir();
    const checked = failingBuild(site, "--jobs", "1", "--partition-size", "1", "--output", output);
    expect(checked.code).toBe(1);
    expect(checked.printed).toContain(
      "1 partition of 2 failed: partition 1 (frus1969-76v19p1): 1 problem. 1 other partition found no problem and stopped before writing, as the first failed. Nothing was assembled.",
    );
    expect(files(output).filter((f) => f.endsWith(".html"))).toEqual([]);
    const fast = failingBuild(site, "--jobs", "1", "--partition-size", "1", "--fail-fast", "--output", tempDir());
    expect(fast.code).toBe(1);
    expect(fast.printed).toContain(
      "1 partition of 2 failed: partition 1 (frus1969-76v19p1): 1 problem. The other partitions were stopped (--fail-fast). Nothing was assembled.",
    );
    expect(fast.printed).not.toContain("[partition 2");
  }, 120_000);
});

describe("a series of 2,000 documents in 4 editions, two of which cross-refer", () => {
  it("is built by `documentary-edition build --jobs 2` into the files of a plain build, the two editions' references resolved across partitions", async () => {
    const { generate } = (await import(pathToFileURL(path.join(ROOT, "bench/corpus.mjs")).href)) as {
      generate: (n: number, dir: string) => string;
    };
    const site = path.join(generate(2000, path.join(tempDir(), "series")), "plugin");
    const referring = path.join(site, "editions/edition-1/doc-1.md");
    writeFileSync(referring, `${readFileSync(referring, "utf8")}\nSee {doc edition-3/5}.\n`);
    const back = path.join(site, "editions/edition-3/doc-3.md");
    writeFileSync(back, `${readFileSync(back, "utf8")}\nSee {doc edition-1/7 note 2}.\n`);
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      `import documentaryEdition from ${JSON.stringify(pathToFileURL(path.join(ROOT, "dist/index.js")).href)};\nexport default (config) => config.addPlugin(documentaryEdition);\n`,
    );
    symlinkSync(path.join(ROOT, "node_modules"), path.join(site, "node_modules"));
    const plainOut = tempDir();
    execFileSync(process.execPath, [ELEVENTY, "--quiet", `--output=${plainOut}`], { cwd: site, stdio: "pipe" });
    const partitioned = tempDir();
    const printed = build(site, "--jobs", "2", "--partition-size", "600", "--output", partitioned);
    // Together they have more documents than a partition may: each is listed for the other first.
    expect(printed).toContain("[listing edition-1] listed for the partitions that refer to it in");
    expect(printed).toContain("[listing edition-3] listed for the partitions that refer to it in");
    expect(printed).toContain("[partition 1: edition-1] built 500 documents");
    expect(printed).toContain("[partition 2: edition-3] built 500 documents");
    expect(printed).toContain("[partition 3: edition-2] built 500 documents");
    expect(printed).toContain("[partition 4: edition-4] built 500 documents");
    expect(readFileSync(path.join(partitioned, "editions/edition-1/doc-1/index.html"), "utf8")).toContain(
      'href="/editions/edition-3/doc-',
    );
    expect(readFileSync(path.join(partitioned, "editions/edition-3/doc-3/index.html"), "utf8")).toMatch(
      /href="\/editions\/edition-1\/doc-[^"]*#fn-[^"]*-2" class="de-xref"/,
    );
    expectSame(partitioned, plainOut);
  }, 600_000);
});
