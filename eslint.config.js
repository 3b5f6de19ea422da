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
    rules: {
      // A name starting with _ is one left out on purpose (a key dropped from a copy by destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // A function a reader can hold in view: one concern each (blank lines and comments aside).
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Tests read the JSON of built files, whose shape the assertions themselves check.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
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
