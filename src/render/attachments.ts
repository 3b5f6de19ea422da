/** A document's attachments as the page and the TEI print their headings: each date formatted as the document's. */
import type { AttachmentEntry } from "../markdown/attachments.js";
import { formatDocumentDate, machineReadableDate } from "../model/date.js";
import type { EditionDocument } from "../model/edition.js";
import type { Labels } from "../options.js";
import { dateAttributes } from "../tei/document.js";

export function attachmentEntries(
  doc: Pick<EditionDocument, "attachments">,
  context: { labels: Labels; locale: string },
): AttachmentEntry[] {
  return (doc.attachments ?? []).map(({ title, date, classification, sourceNote }) => {
    const known = date && { ...date, approximate: false };
    return {
      title,
      ...(known
        ? {
            date: {
              text: formatDocumentDate(known, context.locale, context.labels),
              datetime: machineReadableDate(known),
              tei: dateAttributes(known),
            },
          }
        : {}),
      ...(classification ? { classification } : {}),
      ...(sourceNote ? { sourceNote } : {}),
    };
  });
}
