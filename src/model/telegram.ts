/**
 * A telegram's header: the facts a cable is read through (who sent it, to whom, how urgent, how
 * secret, under which numbers, who had already received it), kept in the order the original
 * prints them.
 */
import { z } from "zod";
import { text as label } from "./fields.js";
import type { Labels } from "../options.js";

/** The header's fields, in the order they are listed when an editor gives no order of their own. */
export const TELEGRAM_FIELDS = [
  "heading",
  "from",
  "to",
  "copies",
  "precedence",
  "classification",
  "device",
  "serial",
  "dateTimeGroup",
  "principalAgency",
  "distribution",
  "lines",
] as const;

export type TelegramField = (typeof TELEGRAM_FIELDS)[number];

/** Fields printed as a line of their own; the others are printed after a label ("From:"). */
export const UNLABELLED_FIELDS: ReadonlySet<TelegramField> = new Set(["heading", "classification", "lines"]);

/** Fields that may hold several values (one per line of the original). */
export const LIST_FIELDS: ReadonlySet<TelegramField> = new Set(["to", "copies", "distribution"]);

export type LabelledField = Exclude<TelegramField, "heading" | "classification" | "lines">;
export const LABELLED_FIELDS = TELEGRAM_FIELDS.filter((f) => !UNLABELLED_FIELDS.has(f)) as LabelledField[];

/**
 * A header line as printed. It may be blank in the original ("Serial No." with no number): empty
 * text is kept. Numbers (`device: 150`) are kept as text.
 */
const line = z
  .union([z.string(), z.number()], { error: "text (empty text for a field the original leaves blank)" })
  .transform((value) => String(value).trim());
const lines = z
  .union([line, z.array(line).min(1)], { error: "text, or a list of texts" })
  .transform((value) => (Array.isArray(value) ? value : [value]));
const extraLine = z.union([line, z.object({ label, value: line }).strict()], {
  error: 'text, or a group with label and value ({ label: "Received:", value: "17 April" })',
});

export interface TelegramSettings {
  /** The precedence values a site allows; any where undefined. */
  precedences?: readonly string[] | undefined;
}

export function telegramSchema(settings: TelegramSettings) {
  const precedence = settings.precedences?.length
    ? z.enum(settings.precedences as [string, ...string[]], {
        error: `one of the site's precedences: ${settings.precedences.map((p) => JSON.stringify(p)).join(", ")}`,
      })
    : line;
  return z
    .object(
      {
        heading: line
          .optional()
          .describe('The receiving office or heading, as printed ("Fujian Province Telegram Received")'),
        from: line.optional(),
        to: lines.optional(),
        copies: lines.optional(),
        precedence: precedence.optional(),
        classification: line.optional().describe('The classification marking as printed ("(Top Secret)")'),
        device: line.optional().describe("Device number"),
        serial: line.optional().describe("Serial number"),
        dateTimeGroup: line.optional(),
        principalAgency: line.optional().describe("The principal agency responsible"),
        distribution: lines.optional().describe("Distribution, or those it was already transmitted to"),
        lines: z
          .array(extraLine, { error: "a list of lines" })
          .optional()
          .describe("Further lines of the header, in order"),
        labels: z
          .object(Object.fromEntries(LABELLED_FIELDS.map((f) => [f, label])) as Record<LabelledField, typeof label>, {
            error: 'a group of labels, such as { device: "Device No." }',
          })
          .partial()
          .strict()
          .optional()
          .describe("Labels as the original prints them, where they differ from the site's"),
      },
      { error: "a group of telegram header fields" },
    )
    .strict();
}

export type TelegramMetadata = z.output<ReturnType<typeof telegramSchema>>;

export interface Telegram extends TelegramMetadata {
  /** The fields present, in the order the editor wrote them: the original's order. */
  order: TelegramField[];
}

/** The telegram with the order of its fields taken from the front matter as written. */
export function withFieldOrder(parsed: TelegramMetadata, raw: unknown): Telegram {
  const written = raw && typeof raw === "object" ? Object.keys(raw) : [];
  const order = written.filter(
    (key): key is TelegramField =>
      (TELEGRAM_FIELDS as readonly string[]).includes(key) && parsed[key as TelegramField] !== undefined,
  );
  return { ...parsed, order };
}

/** The site's label of a field: `labels.telegramFrom` for `from`. */
export const labelKey = (field: LabelledField) => `telegram${field[0]!.toUpperCase()}${field.slice(1)}` as keyof Labels;

export type Row = { label: string; values: string[]; field: string };
export type Item = { line: string; field: string } | Row;

/** Values given to the `telegramHeader` shortcode replace the front matter's, field by field. */
export type TelegramOverrides = Partial<Record<TelegramField, unknown>>;

export function applyOverrides(telegram: Telegram | undefined, overrides: TelegramOverrides): Telegram | undefined {
  const fields = Object.keys(overrides).filter((key) => overrides[key as TelegramField] !== undefined);
  const unknown = fields.filter((key) => !(TELEGRAM_FIELDS as readonly string[]).includes(key));
  if (unknown.length) {
    throw new Error(
      `telegramHeader: unknown field ${unknown.join(", ")}; expected one of ${TELEGRAM_FIELDS.join(", ")}`,
    );
  }
  if (!fields.length) return telegram;
  const base: Telegram = telegram ?? { order: [] };
  const merged = { ...base } as Record<string, unknown>;
  for (const field of fields) {
    const value = overrides[field as TelegramField];
    merged[field] = Array.isArray(value)
      ? value.map(String)
      : LIST_FIELDS.has(field as TelegramField)
        ? [String(value)]
        : String(value);
  }
  const order = [...base.order, ...(fields as TelegramField[]).filter((f) => !base.order.includes(f))];
  return { ...(merged as TelegramMetadata), order };
}

/** The header's lines in the original's order: lines of their own, and labelled rows. */
export function telegramItems(telegram: Telegram, labels: Labels): Item[] {
  const out: Item[] = [];
  for (const field of telegram.order) {
    const value = telegram[field];
    if (value === undefined) continue;
    if (field === "lines") {
      for (const line of telegram.lines ?? []) {
        out.push(
          typeof line === "string"
            ? { line, field: "line" }
            : { label: line.label, values: [line.value], field: "line" },
        );
      }
    } else if (UNLABELLED_FIELDS.has(field)) {
      out.push({ line: value as string, field });
    } else {
      const labelled = field as LabelledField;
      out.push({
        label: telegram.labels?.[labelled] ?? labels[labelKey(labelled)],
        values: Array.isArray(value) ? (value as string[]) : [value],
        field,
      });
    }
  }
  return out;
}
