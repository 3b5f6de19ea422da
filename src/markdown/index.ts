/** The project's markdown-it setup, applied through Eleventy's `amendLibrary("md", …)`. */
import type MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";

export interface MarkdownSettings {
  /** The footnote id prefix for the page being rendered, or undefined to leave it as it is. */
  docIdFor: (env: Record<string, unknown>) => string | undefined;
}

/**
 * Adds footnotes, and renders every page through an environment of its own: Eleventy passes the
 * page's data as markdown-it's `env`, where markdown-it-footnote reads `docId` and writes
 * `footnotes`. A layer over the data keeps those writes off the data (no footnotes repeated when a
 * page is rendered twice, no crash on a front-matter key named `footnotes`) and gives each
 * document its own footnote ids, so two documents on one page never share one.
 */
export function documentaryMarkdown(md: MarkdownIt, settings: MarkdownSettings): void {
  md.use(footnote);
  const render = md.render.bind(md);
  md.render = (src: string, env: Record<string, unknown> = {}) => {
    const local: Record<string, unknown> = Object.create(env);
    local.footnotes = undefined;
    const docId = settings.docIdFor(env);
    if (docId !== undefined) local.docId = docId;
    return render(src, local);
  };
}
