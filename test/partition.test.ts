/**
 * Partitioned builds, the plugin's side: a run's role from its environment, and the same site,
 * byte for byte (Pagefind's index aside), whether it is built by one `eleventy` run or by one run
 * per edition and an assembling run. Each run is a child process, as the orchestrator makes it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRole, PARTITION_VARIABLE, readManifests } from "../src/eleventy/partition.js";
import { eleventy, files, ROOT, sampleSite } from "./helpers/sample.js";
import { tempDir } from "./helpers/site.js";

const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
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
    const built = files(plain);
    expect(files(partitioned)).toEqual(built);
    for (const file of built)
      expect(readFileSync(path.join(partitioned, file), "utf8"), file).toBe(
        readFileSync(path.join(plain, file), "utf8"),
      );
    expect(existsSync(path.join(partitioned, "pagefind", "pagefind.js"))).toBe(true);
  }, 120_000);
});
