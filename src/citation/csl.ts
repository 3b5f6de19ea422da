/** Citation styles given as CSL files, formatted with citeproc-js through citation-js, which the site installs. */
import { EditionValidationError } from "../model/errors.js";
import type { CslItem } from "./record.js";

export type CustomFormatter = (item: CslItem, style: string, format: "html" | "text") => string;

export async function loadCslStyles(styles: Record<string, string>): Promise<CustomFormatter> {
  let core: {
    Cite: new (data: unknown) => { format(type: string, options: object): string };
    plugins: { config: { get(name: string): { styles: { add(n: string, xml: string): void } } } };
  };
  try {
    // The names are widened to string so that the compiler does not look for the packages' types:
    // citation-js is the site's to install, not the plugin's.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    core = (await import("@citation-js/core" as string)) as typeof core;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    await import("@citation-js/plugin-csl" as string);
  } catch {
    throw new Error(
      "[documentary-edition] the option cslStyles needs citation-js: npm install @citation-js/core @citation-js/plugin-csl",
    );
  }
  const { readFile } = await import("node:fs/promises");
  for (const [name, file] of Object.entries(styles)) {
    let xml: string;
    try {
      xml = await readFile(file, "utf8");
    } catch {
      throw new EditionValidationError(
        [
          {
            file: "plugin options",
            field: `cslStyles.${name}`,
            value: file,
            expected: "the path of a CSL style file, from the project's folder",
          },
        ],
        "the plugin options",
      );
    }
    core.plugins.config.get("@csl").styles.add(name, xml);
  }
  return (item, style, format) => {
    const out = new core.Cite(structuredClone(item)).format("bibliography", { format, template: style, lang: "en-US" });
    if (format === "text") return out.trim();
    // The entry without citeproc's wrappers; its inner blocks (a number's margin) as spans, to sit in a paragraph.
    const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(out)?.[1] ?? out;
    return entry
      .trim()
      .replace(/<(\/?)div\b/g, "<$1span")
      .replace(/<\/span>\s*<span class="csl-right-inline">/, '</span> <span class="csl-right-inline">');
  };
}
