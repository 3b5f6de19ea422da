/** Which Markdown files are documents and which are edition index files. */
import path from "node:path";
import { documentId } from "./ids.js";

export interface EditionPath {
  kind: "document" | "index";
  /** The path inside the editions folder without ".md" ("talks/cable"): unique in the site. */
  id: string;
  edition: string;
  slug: string;
  /** The path relative to the project, as an editor would type it. */
  file: string;
}

const toPosix = (p: string) => p.split(path.sep).join("/");

/** "./src/" → "src/", "." → "": the prefix Eleventy's inputPaths carry. */
export function normaliseDir(dir: string): string {
  // "./" is dropped, but not the dots of "../": an input folder may lie outside the working folder.
  const normal = path.posix.normalize(`${toPosix(dir)}/`).replace(/^\.\//, "");
  return normal === "/" || normal === "./" ? "" : normal;
}

/**
 * A classifier for one build's folders: `classify("./editions/talks/cable.md")`. Eleventy gives
 * input paths relative to the working folder and may give the input folder as an absolute path,
 * so both are compared as absolute paths.
 */
export function editionPaths(inputDir: string, editionsDir: string) {
  const prefix = path.resolve(inputDir, editionsDir) + path.sep;
  // Asked many times a page (its data, its date, its Markdown, its layout): answered once a path.
  const known = new Map<string, EditionPath | undefined>();
  return function classify(inputPath: unknown): EditionPath | undefined {
    if (typeof inputPath !== "string" || !inputPath.endsWith(".md")) return undefined;
    if (known.has(inputPath)) return known.get(inputPath);
    const where = classifyPath(inputPath);
    known.set(inputPath, where);
    return where;
  };

  function classifyPath(inputPath: string): EditionPath | undefined {
    const absolute = path.resolve(inputPath);
    if (!absolute.startsWith(prefix)) return undefined;
    const id = toPosix(absolute.slice(prefix.length, -".md".length));
    const parts = id.split("/");
    if (parts.length < 2) return undefined;
    const edition = parts[0] as string;
    const slug = parts.at(-1) as string;
    const kind = parts.length === 2 && slug === "index" ? "index" : "document";
    const file = path.posix.normalize(toPosix(inputPath)).replace(/^\.\//, "");
    return { kind, id, edition, slug, file };
  }
}

export type Classify = ReturnType<typeof editionPaths>;

/** A document's id in ids (its notes', mentions' and page breaks'): one function for all, in model/ids.ts. */
export const docIdOf = (where: EditionPath): string => documentId(where.id);
