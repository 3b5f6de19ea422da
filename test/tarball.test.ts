// The plugin as a publisher receives it: `npm pack`, installed into a fresh Eleventy site that
// holds one Markdown document and a three-line config, builds complete pages with the defaults.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/site.js";

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_loglevel: "error" } });

const ELEVENTY_VERSION = (JSON.parse(readFileSync("node_modules/@11ty/eleventy/package.json", "utf8")) as { version: string }).version;

describe("the packed plugin in a fresh site", () => {
  let site: string;
  let packed: { files: { path: string }[]; filename: string };

  beforeAll(() => {
    site = tempDir();
    packed = (JSON.parse(npm(["pack", "--json", "--pack-destination", site], process.cwd())) as (typeof packed)[])[0]!;
    writeFileSync(path.join(site, "package.json"), JSON.stringify({ name: "fresh-edition", private: true, type: "module" }));
    npm(
      ["install", "--no-audit", "--no-fund", "--prefer-offline", `./${packed.filename}`, `@11ty/eleventy@${ELEVENTY_VERSION}`],
      site,
    );
    writeFileSync(
      path.join(site, "eleventy.config.js"),
      [
        'import documentaryEdition from "eleventy-plugin-documentary-edition";',
        "",
        "export default (eleventyConfig) => eleventyConfig.addPlugin(documentaryEdition);",
      ].join("\n"),
    );
    mkdirSync(path.join(site, "editions", "correspondence"), { recursive: true });
    writeFileSync(
      path.join(site, "editions", "correspondence", "first-letter.md"),
      [
        "---",
        "title: Letter from the Ambassador to the Foreign Minister",
        "date: 1979-05",
        "type: letter",
        "author: The Ambassador",
        "recipients: The Foreign Minister",
        "archive: A National Archive",
        "callNumber: 12-34",
        "---",
        "",
        "The text of the letter.[^1]",
        "",
        "[^1]: An editorial note.",
        "",
      ].join("\n"),
    );
    execFileSync(process.execPath, [path.join("node_modules", "@11ty", "eleventy", "cmd.cjs"), "--quiet"], {
      cwd: site,
      stdio: ["ignore", "pipe", "pipe"],
    });
  }, 240_000);

  const read = (file: string) => readFileSync(path.join(site, "_site", file), "utf8");

  it("ships compiled JavaScript, declarations, layouts, stylesheet and schemas, and no sources or tests", () => {
    const files = packed.files.map((f) => f.path);
    for (const file of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/layouts/document.njk",
      "dist/assets/edition.css",
      "dist/schema/document.schema.json",
      "README.md",
      "docs/editing.md",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => /^(src|test|editions|_data|_includes)\//.test(f))).toEqual([]);
  });

  it("builds a complete document page with the default layouts", () => {
    const page = read("editions/correspondence/first-letter/index.html");
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-US">/);
    expect(page).toContain("<title>Letter from the Ambassador to the Foreign Minister | Edition</title>");
    expect(page).toContain("<h1>Letter from the Ambassador to the Foreign Minister</h1>");
    expect(page).toContain('<time datetime="1979-05">May 1979</time>');
    expect(page).toContain("<dt>From</dt><dd>The Ambassador</dd>");
    expect(page).toContain("<dt>Call number</dt><dd>12-34</dd>");
    expect(page).toContain("<p>The text of the letter.");
    expect(page).toContain('id="fn-correspondence-first-letter-1"');
    expect(page).toContain('<link rel="stylesheet" href="/documentary-edition/edition.css">');
  });

  it("builds the edition's index, a home page and the stylesheet", () => {
    expect(read("editions/correspondence/index.html")).toContain(
      '<a href="/editions/correspondence/first-letter/">Letter from the Ambassador to the Foreign Minister</a>',
    );
    expect(read("index.html")).toContain('<a href="/editions/correspondence/">Correspondence</a>');
    expect(existsSync(path.join(site, "_site", "documentary-edition", "edition.css"))).toBe(true);
  });

  it("exports the front-matter schema for editors' YAML tools", () => {
    const resolved = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", 'console.log(import.meta.resolve("eleventy-plugin-documentary-edition/schema/document.json"))'],
      { cwd: site, encoding: "utf8" },
    ).trim();
    const schema = JSON.parse(readFileSync(new URL(resolved), "utf8")) as { properties: Record<string, unknown>; required?: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["title", "date", "recipients", "callNumber", "translation"]));
    expect(schema.required).toEqual(expect.arrayContaining(["title", "date"]));
  });
});
