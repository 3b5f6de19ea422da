/** A telegram's header as the content of a TEI opener: a line of its own per field, labels as printed. */
import type { EditionDocument } from "../model/edition.js";
import { UNLABELLED_FIELDS, type LabelledField } from "../model/telegram.js";
import type { Labels } from "../options.js";
import { el, xml } from "./xml.js";

import { labelKey } from "../render/telegram.js";

export function telegramHeaderText(doc: Pick<EditionDocument, "telegram">, labels: Labels): string {
  const telegram = doc.telegram;
  if (!telegram?.order.length) return "";
  const lines: string[] = [];
  for (const field of telegram.order) {
    const value = telegram[field];
    if (value === undefined) continue;
    if (field === "lines") {
      for (const line of telegram.lines ?? []) {
        lines.push(typeof line === "string" ? el("seg", { type: "line" }, xml(line)) : el("seg", { type: "line" }, `${el("label", {}, xml(line.label))} ${xml(line.value)}`));
      }
    } else if (UNLABELLED_FIELDS.has(field)) {
      lines.push(el("seg", { type: field }, xml(value)));
    } else {
      const label = telegram.labels?.[field as LabelledField] ?? labels[labelKey(field as LabelledField)];
      const values = Array.isArray(value) ? (value as string[]) : [value as string];
      lines.push(el("seg", { type: field }, `${el("label", {}, xml(label))}${values.length && values[0] !== "" ? ` ${values.map(xml).join("<lb/>\n")}` : ""}`));
    }
  }
  return lines.join("<lb/>\n");
}
