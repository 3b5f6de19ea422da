// The plugin as a publisher receives it: `npm pack`, installed into a fresh Eleventy site made
// with `npm init -y`, with the config the README's quick start shows, builds complete pages with
// the defaults.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readdirSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "./helpers/imported.js";
import { tempDir } from "./helpers/site.js";

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_loglevel: "error" },
  });

const ELEVENTY_VERSION = (
  JSON.parse(readFileSync("node_modules/@11ty/eleventy/package.json", "utf8")) as { version: string }
).version;

/**
 * The quick start as the README gives it, read from the README so that this test breaks when the
 * README changes: each config file (a `js` block whose first line names it) of the section "Add it
 * to your Eleventy config", and the edition folder and document file of its folder tree.
 */
function quickStart() {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split("### Add it to your Eleventy config\n")[1]?.split(/\n#{2,3} /)[0] ?? "";
  const configs = [...section.matchAll(/```js\n\/\/ (\S+)\n([\s\S]*?)```/g)].map(([, file, content]) => ({
    file: file as string,
    content: content as string,
  }));
  const tree = /```\neditions\/\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const edition = /^ {2}([\w-]+)\/$/m.exec(tree)?.[1];
  const document = /^ {4}([\w.-]+)\.md +a document$/m.exec(tree)?.[1];
  return { configs, edition, document };
}

const README = quickStart();

describe("the packed plugin in a fresh site", () => {
  let site: string;
  let packed: { files: { path: string }[]; filename: string };

  beforeAll(() => {
    site = tempDir();
    packed = (JSON.parse(npm(["pack", "--json", "--pack-destination", site], process.cwd())) as (typeof packed)[])[0]!;
    // npm 11 writes "type": "commonjs": the README's config must work there.
    npm(["init", "-y"], site);
    npm(
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        `./${packed.filename}`,
        `@11ty/eleventy@${ELEVENTY_VERSION}`,
      ],
      site,
    );
    mkdirSync(path.join(site, "editions", README.edition as string), { recursive: true });
    writeFileSync(
      path.join(site, "editions", README.edition as string, `${README.document as string}.md`),
      ["---", "title: The quick start's document", "date: 1979-04-16", "---", "", "Its text.", ""].join("\n"),
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
    // Each of the README's configs in turn, alone in the site, as `npx @11ty/eleventy` finds it
    // (execFileSync throws on a non-zero exit); the first into _site, which the tests below read.
    for (const [i, config] of README.configs.entries()) {
      writeFileSync(path.join(site, config.file), config.content);
      execFileSync("npx", ["@11ty/eleventy", "--quiet", `--output=${i === 0 ? "_site" : `_site-${i}`}`], {
        cwd: site,
        stdio: ["ignore", "pipe", "pipe"],
      });
      rmSync(path.join(site, config.file));
    }
  }, 240_000);

  const read = (file: string) => readFileSync(path.join(site, "_site", file), "utf8");

  it("builds the README's document with each of the README's configs, in a site made by npm init -y", () => {
    expect(JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")).type).toBe("commonjs");
    expect(README.configs.map((c) => c.file)).toEqual(["eleventy.config.mjs", "eleventy.config.js"]);
    expect(README.configs[0]?.content).toContain(
      'import documentaryEdition from "eleventy-plugin-documentary-edition";',
    );
    expect([README.edition, README.document]).toEqual(["sino-vietnamese-talks-1979", "1979-04-16-notice-on-talks"]);
    for (const output of ["_site", "_site-1"]) {
      const page = readFileSync(
        path.join(site, output, "editions", README.edition as string, README.document as string, "index.html"),
        "utf8",
      );
      expect(page).toContain("<h1>The quick start&#39;s document</h1>");
    }
  });

  it("ships compiled JavaScript, declarations, layouts, stylesheet and schemas, and no sources or tests", () => {
    const files = packed.files.map((f) => f.path);
    for (const file of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/layouts/document.njk",
      "dist/assets/edition.css",
      "dist/schema/document.schema.json",
      "dist/schema/part.schema.json",
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
      '<a href="/editions/correspondence/first-letter/"><span class="de-label"><span class="de-number">1</span>. <span class="de-title">Letter from the Ambassador to the Foreign Minister</span>',
    );
    expect(read("index.html")).toContain('<a href="/editions/correspondence/">Correspondence</a>');
    expect(existsSync(path.join(site, "_site", "documentary-edition", "edition.css"))).toBe(true);
  });

  it("runs the README's script with the core, in the fresh site, from the packed tarball", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.split("## Using the core outside Eleventy\n")[1] ?? "";
    const script = /```js\n\/\/ (\S+), run from[^\n]*\n([\s\S]*?)```/.exec(section);
    expect(script?.[1]).toBe("check-edition.mjs");
    writeFileSync(path.join(site, "check-edition.mjs"), script?.[2] ?? "");
    const printed = execFileSync(process.execPath, ["check-edition.mjs"], { cwd: site, encoding: "utf8" });
    expect(printed).toContain("Letter from the Ambassador to the Foreign Minister");
    const tei = readFileSync(path.join(site, "export", "correspondence--first-letter.xml"), "utf8");
    expect(tei).toContain("<title>Letter from the Ambassador to the Foreign Minister</title>");
    expect(tei).toBe(read("editions/correspondence/first-letter/document.xml"));
    expect(readFileSync(path.join(site, "export", "correspondence--first-letter.bib"), "utf8")).toBe(
      read("editions/correspondence/first-letter/citation.bib"),
    );
  });

  it("exports the front-matter schema for editors' YAML tools", () => {
    const resolved = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'console.log(import.meta.resolve("eleventy-plugin-documentary-edition/schema/document.json"))',
      ],
      { cwd: site, encoding: "utf8" },
    ).trim();
    const schema = JSON.parse(readFileSync(new URL(resolved), "utf8")) as {
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["title", "date", "recipients", "callNumber", "translation"]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["title", "date"]));
  });

  it("builds the FRUS sample edition: numbers in URLs, chapters, a conversation, cross-references, FRUS's note numbers", () => {
    const input = path.join(site, "frus-input");
    cpSync("editions/frus1969-76v19p1", path.join(input, "editions", "frus1969-76v19p1"), { recursive: true });
    cpSync("_data/register", path.join(input, "_data", "register"), { recursive: true });
    writeFileSync(
      path.join(site, "frus.config.mjs"),
      'import documentaryEdition from "eleventy-plugin-documentary-edition";\n' +
        "export default (config) => config.addPlugin(documentaryEdition, { numberedUrls: true });\n",
    );
    try {
      execFileSync(
        "npx",
        ["@11ty/eleventy", "--quiet", "--config=frus.config.mjs", "--input=frus-input", "--output=_site-frus"],
        { cwd: site, stdio: ["ignore", "pipe", "pipe"] },
      );
    } finally {
      // The site's own builds read its whole folder: the FRUS copy is not theirs.
      rmSync(input, { recursive: true });
      rmSync(path.join(site, "frus.config.mjs"));
    }
    const frus = (file: string) =>
      readFileSync(path.join(site, "_site-frus", "editions", "frus1969-76v19p1", file), "utf8");
    const memcon = frus("d54/index.html");
    expect(memcon).toContain('<h2 class="de-conversation-heading">Participants</h2>');
    expect(memcon).toContain('<p class="de-document-number">Document 54</p>');
    expect(frus("d47/index.html")).toContain('<a href="/editions/frus1969-76v19p1/d45/" class="de-xref"');
    expect(frus("d47/document.xml")).toContain('<note type="editorial" n="2"');
    expect(frus("comp1/ch2/index.html")).toContain("<h1>U.S. Troop Reductions and Related Defense Issues");
    expect(frus("corpus.xml")).toContain('<teiCorpus xml:id="part-comp1--ch2" n="comp1/ch2">');
  });

  it("imports the FRUS fixture with the package's command (npx documentary-edition import-tei) and builds it", () => {
    // As the README's "Publishing an existing TEI edition" has it: the volume's file in the site's
    // folder, the command, then Eleventy, with the plugin in the site's config.
    const xml = path.basename(FIXTURE);
    const config = "eleventy.config.mjs";
    expect(existsSync(path.join(site, config))).toBe(false);
    expect(existsSync(path.join(site, "_data"))).toBe(false);
    cpSync(FIXTURE, path.join(site, xml));
    writeFileSync(
      path.join(site, config),
      'import documentaryEdition from "eleventy-plugin-documentary-edition";\n' +
        "export default (config) => config.addPlugin(documentaryEdition, { numberedUrls: true });\n",
    );
    const run = (args: string[]) => spawnSync("npx", args, { cwd: site, encoding: "utf8", timeout: 120_000 });
    try {
      const imported = run(["documentary-edition", "import-tei", xml]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toContain("Imported 12 documents into editions/frus1969-76v19p1");
      const built = run(["@11ty/eleventy", "--quiet", "--output=_site-import"]);
      expect(built.status, built.stderr).toBe(0);
      const frus = (file: string) =>
        readFileSync(path.join(site, "_site-import", "editions", "frus1969-76v19p1", file), "utf8");
      const memcon = frus("d54/index.html");
      expect(memcon).toContain("<title>Memorandum of Conversation | Edition</title>");
      expect(memcon).toContain("<h1>Memorandum of Conversation</h1>");
      expect(memcon).toContain('<p class="de-document-number">Document 54</p>');
      expect(memcon).toContain('<h2 class="de-conversation-heading">Participants</h2>');
      const title = "Foreign Relations of the United States, 1969–1976, Volume XIX, Part 1, Korea, 1969–1972";
      expect(frus("index.html")).toContain(`<h1>${title}</h1>`);
      expect(frus("index.html")).toContain(`<title>${title} | Edition</title>`);
      // The same site as partitions of one edition each, 2 at a time, then assembled (issue 19),
      // and built plainly: both into folders outside the site, which Eleventy would read as input.
      // A second edition refers to the volume: its partition resolves the reference from a listing.
      mkdirSync(path.join(site, "editions", "korea-notes"), { recursive: true });
      writeFileSync(path.join(site, "editions", "korea-notes", "index.md"), "---\ntitle: Notes on Korea\n---\n");
      writeFileSync(
        path.join(site, "editions", "korea-notes", "a-note.md"),
        "---\ntitle: A note\ndate: 1969-08-01\n---\nSee {doc frus1969-76v19p1/54}.\n",
      );
      const [partitionedOut, plainOut] = [tempDir(), tempDir()];
      const partitioned = run([
        "documentary-edition",
        "build",
        "--jobs",
        "2",
        "--partition-size",
        "1",
        "--output",
        partitionedOut,
      ]);
      expect(partitioned.status, partitioned.stderr).toBe(0);
      expect(partitioned.stdout).toMatch(/^Built \d+ partitions \(\d+ documents\) and assembled them into /m);
      expect(partitioned.stdout).toMatch(
        /^\[listing frus1969-76v19p1\] listed for the partitions that refer to it in /m,
      );
      expect(readFileSync(path.join(partitionedOut, "editions/korea-notes/a-note/index.html"), "utf8")).toContain(
        '<a href="/editions/frus1969-76v19p1/d54/" class="de-xref" title="Document 54: Memorandum of Conversation">',
      );
      expect(run(["@11ty/eleventy", "--quiet", `--output=${plainOut}`]).status).toBe(0);
      const files = (root: string) =>
        (readdirSync(root, { recursive: true }) as string[]).filter((f) => !f.startsWith("pagefind")).sort();
      expect(files(partitionedOut)).toEqual(files(plainOut));
      for (const file of [
        "editions/frus1969-76v19p1/d54/index.html",
        "editions/korea-notes/a-note/index.html",
        "chronology/index.html",
        "feed.xml",
      ])
        expect(readFileSync(path.join(partitionedOut, file), "utf8"), file).toBe(
          readFileSync(path.join(plainOut, file), "utf8"),
        );
      // A mistake in each edition: one report names both, and the command fails.
      writeFileSync(
        path.join(site, "editions", "korea-notes", "a-note.md"),
        "---\ntitle: A note\ndate: 1969-13-01\n---\nSee {doc frus1969-76v19p1/54}.\n",
      );
      const d54 = path.join(site, "editions", "frus1969-76v19p1", "comp1", "ch2", "d54.md");
      const d54Text = readFileSync(d54, "utf8");
      writeFileSync(d54, `${d54Text}\nSee {doc 999}.\n`);
      const failed = run(["documentary-edition", "build", "--partition-size", "1", "--output", tempDir()]);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/^\[documentary-edition\] 2 problems in the \d+ partitions \(2 files\)/m);
      expect(failed.stderr).toContain('editions/korea-notes/a-note.md: date: found "1969-13-01"');
      expect(failed.stderr).toContain("editions/frus1969-76v19p1/comp1/ch2/d54.md: line ");
      writeFileSync(d54, d54Text);
      const serveHelp = run(["documentary-edition", "serve", "--help"]);
      expect(serveHelp.status).toBe(0);
      expect(serveHelp.stdout).toContain("Usage: documentary-edition serve <edition> [options]");
    } finally {
      // The site's own builds read its whole folder: the import is not theirs.
      for (const made of [xml, config, "editions/frus1969-76v19p1", "editions/korea-notes", "_data", "_site-import"]) {
        rmSync(path.join(site, made), { recursive: true, force: true });
      }
    }
  });

  it("refuses a misspelt field and a malformed mark in one report, printed once, and writes nothing", () => {
    const broken = path.join(site, "editions", "correspondence", "broken.md");
    writeFileSync(
      broken,
      [
        "---",
        "title: A broken letter",
        "date: 1979-05-02",
        "callnumber: 12-35",
        "---",
        "",
        "A {suplied: word}.",
        "",
      ].join("\n"),
    );
    writeFileSync(path.join(site, README.configs[0]!.file), README.configs[0]!.content);
    try {
      let failure: { status: number; stdout: string; stderr: string } | undefined;
      try {
        execFileSync("npx", ["@11ty/eleventy", "--output=_site-broken"], {
          cwd: site,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
          timeout: 60_000,
        });
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure?.status).toBe(1);
      const printed = `${failure?.stdout}${failure?.stderr}`;
      expect(
        printed.split('editions/correspondence/broken.md: callnumber: unknown field; did you mean "callNumber"?')
          .length - 1,
      ).toBe(1);
      expect(printed.split('editions/correspondence/broken.md: line 7: found "{suplied: word}"').length - 1).toBe(1);
      expect(printed).not.toContain("(via ");
      expect(existsSync(path.join(site, "_site-broken", "editions"))).toBe(false);
    } finally {
      rmSync(broken);
      rmSync(path.join(site, README.configs[0]!.file));
    }
  });
});
