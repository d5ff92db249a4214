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
  },
});
