import { existsSync } from "node:fs";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant (npm run test:mutation). A mutant lives in src/, so only
// tests that import src/ can kill it. The files excluded below only build sites through the package's
// own name, which resolves to dist/ (built by npm run build:plugin before the mutants are made), or pack
// and install dist/ (the tarball): they cannot see a mutant, and would only add minutes to the run.
// Test files that mix both (tei, ids) stay: with coverageAnalysis "perTest" Stryker runs only the tests
// that reach a mutant, so their site builds run once, in the dry run.

// Stryker runs the tests in a copy of the checkout (.stryker-tmp/sandbox-*), where ../shared is not the
// shared folder; the TEI schema is looked up beside the checkout instead.
function teiSchema(): string | undefined {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const schema = path.resolve(dir, "../shared/schemas/tei_all.rng");
    if (existsSync(schema)) return schema;
    if (path.dirname(dir) === dir) return undefined;
  }
}
const TEI_SCHEMA = process.env.TEI_SCHEMA ?? teiSchema();

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      "test/tarball.test.ts",
      "test/corpus.test.ts",
      "test/fixture-sites.test.ts",
      "test/import-roundtrip.test.ts",
      "test/liquid-layout.test.ts",
      "test/mentions-site.test.ts",
      "test/sample-site.test.ts",
      "test/validity.test.ts",
    ],
    env: TEI_SCHEMA ? { TEI_SCHEMA } : {},
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
