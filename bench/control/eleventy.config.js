// The benchmark's control build (`--control`): the baseline, with each page made as big as the
// plugin's by static markup in its layout (about BENCH_PADDING bytes, set by bench/run.mjs). It
// measures what the size of the plugin's page costs plain Eleventy, apart from the plugin's work.
import { plainEleventy } from "../baseline/eleventy.config.js";

// Prose-like lines with a dash, as the pages have: V8 then holds the page two bytes a character.
const line = "<p>Notes, citations, the record and its metadata – as the plugin prints them.</p>\n";
const lines = Math.round((Number(process.env.BENCH_PADDING) || 0) / Buffer.byteLength(line));
const padding = `<footer>\n${line.repeat(lines)}</footer>`;

export default (eleventyConfig) => plainEleventy(eleventyConfig, padding);
