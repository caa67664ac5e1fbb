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
  // Jest's default on a 2-core machine is one worker (cores − 1): the suites then run one after another.
  // Two workers take npm test from about 3.5 to 2.5 minutes; the end-to-end suites hold up under it.
  maxWorkers: 2,
};
