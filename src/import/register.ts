/**
 * The register of an imported volume: the persons, terms and places its front matter lists
 * (FRUS's "Persons" and "Abbreviations and Terms"), keyed by their xml:id, and the entries the
 * documents end up using.
 */
import type { Unmapped } from "./unmapped.js";
import { attr, elements, norm, plain, tagOf, type XNode } from "./xml.js";

export type RegisterKind = "people" | "places" | "subjects" | "terms";
export interface RegisterEntry {
  name: string;
  sortName?: string;
  identification?: string;
}
export interface RegisterSource {
  kind: RegisterKind;
  key: string;
  entry: RegisterEntry;
}
/** The mark that names an entry of each kind in the text: `{person key: …}`. */
export const MARK_OF_KIND: Record<RegisterKind, string> = {
  people: "person",
  places: "place",
  subjects: "subject",
  terms: "term",
};

/** A register key from a name: "Kissinger, Henry A." → kissinger-henry-a; "EC–121" → ec-121. */
export function registerKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, " ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "Kissinger, Henry A." → "Henry A. Kissinger"; "Smith, John, Jr." → "John Smith, Jr.". */
function displayName(sortName: string): string {
  const bare = norm(sortName.replace(/\([^)]*\)/g, ""));
  const comma = bare.indexOf(", ");
  if (comma <= 0) return bare;
  const last = bare.slice(0, comma);
  const given = bare.slice(comma + 2);
  const suffix = /^(.*), (Jr\.|Sr\.|I{2,3}|IV)$/.exec(given);
  return suffix ? `${suffix[1]} ${last}, ${suffix[2]}` : `${given} ${last}`;
}

/** The register the front's lists define, by xml:id, and the entries used so far. */
export class Register {
  private readonly byId = new Map<string, RegisterSource>();
  private readonly keys = new Set<string>();
  readonly used: Partial<Record<RegisterKind, Record<string, RegisterEntry>>> = {};

  /** Reads the front's divisions: each list's items that name a persName, term or placeName with an xml:id. */
  readFront(front: XNode, unmapped: Unmapped): void {
    for (const div of elements(front)) {
      const lists = tagOf(div) === "div" ? elements(div).filter((k) => tagOf(k) === "list") : [];
      if (!lists.length) {
        unmapped.add(tagOf(div)!);
        continue;
      }
      for (const k of elements(div)) if (tagOf(k) !== "list" && tagOf(k) !== "head") unmapped.add(tagOf(k)!);
      for (const list of lists) this.readList(list, unmapped);
    }
  }

  private readList(list: XNode, unmapped: Unmapped): void {
    for (const item of elements(list)) {
      if (tagOf(item) !== "item") {
        if (tagOf(item) !== "head") unmapped.add(tagOf(item)!);
        continue;
      }
      const named = firstNamed(item);
      if (!named) {
        unmapped.add("item");
        continue;
      }
      const label = norm(plain(named));
      const rest = norm(plain(item, (e) => e === named))
        .replace(/^[,;:\s]+/, "")
        .replace(/[,;\s]+$/, "");
      const kind: RegisterKind = tagOf(named) === "persName" ? "people" : tagOf(named) === "term" ? "terms" : "places";
      const name = kind === "people" ? displayName(label) : label;
      const entry: RegisterEntry = { name, ...(name !== label ? { sortName: label } : {}) };
      if (rest) entry.identification = rest;
      this.byId.set(attr(named, "xml:id")!, { kind, key: this.claim(kind, registerKey(label)), entry });
    }
  }

  private claim(kind: RegisterKind, base: string): string {
    let key = base || "entry";
    for (let i = 2; this.keys.has(`${kind}/${key}`); i++) key = `${base}-${i}`;
    this.keys.add(`${kind}/${key}`);
    return key;
  }

  /** The entry a pointer (`#id`, or the first of several) names, counted as used; undefined if none. */
  mention(pointer: string | undefined): RegisterSource | undefined {
    const id = pointer?.split(/\s+/)[0]?.replace(/^#/, "");
    const source = id ? this.byId.get(id) : undefined;
    if (source) (this.used[source.kind] ??= {})[source.key] = source.entry;
    return source;
  }
}

function firstNamed(n: XNode): XNode | undefined {
  for (const k of elements(n)) {
    const t = tagOf(k);
    if ((t === "persName" || t === "term" || t === "placeName") && attr(k, "xml:id")) return k;
    const f = firstNamed(k);
    if (f) return f;
  }
  return undefined;
}
