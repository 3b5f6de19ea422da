/**
 * Cross-references resolved against the model: `{doc 31}`, `{doc 31 note 5}`, `{doc other/31}`
 * (src/markdown/references.ts reads them). A reference leads to the document of that number in its
 * edition, or to one of its notes, numbered as its page numbers them.
 */
import type { Edition, EditionDocument, EditionModel } from "./edition.js";
import { documentId, fragment, noteId } from "./ids.js";

export interface ReferenceLabels {
  document: string;
  footnote: string;
}

/** Where a document's notes are referred to in its Markdown, each label once: `[^3]` and `^[an inline note]`. */
export function countNotes(markdown: string): number {
  const labels = new Set<string>();
  let inline = 0;
  for (const match of markdown.matchAll(/(\\?)\[\^([^\]\s]+)\](:?)|(\\?)\^\[/g)) {
    if (match[1] || match[4]) continue;
    if (match[2] !== undefined) {
      if (!match[3]) labels.add(match[2]);
    } else inline++;
  }
  return labels.size + inline;
}

/** A document as a reference to it needs it: its number, URL and title, and how many notes a reference may name. */
export interface ReferableDocument {
  id: string;
  number: string;
  url: string;
  title: string;
  /** Its last note's number, as its page numbers its notes (the source note first, where its edition numbers it). */
  notes: number;
}

/** An edition as references to it need it: in a partitioned build, another partition's, from its reference table. */
export interface ReferableEdition {
  slug: string;
  title: string;
  documents: ReferableDocument[];
}

type HasSourceNote = (doc: EditionDocument) => boolean;

/**
 * A document's last note number, as its page numbers its notes. `hasSourceNote` says whether a
 * document prints a source note, which is its note 1 where its edition numbers the source note.
 */
function lastNote(doc: EditionDocument | ReferableDocument, hasSourceNote: HasSourceNote): number {
  if (!("noteCount" in doc)) return doc.notes;
  return doc.noteCount + (doc.edition.numberSourceNote && hasSourceNote(doc) ? 1 : 0);
}

/** An edition's documents as references find them, for a reference table. */
export function referableEdition(edition: Edition, hasSourceNote: HasSourceNote): ReferableEdition {
  return {
    slug: edition.slug,
    title: edition.title,
    documents: edition.documents.map((doc) => ({
      id: doc.id,
      number: doc.number,
      url: doc.url,
      title: doc.title,
      notes: lastNote(doc, hasSourceNote),
    })),
  };
}

/**
 * A resolver of references for one build: `resolve(from, target)` gives the target's URL, title and
 * default words, or what was expected. The model's editions are found first, then `others` (the
 * editions of other partitions that this one refers to).
 */
export function referenceResolver(
  model: Pick<EditionModel, "editions">,
  labels: ReferenceLabels,
  hasSourceNote: HasSourceNote,
  others: readonly ReferableEdition[] = [],
) {
  const numbers = new Map<Edition | ReferableEdition, Map<string, EditionDocument | ReferableDocument>>();
  const byNumber = (edition: Edition | ReferableEdition) => {
    let found = numbers.get(edition);
    if (!found) {
      // Where two documents share a number (an error of its own), the first keeps it, as that error says.
      found = new Map();
      for (const doc of edition.documents) if (!found.has(doc.number)) found.set(doc.number, doc);
      numbers.set(edition, found);
    }
    return found;
  };
  const editions = [...model.editions, ...others];
  return function resolve(
    from: Edition | undefined,
    target: { edition?: string; number: string; note?: number },
  ): { href: string; title: string; text: string } | { expected: string } {
    const edition = target.edition ? editions.find((e) => e.slug === target.edition) : from;
    if (!edition) {
      return {
        expected: target.edition
          ? `an edition of the site before the "/": ${editions.map((e) => e.slug).join(", ")}`
          : "a reference from a document of an edition",
      };
    }
    const doc = byNumber(edition).get(target.number);
    if (!doc) {
      const numbers = [...byNumber(edition).keys()].filter(Boolean);
      const shown = numbers.length > 12 ? `${numbers.slice(0, 12).join(", ")}…` : numbers.join(", ");
      return { expected: `the number of a document of "${edition.title}" (${shown || "it has none"})` };
    }
    const title = `${labels.document} ${doc.number}: ${doc.title}`;
    const text = `${labels.document} ${doc.number}`;
    if (target.note === undefined) return { href: doc.url, title, text };
    // Counted only for the document a note reference names: a source note is made to be counted.
    const last = lastNote(doc, hasSourceNote);
    if (target.note > last) {
      const has = last === 0 ? "no notes" : last === 1 ? "one note, note 1" : `notes 1 to ${last}`;
      return { expected: `a note of ${labels.document} ${doc.number}: it has ${has}` };
    }
    return {
      href: `${doc.url}${fragment(noteId(documentId(doc.id), target.note))}`,
      title,
      text: `${text}, ${labels.footnote} ${target.note}`,
    };
  };
}
