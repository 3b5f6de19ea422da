// The search page: Pagefind's interface, over the index the build wrote to /pagefind/, merged with
// the other partitions' bundles where a partitioned build wrote several (/pagefind/bundles.json).
const element = document.querySelector("[data-de-search]");
const ui = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
if (element && ui && window.PagefindUI) {
  const base = new URL(".", ui.src);
  const bundles = fetch(new URL("bundles.json", base))
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []);
  bundles.then((list) => {
    element.removeAttribute("hidden");
    document.querySelector("[data-de-search-fallback]")?.setAttribute("hidden", "");
    new window.PagefindUI({
      element,
      showSubResults: true,
      showImages: false,
      translations: element.dataset.translations ? JSON.parse(element.dataset.translations) : undefined,
      mergeIndex: list.map((bundle) => ({ bundlePath: new URL(bundle, base).pathname })),
    });
  });
}
