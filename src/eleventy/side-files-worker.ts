/** The thread that writes the files beside pages, one after another (see side-files.ts). */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { downloadFiles } from "../citation/export.js";
import type { CslItem } from "../citation/record.js";
import { corpusMember } from "../tei/xml.js";

type Message =
  | { target: string; content: string }
  | { targets: string[]; records: CslItem[] }
  | { corpus: string; start: string; members: string[]; end: string }
  | { flush: number };

const folders = new Set<string>();
/** Messages done (written or failed), counted for the build, which waits when too many are pending. */
const done = workerData as Int32Array;
let error: string | undefined;

parentPort?.on("message", (messages: Message[]) => messages.forEach(handle));

function handle(message: Message): void {
  if ("flush" in message) {
    parentPort?.postMessage({ flushed: message.flush, ...(error ? { error } : {}) });
    error = undefined;
    folders.clear();
    return;
  }
  if ("targets" in message) {
    try {
      const contents = downloadFiles(message.records);
      message.targets.forEach((target, i) => write(target, contents[i] as string));
    } catch (failure) {
      error ??= `${message.targets[0]}: ${failure instanceof Error ? failure.message : String(failure)}`;
    }
  } else if ("corpus" in message) {
    writeCorpus(message);
  } else {
    write(message.target, message.content);
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}

/** Written one member after another: an edition of thousands of documents is never held in memory whole. */
function writeCorpus({ corpus, start, members, end }: { corpus: string; start: string; members: string[]; end: string }): void {
  let fd: number | undefined;
  let current = corpus;
  try {
    mkdirSync(path.dirname(corpus), { recursive: true });
    fd = openSync(corpus, "w");
    writeSync(fd, start);
    for (const member of members) {
      current = member;
      writeSync(fd, corpusMember(readFileSync(member, "utf8")));
    }
    current = corpus;
    writeSync(fd, end);
  } catch (failure) {
    error ??= `${current}: ${failure instanceof Error ? failure.message : String(failure)}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function write(target: string, content: string): void {
  try {
    const dir = path.dirname(target);
    // Each folder is made once a build, not once a file.
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
    writeFileSync(target, content);
  } catch (failure) {
    error ??= `${target}: ${failure instanceof Error ? failure.message : String(failure)}`;
  }
}
