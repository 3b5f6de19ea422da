/**
 * Every id the edition gives a thing a reader or a program can point at: a register entry, a
 * mention of it, a page or folio break, a note. The HTML page, the register page and the TEI
 * export all take their ids here, so that `#person-le.duan` is the same string in a page's link,
 * the register's `id` and the TEI's `@ref`.
 *
 * Each id is a valid HTML id and an XML NCName (an `xml:id`): it starts with a letter and holds
 * only letters, digits, "-", "_" and ".". A key's id is never made by replacing what does not
 * fit with "-", which made `le.duan` and `le-duan` one anchor.
 */
import { MENTIONS, type MentionKind, type RegisterKind } from "./register.js";

/**
 * The letters an id keeps as they are: ASCII, Latin (Vietnamese included), Greek, Cyrillic, the CJK
 * ideographs, kana and Hangul, each range as XML 1.0's fourth edition (Appendix B) names it. That
 * older table is what jing and Xerces check an xml:id against: a letter it lacks (ǅ, 𠀀) fails
 * the TEI's validation though a newer XML allows it, so such a letter is written in hex instead.
 */
const LETTERS =
  "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u0131\\u0134-\\u013E\\u0141-\\u0148\\u014A-\\u017E\\u0180-\\u01C3\\u01CD-\\u01F0\\u01F4\\u01F5\\u01FA-\\u0217" +
  "\\u0386\\u0388-\\u038A\\u038C\\u038E-\\u03A1\\u03A3-\\u03CE\\u0401-\\u040C\\u040E-\\u044F\\u0451-\\u045C\\u045E-\\u0481" +
  "\\u1E00-\\u1E9B\\u1EA0-\\u1EF9\\u3041-\\u3094\\u30A1-\\u30FA\\u4E00-\\u9FA5\\uAC00-\\uD7A3";
/** A character a key keeps in its id. */
const KEPT = new RegExp(`^[${LETTERS}0-9_.-]$`);
/** A register key as `registerKey` in schema.ts admits it, made only of characters an id keeps. */
const PLAIN_KEY = new RegExp(`^[${LETTERS}0-9][${LETTERS}0-9_.-]*$`);
const LETTER_START = new RegExp(`^[${LETTERS}]`);

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
  (Object.keys(MENTIONS) as MentionKind[]).find((k) => k === kind || MENTIONS[k] === kind) ??
  (kind === "subjects" ? "subject" : kind);

/** A register entry on its register page: "person-han-nianlong", "person-le.duan". */
export const entryId = (kind: MentionKind | RegisterKind, key: string) => `${singular(kind)}-${keyPart(key)}`;

/** A mention in its document: "<docId>-person-han-nianlong-1" for the key's first mention there. */
export const mentionId = (docId: string, kind: MentionKind, key: string, occurrence: number) =>
  `${docId}-${entryId(kind, key)}-${occurrence}`;

/**
 * A page or folio break: "<docId>-page-11" for a page of the original, "<docId>-printed-page-118"
 * for a page of the printed volume the edition reprints (no value gives one the other's id: each
 * begins with its kind); a value that is not a plain key is written as `keyPart` writes it.
 */
export const breakId = (docId: string | undefined, kind: "page" | "printed-page" | "folio", value: string) =>
  `${docId ? `${docId}-` : ""}${kind}-${keyPart(value)}`;

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
