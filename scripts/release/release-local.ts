// `pnpm release:local`: the packages as the next release would publish them (the pending
// changesets applied, on a copy), published to a Verdaccio on 127.0.0.1, to install by name
// before they are on npm. Ctrl-C stops the registry and removes everything it made.
//   pnpm release:local               # builds first
//   pnpm release:local --no-build    # publishes what is built
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { repoRoot } from "../spec/paths.ts";
import { startLocalRelease } from "./local-release.ts";

const { values } = parseArgs({ options: { "no-build": { type: "boolean" } }, strict: true });
if (!values["no-build"]) {
  const build = spawnSync(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"],
    {
      cwd: repoRoot,
      stdio: "inherit",
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const local = await startLocalRelease();
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  local.stop().finally(() => process.exit(code));
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop(0));
try {
  const published = await local.release();
  const url = local.registry.url;
  console.log(
    [
      `Published to the local registry ${url}:`,
      ...[...published].map(([name, version]) => `  ${name}@${version}`),
      "",
      "In your project (other packages come from your usual registry through it):",
      `  npm install --registry ${url} @friendli-ts/inference`,
      "",
      "Ctrl-C stops the registry.",
    ].join("\n"),
  );
} catch (error) {
  console.error(`release:local: ${(error as Error).message}`);
  stop(1);
}
