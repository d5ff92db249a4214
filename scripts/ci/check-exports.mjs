// A package's `check-exports` task: are the types wrong (attw), is the manifest publishable
// (publint). attw prints its whole table even when nothing is wrong, including the resolutions
// the esm-only profile leaves out on purpose (node10, require from CommonJS) marked with a
// skull; so it runs quietly first and prints the table only when it fails.
// Plain JavaScript, run from the package folder by its script:
//   node ../../scripts/ci/check-exports.mjs          (attw and publint)
//   node ../../scripts/ci/check-exports.mjs --no-types  (publint only: a package without types)
import { spawnSync } from "node:child_process";

const run = (command, args) =>
  spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" }).status ?? 1;

if (!process.argv.includes("--no-types")) {
  const attw = ["--pack", ".", "--profile", "esm-only"];
  if (run("attw", [...attw, "--quiet"]) !== 0) {
    run("attw", attw);
    process.exit(1);
  }
}
process.exit(run("publint", []));
