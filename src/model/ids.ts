/**
 * Every id the edition gives a thing a reader or a program can point at: a register entry, a
 * mention of it, a page or folio break, a note. The HTML page, the register page and the TEI
 * export all take their ids here, so that `#person-le.duan` is the same string in a page's link,
 * the register's `id` and the TEI's `@ref`.
 *
 * Each id is a valid HTML id and an XML NCName (an `xml:id`): it starts with a letter and holds
 * only letters, digits, "-", "_" and "." (XML 1.0 name characters). Ids are never made by
 * replacing what does not fit with "-", which made `le.duan` and `le-duan` one anchor.
 */
import { MENTIONS, type MentionKind, type RegisterKind } from "./register.js";

/** XML 1.0 (fifth edition) name characters: what an NCName may hold beyond ASCII letters and digits. */
const NAME_START = "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;

/** A character a key keeps in its id: a key's letter, digit, "-", "_" or "." that XML names allow too. */
const KEPT = new RegExp(`^(?=[\\p{L}\\p{N}_.-])[${NAME_CHAR}]$`, "u");
/** A register key as `registerKey` in schema.ts admits it, made only of characters an id keeps. */
const PLAIN_KEY = new RegExp(`^(?=[\\p{L}\\p{N}])(?:(?=[\\p{L}\\p{N}_.-])[${NAME_CHAR}])+$`, "u");
const LETTER_START = new RegExp(`^(?=\\p{L})[${NAME_START}]`, "u");

/**
 * A register key as it stands in an id: the key itself where every character may stand in an id
 * (`le.duan`, `Le-Duan`, `lê-duẩn`); any other key (one no front matter would accept, but a
 * register file or a mention might hold) starts with "_", which no plain key does, and writes each
 * character that may not stand in an id, and "_", as its code point in hex between two "_":
 * "a/b" gives `_a_2f_b`. Two different keys never share an id.
 */
export function keyPart(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  let out = "_";
  for (const c of key) out += c !== "_" && KEPT.test(c) ? c : `_${(c.codePointAt(0) as number).toString(16)}_`;
  return out;
}

const singular = (kind: MentionKind | RegisterKind): string =>
  (Object.keys(MENTIONS) as MentionKind[]).find((k) => k === kind || MENTIONS[k] === kind) ?? (kind === "subjects" ? "subject" : kind);

/** A register entry on its register page: "person-han-nianlong", "person-le.duan". */
export const entryId = (kind: MentionKind | RegisterKind, key: string) => `${singular(kind)}-${keyPart(key)}`;

/** A mention in its document: "<docId>-person-han-nianlong-1" for the key's first mention there. */
export const mentionId = (docId: string, kind: MentionKind, key: string, occurrence: number) => `${docId}-${entryId(kind, key)}-${occurrence}`;

/** A page or folio break: "<docId>-page-11"; a value that is not a plain key is written as `keyPart` writes it. */
export const breakId = (docId: string | undefined, kind: "page" | "folio", value: string) => `${docId ? `${docId}-` : ""}${kind}-${keyPart(value)}`;

/**
 * A note's ids, as markdown-it-footnote names them: its endnote (`fn-<docId>-1`), the reference to
 * it in the text (`fnref-…`, `fnref-…:2` for a second reference) and its sidenote (`sn-…`). The
 * TEI `<note>` carries the endnote's id.
 */
export function noteId(docId: string | undefined, n: number, part: "fn" | "fnref" | "sn" = "fn", subId = 0): string {
  return `${part}${docId === undefined ? "" : `-${docId}-`}${n}${subId > 0 ? `:${subId}` : ""}`;
}

/** The heading of a document's notes: "<docId>-notes". */
export const notesId = (docId: string | undefined) => `${docId ? `${docId}-` : ""}notes`;

/**
 * A document's id in ids, from its path in the editions folder ("talks/cable" gives "talks-cable"):
 * each run of characters an id may not hold becomes "-", and "d" goes before a first character
 * that is not a letter. Two paths can give one id ("talks/a-b" and "talks/a/b"): the edition
 * reports that (`documentIdProblems`) rather than renaming what editors have linked to.
 */
export function documentId(path: string): string {
  let out = "";
  let replaced = false;
  for (const c of path) {
    if (KEPT.test(c) && c !== ".") {
      out += c;
      replaced = false;
    } else if (!replaced) {
      out += "-";
      replaced = true;
    }
  }
  return LETTER_START.test(out) ? out : `d${out}`;
}

/** The fragment of a link to an id: the id's characters need no escaping in a URL's fragment or an IRI. */
export const fragment = (id: string) => `#${id}`;
