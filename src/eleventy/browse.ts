/** The adapter's browsing part: chronology, index pages, search page, feeds and the site's navigation. */
import { chronology, registerIndex, type ChronologyYear, type IndexEntry, type IndexKind } from "../model/browse.js";
import type { EditionDocument, EditionModel } from "../model/edition.js";
import { keyPart } from "../model/ids.js";
import { REGISTER_KINDS, type RegisterKind } from "../model/register.js";
import { chronologyHtml, indexEntryHtml, indexKindHtml, INDEX_LABELS, siteNavigationHtml } from "../render/browse.js";
import { atomFeed } from "../render/feed.js";
import type { CollectionApi } from "./config.js";
import type { AdapterContext } from "./context.js";
import type { Implementations } from "./template-api.js";

const INDEX_PATHS: Record<RegisterKind, string> = {
  people: "people",
  places: "places",
  subjects: "subjects",
  terms: "terms",
};

/** A page of the indexes: a kind's list of entries, or one entry with its documents. */
export type IndexPage = { url: string; title: string; kindTitle: string; kind: IndexKind; entry?: IndexEntry };

type BrowsingTemplates = Pick<Implementations, "chronologyList" | "indexList" | "siteNavigation" | "documentFeed">;

export function installBrowsing(
  context: AdapterContext,
  model: (api?: CollectionApi) => EditionModel | undefined,
  role?: "partition" | "assemble",
): BrowsingTemplates {
  const { config, options } = context;
  const { labels } = options;
  // An entry's folder is its key as its id writes it: Eleventy writes a permalink's folder as
  // given, so an escaped key ("l%C3%AA-duan") made a folder no server finds the page in.
  const indexUrl = (kind: RegisterKind, key?: string) =>
    `/${INDEX_PATHS[kind]}/${key === undefined ? "" : `${keyPart(key)}/`}`;
  // Every kind the site's register has entries of has its index page, whether or not the
  // documents use one yet: the navigation (on every page) then depends on the register alone, and
  // a partition of a partitioned build, which sees only its editions, prints the same one.
  const indexes = (api: CollectionApi): IndexKind[] => {
    const built = model(api);
    const kinds = REGISTER_KINDS.filter((kind) => Object.keys(built?.register[kind] ?? {}).length > 0);
    return registerIndex(built?.editions.flatMap((e) => e.register) ?? [], indexUrl, kinds);
  };

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
  addBrowsingPages(context, role);
  const render = () => ({ locale: options.locale, labels, url: context.url });
  return {
    chronologyList: (_call, years) => chronologyHtml(years as ChronologyYear[], render()).value,
    indexList: (_call, given) => {
      const page = given as IndexPage;
      return (page.entry ? indexEntryHtml(page.entry, render()) : indexKindHtml(page.kind, render())).value;
    },
    // The navigation lists what the site generates.
    siteNavigation: (call, pages) => {
      const kinds = ((pages ?? []) as IndexPage[]).filter((p) => !p.entry).map((p) => ({ url: p.url, label: p.title }));
      const links = [
        { url: "/", label: labels.editions },
        ...(options.chronology ? [{ url: "/chronology/", label: labels.chronology }] : []),
        ...(options.indexPages ? kinds : []),
        ...(options.search ? [{ url: "/search/", label: labels.search }] : []),
      ];
      return siteNavigationHtml(links, call.page?.url || "", render()).value;
    },
    documentFeed: (_call, edition, siteTitle) => {
      const absolute = (path: string) => context.absoluteUrl(path) ?? context.url(path);
      const feed = (title: string, pageUrl: string, documents: readonly EditionDocument[]) =>
        atomFeed(documents, {
          title,
          selfUrl: absolute(`${pageUrl}feed.xml`),
          pageUrl: absolute(pageUrl),
          id: pageUrl,
          absolute,
          siteKnown: Boolean(options.siteUrl),
          context: { locale: options.locale, labels },
        });
      return edition
        ? feed(edition.title, edition.url, edition.documents)
        : feed(siteTitle || labels.editions, "/", model()?.documents ?? []);
    },
  };
}

/** The chronology, the index pages, the search page and the feeds: templates of the plugin's own. */
function addBrowsingPages({ config, options }: AdapterContext, role?: "partition" | "assemble"): void {
  const { labels } = options;
  // The site-wide pages are the assembling run's; each edition's feed is its partition's.
  const siteWide = role !== "partition";
  const editionWide = role !== "assemble";
  const page = (file: string, data: Record<string, unknown>, content = "") =>
    config.addTemplate(file, content, { eleventyExcludeFromCollections: true, ...data });
  if (options.chronology && siteWide) {
    page("documentary-edition-chronology.njk", {
      permalink: "/chronology/",
      layout: options.layouts.chronology,
      title: labels.chronology,
      eleventyImport: { collections: ["chronology"] },
    });
  }
  if (options.indexPages && siteWide) {
    page("documentary-edition-index-pages.njk", {
      pagination: { data: "collections.indexPages", size: 1, alias: "indexPage" },
      permalink: "{{ indexPage.url }}",
      layout: options.layouts.index,
      eleventyImport: { collections: ["indexPages"] },
      eleventyComputed: { title: (data: { indexPage?: IndexPage }) => data.indexPage?.title },
    });
  }
  if (options.search && siteWide) {
    page("documentary-edition-search.njk", {
      permalink: "/search/",
      layout: options.layouts.search,
      title: labels.search,
    });
  }
  if (options.feeds && siteWide) {
    page(
      "documentary-edition-feed.njk",
      { permalink: "/feed.xml", eleventyImport: { collections: ["documents"] } },
      "{% documentFeed undefined, site.title %}",
    );
  }
  if (options.feeds && editionWide) {
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
