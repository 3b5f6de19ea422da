/** The parts of Eleventy's configuration API the plugin uses, typed locally (Eleventy ships JSDoc only). */
import type MarkdownIt from "markdown-it";

export interface EleventyDirectories {
  input: string;
  includes: string;
  layouts?: string;
  data: string;
  output: string;
}

export interface CollectionItem {
  inputPath: string;
  url: string | false;
  data: Record<string, unknown>;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

/** What Eleventy gives a filter or shortcode as `this`: the page being rendered, among others. */
export interface TemplateThis {
  page?: { inputPath?: string; url?: string | false; outputPath?: unknown };
}

/** A request and response of Eleventy's dev server, as much of them as a middleware reads. */
export interface ServerRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
}
export interface ServerResponse {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

export interface EleventyConfig {
  directories: EleventyDirectories;
  /** Globs of input files Eleventy does not read. */
  ignores: { add(glob: string): void };
  versionCheck(range: string): void;
  addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
  addFilter(name: string, callback: (this: TemplateThis, ...args: unknown[]) => unknown): void;
  getFilter(name: string): (...args: unknown[]) => unknown;
  addShortcode(name: string, callback: (this: TemplateThis, ...args: unknown[]) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  amendLibrary(name: "md", callback: (md: MarkdownIt) => void): void;
  addTransform(name: string, callback: (this: { page?: { outputPath?: unknown } }, content: unknown) => unknown): void;
  setServerOptions(options: {
    middleware?: ((req: ServerRequest, res: ServerResponse, next: () => void) => void)[];
  }): void;
  frontMatterParsingOptions?: { engines?: { yaml?: (text: string, options?: { filePath?: string }) => unknown } };
  setFrontMatterParsingOptions(options: {
    engines: Record<string, (text: string, options?: { filePath?: string }) => unknown>;
  }): void;
  addDateParsing(callback: (this: { page: { inputPath: string } }, value: unknown) => unknown): void;
  on(
    event: "eleventy.before" | "eleventy.after",
    callback: (args: {
      directories: EleventyDirectories;
      outputMode?: string;
      runMode?: string;
      incremental?: boolean;
    }) => unknown,
  ): void;
  /** After every page's content is rendered and before any page is written. */
  on(event: "eleventy.layouts", callback: () => unknown): void;
}
