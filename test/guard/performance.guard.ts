/**
 * The performance guard run in CI: 1,000 synthetic documents built with the plugin and with plain
 * Eleventy (the benchmark's baseline), each in a process of its own, one after the other. The
 * benchmark (`npm run bench`, BENCHMARKS.md) holds the real budget; this only catches a change
 * that makes the plugin much slower, with a bound loose enough for a noisy machine.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error the benchmark's helpers are plain JavaScript
import { generate } from "../../bench/corpus.mjs";
import { tempDir } from "../helpers/site.js";

/**
 * The bound on plugin time / baseline time at 1,000 documents. Issue 9 asks for 1.5; the plugin
 * measures about 2.2 on the development machine today (BENCHMARKS.md), so the guard holds the
 * line there, with room for noise, until the budget is met.
 */
const GUARD = 3;
const DOCUMENTS = 1000;

function build(input: string, output: string, config: string): number {
  const out = execFileSync(process.execPath, ["bench/build.mjs", input, output, config], { encoding: "utf8" });
  return (JSON.parse(out.trim().split("\n").at(-1) as string) as { ms: number }).ms;
}

describe("the performance guard", () => {
  const dir = tempDir();
  // Six sites of a thousand documents each: removing them takes more than vitest's ten seconds on a loaded machine.
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it(`builds ${DOCUMENTS} documents within ${GUARD} times plain Eleventy's time`, () => {
    generate(DOCUMENTS, dir);
    // Three rounds, each a baseline build then a plugin build, so that the two builds of a round
    // meet the same moment of a shared machine; the best round's ratio is the plugin's.
    const rounds = [1, 2, 3].map((round) => {
      const baseline = build(
        path.join(dir, "baseline"),
        path.join(dir, `baseline-out-${round}`),
        "bench/baseline/eleventy.config.js",
      );
      const plugin = build(path.join(dir, "plugin"), path.join(dir, `plugin-out-${round}`), "bench/plugin.config.js");
      return { baseline, plugin, ratio: plugin / baseline };
    });
    const ratio = Math.min(...rounds.map((r) => r.ratio));
    for (const r of rounds) {
      console.log(
        `performance guard: baseline ${Math.round(r.baseline)} ms, plugin ${Math.round(r.plugin)} ms, ratio ${r.ratio.toFixed(2)}`,
      );
    }
    expect(ratio).toBeLessThanOrEqual(GUARD);
  }, 180_000);
});
