import { describe, expect, it } from "vitest";
import { readEditionFrontMatter } from "../src/eleventy/front-matter.js";
import type { EleventyConfig } from "../src/eleventy/config.js";

type Engine = (text: string, options?: { filePath?: string }) => Record<string, unknown>;

/** The YAML engine the plugin gives Eleventy, for documents (every file here is one). */
function documentEngine(): Engine {
  let engine: Engine | undefined;
  const config = {
    setFrontMatterParsingOptions: (options: { engines: { yaml: Engine } }) => (engine = options.engines.yaml),
  } as unknown as EleventyConfig;
  readEditionFrontMatter(config, () => "document");
  return engine as Engine;
}

describe("a document's front matter", () => {
  const yaml = documentEngine();

  it("keeps a date as the editor wrote it, even an impossible one", () => {
    expect(yaml("date: 1979-02-30").date).toBe("1979-02-30");
  });

  it("skips template preprocessing for a document with no template tag, and only for it", () => {
    const plain = yaml("title: Plain", { filePath: "test/fixtures/multi/editions/cables/first.md" });
    expect(plain.templateEngineOverride).toBe("md");
    // third.md places its telegram header with {% telegramHeader %}: Liquid must still see it.
    const tagged = yaml("title: Tagged", { filePath: "test/fixtures/multi/editions/cables/third.md" });
    expect(tagged).not.toHaveProperty("templateEngineOverride");
    // An editor's own choice stands.
    const own = yaml("templateEngineOverride: njk,md", { filePath: "test/fixtures/multi/editions/cables/first.md" });
    expect(own.templateEngineOverride).toBe("njk,md");
  });
});
