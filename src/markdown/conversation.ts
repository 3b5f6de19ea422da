/**
 * A memorandum of conversation's participants and subject, as FRUS prints them above the text:
 * headed PARTICIPANTS and SUBJECT, each participant a line, perhaps in groups ("United States").
 * Made as tokens of the page's own token stream, placed after the text's heading and opener (its
 * dateline), so that the page and the TEI print them alike and in one place. Their Markdown is
 * parsed before the text's, through the page's environment: their register mentions are numbered
 * first, as the edition counts them (model/edition.ts `documentMentions`).
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { EditionDocument } from "../model/edition.js";
import type { Problem } from "../model/errors.js";
import type { Register } from "../model/register.js";
import type { ParticipantItem } from "../model/participants.js";
import { entryId, fragment } from "../model/ids.js";
import type { Labels } from "../options.js";
import { escapeHtml } from "../markup/html.js";
import { TEXT_PROBLEMS, type MarkSyntaxError } from "./marks.js";
import { documentParts } from "./structure.js";
import { mainBlocks } from "./attachments.js";

type Item = ParticipantItem;

/** A participant named by a register key: the register's name, the key, and the register entry's address on the page. */
export interface ParticipantPerson {
  key: string;
  name: string;
  href?: string;
}

export interface ConversationSettings {
  labels: Labels;
  register: Register;
  /** The register page's address, for a participant named by key. */
  registerUrl?: string;
}

/** Makes the tokens, parsing each text with the page's env and keeping its mistakes by field. */
class ConversationTokens {
  readonly tokens: Token[] = [];
  readonly problems: Problem[] = [];
  private readonly TokenOf: typeof Token;

  constructor(
    private readonly md: MarkdownIt,
    private readonly file: string,
    private readonly settings: ConversationSettings,
    private readonly env: Record<string | symbol, unknown>,
  ) {
    this.TokenOf = md.core.State.prototype.Token;
  }

  block(type: string, nesting: -1 | 0 | 1, level: number, meta?: unknown): Token {
    const t = new this.TokenOf(type, "", nesting);
    t.block = true;
    t.level = level;
    if (meta !== undefined) t.meta = meta;
    this.tokens.push(t);
    return t;
  }

  /** Inline Markdown, after `before` (a participant's name), parsed through the page's env. */
  inline(text: string, field: string, level: number, before: Token[] = []): void {
    const t = this.block("inline", 0, level);
    t.content = text;
    t.children = before;
    const saved = this.env[TEXT_PROBLEMS];
    const found: MarkSyntaxError[] = [];
    this.env[TEXT_PROBLEMS] = found;
    this.md.inline.parse(text, this.md, this.env, t.children);
    this.env[TEXT_PROBLEMS] = saved;
    for (const p of found) {
      this.problems.push({
        file: this.file,
        field: `${field} (line ${p.line} of the field)`,
        value: p.found,
        expected: p.expected,
      });
    }
  }

  item(entry: Item, field: string, level: number): void {
    this.block("participant_open", 1, level);
    if (typeof entry === "string") this.inline(entry, field, level + 1);
    else {
      const name = this.nameToken(entry);
      const comma = new this.TokenOf("text", "", 0);
      comma.content = ", ";
      this.inline(entry.role ?? "", `${field}.role`, level + 1, entry.role ? [name, comma] : [name]);
    }
    this.block("participant_close", -1, level);
  }

  // A key is printed as the register's name, linked to its entry; a name as written.
  private nameToken(entry: Exclude<Item, string>): Token {
    if (!("person" in entry)) {
      const text = new this.TokenOf("text", "", 0);
      text.content = entry.name;
      return text;
    }
    const person = new this.TokenOf("participant_person", "", 0);
    const { registerUrl, register } = this.settings;
    const href = registerUrl && `${registerUrl}${fragment(entryId("people", entry.person))}`;
    person.meta = {
      key: entry.person,
      name: register.people?.[entry.person]?.name ?? entry.person,
      ...(href ? { href } : {}),
    } satisfies ParticipantPerson;
    return person;
  }
}

/**
 * The tokens of the document's participants and subject, their Markdown parsed with the page's
 * env, and the mistakes in it (by field). None where the document has neither.
 */
export function conversationTokens(
  md: MarkdownIt,
  doc: Pick<EditionDocument, "participants" | "subject" | "file">,
  settings: ConversationSettings,
  env: Record<string | symbol, unknown>,
): { tokens: Token[]; problems: Problem[] } {
  const made = new ConversationTokens(md, doc.file, settings, env);
  if (!doc.participants?.length && !doc.subject) return made;
  made.block("conversation_open", 1, 0);
  if (doc.participants?.length) {
    made.block("participants_open", 1, 1, { label: settings.labels.participants });
    doc.participants.forEach((p, i) => {
      if (typeof p === "object" && "group" in p) {
        made.block("participant_group_open", 1, 2, { name: p.group });
        p.members.forEach((member, j) => made.item(member, `participants.${i}.members.${j}`, 3));
        made.block("participant_group_close", -1, 2);
      } else made.item(p, `participants.${i}`, 2);
    });
    made.block("participants_close", -1, 1);
  }
  if (doc.subject) {
    made.block("conversation_subject_open", 1, 1, { label: settings.labels.subject });
    made.inline(doc.subject, "subject", 2);
    made.block("conversation_subject_close", -1, 1);
  }
  made.block("conversation_close", -1, 0);
  return made;
}

/** Puts the conversation's tokens after the text's heading and opener (its dateline), where FRUS prints them. */
export function placeConversation(tokens: Token[], conversation: readonly Token[]): void {
  if (!conversation.length) return;
  const blocks = mainBlocks(tokens);
  const parts = documentParts(blocks);
  const at = parts.starts[parts.head + parts.opener] ?? blocks.length;
  tokens.splice(at, 0, ...conversation);
}

/** The page's HTML of the conversation's tokens. */
export function conversationRules(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const label = (t: Token | undefined) => escapeHtml((t?.meta as { label?: string } | undefined)?.label ?? "");
  rules.conversation_open = () => '<section class="de-conversation">\n';
  rules.conversation_close = () => "</section>\n";
  rules.participants_open = (tokens, idx) =>
    `<h2 class="de-conversation-heading">${label(tokens[idx])}</h2>\n<ul class="de-participants">\n`;
  rules.participants_close = () => "</ul>\n";
  rules.participant_group_open = (tokens, idx) =>
    `<li class="de-participant-group"><span class="de-group">${escapeHtml((tokens[idx]?.meta as { name: string }).name)}</span>\n<ul>\n`;
  rules.participant_group_close = () => "</ul></li>\n";
  rules.participant_open = () => "<li>";
  rules.participant_close = () => "</li>\n";
  rules.participant_person = (tokens, idx) => {
    const { name, href } = tokens[idx]?.meta as ParticipantPerson;
    return href
      ? `<a class="de-participant-person" href="${escapeHtml(href)}">${escapeHtml(name)}</a>`
      : escapeHtml(name);
  };
  rules.conversation_subject_open = (tokens, idx) =>
    `<h2 class="de-conversation-heading">${label(tokens[idx])}</h2>\n<p class="de-subject">`;
  rules.conversation_subject_close = () => "</p>\n";
}
