// html-validate for the built site: its recommended rules, with one turned off.
// - long-title: a page's <title> is the document's title and the site's name. Archival titles run
//   long ("Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks
//   Between China and Vietnam'") and cutting one short would lose the title a reader searches for.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    "long-title": "off",
  },
};
