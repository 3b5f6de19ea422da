// The core as a library (eleventy-plugin-documentary-edition/core), run as a script author runs it:
// in a Node process of its own, with the plugin installed beside its runtime dependencies only, where
// @11ty/eleventy cannot be resolved (and any attempt to import it, by the core or a dependency, fails the run). What it makes of the
// sample edition is compared with what Eleventy builds of it, byte for byte; what it makes of bad
// editions, with the message the build stops with.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DocumentHtml, Problem, RenderedEdition } from "eleventy-plugin-documentary-edition/core";
import { loadEdition } from "../src/core.js";
import { allByClass, buildFailure, buildSite, byClass, tempDir, type BuiltSite } from "./helpers/site.js";

const ROOT = process.cwd();
const PACKAGE = "eleventy-plugin-documentary-edition";
const EDITION = "sino-vietnamese-talks-1979";
const CABLE_URL = `/editions/${EDITION}/1979-04-16-notice-on-talks/`;
const EDITION_URL = `/editions/${EDITION}/`;
const CORPUS = "test/fixtures/corpus";

/** The bad sites compared with the build: unknown and missing fields, the register, marks, notes, the TEI export. */
const BAD = [
  `${CORPUS}/misspelt-call-number`,
  `${CORPUS}/misspelt-editors`,
  `${CORPUS}/misspelt-telegram-device`,
  `${CORPUS}/title-missing`,
  `${CORPUS}/date-missing`,
  `${CORPUS}/date-impossible-day`,
  `${CORPUS}/file-without-front-matter`,
  `${CORPUS}/register-entry-without-name`,
  `${CORPUS}/register-key-unknown-in-text`,
  `${CORPUS}/mark-misspelt`,
  `${CORPUS}/note-undefined`,
  `${CORPUS}/raw-html-block`,
  `${CORPUS}/precedence-not-allowed`,
  "test/fixtures/corpus-cli",
];

interface CoreDocument {
  id: string;
  file: string;
  url: string;
  number: number;
  html: DocumentHtml;
  tei: string | undefined;
  citations: { bibtex: string; ris: string; cslJson: string; styles: Record<string, { html: string; text: string }> };
  problems: Problem[];
}
/** An edition as the child process prints it: the rendered edition, with the edition's own object reduced to its names. */
type CoreEdition = Omit<RenderedEdition, "edition"> & { slug: string; url: string; registerUrl?: string };
interface CoreResult {
  folder: string;
  problems: Problem[];
  message: string;
  documents: CoreDocument[];
  editions: CoreEdition[];
}

/**
 * A folder where the plugin is installed as npm installs it for a script, with its runtime
 * dependencies only: its package.json and a copy of dist/ (a copy, not a link: from the linked
 * folder Node would find the repository's node_modules, Eleventy among them), and a link to each
 * package of its "dependencies", and to citation-js, which a site that gives CSL styles installs. A hook refuses any ESM import of an @11ty package.
 */
function isolatedInstall(): string {
  const folder = tempDir();
  const modules = path.join(folder, "node_modules");
  const plugin = path.join(modules, PACKAGE);
  mkdirSync(plugin, { recursive: true });
  cpSync(path.join(ROOT, "package.json"), path.join(plugin, "package.json"));
  cpSync(path.join(ROOT, "dist"), path.join(plugin, "dist"), { recursive: true });
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
  // citation-js, which a site that gives CSL styles installs (see the option cslStyles), beside them.
  for (const name of [...Object.keys(pkg.dependencies), "@citation-js/core", "@citation-js/plugin-csl"]) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(path.join(ROOT, "node_modules", name), path.join(modules, name), "dir");
  }
  writeFileSync(
    path.join(folder, "hooks.mjs"),
    `export async function resolve(specifier, context, next) {
  if (specifier.startsWith("@11ty/")) throw new Error("the core imported " + specifier + " from " + context.parentURL);
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    path.join(folder, "no-eleventy.mjs"),
    `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`,
  );
  cpSync(path.join(ROOT, "test/helpers/core-child.mjs"), path.join(folder, "core-child.mjs"));
  return folder;
}

/** Runs the core on these folders in its own process, from the repository (paths in messages are relative to it, as the build's are). */
function runCore(install: string, jobs: { folder: string; plugin?: unknown }[]): CoreResult[] {
  const run = spawnSync(
    process.execPath,
    ["--import", path.join(install, "no-eleventy.mjs"), path.join(install, "core-child.mjs"), JSON.stringify(jobs)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  );
  if (run.status !== 0) throw new Error(`the core's process failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as CoreResult[];
}

/** The documents whose text holds no template tag: the core renders them as the site does. */
const markdownOnly = (documents: CoreDocument[]) =>
  documents.filter((doc) => !/\{[{%#]|<%/.test(readFileSync(doc.file, "utf8")));

const pluginOptions = (site: string): unknown => {
  const file = path.join(site, "plugin-options.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
};

/** Where the multi-edition fixture's config puts its CSL style (a file citation-js ships): the same path, the same file. */
const VANCOUVER = path.join(tmpdir(), "documentary-edition-vancouver.csl");

/** The good sites compared with their builds, each with its config and the plugin options the config gives. */
const SITES: { folder: string; config: string; plugin?: object }[] = [
  { folder: ".", config: ".eleventy.js", plugin: { locale: "en-US", numberedUrls: true } },
  {
    folder: "test/fixtures/multi",
    config: "test/fixtures/multi/eleventy.config.js",
    plugin: {
      locale: "en-GB",
      labels: { previous: "Earlier document" },
      siteUrl: "https://edition.example.org/",
      citationStyles: ["archive", "vancouver", "edition"],
      cslStyles: { vancouver: VANCOUVER },
    },
  },
  { folder: "test/fixtures/tei", config: "test/fixtures/tei/eleventy.config.js" },
  {
    folder: "test/fixtures/mentions",
    config: "test/fixtures/mentions/eleventy.config.js",
    plugin: { search: false, fields: { document: { volume: "number" }, edition: { series: "text" } } },
  },
];

let install: string;
const built = new Map<string, BuiltSite>();
let good: CoreResult[];
let sample: CoreResult;
let editionAlone: CoreResult;
let editionsFolder: CoreResult;
let bad: CoreResult[];

beforeAll(async () => {
  install = isolatedInstall();
  writeFileSync(
    VANCOUVER,
    (createRequire(import.meta.url)("@citation-js/plugin-csl/lib/styles.json") as Record<string, string>).vancouver!,
  );
  const results = runCore(install, [
    ...SITES.map(({ folder, plugin }) => ({ folder, plugin })),
    { folder: `editions/${EDITION}`, plugin: SITES[0]!.plugin },
    { folder: "editions", plugin: SITES[0]!.plugin },
    ...BAD.map((folder) => ({ folder, plugin: pluginOptions(folder) })),
  ]);
  good = results.slice(0, SITES.length);
  sample = good[0]!;
  [editionAlone, editionsFolder] = results.slice(SITES.length, SITES.length + 2) as [CoreResult, CoreResult];
  bad = results.slice(SITES.length + 2);
  for (const { folder, config } of SITES) built.set(folder, await buildSite(folder, config));
}, 180_000);

describe("the core, installed without Eleventy", () => {
  it("cannot resolve @11ty/eleventy from where the plugin is installed", () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", 'await import("@11ty/eleventy")'], {
      cwd: path.join(install, "node_modules", PACKAGE),
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("ERR_MODULE_NOT_FOUND");
  });

  it("is an entry of the package, with its types, and packed", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, unknown> };
    expect(pkg.exports["./core"]).toEqual({ types: "./dist/core.d.ts", default: "./dist/core.js" });
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
    ) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const file of ["dist/core.js", "dist/core.d.ts", "dist/core/read.js", "dist/core/read.d.ts"]) {
      expect(files).toContain(file);
    }
  });
});

describe("the core on the sample edition, beside the site Eleventy builds", () => {
  const cable = () => sample.documents.find((doc) => doc.url === CABLE_URL)!;
  const edition = () => sample.editions.find((e) => e.url === EDITION_URL)!;
  const site = () => built.get(".")!;

  it("finds no problem, and the same documents, numbered alike", () => {
    expect(sample.problems).toEqual([]);
    expect(sample.message).toBe("");
    // The editions by title: the FRUS edition's twelve documents by their own numbers, at /d<number>/, then the cable.
    expect(sample.documents.map((doc) => [doc.url, doc.number])).toEqual([
      ...["44", "45", "46", "47", "48", "49", "50", "52", "54", "56", "57", "58"].map((n) => [
        `/editions/frus1969-76v19p1/d${n}/`,
        n,
      ]),
      [CABLE_URL, "1"],
    ]);
    for (const doc of sample.documents) {
      expect(doc.problems, doc.url).toEqual([]);
      // Every document's TEI and citation files, byte for byte as the site's.
      expect(doc.tei, doc.url).toBe(site().read(`${doc.url}document.xml`));
      expect(doc.citations.cslJson, doc.url).toBe(site().read(`${doc.url}citation.json`));
    }
    for (const each of sample.editions) expect(each.tei, each.url).toBe(site().read(`${each.url}corpus.xml`));
  });

  it("gives the cable's TEI byte for byte as the site's document.xml", () => {
    expect(cable().tei).toBe(site().read(`${CABLE_URL}document.xml`));
  });

  it("gives the edition's teiCorpus byte for byte as the site's corpus.xml", () => {
    expect(edition().tei).toBe(site().read(`${EDITION_URL}corpus.xml`));
    expect(edition().problems).toEqual([]);
  });

  it("gives the citation files byte for byte as the site's, the document's and the edition's", () => {
    expect(cable().citations.bibtex).toBe(site().read(`${CABLE_URL}citation.bib`));
    expect(cable().citations.ris).toBe(site().read(`${CABLE_URL}citation.ris`));
    expect(cable().citations.cslJson).toBe(site().read(`${CABLE_URL}citation.json`));
    expect(edition().citations.bibtex).toBe(site().read(`${EDITION_URL}citations.bib`));
    expect(edition().citations.ris).toBe(site().read(`${EDITION_URL}citations.ris`));
    expect(edition().citations.cslJson).toBe(site().read(`${EDITION_URL}citations.json`));
  });

  it("gives the article as it stands in the built page, and each part of it", () => {
    const page = site().read(CABLE_URL);
    const [article] = allByClass(page, "de-document");
    expect(cable().html.article).toBe(article);
    const { html } = cable();
    for (const part of [html.text, html.telegramHeader, html.metadata, html.citeBox, html.search, html.date]) {
      expect(part.length).toBeGreaterThan(0);
      expect(article).toContain(part);
    }
    expect(html.telegramHeader).toContain('class="de-telegram"');
    // The cable uses no transcription mark of the printed kind: no legend, on the page or here.
    expect(html.markLegend).toBe("");
    expect(page).toContain(html.head);
  });

  it("gives each citation style as the cite box prints it", () => {
    const box = byClass(site().read(CABLE_URL), "de-cite");
    for (const style of ["archive", "chicago-note", "chicago-bibliography", "mla", "apa", "edition"]) {
      const citation = cable().citations.styles[style]!;
      expect(box).toContain(`>${citation.html}</p>`);
      expect(citation.text).not.toContain("<");
    }
    // Built-in styles the site does not show are given too.
    expect(cable().citations.styles["chicago-author-date"]?.text).toMatch(/^Ministry of Foreign Affairs/);
  });

  it("gives the edition's introduction, contents and register as its pages print them", () => {
    const index = site().read(EDITION_URL);
    expect(edition().introduction.length).toBeGreaterThan(0);
    expect(byClass(index, "de-introduction")).toBe(`\n${edition().introduction}\n`);
    expect(index).toContain(edition().contents);
    expect(edition().registerUrl).toBe(`${EDITION_URL}register/`);
    expect(site().read(`${EDITION_URL}register/`)).toContain(edition().register);
  });

  it("reads the editions folder, or one edition's folder alone, as it reads the site", () => {
    expect(editionAlone.problems).toEqual([]);
    expect(editionAlone.documents).toEqual(sample.documents.filter((doc) => doc.url.startsWith(EDITION_URL)));
    expect(editionAlone.editions).toEqual(sample.editions.filter((e) => e.url === EDITION_URL));
    expect(editionsFolder.problems).toEqual([]);
    expect(editionsFolder.documents).toEqual(sample.documents);
    expect(editionsFolder.editions).toEqual(sample.editions);
  });
});

describe("the core on the fixture sites, beside the sites Eleventy builds", () => {
  describe.each(SITES.slice(1).map((s, i) => [s.folder, i + 1] as const))("%s", (folder, i) => {
    const core = () => good[i]!;
    const site = () => built.get(folder)!;
    const exists = (url: string) => existsSync(path.join(site().output, `${url}index.html`));

    it("finds no problem, and the same documents as the site's pages", () => {
      expect(core().problems).toEqual([]);
      expect(core().documents.length).toBeGreaterThan(1);
      for (const doc of core().documents) {
        expect(exists(doc.url), doc.url).toBe(true);
        expect(doc.problems).toEqual([]);
      }
    });

    it("gives every document's TEI and citation files byte for byte as the site's", () => {
      for (const doc of core().documents) {
        expect(doc.citations.bibtex).toBe(site().read(`${doc.url}citation.bib`));
        expect(doc.citations.ris).toBe(site().read(`${doc.url}citation.ris`));
        expect(doc.citations.cslJson).toBe(site().read(`${doc.url}citation.json`));
      }
      expect(markdownOnly(core().documents).length).toBeGreaterThan(1);
      for (const doc of markdownOnly(core().documents)) {
        expect(doc.tei, doc.url).toBe(site().read(`${doc.url}document.xml`));
      }
    });

    it("gives every document's article as the site's page prints it, where its layout prints the plugin's", () => {
      let compared = 0;
      for (const doc of markdownOnly(core().documents)) {
        const [article] = allByClass(site().read(doc.url), "de-document");
        // A site's own layout may print other parts, or none.
        if (!article) continue;
        expect(doc.html.article, doc.url).toBe(article);
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });

    it("gives every edition's teiCorpus, citation files, contents and register as the site's", () => {
      for (const edition of core().editions) {
        const documents = core().documents.filter((doc) => doc.url.startsWith(edition.url));
        if (markdownOnly(documents).length === documents.length) {
          expect(edition.tei).toBe(site().read(`${edition.url}corpus.xml`));
        }
        expect(edition.citations.bibtex).toBe(site().read(`${edition.url}citations.bib`));
        expect(edition.citations.ris).toBe(site().read(`${edition.url}citations.ris`));
        expect(edition.citations.cslJson).toBe(site().read(`${edition.url}citations.json`));
        const index = site().read(edition.url);
        expect(index).toContain(edition.contents);
        // A site's own edition layout may leave the introduction out.
        if (index.includes('class="de-introduction"')) {
          expect(byClass(index, "de-introduction")).toBe(`\n${edition.introduction}\n`);
        }
        if (edition.registerUrl) expect(site().read(edition.registerUrl)).toContain(edition.register);
      }
    });
  });

  // The one thing the core does not do as the site does: run a template language over a document's
  // text ({% telegramHeader %} placed by hand). It leaves the tag as written.
  it("leaves a template tag in a document's text as written", () => {
    const multi = good[SITES.findIndex((s) => s.folder === "test/fixtures/multi")]!;
    const templated = multi.documents.filter((doc) => !markdownOnly([doc]).length);
    expect(templated.map((doc) => doc.url)).toEqual(["/editions/cables/third/"]);
    expect(templated[0]!.html.text).toContain("{% telegramHeader &quot;precedence&quot;, &quot;Flash&quot; %}");
  });
});

describe("the core on bad editions, beside the build's message", () => {
  it.each(BAD.map((folder, i) => [folder, i] as const))(
    "%s: the same problems, in the same words",
    async (folder, i) => {
      // One config for every bad site, as the corpus's own test builds them (it reads plugin-options.json).
      const failure = await buildFailure(folder, `${CORPUS}/eleventy.config.js`);
      const core = bad[i]!;
      expect(core.problems.length).toBeGreaterThan(0);
      expect(core.message).toBe(failure.message);
      expect(core.problems.map((p) => [p.file, p.field])).toEqual(failure.problems.map((p) => [p.file, p.field]));
    },
  );

  it("names a document with an unknown field, and one missing a required field, as the plugin does", () => {
    const [unknown, missing] = [
      bad[BAD.indexOf(`${CORPUS}/misspelt-call-number`)]!,
      bad[BAD.indexOf(`${CORPUS}/title-missing`)]!,
    ];
    expect(unknown.message.split("\n").slice(1)).toEqual([
      `  - ${CORPUS}/misspelt-call-number/editions/talks/letter.md: callnumber: unknown field; did you mean "callNumber"? (a field of the site's own is declared in the plugin's "fields.document" option)`,
    ]);
    expect(missing.message.split("\n").slice(1)).toEqual([
      `  - ${CORPUS}/title-missing/editions/talks/letter.md: title: found nothing (the field is missing); expected text`,
    ]);
  });
});

describe("the core's own errors", () => {
  it("throws the plugin's error for bad plugin options, in the same words as the build", async () => {
    const folder = `${CORPUS}/option-unknown`;
    const failure = await buildFailure(folder, `${CORPUS}/eleventy.config.js`);
    await expect(loadEdition(folder, { plugin: pluginOptions(folder) as object })).rejects.toThrow(failure.message);
  });

  it("says what it expected of a folder that is neither a site's nor an edition's", async () => {
    await expect(loadEdition("test/helpers")).rejects.toThrow(
      "[documentary-edition] test/helpers: expected a site's folder (holding editions/), its editions/ folder, or an edition's folder (inside it)",
    );
  });
});
