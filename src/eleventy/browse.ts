/** The adapter's browsing part: chronology, index pages, search page, feeds and the site's navigation. */
import { chronology, registerIndex, type IndexEntry, type IndexKind } from "../model/browse.js";
import type { EditionModel } from "../model/edition.js";
import { keyPart } from "../model/ids.js";
import type { RegisterKind } from "../model/register.js";
import type { Options } from "../options.js";
import { chronologyHtml, indexEntryHtml, indexKindHtml, INDEX_LABELS, siteNavigationHtml } from "../render/browse.js";
import { atomFeed } from "../render/feed.js";
import type { CollectionApi, EleventyConfig } from "./config.js";

const INDEX_PATHS: Record<RegisterKind, string> = {
  people: "people",
  places: "places",
  subjects: "subjects",
  terms: "terms",
};

/** A page of the indexes: a kind's list of entries, or one entry with its documents. */
export type IndexPage = { url: string; title: string; kindTitle: string; kind: IndexKind; entry?: IndexEntry };

export function installBrowsing(
  config: EleventyConfig,
  options: Options,
  model: (api?: CollectionApi) => EditionModel | undefined,
  url: (path: string) => string,
): void {
  const { labels } = options;
  const context = () => ({ locale: options.locale, labels, url });
  // An entry's folder is its key as its id writes it: Eleventy writes a permalink's folder as
  // given, so an escaped key ("l%C3%AA-duan") made a folder no server finds the page in.
  const indexUrl = (kind: RegisterKind, key?: string) =>
    `/${INDEX_PATHS[kind]}/${key === undefined ? "" : `${keyPart(key)}/`}`;

  const indexes = (api: CollectionApi): IndexKind[] =>
    registerIndex(model(api)?.editions.flatMap((e) => e.register) ?? [], indexUrl);

  config.addCollection("chronology", (api) => chronology(model(api)?.documents ?? []));
  config.addCollection("indexPages", (api) =>
    indexes(api).flatMap((kind): IndexPage[] => {
      const kindTitle = labels[INDEX_LABELS[kind.kind]];
      return [
        { url: kind.url, title: kindTitle, kindTitle, kind },
        ...kind.entries.map((entry) => ({ url: entry.url, title: entry.name, kindTitle, kind, entry })),
      ];
    }),
  );

  config.addShortcode("chronologyList", (years) => chronologyHtml(years, context()).value);
  config.addShortcode(
    "indexList",
    (page: IndexPage) =>
      (page.entry ? indexEntryHtml(page.entry, context()) : indexKindHtml(page.kind, context())).value,
  );

  // The navigation lists what the site generates.
  config.addShortcode("siteNavigation", function (this: { page?: { url?: string } }, pages?: IndexPage[]) {
    const kinds = (pages ?? []).filter((p) => !p.entry).map((p) => ({ url: p.url, label: p.title }));
    const links = [
      { url: "/", label: labels.editions },
      ...(options.chronology ? [{ url: "/chronology/", label: labels.chronology }] : []),
      ...(options.indexPages ? kinds : []),
      ...(options.search ? [{ url: "/search/", label: labels.search }] : []),
    ];
    return siteNavigationHtml(links, this.page?.url ?? "", context()).value;
  });

  const page = (file: string, data: Record<string, unknown>, content = "") =>
    config.addTemplate(file, content, { eleventyExcludeFromCollections: true, ...data });
  if (options.chronology) {
    page("documentary-edition-chronology.njk", {
      permalink: "/chronology/",
      layout: options.layouts.chronology,
      title: labels.chronology,
      eleventyImport: { collections: ["chronology"] },
    });
  }
  if (options.indexPages) {
    page("documentary-edition-index-pages.njk", {
      pagination: { data: "collections.indexPages", size: 1, alias: "indexPage" },
      permalink: "{{ indexPage.url }}",
      layout: options.layouts.index,
      eleventyImport: { collections: ["indexPages"] },
      eleventyComputed: { title: (data: { indexPage?: IndexPage }) => data.indexPage?.title },
    });
  }
  if (options.search) {
    page("documentary-edition-search.njk", {
      permalink: "/search/",
      layout: options.layouts.search,
      title: labels.search,
    });
  }
  if (options.feeds) {
    const absolute = (path: string) => (options.siteUrl ? `${options.siteUrl}${url(path)}` : url(path));
    const feed = (title: string, pageUrl: string, documents: Parameters<typeof atomFeed>[0]) =>
      atomFeed(documents, {
        title,
        selfUrl: absolute(`${pageUrl}feed.xml`),
        pageUrl: absolute(pageUrl),
        id: pageUrl,
        absolute,
        siteKnown: Boolean(options.siteUrl),
      });
    config.addShortcode(
      "documentFeed",
      (edition?: { title: string; url: string; documents: Parameters<typeof atomFeed>[0] }, siteTitle?: string) =>
        edition
          ? feed(edition.title, edition.url, edition.documents)
          : feed(siteTitle || labels.editions, "/", model()?.documents ?? []),
    );
    page(
      "documentary-edition-feed.njk",
      { permalink: "/feed.xml", eleventyImport: { collections: ["documents"] } },
      "{% documentFeed undefined, site.title %}",
    );
    page(
      "documentary-edition-edition-feeds.njk",
      {
        pagination: { data: "collections.editions", size: 1, alias: "edition" },
        permalink: "{{ edition.url }}feed.xml",
        eleventyImport: { collections: ["editions"] },
      },
      "{% documentFeed edition %}",
    );
  }
}
