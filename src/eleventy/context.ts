/** What every part of the adapter shares, made once by the plugin and passed to each part whole. */
import type { Edition, EditionModel } from "../model/edition.js";
import type { Problem } from "../model/errors.js";
import type { ReferableEdition } from "../model/references.js";
import type { Options } from "../options.js";
import type { EleventyConfig } from "./config.js";
import type { SideFiles } from "./side-files.js";

export interface AdapterContext {
  config: EleventyConfig;
  options: Options;
  /** The edition model of this build, once the collections have made it. */
  model: () => EditionModel | undefined;
  /** A site path with the site's path prefix. */
  url: (path: string) => string;
  /** A site path as an absolute URL, where the site's URL is known (the `siteUrl` option). */
  absoluteUrl: (path: string) => string | undefined;
  /** The writer of the TEI and citation files, beside the pages. */
  sideFiles: SideFiles;
  /** The editions whose own files (TEI corpus, citation files) this build writes again. */
  editionsToWrite: (model: EditionModel) => Edition[];
  /** In a partition of `build`, the editions of other partitions that its documents refer to. */
  otherEditions: readonly ReferableEdition[];
  /** Adds a problem to the build's report. */
  report: (problem: Problem) => void;
}
