/** The thread that writes the files beside pages, one after another (see side-files.ts). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

type Message = { target: string; content: string } | { flush: number };

const folders = new Set<string>();
/** Files written (or failed), counted for the build, which waits when too many are pending. */
const done = workerData as Int32Array;
let error: string | undefined;

parentPort?.on("message", (message: Message) => {
  if ("flush" in message) {
    parentPort?.postMessage({ flushed: message.flush, ...(error ? { error } : {}) });
    error = undefined;
    folders.clear();
    return;
  }
  try {
    const dir = path.dirname(message.target);
    // Each folder is made once a build, not once a file.
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
    writeFileSync(message.target, message.content);
  } catch (failure) {
    error ??= `${message.target}: ${failure instanceof Error ? failure.message : String(failure)}`;
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
