/**
 * The files the plugin writes beside pages (TEI, citation downloads). They are handed, as each
 * page renders, to a worker thread that writes them one after another, so the writing runs on
 * another core while the build goes on, and never holds more than one file open. Never outside
 * the output folder. `flush` waits for every file of the build and fails the build if one failed.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CslItem } from "../citation/record.js";
import { outputFile } from "./output.js";

type Reply = { flushed: number; error?: string };

const FAILED = "[documentary-edition] could not write a file beside a page: ";

/**
 * Messages (a file, or a page's citation files) handed over and not yet written, at most: when the
 * disk is slower than the build for long, the build waits for it rather than hold every file in
 * memory. The messages wait in the thread's memory, a TEI file or a page's citation records each
 * (about 120 MB at most for the benchmark's documents). Enough for the thread to fall behind while
 * the build renders and catch up while Eleventy writes the pages: with 256, the build waited for it
 * over and over, and took a fifth longer (5,000 documents, BENCHMARKS.md).
 */
export const MAX_PENDING = 4096;

export class SideFiles {
  #output: string | undefined;
  #worker: Worker | undefined;
  #flushes = 0;
  #waiting = new Map<number, (reply: Reply) => void>();
  /** How many messages the thread has done (written, or failed to), shared with it. */
  #done = new Int32Array(new SharedArrayBuffer(4));
  #posted = 0;
  /** Whether files are being written as drafts (see endStaging). */
  #staging = false;

  /**
   * At the start of each build: the output folder, or undefined when nothing is written. The thread
   * starts now, while Eleventy reads the site, not when the first file comes: in a small build its
   * start-up was most of the wait at the end. It holds the process only while files are pending.
   */
  start(output: string | undefined): void {
    this.#output = output;
    if (!output) return;
    if (!this.#worker) this.#thread().unref();
    this.#post({ stage: "start" });
    this.#staging = true;
  }

  /**
   * Once every page's content is rendered: the build is good, and the files written so far as
   * drafts are put in place (and those to come are written in place); or it failed, and the drafts
   * are removed, the build waiting (a few seconds at most) until they are, since it is about to end.
   */
  endStaging(good: boolean): void {
    if (!this.#worker || !this.#staging) return;
    this.#staging = false;
    this.#post({ stage: good ? "commit" : "abort" });
    if (good) return;
    const deadline = Date.now() + 10_000;
    while (this.#worker && Atomics.load(this.#done, 0) < this.#posted && Date.now() < deadline) {
      Atomics.wait(this.#done, 0, Atomics.load(this.#done, 0), 100);
    }
  }

  /** How many messages are handed to the thread and not yet done: never more than MAX_PENDING for long. */
  get pending(): number {
    return this.#posted - Atomics.load(this.#done, 0);
  }

  /** The absolute path of `file` beside the page at `siteUrl`, or undefined (nothing written, or outside the output folder). */
  target(siteUrl: string, file: string): string | undefined {
    return this.#output ? outputFile(this.#output, siteUrl, file) : undefined;
  }

  /** Queues `content` for `file` beside the page at `siteUrl`. */
  write(siteUrl: string, file: string, content: string): void {
    const target = this.target(siteUrl, file);
    if (target) this.#post({ target, content });
  }

  /** Queues the BibTeX, RIS and CSL-JSON files of `records` beside the page at `siteUrl`, made by the thread. */
  writeCitations(siteUrl: string, files: [string, string, string], records: CslItem[]): void {
    const targets = files.map((file) => this.target(siteUrl, file));
    if (targets.every(Boolean)) this.#post({ targets, records });
  }

  /**
   * Writes, on this thread, the file `file` beside the page at `siteUrl`: `start`, then the file
   * `memberFile` beside each page of `memberUrls` as `member` turns it, then `end`; one member after
   * another, so that thousands are never held in memory at once. For after `flush`, once the
   * members are written; meanwhile the thread goes on with what was queued since.
   */
  assemble(
    siteUrl: string,
    file: string,
    start: string,
    items: readonly ({ member: string } | { text: string })[],
    memberFile: string,
    member: (text: string) => string,
    end: string,
  ): void {
    const target = this.target(siteUrl, file);
    if (!target) return;
    let current = target;
    let fd: number | undefined;
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      fd = openSync(target, "w");
      writeSync(fd, start);
      for (const item of items) {
        if ("text" in item) {
          writeSync(fd, item.text);
          continue;
        }
        current = this.target(item.member, memberFile) as string;
        writeSync(fd, member(readFileSync(current, "utf8")));
        current = target;
      }
      current = target;
      writeSync(fd, end);
    } catch (failure) {
      throw new Error(`${FAILED}${current}: ${failure instanceof Error ? failure.message : String(failure)}`, {
        cause: failure,
      });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  #post(message: object): void {
    const worker = this.#thread();
    worker.postMessage(message);
    this.#posted++;
    while (this.#worker === worker && this.#posted - Atomics.load(this.#done, 0) > MAX_PENDING) {
      Atomics.wait(this.#done, 0, Atomics.load(this.#done, 0), 100);
    }
  }

  /** Resolves when every file queued so far is written; rejects with the first failure since the last flush. */
  async flush(): Promise<void> {
    if (!this.#worker) return;
    const id = ++this.#flushes;
    const reply = await new Promise<Reply>((resolve) => {
      this.#waiting.set(id, resolve);
      // Held only while a flush waits for its answer: a build that fails before its flush (or whose
      // files are never flushed) must not be kept from exiting by the thread.
      const worker = this.#thread();
      worker.ref();
      worker.postMessage({ flush: id });
    });
    if (reply.error) throw new Error(`${FAILED}${reply.error}`);
  }

  #thread(): Worker {
    if (!this.#worker) {
      const worker = new Worker(new URL("./side-files-worker.js", import.meta.url), { workerData: this.#done });
      this.#posted = Atomics.load(this.#done, 0);
      worker.on("message", (reply: Reply) => {
        this.#waiting.get(reply.flushed)?.(reply);
        this.#waiting.delete(reply.flushed);
        // Idle between builds: the thread must not keep Eleventy running once it is done.
        if (!this.#waiting.size) worker.unref();
      });
      worker.on("error", (error) => {
        for (const [id, resolve] of this.#waiting) resolve({ flushed: id, error: String(error) });
        this.#waiting.clear();
        this.#worker = undefined;
      });
      this.#worker = worker;
    }
    return this.#worker;
  }
}
