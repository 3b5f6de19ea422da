// The built-in styles against citeproc-js (through citation-js) with the CSL styles from the
// registry: APA 7 from @citation-js/plugin-csl, MLA 9 and Chicago author-date (17th edition) from
// rehype-citation. Chicago notes-bibliography has no CSL style on the registry: its note and
// bibliography forms are checked by hand in citations.test.ts; its bibliography form is the
// author-date form checked here with the full date after the genre instead of the year after the
// author (CMOS 17, 15.3).
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
  "no author, no translator": { ...noAuthor, translator: undefined },
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
  "quotation marks and an apostrophe in the title": { ...base, title: 'China\'s "Position" on the Talks' },
  "one page": { ...base, page: "12" },
  "a publisher": { ...base, publisher: "Wilson Center" },
  "every month": { ...base, issued: { "date-parts": [[1979, 9, 1]] } },
};

const edition = { editionTitle: "E", editors: [], number: "1" };
const ours = (style: BuiltInStyle, item: CslItem) => formatCitation(style, { item, edition });

let citeproc: (style: string, item: CslItem, format: "text" | "html") => string;
beforeAll(async () => {
  // rehype-citation's exports map hides its styles; load the module by its path.
  for (const [name, file] of [
    ["mla", "mla"],
    ["chicago-author-date", "chicago"],
  ]) {
    const url = pathToFileURL(path.resolve(`node_modules/rehype-citation/dist/node/styles/${file}.js`)).href;
    plugins.config
      .get("@csl")
      .styles.add(name as string, ((await import(/* @vite-ignore */ url)) as { default: string }).default);
  }
  citeproc = (style, item, format) => {
    const out = new Cite(structuredClone(item)).format("bibliography", {
      format,
      template: style,
      lang: "en-US",
    });
    return format === "html" ? (/<div[^>]*class="csl-entry">([\s\S]*?)<\/div>/.exec(out)?.[1] ?? out) : out.trim();
  };
});

/**
 * Where a built-in style deliberately differs from the CSL style: the Chicago author-date CSL style
 * puts a stray period between an author and the recipients ("Ministry. to Embassy"); Chicago writes
 * "Ministry to Embassy" (CMOS 17, 14.214).
 */
const DELIBERATE: Record<string, (citeproc: string) => string> = {
  "chicago-author-date": (out) => out.replace(/\. to /, " to "),
};

describe.each(["apa", "mla", "chicago-author-date"] as const)("%s against citeproc-js", (style) => {
  it.each(Object.entries(CORPUS))("%s", (_name, item) => {
    const expected = (format: "text" | "html") =>
      (DELIBERATE[style] ?? ((x: string) => x))(citeproc(style, item, format));
    expect(ours(style, item).text).toBe(expected("text"));
    expect(ours(style, item).html).toBe(expected("html").replace(/&#38;/g, "&amp;"));
  });
});
