// Compiles the plugin into dist/: TypeScript, the default layouts and stylesheet, and the
// front-matter schemas as JSON Schema. Run by `npm install` (prepare), `npm run build` and `npm test`.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
} catch {
  console.error("build-plugin: the TypeScript compiler reported errors (above); dist/ was not built.");
  process.exit(1);
}
for (const folder of ["layouts", "assets"]) {
  cpSync(path.join(root, "src", folder), path.join(dist, folder), { recursive: true });
}

const { jsonSchemas, DEFAULT_DOCUMENT_TYPES } = await import(path.join(dist, "index.js"));
const schemas = jsonSchemas({ documentTypes: DEFAULT_DOCUMENT_TYPES });
mkdirSync(path.join(dist, "schema"), { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  const titled = {
    title: `Front matter of ${{ document: "a document", edition: "an edition's index.md", part: "a part's (a chapter's) index.md" }[name]}`,
    ...schema,
  };
  writeFileSync(path.join(dist, "schema", `${name}.schema.json`), JSON.stringify(titled, null, 2) + "\n");
}
