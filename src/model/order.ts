/**
 * The order of an edition: its parts (chapters, compilations: folders inside the edition's, each
 * with an index file), and its documents' numbers. A numbered edition is ordered and cited by the
 * editor's numbers, as FRUS is ("Document 57"); an unnumbered one by date, numbered by place.
 */
import { dateSortKey } from "./date.js";
import type { Problem } from "./errors.js";
import type { Edition, EditionDocument, Part, SourceFile } from "./edition.js";
import { keyPart } from "./ids.js";
import { fieldsAt, problemsFromZod } from "./issues.js";
import { unknownFields } from "./fields.js";
import { partSchema } from "./schema.js";

/**
 * A part's anchor and TEI id: its folders joined with "--" ("part-comp1--ch2") where each is letters
 * and digits in runs joined by single "-"s, so that no two paths give one id; any other path written
 * as `keyPart` writes it, which starts with "_" and so meets none of the first kind.
 */
export const partId = (folder: string): string =>
  `part-${folder.split("/").every((segment) => /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(segment)) ? folder.replaceAll("/", "--") : keyPart(`/${folder}`)}`;

const PART_FIELDS = fieldsAt(partSchema, []);

/** A part's index file, checked: its part, or its problems (the part is then left out, its documents staying in the edition). */
export function checkPart(
  index: SourceFile,
  edition: Edition,
  make: <T extends object>(fields: T) => T,
): { part?: Part; problems: Problem[] } {
  // Strict as every index file: a misspelt field is named, not dropped.
  const unknown = unknownFields(index.data, index.frontMatterKeys ?? [], PART_FIELDS, index.file);
  const result = partSchema.safeParse(index.data);
  if (!result.success) {
    return { problems: [...unknown, ...problemsFromZod(result.error, index.data, index.file, partSchema)] };
  }
  const folder = index.folder ?? "";
  const part = make<Part>({
    ...result.data,
    folder,
    id: partId(folder),
    url: index.url,
    inputPath: index.inputPath,
    edition,
    parts: [],
    documents: [],
  });
  return { part, problems: unknown };
}

/** The nearest folder, from a file's own outwards, that is a part of the edition. */
export function partOf(folder: string | undefined, parts: ReadonlyMap<string, Part>): Part | undefined {
  for (let path = folder ?? ""; path; path = path.slice(0, Math.max(0, path.lastIndexOf("/")))) {
    const part = parts.get(path);
    if (part) return part;
  }
  return undefined;
}

/** "57" → "000000057", "57a" → "000000057a": numbers sort as strings, 57 before 57a before 58. */
const numberKey = (number: string) => number.replace(/^\d+/, (digits) => digits.padStart(12, "0"));

/**
 * Orders an edition: each part under its parent, documents within their part by number (or by date
 * where the edition gives no numbers), parts after their holder's own documents, by `order` and
 * then by their first document. The edition's documents are then read depth first; an unnumbered
 * edition numbers them 1..n in that order. Returns the problems of numbering.
 */
export function arrangeEdition(
  edition: Edition,
  parts: readonly Part[],
  documents: readonly EditionDocument[],
): Problem[] {
  const numbered = documents.filter((doc) => doc.number);
  edition.numbered = numbered.length > 0;
  const problems = numberProblems(edition, documents, numbered);
  const keys = new Map<EditionDocument, string>();
  for (const doc of documents)
    keys.set(doc, edition.numbered ? numberKey(doc.number) : `${dateSortKey(doc.date)}\u0000${doc.file}`);
  const byKey = (a: EditionDocument, b: EditionDocument) =>
    (keys.get(a) as string) < (keys.get(b) as string) ? -1 : 1;
  const own: EditionDocument[] = [];
  for (const doc of documents) (doc.part ? doc.part.documents : own).push(doc);
  own.sort(byKey);
  for (const part of parts) {
    part.documents.sort(byKey);
    (part.parent ? part.parent.parts : edition.parts).push(part);
  }
  const first = new Map<Part, string>();
  const firstKey = (part: Part): string => {
    let key = first.get(part);
    if (key === undefined) {
      key =
        [...part.documents.map((doc) => keys.get(doc) as string), ...part.parts.map(firstKey)].sort()[0] ?? "\uffff";
      first.set(part, key);
    }
    return key;
  };
  const orderParts = (list: Part[]) => {
    list.sort(
      (a, b) =>
        (a.order ?? Infinity) - (b.order ?? Infinity) ||
        (firstKey(a) < firstKey(b) ? -1 : firstKey(a) > firstKey(b) ? 1 : a.title.localeCompare(b.title)),
    );
    for (const part of list) orderParts(part.parts);
  };
  orderParts(edition.parts);
  const sequence: EditionDocument[] = [...own];
  const walk = (part: Part) => {
    sequence.push(...part.documents);
    part.parts.forEach(walk);
  };
  edition.parts.forEach(walk);
  edition.documents = sequence;
  if (!edition.numbered) sequence.forEach((doc, i) => (doc.number = String(i + 1)));
  else problems.push(...partOrderProblems(sequence, keys));
  return problems;
}

/** Numbers are the edition's citation: unique, and given to every document or to none. */
function numberProblems(
  edition: Edition,
  documents: readonly EditionDocument[],
  numbered: readonly EditionDocument[],
): Problem[] {
  const problems: Problem[] = [];
  if (numbered.length && numbered.length < documents.length) {
    const example = numbered[0] as EditionDocument;
    for (const doc of documents) {
      if (doc.number) continue;
      problems.push({
        file: doc.file,
        field: "number",
        value: undefined,
        found: "no number",
        expected: `a number, as the edition's other documents have (${example.file} has number: ${example.number}): an edition numbers all its documents or none`,
      });
    }
  }
  const taken = new Map<string, EditionDocument>();
  for (const doc of numbered) {
    const first = taken.get(doc.number);
    if (!first) taken.set(doc.number, doc);
    else
      problems.push({
        file: doc.file,
        field: "number",
        value: doc.number,
        expected: `a number no other document of the edition "${edition.title}" has: ${first.file} has number ${doc.number}`,
      });
  }
  return problems;
}

/** Read part by part, a numbered edition's documents must keep their numbers' order: a document filed in the wrong chapter breaks it. */
function partOrderProblems(
  sequence: readonly EditionDocument[],
  keys: ReadonlyMap<EditionDocument, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (let i = 1; i < sequence.length; i++) {
    const [before, doc] = [sequence[i - 1] as EditionDocument, sequence[i] as EditionDocument];
    // Equal numbers are reported as such (numberProblems); only a number lower than the one before is out of place.
    if (!before.number || !doc.number || (keys.get(before) as string) <= (keys.get(doc) as string)) continue;
    const where = (d: EditionDocument) =>
      d.part ? `part "${d.part.title}" (${d.part.folder})` : "the edition's own folder";
    problems.push({
      file: doc.file,
      field: "number",
      value: doc.number,
      expected: `a number after ${before.number}, the number of ${before.file} in ${where(before)}, which comes before ${where(doc)}: parts follow one another in the numbers' order (move the file, or give the parts an order)`,
    });
  }
  return problems;
}
