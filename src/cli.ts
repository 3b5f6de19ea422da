#!/usr/bin/env node
/**
 * The package's command, `npx documentary-edition <command>`. One command so far: `import-tei`
 * (src/import/command.ts), which turns a TEI edition into an edition of the plugin.
 */
import { CommandError, HELP, importArguments, runImport } from "./import/command.js";
import { importTei } from "./import/tei.js";

const USAGE = `Usage: documentary-edition <command> [options]

Commands:
  import-tei <file.xml>   write an edition of the plugin from a TEI P5 file (--help for its options)`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command !== "import-tei") throw new CommandError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`, 2);
    const args = importArguments(rest);
    if (args === "help") {
      console.log(HELP);
      return 0;
    }
    console.log(runImport(args, importTei));
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    console.error(`documentary-edition: ${error.message}`);
    return error.status;
  }
}

process.exitCode = main(process.argv.slice(2));
