// The benchmark's synthetic edition: N documents made from the sample cable, written once for the
// plugin and once, with the plugin's marks taken out, for plain Eleventy (the baseline).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const work = path.join(os.tmpdir(), "documentary-edition-bench");

const cable = readFileSync(
  path.join(root, "editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks.md"),
  "utf8",
);
const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(cable);
/** The same body with the plugin's marks taken out: what plain Eleventy renders. */
const plainBody = body
  .replace(/\{(?:person|place|term) [^:]+: ([^}]*)\}/g, "$1")
  .replace(/\{supplied: ([^}]*)\}/g, "[$1]")
  .replace(/\{(?:salute|signed|dateline): ([^}]*)\}/g, "$1");

const SUBJECTS = ["sino-vietnamese-relations", "negotiations"];
function documentFor(i) {
  const year = 1975 + (i % 10);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  // Every seventh date is partly known, every eleventh approximate.
  const date =
    i % 7 === 0
      ? `${year}-${String(month).padStart(2, "0")}`
      : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return frontMatter
    .replace(/^title: .*$/m, `title: "Cable ${i + 1} from the Foreign Ministry on the talks"`)
    .replace(/^date: .*$/m, `date: ${date}${i % 11 === 0 ? "\ndateApproximate: true" : ""}`)
    .replace(/^subjects:\n( {2}- .*\n?)+/m, `subjects:\n  - ${SUBJECTS[i % 2]}\n`);
}

/** Writes the edition of n documents under the bench folder; returns its folder (plugin/ and baseline/ inside). */
export function generate(n, dir = path.join(work, String(n))) {
  rmSync(dir, { recursive: true, force: true });
  for (const kind of ["plugin", "baseline"]) mkdirSync(path.join(dir, kind), { recursive: true });
  cpSync(path.join(root, "_data"), path.join(dir, "plugin", "_data"), { recursive: true });
  const editions = Math.max(1, Math.round(n / 500));
  for (let i = 0; i < n; i++) {
    const edition = `edition-${(i % editions) + 1}`;
    for (const kind of ["plugin", "baseline"])
      mkdirSync(path.join(dir, kind, "editions", edition), { recursive: true });
    writeFileSync(
      path.join(dir, "plugin", "editions", edition, `doc-${i + 1}.md`),
      `---\n${documentFor(i)}\n---\n${body}`,
    );
    writeFileSync(
      path.join(dir, "baseline", "editions", edition, `doc-${i + 1}.md`),
      `---\n${documentFor(i)}\n---\n${plainBody}`,
    );
  }
  return dir;
}

/** Bytes of every file under dir. */
export function bytes(dir) {
  let total = 0;
  for (const file of readdirSync(dir, { recursive: true })) {
    const stat = statSync(path.join(dir, String(file)));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}
