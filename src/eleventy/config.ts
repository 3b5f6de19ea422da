/** The parts of Eleventy's configuration API the plugin uses, typed locally (Eleventy ships JSDoc only). */

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

export interface EleventyConfig {
  directories: EleventyDirectories;
  versionCheck(range: string): void;
  addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
  addFilter(name: string, callback: (...args: any[]) => unknown): void;
  getFilter(name: string): (...args: any[]) => unknown;
  addShortcode(name: string, callback: (...args: any[]) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  amendLibrary(name: "md", callback: (md: any) => void): void;
  addTransform(name: string, callback: (this: { page?: { outputPath?: unknown } }, content: unknown) => unknown): void;
  setServerOptions(options: { middleware?: ((req: any, res: any, next: () => void) => void)[] }): void;
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
