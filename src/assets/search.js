// The search page: Pagefind's interface, over the index the build wrote to /pagefind/.
const element = document.querySelector("[data-de-search]");
if (element && window.PagefindUI) {
  element.removeAttribute("hidden");
  document.querySelector("[data-de-search-fallback]")?.setAttribute("hidden", "");
  new window.PagefindUI({
    element,
    showSubResults: true,
    showImages: false,
    translations: element.dataset.translations ? JSON.parse(element.dataset.translations) : undefined,
  });
}
