/**
 * Transcription marks, as a markdown-it inline rule. A mark is a brace, the mark's name, a colon,
 * its text and a closing brace: `{supplied: they said this}`, `{sic: recieve}`, `{page: 11}`. A page
 * of the printed volume an edition reprints is written with a word before the colon: `{page printed: 118}`.
 * Ordinary square brackets, links and footnotes are left alone; a literal brace followed by a word
 * and a colon is written `\{`. Marks nest inside emphasis and links, and emphasis inside marks.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";

/**
 * Every mark: `inline` marks hold transcribed text (parsed as Markdown), among them the source's own
 * typography (`smallcaps`, `underline`: how the original sets its words, never the editor's
 * emphasis); `value` marks an editor's value; `mention` marks hold transcribed text and name a
 * register key before the colon (`{person han-nianlong: Comrade Han Nianlong}`); `structure` marks
 * say what a line of the document is (its salutation, signature, dateline), for the TEI export's
 * opener and closer.
 */
export const MARKS = {
  supplied: "inline",
  sic: "inline",
  unclear: "inline",
  del: "inline",
  add: "inline",
  smallcaps: "inline",
  underline: "inline",
  gap: "value",
  page: "value",
  "printed-page": "value",
  folio: "value",
  person: "mention",
  place: "mention",
  term: "mention",
  salute: "structure",
  signed: "structure",
  dateline: "structure",
} as const;

export type MarkKind = keyof typeof MARKS;
export const MARK_KINDS = Object.keys(MARKS) as MarkKind[];

/** The marks that say where a page or folio begins: each is an anchor on the page and a `<pb>` in the TEI. */
export type BreakKind = Extract<MarkKind, "page" | "printed-page" | "folio">;
export const isBreak = (kind: MarkKind): kind is BreakKind =>
  kind === "page" || kind === "printed-page" || kind === "folio";

/**
 * The kinds a mark's name and a word before its colon make, by name and word: `{page printed: 118}`
 * is page 118 of the printed volume the edition reprints, where `{page: 118}` is a page of the
 * original. With each name, what its mark may be written as.
 */
const QUALIFIED: Partial<Record<MarkKind, { words: Record<string, MarkKind>; expected: string }>> = {
  page: {
    words: { printed: "printed-page" },
    expected:
      'nothing or "printed" between "page" and the colon: {page: 12} for a page of the original, {page printed: 118} for a page of the printed volume',
  },
};
const QUALIFIED_KINDS = new Set(Object.values(QUALIFIED).flatMap((q) => Object.values(q.words)));
/** The names an editor writes, in order: every kind but those written as another's name and a word. */
export const MARK_NAMES = MARK_KINDS.filter((kind) => !QUALIFIED_KINDS.has(kind));
const isMarkName = (name: string): name is MarkKind => (MARK_NAMES as string[]).includes(name);

/**
 * A mistake in a document's text (a mark written wrongly, a note reference with no note), with its
 * line within the Markdown body (1-based). Gathered, not thrown: every mistake in every document is
 * reported in one build.
 */
export class MarkSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly found: string,
    readonly expected: string,
  ) {
    super(`line ${line}: found ${JSON.stringify(found)}; expected ${expected}`);
    this.name = "MarkSyntaxError";
  }
}

/** Where in the env the rule keeps the marks a page used, and the current block's first line. */
export const MARKS_USED = Symbol("transcription marks used");

/** What a mark's token carries: its kind, and for a mention its register key and occurrence. */
export interface MarkMeta {
  kind: MarkKind;
  key?: string;
  occurrence?: number;
}
/** A mark token's meta, typed (markdown-it types every token's `meta` as any). */
export const markOf = (token: Token): MarkMeta => token.meta as MarkMeta;
/** Where in the env the text's mistakes are gathered, as it is parsed. */
export const TEXT_PROBLEMS = Symbol("mistakes found in the text");
const BLOCK_LINE = Symbol("line of the block being parsed");
const MENTIONS_SEEN = Symbol("mentions parsed so far, by kind and key");

/**
 * Set in the env while a note is rendered a second time, as a sidenote: what carries an id (a
 * mention, a page break) carries it in the endnote only, so that no id is on the page twice.
 */
export const SIDENOTE_COPY = Symbol("rendering a note's sidenote copy");

type MarkEnv = {
  [MARKS_USED]?: Set<MarkKind>;
  [BLOCK_LINE]?: number;
  [MENTIONS_SEEN]?: Map<string, number>;
  [TEXT_PROBLEMS]?: MarkSyntaxError[];
};

/** Records a mistake in the text; the mark is then left as the editor wrote it, and parsing goes on. */
export function reportTextProblem(env: object, problem: MarkSyntaxError): void {
  ((env as MarkEnv)[TEXT_PROBLEMS] ??= []).push(problem);
}

/** A mark's opening: its name and, for a mention, a register key of any length. */
const OPENING = /\{([A-Za-z][\w-]*)(?:[ \t]+([^\s:{}]+))?:[ \t]?/y;

/** The index of the brace that closes the mark opened before `start`, or -1. */
export function closingBrace(src: string, start: number, max: number): number {
  let depth = 1;
  for (let i = start; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0) return i;
  }
  return -1;
}

export function lineOf(state: StateInline, pos: number): number {
  const blockLine = (state.env as MarkEnv)[BLOCK_LINE] ?? 0;
  let newlines = 0;
  for (let i = 0; i < pos; i++) if (state.src.charCodeAt(i) === 0x0a) newlines++;
  return blockLine + newlines + 1;
}

function transcriptionMark(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7b /* { */) return false;
  OPENING.lastIndex = start;
  const opening = OPENING.exec(state.src);
  if (!opening || start + opening[0].length > state.posMax) return false;
  const name = opening[1] as string;
  const key = opening[2];
  const contentStart = start + opening[0].length;
  const end = closingBrace(state.src, contentStart, state.posMax);
  if (silent) {
    if (end < 0 || !isMarkName(name)) return false;
    state.pos = end + 1;
    return true;
  }
  // What the editor wrote: the whole mark where it is closed, else its opening words.
  const found = state.src.slice(
    start,
    end >= 0 ? Math.min(end + 1, start + 80) : Math.min(state.posMax, contentStart + 30),
  );
  const mistake = (expected: string) => {
    reportTextProblem(state.env as object, new MarkSyntaxError(lineOf(state, start), found, expected));
    return false;
  };
  if (!isMarkName(name)) {
    return mistake(`a transcription mark: one of ${MARK_NAMES.join(", ")} (write \\{ for a literal brace)`);
  }
  if (end < 0) return mistake(`a closing } for the ${name} mark in the same paragraph`);
  let kind: MarkKind = name;
  const qualified = QUALIFIED[name];
  if (qualified && key !== undefined) {
    const word = Object.hasOwn(qualified.words, key) ? qualified.words[key] : undefined;
    if (!word) return mistake(qualified.expected);
    kind = word;
  } else if ((MARKS[kind] === "mention") !== (key !== undefined)) {
    return mistake(
      MARKS[kind] === "mention"
        ? `a register key before the colon: {${kind} key: text}`
        : `no key before the colon: {${kind}: …}`,
    );
  }
  ((state.env as MarkEnv)[MARKS_USED] ??= new Set()).add(kind);
  const max = state.posMax;
  if (MARKS[kind] !== "value") pushTextMark(state, kind, key, contentStart, end);
  else {
    const value = state.src.slice(contentStart, end).replace(/\\(.)/g, "$1").trim();
    if (value === "" && kind !== "gap")
      return mistake(
        `the ${kind === "folio" ? "folio" : "page number"} after "${name}${key === undefined ? "" : ` ${key}`}:"`,
      );
    const token = state.push("transcription_mark_value", "", 0);
    token.meta = { kind } satisfies MarkMeta;
    token.content = value;
  }
  state.pos = end + 1;
  state.posMax = max;
  return true;
}

/**
 * An inline, mention or structure mark: its text is Markdown, parsed between the mark's tokens. A
 * mention is numbered as it is parsed, in the order of the Markdown (footnotes where they are
 * written), as the register numbers it.
 */
function pushTextMark(state: StateInline, kind: MarkKind, key: string | undefined, from: number, to: number): void {
  let occurrence: number | undefined;
  if (key !== undefined) {
    const seen = ((state.env as MarkEnv)[MENTIONS_SEEN] ??= new Map<string, number>());
    occurrence = (seen.get(`${kind} ${key}`) ?? 0) + 1;
    seen.set(`${kind} ${key}`, occurrence);
  }
  state.push("transcription_mark_open", "", 1).meta = { kind, key, occurrence } satisfies MarkMeta;
  state.pos = from;
  state.posMax = to;
  state.md.inline.tokenize(state);
  state.push("transcription_mark_close", "", -1).meta = { kind, key } satisfies MarkMeta;
}

/** Markdown's `inline` core rule, noting each block's first line so that marks can report theirs. */
function inlineWithLines(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "inline") continue;
    (state.env as MarkEnv)[BLOCK_LINE] = token.map?.[0] ?? 0;
    state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
  }
}

export interface MarkRenderer {
  /** `key` is the register key of a mention and `occurrence` its number (1 for the key's first), undefined for other marks. */
  open(kind: MarkKind, env: Record<string, unknown>, key?: string, occurrence?: number): string;
  close(kind: MarkKind, env: Record<string, unknown>, key?: string): string;
  value(kind: MarkKind, value: string, env: Record<string, unknown>): string;
}

export function transcriptionMarks(md: MarkdownIt, renderer: MarkRenderer): void {
  md.core.ruler.at("inline", inlineWithLines);
  md.inline.ruler.before("emphasis", "transcription_mark", transcriptionMark);
  const env = (given: unknown) => given as Record<string, unknown>;
  md.renderer.rules.transcription_mark_open = (tokens, idx, _options, given) => {
    const { kind, key, occurrence } = markOf(tokens[idx]!);
    return renderer.open(kind, env(given), key, occurrence);
  };
  md.renderer.rules.transcription_mark_close = (tokens, idx, _options, given) => {
    const { kind, key } = markOf(tokens[idx]!);
    return renderer.close(kind, env(given), key);
  };
  md.renderer.rules.transcription_mark_value = (tokens, idx, _options, given) =>
    renderer.value(markOf(tokens[idx]!).kind, tokens[idx]!.content, env(given));
}
