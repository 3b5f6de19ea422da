/** XML text and attribute values, escaped; characters XML 1.0 cannot hold are dropped. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 allows, control characters among them
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** What might be outside XML 1.0: a cheap test before the exact one (surrogates are usually pairs). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_ESCAPE = /[&<>"]/;

export function xml(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- numbers and dates as they print
  let text = typeof value === "string" ? value : String(value ?? "");
  if (MAYBE_NOT_XML.test(text)) text = text.replace(NOT_XML, "");
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string) : text;
}

/** An element with escaped attributes; `content` is already XML. Attributes with no value are left out. */
export function el(name: string, attributes: Record<string, string | number | undefined>, content?: string): string {
  let attrs = "";
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined && value !== "") attrs += ` ${key}="${xml(value)}"`;
  }
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}
