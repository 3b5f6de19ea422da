import { describe, expect, it } from "vitest";
import { noteKind } from "../src/markdown/notes.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { sourceNoteHtml } from "../src/render/notes.js";
import { build, source } from "./helpers/model.js";
import { markdown } from "./helpers/markdown.js";
import { allByClass, blocks, byClass } from "./helpers/site.js";

const { render } = markdown((env) => (env.sourceNote as string | undefined) ?? undefined);

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
const fragments = (html: string) => [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] as string);

describe("notes", () => {
  const doc = "Text.[^a] More text.[^b] And again.[^a]\n\n[^a]: The first note.\n\n[^b]: The second note.";

  it("give two documents with the same labels on one page disjoint ids, every link resolving", () => {
    const page = render(doc, { docId: "talks-first" }) + render(doc, { docId: "talks-second" });
    const all = ids(page);
    expect(new Set(all).size).toBe(all.length);
    const known = new Set(all);
    expect(fragments(page).length).toBeGreaterThan(10);
    expect(fragments(page).filter((f) => !known.has(f))).toEqual([]);
    expect(all).toEqual(
      expect.arrayContaining(["fn-talks-first-1", "fn-talks-second-1", "sn-talks-first-1", "sn-talks-second-1"]),
    );
  });

  it("link each reference to its sidenote and its endnote, and each note back to the reference", () => {
    const page = render(doc, { docId: "d" });
    expect(page).toContain(
      '<sup class="de-ref de-ref-editorial" id="fnref-d-1" tabindex="-1" data-pagefind-ignore><a class="de-ref-side" href="#sn-d-1" aria-label="Note 1">1</a><a class="de-ref-end" href="#fn-d-1" aria-label="Note 1">1</a></sup>',
    );
    expect(byClass(page, "de-sidenote")).toContain(
      '<a class="de-backref" href="#fnref-d-1" aria-label="Back to the text">',
    );
    expect(byClass(page, "de-notes-list")).toContain(
      '<a class="de-backref" href="#fnref-d-1" aria-label="Back to the text">',
    );
    // A second reference to the same note links to it, with no second sidenote.
    expect(page).toContain('id="fnref-d-1:1"');
    expect(allByClass(page, "de-sidenote")).toHaveLength(2);
  });

  it("mark translator's notes as such, visibly and for screen readers", () => {
    const page = render(
      "Word.[^translator-1] Other.[^ed]\n\n[^translator-1]: The Chinese has a pun here.\n\n[^ed]: An editor's note.",
      { docId: "d" },
    );
    expect(page).toContain(
      '<sup class="de-ref de-ref-translator" id="fnref-d-1" tabindex="-1" data-pagefind-ignore><a class="de-ref-side" href="#sn-d-1" aria-label="Translator&#39;s note 1">',
    );
    expect(page).toContain(
      '<li id="fn-d-1" class="de-note de-note-translator" value="1" tabindex="-1"><span class="de-note-kind">Translator&#39;s note</span>',
    );
    expect(page).toContain('<li id="fn-d-2" class="de-note de-note-editorial" value="2" tabindex="-1">');
    expect(blocks(allByClass(page, "de-sidenote")[0] as string).join(" ")).toContain(
      "Translator's note: The Chinese has a pun here.",
    );
    expect(noteKind("translator")).toBe("translator");
    expect(noteKind("Translator-2")).toBe("translator");
    expect(noteKind("1")).toBe("editorial");
    expect(noteKind(undefined)).toBe("editorial");
  });

  it("put the source note first, and give it a notes section even without footnotes", () => {
    const withNotes = render("Text.[^1]\n\n[^1]: A note.", { docId: "d", sourceNote: "<b>Source:</b> An archive." });
    expect(byClass(withNotes, "de-notes").indexOf("de-source-note")).toBeLessThan(
      byClass(withNotes, "de-notes").indexOf("de-notes-list"),
    );
    const alone = render("Text only.", { docId: "d", sourceNote: "<b>Source:</b> An archive." });
    expect(alone).toBe(
      '<p>Text only.</p>\n<section class="de-notes" aria-labelledby="d-notes">\n<h2 id="d-notes">Notes</h2>\n<p class="de-note de-source-note" role="note"><b>Source:</b> An archive.</p>\n</section>',
    );
    expect(render("Text only.", { docId: "d" })).toBe("<p>Text only.</p>");
  });
});

describe("the source note", () => {
  const noteOf = (data: Record<string, unknown>) => {
    const [doc] = build([source("e/d", { title: "T", date: "1979", ...data })]).documents;
    return sourceNoteHtml(doc!, { labels: DEFAULT_LABELS, locale: "en-US" })?.value;
  };

  it("is built from the record as FRUS prints it", () => {
    expect(
      noteOf({
        archive: "National Archives",
        collection: "RG 59",
        callNumber: "P840156-1951",
        pages: 12,
        classification: "Secret",
        handling: ["Nodis"],
        telegram: { precedence: "Immediate" },
        originalLanguage: "ru",
        translation: { language: "en", translator: ["A. Translator", "B. Translator"] },
        source: { title: "A <Digital> Archive", url: "https://example.org/doc" },
      }),
    ).toBe(
      '<span class="de-note-kind">Source:</span> National Archives, RG 59, P840156-1951, p. 12. Secret; Immediate; Nodis. Translated from Russian by A. Translator, B. Translator. Text from <a href="https://example.org/doc">A &lt;Digital&gt; Archive</a>.',
    );
  });

  it("says only what the record has, and nothing where it has none of it", () => {
    expect(noteOf({ archive: "An Archive", folios: "3r-4v" })).toBe(
      '<span class="de-note-kind">Source:</span> An Archive, ff. 3r-4v.',
    );
    expect(noteOf({ translation: { language: "en", translator: "T" } })).toBe(
      '<span class="de-note-kind">Source:</span> Translated by T.',
    );
    expect(noteOf({})).toBeUndefined();
  });

  it("says plainly what the editor marked unknown, and never prints unknown as a value", () => {
    const kind = '<span class="de-note-kind">Source:</span>';
    expect(noteOf({ archive: "unknown", callNumber: "unknown", classification: "Secret" })).toBe(
      `${kind} Archive and call number not known. Secret.`,
    );
    expect(noteOf({ archive: "unknown", collection: "RG 59", callNumber: "P84", pages: "3-4" })).toBe(
      `${kind} RG 59, P84, pp. 3-4. Archive not known.`,
    );
    expect(noteOf({ archive: "An Archive", callNumber: "unknown" })).toBe(`${kind} An Archive. Call number not known.`);
    expect(noteOf({ originalLanguage: "zh", translation: { language: "en", translator: "unknown" } })).toBe(
      `${kind} Translated from Chinese; translator not known.`,
    );
    expect(noteOf({ translation: { language: "en", translator: "unknown" } })).toBe(`${kind} Translator not known.`);
  });

  it("takes its words for what is not known from the labels, which a site may translate", () => {
    const [doc] = build([
      source("e/d", {
        title: "T",
        date: "1979",
        archive: "unknown",
        originalLanguage: "zh",
        translation: { language: "fr", translator: "unknown" },
      }),
    ]).documents;
    const labels = {
      ...DEFAULT_LABELS,
      sourceNote: "Source :",
      sourceNoteArchiveNotKnown: "Dépôt inconnu.",
      sourceNoteTranslatedTranslatorNotKnown: "Traduit du {language} ; traducteur inconnu.",
    };
    expect(sourceNoteHtml(doc!, { labels, locale: "fr" })?.value).toBe(
      '<span class="de-note-kind">Source :</span> Dépôt inconnu. Traduit du chinois ; traducteur inconnu.',
    );
  });
});
