// `pnpm release` (the release workflow's publish step): builds the published packages, checks
// how they ask for each other, then `changeset publish` publishes every version the registry
// does not have yet (the registry of the npm configuration: npm's, or a local one).
//   tsx scripts/release/release.ts              # build, check, publish (run from the repository)
//   tsx scripts/release/release.ts --no-build   # publish what is built, e.g. from a copy
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { internalRangeProblems } from "./internal-range-problems.ts";

const { values } = parseArgs({ options: { "no-build": { type: "boolean" } }, strict: true });
const root = process.cwd();
const run = (command: string, args: string[]) => {
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
};

if (!values["no-build"]) run("pnpm", ["exec", "turbo", "run", "build", "--filter=./packages/*"]);
const problems = internalRangeProblems(root);
if (problems.length > 0) {
  console.error(`release: internal dependencies must use workspace:^\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
run(process.execPath, [createRequire(import.meta.url).resolve("@changesets/cli/bin.js"), "publish"]);
