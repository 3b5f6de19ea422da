/**
 * `documentary-edition serve <edition>`: one edition of a large series served alone, with live
 * reload, as a partition of one (src/build/role.ts): Eleventy reads that edition's folder and no
 * other, so a save rebuilds in the time one edition takes, whatever the size of the series. The
 * site-wide pages are not built; their links on the edition's pages keep their final URLs. The
 * editions it refers to are listed first, as for a partition of a partitioned build, so that its
 * references to them resolve.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CommandError } from "../import/command.js";
import { listEditions, scanEdition } from "./plan.js";
import { listEnv, PARTITION_VARIABLE, partitionEnv } from "./role.js";
import { eleventyCommand } from "./run.js";

export const SERVE_HELP = `Usage: documentary-edition serve <edition> [options]

Serves one edition of the site in the current folder with Eleventy (--serve --incremental), alone:
the other editions are not read, so a save shows its page in the time this edition takes to build,
whatever the size of the series. The site-wide pages (home, chronology, indexes, search) are not
built; links to them keep their final URLs. The editions it refers to ({doc other/12}) are listed
once, before it is served: a reference to another edition written while it is served needs a restart.

Options:
  --port <n>           the server's port (default: Eleventy's, 8080)
  --output <folder>    the folder the edition is built into (default: _site)
  --editions <folder>  the folder of the editions (default: editions)
  --help               this text`;

export interface ServeArguments {
  edition: string;
  port?: number;
  output: string;
  editions: string;
}

/** The arguments after `serve`: an edition's folder name, and only the options --help names. */
export function serveArguments(argv: readonly string[]): ServeArguments | "help" {
  let edition: string | undefined;
  const parsed: Omit<ServeArguments, "edition"> = { output: "_site", editions: "editions" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--port" || arg === "--output" || arg === "--editions") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--"))
        throw new CommandError(`${arg} needs ${arg === "--port" ? "a number" : "a folder"} after it`, 2);
      if (arg === "--port") {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535)
          throw new CommandError(`--port ${JSON.stringify(value)}: expected a port number from 1 to 65535`, 2);
        parsed.port = Number(value);
      } else if (arg === "--output") parsed.output = value;
      else parsed.editions = value;
    } else if (arg.startsWith("-")) throw new CommandError(`unknown option ${arg}; see --help`, 2);
    else if (edition !== undefined) throw new CommandError(`one edition at a time: ${edition} and ${arg}`, 2);
    else edition = arg;
  }
  if (edition === undefined) throw new CommandError("the edition to serve is missing; see --help", 2);
  return { edition, ...parsed };
}

/** The edition's folder, checked: a name that is not one of the editions is an error listing them. */
function checkEdition(args: ServeArguments, cwd: string): void {
  const editions = listEditions(path.resolve(cwd, args.editions));
  if (editions.includes(args.edition)) return;
  throw new CommandError(
    `${path.join(args.editions, args.edition)}: no such edition; expected one of ${editions.join(", ") || "(none: the editions folder is empty)"}`,
  );
}

/** The other editions of the site that the edition refers to (`{doc other/12}`), in the folders' order. */
function referredEditions(args: ServeArguments, cwd: string): string[] {
  const folder = path.resolve(cwd, args.editions);
  const referred = scanEdition(path.join(folder, args.edition)).references;
  return listEditions(folder).filter((edition) => referred.has(edition) && edition !== args.edition);
}

interface Command {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Eleventy's arguments and environment for serving the edition, and, where it refers to other
 * editions, for the listing run that comes first and leaves their reference tables.
 */
export function serveCommand(args: ServeArguments, cwd: string): Command & { listing?: Command } {
  checkEdition(args, cwd);
  // The tables, and the edition's manifest (of no use here), go to a temporary folder, not the output.
  const staging = path.join(mkdtempSync(path.join(os.tmpdir(), "documentary-edition-serve-")), "staging");
  const references = referredEditions(args, cwd);
  const eleventy = eleventyCommand(cwd);
  const role = (value: string) => ({ ...process.env, [PARTITION_VARIABLE]: value });
  return {
    args: [
      eleventy,
      "--serve",
      "--incremental",
      "--output",
      args.output,
      ...(args.port ? ["--port", String(args.port)] : []),
    ],
    env: role(partitionEnv({ id: "0", editions: [args.edition], references }, staging)),
    ...(references.length
      ? {
          listing: {
            args: [eleventy, "--quiet", "--dryrun", "--output", args.output],
            env: role(listEnv(references, staging)),
          },
        }
      : {}),
  };
}

/** Runs the server in the foreground until it is stopped; its exit status is the command's. */
export function serve(args: ServeArguments, cwd = process.cwd()): Promise<number> {
  if (!existsSync(path.resolve(cwd, args.editions)))
    throw new CommandError(`${args.editions}: no such folder; expected the folder of the editions (--editions)`);
  const command = serveCommand(args, cwd);
  if (command.listing) {
    const listed = spawnSync(process.execPath, command.listing.args, {
      cwd,
      env: command.listing.env,
      stdio: "inherit",
    });
    if (listed.status !== 0)
      throw new CommandError(
        `the listing of the editions ${args.edition} refers to failed (exit code ${listed.status ?? 1}); its output is above`,
      );
  }
  const child = spawn(process.execPath, command.args, { cwd, env: command.env, stdio: "inherit" });
  const stop = () => child.kill("SIGINT");
  process.once("SIGINT", stop).once("SIGTERM", stop);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    }),
  );
}
