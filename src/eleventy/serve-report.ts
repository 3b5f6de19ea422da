/**
 * While `eleventy --serve` runs, a failed build shows its report in the browser: the development
 * server gives the report page in place of any page until a build succeeds, and each page carries
 * a few lines that reload it when the server says a build failed (its own client only logs that).
 * Nothing of this reaches a build that is not served.
 */
import type { Problem } from "../model/errors.js";
import { buildReportHtml } from "../render/build-report.js";
import type { EleventyConfig, ServerRequest, ServerResponse } from "./config.js";

/**
 * Reloads the page when the development server reports a failed build. It is written into the
 * served build's pages, so it acts only where the server's own reload script stands beside it
 * (the server adds that as it serves a page): a page of that build published elsewhere stays quiet.
 */
const RELOAD_ON_ERROR = `<script type="module">
if (document.querySelector('script[src*="/reload-client.js"]')) {
  const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
  socket.addEventListener("message", (event) => {
    try {
      if (JSON.parse(event.data).type === "eleventy.error") location.reload();
    } catch {}
  });
}
</script>`;

export class ServeReport {
  /** The problems of the last build, while it failed. */
  #problems: readonly Problem[] | undefined;
  serving = false;

  failed(problems: readonly Problem[]): void {
    this.#problems = problems;
  }

  /** At the start of each build: the report speaks of the last build only. */
  clear(): void {
    this.#problems = undefined;
  }

  install(config: EleventyConfig): void {
    config.setServerOptions({
      middleware: [
        (req: ServerRequest, res: ServerResponse, next: () => void) => {
          const accept = String(req.headers.accept ?? "");
          if (!this.#problems || req.method !== "GET" || !accept.includes("text/html")) return next();
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/html; charset=utf-8");
          res.end(buildReportHtml(this.#problems).value);
        },
      ],
    });
    const serving = () => this.serving;
    config.addTransform(
      "documentary-edition-serve-report",
      function (this: { page?: { outputPath?: unknown } }, content: unknown) {
        const outputPath = this.page?.outputPath;
        if (
          !serving() ||
          typeof content !== "string" ||
          typeof outputPath !== "string" ||
          !outputPath.endsWith(".html")
        )
          return content;
        const at = content.lastIndexOf("</body>");
        return at < 0 ? content + RELOAD_ON_ERROR : content.slice(0, at) + RELOAD_ON_ERROR + content.slice(at);
      },
    );
  }
}
