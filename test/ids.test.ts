// One id for one thing: a register entry, a mention, a page break and a note each get their id
// from src/model/ids.ts, and the HTML page, the register page and the TEI export agree on it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { breakId, documentId, entryId, keyPart, mentionId, noteId } from "../src/model/ids.js";
import { build, errorOf, source } from "./helpers/model.js";
import { brokenLinks } from "./helpers/links.js";
import { buildSite, type BuiltSite } from "./helpers/site.js";

const KEYS = ["le.duan", "le-duan", "Le-Duan", "lê-duẩn", "le_duan"];
/** XML 1.0 NCName, fifth edition, and what jing (fourth edition) accepts for the letters ids keep. */
// eslint-disable-next-line no-misleading-character-class -- combining marks may follow a letter in a name
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
/** `registerKey` in src/model/schema.ts. */
const REGISTER_KEY = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

describe("a register entry's id", () => {
  it("keeps a key's full stops, underscores, capitals and Vietnamese letters", () => {
    expect(KEYS.map((key) => entryId("people", key))).toEqual([
      "person-le.duan",
      "person-le-duan",
      "person-Le-Duan",
      "person-lê-duẩn",
      "person-le_duan",
    ]);
    expect(entryId("person", "han-nianlong")).toBe("person-han-nianlong");
    expect(entryId("places", "hanoi")).toBe("place-hanoi");
    expect(entryId("subjects", "border")).toBe("subject-border");
    expect(entryId("terms", "federation")).toBe("term-federation");
  });

  it("writes in hex, after a '_' no valid key starts with, a key an id cannot hold as it is", () => {
    expect(keyPart("a/b")).toBe("_a_2f_b");
    expect(keyPart("a b_c")).toBe("_a_20_b_5f_c");
    expect(keyPart("ǅ")).toBe("__1c5_");
    expect(keyPart("𠀀")).toBe("__20000_");
    expect(keyPart("-x")).toBe("_-x");
  });

  it("is never shared by two keys, and is always an NCName", () => {
    const ids = KEYS.map((key) => entryId("people", key));
    expect(new Set(ids).size).toBe(KEYS.length);
    // Every string of up to three characters from an alphabet of the troublesome ones: what the
    // escape writes ("_2f_") beside what it escapes ("/"), letters an id keeps and letters it cannot.
    const ALPHABET = ["a", "A", "ê", "ǅ", "𠀀", "_", "-", ".", "/", " ", "1", "2", "f", "#"];
    let keys = [""];
    const all: string[] = [];
    for (let length = 1; length <= 3; length++) {
      keys = keys.flatMap((k) => ALPHABET.map((c) => k + c));
      all.push(...keys);
    }
    const seen = new Map<string, string>();
    for (const key of all) {
      const id = entryId("people", key);
      expect(NCNAME.test(id), id).toBe(true);
      expect(seen.get(id), `${JSON.stringify(key)} and ${JSON.stringify(seen.get(id))} share ${id}`).toBeUndefined();
      seen.set(id, key);
      // A key an editor may write is its own id part, unless it holds a letter the id cannot keep.
      if (REGISTER_KEY.test(key) && !/[ǅ𠀀]/u.test(key)) expect(keyPart(key)).toBe(key);
    }
    expect(seen.size).toBe(all.length);
  });
});

describe("a document's ids", () => {
  it("start with the document's id, which keeps the sample's ids and starts with a letter", () => {
    expect(documentId("sino-vietnamese-talks-1979/1979-04-16-notice-on-talks")).toBe(
      "sino-vietnamese-talks-1979-1979-04-16-notice-on-talks",
    );
    expect(documentId("talks/cable v2.final")).toBe("talks-cable-v2-final");
    expect(documentId("1979/cable")).toBe("d1979-cable");
    expect(documentId("thư/lê")).toBe("thư-lê");
    expect(mentionId("talks-cable", "person", "le.duan", 2)).toBe("talks-cable-person-le.duan-2");
    expect(breakId("talks-cable", "page", "11")).toBe("talks-cable-page-11");
    expect(breakId("talks-cable", "folio", "3r")).toBe("talks-cable-folio-3r");
    expect(breakId(undefined, "page", "11 bis")).toBe("page-_11_20_bis");
    // A page of the printed volume has ids of its own: no page of the original shares one.
    expect(breakId("talks-cable", "printed-page", "118")).toBe("talks-cable-printed-page-118");
    expect(breakId(undefined, "printed-page", "12")).not.toBe(breakId(undefined, "page", "12"));
    expect(breakId("d", "page", "printed-118")).not.toBe(breakId("d", "printed-page", "118"));
    expect([
      noteId("talks-cable", 1),
      noteId("talks-cable", 1, "fnref", 2),
      noteId("talks-cable", 1, "sn"),
      noteId(undefined, 3),
    ]).toEqual(["fn-talks-cable-1", "fnref-talks-cable-1:2", "sn-talks-cable-1", "fn3"]);
  });

  it("is an error where two documents' paths give one id", () => {
    const a = source("talks/a-b", { title: "A", date: "1979" });
    const b = source("talks/a/b", { title: "B", date: "1979" });
    expect(errorOf(() => build([a, b]))).toContain(
      `editions/talks/a/b.md: (file name): found "talks/a/b"; expected a path whose id ("talks-a-b") differs from editions/talks/a-b.md's: rename one of the two files`,
    );
  });
});

describe("ids in a built site whose register keys differ by a full stop, a hyphen, a capital or a letter", () => {
  const FIXTURE = "test/fixtures/ids";
  const REGISTER = "/editions/names/register/";
  let site: BuiltSite;
  let page: string;
  let register: string;
  let tei: string;
  beforeAll(async () => {
    site = await buildSite(FIXTURE, `${FIXTURE}/eleventy.config.js`);
    page = site.read("/editions/names/letter/");
    register = site.read(REGISTER);
    tei = site.read("/editions/names/letter/document.xml");
  }, 60_000);

  it("gives each entry its own id, the same on the page, the register page and in the TEI", () => {
    for (const key of KEYS) {
      const entry = entryId("people", key);
      const mention = mentionId("names-letter", "person", key, 1);
      // The register page: the entry, and its link back to the mention.
      expect(register).toContain(`<div class="de-register-entry" id="${entry}">`);
      expect(register).toContain(`<a href="/editions/names/letter/#${mention}">`);
      // The document's page: the mention, with that id, linking to the entry.
      expect(page).toContain(`id="${mention}" href="${REGISTER}#${entry}"`);
      // The TEI: the same id, and @ref to the same entry.
      expect(tei).toContain(`<persName xml:id="${mention}" ref="${REGISTER}#${entry}">`);
    }
    expect(new Set(KEYS.map((key) => entryId("people", key))).size).toBe(5);
  });

  it("gives page breaks and notes the same ids on the page and in the TEI", () => {
    expect(page).toContain('id="names-letter-page-2"');
    expect(tei).toContain('<pb n="2" xml:id="names-letter-page-2"/>');
    expect(page).toContain('id="names-letter-folio-3r"');
    expect(tei).toContain('<pb n="3r" type="folio" xml:id="names-letter-folio-3r"/>');
    expect(page).toContain('<li id="fn-names-letter-1"');
    expect(tei).toContain('<note type="editorial" n="1" xml:id="fn-names-letter-1">');
    // A mention in a note: its id once on the page (on the endnote), once in the TEI.
    const inNote = mentionId("names-letter", "person", "lê-duẩn", 2);
    expect(page.split(`id="${inNote}"`)).toHaveLength(2);
    expect(tei).toContain(`<persName xml:id="${inNote}"`);
  });

  it("has no link whose page or fragment is missing", () => {
    expect(brokenLinks(site.output)).toEqual([]);
  });

  it("has no id twice on a page", () => {
    for (const html of [page, register]) {
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  const JING = "/usr/bin/jing";
  it.skipIf(!existsSync(JING))("is valid TEI, its xml:ids included", () => {
    const files = ["editions/names/letter/document.xml", "editions/names/corpus.xml"].map((f) =>
      path.join(site.output, f),
    );
    expect(() =>
      execFileSync(JING, [process.env.TEI_SCHEMA ?? path.resolve("../shared/schemas/tei_all.rng"), ...files], {
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ).not.toThrow();
  });
});
