/** An edition's editors as its page names them: "Edited by A and B; general editor: C". */
import { volumeEditors, type Editor } from "../model/editors.js";
import type { Labels } from "../options.js";
import { html, type SafeHtml } from "../markup/html.js";

/** Names joined as the locale joins a list ("A, B, and C"; "A, B et C"). */
const joinNames = (names: readonly string[], locale: string) =>
  new Intl.ListFormat(locale, { type: "conjunction" }).format(names);

/**
 * The editors of the volume first, after the label `editors` ("Edited by"), then each other role
 * in the order the index file first gives it, with its names ("general editor: Edward C. Keefer").
 * Nothing where the edition names no editor.
 */
export function editionEditorsText(editors: readonly Editor[], context: { locale: string; labels: Labels }): string {
  const volume = new Set(volumeEditors(editors));
  // An editor's role that is an editor's of the volume ("primary editor") is still printed as written.
  const unnamedRole = (e: Editor) => volume.has(e) && (e.role === undefined || /^\s*editors?\s*$/i.test(e.role));
  const roles = new Map<string, string[]>();
  for (const e of editors) {
    if (unnamedRole(e)) continue;
    const role = e.role as string;
    roles.set(role, [...(roles.get(role) ?? []), e.name]);
  }
  const edited = editors.filter(unnamedRole).map((e) => e.name);
  const text = [
    ...(edited.length ? [`${context.labels.editors} ${joinNames(edited, context.locale)}`] : []),
    ...[...roles].map(([role, names]) => `${role}: ${joinNames(names, context.locale)}`),
  ].join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function editionEditorsHtml(editors: readonly Editor[], context: { locale: string; labels: Labels }): SafeHtml {
  const text = editionEditorsText(editors, context);
  return text ? html`<p class="de-editors">${text}</p>` : html``;
}
