/* eslint-disable max-lines-per-function -- one closure over the parse state; to be split into src/import/ modules */
/**
 * TEI P5 → the plugin's Markdown edition, in memory (issue 18). Pure: no file system.
 * Parsed with fast-xml-parser (preserveOrder); one walk over the tree, linear in the input.
 */
import { XMLParser } from "fast-xml-parser";

export interface ImportedEdition {
  /** The edition's folder name: the TEI's root xml:id, else options.fallbackSlug. */
  slug: string;
  /** Files relative to the edition's folder, in a stable order. */
  files: { path: string; content: string }[];
  /** Register entries the documents use, by kind, keyed by register key. */
  register: Partial<Record<RegisterKind, Record<string, RegisterEntry>>>;
  /** What the import did not map, counted. */
  unmapped: { element: string; document: string; count: number }[];
}
export type RegisterKind = "people" | "places" | "subjects" | "terms";
export interface RegisterEntry {
  name: string;
  sortName?: string;
  identification?: string;
}

type XNode = Record<string, unknown>;

const tagOf = (n: XNode): string | undefined => Object.keys(n).find((k) => k !== ":@");
const kids = (n: XNode): XNode[] => {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
};
const attr = (n: XNode, name: string): string | undefined => {
  const a = n[":@"] as Record<string, string> | undefined;
  return a?.[`@_${name}`];
};
const isText = (n: XNode): boolean => "#text" in n;
const textOf = (n: XNode): string => String(n["#text"]);
const local = (tag: string): string => tag.replace(/^tei:/, "");
const elements = (n: XNode): XNode[] => kids(n).filter((k) => !isText(k) && !tagOf(k)?.startsWith("?"));
const find = (n: XNode, tag: string): XNode | undefined => elements(n).find((k) => tagOf(k) === tag);

/** All the text of a node, whitespace as in the source. */
function plain(n: XNode, skip: (e: XNode) => boolean = () => false): string {
  if (isText(n)) return textOf(n);
  if (skip(n)) return "";
  return kids(n)
    .map((k) => plain(k, skip))
    .join("");
}
const squash = (s: string): string => s.replace(/\s+/g, " ");
const norm = (s: string): string => squash(s).trim();

/** A register key from a name: "Kissinger, Henry A." → kissinger-henry-a; "EC–121" → ec-121. */
export function registerKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, " ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Escapes the characters Markdown or the plugin's marks read in running text. */
export function escapeText(s: string): string {
  return s.replace(/[\\{}*_`<]|\[(?=\^)|\](?=[([])/g, (c) => `\\${c}`);
}
/** Escapes what would start a block (a list, heading, quotation) at a block's start. */
function escapeBlockStart(s: string): string {
  return s
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([-+>#])(?=\s|$)/, "\\$1")
    .replace(/^(#{1,6})(?=\s)/, "\\$1");
}

const yamlPlain = /^[A-Za-z][A-Za-z0-9 .,’'()/-]*$/;
const yamlString = (s: string, quote = false): string =>
  !quote && yamlPlain.test(s) && !/: | #/.test(s) ? s : JSON.stringify(s);

interface RegisterSource {
  kind: RegisterKind;
  key: string;
  entry: RegisterEntry;
}

interface DocContext {
  doc: string;
  notes: { n: string; text: string }[];
  unmapped: Map<string, number>;
}

export function importTei(xml: string, options: { fallbackSlug: string }): ImportedEdition {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
  });
  const tree = parser.parse(xml) as XNode[];
  const root = tree.find((n) => tagOf(n) === "TEI");
  if (!root) throw new Error("not a TEI file: no <TEI> root element");
  const slug = attr(root, "xml:id") ?? options.fallbackSlug;
  const unmappedAll: ImportedEdition["unmapped"] = [];
  const count = (map: Map<string, number>, element: string) => map.set(element, (map.get(element) ?? 0) + 1);
  const flush = (document: string, map: Map<string, number>) => {
    for (const [element, n] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      unmappedAll.push({ element, document, count: n });
  };

  // --- header
  const header = find(root, "teiHeader");
  const headerUnmapped = new Map<string, number>();
  let title: string | undefined;
  const editors: { name: string; role?: string }[] = [];
  if (header) {
    for (const part of elements(header)) {
      if (tagOf(part) !== "fileDesc") {
        count(headerUnmapped, tagOf(part)!);
        continue;
      }
      for (const sect of elements(part)) {
        if (tagOf(sect) !== "titleStmt") {
          count(headerUnmapped, tagOf(sect)!);
          continue;
        }
        for (const el of elements(sect)) {
          const t = tagOf(el);
          if (t === "title") {
            const type = attr(el, "type");
            if (type === "complete" || (!type && title === undefined)) title = norm(plain(el));
          } else if (t === "editor") {
            const role = attr(el, "role");
            editors.push({
              name: norm(plain(el)),
              ...(role === "primary" ? { role: "editor" } : role === "general" ? { role: "general editor" } : {}),
            });
          } else count(headerUnmapped, t!);
        }
      }
    }
  }
  flush("(header)", headerUnmapped);

  const text = find(root, "text");
  const front = text ? find(text, "front") : undefined;
  const body = text ? find(text, "body") : undefined;

  // --- front: the lists of persons and terms
  const registry = new Map<string, RegisterSource>();
  const usedKeys = new Set<string>();
  const frontUnmapped = new Map<string, number>();
  const claim = (kind: RegisterKind, base: string) => {
    let key = base || "entry";
    for (let i = 2; usedKeys.has(`${kind}/${key}`); i++) key = `${base}-${i}`;
    usedKeys.add(`${kind}/${key}`);
    return key;
  };
  const collectItems = (list: XNode) => {
    for (const item of elements(list)) {
      if (tagOf(item) !== "item") {
        if (tagOf(item) !== "head") count(frontUnmapped, tagOf(item)!);
        continue;
      }
      let named: XNode | undefined;
      const seek = (n: XNode): void => {
        for (const k of elements(n)) {
          if (named) return;
          if ((tagOf(k) === "persName" || tagOf(k) === "term" || tagOf(k) === "placeName") && attr(k, "xml:id"))
            named = k;
          else seek(k);
        }
      };
      seek(item);
      if (!named) {
        count(frontUnmapped, "item");
        continue;
      }
      const id = attr(named, "xml:id")!;
      const label = norm(plain(named));
      const rest = norm(plain(item, (e) => e === named))
        .replace(/^[,;:\s]+/, "")
        .replace(/[,;\s]+$/, "");
      const t = tagOf(named);
      if (t === "persName") {
        const bare = norm(label.replace(/\([^)]*\)/g, ""));
        const comma = bare.indexOf(", ");
        let name = bare;
        if (comma > 0) {
          const last = bare.slice(0, comma);
          const given = bare.slice(comma + 2);
          const suffix = /^(.*), (Jr\.|Sr\.|I{2,3}|IV)$/.exec(given);
          name = suffix ? `${suffix[1]} ${last}, ${suffix[2]}` : `${given} ${last}`;
        }
        const entry: RegisterEntry = { name, ...(name !== label ? { sortName: label } : {}) };
        if (rest) entry.identification = rest;
        registry.set(id, { kind: "people", key: claim("people", registerKey(label)), entry });
      } else {
        const kind: RegisterKind = t === "term" ? "terms" : "places";
        const entry: RegisterEntry = { name: label, ...(rest ? { identification: rest } : {}) };
        registry.set(id, { kind, key: claim(kind, registerKey(label)), entry });
      }
    }
  };
  if (front) {
    for (const div of elements(front)) {
      const lists = tagOf(div) === "div" ? elements(div).filter((k) => tagOf(k) === "list") : [];
      if (!lists.length) {
        count(frontUnmapped, tagOf(div)!);
        continue;
      }
      for (const k of elements(div)) if (tagOf(k) !== "list" && tagOf(k) !== "head") count(frontUnmapped, tagOf(k)!);
      lists.forEach(collectItems);
    }
  }
  flush("(front)", frontUnmapped);

  // --- documents in the file, for cross-references
  const docIds = new Set<string>();
  const noteIds = new Map<string, { doc: string; n: string }>();
  const indexIds = (n: XNode, doc: string | undefined): void => {
    for (const k of elements(n)) {
      const id = attr(k, "xml:id");
      let d = doc;
      if (tagOf(k) === "div" && attr(k, "type") === "document" && id) {
        docIds.add(id);
        d = attr(k, "n") ?? id;
      }
      if (tagOf(k) === "note" && id && d) noteIds.set(id, { doc: d, n: attr(k, "n") ?? "" });
      indexIds(k, d);
    }
  };
  if (body) indexIds(body, undefined);

  const register: ImportedEdition["register"] = {};
  const mention = (pointer: string | undefined): RegisterSource | undefined => {
    const id = pointer?.split(/\s+/)[0]?.replace(/^#/, "");
    const source = id ? registry.get(id) : undefined;
    if (source) (register[source.kind] ??= {})[source.key] = source.entry;
    return source;
  };
  const markKind: Record<RegisterKind, string> = {
    people: "person",
    places: "place",
    subjects: "subject",
    terms: "term",
  };

  // --- inline rendering
  const wrap = (inner: string, open: string, close: string): string => {
    const lead = /^\s/.test(inner) ? " " : "";
    const trail = /\s$/.test(inner) && inner.trim() ? " " : "";
    const core = inner.trim();
    return core ? `${lead}${open}${core}${close}${trail}` : inner;
  };
  const inline = (nodes: XNode[], ctx: DocContext, titleMode = false): string =>
    nodes.map((n) => inlineNode(n, ctx, titleMode)).join("");
  const inlineNode = (n: XNode, ctx: DocContext, titleMode: boolean): string => {
    if (isText(n)) return escapeText(squash(textOf(n)));
    const t = tagOf(n);
    if (!t || t.startsWith("?") || t === "#comment") return "";
    const c = kids(n);
    switch (local(t)) {
      case "note": {
        if (titleMode) return "";
        if (attr(n, "type") === "source") return "";
        const num = attr(n, "n") ?? String(ctx.notes.length + 1);
        ctx.notes.push({ n: num, text: norm(blockInline(c, ctx)) });
        return `[^${num}]`;
      }
      case "persName":
      case "gloss":
      case "term":
      case "placeName":
      case "orgName":
      case "name": {
        const inner = inline(c, ctx, titleMode);
        if (titleMode) return inner;
        const src = mention(attr(n, "corresp") ?? attr(n, "ref") ?? attr(n, "target"));
        if (src) return wrap(inner, `{${markKind[src.kind]} ${src.key}: `, "}");
        if (t !== "placeName" && !(t === "gloss" && attr(n, "type"))) count(ctx.unmapped, t);
        return inner;
      }
      case "hi": {
        const inner = inline(c, ctx, titleMode);
        if (titleMode) return inner;
        const rend = attr(n, "rend") ?? "";
        if (/italic/.test(rend)) return wrap(inner, "*", "*");
        if (/strong|bold/.test(rend)) return wrap(inner, "**", "**");
        count(ctx.unmapped, `hi/@rend=${rend}`);
        return inner;
      }
      case "pb": {
        if (titleMode) return "";
        const page = attr(n, "n");
        return page ? `{page printed: ${page}}` : "";
      }
      case "lb":
        return titleMode ? " " : "\\\n";
      case "ref": {
        const inner = inline(c, ctx, titleMode);
        if (titleMode) return inner;
        const target = attr(n, "target") ?? "";
        return refMark(target, inner, ctx);
      }
      case "foreign": {
        const inner = inline(c, ctx, titleMode);
        const lang = attr(n, "xml:lang");
        return lang && !titleMode ? wrap(inner, `<span lang="${lang}">`, "</span>") : inner;
      }
      case "q":
      case "quote":
        return wrap(inline(c, ctx, titleMode), "“", "”");
      case "supplied":
        return titleMode ? inline(c, ctx, true) : wrap(inline(c, ctx, false), "[", "]");
      case "gap":
        return titleMode ? "" : "[…]";
      case "choice": {
        const pick = find(n, "corr") ?? find(n, "reg") ?? find(n, "expan") ?? elements(n)[0];
        if (!titleMode) {
          const sic = find(n, "sic");
          if (sic && pick && tagOf(pick) === "corr")
            return `${inline(kids(pick), ctx)} \\[sic: ${norm(inline(kids(sic), ctx))}\\]`;
        }
        return pick ? inline(kids(pick), ctx, titleMode) : "";
      }
      case "del":
        return titleMode ? "" : wrap(inline(c, ctx), "~~", "~~");
      case "add":
      case "unclear":
      case "date":
      case "time":
      case "seg":
        if (!["date", "seg", "time"].includes(t) && !titleMode) count(ctx.unmapped, t);
        return inline(c, ctx, titleMode);
      default:
        if (!titleMode) count(ctx.unmapped, t);
        return inline(c, ctx, titleMode);
    }
  };
  const refMark = (target: string, inner: string, ctx: DocContext): string => {
    const text = inner.trim();
    if (target.startsWith("#")) {
      const id = target.slice(1);
      const note = noteIds.get(id);
      if (docIds.has(id)) {
        const num = id.replace(/^d/, "");
        return text === `Document ${num}` ? `{doc ${num}}` : `{doc ${num}: ${text}}`;
      }
      if (note) return `{doc ${note.doc} note ${note.n}}`;
      if (/^d\d+/.test(id)) return `[${text}](https://history.state.gov/historicaldocuments/${slug}/${id})`;
      count(ctx.unmapped, "ref/@target");
      return inner;
    }
    if (/^https?:\/\//.test(target)) return `[${text}](${target})`;
    count(ctx.unmapped, "ref/@target");
    return inner;
  };
  /** A note's or item's content: block children (p) joined by spaces. */
  const blockInline = (nodes: XNode[], ctx: DocContext): string =>
    nodes.map((n) => (tagOf(n) === "p" ? ` ${inline(kids(n), ctx)} ` : inlineNode(n, ctx, false))).join("");

  // --- blocks
  const indent = (s: string, by: number) =>
    s
      .split("\n")
      .map((l) => (l ? " ".repeat(by) + l : l))
      .join("\n");
  const renderList = (list: XNode, ctx: DocContext): string => {
    const rendered: string[] = [];
    let label: string | undefined;
    let pb = "";
    let loose = false;
    for (const k of elements(list)) {
      const t = tagOf(k);
      if (t === "label") label = norm(plain(k));
      else if (t === "pb") pb += `{page printed: ${attr(k, "n") ?? ""}} `;
      else if (t === "item") {
        const ordered = label !== undefined && /^\d+\.$/.test(label);
        const marker = ordered ? `${label ?? ""} ` : "- ";
        const blocks = renderBlocks(kids(k), ctx);
        if (blocks.length > 1) loose = true;
        const first = (pb + (label && !ordered ? `${escapeText(label)} ` : "") + (blocks[0] ?? "")).trim();
        pb = "";
        label = undefined;
        const body = [escapeBlockStart(first), ...blocks.slice(1)].join("\n\n");
        rendered.push(marker + indent(body, marker.length).slice(marker.length));
      } else if (t !== "head") count(ctx.unmapped, `list/${t ?? ""}`);
    }
    return rendered.join(loose ? "\n\n" : "\n");
  };
  /** Block-level content: paragraphs, lists; runs of inline content form paragraphs. */
  const renderBlocks = (nodes: XNode[], ctx: DocContext): string[] => {
    const blocks: string[] = [];
    let run = "";
    const end = () => {
      const p = norm(run.replace(/\\\n/g, "\uE000"))
        .replace(/\uE000 ?/g, "\\\n")
        .replace(/([*}]) (?=[.,;:!?)])/g, "$1");
      if (p) blocks.push(escapeBlockStart(p));
      run = "";
    };
    for (const n of nodes) {
      const t = isText(n) ? undefined : tagOf(n);
      if (t === "p" || t === "ab") {
        end();
        blocks.push(...renderBlocks(kids(n), ctx));
      } else if (t === "list") {
        end();
        blocks.push(renderList(n, ctx));
      } else if (t === "table") {
        end();
        blocks.push(renderTable(n, ctx));
      } else if (t === "quote" || t === "cit") {
        end();
        const inner = renderBlocks(kids(n), ctx);
        blocks.push(
          inner
            .map((b) =>
              b
                .split("\n")
                .map((l) => `> ${l}`)
                .join("\n"),
            )
            .join("\n>\n"),
        );
      } else if (t === "pb" && !run.trim()) {
        end();
        blocks.push(`{page printed: ${attr(n, "n")}}`);
      } else if (t === "opener" || t === "closer") {
        end();
        blocks.push(...renderOpenerCloser(n, ctx));
      } else if (t === "dateline" || t === "salute" || t === "signed") {
        end();
        blocks.push(...renderOpenerCloser({ opener: [n] }, ctx));
      } else run += isText(n) ? escapeText(squash(textOf(n))) : inlineNode(n, ctx, false);
    }
    end();
    return blocks;
  };
  const renderTable = (table: XNode, ctx: DocContext): string => {
    const rows = elements(table)
      .filter((r) => tagOf(r) === "row")
      .map((r) =>
        elements(r)
          .filter((c) => tagOf(c) === "cell")
          .map((c) => norm(inline(kids(c), ctx)).replace(/\|/g, "\\|")),
      );
    if (!rows.length) return "";
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: string[]) => `| ${[...r, ...Array<string>(width - r.length).fill("")].join(" | ")} |`;
    return [line(rows[0] ?? []), line(Array<string>(width).fill("---")), ...rows.slice(1).map(line)].join("\n");
  };
  const renderOpenerCloser = (n: XNode, ctx: DocContext): string[] => {
    const out: string[] = [];
    let last: number | undefined;
    for (const k of kids(n)) {
      const t = isText(k) ? undefined : tagOf(k);
      if (t === "dateline" || t === "salute" || t === "signed") {
        const mark = t;
        out.push(`{${mark}: ${norm(inline(kids(k), ctx))}}`);
        last = t === "signed" ? out.length - 1 : undefined;
      } else if (t === "lb") {
        /* a line break after the signature continues it */
      } else if (t === "pb") {
        out.push(`{page printed: ${attr(k, "n")}}`);
      } else {
        const s = norm(isText(k) ? escapeText(textOf(k)) : inlineNode(k, ctx, false));
        if (!s) continue;
        const prev = last === undefined ? undefined : out[last];
        if (last !== undefined && prev !== undefined) out[last] = `${prev.slice(0, -1)}\\\n${s}}`;
        else out.push(s);
      }
    }
    return out;
  };

  // --- the body: parts and documents
  const files: { path: string; content: string }[] = [];
  const editionLines = ["---", `title: ${yamlString(title ?? slug, true)}`];
  if (editors.length) {
    editionLines.push("editors:");
    for (const e of editors)
      editionLines.push(e.role ? `  - { name: ${yamlString(e.name)}, role: ${e.role} }` : `  - ${yamlString(e.name)}`);
  }
  let hasSourceNotes = false;
  const docFiles: { path: string; content: string }[] = [];
  const partFiles: { path: string; content: string }[] = [];
  let pendingPages: string[] = [];
  const walk = (container: XNode, folder: string) => {
    const parts = elements(container).filter(
      (k) => tagOf(k) === "div" && attr(k, "type") !== "document" && elements(k).some((c) => tagOf(c) === "div"),
    );
    let partIndex = 0;
    for (const k of elements(container)) {
      const t = tagOf(k);
      if (t === "pb") {
        pendingPages.push(attr(k, "n") ?? "");
      } else if (t === "div" && attr(k, "type") === "document") {
        docFiles.push(documentFile(k, folder));
      } else if (t === "div" && parts.includes(k)) {
        partIndex++;
        const name = attr(k, "xml:id") ?? `part${partIndex}`;
        const sub = folder ? `${folder}/${name}` : name;
        const head = find(k, "head");
        const lines = ["---", `title: ${yamlString(head ? norm(plain(head)) : name, true)}`];
        if (parts.length > 1) lines.push(`order: ${partIndex}`);
        lines.push("---", "");
        partFiles.push({ path: `${sub}/index.md`, content: lines.join("\n") });
        walk(k, sub);
      } else if (t === "head" || t === "#comment") {
        /* the part's title */
      } else {
        const m = new Map<string, number>();
        count(m, t!);
        flush(folder || "(body)", m);
      }
    }
  };
  const documentFile = (div: XNode, folder: string): { path: string; content: string } => {
    const id = attr(div, "xml:id") ?? `d${attr(div, "n")}`;
    const number = attr(div, "n");
    const ctx: DocContext = { doc: id, notes: [], unmapped: new Map() };
    const head = find(div, "head");
    let docTitle = head ? norm(inline(kids(head), ctx, true)).replace(/\\(.)/g, "$1") : id;
    if (number) docTitle = docTitle.replace(new RegExp(`^${number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\s*`), "");
    const sourceNoteNode = head
      ? elements(head).find((k) => tagOf(k) === "note" && attr(k, "type") === "source")
      : undefined;
    const fm: string[] = ["---"];
    if (number) fm.push(`number: ${/^\d+$/.test(number) ? number : JSON.stringify(number)}`);
    fm.push(`title: ${JSON.stringify(docTitle)}`);
    // the date
    const dateNode = findDeep(div, (n) => tagOf(n) === "date" && hasAncestor(div, n, "dateline"));
    const date = documentDate(dateNode, div);
    if (date.comment) fm.push(...date.comment.map((c) => `# ${c}`));
    fm.push(`date: ${date.date}`);
    if (date.approximate) fm.push("dateApproximate: true");
    if (date.time) fm.push(`time: "${date.time}"`, `timeZone: ${date.zone}`);
    const type = attr(div, "subtype") === "editorial-note" ? "editorial note" : documentType(docTitle);
    fm.push(`type: ${type}`);
    let sourceNote: string | undefined;
    if (sourceNoteNode) {
      hasSourceNotes = true;
      sourceNote = norm(blockInline(kids(sourceNoteNode), { ...ctx, notes: [] })).replace(/^Source:\s*/, "");
      const plainNote = norm(plain(sourceNoteNode)).replace(/^Source:\s*/, "");
      fm.push(...archivalFields(plainNote));
    }
    // participants, subject, recipients
    const bodyNodes: XNode[] = [];
    let place: string | undefined;
    for (const k of kids(div)) {
      const t = isText(k) ? undefined : tagOf(k);
      if (t === "head") continue;
      if (t === "list" && ["participants", "subject", "to"].includes(attr(k, "type") ?? "")) {
        const items = elements(k)
          .filter((i) => tagOf(i) === "item")
          .map((i) => norm(inline(kids(i), ctx)));
        const type = attr(k, "type");
        if (type === "subject") fm.push(`subject: ${JSON.stringify(items.join("; "))}`);
        else {
          fm.push(type === "to" ? "recipients:" : "participants:", ...items.map((i) => `  - ${JSON.stringify(i)}`));
          if (type === "participants") {
            const pn = findDeep(div, (n) => tagOf(n) === "placeName" && hasAncestor(div, n, "dateline"));
            if (pn) place = norm(plain(pn));
          }
        }
        continue;
      }
      bodyNodes.push(k);
    }
    if (place) fm.push(`place: ${yamlString(place)}`);
    if (sourceNote) fm.push(`sourceNote: ${JSON.stringify(sourceNote)}`);
    fm.push("---");
    const blocks = renderBlocks(bodyNodes, ctx);
    const pages = pendingPages.map((p) => `{page printed: ${p}}`);
    pendingPages = [];
    const notes = ctx.notes.map((n) => `[^${n.n}]: ${n.text}`);
    const content = `${fm.join("\n")}\n\n${[...pages, ...blocks, ...notes].join("\n\n")}\n`;
    flush(number ? `d${number}` : id, ctx.unmapped);
    return { path: `${folder ? `${folder}/` : ""}${id}.md`, content };
  };
  if (body) walk(body, "");
  if (hasSourceNotes) editionLines.push("numberSourceNote: true");
  editionLines.push("---", "");
  files.push({ path: "index.md", content: editionLines.join("\n") });
  // stable order: each part's index before its documents, parts in document order
  const all = [...partFiles, ...docFiles].sort((a, b) => comparePaths(a.path, b.path));
  files.push(...all);
  return { slug, files, register, unmapped: unmappedAll };
}

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

function findDeep(n: XNode, test: (n: XNode) => boolean): XNode | undefined {
  for (const k of elements(n)) {
    if (test(k)) return k;
    const f = findDeep(k, test);
    if (f) return f;
  }
  return undefined;
}
function hasAncestor(root: XNode, target: XNode, tag: string): boolean {
  const path: XNode[] = [];
  const go = (n: XNode): boolean => {
    for (const k of elements(n)) {
      if (k === target) return true;
      path.push(k);
      if (go(k)) return true;
      path.pop();
    }
    return false;
  };
  return go(root) && path.some((p) => tagOf(p) === tag);
}

function documentType(title: string): string {
  const t = title.toLowerCase();
  if (t.startsWith("memorandum of conversation")) return "memorandum of conversation";
  for (const kind of ["telegram", "letter", "memorandum", "minutes", "report", "note", "message", "paper", "study"])
    if (
      t.startsWith(kind) ||
      t.includes(` ${kind} `) ||
      t.endsWith(` ${kind}`) ||
      new RegExp(`\\b${kind}\\b`).test(t.split(/\s+from\s+/)[0] ?? "")
    )
      return kind;
  return "document";
}

const CLASSIFICATIONS = ["Top Secret", "Secret", "Confidential", "Limited Official Use", "Unclassified"];
/** archive, collection, callNumber, classification and handling from the source note's text where it follows FRUS's form. */
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
function common(lo: string, hi: string): DocDate {
  const a = lo.slice(0, 10);
  const b = hi.slice(0, 10);
  if (a === b) return { date: a };
  if (a.slice(0, 7) === b.slice(0, 7)) return { date: a.slice(0, 7) };
  return { date: a.slice(0, 4) };
}
