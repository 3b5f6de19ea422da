/**
 * One report of every problem a build finds: in front matter and the register as the editions are
 * built, in the documents' text as they are rendered. Eleventy renders every page's content before
 * it writes any page; the report is given then (on `eleventy.layouts`, which comes between the
 * two), so a build with a problem writes no page and names every problem at once.
 */
import { EditionValidationError, formatProblem, type Problem } from "../model/errors.js";

export class BuildReport {
  /** Keyed by the problem's text: a page rendered twice reports its problems once. */
  #problems = new Map<string, Problem>();

  start(): void {
    this.#problems.clear();
  }

  add(...problems: Problem[]): void {
    for (const problem of problems) this.#problems.set(formatProblem(problem), problem);
  }

  /**
   * The build's error where there are problems, files in the order of their names, printed once:
   * by the command line (see printedOnce) or, while Eleventy watches, which prints nothing of its
   * own, by `print`.
   */
  error(print?: (message: string) => void): EditionValidationError | undefined {
    if (!this.#problems.size) return undefined;
    const problems = [...this.#problems.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const error = printedOnce(new EditionValidationError(problems));
    print?.(error.message);
    return error;
  }
}

/**
 * The error as Eleventy's command line prints it once: Eleventy prints an error it catches in a
 * build, and its command line prints the same error again; marked as printed, it is printed by the
 * command line alone, and without the name of its type.
 */
export function printedOnce(error: EditionValidationError): EditionValidationError {
  error.name = "Error";
  Object.defineProperty(error, "__errorAlreadyLogged", { value: true });
  return error;
}
