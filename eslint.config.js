// Flat config: TypeScript-aware rules for the add-in, the engine, the CLI and the tests, plus
// Microsoft's Office Add-in rules (eslint-plugin-office-addins) on the code that talks to Office.js.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

/**
 * The plugin's own rules at the severities of its "recommended" preset. The preset itself is not
 * used: it also brings Prettier formatting and an older parser for the whole repository.
 * load-object-before-read is a warning here: it does not follow a load on a navigation property
 * (`sheet.protection.load("protected")` then `sheet.protection.protected`), a pattern Office.js documents.
 */
const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "warn",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".tmp/**", "bin/**", "*.config.js", "test/support/*.js"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Where Office.js is called: the Office adapter, the task pane and the ribbon commands.
    files: ["src/workbook/office-*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  }
);
