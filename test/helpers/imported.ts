// The FRUS fixture imported by the package's own command (dist/cli.js import-tei) into a new site
// configured as the sample site is: its plugin options, its site data and its footer.
import { cpSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { tempDir } from "./site.js";

export const FIXTURE = path.resolve("../shared/sources/frus/frus1969-76v19p1-excerpt.xml");
export const EDITION = "frus1969-76v19p1";
export const DOCUMENTS = ["44", "45", "46", "47", "48", "49", "50", "52", "54", "56", "57", "58"];

/** A new site holding the imported edition, and its config; the sample's .eleventy.js options. */
export function importedSite(): { input: string; config: string; printed: string } {
  const input = tempDir();
  const printed = execFileSync(process.execPath, [path.resolve("dist/cli.js"), "import-tei", FIXTURE], {
    cwd: input,
    encoding: "utf8",
  });
  cpSync("_data/site.json", path.join(input, "_data", "site.json"));
  cpSync("_includes", path.join(input, "_includes"), { recursive: true });
  const config = path.join(input, "eleventy.config.mjs");
  writeFileSync(
    config,
    `import documentaryEdition from ${JSON.stringify(pathToFileURL(path.resolve("dist/index.js")).href)};\n` +
      'export default (config) => config.addPlugin(documentaryEdition, { locale: "en-US", numberedUrls: true });\n',
  );
  return { input, config, printed };
}
