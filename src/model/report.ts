/** Every problem found in an edition, each once, files in the order of their names. */
import { formatProblem, type Problem } from "./errors.js";

export class ProblemReport {
  /** Keyed by the problem's text: a page rendered twice reports its problems once. */
  #problems = new Map<string, Problem>();

  start(): void {
    this.#problems.clear();
  }

  add(...problems: Problem[]): void {
    for (const problem of problems) this.#problems.set(formatProblem(problem), problem);
  }

  get size(): number {
    return this.#problems.size;
  }

  /** The problems, files in the order of their names, each file's in the order found. */
  sorted(): Problem[] {
    return [...this.#problems.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
}
