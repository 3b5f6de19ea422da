// One build, in a process of its own: prints its wall time and the process's peak memory as JSON.
import Eleventy from "@11ty/eleventy";

const [input, output, configPath] = process.argv.slice(2);
const start = performance.now();
const eleventy = new Eleventy(input, output, { configPath, quietMode: true });
await eleventy.write();
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
