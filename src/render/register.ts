/** An edition's register page: persons, places, subjects and terms, each with its mentions. */
import type { Edition, RegisterUse } from "../model/edition.js";
import type { RegisterKind } from "../model/register.js";
import type { Labels } from "../options.js";
import { html, type SafeHtml } from "../markup/html.js";
import { documentLabelHtml } from "./label.js";

const HEADINGS: Record<RegisterKind, keyof Labels> = {
  people: "registerPeople",
  places: "registerPlaces",
  subjects: "registerSubjects",
  terms: "registerTerms",
};

function entryHtml(
  use: RegisterUse,
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
      ? html`\n<dd class="de-register-references">${labels.registerReferences}: ${entry.references.join("; ")}</dd>`
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
  for (const use of edition.register) {
    const list = sections.get(use.kind);
    if (list) list.push(use);
    else sections.set(use.kind, [use]);
  }
  return html`${[...sections].map(
    ([kind, uses]) => html`<section class="de-register-section" aria-labelledby="register-${kind}">
<h2 id="register-${kind}">${context.labels[HEADINGS[kind]]}</h2>
<dl class="de-register-entries">${uses.map((use) => entryHtml(use, edition, context))}</dl>
</section>
`,
  )}`;
}
