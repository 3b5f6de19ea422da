#!/usr/bin/env node
/**
 * The package's command, `npx documentary-edition <command>`: `import-tei` (src/import/command.ts),
 * which turns a TEI edition into an edition of the plugin, and `build` (src/build/command.ts), which
 * builds a site with Eleventy in partitions of editions, and `serve` (src/build/serve.ts), which
 * serves one edition of it alone.
 */
import { buildArguments, HELP as BUILD_HELP } from "./build/arguments.js";
import { runBuild } from "./build/command.js";
import { spawnRunner } from "./build/run.js";
import { serve, serveArguments, SERVE_HELP } from "./build/serve.js";
import { CommandError, HELP as IMPORT_HELP, importArguments, runImport } from "./import/command.js";
import { importTei } from "./import/tei.js";

const USAGE = `Usage: documentary-edition <command> [options]

Commands:
  import-tei <file.xml>   write an edition of the plugin from a TEI P5 file (--help for its options)
  build                   build the site with Eleventy in partitions of editions, then assemble them
                          (--help for its options)
  serve <edition>         serve one edition alone, with live reload (--help for its options)`;

function importTeiCommand(argv: readonly string[]): number {
  const args = importArguments(argv);
  if (args === "help") {
    console.log(IMPORT_HELP);
    return 0;
  }
  console.log(runImport(args, importTei));
  return 0;
}

async function buildCommand(argv: readonly string[]): Promise<number> {
  const args = buildArguments(argv);
  if (args === "help") {
    console.log(BUILD_HELP);
    return 0;
  }
  // The children run in process groups of their own: Ctrl-C reaches them only through this process.
  const { runner, stopAll } = spawnRunner();
  const stop = (signal: NodeJS.Signals) => {
    stopAll();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  try {
    const summary = await runBuild(args, {
      cwd: process.cwd(),
      runner,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
    console.log(summary);
    return 0;
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "import-tei") return importTeiCommand(rest);
    if (command === "build") return await buildCommand(rest);
    if (command === "serve") {
      const args = serveArguments(rest);
      if (args !== "help") return await serve(args);
      console.log(SERVE_HELP);
      return 0;
    }
    throw new CommandError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`, 2);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    console.error(`documentary-edition: ${error.message}`);
    return error.status;
  }
}

process.exitCode = await main(process.argv.slice(2));
