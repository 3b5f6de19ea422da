/** The date and name formatting for citations, shared by a page's embedded metadata and the download files. */
import type { CslDate, CslName } from "./record.js";

/** A name as the record keeps it: an office or person written whole, or the given name before the family name. */
export const nameText = (name: CslName) => name.literal ?? [name.given, name.family].filter(Boolean).join(" ");

/**
 * How a date's year is written. The page's metadata has always written it as the record holds it
 * (800); BibTeX writes four digits (0800), as ISO 8601 and biblatex ask. Kept apart on purpose:
 * making them one would change what pages print for years before 1000.
 */
export type YearDigits = "as written" | "four digits";

/** A CSL date's known parts joined by the separator ("1979-04-16", "1979/04"), month and day in two digits. */
export function dateText(date: CslDate | undefined, separator: "-" | "/", year: YearDigits): string | undefined {
  const [y, m, d] = date?.["date-parts"][0] ?? [];
  if (y === undefined) return undefined;
  const yearText = year === "four digits" ? String(y).padStart(4, "0") : String(y);
  return [yearText, ...[m, d].filter((p) => p !== undefined).map((p) => String(p).padStart(2, "0"))].join(separator);
}
