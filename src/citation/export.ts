/** BibTeX (biblatex fields) and RIS exports of citation records, written directly: no processor needed. */
import type { CslDate, CslItem, CslName } from "./record.js";
import { dateText, nameText } from "./format.js";

const pad = (n: number) => String(n).padStart(2, "0");

const isoDate = (date: CslDate | undefined) => dateText(date, "-", "four digits");

// ---- BibTeX ----

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "^": "\\^{}",
  "~": "\\~{}",
};

/** A field value safe inside BibTeX braces: LaTeX's special characters escaped, lines joined. */
export function bibtexValue(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\{}%&$#_^~]/g, (c) => LATEX_SPECIALS[c] as string);
}

/** An office or a name as written, kept whole ("{Ministry of Foreign Affairs}"), joined with "and". */
const bibtexNames = (names: CslName[] | undefined) =>
  names?.map((name) => `{${bibtexValue(nameText(name))}}`).join(" and ");

/** A citation key from the record's id: letters, digits and the separators BibTeX allows. */
export const bibtexKey = (id: string) => id.replace(/[^A-Za-z0-9_:.-]+/g, "-");

export function bibtex(item: CslItem): string {
  const fields: [string, string | undefined][] = [
    ["author", bibtexNames(item.author)],
    ["title", item.title && `{${bibtexValue(item.title)}}`],
    ["date", isoDate(item.issued)],
    ["type", item.genre && bibtexValue(item.genre)],
    ["translator", bibtexNames(item.translator)],
    ["editor", bibtexNames(item.editor)],
    ["pages", item.page && bibtexValue(item.page).replace(/(\d)\s*[-–]\s*(\d)/g, "$1--$2")],
    ["howpublished", item["container-title"] && bibtexValue(item["container-title"])],
    ["publisher", item.publisher && bibtexValue(item.publisher)],
    [
      "library",
      [item.archive, item.archive_collection, item.archive_location]
        .filter(Boolean)
        .map((v) => bibtexValue(v as string))
        .join(", ") || undefined,
    ],
    ["langid", item.language && bibtexValue(item.language)],
    ["url", item.URL && item.URL.replace(/[{}\\\s]/g, encodeURIComponent)],
    ["urldate", isoDate(item.accessed)],
    ["abstract", item.abstract && bibtexValue(item.abstract)],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "")
    .map(([name, value]) => `\t${name} = {${value}},`)
    .join("\n");
  return `@unpublished{${bibtexKey(item.id)},\n${body}\n}\n`;
}

// ---- RIS ----

const risValue = (text: string) => text.replace(/\s+/g, " ").trim();

function risDate(date: CslDate | undefined): string | undefined {
  const [year, month, day] = date?.["date-parts"][0] ?? [];
  if (year === undefined) return undefined;
  return `${String(year).padStart(4, "0")}/${month ? pad(month) : ""}/${day ? pad(day) : ""}/`;
}

export function ris(item: CslItem): string {
  const lines: [string, string | undefined][] = [
    ["TY", "MANSCPT"],
    ["ID", item.id],
    ["TI", item.title],
    ...(item.author ?? []).map((n): [string, string] => ["AU", nameText(n)]),
    ...(item.translator ?? []).map((n): [string, string] => ["A4", nameText(n)]),
    // RIS's editor (ED) and its tertiary author (A3), the series editor.
    ...(item.editor ?? []).map((n): [string, string] => ["ED", nameText(n)]),
    ...(item["collection-editor"] ?? []).map((n): [string, string] => ["A3", nameText(n)]),
    ["PY", item.issued && String(item.issued["date-parts"][0]?.[0])],
    ["DA", risDate(item.issued)],
    ["M3", item.genre],
    ["SP", item.page],
    ["T2", item["container-title"]],
    ["PB", item.publisher],
    ["AV", [item.archive, item.archive_collection].filter(Boolean).join(", ") || undefined],
    ["CN", item.archive_location],
    ["LA", item.language],
    ["UR", item.URL],
    ["Y2", risDate(item.accessed)],
    ["AB", item.abstract],
  ];
  return (
    lines
      .filter((l): l is [string, string] => l[1] !== undefined && l[1] !== "")
      .map(([tag, value]) => `${tag}  - ${risValue(value)}`)
      .join("\r\n") + "\r\nER  - \r\n"
  );
}

/** The three download files of a list of records, in the order BibTeX, RIS, CSL-JSON. */
export function downloadFiles(items: readonly CslItem[]): [string, string, string] {
  return [items.map(bibtex).join("\n"), items.map(ris).join(""), `${JSON.stringify(items, null, 2)}\n`];
}
