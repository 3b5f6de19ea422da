/** A document as a TEI P5 file: its header from the record, its text from the Markdown's tokens. */
import type Token from "markdown-it/lib/token.mjs";
import { daysInMonth, formatDocumentDate, timeOffset, type DocumentDate } from "../model/date.js";
import type { Edition, EditionDocument, Part, RegisterUse } from "../model/edition.js";
import { FRONT_MATTER_KINDS, type RegisterKind } from "../model/register.js";
import { volumeEditors, type Editor } from "../model/editors.js";
import type { Problem } from "../model/errors.js";
import type { Telegram } from "../model/telegram.js";
import { documentId, fragment, noteId } from "../model/ids.js";
import { languageName } from "../model/language.js";
import type { Labels } from "../options.js";
import { isEditorialNote, notKnownText } from "../model/source-note.js";
import { telegramHeaderText } from "./telegram.js";
import { hasText, TeiError, teiBody } from "./body.js";
import { el, xml } from "../markup/xml.js";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * TEI's date attributes: @when for a known or partly known date (with the time of day and its
 * offset from UTC where the document gives them), @from and @to for a span of time on one day, a
 * range with @cert for an approximate one.
 */
export function dateAttributes(date: DocumentDate): Record<string, string> {
  if (!date.approximate) {
    const at = (time: string) => `${date.iso}T${time.length === 5 ? `${time}:00` : time}${timeOffset(date)}`;
    // A span of time (a conversation from 15:00 to 16:30) is a range of one day.
    if (date.time && date.day && date.endTime) return { from: at(date.time), to: at(date.endTime) };
    return { when: date.time && date.day ? at(date.time) : date.iso };
  }
  const y = String(date.year).padStart(4, "0");
  const from = date.month ? `${y}-${pad(date.month)}-${pad(date.day ?? 1)}` : `${y}-01-01`;
  const to = date.month
    ? `${y}-${pad(date.month)}-${pad(date.day ?? daysInMonth(date.year, date.month))}`
    : `${y}-12-31`;
  return { notBefore: from, notAfter: to, cert: "medium" };
}

export interface TeiSettings {
  labels: Labels;
  locale: string;
  /** The document's page, absolute where the site's URL is known. */
  pageUrl: string;
  registerUrl?: string;
  /** A site URL as the TEI links it: absolute where the site's URL is known. */
  absoluteUrl?: (path: string) => string;
  dateText: string;
  sourceNoteText?: string;
  /** The editor's own source note's inline tokens: its mentions and references become elements. */
  sourceNoteTokens?: Token[];
  marksUsed: ReadonlySet<string>;
  /** The telegram headers the text places by hand ({% telegramHeader %}), by the token that holds each, with the fields printed there. */
  placedTelegrams?: ReadonlyMap<Token, Telegram | undefined>;
}

const MARK_DESCRIPTIONS: Record<string, string> = {
  supplied: "supplied: words supplied by the editor or translator, printed in square brackets",
  sic: "sic: an error of the original kept as it stands, printed followed by [sic]",
  unclear: "unclear: an uncertain reading, printed followed by [?]",
  del: "del: words deleted by the author",
  add: "add: words added by the author",
  smallcaps: 'hi rend="smallcaps": words the original sets in small capitals, printed so',
  underline: 'hi rend="underline": words underlined in the original, printed with a solid line (an addition is add)',
  gap: "gap: a passage omitted, illegible or not declassified, with its description",
  page: "pb: where a page of the original begins",
  "printed-page": 'pb ed="print": where a page of the printed volume the edition reprints begins',
  folio: 'pb type="folio": where a folio of the original begins',
  person: "persName: a person identified in the edition's register",
  place: "placeName: a place identified in the edition's register",
  term: "term: a term explained in the edition's register",
  salute: "salute: the document's salutation",
  signed: "signed: the document's signature",
  dateline: "dateline: the document's dateline",
};

/** Each value as an element of its own, as TEI names one person or place to an element. */
const names = (values: readonly string[] | undefined, element: string) =>
  (values ?? []).map((v) => el(element, {}, xml(v))).join("");

/**
 * Each editor as a TEI `<editor>`, with the role the index file gives as `@role`, written as the
 * one word TEI's data.enumerated allows ("general editor" as "general-editor").
 */
const editorElements = (editors: readonly Editor[]) =>
  editors.map((e) => el("editor", { role: e.role?.trim().toLowerCase().replace(/\s+/g, "-") }, xml(e.name))).join("");

// The translators are named, or said to be unknown, in a respStmt the notes' @resp can point to.
function translatorStmt(doc: EditionDocument, settings: TeiSettings, idPrefix: string): string {
  const translators = doc.translation?.translator ?? [];
  if (translators.length)
    return el(
      "respStmt",
      { "xml:id": `${idPrefix}-translator` },
      el("resp", {}, "translated by") + names(translators, "name"),
    );
  // A translator the editor marked unknown: a name left empty and said to be unknown, none invented.
  if (doc.translation?.translator === null)
    return el(
      "respStmt",
      { "xml:id": `${idPrefix}-translator` },
      el("resp", {}, "translated by") +
        el("name", {}) +
        el("note", {}, xml(settings.labels.sourceNoteTranslatorNotKnown)),
    );
  return "";
}

// Who made the edition of the document, with ids the notes' @resp can point to.
function titleStmt(doc: EditionDocument, settings: TeiSettings, idPrefix: string): string {
  return el(
    "titleStmt",
    {},
    el("title", {}, xml(doc.title)) +
      editorElements(doc.edition.editors) +
      translatorStmt(doc, settings, idPrefix) +
      (volumeEditors(doc.edition.editors).length
        ? el(
            "respStmt",
            { "xml:id": `${idPrefix}-editor` },
            el("resp", {}, "edited and annotated by") +
              names(
                volumeEditors(doc.edition.editors).map((e) => e.name),
                "name",
              ),
          )
        : ""),
  );
}

// Where the document is published: its edition, its number there and its page.
function publicationStmt(doc: EditionDocument, settings: TeiSettings): string {
  return el(
    "publicationStmt",
    {},
    el("publisher", {}, xml(doc.edition.title)) +
      el("idno", { type: "document" }, String(doc.number)) +
      el("idno", { type: "URI" }, xml(settings.pageUrl)),
  );
}

// The original in its archive, where anything identifies it (TEI has no empty msIdentifier).
function msDesc(doc: EditionDocument, notKnown: string | undefined): string {
  return el(
    "msDesc",
    {},
    el(
      "msIdentifier",
      {},
      (doc.archive ? el("repository", {}, xml(doc.archive)) : "") +
        (doc.collection ? el("collection", {}, xml(doc.collection)) : "") +
        (doc.callNumber ? el("idno", {}, xml(doc.callNumber)) : ""),
    ) +
      (doc.pages || doc.folios
        ? el(
            "msContents",
            {},
            el("msItem", {}, el("locus", {}, xml(doc.pages ?? doc.folios)) + el("title", {}, xml(doc.title))),
          )
        : "") +
      (notKnown ? el("additional", {}, el("adminInfo", {}, el("note", {}, xml(notKnown)))) : ""),
  );
}

// The published source the text is transcribed from, as a bibliographic reference.
function sourceBibl(source: NonNullable<EditionDocument["source"]>, notKnownNote: string): string {
  return el(
    "bibl",
    {},
    el("title", {}, xml(source.title)) +
      (source.publisher ? el("publisher", {}, xml(source.publisher)) : "") +
      (source.url ? el("ptr", { target: source.url }) : "") +
      (source.accessed ? el("date", { type: "accessed", when: source.accessed.iso }, xml(source.accessed.iso)) : "") +
      notKnownNote,
  );
}

/**
 * Where the text comes from. An archive or call number marked unknown (null) gets no element of its
 * own, only the statement: in msDesc where something else identifies the original, else beside the
 * source (an empty msIdentifier is not valid TEI).
 */
function sourceDesc(doc: EditionDocument, settings: TeiSettings): string {
  const notKnown = notKnownText(doc, settings.labels);
  const hasArchive = doc.archive || doc.collection || doc.callNumber;
  const notKnownNote = notKnown && !hasArchive ? el("note", {}, xml(notKnown)) : "";
  const ms = hasArchive ? msDesc(doc, notKnown) : "";
  const source = doc.source ? sourceBibl(doc.source, notKnownNote) : "";
  return el(
    "sourceDesc",
    {},
    ms || source
      ? ms + source
      : isEditorialNote(doc)
        ? el("p", {}, "An editorial note, written for this edition: it has no archival source.")
        : el("p", {}, "Transcribed for this edition.") + (notKnown ? el("p", {}, xml(notKnown)) : ""),
  );
}

// A reader of the TEI learns which transcription marks the text uses, and what each means.
function encodingDesc(doc: EditionDocument, settings: TeiSettings): string {
  const used = [...settings.marksUsed].map((kind) => MARK_DESCRIPTIONS[kind]).filter(Boolean) as string[];
  return el(
    "encodingDesc",
    {},
    el(
      "editorialDecl",
      {},
      el(
        "p",
        {},
        isEditorialNote(doc)
          ? "The text is the editors' own."
          : "The text is transcribed word for word from the source named in the source description.",
      ) +
        (used.length
          ? el("p", {}, `Transcription marks in use: ${xml(used.join("; "))}.`)
          : el("p", {}, "No transcription marks are used.")),
    ),
  );
}

// A letter or telegram's sender, with its date, and its recipients, where the record names them.
function correspDesc(doc: EditionDocument, settings: TeiSettings): string {
  if (!doc.author?.length && !doc.recipients?.length) return "";
  return el(
    "correspDesc",
    {},
    (doc.author?.length
      ? el(
          "correspAction",
          { type: "sent" },
          names(doc.author, "name") + el("date", dateAttributes(doc.date), xml(settings.dateText)),
        )
      : "") + (doc.recipients?.length ? el("correspAction", { type: "received" }, names(doc.recipients, "name")) : ""),
  );
}

/** The register entries an edition uses, by kind and key, made once per edition. */
const entriesOf = new WeakMap<EditionDocument["edition"], Map<string, RegisterUse>>();
function registerEntry(doc: EditionDocument, kind: RegisterKind, key: string): RegisterUse | undefined {
  let entries = entriesOf.get(doc.edition);
  if (!entries) {
    entries = new Map(doc.edition.register.map((use) => [`${use.kind}/${use.key}`, use]));
    entriesOf.set(doc.edition, entries);
  }
  return entries.get(`${kind}/${key}`);
}

/**
 * What the record says of the document beyond its text, each list a `<keywords>` whose @n names
 * the front-matter field it comes from, so that an import reads it back: its type, its
 * classification and handling, and the register entries it lists (with their register @ref).
 */
function textClass(doc: EditionDocument, settings: TeiSettings): string {
  const terms = (values: readonly string[]) => values.map((v) => el("term", {}, xml(v))).join("");
  const lists: string[] = [];
  if (doc.type) lists.push(el("keywords", { n: "type" }, terms([doc.type])));
  if (doc.classification) lists.push(el("keywords", { n: "classification" }, terms([doc.classification])));
  if (doc.handling?.length) lists.push(el("keywords", { n: "handling" }, terms(doc.handling)));
  for (const kind of FRONT_MATTER_KINDS) {
    const keys = doc[kind] ?? [];
    if (!keys.length) continue;
    const entries = keys.map((key) => {
      const use = registerEntry(doc, kind, key);
      const ref = settings.registerUrl && use ? `${settings.registerUrl}${fragment(use.anchor)}` : undefined;
      return el("term", { ref, key }, xml(use?.entry.name ?? key));
    });
    lists.push(el("keywords", { n: kind }, entries.join("")));
  }
  return lists.length ? el("textClass", {}, lists.join("")) : "";
}

// When the document was made, in which languages (the original's and the translation's), and between whom.
function profileDesc(doc: EditionDocument, settings: TeiSettings): string {
  const languages = [doc.originalLanguage, doc.translation?.language].filter((l): l is string => Boolean(l));
  return el(
    "profileDesc",
    {},
    (doc.summary ? el("abstract", {}, el("p", {}, xml(doc.summary))) : "") +
      el(
        "creation",
        {},
        el("date", dateAttributes(doc.date), xml(settings.dateText)) +
          (doc.place ? ` ${el("placeName", {}, xml(doc.place))}` : ""),
      ) +
      (languages.length
        ? el(
            "langUsage",
            {},
            [...new Set(languages)].map((l) => el("language", { ident: l }, xml(languageName(l, "en")))).join(""),
          )
        : "") +
      textClass(doc, settings) +
      correspDesc(doc, settings),
  );
}

// The header is written from the record alone, one builder to each part TEI asks of it.
function header(doc: EditionDocument, settings: TeiSettings, idPrefix: string): string {
  const fileDesc = el(
    "fileDesc",
    {},
    titleStmt(doc, settings, idPrefix) +
      publicationStmt(doc, settings) +
      (doc.credits ? el("notesStmt", {}, el("note", { type: "credits" }, xml(doc.credits))) : "") +
      sourceDesc(doc, settings),
  );
  return el("teiHeader", {}, fileDesc + encodingDesc(doc, settings) + profileDesc(doc, settings));
}

export function teiDocument(doc: EditionDocument, tokens: Token[], settings: TeiSettings): string {
  const idPrefix = documentId(doc.id);
  // Ids carry the document's, so that the edition's corpus holds each once.
  const editorResp = volumeEditors(doc.edition.editors).length ? `#${idPrefix}-editor` : undefined;
  const noteOffset = doc.edition.numberSourceNote && settings.sourceNoteText ? 1 : 0;
  const text = teiBody(
    tokens,
    {
      idPrefix,
      ...(noteOffset ? { noteOffset } : {}),
      ...(settings.registerUrl ? { registerUrl: settings.registerUrl } : {}),
      ...(settings.absoluteUrl ? { referenceUrl: settings.absoluteUrl } : {}),
      ...(editorResp ? { editorResp } : {}),
      placedTelegram: (token) => {
        if (!settings.placedTelegrams?.has(token)) return undefined;
        return telegramHeaderText({ telegram: settings.placedTelegrams.get(token) }, settings.labels);
      },
      ...(doc.translation?.translator?.length || doc.translation?.translator === null
        ? { translatorResp: `#${idPrefix}-translator` }
        : editorResp
          ? { translatorResp: editorResp }
          : {}),
    },
    settings.sourceNoteTokens,
  );
  const telegram = settings.placedTelegrams?.size ? "" : telegramHeaderText(doc, settings.labels);
  const sourceNote = settings.sourceNoteText
    ? el(
        "note",
        { type: "source", ...(noteOffset ? { n: 1, "xml:id": noteId(idPrefix, 1) } : {}), resp: editorResp },
        text.sourceNote === undefined
          ? xml(settings.sourceNoteText)
          : `${xml(settings.labels.sourceNote)} ${text.sourceNote}`,
      )
    : "";
  // TEI's body holds at least a paragraph or the like: page breaks alone are not one.
  const bodyXml = text.body.join("");
  const main =
    bodyXml +
    (hasText(bodyXml) || text.closer.length ? "" : "<p/>") +
    (text.closer.length ? el("closer", {}, text.closer.join("")) : "");
  // In the original's order: the received-telegram header, the document's heading, its salutation.
  // Where attachments follow as divs, the text and its closer are a div before them, as TEI wants.
  const body =
    sourceNote +
    (telegram ? el("opener", {}, telegram) : "") +
    text.head.map((h) => el("head", {}, h)).join("") +
    (text.opener.length ? el("opener", {}, text.opener.join("")) : "") +
    (text.attachments.length ? el("div", { type: "document" }, main) + text.attachments.join("") : main);
  const lang = doc.translation?.language ?? doc.originalLanguage;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${xml(idPrefix)}"${doc.edition.numbered ? ` n="${xml(doc.number)}"` : ""}>${header(doc, settings, idPrefix)}${el("text", { "xml:lang": lang }, el("body", {}, body))}</TEI>
`;
}

/** The opening of an edition's teiCorpus, up to its first TEI document; `TEI_CORPUS_END` closes it. */
/**
 * An edition's or a part's introduction (the text of its index.md), as its page was rendered, as a
 * `<text type="introduction">` of its teiCorpus; nothing where it has no text. Its ids are its
 * page's, its mentions point to the edition's register, its links are absolute as `absolute` makes them.
 */
export function introductionTei(
  rendered: { tokens: Token[]; idPrefix: string } | undefined,
  edition: Edition,
  absolute: (site: string) => string,
): string {
  if (!rendered) return "";
  const registerUrl = edition.registerUrl && absolute(edition.registerUrl);
  const text = teiBody(rendered.tokens, {
    idPrefix: rendered.idPrefix,
    referenceUrl: absolute,
    ...(registerUrl ? { registerUrl } : {}),
  });
  const body = text.body.join("");
  if (!hasText(body)) return "";
  return `${el(
    "text",
    { type: "introduction" },
    el(
      "body",
      {},
      text.head.map((h) => el("head", {}, h)).join("") +
        (text.opener.length ? el("opener", {}, text.opener.join("")) : "") +
        body +
        (text.closer.length ? el("closer", {}, text.closer.join("")) : ""),
    ),
  )}\n`;
}

export function teiCorpusStart(edition: Edition, settings: { pageUrl: string; introduction?: string }): string {
  const head = el(
    "teiHeader",
    {},
    el(
      "fileDesc",
      {},
      el(
        "titleStmt",
        {},
        el("title", {}, xml(edition.title)) +
          (edition.subtitle ? el("title", { type: "sub" }, xml(edition.subtitle)) : "") +
          editorElements(edition.editors),
      ) +
        el(
          "publicationStmt",
          {},
          el("publisher", {}, xml(edition.title)) + el("idno", { type: "URI" }, xml(settings.pageUrl)),
        ) +
        el(
          "sourceDesc",
          {},
          el(
            "p",
            {},
            `The ${edition.documents.length} documents of this edition, each with its own source description.`,
          ),
        ),
    ) + (edition.summary ? el("profileDesc", {}, el("abstract", {}, el("p", {}, xml(edition.summary)))) : ""),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">${head}
${settings.introduction ?? ""}`;
}

export const TEI_CORPUS_END = "</teiCorpus>\n";

/** What goes into a corpus after its header: a document's TEI (by its page's URL), or the XML that opens or closes a part. */
export type CorpusItem = { member: string } | { text: string };

/**
 * The corpus's contents in the edition's order: its own documents, then each part as a teiCorpus of
 * its own, with a header that gives its title and its introduction's text, nested as the parts are. `hasTei` says which
 * documents have a TEI file (those with a page of their own).
 */
export function corpusItems(
  edition: Edition,
  hasTei: (doc: EditionDocument) => boolean,
  introduction: (part: Part) => string = () => "",
): CorpusItem[] {
  const members = (docs: readonly EditionDocument[]) => docs.filter(hasTei).map((doc) => ({ member: doc.url }));
  const part = (p: Part): CorpusItem[] => [
    {
      text: `<teiCorpus xml:id="${xml(p.id)}" n="${xml(p.folder)}">${el(
        "teiHeader",
        {},
        el(
          "fileDesc",
          {},
          el("titleStmt", {}, el("title", {}, xml(p.title))) +
            el("publicationStmt", {}, el("p", {}, `A part of ${xml(edition.title)}.`)) +
            el(
              "sourceDesc",
              {},
              el("p", {}, `The ${p.documents.length} documents of this part, each with its own source description.`),
            ),
        ),
      )}\n${introduction(p)}`,
    },
    ...members(p.documents),
    ...p.parts.flatMap(part),
    { text: TEI_CORPUS_END },
  ];
  return [...members(edition.documents.filter((doc) => !doc.part)), ...edition.parts.flatMap(part)];
}

/** A document's TEI as it stands inside a corpus: without its XML declaration. */
export const corpusMember = (document: string) => `${document.replace(/^<\?xml[^>]*\?>\s*/, "").trim()}\n`;

/**
 * The document's TEI, or, where its text holds what TEI cannot carry, the problem to report: its
 * line counted in the file (`lineOffset`: the lines of front matter before the text).
 */
export function documentTei(
  doc: EditionDocument,
  text: { tokens: Token[]; marks: ReadonlySet<string>; placedTelegrams?: ReadonlyMap<Token, Telegram | undefined> },
  site: {
    labels: Labels;
    locale: string;
    absoluteUrl: (path: string) => string;
    sourceNote: { text: string; tokens?: Token[] } | undefined;
  },
  lineOffset: () => number,
): { tei: string; problem?: undefined } | { tei?: undefined; problem: Problem } {
  const settings: TeiSettings = {
    labels: site.labels,
    locale: site.locale,
    pageUrl: site.absoluteUrl(doc.url),
    ...(doc.edition.registerUrl ? { registerUrl: site.absoluteUrl(doc.edition.registerUrl) } : {}),
    absoluteUrl: site.absoluteUrl,
    dateText: formatDocumentDate(doc.date, site.locale, site.labels),
    ...(site.sourceNote ? { sourceNoteText: site.sourceNote.text } : {}),
    ...(site.sourceNote?.tokens ? { sourceNoteTokens: site.sourceNote.tokens } : {}),
    marksUsed: text.marks,
    ...(text.placedTelegrams ? { placedTelegrams: text.placedTelegrams } : {}),
  };
  try {
    return { tei: teiDocument(doc, text.tokens, settings) };
  } catch (error) {
    if (!(error instanceof TeiError)) throw error;
    const field = error.line === undefined ? "text (TEI export)" : `line ${error.line + lineOffset()} (TEI export)`;
    return { problem: { file: doc.file, field, value: error.found, found: error.found, expected: error.expected } };
  }
}
