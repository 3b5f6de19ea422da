/**
 * YAML for a document's front matter: YAML's core schema without its timestamps, so that an
 * unquoted `date: 1979-02-30` reaches the model as the editor wrote it and is reported, not rolled
 * over to 2 March.
 */
import yaml from "js-yaml";

// js-yaml exports its types at run time; @types/js-yaml does not declare them.
const { merge, binary, omap, pairs, set } = (yaml as unknown as { types: Record<string, yaml.Type> }).types as Record<
  "merge" | "binary" | "omap" | "pairs" | "set",
  yaml.Type
>;
export const DOCUMENT_YAML = yaml.CORE_SCHEMA.extend({ implicit: [merge], explicit: [binary, omap, pairs, set] });
