/**
 * A build's part in a partitioned build (`documentary-edition build`, src/build/): one Eleventy run
 * of a few whole editions, or the last run that assembles the site-wide pages. The orchestrator
 * says which in one environment variable; a plain `eleventy` run has none and builds everything.
 *
 * - A partition builds its editions' pages, side files and TEI, and nothing site-wide: the other
 *   editions' folders are ignored (Eleventy never reads them), and at the end it writes a manifest
 *   of its editions' listings (model/manifest.ts) into the staging folder.
 * - A listing run reads only the editions that other partitions refer to, and leaves each one's
 *   reference table (model/references.ts: its documents' numbers, URLs, titles and notes) in the
 *   staging folder as soon as its model is made, then ends: it renders and writes nothing. A
 *   partition whose documents refer to those editions resolves its references from the tables.
 * - The assembling run ignores every edition's folder, makes its model from the manifests, writes
 *   the home page, the chronology, the index pages, the site's feed and the search page, lists the
 *   partitions' search bundles (each partition indexed its own editions), and removes the staging
 *   folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { manifestOf, readManifest, type Manifest } from "../model/manifest.js";
import type { Edition, EditionModel } from "../model/edition.js";
import { documentHasSourceNote } from "../markdown/references.js";
import type { Problem } from "../model/errors.js";
import { referableEdition, type ReferableEdition } from "../model/references.js";
import { normaliseDir } from "../model/paths.js";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";
import { stagedPartitions, type BuildRole } from "../build/role.js";

/** A file written whole: under another name, then renamed, so that no reader finds half of it. */
function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

const tableFile = (staging: string, edition: string) => path.join(staging, `references-${edition}.json`);

/**
 * A listing run's end, once its model is made: each edition's reference table, for the partitions
 * that refer to it; then the process ends, with nothing rendered or written.
 */
export function endListing(role: { staging: string }, editions: readonly Edition[], settings: Options): never {
  const hasSourceNote = documentHasSourceNote(settings);
  for (const edition of editions)
    writeWhole(tableFile(role.staging, edition.slug), JSON.stringify(referableEdition(edition, hasSourceNote)));
  process.exit(0);
}

/** In a partition, the tables of the editions of other partitions that it refers to; none elsewhere. */
export function referredEditions(role: BuildRole | undefined): ReferableEdition[] {
  return role?.role === "partition" && role.references ? readReferenceTables(role.staging, role.references) : [];
}

/** The reference tables of the editions a partition refers to; one missing or unreadable is an error naming it. */
export function readReferenceTables(staging: string, editions: readonly string[]): ReferableEdition[] {
  return editions.map((edition) => {
    const file = tableFile(staging, edition);
    let table: Partial<ReferableEdition> | undefined;
    try {
      table = JSON.parse(readFileSync(file, "utf8")) as Partial<ReferableEdition>;
    } catch {
      table = undefined;
    }
    if (table?.slug !== edition || !Array.isArray(table.documents)) {
      throw new Error(
        `[documentary-edition] ${file}: ${existsSync(file) ? "not a reference table" : "missing"}; expected the reference table of the edition "${edition}", which a listing run leaves (documentary-edition build runs one before the partitions that refer to it)`,
      );
    }
    return table as ReferableEdition;
  });
}

/** Where a partition of `build` leaves its problems, for the build's one report of every partition's. */
export const problemsFile = (staging: string, id: string): string => path.join(staging, `problems-${id}.json`);

/**
 * A partition's checks are done (every page rendered, none written). Under `build`, its problems
 * are left for the build's one report, and the partition stops, with an error, where it has
 * problems or where another partition has failed (the stop file is there): it writes nothing.
 */
export function partitionChecked(role: BuildRole | undefined, problems: readonly Problem[]): Error | undefined {
  if (role?.role !== "partition" || !role.stop) return undefined;
  const stopped = existsSync(role.stop);
  // No problem and not stopped: the partition writes its pages. Stopped: none, as its file says.
  if (problems.length || stopped) writeWhole(problemsFile(role.staging, role.id), JSON.stringify(problems));
  if (problems.length) {
    const files = new Set(problems.map((p) => p.file)).size;
    return new Error(
      `[documentary-edition] partition ${role.id}: ${problems.length} problem${problems.length === 1 ? "" : "s"} (${files} file${files === 1 ? "" : "s"}), listed in the build's report; the partition stopped before writing any page`,
    );
  }
  if (stopped)
    return new Error(
      `[documentary-edition] partition ${role.id}: no problem found; stopped before writing any page, as another partition failed`,
    );
  return undefined;
}

/** Every partition's manifest in the staging folder, in partition order; none is an error. */
export function readManifests(staging: string): Manifest[] {
  const ids = stagedPartitions(staging);
  if (!ids.length)
    throw new Error(
      `[documentary-edition] ${staging}: no partition manifest (partition-<n>.json) to assemble; build the partitions first`,
    );
  return ids.map((id) => {
    const file = path.join(staging, `partition-${id}.json`);
    return readManifest(readFileSync(file, "utf8"), file);
  });
}

/**
 * The partition's or the assembling run's part of the build: which edition folders Eleventy skips,
 * and what it leaves at the end (a manifest written whole; the staging folder removed).
 */
export function installRole(
  config: EleventyConfig,
  options: Options,
  role: BuildRole,
  model: () => EditionModel | undefined,
): void {
  const editionsDir = path.join(normaliseDir(config.directories.input), normaliseDir(options.editionsDir));
  const ignored =
    role.role === "assemble"
      ? ["."]
      : (existsSync(editionsDir) ? readdirSync(editionsDir) : []).filter((name) => !role.editions.includes(name));
  for (const name of ignored) config.ignores.add(path.posix.join(editionsDir, name === "." ? "" : name, "**"));
  config.on("eleventy.after", () => {
    if (role.role === "assemble") {
      rmSync(role.staging, { recursive: true, force: true });
      return;
    }
    if (role.role === "partition")
      writeWhole(
        path.join(role.staging, `partition-${role.id}.json`),
        JSON.stringify(manifestOf(model()?.editions ?? [])),
      );
  });
}
