// The TEI import's speed: a volume of N documents (default 1,000), made by repeating the FRUS
// fixture's documents under new numbers, converted in memory by the importer (no files written).
// Usage: npm run build:plugin && node bench/import.mjs [N]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { importTei } from "../dist/import/tei.js";

const target = Number(process.argv[2] ?? 1000);
const fixture = readFileSync(
  new URL("../../shared/sources/frus/frus1969-76v19p1-excerpt.xml", import.meta.url),
  "utf8",
);

// The documents of the second chapter, as the fixture writes them, each from its start tag to the
// start of the next document or of the chapter's end.
const start = fixture.indexOf('<div type="document" xml:id="d45"');
const end = fixture.lastIndexOf("</div>", fixture.lastIndexOf("</body>"));
const chapterEnd = fixture.lastIndexOf("</div>", end - 1);
const documents = fixture.slice(start, chapterEnd);
const copies = Math.ceil(target / 11);
let body = "";
for (let copy = 0; copy < copies; copy++) {
  // Each copy's documents are renumbered past the fixture's (d45 → d1045 in the first copy), their
  // notes' and cross-references' ids with them, so that numbers stay unique.
  const offset = (copy + 1) * 1000;
  body += documents
    .replace(/(<div type="document" xml:id="d\d+" n=")(\d+)/g, (_m, prefix, n) => `${prefix}${Number(n) + offset}`)
    .replace(/(xml:id="d|#d)(\d+)/g, (_m, prefix, n) => `${prefix}${Number(n) + offset}`);
}
const volume = fixture.slice(0, chapterEnd) + body + fixture.slice(chapterEnd);
const count = (volume.match(/<div type="document"/g) ?? []).length;

const began = performance.now();
const edition = importTei(volume, { fallbackSlug: "volume" });
const ms = performance.now() - began;
console.log(
  JSON.stringify({
    documents: count,
    files: edition.files.length,
    megabytes: +(volume.length / 1e6).toFixed(1),
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
