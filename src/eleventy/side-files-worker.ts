/** The thread that writes the files beside pages, one after another (see side-files.ts). */
import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { downloadFiles } from "../citation/export.js";
import type { CslItem } from "../citation/record.js";

type Message =
  | { target: string; content: string }
  | { targets: string[]; records: CslItem[] }
  | { flush: number }
  | { stage: "start" | "commit" | "abort" };

/**
 * While a build renders its pages, files are written beside their final names (`document.xml.partial`)
 * and put in place once the build is known to be good (`commit`), or removed if it fails (`abort`):
 * a failed build leaves the output folder's files as they were.
 */
const STAGED = ".partial";
let staging = false;
const staged = new Set<string>();
/** The folders made while staging, deepest last: a failed build removes those left empty. */
const madeFolders: string[] = [];

function endStaging(commit: boolean): void {
  for (const target of staged) {
    try {
      if (commit) renameSync(target + STAGED, target);
      else rmSync(target + STAGED, { force: true });
    } catch (failure) {
      error ??= `${target}: ${failure instanceof Error ? failure.message : String(failure)}`;
    }
  }
  staged.clear();
  if (!commit) {
    for (const dir of madeFolders.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: it holds files of the site's own, or of an earlier build.
      }
    }
    folders.clear();
  }
  madeFolders.length = 0;
  staging = false;
  // A failed build's own write failures are no news for the next build.
  if (!commit) error = undefined;
}

const folders = new Set<string>();
/** Messages done (written or failed), counted for the build, which waits when too many are pending. */
const done = workerData as Int32Array;
let error: string | undefined;

parentPort?.on("message", (message: Message) => {
  if ("flush" in message) {
    parentPort?.postMessage({ flushed: message.flush, ...(error ? { error } : {}) });
    error = undefined;
    folders.clear();
    return;
  }
  if ("stage" in message) {
    if (message.stage === "start") staging = true;
    else endStaging(message.stage === "commit");
  } else if ("targets" in message) {
    try {
      const contents = downloadFiles(message.records);
      message.targets.forEach((target, i) => write(target, contents[i] as string));
    } catch (failure) {
      error ??= `${message.targets[0]}: ${failure instanceof Error ? failure.message : String(failure)}`;
    }
  } else {
    write(message.target, message.content);
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});

function write(target: string, content: string): void {
  try {
    const dir = path.dirname(target);
    // Each folder is made once a build, not once a file.
    if (!folders.has(dir)) {
      const made = mkdirSync(dir, { recursive: true });
      if (made && staging) {
        const chain = [];
        for (let d = dir; d.length >= made.length; d = path.dirname(d)) chain.unshift(d);
        madeFolders.push(...chain);
      }
    }
    folders.add(dir);
    writeFileSync(staging ? target + STAGED : target, content);
    if (staging) staged.add(target);
  } catch (failure) {
    error ??= `${target}: ${failure instanceof Error ? failure.message : String(failure)}`;
  }
}
