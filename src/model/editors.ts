/**
 * An edition's editors as its index.md names them: each a name, or a name with a role of free text
 * ("editor", "primary editor", "general editor"). Kept as `{ name, role? }`; which of them edited
 * the volume, and which the series it belongs to, is read from the role here, once, for the page,
 * the citations and the TEI alike.
 */
import { z } from "zod";
import { text } from "./fields.js";

export interface Editor {
  name: string;
  /** The role as the editor wrote it ("general editor"); none for an editor of the volume. */
  role?: string;
}

const EDITOR_EXPECTED = "a name, or a group with name and role";

const editorObject = z
  .object(
    {
      name: z
        .string({ error: "the editor's name, as text" })
        .trim()
        .min(1, "the editor's name, as text that is not empty")
        .describe("The editor's name"),
      role: text.optional().describe('What the editor did: "editor", "primary editor", "general editor"…'),
    },
    { error: EDITOR_EXPECTED },
  )
  .strict();

/** One editor: a name alone is `{ name }`. */
const editorSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() ? { name: value } : value),
  editorObject,
);

const nameOrEditor = {
  description: 'A name, or a group such as { name: "Edward C. Keefer", role: "general editor" }',
  anyOf: [
    { type: "string", minLength: 1 },
    {
      type: "object",
      properties: { name: { type: "string", minLength: 1 }, role: { type: "string", minLength: 1 } },
      required: ["name"],
      additionalProperties: false,
    },
  ],
};

/**
 * `editors`: a name, or a list of names and `{ name, role }` groups; always a list of `Editor`
 * once parsed. A single value is read as a list of one, so that a problem in it is named as
 * `editors.0.name` alike.
 */
export const editorsField = z
  .preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(editorSchema, { error: `${EDITOR_EXPECTED}, or a list of them` }).min(1),
  )
  .describe("The edition's editors, each a name or a group with name and role");

/**
 * `editors` as JSON Schema writes it: a name or a group, or a list of them. zod would write the
 * list its preprocessing makes, which refuses a single name; schema.ts puts this in its place.
 */
export const EDITORS_JSON_SCHEMA = {
  description: "The edition's editors, each a name or a group with name and role",
  anyOf: [nameOrEditor, { type: "array", minItems: 1, items: nameOrEditor }],
};

const normalised = (role: string | undefined) => role?.trim().toLowerCase().replace(/\s+/g, " ").replace(/-/g, " ");

/** Roles of the volume's own editors: no role, "editor", "primary editor", "volume editor", "co-editor", "editors". */
const VOLUME_ROLES = new Set(["editor", "editors", "primary editor", "volume editor", "co editor"]);
/** Roles of the editor of the series the volume belongs to, as FRUS names its general editor. */
const SERIES_ROLES = new Set(["general editor", "series editor", "editor in chief", "managing editor"]);

/** The editors of the volume: those with no role or an editor's role ("editor", "primary editor"). */
export const volumeEditors = (editors: readonly Editor[]): Editor[] =>
  editors.filter((e) => e.role === undefined || VOLUME_ROLES.has(normalised(e.role) ?? ""));

/** The editors of the series (FRUS's general editor): not editors of this volume. */
export const seriesEditors = (editors: readonly Editor[]): Editor[] =>
  editors.filter((e) => SERIES_ROLES.has(normalised(e.role) ?? ""));
