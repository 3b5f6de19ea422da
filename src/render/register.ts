/** An edition's register page: persons, places, subjects and terms, each with its mentions. */
import type { Edition, RegisterUse } from "../model/edition.js";
import { referencePieces, type RegisterKind } from "../model/register.js";
import type { Labels } from "../options.js";
import { html, type SafeHtml } from "../markup/html.js";
import { documentLabelHtml } from "./label.js";

const HEADINGS: Record<RegisterKind, keyof Labels> = {
  people: "registerPeople",
  places: "registerPlaces",
  subjects: "registerSubjects",
  terms: "registerTerms",
};

/**
 * An entry's references, each mark of another entry (`{person kissinger-henry-a: Kissinger}`) a
 * link to that entry where this page lists it, and its words alone where it does not.
 */
function referencesHtml(references: readonly string[], anchors: ReadonlyMap<string, string>): SafeHtml {
  return html`${references.map(
    (reference, i) =>
      html`${i ? "; " : ""}${referencePieces(reference).map((piece) => {
        if (typeof piece === "string") return piece;
        const anchor = anchors.get(`${piece.kind} ${piece.key}`);
        return anchor ? html`<a href="#${anchor}">${piece.words}</a>` : piece.words;
      })}`,
  )}`;
}

function entryHtml(
  use: RegisterUse,
  anchors: ReadonlyMap<string, string>,
  edition: Edition,
  context: { locale: string; labels: Labels; url: (path: string) => string },
): SafeHtml {
  const { labels, url } = context;
  const { entry } = use;
  const times = (occurrence: number) => (occurrence > 1 ? ` (${occurrence})` : "");
  const mentions = [
    ...use.introduction.map(
      (m) => html`<a href="${url(edition.url)}#${m.anchor}">${labels.introduction}${times(m.occurrence)}</a>`,
    ),
    ...use.mentions.map(
      (m) => html`<a href="${url(m.doc.url)}#${m.anchor}">${labels.document} ${m.doc.number}${times(m.occurrence)}</a>`,
    ),
  ].map((link, i) => html`${i ? ", " : ""}${link}`);
  // Each by its listing label, which holds commas of its own (a date): the list is kept apart by semicolons.
  const documents = use.documents.map(
    (doc, i) => html`${i ? "; " : ""}<a href="${url(doc.url)}">${documentLabelHtml(doc, context)}</a>`,
  );
  return html`<div class="de-register-entry" id="${use.anchor}"><dt>${entry.name}</dt>${[
    entry.identification ? html`\n<dd class="de-register-identification">${entry.identification}</dd>` : "",
    entry.references?.length
      ? html`\n<dd class="de-register-references">${labels.registerReferences}: ${referencesHtml(entry.references, anchors)}</dd>`
      : "",
    mentions.length ? html`\n<dd class="de-register-mentions">${labels.registerMentions}: ${mentions}</dd>` : "",
    documents.length ? html`\n<dd class="de-register-documents">${labels.registerListedIn}: ${documents}</dd>` : "",
  ]}</div>\n`;
}

/** The register of one edition, a section per kind of entry, each entry linking back to its mentions. */
export function editionRegisterHtml(
  edition: Edition,
  context: { locale: string; labels: Labels; url: (path: string) => string },
): SafeHtml {
  const sections = new Map<RegisterKind, RegisterUse[]>();
  // The entries this page lists, by kind and key: the anchors a reference can link to.
  const anchors = new Map(edition.register.map((use) => [`${use.kind} ${use.key}`, use.anchor]));
  for (const use of edition.register) {
    const list = sections.get(use.kind);
    if (list) list.push(use);
    else sections.set(use.kind, [use]);
  }
  return html`${[...sections].map(
    ([kind, uses]) => html`<section class="de-register-section" aria-labelledby="register-${kind}">
<h2 id="register-${kind}">${context.labels[HEADINGS[kind]]}</h2>
<dl class="de-register-entries">${uses.map((use) => entryHtml(use, anchors, edition, context))}</dl>
</section>
`,
  )}`;
}
