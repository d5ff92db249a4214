// Runs turbo with the Node.js version in the environment, where turbo.json's test tasks
// list it (`env`): turbo's cache key does not include the runtime on its own, so a test run
// on Node 24 would otherwise replay the results of one on Node 20 without running anything.
// `--suite=runtime` (first, before turbo's own arguments) marks the runs on the older Nodes
// (`pnpm test:runtime`): FRIENDLI_TEST_SUITE=runtime lets a test that does not depend on the
// runtime (the TypeScript versions) run once, with the whole suite. It is in the cache key too.
// Usage (from package.json scripts): node scripts/ci/turbo.mjs [--suite=runtime] run test ...
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const runtimeSuite = process.argv[2] === "--suite=runtime";
const suite = runtimeSuite ? "runtime" : "all";
const args = process.argv.slice(runtimeSuite ? 3 : 2);
// The workspace's own turbo, so this runs outside a pnpm script too.
const local = fileURLToPath(new URL("../../node_modules/.bin/turbo", import.meta.url));
const child = spawn(existsSync(local) ? local : "turbo", args, {
  stdio: "inherit",
  env: { ...process.env, FRIENDLI_NODE_VERSION: process.versions.node, FRIENDLI_TEST_SUITE: suite },
  shell: process.platform === "win32",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
