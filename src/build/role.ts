/**
 * A run's part in a partitioned build, as the orchestrator (src/build/command.ts) tells each child
 * in one environment variable and the plugin (src/eleventy/partition.ts) reads it: a partition of a
 * few whole editions, a listing of editions that other partitions refer to, or the assembling run.
 * A plain `eleventy` run has none.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const PARTITION_VARIABLE = "DOCUMENTARY_EDITION_PARTITION";

export type BuildRole =
  | {
      role: "partition";
      id: string;
      editions: string[];
      staging: string;
      /** Editions of other partitions that this one's documents refer to: their reference tables are in the staging folder. */
      references?: string[];
      /**
       * Given by `build`: where the partition's problems go, for one report of every partition's,
       * and the file whose presence (another partition failed) stops it before it writes.
       */
      stop?: string;
    }
  | { role: "list"; editions: string[]; staging: string }
  | { role: "assemble"; staging: string };

const ROLE_EXPECTED = `{"role":"partition","id":"1","editions":["…"],"staging":"…"} (with "references":["…"] and "stop":"…" if need be), {"role":"list","editions":["…"],"staging":"…"} or {"role":"assemble","staging":"…"}`;

/** Edition folder names: no path, no "." or "..". */
const editionNames = (value: unknown, empty: boolean): value is string[] =>
  Array.isArray(value) &&
  (empty || value.length > 0) &&
  value.every((e) => typeof e === "string" && /^[^/\\]+$/.test(e) && e !== "." && e !== "..");
const absolute = (value: unknown): value is string => typeof value === "string" && path.isAbsolute(value);

/** The run's role from the environment, checked: a malformed value stops the build rather than build the wrong site. */
export function buildRole(env: NodeJS.ProcessEnv = process.env): BuildRole | undefined {
  const given = env[PARTITION_VARIABLE];
  if (!given) return undefined;
  let value: Partial<Record<"role" | "id" | "editions" | "staging" | "references" | "stop", unknown>>;
  try {
    value = JSON.parse(given) as typeof value;
  } catch {
    value = {};
  }
  const { staging, editions, references, stop } = value;
  if (absolute(staging)) {
    if (value.role === "assemble") return { role: "assemble", staging };
    if (value.role === "list" && editionNames(editions, false)) return { role: "list", editions, staging };
    if (
      value.role === "partition" &&
      typeof value.id === "string" &&
      /^\d+$/.test(value.id) &&
      editionNames(editions, false) &&
      (references === undefined || editionNames(references, true)) &&
      (stop === undefined || absolute(stop))
    )
      return {
        role: "partition",
        id: value.id,
        editions,
        staging,
        ...(references?.length ? { references } : {}),
        ...(stop ? { stop } : {}),
      };
  }
  throw new Error(`[documentary-edition] ${PARTITION_VARIABLE}: found ${given}; expected ${ROLE_EXPECTED}`);
}

/** The variable's value for a partition's run (`references` and `stop` as above), a listing run, and the assembling run. */
export function partitionEnv(
  partition: { id: string; editions: readonly string[]; references?: readonly string[] },
  staging: string,
  stop?: string,
): string {
  const { id, editions, references } = partition;
  return JSON.stringify({
    role: "partition",
    id,
    editions,
    staging,
    ...(references?.length ? { references } : {}),
    ...(stop ? { stop } : {}),
  });
}
export function listEnv(editions: readonly string[], staging: string): string {
  return JSON.stringify({ role: "list", editions, staging });
}
export function assembleEnv(staging: string): string {
  return JSON.stringify({ role: "assemble", staging });
}

/** A partition's manifest in the staging folder, as the partition writes it. */
const MANIFEST = /^partition-(\d+)\.json$/;

/** The ids of the partitions whose manifests the staging folder holds, in order: what the assembling run reads. */
export function stagedPartitions(staging: string): string[] {
  const files = existsSync(staging) ? readdirSync(staging).filter((f) => MANIFEST.test(f)) : [];
  return files.map((f) => MANIFEST.exec(f)?.[1] as string).sort((a, b) => Number(a) - Number(b));
}
