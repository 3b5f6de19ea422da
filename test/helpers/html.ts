// Built pages read through a real HTML parser (html-validate's, a devDependency already), as the
// parts a reader compares: a document's header, its text block by block, its notes, its record.
import { readFileSync } from "node:fs";
import { HtmlValidate, NodeType, Parser, StaticConfigLoader, type HtmlElement } from "html-validate";

const config = new HtmlValidate(new StaticConfigLoader({ extends: [] })).getConfigFor("page.html");

/** The parsed page. */
export async function parsePage(file: string): Promise<HtmlElement> {
  return new Parser(await config).parseHtml(readFileSync(file, "utf8"));
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** An element's text, whitespace normalised. */
export const textOf = (element: HtmlElement | null | undefined) => squash(element?.textContent ?? "");

/** The element this selector finds, or an error naming the selector. */
export function one(root: HtmlElement, selector: string): HtmlElement {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/**
 * One block of a text: its element and classes ("p.de-opener"), its words with each printed page
 * break and note reference where it falls ("[page 140]", "[note 2]"), and its marks in order: each
 * link's target (a mention's register entry, a cross-reference), each marked span's class, each
 * emphasis.
 */
export interface Block {
  block: string;
  text: string;
  marks: string[];
}

const BLOCKS = new Set(
  "p li h1 h2 h3 h4 h5 h6 dl dt dd div section article header footer nav aside ul ol table thead tbody tr td th blockquote figure pre".split(
    " ",
  ),
);
const EMPHASIS = new Set(["em", "i", "strong", "b", "u", "sub", "sup", "code", "q", "s"]);

const nameOf = (element: HtmlElement) => [element.tagName, ...element.classList].join(".");
const lastPart = (id: string | null, pattern: RegExp) => pattern.exec(id ?? "")?.[1] ?? `?${id}`;

/**
 * The blocks of an element, in document order, the element's own first. Left out: the notes (the
 * list at the end, the sidenotes beside the text: see notes()) and the elements of `skip` classes.
 */
export function blocks(root: HtmlElement, skip: string[] = []): Block[] {
  const out: { block: string; parts: string[]; marks: string[] }[] = [];
  const walk = (element: HtmlElement, into: (typeof out)[number]) => {
    for (const child of element.childNodes) {
      if (child.nodeType === NodeType.TEXT_NODE) {
        into.parts.push(child.textContent);
        continue;
      }
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = child as HtmlElement;
      const classes = el.classList;
      if (["de-sidenote", "de-notes", "de-backref", ...skip].some((c) => classes.contains(c))) continue;
      if (classes.contains("de-printed-page")) {
        into.parts.push(` [page ${lastPart(el.id, /printed-page-(\w+)$/)}] `);
      } else if (classes.contains("de-ref")) {
        into.parts.push(` [note ${lastPart(el.id, /-(\w+)$/)}] `);
      } else if (el.tagName === "br") {
        into.parts.push(" ");
      } else if (BLOCKS.has(el.tagName)) {
        const block = { block: nameOf(el), parts: [], marks: [] };
        out.push(block);
        walk(el, block);
      } else {
        if (el.tagName === "a") into.marks.push(`link ${el.getAttributeValue("href")}`);
        else if (classes.contains("de-mark")) into.marks.push(nameOf(el));
        else if (EMPHASIS.has(el.tagName)) into.marks.push(el.tagName);
        walk(el, into);
      }
    }
  };
  const first = { block: nameOf(root), parts: [], marks: [] };
  out.push(first);
  walk(root, first);
  return out.map(({ block, parts, marks }) => ({ block, text: squash(parts.join("")), marks }));
}

/** A document page's header: its number, title, date line, and where it stands (the breadcrumbs). */
export function documentHeader(page: HtmlElement) {
  return {
    title: textOf(page.querySelector("title")),
    number: textOf(page.querySelector(".de-document-number")),
    heading: textOf(page.querySelector("h1")),
    dateline: textOf(page.querySelector(".de-document-header .de-dateline")),
    breadcrumbs: one(page, ".de-breadcrumbs")
      .querySelectorAll("a")
      .map((a) => `${textOf(a)} <${a.getAttributeValue("href")}>`),
  };
}

/** A document page's notes as its list of notes gives them: the source note and each numbered note. */
export function notes(page: HtmlElement) {
  return (page.querySelector(".de-text .de-notes")?.querySelectorAll(".de-note") ?? []).map((note) => ({
    number: note.getAttributeValue("value") ?? textOf(note.querySelector(".de-note-number")),
    kind: [...note.classList].filter((c) => c !== "de-note").join(" "),
    blocks: blocks(note, ["de-note-number"]),
  }));
}

/** The "About this document" record: each field and its value. */
export function record(page: HtmlElement): string[] {
  return one(page, ".de-record .de-metadata")
    .querySelectorAll("div")
    .map((field) => `${textOf(field.querySelector("dt"))}: ${textOf(field.querySelector("dd"))}`);
}
