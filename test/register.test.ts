import { describe, expect, it } from "vitest";
import { referencePieces, scanMentions, validateRegister } from "../src/model/register.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { markRenderer } from "../src/render/marks.js";
import { editionRegisterHtml } from "../src/render/register.js";
import MarkdownIt from "markdown-it";
import { documentaryMarkdown } from "../src/markdown/index.js";
import { build, errorOf, source } from "./helpers/model.js";
import { markdown } from "./helpers/markdown.js";
import { blocks } from "./helpers/site.js";

const REGISTER = {
  people: {
    "le-duan": { name: "Le Duan", identification: "General Secretary", references: "A book" },
    "han-nianlong": { name: "Han Nianlong", identification: "<b>Vice</b> Foreign Minister" },
  },
  terms: { "indochinese-federation": { name: "Indochinese Federation" } },
  places: { hanoi: { name: "Hanoi" } },
};

/** markdown-it as the plugin sets it up, for a document "talks/cable" of an edition with a register. */
function cableMarkdown(): MarkdownIt {
  const md = new MarkdownIt();
  documentaryMarkdown(md, {
    docIdFor: () => "talks-cable",
    marks: markRenderer(DEFAULT_LABELS, () => "/editions/talks/register/"),
    references: () => ({ expected: "no references here" }),
    notes: { labels: DEFAULT_LABELS, sourceNote: () => undefined },
    rendered: () => undefined,
    problems: (_env, problems) => {
      if (problems[0]) throw problems[0];
    },
  });
  return md;
}

describe("mentions", () => {
  it("are read from the text in order, with their line and occurrence, skipping escaped braces", () => {
    expect(
      scanMentions(
        "{person han-nianlong: Han}\n\nthe {person le-duan: Le Duan} clique and\n{person han-nianlong: him} \\{person x: not} {supplied: no}",
      ),
    ).toEqual([
      { kind: "person", key: "han-nianlong", occurrence: 1, line: 1 },
      { kind: "person", key: "le-duan", occurrence: 1, line: 3 },
      { kind: "person", key: "han-nianlong", occurrence: 2, line: 4 },
    ]);
  });

  it("must name a key of the register, reported with the file and line before anything is written", () => {
    const doc = source("e/d", { title: "T", date: "1979" });
    doc.text = "First line.\n\nThe {person han-nian-long: Han} clique.";
    doc.bodyOffset = () => 5;
    expect(errorOf(() => build([doc], [], REGISTER))).toContain(
      'editions/e/d.md: line 8: found "han-nian-long"; expected a key of the people register in _data/register/people.* (le-duan, han-nianlong)',
    );
  });

  it("render as links to the register entry, each with an id the register links back to", () => {
    const md = cableMarkdown();
    const out = md.render(
      "Comrade {person han-nianlong: Han *Nianlong*} and {person han-nianlong: he} in {place hanoi: Hanoi}.",
      {},
    );
    expect(out).toContain(
      '<a class="de-mark de-mention de-person" id="talks-cable-person-han-nianlong-1" href="/editions/talks/register/#person-han-nianlong" title="Identified in the register of persons">Han <em>Nianlong</em></a>',
    );
    expect(out).toContain('id="talks-cable-person-han-nianlong-2"');
    expect(out).toContain('id="talks-cable-place-hanoi-1" href="/editions/talks/register/#place-hanoi"');
  });

  it("in a note are numbered where the note is written, as the register counts them, with the id on the endnote only", () => {
    const md = cableMarkdown();
    const src =
      "Comrade {person han-nianlong: Han}.[^1] Later {person han-nianlong: he} spoke.\n\n[^1]: On {person han-nianlong: Han} and {page: 12} his office.\n";
    // The register's numbering follows the Markdown: the text's two mentions, then the note's, written after them.
    expect(scanMentions(src).map((m) => [m.occurrence, m.line])).toEqual([
      [1, 1],
      [2, 1],
      [3, 3],
    ]);
    const out = md.render(src, {});
    const ids = [...out.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    // On the page the sidenote sits between the text's two mentions; only the endnote's copy has an id.
    expect(ids.filter((id) => id?.includes("person"))).toEqual([
      "talks-cable-person-han-nianlong-1",
      "talks-cable-person-han-nianlong-2",
      "talks-cable-person-han-nianlong-3",
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const endnote = out.slice(out.indexOf('<li id="fn-talks-cable-1"'));
    expect(endnote).toContain('id="talks-cable-person-han-nianlong-3"');
    expect(endnote).toContain('id="talks-cable-page-12"');
    const sidenote = out.slice(out.indexOf('<span class="de-sidenote'), out.indexOf("</span> Later"));
    expect(sidenote).toContain(
      '<a class="de-mark de-mention de-person" href="/editions/talks/register/#person-han-nianlong"',
    );
    expect(sidenote).not.toContain(' id="talks-cable-person');
  });

  it("print the text alone where the page belongs to no edition", () => {
    expect(markdown().render("{term indochinese-federation: Federation}")).toBe(
      '<p><span class="de-mark de-mention de-term">Federation</span></p>',
    );
  });

  it("need a key, and other marks take none", () => {
    const { render } = markdown();
    expect(() => render("{person: Han}")).toThrow("expected a register key before the colon: {person key: text}");
    expect(() => render("{sic extra: word}")).toThrow("expected no key before the colon: {sic: …}");
  });
});

describe("the register", () => {
  it("checks each entry, naming the file and the key", () => {
    const { problems } = validateRegister(
      { people: { x: { identification: "no name" }, y: { name: "Y", references: 3 } }, terms: [] },
      "_data/register",
    );
    expect(problems.map((p) => `${p.file} ${p.field}: ${p.expected}`)).toEqual([
      "_data/register/people.json x.name: text",
      "_data/register/people.json y.references: text, or a list of texts",
      '_data/register/terms.json (entries): an object whose keys are register keys: { "han-nianlong": { "name": "Han Nianlong" } }',
    ]);
  });

  it("lists, for each edition, the entries its documents use, by kind and name, with links back", () => {
    const first = source("e/a", { title: "A", date: "1979-04-16", people: ["le-duan"] });
    first.text =
      "{person han-nianlong: Han} and {person han-nianlong: Han again} and {term indochinese-federation: the federation}";
    const second = source("e/b", { title: "B", date: "1979-04-17" });
    second.text = "{person le-duan: Le Duan}";
    const [edition] = build([first, second], [], REGISTER).editions;
    expect(edition?.registerUrl).toBe("/editions/e/register/");
    expect(edition?.register.map((u) => `${u.kind}:${u.key}:${u.mentions.length}:${u.documents.length}`)).toEqual([
      "people:han-nianlong:2:0",
      "people:le-duan:1:1",
      "terms:indochinese-federation:1:0",
    ]);
    const out = editionRegisterHtml(edition!, { locale: "en-US", labels: DEFAULT_LABELS, url: (p) => p });
    expect(out.value).toContain('<h2 id="register-people">Persons</h2>');
    expect(out.value).toContain('<dd class="de-register-identification">&lt;b&gt;Vice&lt;/b&gt; Foreign Minister</dd>');
    expect(out.value).toContain(
      '<a href="/editions/e/a/#e-a-person-han-nianlong-1">Document 1</a>, <a href="/editions/e/a/#e-a-person-han-nianlong-2">Document 1 (2)</a>',
    );
    expect(blocks(out.value)).toContain("Concerned in: 1. A — April 16, 1979");
    // An entry without mentions or identification prints nothing for them (no stray "0").
    expect(out.value).not.toMatch(/>0</);
    expect(blocks(out.value)).toContain("See: A book");
  });

  it("gives an edition whose documents use no entry no register page", () => {
    expect(build([source("e/a", { title: "A", date: "1979" })], [], REGISTER).editions[0]?.registerUrl).toBeUndefined();
  });
});

describe("references to other entries", () => {
  const register = {
    people: {
      "kissinger-henry-a": {
        name: "Henry A. Kissinger",
        references: ["See also {term nsc: the NSC}", "FRUS 1969–1976, vol. I", "{place moscow: Moscow}"],
      },
      "haig-alexander-m": { name: "Alexander M. Haig", references: "See {person kissinger-henry-a: Kissinger}" },
    },
    terms: {
      nsc: {
        name: "National Security Council",
        references: "\\{person x: not a mark}, {person haig-alexander-m:Haig}",
      },
    },
    places: { moscow: { name: "Moscow" } },
  };

  it("cut a reference at its marks, keeping plain text and escaped marks as text", () => {
    expect(referencePieces("See {person kissinger-henry-a: Kissinger}; FRUS I")).toEqual([
      "See ",
      { kind: "people", key: "kissinger-henry-a", words: "Kissinger" },
      "; FRUS I",
    ]);
    expect(referencePieces("FRUS 1969–1976, vol. I")).toEqual(["FRUS 1969–1976, vol. I"]);
    expect(referencePieces("\\{person x: y} {a}")).toEqual(["{person x: y} {a}"]);
  });

  it("link to the entries the register page lists, and give the words alone for others", () => {
    const haig = source("e/a", { title: "A", date: "1970-03-03", people: ["kissinger-henry-a", "haig-alexander-m"] });
    haig.text = "{term nsc: NSC}";
    const [edition] = build([haig], [], register).editions;
    const out = editionRegisterHtml(edition!, { locale: "en-US", labels: DEFAULT_LABELS, url: (p) => p }).value;
    expect(out).toContain(
      '<dd class="de-register-references">See: See also <a href="#term-nsc">the NSC</a>; FRUS 1969–1976, vol. I; Moscow</dd>',
    );
    expect(out).toContain(
      '<dd class="de-register-references">See: See <a href="#person-kissinger-henry-a">Kissinger</a></dd>',
    );
    expect(out).toContain(
      '<dd class="de-register-references">See: {person x: not a mark}, <a href="#person-haig-alexander-m">Haig</a></dd>',
    );
    for (const anchor of out.matchAll(/href="#([^"]+)"/g)) expect(out).toContain(`id="${anchor[1]}"`);
  });

  it("are checked: an unknown key names the register file, the reference and the key", () => {
    const bad = {
      ...register,
      people: {
        ...register.people,
        "rogers-william-p": { name: "William P. Rogers", references: ["FRUS", "See {person kisinger: Kissinger}"] },
      },
      terms: { nsc: { name: "NSC", references: "{place hanoi: Hanoi}" } },
    };
    expect(validateRegister(bad, "_data/register").problems).toEqual([
      {
        file: "_data/register/people.json",
        field: "rogers-william-p.references.1",
        value: "kisinger",
        expected: expect.stringMatching(
          /^a key of the people register in _data\/register\/people\.\* \(kissinger-henry-a, /,
        ),
      },
      {
        file: "_data/register/terms.json",
        field: "nsc.references.0",
        value: "hanoi",
        expected: "a key of the places register in _data/register/places.* (moscow)",
      },
    ]);
    expect(errorOf(() => build([source("e/a", { title: "A", date: "1979" })], [], bad))).toContain(
      '  - _data/register/people.json: rogers-william-p.references.1: found "kisinger"; expected a key of the people register',
    );
    expect(validateRegister(register, "_data/register").problems).toEqual([]);
  });
});
