/**
 * The built-in citation styles, written as functions of the citation record: formatting thousands
 * of documents through a CSL processor on every build would dominate the build, so the styles a
 * site uses by default are implemented here and checked against citeproc-js in the tests (the
 * APA 7, MLA 9 and Chicago author-date CSL styles; see test/citation-styles.test.ts for where and
 * why they differ).
 */
import type { CslItem, CslName } from "./record.js";
import {
  curlyQuotes,
  dashed,
  longDate,
  mlaDate,
  nameList,
  pageLabel,
  render,
  type DateParts,
  type Formatted,
  type Piece,
} from "./text.js";

/** What the "edition" style needs besides the record: the edition this site publishes it in. */
export interface EditionContext {
  editionTitle: string;
  editors: readonly string[];
  /** The document's number in the edition ("57", "57a"). */
  number: string;
  /** The document's URL on this site, absolute where the site's URL is known. */
  url?: string;
  publisher?: string;
}

export interface StyleInput {
  item: CslItem;
  edition: EditionContext;
}

const names = (list: CslName[] | undefined) =>
  (list ?? []).map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(" "));

function dateParts(item: CslItem): DateParts | undefined {
  const [year, month, day] = item.issued?.["date-parts"][0] ?? [];
  return year === undefined ? undefined : { year, month, day, circa: item.issued?.circa };
}

/** Sentence-style assembly: parts joined by `separator`, empty parts dropped. */
const joined = (parts: (Piece[] | undefined | false)[], separator: string): Piece[] => {
  const present = parts.filter((p): p is Piece[] => !!p && p.length > 0);
  return present.flatMap((p, i) => (i ? [separator, ...p] : p));
};

const endWith = (pieces: Piece[], mark: string): Piece[] => {
  const last = pieces.at(-1);
  const text = typeof last === "string" ? last : (last?.italic ?? "");
  return /[.!?]["”’]*$/.test(text) ? pieces : [...pieces, mark];
};

/**
 * The archive's own form, as the Wilson Center Digital Archive prints it:
 * "Title", April 16, 1979, Wilson Center Digital Archive, Fujian Provincial Archives, 222-12-287, 10-12. Translated by David Cowhig. URL
 */
function archiveStyle({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const first = [
    `"${item.title}"`,
    date && `${date.circa ? "c. " : ""}${longDate(date)}`,
    item["container-title"],
    item.archive,
    item.archive_collection,
    item.archive_location,
    item.page,
  ].filter(Boolean) as string[];
  const translators = names(item.translator);
  return [
    `${first.join(", ")}.`,
    ...(translators.length ? [` Translated by ${nameList(translators, "and")}.`] : []),
    ...(item.URL ? [` ${item.URL}`] : []),
  ];
}

/** Chicago notes-bibliography, note form (CMOS 17, unpublished documents in archives). */
function chicagoNote({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const translators = names(item.translator);
  return endWith(
    joined(
      [
        names(item.author).length ? [nameList(names(item.author), "and")] : undefined,
        [`“${curlyQuotes(item.title, "single")}”`],
        item.genre ? [item.genre.toLowerCase()] : undefined,
        date && [`${date.circa ? "ca. " : ""}${longDate(date)}`],
        translators.length ? [`trans. ${nameList(translators, "and")}`] : undefined,
        item.archive_location ? [item.archive_location] : undefined,
        item.page ? [dashed(item.page)] : undefined,
        item.archive_collection ? [item.archive_collection] : undefined,
        item.archive ? [item.archive] : undefined,
        item["container-title"] ? [{ italic: item["container-title"] }] : undefined,
        item.URL ? [item.URL] : undefined,
      ],
      ", ",
    ),
    ".",
  );
}

/** Chicago notes-bibliography, bibliography form. */
function chicagoBibliography({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const translators = names(item.translator);
  const sentence = (parts: (string | undefined | false)[], capitalise = false) => {
    const text = (parts.filter(Boolean) as string[]).join(", ");
    return text ? [endWith([capitalise ? text.charAt(0).toUpperCase() + text.slice(1) : text], ".")] : [];
  };
  const genreAndDate = [item.genre, date && `${date.circa ? "ca. " : ""}${longDate(date)}`].filter(Boolean).join(", ");
  const parts: Piece[][] = [
    ...sentence([names(item.author).length ? nameList(names(item.author), "and") : undefined]),
    [`“${curlyQuotes(item.title, "single")}.”`],
    ...sentence([genreAndDate], true),
    ...sentence([translators.length ? `Translated by ${nameList(translators, "and")}` : undefined]),
    ...sentence([item.archive_location, item.page && dashed(item.page), item.archive_collection]),
    ...sentence([item.archive]),
    ...(item["container-title"] ? [[{ italic: item["container-title"] }, "."]] : []),
    ...sentence([item.URL]),
  ];
  return joined(parts, " ");
}

/** Chicago author-date, reference-list form, as the Chicago author-date CSL style formats a manuscript. */
function chicagoAuthorDate({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const authors = names(item.author);
  const translators = names(item.translator);
  const recipients = names(item.recipient);
  const lead = authors.length
    ? `${nameList(authors, "and")}${recipients.length ? ` to ${nameList(recipients, "and")}` : ""}.`
    : translators.length
      ? `${nameList(translators, "and")}, trans.`
      : undefined;
  const title = `“${curlyQuotes(item.title, "single")}.”`;
  const year = date ? `${date.year}.` : undefined;
  return joined(
    [
      lead ? [lead] : undefined,
      ...(lead ? [year ? [year] : undefined, [title]] : [[title], year ? [year] : undefined]),
      item.genre ? [`${item.genre}.`] : undefined,
      authors.length > 0 && translators.length > 0 ? [`Translated by ${nameList(translators, "and")}.`] : undefined,
      item["container-title"] ? [{ italic: item["container-title"] }, "."] : undefined,
      item.publisher ? [`${item.publisher}.`] : undefined,
      item.archive_location ? [`${item.archive_location}.`] : undefined,
      item.archive ? [`${item.archive}.`] : undefined,
      item.URL ? [`${item.URL}.`] : undefined,
    ],
    " ",
  );
}

/** MLA 9 ("works cited" form), as the MLA CSL style formats a manuscript. */
function mla({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const authors = names(item.author);
  const translators = names(item.translator);
  const translatorsText = translators.length > 2 ? `${translators[0]}, et al.` : nameList(translators, "and");
  // With no author, the translator takes the author's place.
  const lead = authors.length
    ? authors.length > 2
      ? `${authors[0]}, et al.`
      : nameList(authors, "and")
    : translators.length
      ? `${translatorsText}, ${translators.length > 1 ? "translators" : "translator"}`
      : undefined;
  const byTranslator = authors.length && translators.length ? `translated by ${translatorsText}` : undefined;
  const container = item["container-title"];
  const title: Piece[] = container
    ? [`“${curlyQuotes(item.title, "single")}.”`]
    : [{ italic: curlyQuotes(item.title, "double") }, "."];
  const rest = [
    byTranslator,
    item.publisher,
    date && mlaDate(date),
    item.page && pageLabel(item.page),
    item.URL,
  ].filter(Boolean) as string[];
  const containerGroup: Piece[] = container
    ? [{ italic: container }, ...rest.flatMap((r) => [", ", r])]
    : rest.length
      ? [rest.map((r, i) => (i === 0 ? r.charAt(0).toUpperCase() + r.slice(1) : r)).join(", ")]
      : [];
  const archive = [item.archive, item.archive_collection, item.archive_location].filter(Boolean).join(", ");
  return joined(
    [
      lead ? [lead.endsWith(".") ? lead : `${lead}.`] : undefined,
      title,
      containerGroup.length ? endWith(containerGroup, ".") : undefined,
      archive ? [`${archive}.`] : undefined,
    ],
    " ",
  );
}

/** APA 7 (reference list form), as the APA CSL style formats a manuscript. */
function apa({ item }: StyleInput): Piece[] {
  const date = dateParts(item);
  const authors = names(item.author);
  const translators = names(item.translator);
  const year = date ? `(${date.circa ? "ca. " : ""}${date.year}).` : "(n.d.).";
  const container = item["container-title"];
  const parenthetical = [
    translators.length ? `${nameList(translators, "&")}, Trans.` : undefined,
    !container && item.page ? pageLabel(item.page) : undefined,
  ].filter(Boolean) as string[];
  // A manuscript that stands alone has its title in italics; one within a collection, in roman.
  const titleText = curlyQuotes(item.title, "double");
  const title: Piece[] = [
    container ? titleText : { italic: titleText },
    ...(parenthetical.length ? [` (${parenthetical.join("; ")})`] : []),
  ];
  const genre = item.genre ? `[${item.genre}]` : undefined;
  const archive = item.archive
    ? `${item.archive}${item.archive_location ? ` (${item.archive_location})` : ""}.`
    : undefined;
  const containerPart: Piece[] | undefined = container
    ? ["In ", { italic: container }, ...(item.page ? [` (${pageLabel(item.page)})`] : []), "."]
    : undefined;
  const head: Piece[][] = authors.length
    ? [[`${nameList(authors, "&")}.`], [year], [...title, genre ? ` ${genre}.` : "."]]
    : [[...title, "."], [year], ...(genre ? [[`${genre}.`]] : [])];
  return joined(
    [
      ...head,
      containerPart,
      item.publisher ? [`${item.publisher}.`] : undefined,
      archive ? [archive] : undefined,
      item.URL ? [item.URL] : undefined,
    ],
    " ",
  );
}

/** The document as published in this edition, as FRUS asks to be cited. */
function editionStyle({ item, edition }: StyleInput): Piece[] {
  const date = dateParts(item);
  return endWith(
    joined(
      [
        [`“${curlyQuotes(item.title, "single")}”`],
        date && [`${date.circa ? "ca. " : ""}${longDate(date)}`],
        [`document ${edition.number} in `, { italic: edition.editionTitle }],
        edition.editors.length ? [`ed. ${nameList([...edition.editors], "and")}`] : undefined,
        edition.publisher ? [edition.publisher] : undefined,
        edition.url ? [edition.url] : undefined,
      ],
      ", ",
    ),
    ".",
  );
}

export const BUILT_IN_STYLES = {
  archive: { label: "Archive", format: archiveStyle },
  "chicago-note": { label: "Chicago (note)", format: chicagoNote },
  "chicago-bibliography": { label: "Chicago (bibliography)", format: chicagoBibliography },
  "chicago-author-date": { label: "Chicago (author-date)", format: chicagoAuthorDate },
  mla: { label: "MLA", format: mla },
  apa: { label: "APA", format: apa },
  edition: { label: "This edition", format: editionStyle },
} as const;

export type BuiltInStyle = keyof typeof BUILT_IN_STYLES;
export const isBuiltInStyle = (name: string): name is BuiltInStyle => Object.hasOwn(BUILT_IN_STYLES, name);

export function formatCitation(style: BuiltInStyle, input: StyleInput): Formatted {
  return render(BUILT_IN_STYLES[style].format(input));
}
