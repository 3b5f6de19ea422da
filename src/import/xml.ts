/**
 * The parsed TEI, as fast-xml-parser gives it with `preserveOrder`: each node an object whose one
 * key (besides ":@", the attributes) is its tag, holding its children in order; text as "#text".
 */
import { XMLParser } from "fast-xml-parser";

export type XNode = Record<string, unknown>;

/** The whole file, in document order. Entities are resolved; whitespace is kept as written. */
export function parseXml(xml: string): XNode[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
  });
  return parser.parse(xml) as XNode[];
}

export const tagOf = (n: XNode): string | undefined => Object.keys(n).find((k) => k !== ":@");
export const kids = (n: XNode): XNode[] => {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
};
export const attr = (n: XNode, name: string): string | undefined => {
  const a = n[":@"] as Record<string, string> | undefined;
  return a?.[`@_${name}`];
};
export const isText = (n: XNode): boolean => "#text" in n;
export const textOf = (n: XNode): string => String(n["#text"]);
/** Child elements, without text, comments or processing instructions. */
export const elements = (n: XNode): XNode[] =>
  kids(n).filter((k) => !isText(k) && !tagOf(k)?.startsWith("?") && tagOf(k) !== "#comment");
export const find = (n: XNode, tag: string): XNode | undefined => elements(n).find((k) => tagOf(k) === tag);

/** All the text of a node, whitespace as in the source. */
export function plain(n: XNode, skip: (e: XNode) => boolean = () => false): string {
  if (isText(n)) return textOf(n);
  if (skip(n) || tagOf(n) === "#comment") return "";
  return kids(n)
    .map((k) => plain(k, skip))
    .join("");
}
export const squash = (s: string): string => s.replace(/\s+/g, " ");
export const norm = (s: string): string => squash(s).trim();

/** The first descendant, in document order, that passes the test. */
export function findDeep(n: XNode, test: (n: XNode) => boolean): XNode | undefined {
  for (const k of elements(n)) {
    if (test(k)) return k;
    const f = findDeep(k, test);
    if (f) return f;
  }
  return undefined;
}
/** The first descendant with this tag that lies inside an element with the tag `within`. */
export function findWithin(n: XNode, tag: string, within: string, inside = false): XNode | undefined {
  for (const k of elements(n)) {
    const t = tagOf(k);
    if (t === tag && inside) return k;
    const f = findWithin(k, tag, within, inside || t === within);
    if (f) return f;
  }
  return undefined;
}
