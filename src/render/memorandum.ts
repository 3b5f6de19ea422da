/**
 * What the page's Markdown needs to print a memorandum's participants and subject and a document's
 * attachments: one setup for the Eleventy adapter and the core alike.
 */
import type MarkdownIt from "markdown-it";
import type { MarkdownSettings } from "../markdown/index.js";
import { conversationTokens } from "../markdown/conversation.js";
import type { EditionDocument } from "../model/edition.js";
import type { Problem } from "../model/errors.js";
import type { Register } from "../model/register.js";
import type { Labels } from "../options.js";
import { attachmentEntries } from "./attachments.js";

export function memorandumSettings(
  md: MarkdownIt,
  site: {
    options: { labels: Labels; locale: string };
    documentOf: (env: Record<string, unknown>) => EditionDocument | undefined;
    register: () => Register;
    /** A site path as the page links it (the path prefix added). */
    url: (path: string) => string;
    report: (env: Record<string, unknown>, problems: Problem[]) => void;
  },
): Pick<MarkdownSettings, "conversation" | "attachments"> {
  const { options, documentOf } = site;
  return {
    conversation: (env, local) => {
      const doc = documentOf(env);
      if (!doc) return [];
      const registerUrl = doc.edition.registerUrl && site.url(doc.edition.registerUrl);
      const settings = { labels: options.labels, register: site.register(), ...(registerUrl ? { registerUrl } : {}) };
      const { tokens, problems } = conversationTokens(md, doc, settings, local);
      if (problems.length) site.report(env, problems);
      return tokens;
    },
    attachments: {
      entries: (env) => {
        const doc = documentOf(env);
        return doc && attachmentEntries(doc, options);
      },
      sourceNoteLabel: options.labels.sourceNote,
      file: (env) => documentOf(env)?.file ?? "",
      report: (env, problems) => site.report(env, problems),
    },
  };
}
