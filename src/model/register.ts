/**
 * The register, as FRUS keeps its lists of persons and of abbreviations and terms: entries in site
 * data (`_data/register/people.json`, `places.json`, `subjects.json`, `terms.json`), each with a
 * name and a short identification, used by documents' front matter (people, places, subjects) and
 * by mentions in their text (`{person han-nianlong: Comrade Han Nianlong}`).
 */
import { z } from "zod";
import type { Problem } from "./errors.js";
import { problemsFromZod } from "./issues.js";
import { ownFieldsShape, text, unknownFields, type FieldSpec } from "./fields.js";

export const REGISTER_KINDS = ["people", "places", "subjects", "terms"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** The register kinds a document's front matter lists keys of. */
export const FRONT_MATTER_KINDS = ["people", "places", "subjects"] as const satisfies readonly RegisterKind[];

/** Mention marks and the register each points into. */
export const MENTIONS = { person: "people", place: "places", term: "terms" } as const satisfies Record<
  string,
  RegisterKind
>;
export type MentionKind = keyof typeof MENTIONS;
export const isMentionKind = (name: string): name is MentionKind => Object.hasOwn(MENTIONS, name);

const registerEntryShape = {
  name: text.describe("The name as the register lists it"),
  sortName: text.optional().describe('The name to sort by, where it differs ("Le Duan" under L)'),
  identification: text.optional().describe("A short identification, as FRUS's list of persons gives it"),
  references: z
    .union([text, z.array(text)], { error: "text, or a list of texts" })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional()
    .describe(
      "Published works a reader can check the identification in, or other entries of the register: See {person kissinger-henry-a: Kissinger}",
    ),
};
export const registerEntrySchema = z.object(registerEntryShape);

export type RegisterEntry = z.output<typeof registerEntrySchema> & Record<string, unknown>;
export type Register = Partial<Record<RegisterKind, Record<string, RegisterEntry>>>;

/** Checks every entry of the site's register; returns the register with entries normalised. */
export function validateRegister(
  raw: unknown,
  source: string,
  ownFields?: Readonly<Record<string, FieldSpec>>,
): { register: Register; problems: Problem[] } {
  const schema = z.object({ ...registerEntryShape, ...ownFieldsShape(ownFields) });
  const known = Object.keys(schema.shape);
  const register: Register = {};
  const problems: Problem[] = [];
  if (raw === undefined) return { register, problems };
  if (!raw || typeof raw !== "object") {
    problems.push({
      file: source,
      field: "(register)",
      value: raw,
      expected: `files ${REGISTER_KINDS.map((k) => `${k}.json`).join(", ")} in ${source}/`,
    });
    return { register, problems };
  }
  for (const kind of REGISTER_KINDS) {
    const entries = (raw as Record<string, unknown>)[kind];
    if (entries === undefined) continue;
    const file = `${source}/${kind}.json`;
    if (!entries || typeof entries !== "object" || Array.isArray(entries)) {
      problems.push({
        file,
        field: "(entries)",
        value: entries,
        expected: 'an object whose keys are register keys: { "han-nianlong": { "name": "Han Nianlong" } }',
      });
      continue;
    }
    const normalised: Record<string, RegisterEntry> = {};
    for (const [key, entry] of Object.entries(entries)) {
      const result = schema.safeParse(entry);
      const found = result.success ? [] : problemsFromZod(result.error, entry, file, schema);
      if (entry && typeof entry === "object" && !Array.isArray(entry)) {
        const fields = entry as Record<string, unknown>;
        found.push(...unknownFields(fields, Object.keys(fields), known, file, "fields.register"));
      }
      // An entry whose only fault is an unknown field stays in the register: the documents that use it are not at fault.
      if (result.success) normalised[key] = result.data;
      problems.push(...found.map((p) => ({ ...p, field: `${key}.${p.field}` })));
    }
    register[kind] = normalised;
  }
  problems.push(...referenceProblems(register, source));
  return { register, problems };
}

/** The register keys an entry's references mark (`{person kissinger-henry-a: Kissinger}`), each checked against the register. */
function referenceProblems(register: Register, source: string): Problem[] {
  return REGISTER_KINDS.flatMap((kind) =>
    Object.entries(register[kind] ?? {}).flatMap(([key, entry]) =>
      (entry.references ?? []).flatMap((reference, i) =>
        keyProblems(
          scanMentions(reference).map((m) => ({ kind: MENTIONS[m.kind], key: m.key, field: `${key}.references.${i}` })),
          `${source}/${kind}.json`,
          register,
          source,
        ),
      ),
    ),
  );
}

/** A piece of a reference: its own text, or a mark of another entry with the words it shows. */
export type ReferencePiece = string | { kind: RegisterKind; key: string; words: string };

/**
 * A reference cut at its mention marks, as the register page links them: "See {term nsc: NSC}"
 * is "See " and the term nsc shown as "NSC". `\{person …}` is text, not a mark.
 */
export function referencePieces(reference: string): ReferencePiece[] {
  const pieces: ReferencePiece[] = [];
  let last = 0;
  for (const m of reference.matchAll(/(\\?)\{(person|place|term)[ \t]+([^\s:{}]+):[ \t]?([^{}]*)\}/g)) {
    if (m[1]) continue;
    if (m.index > last) pieces.push(reference.slice(last, m.index));
    pieces.push({ kind: MENTIONS[m[2] as MentionKind], key: m[3] as string, words: m[4] as string });
    last = m.index + m[0].length;
  }
  if (last < reference.length) pieces.push(reference.slice(last));
  // A mark written `\{person …}` is shown as written, without its backslash; any other text as it is.
  return pieces.map((piece) =>
    typeof piece === "string" ? piece.replace(/\\(\{(?:person|place|term)[ \t])/g, "$1") : piece,
  );
}

export interface Mention {
  kind: MentionKind;
  key: string;
  /** 1 for the first mention of this key in the document, 2 for the second... */
  occurrence: number;
  /** The line of the Markdown body (1-based). */
  line: number;
}

/** The mark that opens a mention, as the Markdown rule reads it; `\{` is no mark. */
const MENTION = /(\\?)\{(person|place|term)[ \t]+([^\s:{}]+):/g;

/**
 * The mentions in a document's Markdown, in the order the text gives them. Read once, when the
 * edition is built, so the register is complete before any page is written.
 */
export function scanMentions(markdown: string, counts = new Map<string, number>()): Mention[] {
  const mentions: Mention[] = [];
  let line = 1;
  let lineStart = 0;
  for (const match of markdown.matchAll(MENTION)) {
    if (match[1]) continue;
    for (let i = markdown.indexOf("\n", lineStart); i !== -1 && i < match.index; i = markdown.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const kind = match[2] as MentionKind;
    const key = match[3] as string;
    const id = `${kind} ${key}`;
    const occurrence = (counts.get(id) ?? 0) + 1;
    counts.set(id, occurrence);
    mentions.push({ kind, key, occurrence, line });
  }
  return mentions;
}

/** Text with its mentions reduced to their words, for where it is shown as plain text (a summary). */
export const withoutMentions = (text: string) =>
  text.replace(/(?<!\\)\{(?:person|place|term)[ \t]+[^\s:{}]+:[ \t]?([^{}]*)\}/g, "$1");

/** Problems with register keys: each key a document uses must be in the register of its kind. */
export function keyProblems(
  uses: { kind: RegisterKind; key: string; field: string | (() => string) }[],
  file: string,
  register: Register,
  source: string,
): Problem[] {
  const MAX_KEYS_LISTED = 12;
  return uses.flatMap(({ kind, key, field }) => {
    const entries = register[kind];
    if (entries && Object.hasOwn(entries, key)) return [];
    const known = entries ? Object.keys(entries) : [];
    const listed = known.slice(0, MAX_KEYS_LISTED).join(", ") + (known.length > MAX_KEYS_LISTED ? ", …" : "");
    return [
      {
        file,
        field: typeof field === "function" ? field() : field,
        value: key,
        expected: entries
          ? `a key of the ${kind} register in ${source}/${kind}.* (${listed})`
          : `a key of a ${kind} register, but the site has none: add ${source}/${kind}.json`,
      },
    ];
  });
}
