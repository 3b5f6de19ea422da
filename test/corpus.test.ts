// The bad-input corpus: every kind of mistake an editor or a publisher makes, one tiny site per
// case in test/fixtures/corpus/<case>/, each with the exact lines the build must print for it.
// Each case is built in-process (well under a second); one test runs the real command line on a
// site broken in several ways at once.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, tempDir } from "./helpers/site.js";

const CORPUS = "test/fixtures/corpus";
const CONFIG = `${CORPUS}/eleventy.config.js`;

interface Case {
  /**
   * The message's lines after its head, as formatProblem prints them, with each file's path
   * relative to the case's folder (the build prints it from the project: `test/fixtures/...`).
   */
  lines?: string[];
  /** Only the start of each line is fixed (a message about to change): its file and field. */
  starts?: string[];
  /** Whose problems the head names: the edition's (the default) or the plugin options'. */
  subject?: "the edition" | "the plugin options";
  /** An error of Eleventy's own, not the plugin's: its name, and the files its message must name. */
  eleventy?: { name: string; files: string[] };
  /**
   * A known bug: the case gives what the build should print and fails until the bug is fixed;
   * `now` is what it does instead, checked so that a change in the bug is seen.
   */
  bug?: { what: string; now: Case };
}

const DATE =
  "a real calendar date written YYYY-MM-DD, or YYYY-MM or YYYY for a partly known date (for example 1979-04-16, 1979-04 or 1979)";
const LANGUAGE = 'a BCP 47 language tag for a known language (for example "zh", "zh-Hans", "en", "vi", "ru")';
const OWN_DOCUMENT_FIELD = `(a field of the site's own is declared in the plugin's "fields.document" option)`;
const MARKS =
  "supplied, sic, unclear, del, add, smallcaps, underline, gap, page, folio, person, place, term, salute, signed, dateline";
const TYPES =
  '"telegram", "memorandum", "memorandum of conversation", "letter", "note", "minutes", "report", "instruction", "notice", "circular", "speech", "statement", "diary", "transcript", "agreement", "editorial note", "other"';
const LETTER = "editions/talks/letter.md";
const FRONT_MATTER =
  "front matter at the top of the file: a line ---, the fields (at least title and date), and a line --- again";
const PEOPLE = (site: string) => `test/fixtures/corpus/${site}/_data/register/people.*`;

export const CASES: Record<string, Case> = {
  // Misspelt fields
  "misspelt-classification": {
    lines: [`${LETTER}: clasification: unknown field; did you mean "classification"? ${OWN_DOCUMENT_FIELD}`],
  },
  "misspelt-call-number": {
    lines: [`${LETTER}: callnumber: unknown field; did you mean "callNumber"? ${OWN_DOCUMENT_FIELD}`],
  },
  "misspelt-recipients": {
    lines: [`${LETTER}: recipient: unknown field; did you mean "recipients"? ${OWN_DOCUMENT_FIELD}`],
  },
  "misspelt-editors": {
    lines: [
      `editions/talks/index.md: edtors: unknown field; did you mean "editors"? (a field of the site's own is declared in the plugin's "fields.edition" option)`,
    ],
  },
  "misspelt-telegram-device": {
    lines: [`editions/talks/cable.md: telegram.devise: unknown field; did you mean "device"?`],
  },
  "misspelt-register-field": {
    // The entry stays in the register, so the document that lists it is not at fault.
    lines: [
      `_data/register/people.json: han-nianlong.identifcation: unknown field; did you mean "identification"? (a field of the site's own is declared in the plugin's "fields.register" option)`,
    ],
  },
  // Fields of the wrong type
  "title-as-list": { lines: [`${LETTER}: title: found ["A letter","Another title"]; expected text`] },
  "date-approximate-yes": { lines: [`${LETTER}: dateApproximate: found "yes"; expected true or false`] },
  "pages-as-list": { lines: [`${LETTER}: pages: found [1,2]; expected text or a number`] },
  "order-as-word": { lines: [`editions/talks/index.md: order: found "first"; expected a number`] },
  // Impossible and partial dates, times and zones
  "date-impossible-day": { lines: [`${LETTER}: date: found "1979-02-30"; expected ${DATE}`] },
  "date-impossible-month": { lines: [`${LETTER}: date: found "1979-13"; expected ${DATE}`] },
  "time-with-partial-date": {
    lines: [`${LETTER}: time: found "14:30"; expected no time unless the date is a full date (YYYY-MM-DD)`],
  },
  "time-zone-without-time": {
    lines: [`${LETTER}: timeZone: found "Asia/Shanghai"; expected a time zone only together with a time`],
  },
  "time-impossible": {
    lines: [
      `${LETTER}: time: found "25:00"; expected a time of day written "HH:MM" or "HH:MM:SS" in quotes (for example "14:30"), or a span of two such times ("15:00–16:30")`,
    ],
  },
  "time-zone-unknown": {
    lines: [
      `${LETTER}: timeZone: found "Asia/Peking"; expected a time zone name such as "Asia/Shanghai" or a fixed offset such as "UTC+8"`,
    ],
  },
  // Dates YAML would read as something else
  "date-with-time-unquoted": {
    lines: [
      `${LETTER}: date: found "1979-04-16 10:00:00"; expected ${DATE}, with the time in a field of its own (time: "10:00")`,
    ],
  },
  "date-in-words": { lines: [`${LETTER}: date: found "April 1979"; expected ${DATE}`] },
  "date-day-first": { lines: [`${LETTER}: date: found "16/04/1979"; expected ${DATE}`] },
  // Languages
  "language-unknown": { lines: [`${LETTER}: originalLanguage: found "xx"; expected ${LANGUAGE}`] },
  "translation-language-unknown": { lines: [`${LETTER}: translation.language: found "zz"; expected ${LANGUAGE}`] },
  // Values the site restricts
  "type-unknown": { lines: [`${LETTER}: type: found "memo"; expected one of the site's document types: ${TYPES}`] },
  "precedence-not-allowed": {
    lines: [
      `editions/talks/cable.md: telegram.precedence: found "Urgent"; expected one of the site's precedences: "Flash", "Immediate", "Routine"`,
    ],
  },
  "classification-not-allowed": {
    lines: [
      `${LETTER}: classification: found "Most Secret"; expected one of the site's classifications: "Top Secret", "Secret", "Confidential"`,
    ],
  },
  // The register
  "register-key-unknown-in-front-matter": {
    lines: [
      `${LETTER}: people.0: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-front-matter")} (han-nianlong)`,
    ],
  },
  "register-key-unknown-in-participants": {
    lines: [
      `${LETTER}: participants.1.person: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-participants")} (han-nianlong)`,
    ],
  },
  "register-key-unknown-in-reference": {
    lines: [
      `_data/register/people.json: han-nianlong.references.0: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-reference")} (han-nianlong)`,
    ],
  },
  "register-key-unknown-in-part": {
    lines: [
      `editions/talks/ch1/index.md: line 5: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-part")} (han-nianlong)`,
    ],
  },
  "register-key-unknown-in-text": {
    lines: [
      `${LETTER}: line 6: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-text")} (han-nianlong)`,
    ],
  },
  "register-key-unknown-in-note": {
    lines: [
      `${LETTER}: line 8: found "nobody"; expected a key of the people register in ${PEOPLE("register-key-unknown-in-note")} (han-nianlong)`,
    ],
  },
  "register-without-any": {
    lines: [
      `${LETTER}: places.0: found "beijing"; expected a key of a places register, but the site has none: add test/fixtures/corpus/register-without-any/_data/register/places.json`,
    ],
  },
  "register-entry-without-name": {
    lines: [`_data/register/people.json: han-nianlong.name: found nothing (the field is missing); expected text`],
  },
  // Transcription marks
  "mark-misspelt": {
    lines: [
      `${LETTER}: line 6: found "{suplied: this}"; expected a transcription mark: one of ${MARKS} (write \\{ for a literal brace)`,
    ],
  },
  "mark-unclosed": {
    lines: [
      `${LETTER}: line 6: found "{supplied: this and never closed it."; expected a closing } for the supplied mark in the same paragraph`,
    ],
  },
  "mark-mention-without-key": {
    lines: [
      `${LETTER}: line 6: found "{person: Comrade Han}"; expected a register key before the colon: {person key: text}`,
    ],
  },
  "mark-key-not-allowed": {
    lines: [`${LETTER}: line 6: found "{sic key: recieve}"; expected no key before the colon: {sic: …}`],
  },
  "mark-page-empty": { lines: [`${LETTER}: line 6: found "{page: }"; expected the page number after "page:"`] },
  // Notes
  "note-undefined": {
    lines: [
      `${LETTER}: line 6: found "[^meeting]"; expected a note defined for this reference: a line "[^meeting]: …" after the text (write \\[^ for literal text)`,
    ],
  },
  "note-defined-twice": {
    lines: [
      `${LETTER}: line 9: found "[^meeting]:"; expected each note's label once: a second note "meeting" is defined here (give it a label of its own)`,
    ],
  },
  "note-never-referenced": {
    lines: [
      `${LETTER}: line 8: found "[^meeting]:"; expected a reference [^meeting] to this note in the text (a note never referenced is not printed)`,
    ],
  },
  // The plugin's options
  "option-unknown": {
    subject: "the plugin options",
    lines: [`plugin options: editionDir: unknown field; did you mean "editionsDir"?`],
  },
  "option-locale-unknown": {
    subject: "the plugin options",
    lines: [`plugin options: locale: found "xx"; expected ${LANGUAGE}`],
  },
  "option-citation-style-unknown": {
    subject: "the plugin options",
    lines: [
      `plugin options: citationStyles.0: found "nope"; expected a built-in style (archive, chicago-note, chicago-bibliography, chicago-author-date, mla, apa, edition) or a name given in cslStyles`,
    ],
  },
  "option-field-name-taken": {
    subject: "the plugin options",
    lines: [
      `plugin options: fields.document.title: found "text"; expected another name than "title", which is already a field of the plugin's, Eleventy's or reserved`,
    ],
  },
  "option-field-type-unknown": {
    subject: "the plugin options",
    lines: [
      `plugin options: fields.document.x: found "string"; expected a field type (text, list, number, boolean, date, url), or { type, required }`,
    ],
  },
  // Reserved keys and the site's own fields
  "reserved-footnotes": {
    lines: [
      `${LETTER}: footnotes: unknown field; another name: this one is reserved (markdown-it-footnote keeps a page's notes under this name); declare the new name in the plugin's "fields.document" option`,
    ],
  },
  "reserved-doc-id": {
    lines: [
      `${LETTER}: docId: unknown field; another name: this one is reserved (markdown-it-footnote makes the page's note ids from it); declare the new name in the plugin's "fields.document" option`,
    ],
  },
  "own-field-wrong-type": { lines: [`${LETTER}: volume: found "ten"; expected a number`] },
  // Addresses
  "permalink-duplicate": {
    eleventy: { name: "DuplicatePermalinkOutputError", files: ["editions/talks/first.md", "editions/talks/second.md"] },
  },
  "document-named-register": {
    // The edition's register page is editions/talks/register/: a document may not be named so.
    lines: [
      `editions/talks/register.md: (file name): found "register.md"; expected another name: the edition's register page has this address (/register/ inside the edition)`,
    ],
  },
  "source-url-unsafe": {
    lines: [
      `${LETTER}: source.url: found "javascript:alert(1)"; expected a web address starting with https:// or http://`,
    ],
  },
  // Text the TEI export cannot carry
  "raw-html-block": {
    lines: [
      `${LETTER}: line 6 (TEI export): found "<div>A block of HTML.</div>"; expected Markdown, a transcription mark, <span lang="…">…</span> or <br>`,
    ],
  },
  // Files that are not documents yet, and missing or empty fields
  "file-empty": { lines: [`${LETTER}: (front matter): found none; expected ${FRONT_MATTER}`] },
  "file-without-front-matter": { lines: [`${LETTER}: (front matter): found none; expected ${FRONT_MATTER}`] },
  "title-missing": { lines: [`${LETTER}: title: found nothing (the field is missing); expected text`] },
  "date-missing": { lines: [`${LETTER}: date: found nothing (the field is missing); expected ${DATE}`] },
  "source-accessed-partial": {
    lines: [`${LETTER}: source.accessed: found "2024-05"; expected a full date written YYYY-MM-DD`],
  },
  "summary-empty": { lines: [`${LETTER}: summary: found ""; expected text that is not empty`] },
  // Editions of the FRUS kind: numbers, parts, cross-references, conversations, printed pages, editors
  "number-malformed": {
    lines: [
      `${LETTER}: number: found "57A"; expected a document number: digits, perhaps followed by one lowercase letter (57, or "57a")`,
    ],
  },
  "number-duplicate": {
    lines: [
      `editions/talks/second.md: number: found "57"; expected a number no other document of the edition "Talks" has: ${CORPUS}/number-duplicate/editions/talks/first.md has number 57`,
    ],
  },
  "number-missing": {
    lines: [
      `editions/talks/second.md: number: found no number; expected a number, as the edition's other documents have (${CORPUS}/number-missing/editions/talks/first.md has number: 57): an edition numbers all its documents or none`,
    ],
  },
  "number-in-wrong-part": {
    lines: [
      `editions/talks/ch2/d45.md: number: found "45"; expected a number after 46, the number of ${CORPUS}/number-in-wrong-part/editions/talks/ch1/d46.md in part "The First Chapter" (ch1), which comes before part "The Second Chapter" (ch2): parts follow one another in the numbers' order (move the file, or give the parts an order)`,
    ],
  },
  "part-field-misspelt": {
    lines: [`editions/talks/ch1/index.md: ordre: unknown field; did you mean "order"?`],
  },
  "part-without-title": {
    lines: [`editions/talks/ch1/index.md: title: found nothing (the field is missing); expected text`],
  },
  "reference-unresolved": {
    lines: [`${LETTER}: line 7: found "{doc 9}"; expected the number of a document of "Talks" (1)`],
  },
  "reference-edition-unknown": {
    lines: [`${LETTER}: line 7: found "{doc elsewhere/1}"; expected an edition of the site before the "/": talks`],
  },
  "reference-malformed": {
    lines: [
      `${LETTER}: line 7: found "{doc nine}"; expected a reference written {doc 31}, {doc 31 note 5}, {doc edition/31} or {doc 31: words of your own}, naming a document by its number`,
    ],
  },
  "reference-note-missing": {
    lines: [`${LETTER}: line 7: found "{doc 1 note 4}"; expected a note of Document 1: it has one note, note 1`],
  },
  "time-span-backwards": {
    lines: [`${LETTER}: time: found "16:30–15:00"; expected a span whose end is after its start`],
  },
  "participant-malformed": {
    lines: [
      `${LETTER}: participants.0.rank: unknown field; one of the known fields: person, role, name, group, members`,
    ],
  },
  "mark-page-printed-misspelt": {
    lines: [
      `${LETTER}: line 6: found "{page printd: 3}"; expected nothing or "printed" between "page" and the colon: {page: 12} for a page of the original, {page printed: 118} for a page of the printed volume`,
    ],
  },
  "attachment-lines-too-many": {
    lines: [
      `${LETTER}: line 14: found "{attachment} number 2"; expected no more {attachment} lines than entries in the front matter's attachments (1)`,
    ],
  },
  "attachment-lines-too-few": {
    lines: [
      `${LETTER}: line 13: found "1 {attachment} line"; expected a line {attachment} in the text for each of the 2 attachments; none begins "The second attachment"`,
    ],
  },
  "attachment-line-with-words": {
    lines: [
      `${LETTER}: line 10: found "{attachment: Talking Points}"; expected {attachment} alone on its line, with nothing after the word: an attachment's title, date and source note are written in the front matter's attachments`,
    ],
  },
  "editors-without-name": {
    lines: [
      `editions/talks/index.md: editors.0.name: found nothing (the field is missing); expected the editor's name, as text`,
    ],
  },
};

/** Every file under a folder, with its bytes, as one hash: a failing build must leave the editor's files alone. */
function folderHash(folder: string): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
    const full = path.join(folder, file);
    if (statSync(full).isFile()) hash.update(file).update("\0").update(readFileSync(full)).update("\0");
  }
  return hash.digest("hex");
}

const filesIn = (folder: string) => readdirSync(folder, { recursive: true }).map(String);

/** The head the plugin's error starts with, for these problem lines. */
function head(subject: string, lines: readonly string[]): string {
  const files = new Set(lines.map((line) => line.slice(0, line.indexOf(": ")))).size;
  const s = (n: number) => (n === 1 ? "" : "s");
  const where = subject === "the plugin options" ? "" : ` (${files} file${s(files)})`;
  return `[documentary-edition] ${lines.length} problem${s(lines.length)} in ${subject}${where}; the build stopped before writing any page:`;
}

type BuildError = Error & { problems?: { file: string; field: string }[]; originalError?: unknown; cause?: unknown };

/** The plugin's error, found in the chain Eleventy wraps it in, or the innermost error of Eleventy's own. */
function innermost(error: unknown): BuildError {
  let current = error as BuildError;
  for (;;) {
    if (Array.isArray(current.problems)) return current;
    const next = (current.originalError ?? current.cause) as BuildError | undefined;
    if (!next) return current;
    current = next;
  }
}

async function checkCase(name: string, expected: Case): Promise<void> {
  const site = `${CORPUS}/${name}`;
  const before = folderHash(site);
  const output = tempDir();
  const failure = await buildSite(site, CONFIG, output).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failure, "the build fails").toBeDefined();
  const error = innermost(failure);
  const prefixed = (line: string) => (line.startsWith("plugin options: ") ? line : `${site}/${line}`);
  if (expected.eleventy) {
    expect(error.name).toBe(expected.eleventy.name);
    for (const file of expected.eleventy.files) expect(error.message).toContain(`./${site}/${file}`);
  } else {
    const [first, ...rest] = error.message.split("\n");
    const lines = (expected.lines ?? expected.starts ?? []).map(prefixed);
    expect(first).toBe(head(expected.subject ?? "the edition", lines));
    if (expected.lines) expect(rest).toEqual(lines.map((line) => `  - ${line}`));
    else {
      expect(rest).toHaveLength(lines.length);
      rest.forEach((line, i) => expect(line.startsWith(`  - ${lines[i]}`), line).toBe(true));
    }
    // Each problem's file and field are the ones its line names.
    expect((error.problems ?? []).map((p) => `${p.file}: ${p.field}: `)).toEqual(
      lines.map((line) => line.slice(0, line.indexOf(": ", line.indexOf(": ") + 2) + 2)),
    );
  }
  // No page is written: not the bad document's, nor any other.
  expect(filesIn(output).filter((file) => file.endsWith(".html"))).toEqual([]);
  expect(folderHash(site)).toBe(before);
}

describe("the bad-input corpus", () => {
  it("has a folder for every case and a case for every folder", () => {
    const folders = readdirSync(CORPUS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(CASES).sort());
    expect(folders.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    if (!expected.bug) {
      it(name, () => checkCase(name, expected));
      continue;
    }
    // A known bug's case fails until it is fixed; then `bug` comes off and it must pass.
    it.fails(`${name} (known bug: ${expected.bug.what})`, () => checkCase(name, expected));
    it(`${name}, as the bug has it now`, () => checkCase(name, expected.bug!.now));
  }
});

describe("a site broken in several ways, built by the command line", () => {
  const SITE = "test/fixtures/corpus-cli";
  const EXPECTED = [
    `editions/talks/front-matter.md: clasification: unknown field; did you mean "classification"? ${OWN_DOCUMENT_FIELD}`,
    `editions/talks/front-matter.md: date: found "1979-02-30"; expected ${DATE}`,
    `editions/talks/minutes.md: people.0: found "nobody"; expected a key of the people register in ${SITE}/_data/register/people.* (han-nianlong)`,
    `editions/talks/minutes.md: line 7: found "someone"; expected a key of the people register in ${SITE}/_data/register/people.* (han-nianlong)`,
    `editions/talks/text.md: line 6: found "{suplied: this}"; expected a transcription mark: one of ${MARKS} (write \\{ for a literal brace)`,
    `editions/talks/text.md: line 8: found "[^meeting]"; expected a note defined for this reference: a line "[^meeting]: …" after the text (write \\[^ for literal text)`,
  ].map((line) => `${SITE}/${line}`);

  function build(output: string) {
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ["node_modules/@11ty/eleventy/cmd.cjs", "--input", SITE, "--config", CONFIG, "--output", output],
      {
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    return { ...run, seconds: (Date.now() - started) / 1000, printed: `${run.stdout}\n${run.stderr}` };
  }

  // One run of the command line, for both tests.
  const output = tempDir();
  let before: string;
  let run: ReturnType<typeof build>;
  beforeAll(() => {
    before = folderHash(SITE);
    run = build(output);
  });

  it("exits non-zero within seconds, printing every problem once, in the plugin's words, and writes no page", () => {
    expect(run.error, "the command line did not finish within 30 s").toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.status).not.toBe(0);
    expect(run.seconds).toBeLessThan(30);
    expect(run.printed).toContain(head("the edition", EXPECTED));
    for (const line of EXPECTED) expect(run.printed.split(line).length - 1, line).toBe(1);
    expect(run.printed.split("[documentary-edition]").length - 1).toBe(1);
    expect(run.printed).not.toContain("Having trouble");
    expect(run.printed).not.toContain("(via EditionValidationError)");
    expect(run.printed).not.toMatch(/Writing .*\.html/);
    expect(filesIn(output).filter((file) => /^editions\/.*index\.html$/.test(file))).toEqual([]);
    expect(filesIn(output).filter((file) => file.endsWith(".html"))).toEqual([]);
    expect(folderHash(SITE)).toBe(before);
  });

  // The TEI and citation files of the documents are written as drafts while the pages are
  // rendered, and removed when the report stops the build.
  it("writes no file of a document, not its TEI or its citations", () => {
    expect(run.status).not.toBe(0);
    expect(filesIn(output).filter((file) => file.startsWith("editions"))).toEqual([]);
  });
});

describe("a bad plugin option, built by the command line", () => {
  // An option's error is thrown when the build starts, not inside addPlugin, where Eleventy would
  // print it wrapped in an error of its own ("Error processing the … plugin (via EleventyPluginError)").
  it("is printed once, in the plugin's words, without Eleventy's wrapping", () => {
    const run = spawnSync(
      process.execPath,
      [
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--input",
        `${CORPUS}/option-unknown`,
        "--config",
        CONFIG,
        "--output",
        tempDir(),
      ],
      { encoding: "utf8", timeout: 30_000 },
    );
    const printed = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(printed.split('plugin options: editionDir: unknown field; did you mean "editionsDir"?').length - 1).toBe(1);
    expect(printed).not.toContain("(via EditionValidationError)");
    expect(printed).not.toContain("(via EleventyPluginError)");
  });
});
