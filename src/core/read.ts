/**
 * An edition's files read from disk as Eleventy reads them for the adapter, without Eleventy: each
 * Markdown file of the editions folder split into front matter and text as gray-matter splits it
 * (Eleventy's front-matter reader), the front matter read with the same YAML rules (documents'
 * dates as written), and the register from the site's data folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { DOCUMENT_YAML } from "../model/yaml.js";
import { editionPaths, normaliseDir, numberedUrl, type EditionPath } from "../model/paths.js";
import type { SourceFile } from "../model/edition.js";
import type { Problem } from "../model/errors.js";

/** A Markdown file split as gray-matter splits it: the front matter's text (if any) and the body. */
export interface SplitFile {
  /** The front matter's YAML, or undefined where the file has none (or an empty one). */
  matter: string | undefined;
  /** The text after the front matter: Eleventy's `page.rawInput`. */
  body: string;
  /** How many lines precede the body. */
  offset: number;
}

const lines = (text: string) => text.split("\n").length - 1;

/** gray-matter's rules (Eleventy's front-matter reader): `---` on the first line, closed by a line starting `---`. */
export function splitFrontMatter(source: string): SplitFile {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (!text.startsWith("---") || text.charAt(3) === "-") return { matter: undefined, body: text, offset: 0 };
  let rest = text.slice(3);
  const newline = rest.search(/\r?\n/);
  const language = rest.slice(0, newline).trim();
  rest = rest.slice(language ? rest.slice(0, newline).length : 0);
  let close = rest.indexOf("\n---");
  if (close === -1) close = rest.length;
  const matter = rest.slice(0, close);
  let body = close === rest.length ? "" : rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  const empty = matter.replace(/^\s*#[^\n]+/gm, "").trim() === "";
  // Another language than YAML is not the plugin's: its reader never sees the file's keys.
  const isYaml = !language || language.toLowerCase() === "yaml";
  return {
    matter: empty || !isYaml ? undefined : matter,
    body,
    offset: lines(text.slice(0, text.length - body.length)),
  };
}

/** The folders of a site as Eleventy gives them: the input folder, the editions folder inside it, the data folder. */
export interface SiteFolders {
  /** Eleventy's input folder (absolute). */
  input: string;
  /** The editions folder (absolute). */
  editions: string;
  /** The data folder (absolute). */
  data: string;
  /** Only this edition's folder is read, where an edition folder was given. */
  edition?: string;
}

const isFolder = (folder: string) => existsSync(folder) && statSync(folder).isDirectory();

/**
 * The folders, from a site folder (one holding the editions folder), the editions folder itself, or
 * an edition folder (one inside the editions folder); undefined where `folder` is none of these.
 */
export function siteFolders(folder: string, editionsDir: string, dataDir: string | undefined): SiteFolders | undefined {
  const given = path.resolve(folder);
  const inSite = (input: string, edition?: string): SiteFolders => ({
    input,
    editions: path.resolve(input, editionsDir),
    data: path.resolve(input, dataDir ?? "_data"),
    ...(edition ? { edition } : {}),
  });
  if (isFolder(path.join(given, editionsDir))) return inSite(given);
  if (!isFolder(given)) return undefined;
  const parts = editionsDir.split("/").filter(Boolean);
  // The site's folder, where `folder` ends with the editions folder's path.
  const siteOf = (inside: string) => {
    const above = inside.split(path.sep);
    return above.slice(-parts.length).join("/") === parts.join("/")
      ? above.slice(0, -parts.length).join(path.sep) || path.sep
      : undefined;
  };
  const site = siteOf(given);
  if (site !== undefined) return inSite(site);
  const editionSite = siteOf(path.dirname(given));
  return editionSite === undefined ? undefined : inSite(editionSite, path.basename(given));
}

/** Every Markdown file under `folder`, in name order (dot folders and node_modules left out, as Eleventy leaves them). */
function markdownFiles(folder: string): string[] {
  if (!isFolder(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full));
    else if (entry.name.endsWith(".md")) found.push(full);
  }
  return found;
}

const toPosix = (p: string) => p.split(path.sep).join("/");

/** The path Eleventy gives a file: relative to the working folder, starting "./". */
export const eleventyPath = (absolute: string) => {
  const relative = toPosix(path.relative(process.cwd(), absolute));
  return relative.startsWith("../") ? relative : `./${relative}`;
};

/** The URL Eleventy gives a page: its path inside the input folder, or its permalink where one is written out. */
function pageUrl(input: string, absolute: string, permalink: unknown): string {
  if (permalink === false) return "";
  if (typeof permalink === "string" && !/\{[{%]/.test(permalink)) {
    const url = `/${permalink.replace(/^\/+/, "")}`;
    return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
  }
  const inside = toPosix(path.relative(input, absolute)).replace(/\.md$/, "");
  return `/${inside.endsWith("/index") || inside === "index" ? inside.slice(0, -"index".length) : `${inside}/`}`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/**
 * Eleventy's deep merge of data (@11ty/eleventy-utils, Merge): objects merged key by key, lists
 * joined, anything else replaced; a key written "override:key" replaces instead.
 */
function mergeData(target: unknown, source: unknown): unknown {
  let into = target;
  const copying = into === undefined && isPlainObject(source);
  if (copying) into = {};
  if (Array.isArray(into) && Array.isArray(source)) return [...(into as unknown[]), ...(source as unknown[])];
  if (isPlainObject(into)) {
    if (copying || isPlainObject(source)) {
      for (const key in source) {
        const name = key.startsWith("override:") ? key.slice("override:".length) : key;
        into[name] = mergeData(into[key], source[key]);
      }
    }
    return into;
  }
  return source;
}

/**
 * The JSON data files Eleventy merges into a page's data before its front matter, least binding
 * first: each folder's (`<folder>/<folder>.json`, then `.11tydata.json`) from the input folder's
 * own down to the page's, then the page's own (`cable.json`, `cable.11tydata.json`).
 * JavaScript data files are not run.
 */
function dataFilePaths(input: string, file: string): string[] {
  const bases: string[] = [];
  if (path.resolve(input) !== path.resolve(".")) bases.push(path.join(input, path.basename(input)));
  const folders: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith(input + path.sep); dir = path.dirname(dir)) folders.unshift(dir);
  for (const dir of folders) bases.push(path.join(dir, path.basename(dir)));
  bases.push(file.replace(/\.md$/, ""));
  return bases.flatMap((base) => [`${base}.json`, `${base}.11tydata.json`]);
}

export interface ReadFiles {
  documents: SourceFile[];
  indexes: SourceFile[];
  /** Where each file is in the editions folder, by its inputPath. */
  where: Map<string, EditionPath>;
  problems: Problem[];
}

/**
 * The editions' Markdown files as the adapter hands them to the model: documents' front matter
 * read without YAML's timestamps, index files' with YAML's default rules (the site's own engine).
 * A file whose front matter YAML cannot read is reported, where Eleventy would stop on it.
 */
export function readEditionFiles(folders: SiteFolders, editionsDir: string, numberedUrls = false): ReadFiles {
  const classify = editionPaths(folders.input, editionsDir);
  const editionsUrl = `/${normaliseDir(editionsDir)}`;
  const numbered = numberedUrls
    ? (place: EditionPath, number: unknown) => numberedUrl(editionsUrl, place, number)
    : undefined;
  const read: ReadFiles = { documents: [], indexes: [], where: new Map(), problems: [] };
  const root = folders.edition ? path.join(folders.editions, folders.edition) : folders.editions;
  const dataFile = dataFileReader(read.problems);
  for (const absolute of markdownFiles(root)) {
    const inputPath = eleventyPath(absolute);
    const place = classify(inputPath);
    if (!place) continue;
    const split = splitFrontMatter(readFileSync(absolute, "utf8"));
    const matter = frontMatterOf(split.matter, place, inputPath, read.problems);
    if (!matter) continue;
    const { data } = matter;
    const own = isPlainObject(data) ? data : {};
    // The folders' and the file's data files first, then the front matter, as Eleventy merges them.
    let record: Record<string, unknown> = {};
    for (const file of dataFilePaths(folders.input, absolute)) {
      const found = dataFile(file);
      if (isPlainObject(found)) record = mergeData(record, found) as Record<string, unknown>;
    }
    record = mergeData(record, own) as Record<string, unknown>;
    // Left out of collections by the site, as Eleventy leaves it out: no document of the model.
    if (record.eleventyExcludeFromCollections === true) continue;
    read.where.set(inputPath, place);
    (place.kind === "index" ? read.indexes : read.documents).push({
      id: place.id,
      inputPath,
      file: place.file,
      edition: place.edition,
      slug: place.slug,
      folder: place.folder,
      url:
        (record.permalink === undefined && numbered?.(place, record.number)) ||
        pageUrl(folders.input, absolute, record.permalink),
      data: record,
      frontMatterKeys: split.matter !== undefined && own === data ? Object.keys(own) : [],
      text: split.body,
      bodyOffset: () => split.offset,
    });
  }
  return read;
}

/** The JSON data files of folders, each read once; one JSON cannot read is a problem, where Eleventy would stop on it. */
function dataFileReader(problems: Problem[]): (file: string) => unknown {
  const dataFiles = new Map<string, unknown>();
  return (file) => {
    if (!dataFiles.has(file)) {
      let data: unknown;
      if (existsSync(file)) {
        try {
          data = JSON.parse(readFileSync(file, "utf8"));
        } catch (error) {
          problems.push(unreadableJson(file, error, "a JSON object of data for the pages in its folder"));
        }
      }
      dataFiles.set(file, data);
    }
    return dataFiles.get(file);
  };
}

/**
 * A file's front matter: a document's read without YAML's timestamps, an index file's with YAML's
 * default rules (the site's own engine); none, and a problem, where YAML cannot read it.
 */
function frontMatterOf(
  matter: string | undefined,
  place: EditionPath,
  inputPath: string,
  problems: Problem[],
): { data: unknown } | undefined {
  if (matter === undefined) return { data: {} };
  try {
    const data =
      place.kind === "document" ? yaml.load(matter, { schema: DOCUMENT_YAML, filename: inputPath }) : yaml.load(matter);
    return { data };
  } catch (error) {
    problems.push({
      file: place.file,
      field: "(front matter)",
      value: undefined,
      found: `YAML that cannot be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`,
      expected: "front matter written in YAML, as Eleventy reads it",
    });
    return undefined;
  }
}

/** A data file JSON cannot read, where Eleventy would stop on it. */
const unreadableJson = (file: string, error: unknown, expected: string): Problem => ({
  file: toPosix(path.relative(process.cwd(), file)),
  field: "(file)",
  value: undefined,
  found: `JSON that cannot be read (${error instanceof Error ? error.message : String(error)})`,
  expected,
});

/** Where the register is, as the build names it in messages ("_data/register"). */
export const registerSource = (folders: SiteFolders, registerData: string) =>
  `${normaliseDir(path.relative(process.cwd(), folders.data) || ".")}${registerData}`;

/**
 * The register as Eleventy's data cascade gives it: `<data>/register.json`, and each
 * `<data>/register/<kind>.json` under its name; undefined where the site has none. A file JSON
 * cannot read is reported, where Eleventy would stop on it.
 */
export function readRegister(folders: SiteFolders, registerData: string): { data: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(unreadableJson(file, error, "a JSON object of register entries"));
      return undefined;
    }
  };
  const file = path.join(folders.data, `${registerData}.json`);
  const folder = path.join(folders.data, registerData);
  let data: Record<string, unknown> | undefined;
  if (existsSync(file)) data = read(file) as Record<string, unknown> | undefined;
  if (isFolder(folder)) {
    data = { ...data };
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith(".json")) data[name.slice(0, -".json".length)] = read(path.join(folder, name));
    }
  }
  return { data, problems };
}
