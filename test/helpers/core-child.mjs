// Run by test/core.test.ts in a Node process of its own, from a folder where the plugin is installed
// with its runtime dependencies only (no Eleventy): loads each folder it is given with the core and
// prints, as JSON, what the core makes of it.
// Arguments: a JSON list of { folder, plugin? } (plugin: the plugin's options).
import { loadEdition, problemsMessage, renderDocument, renderEdition } from "eleventy-plugin-documentary-edition/core";

const jobs = JSON.parse(process.argv[2] ?? "[]");
const results = [];
for (const { folder, plugin } of jobs) {
  const loaded = await loadEdition(folder, plugin ? { plugin } : {});
  results.push({
    folder,
    problems: loaded.problems,
    message: problemsMessage(loaded.problems),
    documents: loaded.model.documents.map((doc) => {
      const rendered = renderDocument(loaded, doc);
      return {
        id: doc.id,
        file: doc.file,
        url: doc.url,
        number: doc.number,
        html: rendered.html,
        tei: rendered.tei,
        citations: rendered.citations,
        marks: rendered.marks,
        problems: rendered.problems,
      };
    }),
    editions: loaded.model.editions.map((edition) => {
      const rendered = renderEdition(loaded, edition);
      return {
        slug: edition.slug,
        url: edition.url,
        registerUrl: edition.registerUrl,
        introduction: rendered.introduction,
        contents: rendered.contents,
        register: rendered.register,
        tei: rendered.tei,
        citations: rendered.citations,
        problems: rendered.problems,
      };
    }),
  });
}
process.stdout.write(JSON.stringify(results));
