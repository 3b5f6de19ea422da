import { describe, expect, it } from "vitest";
import { EditionChanges } from "../src/eleventy/changes.js";
import type { Edition, EditionDocument, EditionModel } from "../src/model/edition.js";

/** A model of editions holding documents by URL: just what the change tracking reads. */
function model(editions: Record<string, string[]>): EditionModel {
  const list = Object.entries(editions).map(([url, docs]) => {
    const edition = {
      url,
      title: url,
      editors: [],
      slug: url,
      register: [],
      parts: [],
      documents: [] as EditionDocument[],
    } as unknown as Edition;
    edition.documents = docs.map((doc) => ({ url: doc, edition }) as unknown as EditionDocument);
    return edition;
  });
  return { editions: list, documents: list.flatMap((e) => e.documents) } as unknown as EditionModel;
}

const urls = (editions: Edition[]) => editions.map((e) => e.url);

describe("the editions whose own files a build writes", () => {
  it("writes every edition on the first build, then only the edition of a rendered document or of a changed list", () => {
    const changes = new EditionChanges();
    const first = model({ "/a/": ["/a/1/", "/a/2/"], "/b/": ["/b/1/"] });
    changes.start();
    for (const doc of first.documents) changes.rendered(doc);
    expect(urls(changes.changed(first))).toEqual(["/a/", "/b/"]);

    // A save of one document of /b/: only /b/.
    const second = model({ "/a/": ["/a/1/", "/a/2/"], "/b/": ["/b/1/"] });
    changes.start();
    changes.rendered(second.documents[2] as EditionDocument);
    expect(urls(changes.changed(second))).toEqual(["/b/"]);

    // A document of /a/ deleted: nothing of /a/ rendered, but its list changed.
    const third = model({ "/a/": ["/a/1/"], "/b/": ["/b/1/"] });
    changes.start();
    expect(urls(changes.changed(third))).toEqual(["/a/"]);

    // Nothing changed at all: nothing written; asked twice in a build, the same answer.
    changes.start();
    const fourth = model({ "/a/": ["/a/1/"], "/b/": ["/b/1/"] });
    expect(changes.changed(fourth)).toEqual([]);
    expect(changes.changed(fourth)).toEqual([]);
  });
});
