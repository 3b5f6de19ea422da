/**
 * TEI P5 → the plugin's Markdown edition, in memory (issue 18). Pure: no file system. Parsed once
 * with fast-xml-parser; each form is one walk over the tree, linear in the input.
 */
import { importVolume } from "./volume.js";
import type { RegisterEntry, RegisterKind } from "./register.js";
import type { UnmappedEntry } from "./unmapped.js";
import { importDocuments } from "./documents.js";
import { attr, findDeep, parseXml, tagOf } from "./xml.js";

export { registerKey } from "./register.js";
export { escapeText } from "./markdown.js";
export { zoneOf } from "./volume.js";

export interface ImportedEdition {
  /** The edition's folder name: the TEI's root xml:id, else options.fallbackSlug. */
  slug: string;
  /** Files relative to the edition's folder, in a stable order; one marked keepExisting is written only where there is none. */
  files: { path: string; content: string; keepExisting?: boolean }[];
  /** Register entries the documents use, by kind, keyed by register key. */
  register: Partial<Record<RegisterKind, Record<string, RegisterEntry>>>;
  /** Entries known only from the words of a mention: added where the site's register lacks the key, never compared. */
  registerIfMissing?: Partial<Record<RegisterKind, Record<string, RegisterEntry>>>;
  /** What the import did not map, counted. */
  unmapped: UnmappedEntry[];
}

export function importTei(xml: string, options: { fallbackSlug: string }): ImportedEdition {
  const tree = parseXml(xml);
  const root = tree.find((n) => tagOf(n) === "TEI" || tagOf(n) === "teiCorpus");
  if (!root) throw new Error("not a TEI file: no <TEI> or <teiCorpus> root element");
  // A volume's documents are divisions of one text; otherwise each document is a TEI of its own.
  if (
    tagOf(root) === "TEI" &&
    findDeep(root, (n) => tagOf(n) === "div" && attr(n, "type") === "document" && attr(n, "n") !== undefined)
  )
    return importVolume(root, attr(root, "xml:id") ?? options.fallbackSlug);
  return importDocuments(root, options.fallbackSlug);
}
