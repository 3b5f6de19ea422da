// Copy buttons for the citations of a document page. The citations are readable without it.
if (navigator.clipboard) {
  for (const button of document.querySelectorAll("button.de-copy")) {
    const label = button.textContent;
    // What a button says after copying, or failing to, is given once for the whole box.
    const box = button.closest("[data-copied]");
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = document.getElementById(button.dataset.copy)?.textContent?.trim() ?? "";
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = box?.dataset.copied ?? label;
      } catch {
        button.textContent = box?.dataset.failed ?? label;
      }
      setTimeout(() => (button.textContent = label), 2500);
    });
  }
}
