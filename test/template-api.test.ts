// Every collection, filter and shortcode the plugin gives templates is documented in the README's
// tables, and every one the README documents is given: the two cannot drift apart. The filters'
// and shortcodes' tables are written from the declared template API (`npm run docs:api`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import documentaryEdition from "../src/index.js";
import { TEMPLATE_API, templateApiTable } from "../src/eleventy/template-api.js";

/** The names the plugin registers, kind by kind, through an Eleventy config that only records them. */
function registered() {
  const names = { collection: [] as string[], filter: [] as string[], shortcode: [] as string[] };
  const recorder: Record<string, unknown> = {
    directories: { input: ".", includes: "_includes", data: "_data", output: "_site" },
    versionCheck: () => undefined,
    addCollection: (name: string) => names.collection.push(name),
    addFilter: (name: string) => names.filter.push(name),
    addShortcode: (name: string) => names.shortcode.push(name),
    frontMatterParsingOptions: {},
  };
  const config = new Proxy(recorder, {
    get: (target, key: string) => (key in target ? target[key] : () => undefined),
  });
  documentaryEdition(config as never);
  return names;
}

/** The names in the first column of a README table under `heading`. */
function documented(heading: string): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split(`\n${heading}\n`)[1]?.split(/\n#{2,3} /)[0] ?? "";
  return [...section.matchAll(/^\| `(?:\{% |collections\.)?(\w+)/gm)].map((m) => m[1] as string);
}

describe("the template API", () => {
  const names = registered();

  it("registers every filter and shortcode it declares, each as its kind, and no other", () => {
    const declared = (kind: string) =>
      Object.entries(TEMPLATE_API)
        .filter(([, entry]) => entry.kind === kind)
        .map(([name]) => name)
        .sort();
    expect([...names.filter].sort()).toEqual(declared("filter"));
    expect([...names.shortcode].sort()).toEqual(declared("shortcode"));
  });

  it("has the README's tables of filters and shortcodes as the declaration writes them", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`\n${templateApiTable("filter")}\n`);
    expect(readme).toContain(`\n${templateApiTable("shortcode")}\n`);
  });

  it("documents every filter and shortcode it registers, and registers every one it documents", () => {
    expect([...names.filter].sort()).toEqual([...documented("### Filters")].sort());
    expect([...names.shortcode].sort()).toEqual([...documented("### Shortcodes")].sort());
  });

  it("documents every collection", () => {
    expect(names.collection.length).toBeGreaterThan(3);
    for (const name of names.collection) expect(documented("### Collections")).toContain(name);
  });
});

describe("the collections of editions and documents", () => {
  it("hold objects that are not plain, which Eleventy would look up one by one among all its templates", () => {
    const collections = new Map<string, (api: unknown) => unknown>();
    type Yaml = (text: string, options: { filePath: string }) => Record<string, unknown>;
    let yaml: Yaml | undefined;
    const recorder: Record<string, unknown> = {
      directories: { input: ".", includes: "_includes", data: "_data", output: "_site" },
      versionCheck: () => undefined,
      addCollection: (name: string, make: (api: unknown) => unknown) => collections.set(name, make),
      setFrontMatterParsingOptions: (options: { engines: { yaml: Yaml } }) => (yaml = options.engines.yaml),
      frontMatterParsingOptions: {},
    };
    documentaryEdition(
      new Proxy(recorder, { get: (target, key: string) => (key in target ? target[key] : () => undefined) }) as never,
    );
    // Each file's front matter read by the plugin's YAML engine, as Eleventy reads it.
    const item = (file: string, frontMatter: string) => {
      const inputPath = `./editions/${file}`;
      return { inputPath, url: `/${file}/`, data: yaml?.(frontMatter, { filePath: inputPath }) ?? {} };
    };
    const api = {
      getAll: () => [item("e/index.md", "title: E"), item("e/d.md", "title: A letter\ndate: 1979-04-16")],
    };
    const documents = collections.get("documents")?.(api) as object[];
    const editions = collections.get("editions")?.(api) as object[];
    // Eleventy's test (isPlainObject in @11ty/eleventy-utils): a prototype of null or Object.prototype.
    for (const made of [documents[0], editions[0]]) {
      expect(made).toHaveProperty("inputPath");
      expect([Object.prototype, null]).not.toContain(Object.getPrototypeOf(made));
    }
  });
});
