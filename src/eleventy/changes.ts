/**
 * Which editions' own files (the TEI corpus, the citation files) a build writes. A full build
 * renders every document, so it writes them all; a save under `--incremental` renders one
 * document, so only its edition's files are made again, not every edition's.
 */
import type { Edition, EditionDocument, EditionModel } from "../model/edition.js";

/** What an edition's files are made from besides its documents' own records: its metadata and its list. */
function signature(edition: Edition): string {
  const { documents, register, parts, ...metadata } = edition;
  const partsOf = (list: typeof parts): unknown[] =>
    list.map((part) => [part.title, part.url, part.folder, partsOf(part.parts)]);
  return JSON.stringify([metadata, partsOf(parts), documents.map((doc) => [doc.url, doc.part?.folder])]);
}

export class EditionChanges {
  #rendered = new Set<string>();
  #written = new Map<string, string>();
  #changed: Edition[] | undefined;

  /** At the start of each build. */
  start(): void {
    this.#rendered.clear();
    this.#changed = undefined;
  }

  /** Told of each document rendered in this build. */
  rendered(doc: EditionDocument): void {
    this.#rendered.add(doc.edition.url);
  }

  /** The editions whose files this build writes: one of their documents was rendered, or their metadata or list changed. */
  changed(model: EditionModel): Edition[] {
    if (!this.#changed) {
      this.#changed = model.editions.filter((edition) => {
        const now = signature(edition);
        const changed = this.#rendered.has(edition.url) || this.#written.get(edition.url) !== now;
        this.#written.set(edition.url, now);
        return changed;
      });
    }
    return this.#changed;
  }
}
