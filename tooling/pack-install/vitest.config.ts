import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// No mock server: the installed packages talk to the test's own tiny server. Installs take a
// few seconds each, so each test gets longer than the shared default. One file at a time:
// parallel npm installs contend for npm's cache and, on a busy machine, run past their timeouts.
export default mergeConfig(
  packageVitestConfig({ mockServer: false }),
  defineConfig({ test: { testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } }),
);
