/**
 * A TEI volume whose documents are `<div type="document">` (FRUS's form): the header's title and
 * editors into the edition's index.md, each division that holds divisions into a part folder, each
 * document into a Markdown file with its front matter, its text and its notes.
 */
import type { ImportedEdition } from "./tei.js";
import { markdownLink, yamlString } from "./markdown.js";
import { Register } from "./register.js";
import { TextWriter, type DocContext } from "./text.js";
import { Unmapped, type UnmappedEntry } from "./unmapped.js";
import { attr, elements, find, findWithin, isText, kids, norm, plain, tagOf, type XNode } from "./xml.js";

type File = { path: string; content: string };

export function importVolume(root: XNode, slug: string): ImportedEdition {
  const report: UnmappedEntry[] = [];
  const head = editionHeader(root, slug, new Unmapped(report, "(header)"));
  const text = find(root, "text");
  const front = text ? find(text, "front") : undefined;
  const body = text ? find(text, "body") : undefined;
  const register = new Register();
  const frontUnmapped = new Unmapped(report, "(front)");
  if (front) register.readFront(front, frontUnmapped);
  frontUnmapped.done();
  const volume = new Volume(slug, register, report);
  if (body) {
    volume.indexIds(body, undefined);
    volume.walk(body, "");
  }
  if (volume.hasSourceNotes) head.push("numberSourceNote: true");
  head.push("---", "");
  // each part's index before its documents, parts in document order
  const files = [
    { path: "index.md", content: head.join("\n") },
    ...volume.files.sort((a, b) => comparePaths(a.path, b.path)),
  ];
  return { slug, files, register: register.used, unmapped: report };
}

/** The edition's front matter from the header's titleStmt: its complete title and its editors with roles. */
function editionHeader(root: XNode, slug: string, unmapped: Unmapped): string[] {
  let title: string | undefined;
  const editors: { name: string; role?: string }[] = [];
  const header = find(root, "teiHeader");
  for (const part of header ? elements(header) : []) {
    if (tagOf(part) !== "fileDesc") {
      unmapped.add(tagOf(part)!);
      continue;
    }
    for (const sect of elements(part)) {
      if (tagOf(sect) !== "titleStmt") {
        unmapped.add(tagOf(sect)!);
        continue;
      }
      for (const el of elements(sect)) {
        const t = tagOf(el);
        if (t === "title") {
          const type = attr(el, "type");
          if (type === "complete" || (!type && title === undefined)) title = norm(plain(el));
        } else if (t === "editor") {
          const role = attr(el, "role");
          const as = role === "primary" ? "editor" : role === "general" ? "general editor" : undefined;
          editors.push({ name: norm(plain(el)), ...(as ? { role: as } : {}) });
        } else unmapped.add(t!);
      }
    }
  }
  unmapped.done();
  const lines = ["---", `title: ${yamlString(title ?? slug, true)}`];
  if (editors.length) lines.push("editors:");
  for (const e of editors)
    lines.push(e.role ? `  - { name: ${yamlString(e.name)}, role: ${e.role} }` : `  - ${yamlString(e.name)}`);
  return lines;
}

class Volume {
  readonly files: File[] = [];
  hasSourceNotes = false;
  private readonly docIds = new Set<string>();
  private readonly noteIds = new Map<string, { doc: string; n: string }>();
  private pendingPages: string[] = [];
  private readonly text: TextWriter;

  constructor(
    private readonly slug: string,
    register: Register,
    private readonly report: UnmappedEntry[],
  ) {
    this.text = new TextWriter({
      mention: (pointer) => register.mention(pointer),
      reference: (target, text) => this.reference(target, text),
      pages: "printed",
    });
  }

  /** The documents' and notes' ids, for cross-references. */
  indexIds(n: XNode, doc: string | undefined): void {
    for (const k of elements(n)) {
      const id = attr(k, "xml:id");
      let d = doc;
      if (tagOf(k) === "div" && attr(k, "type") === "document" && id) {
        this.docIds.add(id);
        d = attr(k, "n") ?? id;
      }
      if (tagOf(k) === "note" && id && d) this.noteIds.set(id, { doc: d, n: attr(k, "n") ?? "" });
      this.indexIds(k, d);
    }
  }

  private reference(target: string, text: string): string | undefined {
    if (/^https?:\/\//.test(target)) return markdownLink(text, target);
    if (!target.startsWith("#")) return undefined;
    const id = target.slice(1);
    if (this.docIds.has(id)) {
      const num = id.replace(/^d/, "");
      return text === `Document ${num}` ? `{doc ${num}}` : `{doc ${num}: ${text}}`;
    }
    const note = this.noteIds.get(id);
    if (note) return `{doc ${note.doc} note ${note.n}}`;
    // a document of the volume that this file leaves out
    if (/^d\d+/.test(id)) return markdownLink(text, `https://history.state.gov/historicaldocuments/${this.slug}/${id}`);
    return undefined;
  }

  /** Parts (divisions holding divisions) into folders, documents into files, in document order. */
  walk(container: XNode, folder: string): void {
    const parts = elements(container).filter(
      (k) => tagOf(k) === "div" && attr(k, "type") !== "document" && elements(k).some((c) => tagOf(c) === "div"),
    );
    const unmapped = new Unmapped(this.report, folder || "(body)");
    let partIndex = 0;
    for (const k of elements(container)) {
      const t = tagOf(k);
      if (t === "pb") this.pendingPages.push(this.text.pageBreak(k));
      else if (t === "div" && attr(k, "type") === "document") this.files.push(this.document(k, folder));
      else if (t === "div" && parts.includes(k)) {
        partIndex++;
        const name = attr(k, "xml:id") ?? `part${partIndex}`;
        const sub = folder ? `${folder}/${name}` : name;
        const head = find(k, "head");
        const lines = ["---", `title: ${yamlString(head ? norm(plain(head)) : name, true)}`];
        if (parts.length > 1) lines.push(`order: ${partIndex}`);
        lines.push("---", "");
        this.files.push({ path: `${sub}/index.md`, content: lines.join("\n") });
        this.walk(k, sub);
      } else if (t !== "head") unmapped.add(t!);
    }
    unmapped.done();
  }

  /** A source note's Markdown, without its "Source:" label; a note in it is not a note of the text. */
  private sourceNoteText(note: XNode, ctx: DocContext): string {
    return norm(this.text.blockInline(kids(note), { ...ctx, notes: [] })).replace(/^Source:\s*/, "");
  }

  /**
   * The text's blocks, each attachment (at any depth among the text's divisions of attachments) an
   * entry of `attachments` and a line `{attachment}` where it begins, its content after it.
   */
  private textWithAttachments(nodes: XNode[], ctx: DocContext, entries: string[][]): string[] {
    const out: string[] = [];
    let run: XNode[] = [];
    for (const k of nodes) {
      if (!isAttachment(k)) {
        run.push(k);
        continue;
      }
      out.push(...this.text.blocks(run, ctx), "{attachment}");
      run = [];
      entries.push(this.attachmentEntry(k, ctx));
      out.push(
        ...this.textWithAttachments(
          kids(k).filter((c) => tagOf(c) !== "head"),
          ctx,
          entries,
        ),
      );
    }
    out.push(...this.text.blocks(run, ctx));
    return out;
  }

  /**
   * An attachment's entry: its heading's title; its dateline's date; a classification its source
   * note begins with or states as FRUS's source notes do (else the plugin's own export's
   * `<seg type="classification">` in its opener), and the source note.
   */
  private attachmentEntry(att: XNode, ctx: DocContext): string[] {
    const head = find(att, "head");
    const lines = [`  - title: ${JSON.stringify(head ? this.text.title(head, ctx) : "Attachment")}`];
    const date = documentDate(findWithin(withoutAttachments(att), "date", "dateline"), att).date;
    if (date) lines.push(`    date: ${date}`);
    const note = head ? sourceNoteOf(head) : undefined;
    const noteText = note ? norm(plain(note)).replace(/^Source:\s*/, "") : "";
    const exported = takeClassificationSeg(att);
    const classification =
      CLASSIFICATIONS.find((c) => noteText.startsWith(c)) ??
      /^classification: (.*)$/m.exec(archivalFields(noteText).join("\n"))?.[1] ??
      exported;
    if (classification) lines.push(`    classification: ${yamlString(classification)}`);
    if (note) lines.push(`    sourceNote: ${JSON.stringify(this.sourceNoteText(note, ctx))}`);
    return lines;
  }

  private document(div: XNode, folder: string): File {
    const id = attr(div, "xml:id") ?? `d${attr(div, "n")}`;
    const number = attr(div, "n");
    const ctx: DocContext = { notes: [], unmapped: new Unmapped(this.report, number ? `d${number}` : id) };
    const head = find(div, "head");
    let title = head ? this.text.title(head, ctx) : id;
    if (number) title = title.replace(new RegExp(`^${number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\s*`), "");
    const fm: string[] = ["---"];
    if (number) fm.push(`number: ${/^\d+$/.test(number) ? number : JSON.stringify(number)}`);
    fm.push(`title: ${JSON.stringify(title)}`);
    // the document's own dateline and place, not an attachment's
    const own = withoutAttachments(div);
    const date = documentDate(findWithin(own, "date", "dateline"), div);
    if (date.comment) fm.push(...date.comment.map((c) => `# ${c}`));
    fm.push(`date: ${date.date}`);
    if (date.approximate) fm.push("dateApproximate: true");
    if (date.time) fm.push(`time: "${date.time}"`, `timeZone: ${date.zone}`);
    fm.push(`type: ${attr(div, "subtype") === "editorial-note" ? "editorial note" : documentType(title)}`);
    const sourceNote = head ? sourceNoteOf(head) : undefined;
    let sourceText: string | undefined;
    if (sourceNote) {
      this.hasSourceNotes = true;
      sourceText = this.sourceNoteText(sourceNote, ctx);
      fm.push(...archivalFields(norm(plain(sourceNote)).replace(/^Source:\s*/, "")));
    }
    const bodyNodes: XNode[] = [];
    let place: XNode | undefined;
    for (const k of kids(div)) {
      const t = isText(k) ? undefined : tagOf(k);
      const type = t === "list" ? (attr(k, "type") ?? "") : "";
      if (t === "head") continue;
      if (!["participants", "subject", "to"].includes(type)) {
        bodyNodes.push(k);
        continue;
      }
      const items = elements(k)
        .filter((i) => tagOf(i) === "item")
        .map((i) => norm(this.text.inline(kids(i), ctx)));
      if (type === "subject") fm.push(`subject: ${JSON.stringify(items.join("; "))}`);
      else fm.push(type === "to" ? "recipients:" : "participants:", ...items.map((i) => `  - ${JSON.stringify(i)}`));
      if (type === "participants") place = findWithin(own, "placeName", "dateline");
    }
    if (place) fm.push(`place: ${yamlString(norm(plain(place)))}`);
    if (sourceText) fm.push(`sourceNote: ${JSON.stringify(sourceText)}`);
    const attachments: string[][] = [];
    const blocks = this.textWithAttachments(bodyNodes, ctx, attachments);
    if (attachments.length) fm.push("attachments:", ...attachments.flat());
    fm.push("---");
    const pages = this.pendingPages.filter(Boolean);
    this.pendingPages = [];
    const notes = ctx.notes.map((n) => `[^${n.n}]: ${n.text}`);
    ctx.unmapped.done();
    return {
      path: `${folder ? `${folder}/` : ""}${id}.md`,
      content: `${fm.join("\n")}\n\n${[...pages, ...blocks, ...notes].join("\n\n")}\n`,
    };
  }
}

/** A FRUS attachment (`<frus:attachment>`) or a division TEI-wise typed as one (the plugin's own export). */
const isAttachment = (n: XNode): boolean =>
  tagOf(n) === "frus:attachment" ||
  (tagOf(n) === "div" && (attr(n, "type") === "attachment" || attr(n, "subtype") === "attachment"));

/** A copy of a division without its attachments, to find the document's own dateline in. */
function withoutAttachments(div: XNode): XNode {
  return { ...div, [tagOf(div) ?? "div"]: kids(div).filter((k) => !isAttachment(k)) };
}

const sourceNoteOf = (head: XNode): XNode | undefined =>
  elements(head).find((k) => tagOf(k) === "note" && attr(k, "type") === "source");

/** Part folders and documents in order: a folder's index.md first, then files before subfolders, numbers numerically. */
function comparePaths(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const aLast = i === pa.length - 1;
    const bLast = i === pb.length - 1;
    if (pa[i] === "index.md") return -1;
    if (pb[i] === "index.md") return 1;
    if (aLast !== bLast) return aLast ? -1 : 1;
    return (pa[i] ?? "").localeCompare(pb[i] ?? "", "en", { numeric: true });
  }
  return pa.length - pb.length;
}

/** The plugin's document type from a FRUS title: "Memorandum From …" → memorandum. */
function documentType(title: string): string {
  const t = title.toLowerCase();
  if (t.startsWith("memorandum of conversation")) return "memorandum of conversation";
  const beforeFrom = t.split(/\s+from\s+/)[0] ?? "";
  for (const kind of ["telegram", "letter", "memorandum", "minutes", "report", "note", "message", "paper", "study"])
    if (
      t.startsWith(kind) ||
      t.includes(` ${kind} `) ||
      t.endsWith(` ${kind}`) ||
      new RegExp(`\\b${kind}\\b`).test(beforeFrom)
    )
      return kind;
  return "document";
}

/**
 * The plugin's own export of an attachment's classification, `<seg type="classification">` in its
 * opener: taken out of the opener (the tree is changed), as it is the entry's field, not text.
 */
function takeClassificationSeg(att: XNode): string | undefined {
  const opener = find(att, "opener");
  const seg = opener
    ? elements(opener).find((k) => tagOf(k) === "seg" && attr(k, "type") === "classification")
    : undefined;
  if (!seg || !opener) return undefined;
  opener[tagOf(opener) as string] = kids(opener).filter((k) => k !== seg);
  return norm(plain(seg));
}

const CLASSIFICATIONS = ["Top Secret", "Secret", "Confidential", "Limited Official Use", "Unclassified"];
/** archive, collection, callNumber, classification and handling from a source note written in FRUS's form. */
function archivalFields(note: string): string[] {
  const out: string[] = [];
  const at = note.search(/\. (?=Top Secret|Secret|Confidential|Limited Official Use|Unclassified|No classification)/);
  const first = at < 0 ? "" : note.slice(0, at);
  const second = at < 0 ? "" : note.slice(at + 2);
  const segments = first.split(", ");
  const box = segments.findIndex((s) => /^Box\s/.test(s));
  if (box >= 2) {
    out.push(`archive: ${yamlString(segments[0] ?? "")}`);
    out.push(`collection: ${JSON.stringify(segments.slice(1, box).join(", "))}`);
    out.push(`callNumber: ${JSON.stringify(segments.slice(box).join(", "))}`);
  }
  const cls = CLASSIFICATIONS.find((c) => second.startsWith(c));
  if (cls) {
    out.unshift(`classification: ${cls}`);
    const rest = second.slice(cls.length);
    if (rest.startsWith(";")) {
      const handling = (rest.slice(1).split(/\.(?:\s|$)/)[0] ?? "")
        .split(/[,;]\s*/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (handling.length) out.splice(1, 0, `handling: [${handling.join(", ")}]`);
    }
  }
  return out;
}

interface DocDate {
  date: string;
  approximate?: boolean;
  time?: string;
  zone?: string;
  comment?: string[];
}
/** "-05:00" → "UTC-5", "+00:00"/"Z" → "UTC", "+05:30" → "UTC+5:30". */
export function zoneOf(offset: string): string {
  if (offset === "Z" || /^[+-]00:?00$/.test(offset)) return "UTC";
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(offset);
  if (!m) return "UTC";
  return `UTC${m[1]}${Number(m[2])}${m[3] === "00" ? "" : `:${m[3]}`}`;
}
/** The dateline's date (@when, @from), else its range (@notBefore/@notAfter), else FRUS's dateTime-min/max. */
function documentDate(dateNode: XNode | undefined, div: XNode): DocDate {
  const when = dateNode ? (attr(dateNode, "when") ?? attr(dateNode, "from")) : undefined;
  if (when) {
    const m = /^(\d{4}(?:-\d\d(?:-\d\d)?)?)(?:T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.exec(when);
    if (m) return { date: m[1] ?? "", ...(m[2] ? { time: m[2], zone: zoneOf(m[3] ?? "Z") } : {}) };
  }
  const lo = dateNode ? (attr(dateNode, "notBefore") ?? attr(dateNode, "from")) : undefined;
  const hi = dateNode ? (attr(dateNode, "notAfter") ?? attr(dateNode, "to")) : undefined;
  if (lo && hi) return { ...common(lo, hi), approximate: true, comment: [`FRUS dates it between ${lo} and ${hi}.`] };
  const min = attr(div, "frus:doc-dateTime-min");
  const max = attr(div, "frus:doc-dateTime-max");
  if (min && max) return common(min, max);
  return { date: "", comment: ["No date in the TEI."] };
}
/** The most precise date two bounds share: the day, the month or the year. */
function common(lo: string, hi: string): DocDate {
  const a = lo.slice(0, 10);
  const b = hi.slice(0, 10);
  if (a === b) return { date: a };
  if (a.slice(0, 7) === b.slice(0, 7)) return { date: a.slice(0, 7) };
  return { date: a.slice(0, 4) };
}
