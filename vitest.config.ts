import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Site builds and the tarball install take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
