/**
 * `documentary-edition import-tei <file.xml>`: a TEI edition into an edition of the plugin, written
 * into a site's folders. What the TEI holds is converted in memory first (the converter gives the
 * edition's files, the register entries its documents use, and what it could not map); only then
 * is anything written, and only where nothing of an editor's would be overwritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The plugin's register kinds, as `_data/register/<kind>.json` holds them. */
export type RegisterKind = "people" | "places" | "subjects" | "terms";
export type ImportedEntry = { name: string; sortName?: string; identification?: string };

/** What a converter makes of a TEI file: see src/import/tei.ts. */
export interface ImportedEdition {
  slug: string;
  files: { path: string; content: string; keepExisting?: boolean }[];
  register: Partial<Record<RegisterKind, Record<string, ImportedEntry>>>;
  registerIfMissing?: Partial<Record<RegisterKind, Record<string, ImportedEntry>>>;
  unmapped: { element: string; document: string; count: number }[];
}

export type Converter = (xml: string, options: { fallbackSlug: string }) => ImportedEdition;

export const HELP = `Usage: documentary-edition import-tei <file.xml> [options]

Reads a TEI P5 file and writes one edition of the plugin: its index.md, a folder with an index.md
for each part (chapter), one Markdown file per document, and the register entries the documents
use. The file may be
  - a volume whose documents are <div type="document" n="…">, as FRUS's volumes are;
  - a teiCorpus of TEI documents, as the plugin's own corpus.xml (nested teiCorpus: parts);
  - a single TEI document, as the plugin's own document.xml: it is added to the edition's folder,
    whose index.md is written only where there is none.

Options:
  --into <folder>   the edition's folder (default: editions/<the TEI's xml:id, or the file's name>)
  --data <folder>   the site's data folder, whose register/<kind>.json files receive the register
                    entries (default: _data)
  --force           overwrite the edition's files where they exist (never the register's entries:
                    a key the register has with another name is always an error)
  --strict          write nothing and exit 1 if any element or attribute of the TEI is not mapped
  --help            this text

In a folder with no Eleventy config, eleventy.config.mjs is written with the plugin added, as the
README's one line does; an existing config is left as it is.

What is not mapped is listed at the end (element, document, how many times) and written beside the
edition's files as import-report.json. The text of an element that is not mapped is kept as text.
Exit status: 0 when the edition is written; 1 when nothing was written (an error, or --strict with
a loss); 2 for a mistake in the command itself.`;

/** A mistake in the command or its input: its message is the whole story, printed without a stack. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly status: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

export interface ImportArguments {
  file: string;
  into?: string;
  data: string;
  force: boolean;
  strict: boolean;
}

/** The arguments after `import-tei`, checked: a file, and only the options `--help` lists. */
export function importArguments(argv: readonly string[]): ImportArguments | "help" {
  const parsed: Partial<ImportArguments> & { force: boolean; strict: boolean } = { force: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new CommandError(`${arg} needs a folder after it`, 2);
      return next;
    };
    if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--into") parsed.into = value();
    else if (arg === "--data") parsed.data = value();
    else if (arg === "--force") parsed.force = true;
    else if (arg === "--strict") parsed.strict = true;
    else if (arg.startsWith("-")) throw new CommandError(`unknown option ${arg}; see --help`, 2);
    else if (parsed.file !== undefined) throw new CommandError(`one TEI file at a time: ${parsed.file} and ${arg}`, 2);
    else parsed.file = arg;
  }
  if (parsed.file === undefined) throw new CommandError("the TEI file to import is missing; see --help", 2);
  return { ...parsed, file: parsed.file, data: parsed.data ?? "_data" };
}

/** The register files as they stand, with the entries the edition adds; a key the register names otherwise is an error naming both. */
function mergedRegister(
  imported: ImportedEdition["register"],
  ifMissing: NonNullable<ImportedEdition["registerIfMissing"]>,
  dataFolder: string,
): { file: string; entries: Record<string, unknown>; added: number }[] {
  const merged = [];
  const clashes: string[] = [];
  const kinds = [...new Set([...Object.keys(imported), ...Object.keys(ifMissing)])] as RegisterKind[];
  for (const kind of kinds) {
    const entries = imported[kind] ?? {};
    const file = path.join(dataFolder, "register", `${kind}.json`);
    let existing: Record<string, unknown> = {};
    if (existsSync(file)) {
      try {
        existing = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      } catch (error) {
        throw new CommandError(`${file} is not JSON the import can add to: ${(error as Error).message}`);
      }
    }
    let added = 0;
    const result: Record<string, unknown> = { ...existing };
    for (const [key, entry] of Object.entries(entries)) {
      const held = existing[key] as { name?: unknown } | undefined;
      if (held === undefined) {
        result[key] = entry;
        added++;
      } else if (held.name !== entry.name) {
        clashes.push(
          `${file}: ${key}: the register has it as ${JSON.stringify(held.name)}, the TEI as ${JSON.stringify(entry.name)}`,
        );
      }
    }
    // A name known only from a mention's words fills a gap; it is never set against the register's.
    for (const [key, entry] of Object.entries(ifMissing[kind] ?? {}))
      if (result[key] === undefined) {
        result[key] = entry;
        added++;
      }
    if (added) merged.push({ file, entries: result, added });
  }
  if (clashes.length) {
    throw new CommandError(
      `${clashes.length} register key${clashes.length === 1 ? "" : "s"} already name${clashes.length === 1 ? "s" : ""} someone or something else; nothing was written:\n${clashes.map((c) => `  - ${c}`).join("\n")}\nGive the register's entry or the TEI's another key, then import again.`,
    );
  }
  return merged;
}

/** Writes a file whole or not at all: into a temporary file beside it, then renamed. */
function writeWhole(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, file);
}

/** The report of what was not mapped, a line an element and document. */
export function unmappedReport(unmapped: ImportedEdition["unmapped"]): string {
  if (!unmapped.length) return "Every element and attribute of the TEI was mapped.";
  const total = unmapped.reduce((sum, u) => sum + u.count, 0);
  return [
    `Not mapped (the text kept, the markup lost): ${total} in ${unmapped.length} place${unmapped.length === 1 ? "" : "s"}:`,
    ...unmapped.map((u) => `  - ${u.element} in ${u.document}: ${u.count}×`),
  ].join("\n");
}

/**
 * Runs `import-tei` in the folder `cwd`: converts, checks that nothing would be overwritten and that
 * the register takes the entries, then writes. Returns what to print; throws a CommandError.
 */
export function runImport(args: ImportArguments, convert: Converter, cwd = process.cwd()): string {
  const source = path.resolve(cwd, args.file);
  if (!existsSync(source)) throw new CommandError(`${args.file}: no such file`);
  const fallbackSlug = path.basename(source).replace(/\.xml$/i, "");
  let edition: ImportedEdition;
  try {
    edition = convert(readFileSync(source, "utf8"), { fallbackSlug });
  } catch (error) {
    throw new CommandError(`${args.file}: ${(error as Error).message}`);
  }
  const documents = edition.files.filter((f) => !/(^|\/)index\.md$/.test(f.path)).length;
  if (!documents) {
    throw new CommandError(
      `${args.file}: no document found (no <div type="document" n="…">, and no <TEI> in a teiCorpus); nothing was written.`,
    );
  }
  const report = unmappedReport(edition.unmapped);
  if (args.strict && edition.unmapped.length) {
    throw new CommandError(`${report}\n--strict: nothing was written.`);
  }
  const into = path.resolve(cwd, args.into ?? path.join("editions", edition.slug));
  // A file the edition needs only where it has none (a single document's index.md) is kept as it is.
  const targets = edition.files
    .map((f) => ({ file: path.join(into, f.path), content: f.content, keep: f.keepExisting }))
    .filter((t) => !(t.keep && existsSync(t.file)));
  const taken = targets.filter((t) => existsSync(t.file));
  if (taken.length && !args.force) {
    const shown = taken.slice(0, 10).map((t) => `  - ${path.relative(cwd, t.file)}`);
    throw new CommandError(
      `${taken.length} file${taken.length === 1 ? "" : "s"} of the edition already exist${taken.length === 1 ? "s" : ""}; nothing was written (--force overwrites them):\n${shown.join("\n")}${taken.length > 10 ? `\n  … and ${taken.length - 10} more` : ""}`,
    );
  }
  const register = mergedRegister(edition.register, edition.registerIfMissing ?? {}, path.resolve(cwd, args.data));
  for (const t of targets) writeWhole(t.file, t.content);
  for (const r of register) writeWhole(r.file, `${JSON.stringify(r.entries, null, 2)}\n`);
  const config = siteConfig(cwd);
  writeWhole(
    path.join(into, "import-report.json"),
    `${JSON.stringify({ source: args.file, unmapped: edition.unmapped }, null, 2)}\n`,
  );
  return [
    `Imported ${documents} document${documents === 1 ? "" : "s"} into ${path.relative(cwd, into) || "."}` +
      (register.length
        ? `; ${register.reduce((n, r) => n + r.added, 0)} register entries added to ${register.map((r) => path.relative(cwd, r.file)).join(", ")}`
        : "") +
      ".",
    ...(config ? [`No Eleventy config was found: ${config} now adds the plugin.`] : []),
    report,
  ].join("\n");
}

/** The config files Eleventy looks for in a site's folder. */
const CONFIG_FILES = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"];
/**
 * A folder with no Eleventy config gets the README's one-line config, so that the import's folder
 * builds as a site at once; an existing config is never touched. Returns the file written, if any.
 */
function siteConfig(cwd: string): string | undefined {
  if (CONFIG_FILES.some((f) => existsSync(path.join(cwd, f)))) return undefined;
  writeWhole(
    path.join(cwd, "eleventy.config.mjs"),
    `import documentaryEdition from "eleventy-plugin-documentary-edition";\n\nexport default (eleventyConfig) => eleventyConfig.addPlugin(documentaryEdition);\n`,
  );
  return "eleventy.config.mjs";
}
