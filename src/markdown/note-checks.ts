/**
 * What markdown-it-footnote passes over without a word: a reference to a note that is not defined
 * (printed as the literal `[^label]`), a note defined twice (the second silently wins), a note
 * defined and never referenced (silently dropped). Each is reported as a mistake in the text.
 */
import { footnoteOf } from "./notes.js";
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import { MarkSyntaxError, reportTextProblem } from "./marks.js";

const DEFINITIONS = Symbol("note definitions: label and line");
type NoteCheckEnv = {
  [DEFINITIONS]?: { label: string; line: number }[];
  footnotes?: { refs?: Record<string, number> };
};

/** A note reference the footnote rule did not take: `[^label]` with no definition. */
const UNDEFINED_REFERENCE = /(?<!\\)\[\^([^\]\s]+)\](?!:)/g;

/** The note definitions, with their lines, read before footnote_tail moves them out of place. */
function noteDefinitions(state: StateCore): void {
  const definitions: { label: string; line: number }[] = [];
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "footnote_reference_open") continue;
    let line = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const map = tokens[j]!.map;
      if (map) {
        // The definition's first line is the line of its first block, less any lines before it.
        line = map[0] + 1;
        break;
      }
    }
    definitions.push({ label: footnoteOf(tokens[i]!).label ?? "", line });
  }
  (state.env as NoteCheckEnv)[DEFINITIONS] = definitions;
}

function checkNotes(state: StateCore): void {
  if (state.inlineMode) return;
  const env = state.env as NoteCheckEnv;
  const seen = new Set<string>();
  for (const { label, line } of env[DEFINITIONS] ?? []) {
    const found = `[^${label}]:`;
    if (seen.has(label)) {
      reportTextProblem(
        env,
        new MarkSyntaxError(
          line,
          found,
          `each note's label once: a second note "${label}" is defined here (give it a label of its own)`,
        ),
      );
    } else if ((env.footnotes?.refs?.[`:${label}`] ?? -1) < 0) {
      reportTextProblem(
        env,
        new MarkSyntaxError(
          line,
          found,
          `a reference [^${label}] to this note in the text (a note never referenced is not printed)`,
        ),
      );
    }
    seen.add(label);
  }
  for (const token of state.tokens) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.type !== "text" || !child.content.includes("[^")) continue;
      for (const match of child.content.matchAll(UNDEFINED_REFERENCE)) {
        const before = token.content.slice(0, Math.max(0, token.content.indexOf(match[0])));
        const line = (token.map?.[0] ?? 0) + 1 + before.split("\n").length - 1;
        reportTextProblem(
          env,
          new MarkSyntaxError(
            line,
            match[0],
            `a note defined for this reference: a line "[^${match[1]}]: …" after the text (write \\[^ for literal text)`,
          ),
        );
      }
    }
  }
}

export function noteChecks(md: MarkdownIt): void {
  md.core.ruler.after("block", "note_definitions", noteDefinitions);
  md.core.ruler.after("footnote_tail", "note_checks", checkNotes);
}
