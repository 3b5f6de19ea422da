/** A telegram's header as semantic HTML, and its FRUS-style one-line heading. */
import type { EditionDocument } from "../model/edition.js";
import {
  LIST_FIELDS,
  TELEGRAM_FIELDS,
  UNLABELLED_FIELDS,
  type LabelledField,
  type Telegram,
  type TelegramField,
  type TelegramMetadata,
} from "../model/telegram.js";
import type { Labels } from "../options.js";
import { html, type SafeHtml } from "../markup/html.js";

/** The site's label of a field: `labels.telegramFrom` for `from`. */
export const labelKey = (field: LabelledField) => `telegram${field[0]!.toUpperCase()}${field.slice(1)}` as keyof Labels;

type Row = { label: string; values: string[]; field: string };
type Item = { line: string; field: string } | Row;

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

/**
 * The header in the order the original prints it: lines of their own (the heading, the
 * classification, free lines) as paragraphs, labelled fields as rows of a definition list.
 */
export function telegramHeaderHtml(telegram: Telegram | undefined, labels: Labels): SafeHtml {
  if (!telegram?.order.length) return html``;
  const parts: SafeHtml[] = [];
  let rows: Row[] = [];
  const flush = () => {
    if (!rows.length) return;
    parts.push(
      html`<dl class="de-telegram-fields">${rows.map(
        (row) => html`<div class="de-telegram-${row.field}"><dt>${row.label}</dt>
${row.values.map((value) => html`<dd>${value}</dd>`)}</div>`,
      )}</dl>`,
    );
    rows = [];
  };
  for (const item of telegramItems(telegram, labels)) {
    if ("line" in item) {
      flush();
      parts.push(html`<p class="de-telegram-${item.field}">${item.line}</p>`);
    } else {
      rows.push(item);
    }
  }
  flush();
  return html`<header class="de-telegram" aria-label="${labels.telegramHeader}">
${parts.map((part) => html`${part}\n`)}</header>`;
}

/** "Telegram From the Ministry of Foreign Affairs to the Embassy in Hanoi", as FRUS heads a telegram. */
export function telegramHeadingText(
  doc: Pick<EditionDocument, "telegram" | "author" | "recipients">,
  labels: Labels,
): string {
  const from = doc.telegram?.from ?? doc.author?.join(", ") ?? "";
  const to = (doc.telegram?.to ?? doc.recipients ?? []).join(", ");
  const template = to ? labels.telegramHeading : labels.telegramHeadingNoRecipient;
  return template.replace("{from}", from).replace("{to}", to);
}
