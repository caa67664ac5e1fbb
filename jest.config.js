/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "\\.(csv|md|txt)$": "<rootDir>/test/support/raw-transform.js",
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, jsx: "react-jsx", module: "CommonJS", moduleResolution: "Node", esModuleInterop: true } }],
  },
  testTimeout: 20000,
};
