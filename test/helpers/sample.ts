/** A copy of the sample site in a temporary folder, built by `npx @11ty/eleventy` in a child process. */
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./site.js";

export const ROOT = path.join(__dirname, "../..");

/** The sample site's sources (not the plugin's), with the plugin as the repository builds it (dist/). */
export function sampleSite(): string {
  const site = tempDir();
  for (const entry of [".eleventy.js", ".gitignore", "_data", "_includes", "editions", "package.json"])
    cpSync(path.join(ROOT, entry), path.join(site, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(site, "node_modules"));
  symlinkSync(path.join(ROOT, "dist"), path.join(site, "dist"));
  return site;
}

export const eleventy = (site: string, output: string) =>
  execFileSync("npx", ["@11ty/eleventy", "--quiet", `--output=${output}`], { cwd: site, stdio: "pipe" });

/** Every file under a folder, relative to it, Pagefind's index aside (its fragment names are hashes of the pages). */
export function files(folder: string): string[] {
  return (
    readdirSync(folder, { recursive: true, withFileTypes: true }) as {
      name: string;
      parentPath: string;
      isFile(): boolean;
    }[]
  )
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)))
    .filter((f) => !f.startsWith("pagefind"))
    .sort();
}
