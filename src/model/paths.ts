/** Which Markdown files are documents and which are edition index files. */
import path from "node:path";
import { documentId } from "./ids.js";

export interface EditionPath {
  /** An index file introduces an edition (in its folder) or a part of one (in a folder inside it). */
  kind: "document" | "index";
  /** The path inside the editions folder without ".md" ("talks/cable"): unique in the site. */
  id: string;
  edition: string;
  slug: string;
  /**
   * The folders between the edition's and the file ("comp1/ch2"; "" for a file in the edition's own
   * folder): a document's part is the nearest of them with an index file; an index file's is its own.
   */
  folder: string;
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
    const kind = slug === "index" ? "index" : "document";
    const file = path.posix.normalize(toPosix(inputPath)).replace(/^\.\//, "");
    return { kind, id, edition, slug, folder: parts.slice(1, -1).join("/"), file };
  }
}

export type Classify = ReturnType<typeof editionPaths>;

/** A document's number in its edition, as the schema takes it and a URL or a cross-reference writes it: 57, 57a. */
export const DOCUMENT_NUMBER = /^[1-9][0-9]*[a-z]?$/;

/**
 * A numbered document's URL where the site asks for numbered URLs ("/editions/frus/d57/"), as
 * history.state.gov gives FRUS's documents; undefined for anything else (its path gives its URL).
 */
export function numberedUrl(editionsUrl: string, where: EditionPath | undefined, number: unknown): string | undefined {
  if (where?.kind !== "document" || (typeof number !== "number" && typeof number !== "string")) return undefined;
  return DOCUMENT_NUMBER.test(String(number)) ? `${editionsUrl}${where.edition}/d${number}/` : undefined;
}

/** A document's id in ids (its notes', mentions' and page breaks'): one function for all, in model/ids.ts. */
export const docIdOf = (where: EditionPath): string => documentId(where.id);
