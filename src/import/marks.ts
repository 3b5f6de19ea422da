/**
 * The TEI elements that have a transcription mark of the plugin's own, and what decides their
 * mark: a gap's description, highlighting's rendition, a foreign passage's language, whether a
 * quotation's marks are printed. Each of these comes back as the same element from the plugin's TEI.
 */
import { escapeHtml } from "../markup/html.js";
import { escapeText, wrap } from "./markdown.js";
import type { Unmapped } from "./unmapped.js";
import { attr, find, isText, norm, plain, tagOf, textOf, type XNode } from "./xml.js";

/** The elements whose content is a mark's content, and the mark: `<supplied>` → `{supplied: …}`. */
export const INLINE_MARKS: ReadonlySet<string> = new Set(["supplied", "sic", "unclear", "del", "add"]);

/** Inline content in a mark, its outer spaces outside it: `{supplied: …}`. */
export const inMark = (mark: string, inner: string): string => wrap(inner, `{${mark}: `, "}");

/**
 * TEI's units (its suggested values and their plurals) as the words the plugin reads back from a
 * gap's description into @quantity and @unit (src/tei/body.ts: line, page, word, character,
 * paragraph); another unit is written as it is, and comes back in the description only.
 */
const GAP_UNITS: Record<string, string> = {
  line: "line",
  lines: "line",
  page: "page",
  pages: "page",
  word: "word",
  words: "word",
  char: "character",
  chars: "character",
  character: "character",
  characters: "character",
  paragraph: "paragraph",
  paragraphs: "paragraph",
};
/** TEI's suggested @reason values, as plain words after the measure: "2 lines illegible". */
const GAP_REASONS: Record<string, string> = {
  illegible: "illegible",
  inaudible: "inaudible",
  damage: "damaged",
  damaged: "damaged",
  cancelled: "cancelled",
  deleted: "deleted",
  editorial: "omitted",
  irrelevant: "omitted",
  omitted: "omitted",
  sampling: "omitted",
};

/** "2 lines", "1 word", "3 cm", from @quantity and @unit (else @extent); "" when there is neither. */
function gapMeasure(gap: XNode): string {
  const quantity = attr(gap, "quantity")?.trim();
  const unit = attr(gap, "unit")?.trim();
  if (!quantity || !unit) return norm(attr(gap, "extent") ?? "");
  const word = GAP_UNITS[unit.toLowerCase()];
  if (!word) return `${quantity} ${unit}`;
  return `${quantity} ${word}${quantity === "1" ? "" : "s"}`;
}

/**
 * `{gap: …}`: the gap's `<desc>`, else its measure and its reason in words ("2 lines illegible"),
 * else `{gap:}`. The plugin reads "2 lines …" back as `quantity="2" unit="line"` with the words as
 * `<desc>`; a reason it cannot phrase, or one a description leaves unsaid, is counted.
 */
export function gapMark(gap: XNode, unmapped: Unmapped): string {
  const desc = find(gap, "desc");
  const reasons = (attr(gap, "reason") ?? "").split(/\s+/).filter(Boolean);
  const phrased = reasons.map((r) => GAP_REASONS[r.toLowerCase()]);
  const said = desc ? norm(plain(desc)) : "";
  const reason = phrased.every(Boolean) ? [...new Set(phrased)].join(" and ") : undefined;
  if (reasons.length && (reason === undefined || (said && !said.toLowerCase().includes(reason))))
    unmapped.add("gap/@reason");
  const words = said || norm(`${gapMeasure(gap)} ${reason ?? ""}`);
  return words ? `{gap: ${escapeText(words)}}` : "{gap:}";
}

/**
 * The marks of a `<hi>`'s rendition, outermost first: italic and bold as Markdown's emphasis, small
 * capitals and underlining as the plugin's marks; undefined when it names none of them.
 */
export function hiMarks(rend: string): [string, string][] | undefined {
  const marks: [string, string][] = [];
  if (/italic/.test(rend)) marks.push(["*", "*"]);
  if (/strong|bold/.test(rend)) marks.push(["**", "**"]);
  if (/\bsmall-?caps\b/.test(rend)) marks.push(["{smallcaps: ", "}"]);
  if (/\bunderline\b/.test(rend)) marks.push(["{underline: ", "}"]);
  return marks.length ? marks : undefined;
}

/**
 * A language tag the plugin's `<span lang>` takes (src/tei/body.ts: 2 or 3 letters, then subtags)
 * and that is well formed BCP 47; anything else would stop the build or mislead a screen reader.
 */
export function plausibleLanguage(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** `<span lang="…">` around a foreign passage; its text alone, counted, where its language is not a tag. */
export function foreignSpan(lang: string | undefined, inner: string, unmapped: Unmapped): string {
  if (lang === undefined) return inner;
  if (!plausibleLanguage(lang)) {
    unmapped.add("foreign/@xml:lang");
    return inner;
  }
  return wrap(inner, `<span lang="${escapeHtml(lang)}">`, "</span>");
}

/** A quotation mark that may open a quotation, and one that closes only a quotation (not an apostrophe). */
const OPENING_QUOTE = /["“‘'«»„‚‹›「『]/;
const CLOSING_QUOTE = /["”»«」』]/;
const startsWith = (s: string, mark: RegExp) => mark.test(s.trimStart().charAt(0));
const endsWith = (s: string, mark: RegExp) => mark.test(s.trimEnd().slice(-1));

/**
 * An inline `<q>` or `<quote>`. TEI says its content is a quotation, and leaves to the encoder
 * whether the source's quotation marks stay in the text or go to @rend. FRUS keeps them as text
 * (its excerpt prints “…” as characters and has no inline quotation element at all), so marks are
 * added only where none are printed at the element's edges, inside it or just outside it, and its
 * @rend does not say there are none ("none", "noquotes", "block"): a quotation whose marks the
 * encoder removed gets “ ” back, one that has its own gets no second pair. The element itself has
 * no mark in the plugin, so it is counted.
 */
export function quotation(q: XNode, inner: string, before: XNode | undefined, after: XNode | undefined): string {
  const rend = attr(q, "rend") ?? "";
  const textBefore = before !== undefined && isText(before) ? textOf(before) : " ";
  const textAfter = after !== undefined && isText(after) ? textOf(after) : " ";
  const printed =
    startsWith(inner, OPENING_QUOTE) ||
    endsWith(inner, CLOSING_QUOTE) ||
    (!/\s$/.test(textBefore) && endsWith(textBefore, OPENING_QUOTE)) ||
    (!/^\s/.test(textAfter) && startsWith(textAfter, CLOSING_QUOTE));
  if (printed || /none|noquote|no-quote|block/.test(rend)) return inner;
  return wrap(inner, "“", "”");
}

/** The element a `<choice>` keeps, as the reading text: the correction, regularisation or expansion. */
export const choicePick = (choice: XNode, elements: XNode[]): XNode | undefined =>
  find(choice, "corr") ?? find(choice, "reg") ?? find(choice, "expan") ?? elements[0];

/** Counts each alternative of a `<choice>` other than the one kept: `choice/corr`, `choice/orig`. */
export function countDropped(elements: XNode[], kept: XNode | undefined, unmapped: Unmapped): void {
  for (const e of elements) if (e !== kept) unmapped.add(`choice/${tagOf(e) ?? ""}`);
}
