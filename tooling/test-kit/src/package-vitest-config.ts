import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const globalSetup = fileURLToPath(new URL("./vitest-global-setup.ts", import.meta.url));

/** The workspace root: the nearest folder above this file holding `pnpm-workspace.yaml`. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

const packagesDir = join(findRepoRoot(dirname(fileURLToPath(import.meta.url))), "packages");

/**
 * Workspace packages resolve to their sources, so a test sees the current code of the
 * packages it imports without a rebuild. (An export condition would not do: vitest hands
 * dependencies to Node, which reads `dist`.)
 */
function workspaceSources() {
  return readdirSync(packagesDir).flatMap((name) => {
    const dir = join(packagesDir, name);
    const entries = [
      { find: new RegExp(`^@friendli-ts/${name}$`), replacement: join(dir, "src/index.ts") },
      { find: new RegExp(`^@friendli-ts/${name}/drift$`), replacement: join(dir, "src/drift/index.ts") },
      // Subpath entries kept as one file each (`src/internal.ts`, `src/errors.ts`).
      { find: new RegExp(`^@friendli-ts/${name}/internal$`), replacement: join(dir, "src/internal.ts") },
      { find: new RegExp(`^@friendli-ts/${name}/errors$`), replacement: join(dir, "src/errors.ts") },
      // The generated route table (made by `pnpm generate`, as every test run does first).
      { find: new RegExp(`^@friendli-ts/${name}/routes$`), replacement: join(dir, "src/generated/routes.ts") },
    ];
    return entries.filter((e) => existsSync(e.replacement));
  });
}

export interface PackageVitestOptions {
  /** Start one Prism mock server for the run (`inject("mockServerUrl")`); default true. */
  mockServer?: boolean;
  /** Per-test limit; default 20 s. Packages whose tests start processes need more on a busy machine. */
  testTimeout?: number;
}

/**
 * The vitest config every package uses: workspace packages from source, one Prism mock
 * server for the run, and type tests in `*.test-d.ts`.
 */
export function packageVitestConfig({ mockServer = true, testTimeout = 20_000 }: PackageVitestOptions = {}) {
  return defineConfig({
    resolve: { alias: workspaceSources() },
    test: {
      globalSetup: mockServer ? [globalSetup] : [],
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      typecheck: { include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"] },
      // The JSON report feeds the one-line total printed after all packages ran.
      reporters: ["default", "json"],
      outputFile: { json: "test-results.json" },
      testTimeout,
      hookTimeout: 60_000,
    },
  });
}
