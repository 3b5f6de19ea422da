// ESLint for the plugin's TypeScript, its browser scripts and the repository's own Node scripts.
// typescript-eslint's type-checked rules see what the compiler alone lets through: a floating promise,
// an `any` that leaks out of a template callback.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "_site/",
      "node_modules/",
      "test/fixtures/",
      ".cache/",
      "test-results/",
      "reports/",
      ".stryker-tmp/",
    ],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ["src/assets/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ignores: ["src/assets/**"],
    languageOptions: { globals: globals.node },
  },
);
