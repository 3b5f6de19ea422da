/** Pieces of formatted citations: text that renders both as plain text and as escaped HTML. */
import { escapeHtml } from "../markup/html.js";

export type Piece = string | { italic: string };

export interface Formatted {
  text: string;
  html: string;
}

/** Joins pieces into text and HTML; American punctuation goes inside closing quotation marks. */
export function render(pieces: Piece[]): Formatted {
  const text = pieces.map((p) => (typeof p === "string" ? p : p.italic)).join("");
  const html = pieces.map((p) => (typeof p === "string" ? escapeHtml(p) : `<i>${escapeHtml(p.italic)}</i>`)).join("");
  const inside = (s: string) => s.replace(/([’”]+)(<\/i>)?([.,])/g, "$3$1$2");
  return { text: inside(text), html: inside(html) };
}

/**
 * Straight quotation marks in a title made typographic: `level` "double" for a title standing on its
 * own (inner quotations become “ ”), "single" for one inside double quotes (inner become ‘ ’).
 * An apostrophe within a word, or after one where no single quotation is open (the plural
 * possessive, "the ministers' reply"), becomes ’.
 */
export function curlyQuotes(text: string, level: "double" | "single"): string {
  const [open, close] = level === "double" ? ["“", "”"] : ["‘", "’"];
  let out = "";
  let openSingles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? " " : (text[i - 1] as string);
    const opening = /[\s([{\u2014\u2013-]/.test(before);
    if (c === "'" && !opening && (/[\p{L}\p{N}]/u.test(text[i + 1] ?? "") || openSingles === 0)) {
      out += "’";
      continue;
    }
    if (c === "'") openSingles += opening ? 1 : -1;
    out += opening ? open : close;
  }
  return out;
}

const SHORT_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  circa?: boolean;
}

/** "April 16, 1979", "April 1979", "1979": Chicago's and most archives' form. */
export function longDate({ year, month, day }: DateParts): string {
  if (!month) return String(year);
  return day ? `${LONG_MONTHS[month - 1]} ${day}, ${year}` : `${LONG_MONTHS[month - 1]} ${year}`;
}

/** "16 Apr. 1979", "Apr. 1979", "1979": MLA's form. */
export function mlaDate({ year, month, day }: DateParts): string {
  if (!month) return String(year);
  return day ? `${day} ${SHORT_MONTHS[month - 1]} ${year}` : `${SHORT_MONTHS[month - 1]} ${year}`;
}

/** "pp. 10–12" for a range, "p. 12" for one page; ranges take an en dash. */
export function pageLabel(page: string): string {
  const dashed = page.replace(/(\w)\s*[-–]\s*(\w)/g, "$1–$2");
  return /[–,]/.test(dashed) ? `pp. ${dashed}` : `p. ${dashed}`;
}

export const dashed = (page: string) => page.replace(/(\w)\s*[-–]\s*(\w)/g, "$1–$2");

/** "A", "A and B", "A, B, and C" (with `conjunction` "and" or "&"). */
export function nameList(names: readonly string[], conjunction: string, serialComma = true): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length === 2) return `${names[0]} ${conjunction} ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}${serialComma ? "," : ""} ${conjunction} ${names.at(-1)}`;
}
