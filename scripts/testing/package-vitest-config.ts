import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const globalSetup = fileURLToPath(new URL("../mock/vitest-global-setup.ts", import.meta.url));
const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url));

/**
 * Workspace packages resolve to their sources, so a test sees the current code of the
 * packages it imports without a rebuild. (An export condition would not do: vitest hands
 * dependencies to Node, which reads `dist`.)
 */
function workspaceSources() {
  return readdirSync(packagesDir).flatMap((name) => {
    const entries = [
      { find: new RegExp(`^@friendli-ts/${name}$`), replacement: `${packagesDir}${name}/src/index.ts` },
      { find: new RegExp(`^@friendli-ts/${name}/testing$`), replacement: `${packagesDir}${name}/src/testing/index.ts` },
    ];
    return entries.filter((e) => existsSync(e.replacement));
  });
}

/**
 * The vitest config every package uses: workspace packages from source, one Prism mock
 * server for the run, and type tests in `*.test-d.ts`.
 */
export function packageVitestConfig() {
  return defineConfig({
    resolve: { alias: workspaceSources() },
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
