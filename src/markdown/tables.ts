/**
 * Pipe tables as an edition prints them: each header cell a column header for screen readers, a
 * column's alignment a class (the pages allow no inline style), and the table in a named,
 * focusable region of its own that scrolls sideways where the page is narrower than the table (a
 * phone), instead of widening the page.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { escapeHtml } from "../markup/html.js";

export interface TableLabels {
  /** The name of a table's scrolling region. */
  table: string;
}

/** A cell's alignment, from the style markdown-it gives it (`|:-:|` is "center"). */
export const cellAlignment = (token: Token): string | undefined =>
  /text-align:\s*(left|center|right)/.exec(token.attrGet("style") ?? "")?.[1];

export function editionTables(md: MarkdownIt, labels: TableLabels): void {
  const rules = md.renderer.rules;
  rules.table_open = () =>
    `<section class="de-table" aria-label="${escapeHtml(labels.table)}" tabindex="0">\n<table>\n`;
  rules.table_close = () => "</table>\n</section>\n";
  // A pipe table's header cells are its first row's: each heads its column.
  const cell = (tag: "th" | "td") => (tokens: Token[], idx: number) => {
    const align = cellAlignment(tokens[idx] as Token);
    return `<${tag}${tag === "th" ? ' scope="col"' : ""}${align ? ` class="de-align-${align}"` : ""}>`;
  };
  rules.th_open = cell("th");
  rules.td_open = cell("td");
}
