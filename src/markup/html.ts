/**
 * The one escaping helper. Every string that reaches HTML goes through `escapeHtml`, and the
 * `html` tagged template escapes every value it interpolates unless it is already `SafeHtml`.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeHtml(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template's value is printed as the template language prints it
  const text = typeof value === "string" ? value : String(value ?? "");
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string) : text;
}

/** A string that is already HTML: interpolated as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function raw(value: string): SafeHtml {
  return new SafeHtml(value);
}

type Interpolated = SafeHtml | string | number | null | undefined | false | Interpolated[];

function interpolate(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value) out += interpolate(item);
    return out;
  }
  return escapeHtml(value);
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results pass through. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    out += interpolate(values[i]) + (strings[i + 1] ?? "");
  }
  return new SafeHtml(out);
}

const SAFE_URL_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * True for a relative URL or an absolute one whose scheme a reader can follow safely
 * (http, https, mailto). Control characters are refused: browsers drop them, so
 * "java\tscript:" would otherwise pass as a relative URL.
 */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  return scheme ? SAFE_URL_SCHEMES.has((scheme[1] as string).toLowerCase()) : true;
}
