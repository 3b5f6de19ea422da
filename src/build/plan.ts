/**
 * The plan of a partitioned build: the site's editions, in code-point order of their folders' names,
 * grouped whole into partitions of about a target number of documents. The plan depends on nothing
 * but the editions folder's files and the target, so that machines building one partition each
 * (`--partition K/N`) agree on which editions partition K holds.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../import/command.js";

export interface Partition {
  /** "1", "2", …: the partition's number in the plan, as the staging file partition-<id>.json names it. */
  id: string;
  editions: string[];
  documents: number;
}

/** Code-point order (not UTF-16 code units', not a locale's): the same on every machine. */
export const byCodePoint = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The edition folders in `editionsFolder`, sorted; a folder whose name starts with "." is not an edition. */
export function listEditions(editionsFolder: string): string[] {
  if (!existsSync(editionsFolder) || !statSync(editionsFolder).isDirectory()) {
    throw new CommandError(`${editionsFolder}: no such folder; expected the site's editions folder (--editions)`);
  }
  return readdirSync(editionsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort(byCodePoint);
}

/** An edition's documents: its .md files at any depth, an index.md (the edition's or a part's) not counted. */
export function countDocuments(editionFolder: string): number {
  return readdirSync(editionFolder, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith(".md") && entry.name !== "index.md",
  ).length;
}

/**
 * The editions grouped in order into partitions: an edition joins the current partition unless that
 * would take it over `targetSize` documents; an edition over the target alone is a partition of its
 * own. An edition is never split.
 */
export function planPartitions(editionsFolder: string, targetSize: number): Partition[] {
  const editions = listEditions(editionsFolder);
  if (!editions.length) {
    throw new CommandError(`${editionsFolder}: no edition found; expected one folder per edition in it`);
  }
  const partitions: Partition[] = [];
  let current: Partition | undefined;
  for (const edition of editions) {
    const documents = countDocuments(path.join(editionsFolder, edition));
    if (!current || current.documents + documents > targetSize) {
      current = { id: String(partitions.length + 1), editions: [], documents: 0 };
      partitions.push(current);
    }
    current.editions.push(edition);
    current.documents += documents;
  }
  return partitions;
}
