/**
 * The arguments of `documentary-edition build`, checked: only the options HELP lists, numbers that
 * are whole and at least 1, and --partition K/N with 1 ≤ K ≤ N.
 */
import { availableParallelism } from "node:os";
import { CommandError } from "../import/command.js";

export const HELP = `Usage: documentary-edition build [options]

Builds the site in the current folder with Eleventy in partitions: the editions (one folder each in
the editions folder) are grouped whole, in the order of their folders' names, into partitions of
about --partition-size documents; Eleventy builds each partition in a process of its own, at most
--jobs at once (each indexing its editions for search), and a last run assembles them (the
site-wide pages, and the list of the partitions' search indexes).
A plain build of the whole site at once stays \`npx @11ty/eleventy\`.

Options:
  --jobs <n>             partitions built at once (default: the machine's available parallelism)
  --partition-size <n>   the documents a partition holds at most, unless one edition alone has more
                         (default: 3000, which keeps each process, Pagefind's too, under 2 GB)
  --partition <k>/<n>    build only partition k of the plan's n (1-based) and stop, without assembling;
                         n must be the plan's number of partitions, the same on every machine
  --fail-fast            stop every partition at the first that fails; by default the others still
                         check their documents (writing nothing), so one report names every problem
  --assemble             only the assembling run, over the partitions built before into the same
                         output folder (with the same --editions and --partition-size)
  --output <folder>      the site's output folder, given to Eleventy (default: _site)
  --editions <folder>    the folder of the editions (default: editions)
  --help                 this text

Several machines can build one partition each (--partition 1/3, 2/3, 3/3, with the same
--partition-size), put their output folders together and run --assemble once.
Editions that refer to each other's documents ({doc other/12}) share a partition where they fit in
one; otherwise a listing run first leaves the referred editions' numbers, titles and URLs for the
partitions that refer to them.
Exit status: 0 when the build is done; 1 when a partition or the assembling failed (the output is
printed, each line marked with its partition, then one report of every partition's problems; no
partition with a problem writes a page, and nothing is assembled); 2 for a mistake in the command
itself.`;

export interface BuildArguments {
  jobs: number;
  partitionSize: number;
  /** --partition K/N: build only partition `index` (1-based) of `count`. */
  partition?: { index: number; count: number };
  assemble: boolean;
  /** --fail-fast: at a partition's failure, stop the others rather than let them check their documents. */
  failFast: boolean;
  output: string;
  editions: string;
}

/** A whole number of at least 1, or a CommandError naming the option and the value. */
function count(option: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new CommandError(`${option} ${JSON.stringify(value)}: expected a whole number of 1 or more`, 2);
  }
  return n;
}

/** --partition's K/N, 1 ≤ K ≤ N. */
function partitionOf(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, total] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || index < 1 || index > total) {
    throw new CommandError(
      `--partition ${JSON.stringify(value)}: expected K/N, two whole numbers with 1 ≤ K ≤ N (as 2/5)`,
      2,
    );
  }
  return { index, count: total };
}

const TAKES = {
  "--jobs": "a number",
  "--partition-size": "a number",
  "--partition": "K/N",
  "--output": "a folder",
  "--editions": "a folder",
} as const;
type ValueOption = keyof typeof TAKES;

/** The arguments after `build`; `defaultJobs` is the machine's available parallelism unless given. */
export function buildArguments(argv: readonly string[], defaultJobs = availableParallelism()): BuildArguments | "help" {
  const parsed: BuildArguments = {
    jobs: defaultJobs,
    partitionSize: 3_000,
    assemble: false,
    failFast: false,
    output: "_site",
    editions: "editions",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--assemble" || arg === "--fail-fast") {
      parsed[arg === "--assemble" ? "assemble" : "failFast"] = true;
      continue;
    }
    const [option, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (!Object.hasOwn(TAKES, option)) {
      if (option === "--assemble" || option === "--fail-fast")
        throw new CommandError(`${option} takes no value: ${arg}`, 2);
      if (arg.startsWith("-")) throw new CommandError(`unknown option ${option}; see --help`, 2);
      throw new CommandError(`build takes options only, not ${JSON.stringify(arg)}; see --help`, 2);
    }
    const next = argv[i + 1];
    let value = inline;
    if (value === undefined && next !== undefined && !next.startsWith("--")) {
      value = next;
      i++;
    }
    if (!value) throw new CommandError(`${option} needs ${TAKES[option as ValueOption]} after it`, 2);
    if (option === "--jobs") parsed.jobs = count(option, value);
    else if (option === "--partition-size") parsed.partitionSize = count(option, value);
    else if (option === "--partition") parsed.partition = partitionOf(value);
    else if (option === "--output") parsed.output = value;
    else parsed.editions = value;
  }
  if (parsed.partition && parsed.assemble) {
    throw new CommandError(
      "--partition and --assemble cannot be given together: --partition K/N builds one partition, --assemble assembles the partitions built before",
      2,
    );
  }
  return parsed;
}
