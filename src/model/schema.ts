/**
 * The front matter of an archival document and of an edition's index, as zod schemas. The same
 * schemas are published as JSON Schema (scripts/build-plugin.mjs), so that an editor's
 * YAML-aware editor can check front matter while it is typed.
 */
import { z } from "zod";
import {
  type DocumentDate,
  isValidTime,
  isValidTimeZone,
  parseDateValue,
  TIME_EXPECTED,
  ZONE_EXPECTED,
} from "./date.js";
import { isKnownLanguage, LANGUAGE_EXPECTED } from "./language.js";
import { DOCUMENT_NUMBER } from "./paths.js";
import { telegramSchema, type TelegramSettings } from "./telegram.js";
import { EDITORS_JSON_SCHEMA, editorsField } from "./editors.js";
import { dateField, oneOrMany, ownFieldsShape, text, webAddress as url, type FieldSpec } from "./fields.js";

/** Call numbers and page ranges may be written as numbers (`pages: 12`); kept as text. */
const textOrNumber = z.union([text, z.number()], { error: "text or a number" }).transform((value) => String(value));

/**
 * `unknown`: the editor looked and the source does not say (an archive, a call number, a
 * translator). Kept as null, so that no page, citation or TEI prints it as if it were a value.
 * Any case: `Unknown` is the same statement, not an archive of that name.
 */
const UNKNOWN = /^\s*unknown\s*$/i;
const orUnknown = <T extends z.ZodType>(schema: T, expected: string) =>
  z.union(
    [
      z
        .string()
        .regex(UNKNOWN)
        .transform((): null => null),
      schema,
    ],
    { error: `${expected}, or unknown` },
  );

const language = z.string({ error: LANGUAGE_EXPECTED }).refine(isKnownLanguage, LANGUAGE_EXPECTED);

const fullDate = z
  .unknown()
  .transform((value, ctx) => {
    const date = parseDateValue(value);
    if (!date || date.day === undefined) {
      ctx.issues.push({ code: "custom", message: "a full date written YYYY-MM-DD", input: value });
      return z.NEVER;
    }
    return { ...date, approximate: false } satisfies DocumentDate;
  })
  .meta({ description: "a full date written YYYY-MM-DD", type: "string", format: "date" });

/** A document's number in its edition: 57, or 57a for a document inserted after 57. */
export const NUMBER_EXPECTED = 'a document number: digits, perhaps followed by one lowercase letter (57, or "57a")';
const documentNumber = z
  .union([z.int().min(1, NUMBER_EXPECTED), z.string().regex(DOCUMENT_NUMBER, NUMBER_EXPECTED)], {
    error: NUMBER_EXPECTED,
  })
  .transform((value) => String(value))
  .meta({
    description: NUMBER_EXPECTED,
    anyOf: [
      { type: "integer", minimum: 1 },
      { type: "string", pattern: DOCUMENT_NUMBER.source },
    ],
  });

/** A time of day, or a span of one ("15:00–16:30", with an en dash or a hyphen). */
const TIME_SPAN_EXPECTED = `${TIME_EXPECTED}, or a span of two such times ("15:00–16:30")`;
const timeField = z
  .string({ error: TIME_SPAN_EXPECTED })
  .transform((value, ctx) => {
    const [start, end, ...more] = value.split(/\s*[–-]\s*/);
    if (!isValidTime(start) || more.length || (end !== undefined && (!isValidTime(end) || end <= start))) {
      ctx.issues.push({
        code: "custom",
        input: value,
        message:
          end !== undefined && isValidTime(start) && isValidTime(end)
            ? "a span whose end is after its start"
            : TIME_SPAN_EXPECTED,
      });
      return z.NEVER;
    }
    return end === undefined ? { time: start } : { time: start, endTime: end };
  })
  .meta({ description: TIME_SPAN_EXPECTED, type: "string" });

const registerKey = z
  .string({ error: "a register key" })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, "a register key: letters, digits, '-', '_' or '.'");

const keyList = z.array(registerKey, { error: "a list of register keys" });

export interface SchemaSettings extends TelegramSettings {
  /** The values `type` may take. */
  documentTypes: readonly string[];
  /** The values `classification` may take; any where undefined. */
  classifications?: readonly string[] | undefined;
  /** Fields of the site's own, declared with their types (the `fields` option). */
  fields?: OwnFields | undefined;
}

/** The fields a site declares for its documents, editions and register entries. */
export interface OwnFields {
  document?: Readonly<Record<string, FieldSpec>>;
  edition?: Readonly<Record<string, FieldSpec>>;
  register?: Readonly<Record<string, FieldSpec>>;
}

const oneOf = (values: readonly string[], what: string) =>
  z.enum(values as [string, ...string[]], {
    error: `one of the site's ${what}: ${values.map((v) => JSON.stringify(v)).join(", ")}`,
  });

/** What the document is and who wrote it to whom: the fields a citation starts from. */
const identityFields = ({ documentTypes }: SchemaSettings) => ({
  title: text.describe("The document's title as the edition gives it"),
  date: dateField,
  dateApproximate: z
    .boolean({ error: "true or false" })
    .default(false)
    .describe("The date is approximate (shown as c. 1979)"),
  time: timeField.optional(),
  timeZone: z.string({ error: ZONE_EXPECTED }).refine(isValidTimeZone, ZONE_EXPECTED).optional(),
  type: oneOf(documentTypes, "document types").optional().describe("The kind of document"),
  number: documentNumber.optional().describe("The document's number in the edition (57, or 57a)"),
  author: oneOrMany.optional().describe("Author or sending office"),
  recipients: oneOrMany.optional(),
});

/** Where the original is kept and in which language, so that a reader can find it and knows what was translated. */
const holdingFields = () => ({
  archive: orUnknown(text, "text").optional().describe("The repository holding the original, or unknown"),
  collection: text.optional().describe("Collection, fonds or record group"),
  callNumber: orUnknown(textOrNumber, "text or a number").optional().describe("The call number, or unknown"),
  pages: textOrNumber.optional().describe("Page range in the file, such as 10-12"),
  folios: textOrNumber.optional(),
  originalLanguage: language.optional(),
  translation: z
    .object(
      {
        language,
        translator: orUnknown(
          oneOrMany.refine(
            (names) => !names.some((name) => UNKNOWN.test(name)),
            "the translators' names, or unknown alone",
          ),
          "text, or a list of texts",
        ).optional(),
      },
      { error: "a group with language and translator" },
    )
    .strict()
    .optional(),
});

/** Where this text was taken from and what the editor says of it, kept apart from the original's own record. */
const editorialFields = () => ({
  source: z
    .object(
      { title: text, publisher: text.optional(), url: url.optional(), accessed: fullDate.optional() },
      { error: "a group with title, publisher, url and accessed" },
    )
    .strict()
    .optional()
    .describe("The publication this text was taken from"),
  summary: text.optional(),
  sourceNote: text
    .optional()
    .describe("The source note, where the editor writes it (Markdown); otherwise built from the record"),
  credits: text.optional(),
});

/** How the original was marked and sent, checked against the site's own lists where it gives them. */
const handlingFields = (settings: SchemaSettings) => ({
  classification: (settings.classifications?.length
    ? oneOf(settings.classifications, "classifications")
    : text
  ).optional(),
  handling: oneOrMany.optional(),
  telegram: telegramSchema(settings)
    .optional()
    .describe("The header of a telegram, in the order the original prints it"),
});

/** The register entries a document lists, kept as keys so that the register alone spells their names. */
const registerFields = () => ({
  subjects: keyList.default([]),
  people: keyList.default([]),
  places: keyList.default([]),
});

const PARTICIPANT_EXPECTED =
  "a participant: text (marks allowed), or a group with person (a register key) and role, or with name and role";
const participant = z.union(
  [
    text,
    z.object({ person: registerKey, role: text.optional() }).strict(),
    z.object({ name: text, role: text.optional() }).strict(),
  ],
  { error: PARTICIPANT_EXPECTED },
);
const participantGroup = z
  .object({ group: text, members: z.array(participant, { error: "a list of participants" }).min(1) })
  .strict();

/** Who took part in a conversation: a list of participants, or of groups of them ("United States", "China"). */
const conversationFields = () => ({
  participants: z
    .union([z.array(participant).min(1), z.array(participantGroup).min(1)], {
      error: "a list of participants, or a list of groups each with group and members",
    })
    .optional()
    .describe("Who took part in a conversation: names or register keys with their roles, perhaps in groups"),
  subject: text.optional().describe("The subject line of a memorandum of conversation (Markdown)"),
  place: text.optional().describe("Where the conversation took place or the document was written"),
});

/** What a document encloses: each attachment's heading and own record; `{attachment}` in the text begins each. */
const attachmentFields = (settings: SchemaSettings) => ({
  attachments: z
    .array(
      z
        .object(
          {
            title: text,
            date: dateField.optional(),
            classification: (settings.classifications?.length
              ? oneOf(settings.classifications, "classifications")
              : text
            ).optional(),
            sourceNote: text.optional(),
          },
          { error: "a group with title, and perhaps date, classification and sourceNote" },
        )
        .strict(),
      { error: "a list of attachments" },
    )
    .optional()
    .describe("The document's attachments, in the order `{attachment}` lines begin them in the text"),
});

/** A time means nothing without a day, nor a zone without a time: checked across fields, as no one field can. */
function checkTimeOfDay(
  doc: { date: { day?: number | undefined }; time?: { time: string } | undefined; timeZone?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (doc.time && doc.date.day === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["time"],
      input: doc.time.time,
      message: "no time unless the date is a full date (YYYY-MM-DD)",
    });
  }
  if (doc.timeZone && !doc.time) {
    ctx.addIssue({
      code: "custom",
      path: ["timeZone"],
      input: doc.timeZone,
      message: "a time zone only together with a time",
    });
  }
}

/** The fields keep the order an editor writes them in, which the JSON Schema and the messages follow. */
export function documentSchema(settings: SchemaSettings) {
  return z
    .object({
      ...identityFields(settings),
      ...holdingFields(),
      ...editorialFields(),
      ...handlingFields(settings),
      ...conversationFields(),
      ...attachmentFields(settings),
      ...registerFields(),
      ...ownFieldsShape(settings.fields?.document),
    })
    .superRefine(checkTimeOfDay);
}

export type DocumentSchema = ReturnType<typeof documentSchema>;
export type DocumentMetadata = z.output<DocumentSchema>;

const editionShape = {
  title: text.describe("The edition's title"),
  subtitle: text.optional(),
  editors: editorsField.optional(),
  summary: text.optional(),
  /** Where this edition stands among the site's editions (lower first); then by title. */
  order: z.number({ error: "a number" }).optional(),
  numberSourceNote: z
    .boolean({ error: "true or false" })
    .default(false)
    .describe("The source note is note 1 and the text's notes are numbered from 2, as FRUS numbers them"),
};

/** The front matter of a part's index.md (a chapter, a compilation): a folder inside an edition's. */
export const partSchema = z.object({
  title: text.describe("The part's title"),
  order: z.number({ error: "a number" }).optional().describe("Where the part stands among its edition's parts"),
});
export type PartMetadata = z.output<typeof partSchema>;

/** The front matter of an edition's index.md, with the site's own edition fields. */
export const editionSchemaFor = (fields?: OwnFields) =>
  z.object({ ...editionShape, ...ownFieldsShape(fields?.edition) });
export const editionSchema = editionSchemaFor();

export type EditionMetadata = z.output<typeof editionSchema>;

/** The fields of the schemas, for JSON Schema and for the editors' guide. */
export function jsonSchemas(settings: SchemaSettings) {
  const options = {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    override: (context: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => {
      if (context.zodSchema !== editorsField) return;
      for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
      Object.assign(context.jsonSchema, structuredClone(EDITORS_JSON_SCHEMA));
    },
  } as const;
  return {
    document: z.toJSONSchema(documentSchema(settings), options),
    edition: z.toJSONSchema(editionSchema, options),
    part: z.toJSONSchema(partSchema, options),
  };
}
