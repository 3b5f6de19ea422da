/**
 * The site's ways in besides its editions: a chronology of every document, grouped by year and
 * month, and an index of every register entry with the documents that list or mention it. Built
 * once per build from the edition model, in one pass over the documents.
 */
import { dateSortKey } from "./date.js";
import type { EditionDocument, RegisterUse } from "./edition.js";
import { FRONT_MATTER_KINDS, REGISTER_KINDS, type RegisterKind } from "./register.js";

export interface ChronologyMonth {
  /** Undefined for the documents of the year whose month is not known. */
  month?: number;
  documents: EditionDocument[];
}

export interface ChronologyYear {
  year: number;
  months: ChronologyMonth[];
}

/** Every document in date order (partly known dates first in their period), by year and month. */
export function chronology(documents: readonly EditionDocument[]): ChronologyYear[] {
  const sorted = documents
    .map((doc) => ({ doc, key: dateSortKey(doc.date) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.doc.id < b.doc.id ? -1 : 1));
  const years: ChronologyYear[] = [];
  for (const { doc } of sorted) {
    let year = years.at(-1);
    if (year?.year !== doc.date.year) {
      year = { year: doc.date.year, months: [] };
      years.push(year);
    }
    let month = year.months.at(-1);
    if (!month || month.month !== doc.date.month) {
      month = { ...(doc.date.month ? { month: doc.date.month } : {}), documents: [] };
      year.months.push(month);
    }
    month.documents.push(doc);
  }
  return years;
}

export interface IndexEntry {
  kind: RegisterKind;
  key: string;
  name: string;
  identification?: string;
  url: string;
  /** The documents that list the entry in their front matter or mention it, in date order. */
  documents: EditionDocument[];
}

export interface IndexKind {
  kind: RegisterKind;
  url: string;
  entries: IndexEntry[];
}

/** The kinds a site's index pages cover: what front matter lists, and the terms texts mention. */
export const INDEX_KINDS: readonly RegisterKind[] = [...FRONT_MATTER_KINDS, "terms"];

/**
 * One index per kind of register entry, from the editions' register uses: each entry with every
 * document that lists or mentions it, across editions.
 */
export function registerIndex(
  uses: readonly RegisterUse[],
  url: (kind: RegisterKind, key?: string) => string,
  listed: readonly RegisterKind[] = [],
): IndexKind[] {
  const entries = new Map<string, IndexEntry & { seen: Set<EditionDocument>; sortName: string }>();
  for (const use of uses) {
    const id = `${use.kind}:${use.key}`;
    let entry = entries.get(id);
    if (!entry) {
      entry = {
        kind: use.kind,
        key: use.key,
        name: use.entry.name,
        ...(use.entry.identification ? { identification: use.entry.identification } : {}),
        url: url(use.kind, use.key),
        documents: [],
        seen: new Set(),
        sortName: use.entry.sortName ?? use.entry.name,
      };
      entries.set(id, entry);
    }
    for (const doc of [...use.documents, ...use.mentions.map((m) => m.doc)]) {
      if (entry.seen.has(doc)) continue;
      entry.seen.add(doc);
      entry.documents.push(doc);
    }
  }
  const byKind = new Map<RegisterKind, (IndexEntry & { sortName: string })[]>();
  for (const { seen: _seen, ...entry } of entries.values()) {
    entry.documents.sort((a, b) =>
      dateSortKey(a.date) < dateSortKey(b.date) ? -1 : dateSortKey(a.date) > dateSortKey(b.date) ? 1 : 0,
    );
    const list = byKind.get(entry.kind);
    if (list) list.push(entry);
    else byKind.set(entry.kind, [entry]);
  }
  return REGISTER_KINDS.filter((kind) => INDEX_KINDS.includes(kind) && (byKind.has(kind) || listed.includes(kind))).map(
    (kind) => ({
      kind,
      url: url(kind),
      entries: (byKind.get(kind) ?? [])
        .sort((a, b) => a.sortName.localeCompare(b.sortName))
        .map(({ sortName: _sortName, ...entry }) => entry),
    }),
  );
}
