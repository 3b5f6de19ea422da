// html-validate on built pages, with the project's .htmlvalidate.mjs (the recommended rules, each
// rule turned off named and justified there), and every JSON-LD block parsed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { expect } from "vitest";

export const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());

/** Each problem html-validate finds in the site's pages (all of them, or those `only` keeps), one line each. */
export async function problems(output: string, only?: (page: string) => boolean): Promise<string[]> {
  const pages = readdirSync(output, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind") && (only?.(f) ?? true));
  expect(pages.length).toBeGreaterThan(only ? 1 : 5);
  const found: string[] = [];
  for (const page of pages) {
    const html = readFileSync(path.join(output, page), "utf8");
    // The configuration is looked up from the project's folder, as for a file in it.
    const report = await htmlValidate.validateString(html, path.resolve("_site", page));
    for (const result of report.results) {
      for (const m of result.messages) found.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      try {
        JSON.parse(json as string);
      } catch (error) {
        found.push(`${page}: JSON-LD does not parse: ${(error as Error).message}`);
      }
    }
  }
  return found;
}
