/**
 * `documentary-edition serve <edition>` on a copy of the sample site: that edition alone is served,
 * the other is not built, and a save shows the saved document's page again with its new words.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, sampleSite } from "./helpers/sample.js";
import { freePort } from "./helpers/port.js";

async function until(check: () => Promise<boolean> | boolean, what: () => string, ms = 60_000): Promise<void> {
  for (let waited = 0; !(await check()); waited += 200) {
    if (waited > ms) throw new Error(`${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("serve <edition>", () => {
  const site = sampleSite();
  let server: ChildProcess;
  let output = "";
  let base = "";
  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    // A reference to the other edition, which is listed before the edition is served.
    const cable = path.join(site, "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks.md");
    writeFileSync(cable, readFileSync(cable, "utf8").replace("type: telegram\n", "type: telegram\nnumber: 1\n"));
    const d56 = path.join(site, "editions/frus1969-76v19p1/comp1/ch2/d56.md");
    writeFileSync(d56, `${readFileSync(d56, "utf8")}\nCompare {doc sino-vietnamese-talks-1979/1}.\n`);
    const port = await freePort();
    base = `http://localhost:${port}`;
    server = spawn(
      process.execPath,
      [path.join(ROOT, "dist/cli.js"), "serve", "frus1969-76v19p1", "--port", String(port)],
      {
        cwd: site,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    server.stdout?.on("data", (chunk) => (output += chunk));
    server.stderr?.on("data", (chunk) => (output += chunk));
    await until(
      () => output.includes("Server at"),
      () => `serve did not start:\n${output}`,
    );
  }, 90_000);

  afterAll(() => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  });

  it("serves the edition's pages, and not the other edition's or the site-wide pages", async () => {
    const memcon = await get("/editions/frus1969-76v19p1/d54/");
    expect(memcon.status).toBe(200);
    expect(memcon.text).toContain("<h1>Memorandum of Conversation</h1>");
    // The navigation still links the site-wide pages at their final URLs.
    expect(memcon.text).toContain('<a href="/chronology/">Chronology</a>');
    expect((await get("/editions/sino-vietnamese-talks-1979/")).status).toBe(404);
    expect((await get("/chronology/")).status).toBe(404);
  });

  it("resolves a reference to another edition from its listing", async () => {
    const page = await get("/editions/frus1969-76v19p1/d56/");
    expect(page.text).toMatch(
      /<a href="\/editions\/sino-vietnamese-talks-1979\/[^"]+" class="de-xref" title="Document 1: Cable from the Foreign Ministry/,
    );
  });

  it("shows a saved document's new words", async () => {
    const file = path.join(site, "editions/frus1969-76v19p1/comp1/ch2/d54.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, "\n\nA sentence added while serving.\n"));
    await until(
      async () => (await get("/editions/frus1969-76v19p1/d54/")).text.includes("A sentence added while serving."),
      () => `the saved page did not come back:\n${output}`,
    );
  }, 90_000);
});
