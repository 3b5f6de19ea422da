// The edition model's edges the mutation run (npm run test:mutation) found untested in src/model:
// which dates are dates, how they sort and print, and the checks on times and zones.
import { describe, expect, it } from "vitest";
import {
  dateSortKey,
  formatDocumentDate,
  isValidTime,
  isValidTimeZone,
  machineReadableDate,
  parseDateValue,
  toJsDate,
  type DocumentDate,
} from "../src/model/date.js";
import { describeValue, EditionValidationError, formatProblem } from "../src/model/errors.js";
import { nearestName } from "../src/model/fields.js";
import { documentId, notesId } from "../src/model/ids.js";
import { isKnownLanguage, languageName } from "../src/model/language.js";
import { validateRegister } from "../src/model/register.js";
import { jsonSchemas } from "../src/model/schema.js";
import { build, errorOf, SETTINGS, source } from "./helpers/model.js";

const full = (value: unknown, extra: Partial<DocumentDate> = {}): DocumentDate => ({
  ...(parseDateValue(value) as DocumentDate),
  approximate: false,
  ...extra,
});

describe("dates in front matter", () => {
  it("know the length of every month, leap years by the Gregorian rule", () => {
    expect(parseDateValue("1980-02-29")).toEqual({ year: 1980, month: 2, day: 29, iso: "1980-02-29" });
    expect(parseDateValue("2000-02-29")?.iso).toBe("2000-02-29");
    expect(parseDateValue("1979-02-29")).toBeUndefined();
    expect(parseDateValue("1900-02-29")).toBeUndefined();
    expect(parseDateValue("1979-04-30")?.iso).toBe("1979-04-30");
    expect(parseDateValue("1979-04-31")).toBeUndefined();
    expect(parseDateValue("1979-12-31")?.iso).toBe("1979-12-31");
    expect(parseDateValue("1979-01-31")?.iso).toBe("1979-01-31");
  });

  it("refuse month 0 or 13 and day 0", () => {
    for (const value of ["1979-00", "1979-13", "1979-04-00", "1979-00-10", "79-04-16", "1979-4-16", "1979-04-16x"]) {
      expect(parseDateValue(value), value).toBeUndefined();
    }
    expect(parseDateValue("1979-01")).toEqual({ year: 1979, month: 1, iso: "1979-01" });
    expect(parseDateValue("1979-12")).toEqual({ year: 1979, month: 12, iso: "1979-12" });
  });

  it("read a year as a number, a trimmed string or a date at midnight UTC, and nothing else", () => {
    expect(parseDateValue(1979)).toEqual({ year: 1979, iso: "1979" });
    expect(parseDateValue(" 0979 ")).toEqual({ year: 979, iso: "0979" });
    expect(parseDateValue(new Date(Date.UTC(1979, 3, 16)))).toEqual({
      year: 1979,
      month: 4,
      day: 16,
      iso: "1979-04-16",
    });
    for (const value of [
      1979.5,
      new Date(Number.NaN),
      new Date(Date.UTC(1979, 3, 16, 14, 30)),
      new Date(Date.UTC(1979, 3, 16, 0, 0, 1)),
      new Date(Date.UTC(1979, 3, 16, 0, 0, 0, 5)),
      new Date(Date.UTC(1979, 3, 16, 1)),
      null,
      ["1979"],
    ]) {
      expect(parseDateValue(value), String(value)).toBeUndefined();
    }
  });
});

describe("times and zones", () => {
  it("accept a time of day from 00:00 to 23:59:59 only", () => {
    for (const time of ["00:00", "09:05", "19:59", "23:59", "23:59:59"]) expect(isValidTime(time), time).toBe(true);
    for (const time of ["24:00", "9:05", "23:60", "12:00:60", "12:00:", "x12:00", "12:00x", 1230]) {
      expect(isValidTime(time), String(time)).toBe(false);
    }
  });

  it("accept a zone name or a fixed offset of at most 14 hours", () => {
    for (const zone of ["Asia/Shanghai", "UTC+8", "UTC-08", "UTC+14", "UTC+5:30", "UTC-3:45"]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["Mars/Base", "UTC+15", "UTC+8:60", "UTC8", "GMT+8x", "xUTC+8", 8]) {
      expect(isValidTimeZone(zone), String(zone)).toBe(false);
    }
  });

  it("give a time its zone's offset only where the date has a day, a time and a zone", () => {
    expect(machineReadableDate(full("1979-04-16", { time: "14:30", timeZone: "Asia/Shanghai" }))).toBe(
      "1979-04-16T14:30+08:00",
    );
    expect(machineReadableDate(full("1979-04-16", { time: "14:30" }))).toBe("1979-04-16T14:30");
    expect(machineReadableDate(full("1979-04", { time: "14:30", timeZone: "Asia/Shanghai" }))).toBe("1979-04");
  });
});

describe("the order and text of dates", () => {
  it("sort a partly known date before the days it contains, and a time after the same day without one", () => {
    const keys = ["1979-04-16", "1979", "1979-04", "1979-04-01", "1980-01-01"].map((v) => dateSortKey(full(v)));
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[3], keys[0], keys[4]]);
    expect(dateSortKey(full("1979-04-16", { time: "09:00" })) > dateSortKey(full("1979-04-16"))).toBe(true);
    expect(dateSortKey(full("0979-04-16")) < dateSortKey(full("1979-04-16"))).toBe(true);
  });

  it("start a partly known date on its first day", () => {
    expect(toJsDate(full("1979")).toISOString()).toBe("1979-01-01T00:00:00.000Z");
    expect(toJsDate(full("1979-04")).toISOString()).toBe("1979-04-01T00:00:00.000Z");
    expect(toJsDate(full("0079-04-16")).getUTCFullYear()).toBe(79);
  });

  it("print equal dates with different times or zones each with its own time", () => {
    const at = (time: string | undefined, timeZone?: string) =>
      formatDocumentDate(
        full("1979-04-17", { ...(time ? { time } : {}), ...(timeZone ? { timeZone } : {}) }),
        "en-GB",
        { approximate: "c." },
      );
    expect(at("10:00", "Asia/Shanghai")).toBe("17 April 1979, 10:00 GMT+8");
    // The zone's short name is ICU's to choose; it differs from Shanghai's.
    expect(at("10:00", "Europe/London")).toMatch(/^17 April 1979, 10:00 \S/);
    expect(at("10:00", "Europe/London")).not.toBe(at("10:00", "Asia/Shanghai"));
    expect(at("10:00")).toBe("17 April 1979, 10:00");
    expect(at(undefined)).toBe("17 April 1979");
  });

  it("print one date object in each locale and with each label it is asked for", () => {
    const date = full("1979-04-16", { approximate: true });
    expect(formatDocumentDate(date, "en-US", { approximate: "c." })).toBe("c. April 16, 1979");
    expect(formatDocumentDate(date, "fr", { approximate: "c." })).toBe("c. 16 avril 1979");
    expect(formatDocumentDate(date, "fr", { approximate: "vers" })).toBe("vers 16 avril 1979");
    expect(formatDocumentDate(full("1979-04-16", { approximate: true }), "en-US", { approximate: "ca." })).toBe(
      "ca. April 16, 1979",
    );
    expect(formatDocumentDate(full("1979-04-16", { time: "14:30" }), "en-GB", { approximate: "c." })).toBe(
      "16 April 1979, 14:30",
    );
    expect(formatDocumentDate(full("1979-04", { time: "14:30" }), "en-GB", { approximate: "c." })).toBe("April 1979");
  });
});

describe("error messages", () => {
  it("describe a value as the editor wrote it, cut at 80 characters", () => {
    expect(describeValue(undefined)).toBe("nothing (the field is missing)");
    expect(describeValue(null)).toBe("an empty value");
    expect(describeValue(new Date(Number.NaN))).toBe("an invalid date");
    expect(describeValue(new Date(Date.UTC(1979, 3, 16, 14, 30)))).toBe('"1979-04-16T14:30:00.000Z"');
    expect(describeValue("x".repeat(78))).toBe(`"${"x".repeat(78)}"`);
    expect(describeValue("x".repeat(79))).toBe(`"${"x".repeat(78)}…`);
    expect(describeValue([1, "a"])).toBe('[1,"a"]');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe("[object Object]");
    expect(describeValue(() => 1)).toBe("() => 1");
  });

  it("say what was found and what was expected, or that a field is unknown", () => {
    expect(formatProblem({ file: "f.md", field: "date", value: "x", expected: "a date" })).toBe(
      'f.md: date: found "x"; expected a date',
    );
    expect(formatProblem({ file: "f.md", field: "date", value: "x", found: "a time", expected: "a date" })).toBe(
      "f.md: date: found a time; expected a date",
    );
    expect(
      formatProblem({ file: "f.md", field: "titel", value: 1, expected: "did you mean title?", unknownField: true }),
    ).toBe("f.md: titel: unknown field; did you mean title?");
  });

  it("count problems and files, and no files for the plugin's options", () => {
    const problem = (file: string) => ({ file, field: "x", value: 1, expected: "y" });
    expect(new EditionValidationError([problem("a.md")]).message.split("\n")[0]).toBe(
      "[documentary-edition] 1 problem in the edition (1 file); the build stopped before writing any page:",
    );
    const two = new EditionValidationError(
      [problem("a.md"), problem("b.md"), problem("a.md")],
      "the register",
      "fix it",
    );
    expect(two.message).toBe(
      [
        "[documentary-edition] 3 problems in the register (2 files); fix it:",
        "  - a.md: x: found 1; expected y",
        "  - b.md: x: found 1; expected y",
        "  - a.md: x: found 1; expected y",
      ].join("\n"),
    );
    expect(two.name).toBe("EditionValidationError");
    expect(new EditionValidationError([problem("plugin options")], "the plugin options").message.split("\n")[0]).toBe(
      "[documentary-edition] 1 problem in the plugin options; the build stopped before writing any page:",
    );
  });
});

describe("ids", () => {
  it("make one hyphen of each run of characters an id cannot hold, and start an id with a letter", () => {
    expect(documentId("talks/a b//c")).toBe("talks-a-b-c");
    expect(documentId("talks/a.b")).toBe("talks-a-b");
    expect(documentId("/x")).toBe("d-x");
    expect(documentId("1979/x")).toBe("d1979-x");
    expect(documentId("lê-duẩn/thư")).toBe("lê-duẩn-thư");
  });

  it("name the notes heading of a document, or the notes alone", () => {
    expect(notesId("e-d")).toBe("e-d-notes");
    expect(notesId(undefined)).toBe("notes");
  });
});

describe("names, addresses and languages", () => {
  it("suggest the known name a misspelling, a swap of two letters or a name cut short means", () => {
    const known = ["title", "date", "classification", "callNumber", "collection"];
    expect(nearestName("tilte", known)).toBe("title");
    expect(nearestName("clasification", known)).toBe("classification");
    expect(nearestName("coll", known)).toBe("collection");
    expect(nearestName("col", known)).toBe("collection");
    expect(nearestName("c", known)).toBeUndefined();
    expect(nearestName("dtae", known)).toBe("date");
    expect(nearestName("zzzzzz", known)).toBeUndefined();
    expect(nearestName("dat", ["date", "data"])).toBe("date");
  });

  it("take a language tag only as written, without spaces, and name it", () => {
    expect(isKnownLanguage("zh")).toBe(true);
    for (const tag of [" zh", "zh ", "", "not a tag", 7]) expect(isKnownLanguage(tag), String(tag)).toBe(false);
    expect(languageName("zh", "fr")).toBe("chinois");
    expect(languageName("zh", "en")).toBe("Chinese");
    expect(languageName("qqq-not-real-tag", "en")).toBe("qqq-not-real-tag");
  });
});

describe("front matter errors", () => {
  const minimal = (extra: Record<string, unknown>) => ({ title: "T", date: "1979-04-16", ...extra });
  const problem = (extra: Record<string, unknown>) =>
    errorOf(() => build([source("e/d", minimal(extra))])).split("\n")[1];

  it("say what a field expects, in the editor's words", () => {
    expect(problem({ dateApproximate: "yes" })).toBe(
      '  - editions/e/d.md: dateApproximate: found "yes"; expected true or false',
    );
    expect(problem({ source: "Archive" })).toBe(
      '  - editions/e/d.md: source: found "Archive"; expected a group with title, publisher, url and accessed',
    );
    expect(problem({ source: { title: "S", url: "ftp://x.org/" } })).toBe(
      '  - editions/e/d.md: source.url: found "ftp://x.org/"; expected a web address starting with https:// or http://',
    );
    expect(problem({ source: { title: "S", url: "not a url" } })).toContain(
      "expected a web address starting with https:// or http://",
    );
    expect(problem({ telegram: { lines: "x" } })).toBe(
      '  - editions/e/d.md: telegram.lines: found "x"; expected a list of lines',
    );
    expect(problem({ telegram: { labels: "x" } })).toBe(
      '  - editions/e/d.md: telegram.labels: found "x"; expected a group of labels, such as { device: "Device No." }',
    );
    expect(problem({ recipients: [] })).toBe(
      "  - editions/e/d.md: recipients: found []; expected a list of at least 1 item",
    );
  });

  it("accept an http address as a source", () => {
    expect(
      build([source("e/d", minimal({ source: { title: "S", url: "http://x.org/" } }))]).documents[0]!.source?.url,
    ).toBe("http://x.org/");
  });

  it("point a date with a time of day to the time field, and a date alone to its form", () => {
    expect(problem({ date: "1979-04-16 10:00" })).toContain('with the time in a field of its own (time: "10:00")');
    expect(problem({ date: "1979-04-16T10:00" })).toContain('with the time in a field of its own (time: "10:00")');
    expect(problem({ date: "April 1979" })).not.toContain("time in a field");
    expect(problem({ date: 1979.5 })).not.toContain("time in a field");
  });

  it("refuse a front matter with no fields and a document named register", () => {
    const empty = { ...source("e/d", {}), frontMatterKeys: [] };
    expect(errorOf(() => build([empty]))).toContain(
      "editions/e/d.md: (front matter): found none; expected front matter at the top of the file",
    );
    expect(errorOf(() => build([source("e/register", minimal({}))]))).toContain(
      'editions/e/register.md: (file name): found "register.md"; expected another name',
    );
  });
});

describe("editions in order", () => {
  it("order editions by their order, then title, and name an edition without index from its folder", () => {
    const { editions } = build(
      [
        source("zeta_talks/a", { title: "A", date: "1979" }),
        source("alpha/a", { title: "A", date: "1979" }),
        source("mid/a", { title: "A", date: "1979" }),
      ],
      [source("mid/index", { title: "Mid", order: 1 })],
    );
    expect(editions.map((e) => e.title)).toEqual(["Mid", "Alpha", "Zeta talks"]);
    expect(editions[1]!.editors).toEqual([]);
    expect(editions[1]!.register).toEqual([]);
  });

  it("number documents by date, then file, and link each to its neighbours only", () => {
    const { documents } = build([
      source("e/c", { title: "C", date: "1979-04-16" }),
      source("e/b", { title: "B", date: "1979-04-16" }),
      source("e/a", { title: "A", date: "1980" }),
    ]);
    const byNumber = [...documents].sort((x, y) => Number(x.number) - Number(y.number)).map((d) => d.title);
    expect(byNumber).toEqual(["B", "C", "A"]);
    const first = documents.find((d) => d.title === "B")!;
    const last = documents.find((d) => d.title === "A")!;
    expect(first.previous).toBeUndefined();
    expect(first.next?.title).toBe("C");
    expect(last.next).toBeUndefined();
    expect(last.previous?.title).toBe("C");
  });
});

describe("the register files", () => {
  it("refuse a register that is not a group of files, and a kind that is not a group of entries", () => {
    expect(validateRegister(undefined, "_data/register").problems).toEqual([]);
    for (const raw of ["x", null, 3]) {
      expect(
        validateRegister(raw, "_data/register").problems.map((p) => p.expected),
        String(raw),
      ).toEqual(["files people.json, places.json, subjects.json, terms.json in _data/register/"]);
    }
    const { problems, register } = validateRegister(
      { people: "x", places: { hanoi: "Hanoi", ok: { name: "Ok" } } },
      "_data/register",
    );
    expect(problems.map((p) => p.file)).toEqual(["_data/register/people.json", "_data/register/places.json"]);
    expect(problems[0]!.field).toBe("(entries)");
    expect(problems[1]!.field.startsWith("hanoi")).toBe(true);
    expect(Object.keys(register.places ?? {})).toEqual(["ok"]);
  });
});

describe("the JSON schemas", () => {
  it("describe every field of a document for editors' tools", () => {
    const { document, edition, part } = jsonSchemas(SETTINGS);
    const properties = (document as { properties: Record<string, { description?: string }> }).properties;
    for (const name of [
      "title",
      "dateApproximate",
      "type",
      "author",
      "archive",
      "collection",
      "callNumber",
      "pages",
      "source",
      "sourceNote",
      "telegram",
      "number",
      "participants",
      "subject",
      "place",
      "attachments",
    ]) {
      expect(properties[name]?.description, name).toMatch(/\w{3}/);
    }
    expect(Object.keys((edition as { properties: object }).properties)).toEqual(
      expect.arrayContaining(["order", "editors", "numberSourceNote"]),
    );
    expect(Object.keys((part as { properties: object }).properties)).toEqual(["title", "order"]);
  });
});
