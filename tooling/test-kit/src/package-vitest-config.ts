import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

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
  /**
   * Why the whole suite cannot run here (the AI SDK 7 on Node 20): no test file runs, and the
   * report says why, so the closing line of `pnpm test` names the suite instead of counting 0.
   */
  skipSuite?: string;
}

/** The file the closing line (scripts/ci/summarize-tests.ts) reads from each package. */
const reportFile = "test-results.json";

/**
 * A reporter in place of vitest's JSON one for a suite that does not run: the same counts
 * (all zero) and the reason, written when the run ends.
 */
function skippedSuiteReport(reason: string) {
  return {
    onTestRunEnd() {
      const report = {
        numPassedTests: 0,
        numFailedTests: 0,
        numPendingTests: 0,
        numTodoTests: 0,
        skippedSuite: reason,
      };
      writeFileSync(reportFile, `${JSON.stringify(report)}\n`);
    },
  };
}

/**
 * The vitest config every package uses: workspace packages from source and one Prism mock
 * server for the run.
 */
export function packageVitestConfig({ mockServer = true, testTimeout = 20_000, skipSuite }: PackageVitestOptions = {}) {
  if (skipSuite !== undefined) {
    return defineConfig({
      test: {
        include: [],
        passWithNoTests: true,
        reporters: ["default", skippedSuiteReport(skipSuite)],
      },
    });
  }
  return defineConfig({
    resolve: { alias: workspaceSources() },
    test: {
      globalSetup: mockServer ? [globalSetup] : [],
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      // `test/runtimes/` runs the code in a browser, workerd, Bun or Deno: what it proves does not
      // depend on the Node that starts it, so `pnpm test:runtime` (Node 20 and 22) leaves it out.
      exclude: [
        ...configDefaults.exclude,
        ...(process.env.FRIENDLI_TEST_SUITE === "runtime" ? ["test/runtimes/**"] : []),
      ],
      // Type tests (`*.test-d.ts`) are compiled by each package's `typecheck` task (tsc over
      // src and test), which fails on a wrong `expectTypeOf`; vitest's own type-test mode would
      // run tsc a second time and print that it is experimental.
      // The JSON report feeds the one-line total printed after all packages ran.
      reporters: ["default", "json"],
      outputFile: { json: reportFile },
      // A worker keeps the modules it loaded from one test file to the next: importing the
      // package and its siblings' sources again for every file was about half the CPU of a
      // package's run. The test files share no module state; stubbed variables and globals
      // are put back after each test, so none reaches a later file.
      isolate: false,
      unstubEnvs: true,
      unstubGlobals: true,
      testTimeout,
      hookTimeout: 60_000,
    },
  });
}
