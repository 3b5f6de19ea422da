// Copy buttons for the citations of a document page. The citations are readable without it.
if (navigator.clipboard) {
  for (const button of document.querySelectorAll("button.de-copy")) {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = document.getElementById(button.dataset.copy)?.textContent?.trim() ?? "";
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = button.dataset.copied;
      } catch {
        button.textContent = button.dataset.failed;
      }
      setTimeout(() => (button.textContent = label), 2500);
    });
  }
}
