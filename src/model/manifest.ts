/**
 * A partition's manifest: what the site-wide pages (the home page, the chronology, the index pages,
 * the site's feed) need of its editions and documents, and no more. A partitioned build writes one
 * per partition; the assembling run makes the site's model of listings from them, without reading
 * a document's Markdown. Eleventy-free: the adapter writes and reads the files.
 */
import type { DocumentDate } from "./date.js";
import { orderEditions, type Edition, type EditionDocument, type EditionModel, type RegisterUse } from "./edition.js";
import type { Register, RegisterEntry, RegisterKind } from "./register.js";

export const MANIFEST_VERSION = 1;

/** A document as it is listed: the fields of its listing label, its feed entry and its index entries. */
export interface ListedDocument {
  id: string;
  url: string;
  number: string;
  title: string;
  date: DocumentDate;
  type?: string;
  author?: string[];
  summary?: string;
}

/** A register entry as an edition uses it, its documents given by their place in the edition's list. */
interface ListedUse {
  kind: RegisterKind;
  key: string;
  entry: Pick<RegisterEntry, "name" | "sortName" | "identification">;
  documents: number[];
  mentions: number[];
}

/** An edition as the home page and the indexes list it. */
interface ListedEdition {
  slug: string;
  title: string;
  subtitle?: string;
  summary?: string;
  order?: number;
  url: string;
  documents: ListedDocument[];
  register: ListedUse[];
}

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  editions: ListedEdition[];
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The manifest of a partition's editions. */
export function manifestOf(editions: readonly Edition[]): Manifest {
  return {
    version: MANIFEST_VERSION,
    editions: editions.map((edition) => {
      const place = new Map(edition.documents.map((doc, i) => [doc, i]));
      const places = (docs: readonly EditionDocument[]) => [...new Set(docs.map((doc) => place.get(doc) ?? -1))];
      return defined({
        slug: edition.slug,
        title: edition.title,
        subtitle: edition.subtitle,
        summary: edition.summary,
        order: edition.order,
        url: edition.url,
        documents: edition.documents.map((doc) =>
          defined({
            id: doc.id,
            url: doc.url,
            number: doc.number,
            title: doc.title,
            date: doc.date,
            type: doc.type,
            author: doc.author,
            summary: doc.summary,
          }),
        ),
        register: edition.register.map((use) => ({
          kind: use.kind,
          key: use.key,
          entry: defined({
            name: use.entry.name,
            sortName: use.entry.sortName,
            identification: use.entry.identification,
          }),
          documents: places(use.documents),
          mentions: places(use.mentions.map((m) => m.doc)),
        })),
      });
    }),
  };
}

/**
 * The site's model of listings from every partition's manifest: its editions in the order a single
 * build gives them, each with its documents and register uses, and every document in that order.
 * Its documents carry the listed fields only: a site's own site-wide page that reads more of them
 * (a document's text, its notes) has only these in a partitioned build.
 */
export function modelOfManifests(manifests: readonly Manifest[], register: Register, prototype?: object): EditionModel {
  const made = <T extends object>(value: T): T =>
    prototype ? Object.assign(Object.create(prototype) as T, value) : value;
  const editions = orderEditions(
    manifests.flatMap((manifest) =>
      manifest.editions.map((listed) => {
        const { documents: listedDocuments, register: uses, ...fields } = listed;
        const edition = made({
          ...fields,
          numbered: false,
          editors: [],
          parts: [],
          mentions: [],
        }) as unknown as Edition;
        edition.documents = listedDocuments.map(
          (doc) =>
            made({ ...doc, edition, mentions: [], summaryMentions: [], noteCount: 0 }) as unknown as EditionDocument,
        );
        const docs = (places: number[]) => places.map((i) => edition.documents[i]).filter((d) => d !== undefined);
        edition.register = uses.map((use): RegisterUse => ({
          kind: use.kind,
          key: use.key,
          anchor: "",
          entry: use.entry,
          documents: docs(use.documents),
          mentions: docs(use.mentions).map((doc) => ({ doc, anchor: "", occurrence: 1 })),
          introduction: [],
        }));
        return edition;
      }),
    ),
  );
  const documents = editions.flatMap((edition) => edition.documents);
  return {
    register,
    editions,
    documents,
    byInputPath: new Map(),
    editionsByInputPath: new Map(),
    partsByInputPath: new Map(),
  };
}

/** A manifest read from JSON, checked as far as its shape: an old or foreign file is an error, not a wrong site. */
export function readManifest(json: string, file: string): Manifest {
  const value = JSON.parse(json) as Partial<Manifest>;
  if (value.version !== MANIFEST_VERSION || !Array.isArray(value.editions))
    throw new Error(
      `[documentary-edition] ${file}: not a partition manifest of this version of the plugin (expected version ${MANIFEST_VERSION}); build the partitions again`,
    );
  return value as Manifest;
}
