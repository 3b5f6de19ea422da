/** A telegram's header as semantic HTML, and its FRUS-style one-line heading. */
import type { EditionDocument } from "../model/edition.js";
import { telegramItems, type Row, type Telegram } from "../model/telegram.js";
import type { Labels } from "../options.js";
import { html, type SafeHtml } from "../markup/html.js";

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
