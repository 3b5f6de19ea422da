/**
 * TEI documents, each a `<TEI>` with its own header: a single document, or a `teiCorpus` of them
 * (the plugin's own corpus export, whose nested `teiCorpus` elements are the edition's parts). The
 * header gives the front matter, the body the text. What the plugin's export writes is read back
 * field by field, so that a document exported and imported again builds the same page, TEI and
 * citations; other TEI documents are read as far as their elements allow, the rest reported.
 */
import { DEFAULT_LABELS } from "../options.js";
import { sourceNoteOf, sourceNoteText } from "../model/source-note.js";
import type { EditionDocument } from "../model/edition.js";
import { LABELLED_FIELDS, labelKey, type LabelledField } from "../model/telegram.js";
import type { ImportedEdition } from "./tei.js";
import { markdownLink, yamlString } from "./markdown.js";
import type { RegisterEntry, RegisterKind } from "./register.js";
import { TextWriter, type DocContext } from "./text.js";
import { Unmapped, type UnmappedEntry } from "./unmapped.js";
import { attr, elements, find, isText, kids, norm, plain, tagOf, textOf, type XNode } from "./xml.js";
import { zoneOf } from "./volume.js";

type File = ImportedEdition["files"][number];
type Register = NonNullable<ImportedEdition["register"]>;

const KIND_OF_MARK: Record<string, RegisterKind> = {
  person: "people",
  place: "places",
  term: "terms",
  subject: "subjects",
};
const ROLE_OF: Record<string, string> = { editor: "editor", "general-editor": "general editor" };

const path = (n: XNode, ...tags: string[]): XNode | undefined =>
  tags.reduce<XNode | undefined>((node, tag) => (node ? find(node, tag) : undefined), n);
const all = (n: XNode | undefined, tag: string): XNode[] => (n ? elements(n).filter((k) => tagOf(k) === tag) : []);
const uriOf = (header: XNode | undefined) =>
  header ? all(path(header, "fileDesc", "publicationStmt"), "idno").find((i) => attr(i, "type") === "URI") : undefined;
/** The path segments of a page's URI: /editions/talks/notice/ → [editions, talks, notice]. */
const segments = (uri: XNode | undefined) =>
  uri
    ? norm(plain(uri))
        .replace(/^[a-z]+:\/\/[^/]+/, "")
        .split("/")
        .filter(Boolean)
    : [];
const q = (s: string) => JSON.stringify(s);

export function importDocuments(root: XNode, fallbackSlug: string): ImportedEdition {
  const report: UnmappedEntry[] = [];
  const reader = new DocumentReader(report);
  if (tagOf(root) === "TEI") {
    const header = find(root, "teiHeader");
    const slug = segments(uriOf(header)).slice(-2, -1)[0] ?? fallbackSlug;
    const doc = reader.document(root, "", slug);
    const edition = editionIndex(
      norm(plain(path(header ?? {}, "fileDesc", "publicationStmt", "publisher") ?? {})) || slug,
      all(path(header ?? {}, "fileDesc", "titleStmt"), "editor"),
      reader.sourceNoteNumbered,
    );
    return {
      slug,
      files: [{ path: "index.md", content: edition, keepExisting: true }, doc],
      register: reader.register,
      registerIfMissing: reader.guesses,
      unmapped: report,
    };
  }
  const header = find(root, "teiHeader");
  const slug = segments(uriOf(header)).at(-1) ?? attr(root, "xml:id") ?? fallbackSlug;
  const titleStmt = path(header ?? {}, "fileDesc", "titleStmt");
  const titles = all(titleStmt, "title");
  const title = norm(plain(titles.find((t) => attr(t, "type") !== "sub") ?? {})) || slug;
  const subtitle = titles.find((t) => attr(t, "type") === "sub");
  const summary = path(header ?? {}, "profileDesc", "abstract");
  const extra = [
    ...(subtitle ? [`subtitle: ${q(norm(plain(subtitle)))}`] : []),
    ...(summary ? [`summary: ${q(norm(plain(summary)))}`] : []),
  ];
  const files: File[] = [];
  const walk = (corpus: XNode, folder: string) => {
    const parts = all(corpus, "teiCorpus");
    parts.forEach((part, i) => {
      const sub = attr(part, "n") ?? `${folder ? `${folder}/` : ""}part${i + 1}`;
      const partTitle = norm(plain(path(part, "teiHeader", "fileDesc", "titleStmt", "title") ?? {})) || sub;
      const lines = ["---", `title: ${q(partTitle)}`, ...(parts.length > 1 ? [`order: ${i + 1}`] : []), "---", ""];
      files.push({ path: `${sub}/index.md`, content: lines.join("\n") + reader.introduction(part, sub) });
    });
    for (const k of elements(corpus)) {
      if (tagOf(k) === "TEI") {
        files.push(reader.document(k, folder, slug));
      } else if (tagOf(k) === "teiCorpus") walk(k, attr(k, "n") ?? folder);
    }
  };
  walk(root, "");
  const index =
    editionIndex(title, all(titleStmt, "editor"), reader.sourceNoteNumbered, extra) + reader.introduction(root, "");
  return {
    slug,
    files: [{ path: "index.md", content: index }, ...files],
    register: reader.register,
    registerIfMissing: reader.guesses,
    unmapped: report,
  };
}

function editionIndex(title: string, editors: XNode[], numberSourceNote: boolean, extra: string[] = []): string {
  const lines = ["---", `title: ${q(title)}`, ...extra];
  if (editors.length) lines.push("editors:");
  for (const e of editors) {
    const role = ROLE_OF[attr(e, "role") ?? ""];
    lines.push(role ? `  - { name: ${q(norm(plain(e)))}, role: ${role} }` : `  - ${q(norm(plain(e)))}`);
  }
  if (numberSourceNote) lines.push("numberSourceNote: true");
  lines.push("---", "");
  return lines.join("\n");
}

/** One `<TEI>` at a time into a Markdown file; the register entries named on the way. */
class DocumentReader {
  readonly register: Register = {};
  /** Entries known only from a mention's words: added where the site's register lacks them. */
  readonly guesses: Register = {};
  sourceNoteNumbered = false;
  private readonly text = new TextWriter({
    mention: (pointer, words) => this.mention(pointer, words),
    reference: (target, text) => reference(target, text, this.edition),
    pages: "original",
  });
  /** The edition of the document being read: a cross-reference to another edition names it. */
  private edition = "";
  constructor(private readonly report: UnmappedEntry[]) {}

  /** `…/register/#person-han-nianlong` → people/han-nianlong. */
  private mention(pointer: string | undefined, words: string): { kind: RegisterKind; key: string } | undefined {
    const m = /#(person|place|term|subject)-([a-z0-9][a-z0-9-]*)$/.exec(pointer ?? "");
    if (!m) return undefined;
    const kind = KIND_OF_MARK[m[1] as string] as RegisterKind;
    const key = m[2] as string;
    if (!this.register[kind]?.[key]) (this.guesses[kind] ??= {})[key] ??= { name: norm(words.replace(/\\(.)/g, "$1")) };
    return { kind, key };
  }

  document(tei: XNode, folder: string, edition: string): File {
    this.edition = edition;
    const header = find(tei, "teiHeader") ?? {};
    const id = attr(tei, "xml:id") ?? "";
    const prefix = [edition, ...folder.split("/").filter(Boolean)].join("-") + "-";
    const slug = id.startsWith(prefix) ? id.slice(prefix.length) : (segments(uriOf(header)).at(-1) ?? id);
    const ctx: DocContext = { notes: [], unmapped: new Unmapped(this.report, slug) };
    const record = new HeaderRecord(header, ctx.unmapped);
    const fm = ["---"];
    const number = attr(tei, "n");
    if (number) fm.push(`number: ${/^\d+$/.test(number) ? number : q(number)}`);
    fm.push(...record.lines());
    const text = find(tei, "text");
    const lang = text ? attr(text, "xml:lang") : undefined;
    const body = path(tei, "text", "body");
    const { nodes, telegram, sourceNote, listed } = this.splitBody(body ? kids(body) : [], ctx);
    fm.push(...record.languageLines(lang));
    fm.push(...listed);
    if (telegram.length) fm.push("telegram:", ...telegram);
    fm.push(...record.registerLines(this));
    // The editor's own note, with its mentions; none where it is the one the record builds.
    if (sourceNote && norm(plain(sourceNote.node)) !== record.generatedSourceNote(telegram))
      fm.push(`sourceNote: ${q(norm(this.text.inline(kids(sourceNote.node), ctx)).replace(/^Source:\s*/, ""))}`);
    if (sourceNote?.numbered) this.sourceNoteNumbered = true;
    fm.push("---");
    const blocks = this.text.blocks(nodes, ctx);
    const notes = ctx.notes.map((n) => `[^${n.n}]: ${n.text}`);
    ctx.unmapped.done();
    return {
      path: `${folder ? `${folder}/` : ""}${slug || "document"}.md`,
      content: `${fm.join("\n")}\n\n${[...blocks, ...notes].join("\n\n")}\n`,
    };
  }

  /** The body's source note, telegram header and participants lists, apart from its text. */
  private splitBody(children: XNode[], ctx: DocContext) {
    const nodes: XNode[] = [];
    let telegram: string[] = [];
    let sourceNote: { node: XNode; numbered: boolean } | undefined;
    const listed: string[] = [];
    for (const k of children) {
      const t = isText(k) ? undefined : tagOf(k);
      if (t === "note" && attr(k, "type") === "source") sourceNote = { node: k, numbered: attr(k, "n") === "1" };
      else if (t === "opener" && !telegram.length && elements(k).some((s) => tagOf(s) === "seg" && attr(s, "type")))
        telegram = telegramLines(k);
      else if (t === "list" && ["participants", "subject"].includes(attr(k, "type") ?? "")) {
        const items = all(k, "item").map((i) => norm(this.text.inline(kids(i), ctx)));
        if (attr(k, "type") === "subject") listed.push(`subject: ${q(items.join("; "))}`);
        else listed.push("participants:", ...items.map((i) => `  - ${q(i)}`));
      } else if (t === "div" && attr(k, "type") === "document") nodes.push(...kids(k));
      else nodes.push(k);
    }
    return { nodes, telegram, sourceNote, listed };
  }

  /** An edition's or part's introduction, its corpus's `<text type="introduction">`, as its index.md's text. */
  introduction(corpus: XNode, folder: string): string {
    const text = all(corpus, "text").find((t) => attr(t, "type") === "introduction");
    const body = text && find(text, "body");
    if (!body) return "";
    const ctx: DocContext = { notes: [], unmapped: new Unmapped(this.report, `${folder || "(edition)"}/index.md`) };
    const blocks = this.text.blocks(kids(body), ctx);
    const notes = ctx.notes.map((n) => `[^${n.n}]: ${n.text}`);
    ctx.unmapped.done();
    return `\n${[...blocks, ...notes].join("\n\n")}\n`;
  }

  /** The register's own name for a key, from the header's lists: authoritative, unlike a mention's words. */
  named(kind: RegisterKind, key: string, name: string): void {
    (this.register[kind] ??= {})[key] = { name } satisfies RegisterEntry;
    delete this.guesses[kind]?.[key];
  }
}

/** A cross-reference to a document of the plugin's URLs, or a web link. */
function reference(target: string, text: string, current: string): string | undefined {
  if (/^(https?:|mailto:)/.test(target))
    return text === target && !/[\s<>]/.test(target) ? `<${target}>` : markdownLink(text, target);
  // A numbered document's page (numberedUrls), and a note on it: /editions/<edition>/d31/#fn-…-5
  const doc = /\/editions\/([^/]+)\/(?:[^#]*\/)?d(\d+[a-z]?)\/(?:#fn-.*-(\d+))?$/.exec(target);
  if (doc) {
    const [, edition, n, note] = doc;
    const ref = `${edition === current ? "" : `${edition}/`}${n}${note ? ` note ${note}` : ""}`;
    const words = note ? `Document ${n}, footnote ${note}` : `Document ${n}`;
    return `{doc ${ref}${text === words ? "" : `: ${text}`}}`;
  }
  if (target.startsWith("/")) return markdownLink(text, target);
  return undefined;
}

/** The opener's segments back into the front matter's telegram: fields in order, labels where not the site's. */
function telegramLines(opener: XNode): string[] {
  const out: string[] = [];
  const labels: string[] = [];
  const lines: string[] = [];
  for (const seg of all(opener, "seg")) {
    const field = attr(seg, "type") ?? "";
    const label = find(seg, "label");
    const values = kids(seg)
      .filter((k) => k !== label)
      .reduce<string[]>(
        (acc, k) => {
          if (tagOf(k) === "lb") acc.push("");
          else acc[acc.length - 1] += isText(k) ? textOf(k) : plain(k);
          return acc;
        },
        [""],
      )
      .map((v) => v.trim());
    const labelText = label ? norm(plain(label)) : undefined;
    if (field === "line") {
      lines.push(
        labelText ? `    - { label: ${q(labelText)}, value: ${q(values[0] ?? "")} }` : `    - ${q(values[0] ?? "")}`,
      );
      continue;
    }
    if (!field) continue;
    out.push(values.length > 1 ? `  ${field}: [${values.map(q).join(", ")}]` : `  ${field}: ${q(values[0] ?? "")}`);
    if (labelText && (LABELLED_FIELDS as string[]).includes(field)) {
      const fallback = DEFAULT_LABELS[labelKey(field as LabelledField)];
      if (labelText !== fallback) labels.push(`    ${field}: ${q(labelText)}`);
    }
  }
  if (lines.length) out.push("  lines:", ...lines);
  if (labels.length) out.push("  labels:", ...labels);
  return out;
}

/** The record in a document's header, read into front-matter lines; what it does not know, counted. */
class HeaderRecord {
  private readonly fileDesc: XNode;
  private readonly profile: XNode;
  private readonly fields: Record<string, unknown> = {};

  constructor(
    header: XNode,
    private readonly unmapped: Unmapped,
  ) {
    this.fileDesc = find(header, "fileDesc") ?? {};
    this.profile = find(header, "profileDesc") ?? {};
    for (const k of elements(header))
      if (!["fileDesc", "profileDesc", "encodingDesc"].includes(tagOf(k) ?? "")) unmapped.add(tagOf(k)!);
  }

  private keywords(n: string): XNode[] {
    return all(path(this.profile, "textClass") ?? {}, "keywords")
      .filter((k) => attr(k, "n") === n)
      .flatMap((k) => all(k, "term"));
  }

  /** Title, date, type, author and recipients, the original's holding and the published source. */
  lines(): string[] {
    const out: string[] = [];
    const f = this.fields;
    const title = norm(plain(path(this.fileDesc, "titleStmt", "title") ?? {}));
    out.push(`title: ${q(title)}`);
    out.push(...this.dateLines());
    const type = this.keywords("type").map((t) => norm(plain(t)))[0];
    if (type) out.push(`type: ${yamlString((f.type = type))}`);
    const sent = path(this.profile, "correspDesc");
    const names = (action: string) =>
      all(sent, "correspAction")
        .filter((a) => attr(a, "type") === action)
        .flatMap((a) => all(a, "name").map((n) => norm(plain(n))));
    const author = names("sent");
    const recipients = names("received");
    if (author.length)
      out.push(
        author.length === 1 ? `author: ${q(author[0]!)}` : "author:",
        ...(author.length > 1 ? author.map((a) => `  - ${q(a)}`) : []),
      );
    if (recipients.length) out.push("recipients:", ...recipients.map((r) => `  - ${q(r)}`));
    const classification = this.keywords("classification").map((t) => norm(plain(t)))[0];
    if (classification) out.push(`classification: ${q((f.classification = classification))}`);
    const handling = this.keywords("handling").map((t) => norm(plain(t)));
    if (handling.length) out.push(`handling: [${(f.handling = handling).map(q).join(", ")}]`);
    out.push(...this.holdingLines());
    return out;
  }

  private dateLines(): string[] {
    const date = path(this.profile, "creation", "date");
    const place = path(this.profile, "creation", "placeName");
    const out: string[] = [];
    const when = date && (attr(date, "when") ?? attr(date, "from"));
    const m = when && /^(\d{4}(?:-\d\d(?:-\d\d)?)?)(?:T(\d\d:\d\d)(?::\d\d)?(Z|[+-]\d\d:\d\d)?)?$/.exec(when);
    if (m) {
      out.push(`date: ${m[1]}`);
      const to = date && attr(date, "to");
      const end = to && /T(\d\d:\d\d)/.exec(to)?.[1];
      if (m[2]) out.push(`time: "${m[2]}${end ? `–${end}` : ""}"`, `timeZone: ${zoneOf(m[3] ?? "Z")}`);
    } else if (date && attr(date, "notBefore") && attr(date, "notAfter")) {
      const lo = attr(date, "notBefore")!;
      const hi = attr(date, "notAfter")!;
      out.push(`date: ${lo.slice(5) === "01-01" && hi.slice(5) === "12-31" ? lo.slice(0, 4) : lo.slice(0, 7)}`);
      out.push("dateApproximate: true");
    }
    if (place) out.push(`place: ${q(norm(plain(place)))}`);
    return out;
  }

  private holdingLines(): string[] {
    const out: string[] = [];
    const f = this.fields;
    const ms = path(this.fileDesc, "sourceDesc", "msDesc");
    const ident = ms && find(ms, "msIdentifier");
    const take = (tag: string, field: string) => {
      const node = ident && find(ident, tag);
      if (node) out.push(`${field}: ${q((f[field] = norm(plain(node))))}`);
    };
    take("repository", "archive");
    take("collection", "collection");
    take("idno", "callNumber");
    const locus = ms && path(ms, "msContents", "msItem", "locus");
    if (locus) {
      const value = norm(plain(locus));
      const field = /^\d+[rv]\b/.test(value) ? "folios" : "pages";
      out.push(`${field}: ${q((f[field] = value))}`);
    }
    const bibl = find(path(this.fileDesc, "sourceDesc") ?? {}, "bibl");
    if (bibl) {
      const source: Record<string, string> = { title: norm(plain(find(bibl, "title") ?? {})) };
      const publisher = find(bibl, "publisher");
      if (publisher) source.publisher = norm(plain(publisher));
      const ptr = find(bibl, "ptr");
      if (ptr && attr(ptr, "target")) source.url = attr(ptr, "target")!;
      const accessed = all(bibl, "date").find((d) => attr(d, "type") === "accessed");
      if (accessed && attr(accessed, "when")) source.accessed = attr(accessed, "when")!;
      f.source = source;
      out.push("source:", ...Object.entries(source).map(([k, v]) => `  ${k}: ${q(v)}`));
    }
    const abstract = path(this.profile, "abstract");
    if (abstract) out.push(`summary: ${q(norm(plain(abstract)))}`);
    const credits = all(path(this.fileDesc, "notesStmt"), "note").find((n) => attr(n, "type") === "credits");
    if (credits) out.push(`credits: ${q(norm(plain(credits)))}`);
    return out;
  }

  /** The original's language and the translation's, and the translator, from langUsage, text/@xml:lang and respStmt. */
  languageLines(lang: string | undefined): string[] {
    const f = this.fields;
    const languages = all(path(this.profile, "langUsage"), "language").map((l) => attr(l, "ident") ?? "");
    const resp = all(path(this.fileDesc, "titleStmt"), "respStmt").find((r) =>
      /translated/.test(norm(plain(find(r, "resp") ?? {}))),
    );
    const translators = resp ? all(resp, "name").map((n) => norm(plain(n))) : [];
    const original = languages.find((l) => l !== lang);
    const out: string[] = [];
    // A translation's language is the text's; the original's is the other one langUsage names.
    const originalLanguage = resp ? original : lang;
    if (originalLanguage) {
      f.originalLanguage = originalLanguage;
      out.push(`originalLanguage: ${originalLanguage}`);
    }
    if (resp && lang) {
      const unknown = translators.length === 1 && !translators[0];
      f.translation = { language: lang, translator: unknown ? null : translators };
      out.push("translation:", `  language: ${lang}`);
      if (unknown) out.push("  translator: unknown");
      else if (translators.length === 1) out.push(`  translator: ${q(translators[0]!)}`);
      else out.push("  translator:", ...translators.map((t) => `    - ${q(t)}`));
    }
    return out;
  }

  /** people, places and subjects the header's keywords list, by key, with the register's names. */
  registerLines(reader: DocumentReader): string[] {
    const out: string[] = [];
    for (const kind of ["people", "places", "subjects"] as const) {
      const keys = this.keywords(kind).map((t) => {
        const key = attr(t, "key") ?? /-([a-z0-9-]+)$/.exec(attr(t, "ref") ?? "")?.[1] ?? "";
        reader.named(kind, key, norm(plain(t)));
        return key;
      });
      if (keys.length) out.push(`${kind}:`, ...keys.map((k) => `  - ${k}`));
    }
    return out;
  }

  /** The source note the plugin would build from this record: where the TEI's is the same, none is written. */
  generatedSourceNote(telegram: string[]): string | undefined {
    const precedence = telegram.find((l) => l.startsWith("  precedence: "));
    const doc = {
      ...this.fields,
      ...(precedence ? { telegram: { precedence: JSON.parse(precedence.slice(14)) as string, order: [] } } : {}),
    } as unknown as EditionDocument;
    const note = sourceNoteOf(doc, { labels: DEFAULT_LABELS, locale: "en" });
    return note ? sourceNoteText(note, DEFAULT_LABELS) : undefined;
  }
}
