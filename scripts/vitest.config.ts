import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages (`@friendli-ts/testing`) from their sources, so no build is needed;
  // the rest are Vite's default server conditions.
  ssr: { resolve: { conditions: ["source", "module", "node", "development|production"] } },
  test: {
    include: ["**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    testTimeout: 30_000,
    // A worker keeps the modules it loaded from one test file to the next (the packages'
    // config does the same, see tooling/test-kit): no file here stubs or mocks a module.
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
