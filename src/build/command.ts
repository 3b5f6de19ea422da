/**
 * `documentary-edition build`: the site built by Eleventy in partitions, each a child process with
 * only some editions, then assembled by a last run. Each child is told its part in one environment
 * variable, DOCUMENTARY_EDITION_PARTITION (JSON): the plugin builds a partition's editions and
 * leaves what the site-wide pages need in the staging folder, or assembles from it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../import/command.js";
import type { BuildArguments } from "./arguments.js";
import { EditionValidationError, type Problem } from "../model/errors.js";
import { problemsFile } from "../eleventy/partition.js";
import { listings, planPartitions, type Partition } from "./plan.js";
import { eleventyCommand, runPool, type ChildResult, type Failure, type Runner } from "./run.js";
import { assembleEnv, listEnv, PARTITION_VARIABLE, partitionEnv, stagedPartitions } from "./role.js";

/** The staging folder's name in the output folder. */
export const STAGING = ".documentary-edition";

/** What the build needs from outside: the site's folder, how a child is run, where lines go, a clock in ms. */
export interface BuildContext {
  cwd: string;
  runner: Runner;
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => number;
  /** Eleventy's command; by default, as the site has it installed. */
  eleventy?: string;
}

/** A few editions named, many abridged: "a, b … z (40 editions)". */
function shownEditions(editions: readonly string[]): string {
  return editions.length <= 3
    ? editions.join(", ")
    : `${editions.slice(0, 2).join(", ")} … ${editions.at(-1)} (${editions.length} editions)`;
}

/** The label each line of a partition's output is printed with. */
export function partitionLabel(partition: Pick<Partition, "id" | "editions">): string {
  return `[partition ${partition.id}: ${shownEditions(partition.editions)}] `;
}
export const ASSEMBLE_LABEL = "[assemble] ";
/** The label of a listing run's lines: the editions it lists for the partitions that refer to them. */
export function listingLabel(editions: readonly string[]): string {
  return `[listing ${shownEditions(editions)}] `;
}

/** A child's output, each line with the label before it; nothing for no output. */
export function labelled(label: string, text: string): string[] {
  if (!text) return [];
  return text
    .replace(/\r?\n$/, "")
    .split(/\r?\n/)
    .map((line) => `${label}${line}`);
}

function printResult(context: BuildContext, label: string, result: ChildResult): void {
  for (const line of labelled(label, result.stdout)) context.out(line);
  for (const line of labelled(label, result.stderr)) context.err(line);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} seconds`;

/** --assemble: the staging folder holds each of the plan's partitions, and none other. */
function checkStaged(plan: Partition[], staging: string, args: BuildArguments): void {
  const staged = new Set(stagedPartitions(staging));
  const missing = plan.filter((p) => !staged.has(p.id)).map((p) => `partition-${p.id}.json`);
  const planned = new Set(plan.map((p) => p.id));
  const other = [...staged].filter((id) => !planned.has(id)).map((id) => `partition-${id}.json`);
  if (!missing.length && !other.length) return;
  const problems = [
    ...(missing.length ? [`missing ${missing.join(", ")} (build with --partition K/${plan.length})`] : []),
    ...(other.length ? [`${other.join(", ")} not in the plan`] : []),
  ];
  throw new CommandError(
    `${staging}: ${problems.join("; ")}; expected the ${plural(plan.length, "partition")} of the plan for ${args.editions} with --partition-size ${args.partitionSize} (give --assemble the --partition-size the partitions were built with)`,
  );
}

/** A Runner's child on Eleventy's command, told its part in the build (a listing run writes nothing: --dryrun). */
function starter(args: BuildArguments, context: BuildContext) {
  const eleventy = context.eleventy ?? eleventyCommand(context.cwd);
  return (value: string, dryRun = false) =>
    context.runner(
      [eleventy, "--quiet", "--output", args.output, ...(dryRun ? ["--dryrun"] : [])],
      { ...process.env, [PARTITION_VARIABLE]: value },
      context.cwd,
    );
}

/**
 * The listing runs before the partitions that refer to other partitions' editions, at most --jobs
 * at once: each leaves its editions' reference tables in the staging folder. On a failure, prints
 * its output and throws.
 */
async function listEditions(lists: string[][], args: BuildArguments, context: BuildContext, staging: string) {
  const now = context.now ?? (() => performance.now());
  const start = starter(args, context);
  const started = new Map<string[], number>();
  const [failure] = await runPool(
    lists,
    args.jobs,
    (editions) => {
      started.set(editions, now());
      return start(listEnv(editions, staging), true);
    },
    (editions, result) => {
      printResult(context, listingLabel(editions), result);
      const took = now() - (started.get(editions) ?? now());
      const them = editions.length === 1 ? "it" : "them";
      context.out(`${listingLabel(editions)}listed for the partitions that refer to ${them} in ${seconds(took)}`);
    },
  );
  if (!failure) return;
  printResult(context, listingLabel(failure.task), failure.result);
  throw new CommandError(
    `the listing run of ${failure.task.join(", ")} (the editions other partitions refer to) failed with exit code ${failure.result.code}; its output is above. No partition was built.`,
  );
}

/** A failed partition's problems as it left them; undefined where it left none (it failed some other way). */
function leftProblems(staging: string, partition: Partition): Problem[] | undefined {
  try {
    return JSON.parse(readFileSync(problemsFile(staging, partition.id), "utf8")) as Problem[];
  } catch {
    return undefined;
  }
}

/**
 * The build's one report of its failed partitions: every problem the partitions found (each file's
 * under its file, as a plain build reports them), then what became of each failed partition.
 */
function failureReport(failures: Failure<Partition>[], partitions: Partition[], args: BuildArguments, staging: string) {
  const problems: Problem[] = [];
  const outcomes: string[] = [];
  let stopped = 0;
  for (const { task: partition, result } of failures.sort((a, b) => Number(a.task.id) - Number(b.task.id))) {
    const left = leftProblems(staging, partition);
    const name = `partition ${partition.id} (${partition.editions.join(", ")})`;
    if (left === undefined) outcomes.push(`${name} failed with exit code ${result.code}; its output is above`);
    else if (left.length) {
      problems.push(...left);
      outcomes.push(`${name}: ${plural(left.length, "problem")}`);
    } else stopped++;
  }
  const head = `${plural(failures.length - stopped, "partition")} of ${partitions.length} failed: ${outcomes.join("; ")}.`;
  const others = stopped
    ? ` ${plural(stopped, "other partition")} found no problem and stopped before writing, as the first failed.`
    : args.failFast && partitions.length > 1
      ? " The other partitions were stopped (--fail-fast)."
      : "";
  const sorted = problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const listed = sorted.length
    ? EditionValidationError.format(
        sorted,
        `the ${plural(partitions.length, "partition")}`,
        "no partition with a problem wrote a page",
      )
    : undefined;
  return { listed, summary: `${head}${others} Nothing was assembled.` };
}

/**
 * Builds the partitions, at most --jobs at once. When one fails, the others still check their
 * documents, but write nothing (a stop file tells them), so that one report names every problem of
 * every partition; with --fail-fast, the others are stopped at once. On a failure, prints the
 * failed partitions' output and throws that report.
 */
async function buildPartitions(partitions: Partition[], args: BuildArguments, context: BuildContext, staging: string) {
  const now = context.now ?? (() => performance.now());
  const start = starter(args, context);
  const started = new Map<Partition, number>();
  const stop = path.join(staging, "stop");
  const failures = await runPool(
    partitions,
    args.jobs,
    (partition) => {
      started.set(partition, now());
      return start(partitionEnv(partition, staging, stop));
    },
    (partition, result) => {
      printResult(context, partitionLabel(partition), result);
      const took = now() - (started.get(partition) ?? now());
      context.out(`${partitionLabel(partition)}built ${plural(partition.documents, "document")} in ${seconds(took)}`);
    },
    {
      keepGoing: !args.failFast,
      onFailure: () => {
        mkdirSync(staging, { recursive: true });
        writeFileSync(stop, "");
      },
    },
  );
  if (!failures.length) return;
  for (const { task: partition, result } of failures) {
    // A partition stopped for another's failure says only that: its output is left out.
    const stoppedOnly = leftProblems(staging, partition)?.length === 0;
    printResult(context, partitionLabel(partition), stoppedOnly ? { ...result, stderr: "" } : result);
  }
  const { listed, summary } = failureReport(failures, partitions, args, staging);
  if (listed) for (const line of listed.split("\n")) context.err(line);
  throw new CommandError(summary);
}

/** The assembling run; on a failure, prints its output and throws. */
async function assemble(args: BuildArguments, context: BuildContext, staging: string): Promise<void> {
  const [failure] = await runPool(
    [staging],
    1,
    (folder) => starter(args, context)(assembleEnv(folder)),
    (_folder, result) => printResult(context, ASSEMBLE_LABEL, result),
  );
  if (!failure) return;
  printResult(context, ASSEMBLE_LABEL, failure.result);
  throw new CommandError(
    `the assembling run failed with exit code ${failure.result.code}; its output is above. ${staging} is kept: run build --assemble again once the cause is mended.`,
  );
}

/** Before --partition K: what an earlier run of it left (its problems, a stop file), other partitions' files kept. */
function clearRun(staging: string, partitions: Partition[]): void {
  rmSync(path.join(staging, "stop"), { force: true });
  for (const partition of partitions) rmSync(problemsFile(staging, partition.id), { force: true });
}

/**
 * Runs `build` in the site's folder `context.cwd`: the plan, then the partitions (all of them, or
 * --partition's one) and the assembling run (unless --partition). Returns the summary to print;
 * throws a CommandError.
 */
export async function runBuild(args: BuildArguments, context: BuildContext): Promise<string> {
  const now = context.now ?? (() => performance.now());
  const began = now();
  const staging = path.join(path.resolve(context.cwd, args.output), STAGING);
  const plan = planPartitions(path.resolve(context.cwd, args.editions), args.partitionSize);
  const documents = plan.reduce((sum, p) => sum + p.documents, 0);
  if (args.assemble) {
    checkStaged(plan, staging, args);
    await assemble(args, context, staging);
    return `Assembled ${plural(plan.length, "partition")} (${plural(documents, "document")}) into ${args.output} in ${seconds(now() - began)}.`;
  }
  if (args.partition) {
    const { index, count } = args.partition;
    if (count !== plan.length) {
      throw new CommandError(
        `--partition ${index}/${count}: the plan has ${plural(plan.length, "partition")}, not ${count} (${plural(documents, "document")} in ${args.editions}, --partition-size ${args.partitionSize}); expected --partition K/${plan.length}`,
        2,
      );
    }
    const partition = plan[index - 1] as Partition;
    clearRun(staging, [partition]);
    await listEditions(listings(plan, [partition]), args, context, staging);
    await buildPartitions([partition], args, context, staging);
    return `Built partition ${index} of ${count} (${partition.editions.join(", ")}: ${plural(partition.documents, "document")}) into ${args.output} in ${seconds(now() - began)}; run build --assemble once every partition is built.`;
  }
  rmSync(staging, { recursive: true, force: true });
  await listEditions(listings(plan), args, context, staging);
  await buildPartitions(plan, args, context, staging);
  await assemble(args, context, staging);
  return `Built ${plural(plan.length, "partition")} (${plural(documents, "document")}) and assembled them into ${args.output} in ${seconds(now() - began)}.`;
}
