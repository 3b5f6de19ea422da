// Validation against TEI P5 tei_all: Debian's jing and ../shared/schemas/tei_all.rng.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

// TEI_SCHEMA names the schema where the checkout is not beside ../shared (a git worktree).
export const SCHEMA = process.env.TEI_SCHEMA ?? path.resolve("../shared/schemas/tei_all.rng");
export const JING = "/usr/bin/jing";

/** Whether jing is there; in CI it must be, elsewhere its absence is said and the validation skipped. */
export function checkJing(): boolean {
  if (existsSync(JING)) return true;
  if (process.env.CI) throw new Error("jing is missing: .ci/run installs Debian's jing package");
  console.warn("\n[tei] SKIPPED validation against tei_all: no jing (apt-get install jing).\n");
  return false;
}

/** The TEI files of a built site (each document.xml and corpus.xml), relative to it. */
export const teiFiles = (output: string) =>
  readdirSync(output, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith("document.xml") || f.endsWith("corpus.xml"));

/** Validates the files against tei_all; throws with jing's report when one is invalid. */
export function jing(files: string[]): void {
  // jing prints each error and exits 1; its warnings about optional Java libraries are not errors.
  execFileSync(JING, [SCHEMA, ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
