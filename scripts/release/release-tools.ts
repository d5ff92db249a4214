import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../spec/paths.ts";
import { runStep } from "./run-step.ts";

/** Everything the registry release keeps between runs: its tools and the package managers' caches. */
export const releaseCacheDir = join(repoRoot, "node_modules", ".cache", "friendli-release");
const lockedDir = join(repoRoot, "scripts", "release", "tools");

export interface ReleaseTools {
  verdaccio: string;
  /** yarn 1's script and yarn 4's (both install a bin named `yarn`): run each with node. */
  yarn: string;
  yarn4: string;
  bun: string;
}

/**
 * Verdaccio (the local registry), yarn 1, yarn 4 (`@yarnpkg/cli-dist`: corepack is not
 * needed) and bun, at the versions of
 * scripts/release/tools/package-lock.json, installed with `npm ci` into the cache folder
 * once (again only when the lock changes); never installed globally.
 */
export async function ensureReleaseTools(env: NodeJS.ProcessEnv): Promise<ReleaseTools> {
  const dir = join(releaseCacheDir, "tools");
  const bin = (name: string) => join(dir, "node_modules", ".bin", name);
  const lock = readFileSync(join(lockedDir, "package-lock.json"));
  const stamp = createHash("sha256").update(lock).digest("hex");
  const stampFile = join(dir, ".installed");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(lockedDir, "package.json"), join(dir, "package.json"));
    copyFileSync(join(lockedDir, "package-lock.json"), join(dir, "package-lock.json"));
    const cache = join(releaseCacheDir, "npm-cache");
    await runStep("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error", `--cache=${cache}`], {
      cwd: dir,
      env,
      timeout: 180_000,
    });
    writeFileSync(stampFile, stamp);
  }
  return {
    verdaccio: bin("verdaccio"),
    yarn: join(dir, "node_modules", "yarn", "bin", "yarn.js"),
    yarn4: join(dir, "node_modules", "@yarnpkg", "cli-dist", "bin", "yarn.js"),
    bun: bin("bun"),
  };
}
