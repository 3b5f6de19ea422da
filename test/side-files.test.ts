// The writing thread of TEI and citation files: every file is written where it belongs, and when
// the disk is slower than the build, the build waits rather than holding every file in memory.
// The thread is the built one (dist/): it runs as JavaScript.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_PENDING, SideFiles } from "../dist/eleventy/side-files.js";
import { tempDir } from "./helpers/site.js";

describe("the files written beside pages", () => {
  it("holds at most MAX_PENDING files handed over and not yet written, however fast they come, and writes them all", async () => {
    const output = tempDir();
    const files = new SideFiles();
    files.start(output);
    files.endStaging(true);
    const content = "x".repeat(2_000);
    const count = 3 * MAX_PENDING;
    let most = 0;
    for (let i = 0; i < count; i++) {
      files.write(`/d${i}/`, "document.xml", `${i}${content}`);
      most = Math.max(most, files.pending);
    }
    await files.flush();
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_PENDING);
    expect(files.pending).toBe(0);
    for (const i of [0, MAX_PENDING, count - 1]) {
      expect(readFileSync(path.join(output, `d${i}`, "document.xml"), "utf8")).toBe(`${i}${content}`);
    }
  });

  it("writes nothing outside the output folder", async () => {
    const output = tempDir();
    const files = new SideFiles();
    files.start(output);
    files.endStaging(true);
    files.write("/../escaped/", "document.xml", "x");
    await files.flush();
    expect(existsSync(path.join(output, "..", "escaped", "document.xml"))).toBe(false);
  });
});
