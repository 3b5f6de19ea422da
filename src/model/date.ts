/**
 * Archival dates: a full date, a year and month, or a year alone, perhaps approximate, with an
 * optional time of day in a named time zone. Dates are calendar facts, not instants: they are
 * parsed and formatted in UTC, so no build machine's time zone can shift them by a day.
 */
import { DateTime, IANAZone } from "luxon";

export interface DocumentDate {
  year: number;
  month?: number;
  day?: number;
  approximate: boolean;
  /** "HH:MM" or "HH:MM:SS", as written in the document. */
  time?: string;
  /** The end of a span of time ("16:30" of "15:00–16:30"), where the document gives one. */
  endTime?: string;
  /** IANA zone ("Asia/Shanghai") or a fixed offset ("UTC+8") for `time`. */
  timeZone?: string;
  /** "1979-04-16", "1979-04" or "1979": what the editor wrote, normalised. */
  iso: string;
}

export const DATE_EXPECTED =
  "a real calendar date written YYYY-MM-DD, or YYYY-MM or YYYY for a partly known date (for example 1979-04-16, 1979-04 or 1979)";
export const TIME_EXPECTED = 'a time of day written "HH:MM" or "HH:MM:SS" in quotes (for example "14:30")';
export const ZONE_EXPECTED = 'a time zone name such as "Asia/Shanghai" or a fixed offset such as "UTC+8"';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
const OFFSET_PATTERN = /^UTC[+-](?:0?\d|1[0-4])(?::[0-5]\d)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Days in a month (1 to 12) of the proleptic Gregorian calendar, as ISO 8601 and HTML count them:
 * one rule for checking a date and for the last day a partly known date can mean.
 */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

/** A UTC Date; unlike Date.UTC, years 0 to 99 are not taken for 1900 to 1999. */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * Reads a front-matter date: a string, a number (YAML reads `date: 1979` as one) or a Date
 * (YAML reads an unquoted `1979-04-16` as midnight UTC). Returns undefined when it is not a date.
 */
export function parseDateValue(value: unknown): Pick<DocumentDate, "year" | "month" | "day" | "iso"> | undefined {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    // A YAML date-time ("1979-04-16 14:30") carries a time: that belongs in `time`.
    if (value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds() || value.getUTCMilliseconds()) {
      return undefined;
    }
    text = value.toISOString().slice(0, 10);
  } else if (typeof value === "number" && Number.isInteger(value)) {
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month as number))) return undefined;
  const iso = [pad(year, 4), month && pad(month), day && pad(day)].filter(Boolean).join("-");
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}), iso };
}

export function isValidTime(value: unknown): value is string {
  return typeof value === "string" && TIME_PATTERN.test(value);
}

export function isValidTimeZone(value: unknown): value is string {
  return typeof value === "string" && (IANAZone.isValidZone(value) || OFFSET_PATTERN.test(value));
}

/** Midnight UTC on the first day the date can mean: what Eleventy keeps as `page.date`. */
export function toJsDate(date: Pick<DocumentDate, "year" | "month" | "day">): Date {
  return utcDate(date.year, date.month ?? 1, date.day ?? 1);
}

/**
 * A key that sorts documents chronologically as strings: a partly known date sorts before the
 * full dates it contains ("1979-04" before "1979-04-01"), a time after the same day without one.
 */
export function dateSortKey(date: DocumentDate): string {
  return `${pad(date.year, 4)}-${pad(date.month ?? 0)}-${pad(date.day ?? 0)}T${date.time ?? ""}`;
}

/** The date with its time of day, in the document's zone (UTC if it names none). */
function withTimeOfDay(date: DocumentDate & { time: string }, locale?: string): DateTime {
  const [hour, minute, second = 0] = date.time.split(":").map(Number);
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour, minute, second },
    { zone: date.timeZone ?? "utc", ...(locale ? { locale } : {}) },
  );
}

/** The offset from UTC of the date's time of day in its zone ("+08:00"), or "" where it names no zone or time. */
export function timeOffset(date: DocumentDate): string {
  return date.time && date.day !== undefined && date.timeZone
    ? withTimeOfDay({ ...date, time: date.time }).toFormat("ZZ")
    : "";
}

/** The value of an HTML `<time datetime>` attribute: the date, and the time with its offset (a span's start). */
export function machineReadableDate(date: DocumentDate): string {
  if (!date.time || date.day === undefined) return date.iso;
  return `${date.iso}T${date.time}${timeOffset(date)}`;
}

export interface DateLabels {
  approximate: string;
}

const formatted = new Map<string, string>();
const formattedDates = new WeakMap<DocumentDate, { locale: string; approximate: string; text: string }>();

/** "April 16, 1979", "April 1979", "1979", "c. April 1979", "April 16, 1979, 2:30 PM GMT+8", "March 3, 1970, 3:00 – 4:30 PM" (en-US). */
export function formatDocumentDate(date: DocumentDate, locale: string, labels: DateLabels): string {
  // Pages show the same dates many times (the document, its edition's contents, its neighbours'):
  // each date object remembers its text, and equal dates share it.
  const mine = formattedDates.get(date);
  if (mine && mine.locale === locale && mine.approximate === labels.approximate) return mine.text;
  const key = `${locale}|${labels.approximate}|${date.iso}|${date.approximate}|${date.time ?? ""}|${date.endTime ?? ""}|${date.timeZone ?? ""}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatDate(date, locale, labels);
    formatted.set(key, text);
  }
  formattedDates.set(date, { locale, approximate: labels.approximate, text });
  return text;
}

function formatDate(date: DocumentDate, locale: string, labels: DateLabels): string {
  const dt = DateTime.fromObject(
    { year: date.year, month: date.month ?? 1, day: date.day ?? 1 },
    { zone: "utc", locale },
  );
  let text: string;
  if (date.day !== undefined) {
    text = dt.toLocaleString({ year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  } else if (date.month !== undefined) {
    text = dt.toLocaleString({ year: "numeric", month: "long", timeZone: "UTC" });
  } else {
    text = dt.toLocaleString({ year: "numeric", timeZone: "UTC" });
  }
  if (date.time && date.day !== undefined) text = `${text}, ${timeOfDayText({ ...date, time: date.time }, locale)}`;
  return date.approximate ? `${labels.approximate} ${text}` : text;
}

/** "2:30 PM GMT+8", or for a span "3:00 – 4:30 PM" as the locale joins two times of one day. */
function timeOfDayText(date: DocumentDate & { time: string }, locale: string): string {
  const seconds = date.time.length > 5 || (date.endTime?.length ?? 0) > 5;
  const format: Intl.DateTimeFormatOptions = {
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    ...(date.timeZone ? { timeZoneName: "short" } : {}),
  };
  const start = withTimeOfDay(date, locale);
  if (!date.endTime) return start.toLocaleString(format);
  const end = withTimeOfDay({ ...date, time: date.endTime }, locale);
  // Intl joins a span as the locale does ("3:00 – 4:30 PM", "15:00–16:30 Uhr") where it knows the zone by name.
  const zone = date.timeZone ?? "UTC";
  if (IANAZone.isValidZone(zone)) {
    return new Intl.DateTimeFormat(locale, { ...format, timeZone: zone }).formatRange(start.toJSDate(), end.toJSDate());
  }
  const { timeZoneName: _zone, ...withoutZone } = format;
  return `${start.toLocaleString(withoutZone)} – ${end.toLocaleString(format)}`;
}
