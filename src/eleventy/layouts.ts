/**
 * The default layouts, added as virtual templates. A site overrides one with a file of the same
 * name in its own includes (or layouts) folder: the virtual one is only added where no such file
 * exists, because a virtual template would otherwise win over the site's file. The base layout
 * also includes documentary-edition/site-header.njk and site-footer.njk when a site provides them
 * (Nunjucks cannot include a virtual template, so those have no virtual default).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";

const LAYOUTS_DIR = fileURLToPath(new URL("../layouts/", import.meta.url));

/** The default layout of each role, and the partials they include. */
const DEFAULTS = {
  base: "base.njk",
  document: "document.njk",
  edition: "edition.njk",
  part: "part.njk",
  home: "home.njk",
  register: "register.njk",
  chronology: "chronology.njk",
  index: "index.njk",
  search: "search.njk",
} as const;

function readDefault(file: string, options: Options): string {
  // Layouts name their parent layout through a placeholder, so a renamed base layout is followed.
  return readFileSync(path.join(LAYOUTS_DIR, file), "utf8").replaceAll("@BASE_LAYOUT@", options.layouts.base);
}

function addUnlessOverridden(config: EleventyConfig, folder: string, name: string, content: () => string): void {
  if (existsSync(path.join(folder, name))) return;
  const virtualPath = path.posix.join(path.relative(config.directories.input, folder).split(path.sep).join("/"), name);
  config.addTemplate(virtualPath, content());
}

export function addDefaultLayouts(config: EleventyConfig, options: Options): void {
  const { includes, layouts = includes } = config.directories;
  for (const role of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const name = options.layouts[role];
    // A layout name the publisher chose is theirs to provide; only the default names have defaults.
    if (name !== `documentary-edition/${DEFAULTS[role]}`) continue;
    addUnlessOverridden(config, layouts, name, () => readDefault(DEFAULTS[role], options));
  }
}

/** The paginated page that gives each edition without an index file a page of its own. */
export function addEditionPages(config: EleventyConfig, options: Options): void {
  config.addTemplate("documentary-edition-editions.njk", "", {
    pagination: {
      data: "collections.editions",
      size: 1,
      alias: "edition",
      before: (editions: { inputPath?: string }[]) => editions.filter((edition) => !edition.inputPath),
    },
    permalink: "{{ edition.url }}",
    layout: options.layouts.edition,
    eleventyExcludeFromCollections: true,
    eleventyImport: { collections: ["editions"] },
    eleventyComputed: { title: (data: { edition?: { title: string } }) => data.edition?.title },
  });
}

/** Each edition's register page, for editions whose documents use register entries. */
export function addRegisterPages(config: EleventyConfig, options: Options): void {
  config.addTemplate("documentary-edition-registers.njk", "", {
    pagination: {
      data: "collections.editions",
      size: 1,
      alias: "edition",
      before: (editions: { registerUrl?: string }[]) => editions.filter((edition) => edition.registerUrl),
    },
    permalink: "{{ edition.registerUrl }}",
    layout: options.layouts.register,
    eleventyExcludeFromCollections: true,
    eleventyImport: { collections: ["editions"] },
    eleventyComputed: {
      title: (data: { edition?: { title: string } }) =>
        data.edition && `${options.labels.register}: ${data.edition.title}`,
    },
  });
}

/** The home page listing the editions, unless the site has an index page of its own. */
export function addHomePage(config: EleventyConfig, options: Options): void {
  const input = config.directories.input;
  if (existsSync(input) && readdirSync(input).some((file) => /^index\.[^/]+$/.test(file))) return;
  config.addTemplate("documentary-edition-home.njk", "", {
    permalink: "/",
    layout: options.layouts.home,
    eleventyExcludeFromCollections: true,
    eleventyImport: { collections: ["editions"] },
  });
}
