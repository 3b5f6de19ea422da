/**
 * One error type for everything an editor or publisher can get wrong: the file, the field,
 * the value found and what was expected, formatted in one place.
 */

export interface Problem {
  /** The file, relative to the project (for options: "plugin options"). */
  file: string;
  /** The field's path, dotted ("translation.language", "recipients.1"). */
  field: string;
  /** The value found; `undefined` when the field is missing. */
  value: unknown;
  /** What was expected, in words an editor understands. */
  expected: string;
  /** What was found, in words, where the value is not one to print (a template's argument). */
  found?: string;
  /** The field itself is not known (a misspelt or undeclared key), whatever its value. */
  unknownField?: boolean;
}

const MAX_VALUE_LENGTH = 80;

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "an empty value";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : JSON.stringify(value.toISOString());
  }
  let text: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- JSON prints nothing for a function or a symbol
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- JSON could not print it (a cycle, a BigInt)
    text = String(value);
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

export function formatProblem(problem: Problem): string {
  if (problem.unknownField) return `${problem.file}: ${problem.field}: unknown field; ${problem.expected}`;
  return `${problem.file}: ${problem.field}: found ${problem.found ?? describeValue(problem.value)}; expected ${problem.expected}`;
}

/** Every problem found in one build, thrown once, before anything is written. */
export class EditionValidationError extends Error {
  /** Eleventy prints our message and not the stack: the message says all there is. */
  readonly skipOriginalStack = true;

  constructor(
    readonly problems: Problem[],
    readonly subject = "the edition",
    outcome = "the build stopped before writing any page",
  ) {
    super(EditionValidationError.format(problems, subject, outcome));
    this.name = "EditionValidationError";
  }

  static format(problems: Problem[], subject: string, outcome: string): string {
    const files = new Set(problems.map((p) => p.file)).size;
    // The plugin's options are no file of the editor's: no count of files.
    const where = subject === "the plugin options" ? "" : ` (${files} file${files === 1 ? "" : "s"})`;
    const head = `[documentary-edition] ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${subject}${where}; ${outcome}:`;
    return [head, ...problems.map((p) => `  - ${formatProblem(p)}`)].join("\n");
  }
}
