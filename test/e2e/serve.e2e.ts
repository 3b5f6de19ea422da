// `eleventy --serve` on a copy of a fixture site: a save that breaks a document shows the build's
// report in the open browser page, and the page comes back on the next good save.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launch } from "./browser.js";
import { freePort } from "../helpers/port.js";

const run = browserAvailable();

describe.skipIf(!run)("a failed build while Eleventy serves the site", () => {
  // Outside the repository (Eleventy leaves alone what .gitignore names), with the plugin linked
  // into a node_modules folder beside it.
  const root = mkdtempSync(path.join(tmpdir(), "documentary-edition-serve-"));
  const site = path.join(root, "site");
  const document = path.join(site, "editions/e/a.md");
  let eleventy: ChildProcess;
  let output = "";
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    cpSync("test/fixtures/mentions", site, { recursive: true });
    mkdirSync(path.join(root, "node_modules"));
    symlinkSync(path.resolve("."), path.join(root, "node_modules", "eleventy-plugin-documentary-edition"));
    const port = await freePort();
    base = `http://localhost:${port}`;
    eleventy = spawn(
      process.execPath,
      [
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--serve",
        "--port",
        String(port),
        "--input",
        site,
        "--output",
        path.join(site, "_site"),
        "--config",
        path.join(site, "eleventy.config.js"),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    eleventy.stdout?.on("data", (chunk) => (output += chunk));
    eleventy.stderr?.on("data", (chunk) => (output += chunk));
    for (let waited = 0; !output.includes("Server at"); waited += 100) {
      if (waited > 60_000) throw new Error(`eleventy --serve did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    eleventy?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it("shows the report in place of the page, then the page again once fixed", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/editions/e/a/`);
    expect(await page.locator("h1").first().innerText()).toBe("A letter");
    const good = readFileSync(document, "utf8");
    const built = output.length;

    writeFileSync(document, `${good}\nA {suplied: misspelt} mark.\n`);
    await page.waitForSelector(".de-build-report", { timeout: 30_000 });
    const report = await page.locator(".de-build-report").innerText();
    expect(report).toContain("The build stopped: 1 problem");
    expect(report).toContain(`line 10: found "{suplied: misspelt}"; expected a transcription mark`);
    // The terminal says it once, in the plugin's words.
    const said = output.slice(built);
    expect(said.match(/found "\{suplied: misspelt\}"/g)).toHaveLength(1);
    expect(said).not.toContain("(via ");

    writeFileSync(document, good);
    await page.waitForSelector(".de-build-report", { state: "detached", timeout: 30_000 });
    await page.waitForSelector("h1:text('A letter')", { timeout: 30_000 });
  });
});
