/**
 * `documentary-edition build`: the site built by Eleventy in partitions, each a child process with
 * only some editions, then assembled by a last run. Each child is told its part in one environment
 * variable, DOCUMENTARY_EDITION_PARTITION (JSON): the plugin builds a partition's editions and
 * leaves what the site-wide pages need in the staging folder, or assembles from it.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../import/command.js";
import type { BuildArguments } from "./arguments.js";
import { planPartitions, type Partition } from "./plan.js";
import { eleventyCommand, runPool, type ChildResult, type Runner } from "./run.js";
import { assembleEnv, PARTITION_VARIABLE, partitionEnv } from "./role.js";

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

/** The label each line of a partition's output is printed with. */
export function partitionLabel(partition: Partition): string {
  const shown =
    partition.editions.length <= 3
      ? partition.editions.join(", ")
      : `${partition.editions.slice(0, 2).join(", ")} … ${partition.editions.at(-1)} (${partition.editions.length} editions)`;
  return `[partition ${partition.id}: ${shown}] `;
}
export const ASSEMBLE_LABEL = "[assemble] ";

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

/** The partition files the staging folder holds, by id; partition-<id>.json as the plugin writes them. */
function stagedIds(staging: string): string[] {
  if (!existsSync(staging)) return [];
  return readdirSync(staging)
    .map((name) => /^partition-(.+)\.json$/.exec(name)?.[1])
    .filter((id): id is string => id !== undefined);
}

/** --assemble: the staging folder holds each of the plan's partitions, and none other. */
function checkStaged(plan: Partition[], staging: string, args: BuildArguments): void {
  const staged = new Set(stagedIds(staging));
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

/** A Runner's child on Eleventy's command, told its part in the build. */
function starter(args: BuildArguments, context: BuildContext) {
  const eleventy = context.eleventy ?? eleventyCommand(context.cwd);
  return (value: string) =>
    context.runner(
      [eleventy, "--quiet", "--output", args.output],
      { ...process.env, [PARTITION_VARIABLE]: value },
      context.cwd,
    );
}

/** Builds the partitions, at most --jobs at once; on a failure, prints its output and throws. */
async function buildPartitions(partitions: Partition[], args: BuildArguments, context: BuildContext, staging: string) {
  const now = context.now ?? (() => performance.now());
  const start = starter(args, context);
  const started = new Map<Partition, number>();
  const failure = await runPool(
    partitions,
    args.jobs,
    (partition) => {
      started.set(partition, now());
      return start(partitionEnv(partition, staging));
    },
    (partition, result) => {
      printResult(context, partitionLabel(partition), result);
      const took = now() - (started.get(partition) ?? now());
      context.out(`${partitionLabel(partition)}built ${plural(partition.documents, "document")} in ${seconds(took)}`);
    },
  );
  if (!failure) return;
  const { task: partition, result } = failure;
  printResult(context, partitionLabel(partition), result);
  throw new CommandError(
    `partition ${partition.id} of ${partitions.length} (${partition.editions.join(", ")}) failed with exit code ${result.code}; its output is above. The other partitions were stopped and nothing was assembled.`,
  );
}

/** The assembling run; on a failure, prints its output and throws. */
async function assemble(args: BuildArguments, context: BuildContext, staging: string): Promise<void> {
  const failure = await runPool(
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
    await buildPartitions([partition], args, context, staging);
    return `Built partition ${index} of ${count} (${partition.editions.join(", ")}: ${plural(partition.documents, "document")}) into ${args.output} in ${seconds(now() - began)}; run build --assemble once every partition is built.`;
  }
  rmSync(staging, { recursive: true, force: true });
  await buildPartitions(plan, args, context, staging);
  await assemble(args, context, staging);
  return `Built ${plural(plan.length, "partition")} (${plural(documents, "document")}) and assembled them into ${args.output} in ${seconds(now() - began)}.`;
}
