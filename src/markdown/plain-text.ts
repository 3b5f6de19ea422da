/** The words of inline tokens, as plain text: for a place that holds text only (the TEI's source note). */
import type Token from "markdown-it/lib/token.mjs";
import { markOf } from "./marks.js";

export function plainText(tokens: readonly Token[]): string {
  let out = "";
  for (const token of tokens) {
    if (token.type === "text" || token.type === "code_inline") out += token.content;
    else if (token.type === "softbreak" || token.type === "hardbreak") out += " ";
    else if (token.type === "transcription_mark_value" && markOf(token).kind === "gap")
      out += `[${token.content || "…"}]`;
    if (token.children) out += plainText(token.children);
  }
  return out.replace(/\s+/g, " ").trim();
}
