import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every internal link and fragment of a built site that does not resolve: a link to a page must
 * find a file (a folder's index.html), and a fragment must find an element with that id there.
 */
export function brokenLinks(output: string): string[] {
  const pages = readdirSync(output, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      found = new Set(
        [...readFileSync(path.join(output, file), "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string),
      );
      ids.set(file, found);
    }
    return found;
  };
  const target = (from: string, href: string): string | undefined => {
    const resolved = new URL(href, `https://site.invalid/${from}`);
    if (resolved.host !== "site.invalid") return undefined;
    let file = decodeURIComponent(resolved.pathname).slice(1);
    try {
      if (file === "" || file.endsWith("/") || statSync(path.join(output, file)).isDirectory())
        file = path.posix.join(file, "index.html");
      statSync(path.join(output, file));
      return file;
    } catch {
      return `MISSING ${file}`;
    }
  };
  const broken: string[] = [];
  for (const page of pages) {
    const html = readFileSync(path.join(output, page), "utf8");
    for (const [, href] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      if (!href || /^(https?:|mailto:|data:)/.test(href)) continue;
      const file = target(page, href);
      if (!file) continue;
      if (file.startsWith("MISSING")) {
        broken.push(`${page}: ${href} (${file})`);
        continue;
      }
      const fragment = decodeURIComponent(new URL(href, "https://site.invalid/").hash.slice(1));
      if (fragment && file.endsWith(".html") && !idsOf(file).has(fragment))
        broken.push(`${page}: ${href} (no id "${fragment}")`);
    }
  }
  return broken;
}
