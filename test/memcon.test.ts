// Memoranda of conversation (participants, subject, place, a span of time), attachments opened by
// `{attachment}` lines, and editorial notes: on the page, in the register, in the TEI (valid against
// tei_all), in the citations; and the messages an editor gets for each mistake.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEdition } from "../src/core.js";
import { buildSite, byClass, tempDir, without, type BuiltSite } from "./helpers/site.js";

const SCHEMA = process.env.TEI_SCHEMA ?? path.resolve("../shared/schemas/tei_all.rng");
const JING = "/usr/bin/jing";
const FIXTURE = "test/fixtures/memcon";
const MEMCON = "/editions/talks/memcon/";
const EDITORIAL = "/editions/talks/editorial/";

/** The words of a text, tags taken as spaces. */
const words = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_e, n: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[n] ?? "'")
    .split(/\s+/)
    .filter(Boolean);

/** ICU's thin and narrow spaces in times ("3:00 – 4:30 PM") as ordinary ones. */
const spaced = (text: string) => text.replace(/[\u2009\u202f]/g, " ");

describe("memoranda of conversation, attachments and editorial notes", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(FIXTURE, `${FIXTURE}/eleventy.config.js`);
  }, 120_000);

  it("prints the participants, group by group, and the subject after the dateline, their mentions numbered first", () => {
    const text = byClass(site.read(MEMCON), "de-text");
    const conversation = byClass(text, "de-conversation");
    expect(text.indexOf("de-conversation")).toBeGreaterThan(text.indexOf("Washington, March 3, 1970."));
    expect(text.indexOf("de-conversation")).toBeLessThan(text.indexOf("asked Ambassador"));
    expect(conversation).toContain('<h2 class="de-conversation-heading">Participants</h2>');
    expect(conversation).toContain('<span class="de-group">United States</span>');
    expect(conversation).toContain(
      '<li>Dr. <a class="de-mark de-mention de-person" id="talks-memcon-person-kissinger-1" href="/editions/talks/register/#person-kissinger"',
    );
    // A participant named by key: the register's name, linked to its entry; a role's Markdown rendered.
    expect(conversation).toContain(
      '<li><a class="de-participant-person" href="/editions/talks/register/#person-porter">William J. Porter</a>, Ambassador to Korea</li>',
    );
    expect(conversation).toContain("<li>John Doe, <em>Interpreter</em></li>");
    expect(conversation).toContain(
      '<h2 class="de-conversation-heading">Subject</h2>\n<p class="de-subject">Ambassador <a',
    );
    // The text's mentions come after the conversation's, the attachment's source note's after the text's, the source note's last.
    expect(text).toContain('id="talks-memcon-person-kissinger-2"');
    expect(text).toContain('id="talks-memcon-person-porter-2"');
    expect(text).toContain('Drafted by <a class="de-mark de-mention de-person" id="talks-memcon-person-holdridge-2"');
    expect(text).toContain('id="talks-memcon-person-holdridge-3"');
  });

  it("numbers the mentions as the register links to them", () => {
    const page = site.read(MEMCON);
    const links = [...site.read("/editions/talks/register/").matchAll(/href="\/editions\/talks\/memcon\/#([^"]+)"/g)];
    expect(links.length).toBe(9);
    for (const [, id] of links) expect(page).toContain(`id="${id}"`);
  });

  it("lists place, participants and subject in the record, and the span of time in the date", () => {
    const page = site.read(MEMCON);
    const record = spaced(page.slice(page.indexOf('<dl class="de-metadata">')));
    expect(record).toContain('<time datetime="1970-03-03T15:00">March 3, 1970, 3:00 – 4:30 PM</time>');
    expect(record).toContain("<div><dt>Place</dt><dd>Washington</dd></div>");
    expect(record).toContain(
      '<dt>Participants</dt><dd><span class="de-group">United States:</span> Dr. Kissinger; William J. Porter, Ambassador to Korea; John Doe, Interpreter<br><span class="de-group">Korea:</span> John H. Holdridge, NSC Senior Staff Member</dd>',
    );
    expect(record).toContain("<dt>Subject</dt><dd>Ambassador Porter’s Comments on Troop Withdrawals</dd>");
  });

  it("counts a participant named by key as a listing of that person, in the register and on the person's page", () => {
    const register = site.read("/editions/talks/register/");
    const porter = register.slice(register.indexOf('id="person-porter"'));
    expect(porter.slice(0, porter.indexOf("</div>"))).toContain(
      '<dd class="de-register-documents">Concerned in: <a href="/editions/talks/memcon/"><span class="de-label"><span class="de-number">1</span>. <span class="de-title">Memorandum of Conversation</span>',
    );
    // Named by key only, Holdridge is mentioned, not listed; Porter is both.
    const holdridge = register.slice(register.indexOf('id="person-holdridge"'));
    expect(holdridge.slice(0, holdridge.indexOf("</div>"))).not.toContain("de-register-documents");
    expect(site.read("/people/porter/")).toContain("Memorandum of Conversation");
  });

  it("opens an attachment's section at each {attachment} line, with its heading, record and source note, its notes numbered on", () => {
    const text = byClass(site.read(MEMCON), "de-text");
    const first = text.slice(text.indexOf('<section class="de-attachment" id="talks-memcon-attachment-1"'));
    expect(first).toContain('<h2 id="talks-memcon-attachment-1-heading">Talking Points for the Ambassador</h2>');
    expect(first).toContain(
      '<p class="de-attachment-record"><time datetime="1970-03-02">March 2, 1970</time><span class="de-gen"> · </span><span class="de-classification">Confidential</span></p>',
    );
    expect(first).toContain('<p class="de-source-note de-gen"><span class="de-note-kind">Source:</span> Drafted by <a');
    // The attachment's own dateline opens it, its signature closes it; its note is the document's second.
    expect(first).toContain('<p class="de-opener"><span class="de-mark de-dateline"');
    expect(first).toContain('<p class="de-closer"><span class="de-mark de-signed"');
    expect(first).toContain('href="#fn-talks-memcon-2"');
    expect(first.indexOf("The second paper's words.")).toBeGreaterThan(first.indexOf('id="talks-memcon-attachment-2"'));
    // The main text's signature closes the main text, before the first attachment.
    expect(text.indexOf("John H. Holdridge</span></p>")).toBeLessThan(text.indexOf("de-attachment"));
  });

  it("writes valid TEI: participants as a list, the subject, the span as @from/@to, the place, each attachment a div", () => {
    const tei = spaced(site.read(`${MEMCON}document.xml`));
    for (const part of [
      '<creation><date from="1970-03-03T15:00:00" to="1970-03-03T16:30:00">March 3, 1970, 3:00 – 4:30 PM</date> <placeName>Washington</placeName></creation>',
      '<opener><dateline>Washington, March 3, 1970.</dateline></opener><div type="document"><list type="participants"><head>Participants</head><item><label>United States</label><list><item>Dr. <persName xml:id="talks-memcon-person-kissinger-1" ref="/editions/talks/register/#person-kissinger">Kissinger</persName></item>',
      '<item><persName ref="/editions/talks/register/#person-porter">William J. Porter</persName>, Ambassador to Korea</item>',
      '<list type="subject"><head>Subject</head><item>Ambassador <persName xml:id="talks-memcon-person-porter-1"',
      "<closer><signed>John H. Holdridge</signed></closer></div>",
      '<div type="attachment" n="1" xml:id="talks-memcon-attachment-1"><head>Talking Points for the Ambassador<note type="source">Source: Drafted by <persName xml:id="talks-memcon-person-holdridge-2"',
      '<opener><dateline><date when="1970-03-02">March 2, 1970</date></dateline><seg type="classification">Confidential</seg><dateline>Washington, March 2, 1970.</dateline></opener>',
      '<note type="editorial" n="2" xml:id="fn-talks-memcon-2">',
      "<closer><signed>W. J. P.</signed></closer></div>",
      '<div type="attachment" n="2" xml:id="talks-memcon-attachment-2"><head>Second Paper</head><p>The second paper',
    ]) {
      expect(tei).toContain(part);
    }
    if (!existsSync(JING)) return;
    const files = [MEMCON, EDITORIAL].map((url) => path.join(site.output, url, "document.xml"));
    files.push(path.join(site.output, "editions/talks/corpus.xml"));
    expect(() =>
      execFileSync(JING, [SCHEMA, ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    ).not.toThrow();
  });

  it("has the same words in the same order in the TEI's body as on the page", () => {
    const page = without(byClass(site.read(MEMCON), "de-text"), "de-ref", "de-sidenote", "de-notes", "de-gen");
    const body = (/<body>([\s\S]*)<\/body>/.exec(site.read(`${MEMCON}document.xml`))?.[1] ?? "").replace(
      /<note\b[\s\S]*?<\/note>/g,
      " ",
    );
    expect(words(body)).toEqual(words(page));
  });

  it("prints no source note for an editorial note and cites it in the edition's form only", () => {
    const page = site.read(EDITORIAL);
    expect(page).not.toContain("de-source-note");
    expect(page).not.toContain("Source:");
    const cite = byClass(page, "de-citations");
    expect(cite).toContain("<dt>This edition</dt>");
    expect(cite).not.toContain("<dt>Archive</dt>");
    expect(cite).not.toContain("Chicago");
    const tei = site.read(`${EDITORIAL}document.xml`);
    expect(tei).not.toContain('<note type="source"');
    expect(tei).toContain("it has no archival source");
    const record = JSON.parse(site.read(`${EDITORIAL}citation.json`)) as Record<string, unknown>[];
    expect(Object.keys(record[0] ?? {}).filter((k) => k.startsWith("archive") || k === "page")).toEqual([]);
    expect(site.read(`${EDITORIAL}citation.ris`)).not.toMatch(/^(AV|CN)\s/m);
    expect(site.read(`${EDITORIAL}citation.bib`)).not.toContain("library");
    expect(page).toContain('"@type":"CreativeWork"');
    expect(site.read(MEMCON)).toContain('"@type":["ArchiveComponent","CreativeWork"]');
  });
});

describe("mistakes in memoranda and attachments", () => {
  /** The fixture's site with the memorandum's file replaced, read by the core as a build reads it. */
  async function problemsWith(memcon: string) {
    const folder = tempDir();
    cpSync(FIXTURE, folder, { recursive: true });
    mkdirSync(path.join(folder, "editions/talks"), { recursive: true });
    writeFileSync(path.join(folder, "editions/talks/memcon.md"), memcon);
    const loaded = await loadEdition(folder);
    return loaded.problems.map((p) => ({ ...p, file: path.basename(p.file) }));
  }
  const original = readFileSync(`${FIXTURE}/editions/talks/memcon.md`, "utf8");
  /** The line of the file (1-based) a text starts on. */
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

  it("names a participant's or the subject's unknown register key, with its field", async () => {
    const problems = await problemsWith(
      original
        .replace("{ person: porter,", "{ person: portr,")
        .replace("Ambassador {person porter: Porter}’s", "Ambassador {person portor: Porter}’s")
        .replace('"Dr. {person kissinger: Kissinger}"', '"Dr. {person kisinger: Kissinger}"'),
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: "memcon.md", field: "participants.0.members.1.person", value: "portr" }),
      expect.objectContaining({
        file: "memcon.md",
        field: "participants.0.members.0 (line 1 of the field)",
        value: "kisinger",
      }),
      expect.objectContaining({ file: "memcon.md", field: "subject (line 1 of the field)", value: "portor" }),
    ]);
    expect(problems[0]?.expected).toMatch(/^a key of the people register in .*\(kissinger, porter, holdridge\)$/);
  });

  it("names a mistake in a participant's or the subject's Markdown by its field", async () => {
    const problems = await problemsWith(
      original
        .replace('role: "*Interpreter*"', 'role: "{interp: Interpreter}"')
        .replace("’s Comments", "’s {sic: Comments"),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: "memcon.md",
        field: "participants.0.members.2.role (line 1 of the field)",
        value: "{interp: Interpreter}",
        expected: expect.stringMatching(/^a transcription mark: one of supplied, sic/) as unknown,
      }),
      expect.objectContaining({
        file: "memcon.md",
        field: "subject (line 1 of the field)",
        expected: "a closing } for the sic mark in the same paragraph",
      }),
    ]);
  });

  it("names more {attachment} lines than attachments, with the line", async () => {
    const text = `${original}\n{attachment}\n\nA third.\n`;
    const problems = await problemsWith(text);
    expect(problems).toEqual([
      {
        file: "memcon.md",
        field: `line ${lineOf(text, "{attachment}\n\nA third")}`,
        value: "{attachment} number 3",
        expected: "no more {attachment} lines than entries in the front matter's attachments (2)",
      },
    ]);
  });

  it("names the attachments no line begins", async () => {
    const text = original.replace("{attachment}\n\nThe second paper's words.", "The end.");
    const problems = await problemsWith(text);
    expect(problems).toEqual([
      {
        file: "memcon.md",
        field: `line ${text.trimEnd().split("\n").length}`,
        value: "1 {attachment} line",
        expected: 'a line {attachment} in the text for each of the 2 attachments; none begins "Second Paper"',
      },
    ]);
  });

  it("names an {attachment} line with words after it", async () => {
    const text = original.replace("{attachment}\n\nThe second", "{attachment: Second Paper}\n\nThe second");
    const problems = await problemsWith(text);
    expect(problems).toEqual([
      {
        file: "memcon.md",
        field: `line ${lineOf(text, "{attachment: Second Paper}")}`,
        value: "{attachment: Second Paper}",
        expected:
          "{attachment} alone on its line, with nothing after the word: an attachment's title, date and source note are written in the front matter's attachments",
      },
    ]);
  });

  it("names a mistake in an attachment's source note by its field", async () => {
    const problems = await problemsWith(original.replace("sent to *Kissinger*", "sent to {persn x: Kissinger}"));
    expect(problems).toEqual([
      expect.objectContaining({
        file: "memcon.md",
        field: "attachments.0.sourceNote (line 1 of the field)",
        value: "{persn x: Kissinger}",
      }),
    ]);
  });
});
