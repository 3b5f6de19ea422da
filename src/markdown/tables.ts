/**
 * Pipe tables as an edition prints them: each header cell a column header for screen readers, and
 * the table in a focusable region of its own that scrolls sideways where the page is narrower than
 * the table (a phone), instead of widening the page.
 */
import type MarkdownIt from "markdown-it";
import { escapeHtml } from "../render/html.js";

export interface TableLabels {
  /** The name of a table's scrolling region. */
  table: string;
}

export function editionTables(md: MarkdownIt, labels: TableLabels): void {
  const rules = md.renderer.rules;
  rules.table_open = (tokens, idx, options, _env, self) =>
    `<div class="de-table" role="region" aria-label="${escapeHtml(labels.table)}" tabindex="0">\n${self.renderToken(tokens, idx, options)}`;
  rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;
  // A pipe table's header cells are its first row's: each heads its column.
  rules.th_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet("scope", "col");
    return self.renderToken(tokens, idx, options);
  };
}
