import MarkdownIt from "markdown-it";
import { documentaryMarkdown } from "../../src/markdown/index.js";
import type { MarkKind, MarkSyntaxError } from "../../src/markdown/marks.js";
import type { ResolveReference } from "../../src/markdown/references.js";
import { DEFAULT_LABELS } from "../../src/options.js";
import { markRenderer } from "../../src/render/marks.js";

/** markdown-it set up as the plugin sets up Eleventy's, with a source note where `sourceNote` gives one. */
export function markdown(
  sourceNote?: (env: Record<string, unknown>) => string | undefined,
  problems: (env: Record<string, unknown>, problems: readonly MarkSyntaxError[]) => void = (_env, found) => {
    if (found[0]) throw found[0];
  },
) {
  const md = new MarkdownIt({ html: true });
  const used: ReadonlySet<MarkKind>[] = [];
  documentaryMarkdown(md, {
    docIdFor: (env) => env.docId as string | undefined,
    marks: markRenderer(DEFAULT_LABELS),
    // A test gives its cross-references' resolver in the env.
    references: (env, target) =>
      (env.resolve as ResolveReference | undefined)?.(env, target) ?? { expected: "a resolver in the test's env" },
    notes: {
      labels: DEFAULT_LABELS,
      sourceNote: (env) => sourceNote?.(env),
      numberSourceNote: (env) => env.numberSourceNote === true,
    },
    rendered: (_env, marks) => used.push(marks),
    problems,
  });
  return {
    render: (src: string, env: Record<string, unknown> = {}) => md.render(src, env).trim(),
    /** The tokens of a text, its ids prefixed with `docId`. */
    parse: (src: string, docId: string, env: Record<string, unknown> = {}) => md.parse(src, { ...env, docId }),
    used,
  };
}
