/**
 * The page a reader of `eleventy --serve` sees in place of any page while the last build failed:
 * every problem, file by file, in the plugin's words. The development server adds its reload
 * script to it, so the page comes back on the next good save.
 */
import { formatProblem, type Problem } from "../model/errors.js";
import { html, type SafeHtml } from "../markup/html.js";

export function buildReportHtml(problems: readonly Problem[]): SafeHtml {
  const files = new Map<string, string[]>();
  for (const problem of problems) {
    const line = formatProblem(problem).slice(problem.file.length + 2);
    const list = files.get(problem.file);
    if (list) list.push(line);
    else files.set(problem.file, [line]);
  }
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The build stopped: ${count}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #a4000f; font-size: 1.5rem; }
h2 { font: 600 1rem ui-monospace, monospace; margin-top: 1.5rem; }
li { margin: 0.5rem 0; font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main class="de-build-report">
<h1>The build stopped: ${count}</h1>
<p>No page was written. Fix these and save: this page gives way to the site on the next good build.</p>
${[...files].map(
  ([file, lines]) => html`<section>
<h2>${file}</h2>
<ul>
${lines.map((line) => html`<li>${line}</li>\n`)}</ul>
</section>
`,
)}</main>
</body>
</html>
`;
}
