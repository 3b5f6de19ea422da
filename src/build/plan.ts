/**
 * The plan of a partitioned build: the site's editions, in code-point order of their folders' names,
 * grouped whole into partitions of about a target number of documents, editions that cross-refer
 * kept together where they fit in one. A partition whose documents refer to an edition of another
 * partition resolves those references from that edition's reference table, which a listing run
 * makes first (src/eleventy/partition.ts). The plan depends on nothing
 * but the editions folder's files and the target, so that machines building one partition each
 * (`--partition K/N`) agree on which editions partition K holds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../import/command.js";

export interface Partition {
  /** "1", "2", …: the partition's number in the plan, as the staging file partition-<id>.json names it. */
  id: string;
  editions: string[];
  documents: number;
  /** The editions of other partitions that its documents refer to (`{doc other/12}`), in plan order. */
  references: string[];
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

/** An edition's Markdown files at any depth, an index.md (the edition's or a part's) among them. */
function markdownFiles(editionFolder: string): string[] {
  return (
    readdirSync(editionFolder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      // `parentPath` from Node 20.12; `path`, its older name, before (the package asks for Node 20).
      .map((entry) => path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
  );
}

/** A cross-reference to another edition's document, `{doc other-edition/12}`, as the Markdown rule reads one. */
const OTHER_EDITION = /\{doc\s+([A-Za-z0-9][\w.-]*)\//g;

/**
 * An edition as the plan sees it, in one walk of its folder: its documents (its .md files at any
 * depth, an index.md, the edition's or a part's, not counted) and the other editions its files
 * refer to (a plain scan of their text: nothing is parsed).
 */
export function scanEdition(editionFolder: string): { documents: number; references: Set<string> } {
  const references = new Set<string>();
  let documents = 0;
  for (const file of markdownFiles(editionFolder)) {
    if (path.basename(file) !== "index.md") documents++;
    for (const match of readFileSync(file, "utf8").matchAll(OTHER_EDITION)) references.add(match[1] as string);
  }
  return { documents, references };
}

/**
 * The editions in groups that must be built together: an edition and every edition it refers to
 * (or that refers to it), so that each cross-reference resolves within its partition. Each group
 * is its editions in order, and the groups are in the order of their first edition.
 */
export function editionGroups(editions: readonly string[], references: (edition: string) => Set<string>): string[][] {
  const parent = new Map(editions.map((e) => [e, e]));
  const root = (e: string): string => {
    let r = e;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(e, r);
    return r;
  };
  for (const edition of editions)
    for (const other of references(edition)) {
      if (!parent.has(other) || other === edition) continue;
      const [a, b] = [root(edition), root(other)].sort(byCodePoint) as [string, string];
      parent.set(b, a);
    }
  const groups = new Map<string, string[]>();
  for (const edition of editions) {
    const r = root(edition);
    groups.set(r, [...(groups.get(r) ?? []), edition]);
  }
  return [...groups.values()];
}

/**
 * The editions grouped in order into partitions: a group of editions (one edition, or editions that
 * refer to each other) joins the current partition unless that would take it over `targetSize`
 * documents. A group over the target is placed edition by edition, its references then resolved
 * across partitions; an edition over the target alone is a partition of its own. An edition is
 * never split.
 */
export function planPartitions(editionsFolder: string, targetSize: number): Partition[] {
  const editions = listEditions(editionsFolder);
  if (!editions.length) {
    throw new CommandError(`${editionsFolder}: no edition found; expected one folder per edition in it`);
  }
  const scanned = new Map(editions.map((e) => [e, scanEdition(path.join(editionsFolder, e))]));
  const refers = new Map(editions.map((e) => [e, scanned.get(e)?.references]));
  const size = new Map(editions.map((e) => [e, scanned.get(e)?.documents]));
  const partitions: Partition[] = [];
  let current: Partition | undefined;
  const place = (group: string[], documents: number) => {
    if (!current || current.documents + documents > targetSize) {
      current = { id: String(partitions.length + 1), editions: [], documents: 0, references: [] };
      partitions.push(current);
    }
    current.editions.push(...group);
    current.documents += documents;
  };
  for (const group of editionGroups(editions, (edition) => refers.get(edition) ?? new Set())) {
    const documents = group.reduce((n, edition) => n + (size.get(edition) ?? 0), 0);
    if (documents <= targetSize || group.length === 1) place(group, documents);
    else for (const edition of group) place([edition], size.get(edition) ?? 0);
  }
  const partitionOf = new Map(partitions.flatMap((p) => p.editions.map((e) => [e, p] as const)));
  for (const partition of partitions) {
    const referred = new Set(partition.editions.flatMap((e) => [...(refers.get(e) ?? [])]));
    partition.references = editions.filter((e) => referred.has(e) && partitionOf.get(e) !== partition);
  }
  return partitions;
}

/**
 * The listing runs a build needs before its partitions: for each partition, its editions that the
 * `building` partitions refer to, in plan order; none where no reference crosses partitions.
 */
export function listings(plan: readonly Partition[], building: readonly Partition[] = plan): string[][] {
  const referred = new Set(building.flatMap((p) => p.references));
  return plan.map((p) => p.editions.filter((e) => referred.has(e))).filter((editions) => editions.length > 0);
}
