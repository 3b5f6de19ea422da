/**
 * A site's citations of its documents: each document's record made once, its citation in each of
 * the site's styles, and the check of the styles the site names. Used alike by the plugin and by
 * the core.
 */
import type { EditionDocument } from "../model/edition.js";
import { volumeEditors } from "../model/editors.js";
import type { Problem } from "../model/errors.js";
import { isEditorialNote } from "../model/source-note.js";
import type { Options } from "../options.js";
import type { CustomFormatter } from "./csl.js";
import { citationRecord, type CslItem } from "./record.js";
import { BUILT_IN_STYLES, formatCitation, isBuiltInStyle, type StyleInput } from "./styles.js";
import type { Formatted } from "./text.js";

const BUILT_IN_NAMES = Object.keys(BUILT_IN_STYLES).join(", ");

/** The styles of `citationStyles` that are neither built in nor given in `cslStyles`, as problems of the options. */
export function unknownStyleProblems(options: Pick<Options, "citationStyles" | "cslStyles">): Problem[] {
  return options.citationStyles.flatMap((style, i) =>
    isBuiltInStyle(style) || Object.hasOwn(options.cslStyles, style)
      ? []
      : [
          {
            file: "plugin options",
            field: `citationStyles.${i}`,
            value: style,
            expected: `a built-in style (${BUILT_IN_NAMES}) or a name given in cslStyles`,
          },
        ],
  );
}

export class Citations {
  readonly #records = new WeakMap<EditionDocument, CslItem>();

  constructor(
    private readonly options: Pick<Options, "citationStyles" | "cslStyles">,
    /** A site path as an absolute URL, where the site's URL is known. */
    private readonly absoluteUrl: (site: string) => string | undefined,
    /** The formatter of the site's CSL styles, once loaded. */
    private readonly custom: () => CustomFormatter | undefined,
  ) {}

  /** The document's CSL-JSON record, made once. */
  record(doc: EditionDocument): CslItem {
    let item = this.#records.get(doc);
    if (!item) {
      item = citationRecord(doc);
      this.#records.set(doc, item);
    }
    return item;
  }

  /** The document's citation in a built-in style or one of `cslStyles`. */
  cite(doc: EditionDocument, style: string): Formatted {
    if (isBuiltInStyle(style)) return formatCitation(style, this.#input(doc));
    const custom = this.custom();
    if (custom && Object.hasOwn(this.options.cslStyles, style)) {
      const item = this.record(doc);
      return { html: custom(item, style, "html"), text: custom(item, style, "text") };
    }
    throw new Error(
      `[documentary-edition] cite: found the style "${style}"; expected a built-in style (${BUILT_IN_NAMES}) or a name given in cslStyles`,
    );
  }

  /** The document's citation in each of the site's `citationStyles`, with each style's label, as the cite box lists them. */
  entries(doc: EditionDocument): { style: string; label: string; citation: Formatted }[] {
    // An editorial note is the edition's own text: cited in the edition's form only.
    const styles = isEditorialNote(doc) ? ["edition"] : this.options.citationStyles;
    return styles.map((style) => ({
      style,
      label: isBuiltInStyle(style) ? BUILT_IN_STYLES[style].label : style,
      citation: this.cite(doc, style),
    }));
  }

  #input(doc: EditionDocument): StyleInput {
    const pageUrl = this.absoluteUrl(doc.url);
    return {
      item: this.record(doc),
      edition: {
        editionTitle: doc.edition.title,
        // The volume's editors alone: a series' general editor is no editor of the volume (see record.ts).
        editors: volumeEditors(doc.edition.editors).map((e) => e.name),
        number: doc.number,
        ...(pageUrl ? { url: pageUrl } : {}),
      },
    };
  }
}
