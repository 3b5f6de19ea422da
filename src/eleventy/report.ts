/**
 * One report of every problem a build finds: in front matter and the register as the editions are
 * built, in the documents' text as they are rendered. Eleventy renders every page's content before
 * it writes any page; the report is given then (on `eleventy.layouts`, which comes between the
 * two), so a build with a problem writes no page and names every problem at once.
 */
import { EditionValidationError } from "../model/errors.js";
import { ProblemReport } from "../model/report.js";

export class BuildReport extends ProblemReport {
  /**
   * The build's error where there are problems, printed once: by the command line (see
   * printedOnce) or, while Eleventy watches, which prints nothing of its own, by `print`.
   */
  error(print?: (message: string) => void): EditionValidationError | undefined {
    if (!this.size) return undefined;
    const error = printedOnce(new EditionValidationError(this.sorted()));
    print?.(error.message);
    return error;
  }
}

/**
 * The error as Eleventy's command line prints it once: Eleventy prints an error it catches in a
 * build, and its command line prints the same error again; marked as printed, it is printed by the
 * command line alone, and without the name of its type.
 */
export function printedOnce<E extends Error>(error: E): E {
  error.name = "Error";
  // Eleventy prints the message and not the stack: the message says all there is.
  Object.defineProperty(error, "skipOriginalStack", { value: true });
  Object.defineProperty(error, "__errorAlreadyLogged", { value: true });
  return error;
}
