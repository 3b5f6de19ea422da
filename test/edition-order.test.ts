import { describe, expect, it } from "vitest";
import { build, errorOf, source } from "./helpers/model.js";

const doc = (title: string, extra: Record<string, unknown> = {}) => ({ title, date: "1970-01-01", ...extra });

describe("an edition's numbers", () => {
  it("order the documents and are kept as the editor wrote them, 57a after 57 and 9 before 10", () => {
    const model = build([
      source("frus/d10", doc("Ten", { number: 10, date: "1969-01-01" })),
      source("frus/d57a", doc("Fifty-seven a", { number: "57a" })),
      source("frus/d9", doc("Nine", { number: 9, date: "1971-01-01" })),
      source("frus/d57", doc("Fifty-seven", { number: "57" })),
    ]);
    const edition = model.editions[0]!;
    expect(edition.numbered).toBe(true);
    expect(edition.documents.map((d) => `${d.number} ${d.title}`)).toEqual([
      "9 Nine",
      "10 Ten",
      "57 Fifty-seven",
      "57a Fifty-seven a",
    ]);
    expect(edition.documents[1]?.previous?.number).toBe("9");
    expect(edition.documents[1]?.next?.number).toBe("57");
  });

  it("are unique in an edition: the second file is told which file has the number", () => {
    const message = errorOf(() =>
      build([source("frus/a", doc("A", { number: 57 })), source("frus/b", doc("B", { number: "57" }))]),
    );
    expect(message).toContain("editions/frus/b.md");
    expect(message).toContain("number");
    expect(message).toContain("editions/frus/a.md has number 57");
    // Another edition may use the same number.
    expect(() =>
      build([source("frus/a", doc("A", { number: 57 })), source("other/b", doc("B", { number: 57 }))]),
    ).not.toThrow();
  });

  it("are given to every document of an edition or to none: the unnumbered are named", () => {
    const message = errorOf(() =>
      build([source("frus/a", doc("A", { number: 1 })), source("frus/b", doc("B")), source("frus/c", doc("C"))]),
    );
    expect(message).toContain("editions/frus/b.md");
    expect(message).toContain("editions/frus/c.md");
    expect(message).toContain("an edition numbers all its documents or none");
    expect(message).toContain("editions/frus/a.md has number: 1");
  });

  it("are digits, perhaps with one lowercase letter", () => {
    for (const bad of ["57A", "0", "a57", "57-58", 3.5, -1, true]) {
      const message = errorOf(() => build([source("frus/a", doc("A", { number: bad }))]));
      expect(message, String(bad)).toContain("editions/frus/a.md");
      expect(message, String(bad)).toContain("a document number: digits, perhaps followed by one lowercase letter");
    }
  });

  it("leave an unnumbered edition numbered by date, as before", () => {
    const model = build([source("e/b", doc("B", { date: "1980" })), source("e/a", doc("A", { date: "1979" }))]);
    expect(model.editions[0]?.numbered).toBe(false);
    expect(model.documents.map((d) => `${d.number} ${d.title}`)).toEqual(["1 A", "2 B"]);
  });
});

describe("an edition's parts", () => {
  const parts = [
    source("frus/comp1/index", { title: "Korea" }),
    source("frus/comp1/ch2/index", { title: "Troop Reductions" }),
    source("frus/comp1/ch1/index", { title: "The Shootdown" }),
  ];

  it("hold the documents of their folders, nested, ordered by their first document, read depth first", () => {
    const model = build(
      [
        source("frus/comp1/ch2/d45", doc("Forty-five", { number: 45 })),
        source("frus/comp1/ch1/d44", doc("Forty-four", { number: 44 })),
        source("frus/comp1/ch2/notes/d46", doc("Forty-six", { number: 46 })),
        source("frus/d1", doc("One", { number: 1 })),
      ],
      [source("frus/index", { title: "FRUS" }), ...parts],
    );
    const edition = model.editions[0]!;
    expect(edition.parts.map((p) => p.title)).toEqual(["Korea"]);
    const korea = edition.parts[0]!;
    expect(korea.parts.map((p) => `${p.id} ${p.title}`)).toEqual([
      "part-comp1--ch1 The Shootdown",
      "part-comp1--ch2 Troop Reductions",
    ]);
    expect(korea.parts[1]?.parent).toBe(korea);
    // A folder without an index file is no part: its documents belong to the part above it.
    expect(korea.parts[1]?.documents.map((d) => d.number)).toEqual(["45", "46"]);
    expect(edition.documents.map((d) => d.number)).toEqual(["1", "44", "45", "46"]);
    expect(edition.documents[0]?.part).toBeUndefined();
    expect(edition.documents[1]?.part?.title).toBe("The Shootdown");
    expect(edition.documents[2]?.previous?.number).toBe("44");
    expect(model.partsByInputPath.get("./editions/frus/comp1/ch1/index.md")?.title).toBe("The Shootdown");
  });

  it("keep an order of the editor's own, and then number an unnumbered edition in the parts' order", () => {
    const model = build(
      [source("e/later/a", doc("A", { date: "1960" })), source("e/earlier/b", doc("B", { date: "1970" }))],
      [
        source("e/later/index", { title: "Later", order: 2 }),
        source("e/earlier/index", { title: "Earlier", order: 1 }),
      ],
    );
    expect(model.editions[0]?.parts.map((p) => p.title)).toEqual(["Earlier", "Later"]);
    expect(model.editions[0]?.documents.map((d) => `${d.number} ${d.title}`)).toEqual(["1 B", "2 A"]);
  });

  it("must follow the numbers: a document filed in the wrong chapter is named", () => {
    const message = errorOf(() =>
      build(
        [
          source("frus/comp1/ch1/d44", doc("Forty-four", { number: 44 })),
          source("frus/comp1/ch1/d46", doc("Forty-six", { number: 46 })),
          source("frus/comp1/ch2/d45", doc("Forty-five", { number: 45 })),
        ],
        parts,
      ),
    );
    expect(message).toContain("editions/frus/comp1/ch2/d45.md");
    expect(message).toContain(
      'a number after 46, the number of editions/frus/comp1/ch1/d46.md in part "The Shootdown"',
    );
  });

  it("have a title: a part's index file without one is named", () => {
    const message = errorOf(() => build([], [source("frus/comp1/index", { order: 1 })]));
    expect(message).toContain("editions/frus/comp1/index.md");
    expect(message).toContain("title");
  });
});

describe("a part's id", () => {
  it("is its folders joined with --, and never one id for two folders", async () => {
    const { partId } = await import("../src/model/order.js");
    expect(partId("comp1/ch2")).toBe("part-comp1--ch2");
    expect(partId("ch-2")).toBe("part-ch-2");
    const odd = ["a--b", "a/b", "a-/b", "a/-b", "a_b", "a.b", "a b"].map(partId);
    expect(new Set(odd).size).toBe(odd.length);
    for (const id of odd) expect(id).toMatch(/^part-[A-Za-z0-9_.-]+$/);
  });
});

describe("a document's number in its JSON-LD", () => {
  it("is schema.org's integer position where it is digits, and text where it carries a letter", async () => {
    const { jsonLd } = await import("../src/citation/metadata.js");
    const { citationRecord } = await import("../src/citation/record.js");
    const model = build([source("frus/a", doc("A", { number: 57 })), source("frus/b", doc("B", { number: "57a" }))]);
    const position = (i: number) =>
      jsonLd(citationRecord(model.documents[i]!), model.documents[i]!, { locale: "en-US" }).position;
    expect(position(0)).toBe(57);
    expect(position(1)).toBe("57a");
  });
});
