import { describe, expect, it } from "vitest";
import { EditionValidationError } from "../src/model/errors.js";
import { buildEditions, type SourceFile } from "../src/model/edition.js";
import { build, CABLE_PATH, errorOf, frontMatter, SETTINGS, source } from "./helpers/model.js";

const REGISTER = {
  people: { "han-nianlong": { name: "Han Nianlong" }, "le-duan": { name: "Le Duan" } },
  places: {
    hanoi: { name: "Hanoi" },
    fujian: { name: "Fujian" },
    cambodia: { name: "Cambodia" },
    laos: { name: "Laos" },
  },
  subjects: { "sino-vietnamese-relations": { name: "x" }, negotiations: { name: "y" } },
};

const minimal = (extra: Record<string, unknown> = {}) => ({ title: "A letter", date: "1979-04-16", ...extra });

describe("model objects", () => {
  it("are plain objects, or made with the prototype their host gives", () => {
    const files: [SourceFile[], SourceFile[]] = [[source("e/d", minimal())], [source("e/index", { title: "E" })]];
    const plain = build(...files);
    expect(Object.getPrototypeOf(plain.documents[0])).toBe(Object.prototype);
    class Host {}
    const hosted = buildEditions(...files, {}, { ...SETTINGS, prototype: Host.prototype });
    expect(hosted.documents[0]).toBeInstanceOf(Host);
    expect(hosted.editions[0]).toBeInstanceOf(Host);
    // An edition made from its folder alone, too.
    const unnamed = buildEditions([source("f/d", minimal())], [], {}, { ...SETTINGS, prototype: Host.prototype });
    expect(unnamed.editions[0]).toBeInstanceOf(Host);
  });
});

describe("the document schema", () => {
  it("accepts the cable's front matter and keeps its record", () => {
    const model = build([source("talks/cable", frontMatter(CABLE_PATH))], [], REGISTER);
    const [doc] = model.documents;
    expect(doc?.title).toBe(
      "Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam'",
    );
    expect(doc?.date).toMatchObject({ year: 1979, month: 4, day: 16, iso: "1979-04-16", approximate: false });
    expect(doc?.type).toBe("telegram");
    expect(doc?.archive).toBe("Fujian Provincial Archives");
    expect(doc?.callNumber).toBe("222-12-287");
    expect(doc?.pages).toBe("10-12");
    expect(doc?.originalLanguage).toBe("zh");
    expect(doc?.translation).toEqual({ language: "en", translator: ["David Cowhig"] });
    expect(doc?.source?.url).toBe("https://wilson-center-digital-archive.dvincitest.com/document/291001");
    expect(doc?.people).toEqual(["han-nianlong", "le-duan"]);
  });

  it.each([
    ["a year and month", { date: "1979-04" }, { year: 1979, month: 4, iso: "1979-04" }],
    ["a year as a number, as YAML reads `date: 1979`", { date: 1979 }, { year: 1979, iso: "1979" }],
    ["a year as text", { date: "1979" }, { year: 1979, iso: "1979" }],
    ["a YAML date", { date: new Date(Date.UTC(1979, 3, 16)) }, { day: 16, iso: "1979-04-16" }],
    ["an approximate date", { date: "1979", dateApproximate: true }, { approximate: true }],
    ["a time with a zone", { time: "14:30", timeZone: "Asia/Shanghai" }, { time: "14:30", timeZone: "Asia/Shanghai" }],
    ["a time with a fixed offset", { time: "09:05:10", timeZone: "UTC+8" }, { time: "09:05:10" }],
  ])("accepts %s", (_name, extra, expected) => {
    const [doc] = build([source("e/d", minimal(extra))]).documents;
    expect(doc?.date).toMatchObject(expected);
  });

  it("accepts one recipient or several, and one translator or several", () => {
    const [many, one] = build([
      source("e/one", minimal({ recipients: "Embassy in Hanoi", translation: { language: "en", translator: "A" } })),
      source(
        "e/many",
        minimal({
          recipients: ["Embassy in Hanoi", "Consulate in Ho Chi Minh City"],
          translation: { language: "en", translator: ["A", "B"] },
        }),
      ),
    ]).documents;
    expect(one?.recipients).toEqual(["Embassy in Hanoi"]);
    expect(many?.recipients).toEqual(["Embassy in Hanoi", "Consulate in Ho Chi Minh City"]);
    expect(many?.translation?.translator).toEqual(["A", "B"]);
  });

  it("reads unknown for an archive, a call number or a translator as not known (null), not as a name", () => {
    const [doc] = build([
      source(
        "e/d",
        minimal({ archive: "unknown", callNumber: "unknown", translation: { language: "en", translator: "unknown" } }),
      ),
    ]).documents;
    expect(doc?.archive).toBeNull();
    expect(doc?.callNumber).toBeNull();
    expect(doc?.translation?.translator).toBeNull();
    // In any case: "Unknown" is the same statement, not an archive of that name.
    const [capital] = build([source("e/c", minimal({ archive: "Unknown", callNumber: "UNKNOWN" }))]).documents;
    expect([capital?.archive, capital?.callNumber]).toEqual([null, null]);
    // Left out, they stay absent: "unknown" is the editor's statement, absence says nothing.
    const [bare] = build([source("e/b", minimal({ translation: { language: "en" } }))]).documents;
    expect([bare?.archive, bare?.callNumber, bare?.translation?.translator]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    [
      "an unknown translator among named ones",
      { translation: { language: "en", translator: ["A", "Unknown"] } },
      'translation.translator: found ["A","Unknown"]; expected the translators\' names, or unknown alone',
    ],
    ["an archive written as a number", { archive: 12 }, "archive: found 12; expected text, or unknown"],
    [
      "a call number written as a list",
      { callNumber: ["1", "2"] },
      'callNumber: found ["1","2"]; expected text or a number, or unknown',
    ],
    [
      "an impossible date",
      { date: "1979-02-30" },
      'date: found "1979-02-30"; expected a real calendar date written YYYY-MM-DD',
    ],
    ["a date in words", { date: "April 1979" }, 'date: found "April 1979"; expected a real calendar date'],
    ["a month 13", { date: "1979-13" }, 'date: found "1979-13"; expected a real calendar date'],
    [
      "a YAML date-time",
      { date: new Date(Date.UTC(1979, 3, 16, 14, 30)) },
      'date: found "1979-04-16T14:30:00.000Z"; expected a real calendar date',
    ],
    ["a missing title", { title: undefined }, "title: found nothing (the field is missing); expected text"],
    ["an empty title", { title: "  " }, 'title: found "  "; expected text that is not empty'],
    [
      "an unknown language",
      { originalLanguage: "xx" },
      'originalLanguage: found "xx"; expected a BCP 47 language tag for a known language',
    ],
    [
      "a malformed language tag",
      { translation: { language: "english" } },
      'translation.language: found "english"; expected a BCP 47 language tag',
    ],
    ["a number for recipients", { recipients: 5 }, "recipients: found 5; expected text, or a list of texts"],
    [
      "an unknown document type",
      { type: "tweet" },
      'type: found "tweet"; expected one of the site\'s document types: "telegram", "memorandum"',
    ],
    [
      "a javascript: URL",
      { source: { title: "S", url: "javascript:alert(1)" } },
      'source.url: found "javascript:alert(1)"; expected a web address starting with https:// or http://',
    ],
    [
      "a misspelt source field",
      { source: { title: "S", adress: "x" } },
      "source.adress: unknown field; one of the known fields: title, publisher, url, accessed",
    ],
    [
      "a time with a partial date",
      { date: "1979-04", time: "14:30" },
      'time: found "14:30"; expected no time unless the date is a full date',
    ],
    [
      "a time zone without a time",
      { timeZone: "Asia/Shanghai" },
      'timeZone: found "Asia/Shanghai"; expected a time zone only together with a time',
    ],
    [
      "an unknown time zone",
      { time: "10:00", timeZone: "Mars/Olympus" },
      'timeZone: found "Mars/Olympus"; expected a time zone name',
    ],
    ["a time out of range", { time: "25:00" }, 'time: found "25:00"; expected a time of day written "HH:MM"'],
    [
      "a translation written as text",
      { translation: "English" },
      'translation: found "English"; expected a group with language and translator',
    ],
    [
      "a translation without its language",
      { translation: { translator: "A" } },
      "translation.language: found nothing (the field is missing); expected a BCP 47 language tag",
    ],
    ["pages as a list", { pages: [10, 12] }, "pages: found [10,12]; expected text or a number"],
    ["people as text", { people: "han-nianlong" }, 'people: found "han-nianlong"; expected a list of register keys'],
    [
      "a register key with spaces",
      { people: ["Han Nianlong"] },
      'people.0: found "Han Nianlong"; expected a register key: letters, digits',
    ],
    [
      "a source without a title",
      { source: { url: "https://example.org" } },
      "source.title: found nothing (the field is missing); expected text",
    ],
    [
      "an accessed date that is partial",
      { source: { title: "S", accessed: "2026-11" } },
      'source.accessed: found "2026-11"; expected a full date written YYYY-MM-DD',
    ],
    [
      "a flag that is not a boolean",
      { dateApproximate: "yes" },
      'dateApproximate: found "yes"; expected true or false',
    ],
  ])("rejects %s, naming file, field, value and what was expected", (_name, extra, message) => {
    const text = errorOf(() => build([source("talks/bad", minimal(extra))]));
    expect(text).toContain(`editions/talks/bad.md: ${message}`);
  });

  it("rejects a register key the register does not hold, and lists the keys it does", () => {
    const text = errorOf(() =>
      build([source("e/d", minimal({ people: ["han-nianlong", "han-nian-long"] }))], [], REGISTER),
    );
    expect(text).toContain(
      'editions/e/d.md: people.1: found "han-nian-long"; expected a key of the people register in _data/register/people.* (han-nianlong, le-duan)',
    );
  });

  it("says so when a document names people but the site has no people register", () => {
    const text = errorOf(() => build([source("e/d", minimal({ places: ["hanoi"] }))]));
    expect(text).toContain(
      'places.0: found "hanoi"; expected a key of a places register, but the site has none: add _data/register/places.json',
    );
  });
});

describe("editions", () => {
  it("orders documents by date, partial dates first in their period, and numbers them 1..n", () => {
    const model = build(
      [
        source("talks/c", minimal({ title: "C", date: "1979-04-16", time: "09:00" })),
        source("talks/a", minimal({ title: "A", date: "1979-04" })),
        source("talks/d", minimal({ title: "D", date: "1979-05-01" })),
        source("talks/b", minimal({ title: "B", date: "1979-04-16" })),
        source("other/x", minimal({ title: "X", date: "1978" })),
      ],
      [source("talks/index", { title: "The Talks", editors: "An Editor", order: 1 })],
    );
    const talks = model.editions.find((e) => e.slug === "talks");
    expect(talks?.title).toBe("The Talks");
    expect(talks?.editors).toEqual([{ name: "An Editor" }]);
    expect(talks?.url).toBe("/editions/talks/index/");
    expect(talks?.documents.map((d) => `${d.number}${d.title}`)).toEqual(["1A", "2B", "3C", "4D"]);
    expect(talks?.documents[1]?.previous?.title).toBe("A");
    expect(talks?.documents[1]?.next?.title).toBe("C");
    expect(talks?.documents[0]?.previous).toBeUndefined();
    expect(talks?.documents[3]?.next).toBeUndefined();
    // An edition without an index file still has a title and a page.
    const other = model.editions.find((e) => e.slug === "other");
    expect(other).toMatchObject({ title: "Other", url: "/editions/other/" });
    expect(other?.documents[0]?.number).toBe("1");
    // Editions with an order come first; `documents` follows the editions' order.
    expect(model.editions.map((e) => e.slug)).toEqual(["talks", "other"]);
    expect(model.documents.map((d) => d.title)).toEqual(["A", "B", "C", "D", "X"]);
    expect(model.byInputPath.get("./editions/talks/c.md")?.number).toBe("3");
  });

  it("breaks a tie on the same date by file name, so the numbering is stable", () => {
    const titles = (ids: string[]) =>
      build(ids.map((id) => source(id, minimal({ title: id })))).documents.map((d) => d.title);
    expect(titles(["e/b", "e/a", "e/c"])).toEqual(["e/a", "e/b", "e/c"]);
    expect(titles(["e/c", "e/b", "e/a"])).toEqual(["e/a", "e/b", "e/c"]);
  });

  it("reports every problem in every document of the edition at once", () => {
    let error: EditionValidationError | undefined;
    try {
      build(
        [
          source("talks/one", { date: "1979-02-30" }),
          source("talks/two", minimal({ originalLanguage: "klingon", recipients: 7 })),
          source("talks/fine", minimal()),
        ],
        [source("talks/index", { subtitle: "No title" })],
      );
    } catch (e) {
      error = e as EditionValidationError;
    }
    expect(error).toBeInstanceOf(EditionValidationError);
    expect(error?.problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      "editions/talks/index.md title",
      "editions/talks/one.md title",
      "editions/talks/one.md date",
      "editions/talks/two.md recipients",
      "editions/talks/two.md originalLanguage",
    ]);
    expect(error?.message).toMatch(/^\[documentary-edition\] 5 problems in the edition \(3 files\)/);
  });
});
