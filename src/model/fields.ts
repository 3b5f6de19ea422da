/**
 * Strict front matter: every key an editor writes is a field the plugin knows, a key Eleventy
 * reads, or a field the site declares (the `fields` option). Anything else (`clasification`,
 * `callnumber`) is an error that names the nearest known field, not a value silently dropped.
 */
import { z } from "zod";
import { DATE_EXPECTED, parseDateValue } from "./date.js";
import type { Problem } from "./errors.js";

/** Keys Eleventy itself reads in a template's data; any key starting "eleventy" is Eleventy's too. */
const ELEVENTY_KEYS = new Set([
  "layout",
  "permalink",
  "permalinkBypassOutputDir",
  "dynamicPermalink",
  "tags",
  "pagination",
  "templateEngineOverride",
  "renderData",
]);
export const isEleventyKey = (key: string) => ELEVENTY_KEYS.has(key) || key.startsWith("eleventy");

/** Keys that look free but are taken: a value given under one is lost or breaks the page. */
export const RESERVED_KEYS: Record<string, string> = {
  footnotes: "markdown-it-footnote keeps a page's notes under this name",
  docId: "markdown-it-footnote makes the page's note ids from it",
  documentaryEdition: "the plugin's settings reach the layouts under this name",
};

/** Text that is not empty, trimmed: most fields of the plugin's and the sites' own. */
export const text = z.string({ error: "text" }).trim().min(1, "text that is not empty");

/** One text or a list of them; always a list once parsed. */
export const oneOrMany = z
  .union([text, z.array(text).min(1)], { error: "text, or a list of texts" })
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** A date as an editor writes it: a full date, a year and month, or a year. */
export const dateField = z
  .unknown()
  .transform((value, ctx) => {
    const date = parseDateValue(value);
    if (!date) {
      // A time written into the date belongs in a field of its own.
      const withTime = typeof value === "string" && /^\d{4}-\d{2}-\d{2}[ T]\d/.test(value);
      ctx.issues.push({
        code: "custom",
        message: withTime ? `${DATE_EXPECTED}, with the time in a field of its own (time: "10:00")` : DATE_EXPECTED,
        input: value,
      });
      return z.NEVER;
    }
    return date;
  })
  .meta({
    description: DATE_EXPECTED,
    anyOf: [
      { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
      { type: "integer", minimum: 0, maximum: 9999 },
    ],
  });

/** A web address, which only http and https may be. */
export const webAddress = z.string({ error: "a web address" }).refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}, "a web address starting with https:// or http://");

/** The types a site's own field may take, as the `fields` option names them. */
export const FIELD_TYPES = {
  text,
  list: oneOrMany,
  number: z.number({ error: "a number" }),
  boolean: z.boolean({ error: "true or false" }),
  date: dateField,
  url: webAddress,
} as const;
export type FieldType = keyof typeof FIELD_TYPES;

/** A site's own field: its type, and whether every file must give it. */
export type FieldSpec = FieldType | { type: FieldType; required?: boolean };

/** The zod shape of a site's own fields. */
export function ownFieldsShape(fields: Readonly<Record<string, FieldSpec>> = {}): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => {
      const { type, required } = typeof spec === "string" ? { type: spec, required: false } : spec;
      return [name, required ? FIELD_TYPES[type] : FIELD_TYPES[type].optional()];
    }),
  );
}

/** Edit distance between two names (two letters swapped count as one edit), letter case aside: `callnumber` is `callNumber`. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/** The known name nearest to `key`, where one is near enough to be what was meant. */
export function nearestName(key: string, known: readonly string[]): string | undefined {
  // A name cut short ("prev") is what was meant where only one known name begins so.
  const lower = key.toLowerCase();
  const starting = key.length >= 3 ? known.filter((name) => name.toLowerCase().startsWith(lower)) : [];
  if (starting.length === 1) return starting[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = distance(key, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/**
 * A Problem for an unknown key at `path` ("clasification", "telegram.devise"), naming the nearest
 * of `known`, or listing them where none is near.
 */
export function unknownFieldProblem(
  file: string,
  path: string,
  value: unknown,
  known: readonly string[],
  declare?: string,
): Problem {
  const key = path.split(".").at(-1) as string;
  const reserved = declare && Object.hasOwn(RESERVED_KEYS, key) ? RESERVED_KEYS[key] : undefined;
  const near = nearestName(key, known);
  const own = declare ? ` (a field of the site's own is declared in the plugin's "${declare}" option)` : "";
  const expected = reserved
    ? `another name: this one is reserved (${reserved}); declare the new name in the plugin's "${declare}" option`
    : near
      ? `did you mean "${near}"?${own}`
      : `one of the known fields: ${known.join(", ")}${own}`;
  return { file, field: path, value, expected, unknownField: true };
}

/** The keys of `data` that are not known, each as a Problem. */
export function unknownFields(
  data: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  known: readonly string[],
  file: string,
  /** The option that declares a site's own fields here; none where the site cannot declare any (a part's index file). */
  declare?: "fields.document" | "fields.edition" | "fields.register",
): Problem[] {
  const knownSet = new Set(known);
  return keys
    .filter((key) => !knownSet.has(key) && (declare === "fields.register" || !isEleventyKey(key)))
    .map((key) => unknownFieldProblem(file, key, data[key], known, declare));
}
