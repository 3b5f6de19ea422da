/** Writing the plugin's Markdown and front matter from imported text: escapes and quoting. */

/** Escapes the characters Markdown or the plugin's marks read in running text. */
export function escapeText(s: string): string {
  return s.replace(/[\\{}*_`<]|\[(?=\^)|\](?=[([])/g, (c) => `\\${c}`);
}
/** Escapes what would start a block (a list, heading, quotation) at a block's start. */
export function escapeBlockStart(s: string): string {
  return s
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([-+>#])(?=\s|$)/, "\\$1")
    .replace(/^(#{1,6})(?=\s)/, "\\$1");
}

const yamlPlain = /^[A-Za-z][A-Za-z0-9 .,’'()/-]*$/;
/** A YAML scalar: plain where that is safe, else a JSON string (which YAML reads as it is). */
export const yamlString = (s: string, quote = false): string =>
  !quote && yamlPlain.test(s) && !/: | #/.test(s) ? s : JSON.stringify(s);

/** Wraps inline content in a mark, keeping its outer spaces outside the mark. */
export function wrap(inner: string, open: string, close: string): string {
  const lead = /^\s/.test(inner) ? " " : "";
  const trail = /\s$/.test(inner) && inner.trim() ? " " : "";
  const core = inner.trim();
  return core ? `${lead}${open}${core}${close}${trail}` : inner;
}

export const indent = (s: string, by: number): string =>
  s
    .split("\n")
    .map((l) => (l ? " ".repeat(by) + l : l))
    .join("\n");

/**
 * A Markdown link. A destination with spaces, parentheses or angle brackets is written between
 * angle brackets (with those escaped), so that it cannot end the link early or open HTML.
 */
export function markdownLink(text: string, url: string): string {
  if (!/[\s()<>]/.test(url)) return `[${text}](${url})`;
  return `[${text}](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)`;
}
