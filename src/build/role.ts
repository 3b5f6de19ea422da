/**
 * A run's part in a partitioned build, as the orchestrator (src/build/command.ts) tells each child
 * in one environment variable and the plugin (src/eleventy/partition.ts) reads it: a partition of a
 * few whole editions, or the assembling run. A plain `eleventy` run has none.
 */
import path from "node:path";

export const PARTITION_VARIABLE = "DOCUMENTARY_EDITION_PARTITION";

export type BuildRole =
  { role: "partition"; id: string; editions: string[]; staging: string } | { role: "assemble"; staging: string };

const ROLE_EXPECTED = `{"role":"partition","id":"1","editions":["…"],"staging":"…"} or {"role":"assemble","staging":"…"}`;

/** The run's role from the environment, checked: a malformed value stops the build rather than build the wrong site. */
export function buildRole(env: NodeJS.ProcessEnv = process.env): BuildRole | undefined {
  const given = env[PARTITION_VARIABLE];
  if (!given) return undefined;
  let value: Partial<{ role: string; id: unknown; editions: unknown; staging: unknown }>;
  try {
    value = JSON.parse(given) as typeof value;
  } catch {
    value = {};
  }
  const staging = typeof value.staging === "string" && path.isAbsolute(value.staging) ? value.staging : undefined;
  if (value.role === "assemble" && staging) return { role: "assemble", staging };
  const editions = value.editions;
  if (
    value.role === "partition" &&
    staging &&
    typeof value.id === "string" &&
    /^\d+$/.test(value.id) &&
    Array.isArray(editions) &&
    editions.length > 0 &&
    editions.every((e) => typeof e === "string" && /^[^/\\]+$/.test(e) && e !== "." && e !== "..")
  )
    return { role: "partition", id: value.id, editions: editions as string[], staging };
  throw new Error(`[documentary-edition] ${PARTITION_VARIABLE}: found ${given}; expected ${ROLE_EXPECTED}`);
}

/** The variable's value for a partition's run, and for the assembling run. */
export function partitionEnv(partition: { id: string; editions: readonly string[] }, staging: string): string {
  return JSON.stringify({ role: "partition", id: partition.id, editions: partition.editions, staging });
}
export function assembleEnv(staging: string): string {
  return JSON.stringify({ role: "assemble", staging });
}
