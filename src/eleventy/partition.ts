/**
 * A build's part in a partitioned build (`documentary-edition build`, src/build/): one Eleventy run
 * of a few whole editions, or the last run that assembles the site-wide pages. The orchestrator
 * says which in one environment variable; a plain `eleventy` run has none and builds everything.
 *
 * - A partition builds its editions' pages, side files and TEI, and nothing site-wide: the other
 *   editions' folders are ignored (Eleventy never reads them), and at the end it writes a manifest
 *   of its editions' listings (model/manifest.ts) into the staging folder.
 * - The assembling run ignores every edition's folder, makes its model from the manifests, writes
 *   the home page, the chronology, the index pages, the site's feed and the search page, indexes
 *   the whole output with Pagefind, and removes the staging folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { manifestOf, readManifest, type Manifest } from "../model/manifest.js";
import type { EditionModel } from "../model/edition.js";
import { normaliseDir } from "../model/paths.js";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";
import type { BuildRole } from "../build/role.js";

const MANIFEST = /^partition-(\d+)\.json$/;

/** The ids of the partitions whose manifests the staging folder holds, in order. */
export function stagedPartitions(staging: string): string[] {
  const files = existsSync(staging) ? readdirSync(staging).filter((f) => MANIFEST.test(f)) : [];
  return files.map((f) => MANIFEST.exec(f)?.[1] as string).sort((a, b) => Number(a) - Number(b));
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
    mkdirSync(role.staging, { recursive: true });
    const file = path.join(role.staging, `partition-${role.id}.json`);
    writeFileSync(`${file}.partial`, JSON.stringify(manifestOf(model()?.editions ?? [])));
    renameSync(`${file}.partial`, file);
  });
}
