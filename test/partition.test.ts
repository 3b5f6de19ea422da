/**
 * Partitioned builds, the plugin's side: a run's role from its environment, and the same site,
 * byte for byte (Pagefind's index aside), whether it is built by one `eleventy` run or by one run
 * per edition and an assembling run. Each run is a child process, as the orchestrator makes it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRole, PARTITION_VARIABLE } from "../src/build/role.js";
import { readManifests } from "../src/eleventy/partition.js";
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
  });

  it("refuses a malformed value, naming it and what is expected", () => {
    const expected =
      'expected {"role":"partition","id":"1","editions":["…"],"staging":"…"} or {"role":"assemble","staging":"…"}';
    for (const value of [
      "not json",
      JSON.stringify({ role: "partition", id: "1", editions: ["../other"], staging }),
      JSON.stringify({ role: "partition", id: "1", editions: [], staging }),
      JSON.stringify({ role: "assemble", staging: "relative/folder" }),
      JSON.stringify({ role: "everything", staging }),
    ])
      expect(() => role(value)).toThrow(`[documentary-edition] ${PARTITION_VARIABLE}: found ${value}; ${expected}`);
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

describe("a series of 2,000 documents in 4 editions, two of which cross-refer", () => {
  it("is built by `documentary-edition build --jobs 2` into the files of a plain build, the two editions in one partition", async () => {
    const { generate } = (await import(pathToFileURL(path.join(ROOT, "bench/corpus.mjs")).href)) as {
      generate: (n: number, dir: string) => string;
    };
    const site = path.join(generate(2000, path.join(tempDir(), "series")), "plugin");
    const referring = path.join(site, "editions/edition-1/doc-1.md");
    writeFileSync(referring, `${readFileSync(referring, "utf8")}\nSee {doc edition-3/5}.\n`);
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      `import documentaryEdition from ${JSON.stringify(pathToFileURL(path.join(ROOT, "dist/index.js")).href)};\nexport default (config) => config.addPlugin(documentaryEdition);\n`,
    );
    symlinkSync(path.join(ROOT, "node_modules"), path.join(site, "node_modules"));
    const plainOut = tempDir();
    execFileSync(process.execPath, [ELEVENTY, "--quiet", `--output=${plainOut}`], { cwd: site, stdio: "pipe" });
    const partitioned = tempDir();
    const printed = build(site, "--jobs", "2", "--partition-size", "600", "--output", partitioned);
    expect(printed).toContain("[partition 1: edition-1, edition-3] built 1000 documents");
    expect(printed).toContain("[partition 2: edition-2] built 500 documents");
    expect(printed).toContain("[partition 3: edition-4] built 500 documents");
    expect(readFileSync(path.join(partitioned, "editions/edition-1/doc-1/index.html"), "utf8")).toContain(
      'href="/editions/edition-3/doc-',
    );
    expectSame(partitioned, plainOut);
  }, 600_000);
});
