import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS, resolveOptions } from "../src/options.js";
import { errorOf } from "./helpers/model.js";

describe("plugin options", () => {
  it("have defaults", () => {
    const options = resolveOptions(undefined);
    expect(options.editionsDir).toBe("editions");
    expect(options.locale).toBe("en-US");
    expect(options.layouts.document).toBe("documentary-edition/document.njk");
    expect(options.labels).toEqual(DEFAULT_LABELS);
    expect(options.documentTypes).toContain("telegram");
  });

  it("merge labels a site gives over the defaults", () => {
    const options = resolveOptions({ labels: { previous: "Document précédent" }, locale: "fr" });
    expect(options.labels.previous).toBe("Document précédent");
    expect(options.labels.next).toBe(DEFAULT_LABELS.next);
  });

  it("stop the build on an unknown option, naming it and the known ones", () => {
    const message = errorOf(() => resolveOptions({ editionDir: "letters" }));
    expect(message).toContain('plugin options: editionDir: unknown field; did you mean "editionsDir"?');
  });

  it("stop the build on a wrongly typed option, naming it and what it takes", () => {
    const message = errorOf(() => resolveOptions({ stylesheet: "yes", locale: "xx", documentTypes: [] }));
    expect(message).toContain('plugin options: stylesheet: found "yes"; expected true or false');
    expect(message).toContain('plugin options: locale: found "xx"; expected a BCP 47 language tag');
    expect(message).toContain("plugin options: documentTypes: found []; expected a list of at least 1 item");
    expect(message).toMatch(/^\[documentary-edition\] 3 problems in the plugin options/);
  });

  it("name an unknown label or layout key with the keys allowed there", () => {
    expect(errorOf(() => resolveOptions({ labels: { prev: "Back" } }))).toContain(
      'labels.prev: unknown field; did you mean "previous"?',
    );
    expect(errorOf(() => resolveOptions({ layouts: { page: "x.njk" } }))).toContain(
      "layouts.page: unknown field; one of the known fields: base, document, edition, part, home",
    );
  });

  it("refuse an editions folder that climbs out of the input folder", () => {
    expect(errorOf(() => resolveOptions({ editionsDir: "../elsewhere" }))).toContain(
      'editionsDir: found "../elsewhere"; expected a folder name inside the input folder',
    );
  });
});
