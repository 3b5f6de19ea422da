/**
 * The child processes of a partitioned build: how one is run (a Runner; the real one spawns Node on
 * Eleventy's command, tests give a fake), and how the partitions are run, at most `jobs` at once,
 * the others stopped as soon as one fails.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CommandError } from "../import/command.js";

export interface ChildResult {
  /** The exit code; a child ended by a signal counts as failed (128 + the signal's number, or 1). */
  code: number;
  stdout: string;
  stderr: string;
}

/** A child process started: its result once it has ended (never a rejection), and a way to stop it. */
export interface Child {
  result: Promise<ChildResult>;
  /** Stops the child and what it started; its result then comes with a code other than 0. */
  kill(): void;
}

/** Starts `process.execPath` with `args` (the first being the script), in `cwd`, with the environment `env`. */
export type Runner = (args: readonly string[], env: NodeJS.ProcessEnv, cwd: string) => Child;

/** Eleventy's command (its package's bin, cmd.cjs), as the site in `cwd` has it installed. */
export function eleventyCommand(cwd: string): string {
  const require = createRequire(path.join(cwd, "package.json"));
  let entry: string;
  try {
    entry = require.resolve("@11ty/eleventy");
  } catch {
    throw new CommandError(
      `${cwd}: @11ty/eleventy is not installed for this site; expected it in node_modules (npm install @11ty/eleventy)`,
    );
  }
  // cmd.cjs is not among the package's exports: it is found from the package's own folder and bin.
  for (let folder = path.dirname(entry); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const manifest = path.join(folder, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; bin?: string | Record<string, string> };
    if (pkg.name !== "@11ty/eleventy") continue;
    const bin = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.eleventy ?? "cmd.cjs");
    return path.join(folder, bin);
  }
  throw new CommandError(`${entry}: no package.json of @11ty/eleventy above it; expected Eleventy's package folder`);
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * The real Runner: Node on the given script, in a process group of its own (detached), so that
 * stopping it stops what it started too (pagefind's binary, for one). Its output is captured whole.
 * `stopAll` stops every child still running (on Ctrl-C, say: a detached child does not get the
 * terminal's signal).
 */
export function spawnRunner(): { runner: Runner; stopAll: () => void } {
  const running = new Set<() => void>();
  const runner: Runner = (args, env, cwd) => {
    const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const kill = () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        if (process.platform === "win32") child.kill();
        else process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    };
    running.add(kill);
    const result = new Promise<ChildResult>((resolve) => {
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString("utf8");
      child.on("error", (error) => {
        running.delete(kill);
        resolve({ code: 1, stdout: text(stdout), stderr: `${text(stderr)}${error.message}\n` });
      });
      child.on("close", (code, signal) => {
        running.delete(kill);
        resolve({
          code: code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : 1),
          stdout: text(stdout),
          stderr: text(stderr),
        });
      });
    });
    return { result, kill };
  };
  return { runner, stopAll: () => [...running].forEach((kill) => kill()) };
}

/** A task's child ended with a code other than 0. */
export interface Failure<T> {
  task: T;
  result: ChildResult;
}

/**
 * Runs a child for each task, at most `jobs` at once, in the tasks' order, and returns the failures.
 * `onDone` hears of each child that succeeded. When one fails, `onFailure` hears of it first; then,
 * unless `keepGoing`, no other task is started, those running are killed (and waited for), and only
 * that first failure is returned. With `keepGoing`, every task runs.
 */
export async function runPool<T>(
  tasks: readonly T[],
  jobs: number,
  start: (task: T) => Child,
  onDone: (task: T, result: ChildResult) => void,
  { keepGoing = false, onFailure }: { keepGoing?: boolean; onFailure?: () => void } = {},
): Promise<Failure<T>[]> {
  const queue = [...tasks];
  const running = new Set<Child>();
  const failures: Failure<T>[] = [];
  const stopped = () => !keepGoing && failures.length > 0;
  const worker = async () => {
    for (let task = queue.shift(); task !== undefined && !stopped(); task = queue.shift()) {
      const child = start(task);
      running.add(child);
      const result = await child.result.catch((error: unknown): ChildResult => ({
        code: 1,
        stdout: "",
        stderr: `${String(error)}\n`,
      }));
      running.delete(child);
      if (stopped()) return;
      if (result.code === 0) {
        onDone(task, result);
        continue;
      }
      if (!failures.length) onFailure?.();
      failures.push({ task, result });
      if (!keepGoing) for (const other of running) other.kill();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return failures;
}
