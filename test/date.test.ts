import { afterEach, describe, expect, it } from "vitest";
import {
  formatDocumentDate,
  machineReadableDate,
  parseDateValue,
  toJsDate,
  type DocumentDate,
} from "../src/model/date.js";

const labels = { approximate: "c." };
const date = (value: unknown, extra: Partial<DocumentDate> = {}): DocumentDate => ({
  ...(parseDateValue(value) as DocumentDate),
  approximate: false,
  ...extra,
});

describe("document dates", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(["UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Pago_Pago"])(
    "display the same day whatever the build machine's time zone (%s)",
    (zone) => {
      process.env.TZ = zone;
      // YAML reads an unquoted 1979-04-16 as midnight UTC; west of Greenwich that is still the 15th locally.
      expect(formatDocumentDate(date(new Date(Date.UTC(1979, 3, 16))), "en-US", labels)).toBe("April 16, 1979");
      expect(formatDocumentDate(date("1979-01-01"), "en-US", labels)).toBe("January 1, 1979");
      expect(
        formatDocumentDate(date("1979-04-16", { time: "00:30", timeZone: "Asia/Shanghai" }), "en-US", labels),
      ).toBe("April 16, 1979, 12:30 AM GMT+8");
    },
  );

  it.each([
    ["1979-04-16", "en-US", "April 16, 1979"],
    ["1979-04-16", "en-GB", "16 April 1979"],
    ["1979-04-16", "fr", "16 avril 1979"],
    ["1979-04", "en-US", "April 1979"],
    ["1979", "en-US", "1979"],
    ["1979-04-16", "zh-CN", "1979年4月16日"],
  ])("formats %s in %s as %s", (value, locale, expected) => {
    expect(formatDocumentDate(date(value), locale, labels)).toBe(expected);
  });

  it("shows seconds only where the document gives them", () => {
    // ICU puts a narrow no-break space before AM; compare with ordinary spaces.
    expect(formatDocumentDate(date("1979-04-16", { time: "09:05:10" }), "en-US", labels).replace(/\s/g, " ")).toBe(
      "April 16, 1979, 9:05:10 AM",
    );
    expect(formatDocumentDate(date("1979-04-16", { time: "09:05" }), "en-GB", labels)).toBe("16 April 1979, 9:05");
  });

  it("shows a span of time as the locale joins two times of one day, and <time datetime> its start", () => {
    const span = (locale: string, extra: Partial<DocumentDate> = {}) =>
      formatDocumentDate(date("1970-03-03", { time: "15:00", endTime: "16:30", ...extra }), locale, labels).replace(
        /\s/g,
        " ",
      );
    expect(span("en-US")).toBe("March 3, 1970, 3:00 – 4:30 PM");
    expect(span("de")).toBe("3. März 1970, 15:00–16:30 Uhr");
    expect(span("en-US", { time: "11:00" })).toBe("March 3, 1970, 11:00 AM – 4:30 PM");
    expect(span("en-US", { timeZone: "Asia/Shanghai" })).toBe("March 3, 1970, 3:00 – 4:30 PM GMT+8");
    expect(span("en-US", { timeZone: "UTC+8" })).toMatch(/^March 3, 1970, 3:00 PM – 4:30 PM (GMT|UTC)\+8$/);
    // The same date without its end is another text, not one remembered from the span.
    expect(formatDocumentDate(date("1970-03-03", { time: "15:00" }), "en-US", labels).replace(/\s/g, " ")).toBe(
      "March 3, 1970, 3:00 PM",
    );
    expect(machineReadableDate(date("1970-03-03", { time: "15:00", endTime: "16:30" }))).toBe("1970-03-03T15:00");
  });

  it("marks an approximate date with the label", () => {
    expect(formatDocumentDate(date("1979-04", { approximate: true }), "en-US", labels)).toBe("c. April 1979");
    expect(formatDocumentDate(date("1979", { approximate: true }), "de", { approximate: "um" })).toBe("um 1979");
  });

  it("gives <time datetime> the date as written, and a time with its zone's offset", () => {
    expect(machineReadableDate(date("1979-04"))).toBe("1979-04");
    expect(machineReadableDate(date("1979"))).toBe("1979");
    expect(machineReadableDate(date("1979-04-16", { time: "14:30" }))).toBe("1979-04-16T14:30");
    expect(machineReadableDate(date("1979-04-16", { time: "14:30", timeZone: "Asia/Shanghai" }))).toBe(
      "1979-04-16T14:30+08:00",
    );
    expect(machineReadableDate(date("1979-07-16", { time: "14:30", timeZone: "America/New_York" }))).toBe(
      "1979-07-16T14:30-04:00",
    );
  });

  it("refuses dates that are not real or not dates", () => {
    for (const value of [
      "1979-02-29",
      "1979-00",
      "79-04-16",
      "1979/04/16",
      "",
      null,
      {},
      1979.5,
      new Date(Number.NaN),
    ]) {
      expect(parseDateValue(value), JSON.stringify(value)).toBeUndefined();
    }
    expect(parseDateValue("1980-02-29")?.iso).toBe("1980-02-29");
    expect(parseDateValue("1900-02-29")).toBeUndefined();
    expect(parseDateValue("2000-02-29")?.iso).toBe("2000-02-29");
    // Years before 100 are years, not 1900 onwards.
    expect(parseDateValue("0079-02-29")).toBeUndefined();
    expect(parseDateValue("0080-02-29")?.iso).toBe("0080-02-29");
    expect(toJsDate({ year: 79, month: 4, day: 16 }).toISOString()).toBe("0079-04-16T00:00:00.000Z");
  });
});
