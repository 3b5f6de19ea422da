import { defineConfig } from "vitest/config";

// The performance guard runs alone, after the other tests: timings taken while other test files
// build sites on the same cores would measure the machine, not the plugin.
export default defineConfig({
  test: {
    include: ["test/guard/**/*.guard.ts"],
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
