import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../spec/paths.ts";
import { runStep } from "./run-step.ts";

/** What the registry release keeps with the clone: the last run's timings, and bun's cache. */
export const releaseCacheDir = join(repoRoot, "node_modules", ".cache", "friendli-release");

/**
 * What it keeps for every clone on the machine, in the user's cache folder: the tools and the
 * caches of npm, pnpm's metadata, yarn 1 and yarn 4. A fresh clone then downloads none of
 * them again (about 700 MB). Each of those caches names an entry by its content or by the
 * registry's address (a new port each run), so an entry of another clone's build is never
 * taken for this one's. bun names entries by version and host, so its cache stays per clone.
 */
export const machineCacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "friendli-ts", "release");
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
 * scripts/release/tools/package-lock.json, installed with `npm ci` into the machine's cache
 * folder once per version of the lock; never installed globally. Each lock has a folder of
 * its own, filled beside it and renamed into place, so clones of other commits running at
 * the same time never see a half-installed or replaced one.
 */
export async function ensureReleaseTools(env: NodeJS.ProcessEnv): Promise<ReleaseTools> {
  const lock = readFileSync(join(lockedDir, "package-lock.json"));
  const stamp = createHash("sha256").update(lock).digest("hex");
  const dir = join(machineCacheDir, `tools-${stamp.slice(0, 16)}`);
  const bin = (name: string) => join(dir, "node_modules", ".bin", name);
  if (!existsSync(join(dir, ".installed"))) {
    mkdirSync(machineCacheDir, { recursive: true });
    const filling = mkdtempSync(join(machineCacheDir, "tools-filling-"));
    try {
      copyFileSync(join(lockedDir, "package.json"), join(filling, "package.json"));
      copyFileSync(join(lockedDir, "package-lock.json"), join(filling, "package-lock.json"));
      const cache = join(machineCacheDir, "npm-cache");
      await runStep("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error", `--cache=${cache}`], {
        cwd: filling,
        env,
        timeout: 180_000,
      });
      writeFileSync(join(filling, ".installed"), stamp);
      // Another run may have put the same tools in place meanwhile: then its copy is kept.
      if (!existsSync(dir)) renameSync(filling, dir);
    } catch (error) {
      if (!existsSync(join(dir, ".installed"))) throw error;
    } finally {
      rmSync(filling, { recursive: true, force: true });
    }
  }
  return {
    verdaccio: bin("verdaccio"),
    yarn: join(dir, "node_modules", "yarn", "bin", "yarn.js"),
    yarn4: join(dir, "node_modules", "@yarnpkg", "cli-dist", "bin", "yarn.js"),
    bun: bin("bun"),
  };
}
