// Runs a command on another major version of Node.js, installed from the npm registry (the
// `node-<platform>-<arch>` packages ship the official binary) into `.node/<major>` once.
// Plain JavaScript, so it runs before any install.
//   node scripts/ci/on-node.mjs 24 pnpm test
//   node scripts/ci/on-node.mjs 22 pnpm test:runtime
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [major, ...command] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? "") || command.length === 0) {
  console.error("usage: node scripts/ci/on-node.mjs <major version> <command> [args...]");
  process.exit(2);
}

/** The folder holding `node` of that major version: this one's, or one installed for it. */
function nodeBinDir(wanted) {
  if (process.versions.node.split(".")[0] === wanted) return dirname(process.execPath);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  const prefix = join(root, ".node", wanted);
  const pkg = `node-${process.platform}-${process.arch}`;
  const binDir = join(prefix, "node_modules", pkg, "bin");
  if (!existsSync(join(binDir, "node"))) {
    mkdirSync(prefix, { recursive: true });
    const flags = ["--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error"];
    execFileSync("npm", ["install", "--prefix", prefix, ...flags, `${pkg}@${wanted}`], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return binDir;
}

const binDir = nodeBinDir(major);
const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}` };
const version = execFileSync("node", ["--version"], { env, encoding: "utf8" }).trim();
if (!version.startsWith(`v${major}.`)) {
  console.error(`expected Node ${major} first on PATH, found ${version}`);
  process.exit(1);
}
console.log(`on Node ${version}: ${command.join(" ")}`);
const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
