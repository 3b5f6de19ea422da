import path from "node:path";
import { describe, expect, it } from "vitest";
import { editionPaths, normaliseDir } from "../src/model/paths.js";

describe("edition paths", () => {
  it("normalise Eleventy's folders, inside or outside the working folder", () => {
    expect(normaliseDir(".")).toBe("");
    expect(normaliseDir("./")).toBe("");
    expect(normaliseDir("./src")).toBe("src/");
    expect(normaliseDir("./src/")).toBe("src/");
    expect(normaliseDir("../site/")).toBe("../site/");
    expect(normaliseDir("./../../tmp/site/")).toBe("../../tmp/site/");
    expect(normaliseDir("/tmp/site")).toBe("/tmp/site/");
  });

  it("tell documents from edition index files, wherever the input folder is", () => {
    for (const [input, prefix] of [
      [".", "./"],
      ["./src/", "./src/"],
      ["./../../tmp/site/", "./../../tmp/site/"],
      ["/tmp/site", "/tmp/site/"],
      // Eleventy gives an absolute input folder with input paths relative to the working folder.
      ["/tmp/site/", `${path.relative(process.cwd(), "/tmp/site")}/`],
    ] as const) {
      const classify = editionPaths(input, "editions");
      expect(classify(`${prefix}editions/talks/cable.md`), input).toMatchObject({
        kind: "document",
        id: "talks/cable",
        edition: "talks",
        slug: "cable",
      });
      expect(classify(`${prefix}editions/talks/index.md`), input).toMatchObject({ kind: "index", edition: "talks" });
      expect(classify(`${prefix}editions/talks/index.md`), input).toMatchObject({ folder: "" });
      // An index file in a folder inside an edition's introduces a part of it (a chapter).
      expect(classify(`${prefix}editions/talks/comp1/ch2/index.md`), input).toMatchObject({
        kind: "index",
        id: "talks/comp1/ch2/index",
        edition: "talks",
        folder: "comp1/ch2",
      });
      expect(classify(`${prefix}editions/talks/comp1/ch2/d45.md`), input).toMatchObject({
        kind: "document",
        id: "talks/comp1/ch2/d45",
        folder: "comp1/ch2",
      });
      expect(classify(`${prefix}editions/loose.md`), input).toBeUndefined();
      expect(classify(`${prefix}about.md`), input).toBeUndefined();
      expect(classify(`${prefix}editions/talks/notes.njk`), input).toBeUndefined();
    }
  });
});

describe("output files", () => {
  it("stay inside the output folder", async () => {
    const { outputFile } = await import("../src/eleventy/output.js");
    expect(outputFile("/site/_site", "/editions/a/doc/", "document.xml")).toBe(
      "/site/_site/editions/a/doc/document.xml",
    );
    expect(outputFile("/site/_site", "/editions/a%20b/", "corpus.xml")).toBe("/site/_site/editions/a b/corpus.xml");
    expect(outputFile("/site/_site", "/../../etc/", "passwd")).toBeUndefined();
    expect(outputFile("/site/_site", "/%2e%2e/%2e%2e/etc/", "passwd")).toBeUndefined();
    expect(outputFile("/site/_site", "/", "../escape.txt")).toBeUndefined();
    expect(outputFile("/site/_site", "/bad%/", "x.xml")).toBeUndefined();
  });
});
