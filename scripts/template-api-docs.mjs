// Writes the README's tables of filters and shortcodes from the declared template API
// (src/eleventy/template-api.ts, built into dist/): `npm run docs:api`. A test checks they agree.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { templateApiTable } = await import(path.join(root, "dist", "eleventy", "template-api.js"));
const readmePath = path.join(root, "README.md");
let readme = readFileSync(readmePath, "utf8");
for (const [kind, header] of [
  ["filter", "| filter | example | gives |"],
  ["shortcode", "| shortcode | gives |"],
]) {
  // The table is the header row and every table row after it.
  const table = new RegExp(`${header.replace(/[|]/g, "\\|")}\\n(?:\\|.*\\n)*`);
  if (!table.test(readme)) throw new Error(`template-api-docs: the README has no table starting "${header}"`);
  readme = readme.replace(table, `${templateApiTable(kind)}\n`);
}
writeFileSync(readmePath, readme);
