import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";

// No mock server: the installed packages talk to the test's own tiny server. Installs take a
// few seconds each, so each test gets longer than the shared default. One file at a time:
// parallel npm installs contend for npm's cache and, on a busy machine, run past their timeouts.
// The compilers read the packed declarations the same way on every Node: the TypeScript
// versions run with the whole suite (Node 24), not again in `pnpm test:runtime` (about 25 s each).
const runtimeOnly = process.env.FRIENDLI_TEST_SUITE === "runtime";

export default mergeConfig(
  packageVitestConfig({ mockServer: false }),
  defineConfig({
    test: {
      testTimeout: 90_000,
      hookTimeout: 90_000,
      fileParallelism: false,
      exclude: [...configDefaults.exclude, ...(runtimeOnly ? ["test/typescript-versions.test.ts"] : [])],
    },
  }),
);
