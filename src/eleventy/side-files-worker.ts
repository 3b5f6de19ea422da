/** The thread that writes the files beside pages, one after another (see side-files.ts). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { downloadFiles } from "../citation/export.js";
import type { CslItem } from "../citation/record.js";

type Message = { target: string; content: string } | { targets: string[]; records: CslItem[] } | { flush: number };

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
  if ("targets" in message) {
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
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
    writeFileSync(target, content);
  } catch (failure) {
    error ??= `${target}: ${failure instanceof Error ? failure.message : String(failure)}`;
  }
}
