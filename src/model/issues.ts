/** Turns zod's issues into Problems that say, in an editor's words, what was expected. */
import type { z } from "zod";
import type { Problem } from "./errors.js";
import { unknownFieldProblem } from "./fields.js";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields",
  date: "a date",
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod's own messages start so; every message of the project's own says what was expected. */
const ZOD_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

function expectedText(issue: z.core.$ZodIssue, allowedKeys: (path: string[]) => string[]): string {
  if (issue.code === "unrecognized_keys") {
    return `one of the known fields: ${allowedKeys(issue.path.map(String)).join(", ")}`;
  }
  if (issue.message && !ZOD_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case "too_small":
      if (issue.origin === "array") return `a list of at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`;
      if (issue.origin === "string") return "text that is not empty";
      return issue.message;
    case "invalid_value":
      return `one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

/** The field names a zod object schema allows at `path`, looking through optional, default and pipe. */
export function fieldsAt(schema: z.core.$ZodType, path: readonly string[]): string[] {
  const found = new Set<string>();
  const unwrap = (start: z.core.$ZodType): z.core.$ZodType => {
    let current = start;
    for (;;) {
      const def = current._zod.def as {
        innerType?: z.core.$ZodType;
        in?: z.core.$ZodType;
        out?: z.core.$ZodType;
        type: string;
      };
      if (def.innerType) current = def.innerType;
      // A pipe's input, unless it is a preprocessing step: then the schema it feeds.
      else if (def.type === "pipe" && def.in)
        current = (def.in._zod.def.type === "transform" ? def.out : def.in) ?? def.in;
      else return current;
    }
  };
  // A union (a participant written as text or as a group) allows the fields of each of its groups.
  const visit = (start: z.core.$ZodType, rest: readonly string[]): void => {
    const def = unwrap(start)._zod.def as {
      type: string;
      options?: z.core.$ZodType[];
      element?: z.core.$ZodType;
      shape?: Record<string, z.core.$ZodType>;
    };
    if (def.type === "union") for (const option of def.options ?? []) visit(option, rest);
    else if (!rest.length) for (const key of Object.keys(def.shape ?? {})) found.add(key);
    else {
      const next = def.type === "array" ? def.element : def.shape?.[rest[0] as string];
      if (next) visit(next, rest.slice(1));
    }
  };
  visit(schema, path);
  return [...found];
}

/**
 * One Problem per zod issue, with the field's dotted path and the value found there. An unknown
 * key becomes one Problem per key, naming the key and the fields allowed beside it.
 */
export function problemsFromZod(error: z.ZodError, data: unknown, file: string, schema: z.core.$ZodType): Problem[] {
  const allowedKeys = (path: string[]) => fieldsAt(schema, path);
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const expected = expectedText(issue, allowedKeys);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) =>
        unknownFieldProblem(file, [...path, key].join("."), valueAt(data, [...issue.path, key]), allowedKeys(path)),
      );
    }
    return [{ file, field: path.join(".") || "(front matter)", value: valueAt(data, issue.path), expected }];
  });
}
