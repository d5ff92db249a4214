import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const globalSetup = fileURLToPath(new URL("../mock/vitest-global-setup.ts", import.meta.url));

/**
 * The vitest config every package uses: sources resolved through the `source` export
 * condition (no build needed to test), one Prism mock server for the run, and type tests
 * in `*.test-d.ts`.
 */
export function packageVitestConfig() {
  return defineConfig({
    resolve: { conditions: ["source"] },
    test: {
      globalSetup: [globalSetup],
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      typecheck: { include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] },
      // The JSON report feeds the one-line total printed after all packages ran.
      reporters: ["default", "json"],
      outputFile: { json: "test-results.json" },
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
}
