/** A telegram's header as the content of a TEI opener: a line of its own per field, labels as printed. */
import type { EditionDocument } from "../model/edition.js";
import type { Labels } from "../options.js";
import { telegramItems } from "../model/telegram.js";
import { el, xml } from "../markup/xml.js";

export function telegramHeaderText(doc: Pick<EditionDocument, "telegram">, labels: Labels): string {
  if (!doc.telegram?.order.length) return "";
  return telegramItems(doc.telegram, labels)
    .map((item) =>
      "line" in item
        ? el("seg", { type: item.field }, xml(item.line))
        : el(
            "seg",
            { type: item.field },
            `${el("label", {}, xml(item.label))}${item.values.length && item.values[0] !== "" ? ` ${item.values.map(xml).join("<lb/>\n")}` : ""}`,
          ),
    )
    .join("<lb/>\n");
}
