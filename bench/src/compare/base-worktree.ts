import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface BaseWorktree {
  /** The checkout of the base commit: a git worktree in a folder of the OS temp dir. */
  root: string;
  /** Whether `../shared` (the spec) sits beside it; without it the spec pipeline downloads the pinned file. */
  hasShared: boolean;
  /** Removes the worktree and its folder; safe to call twice, and synchronous so an exit hook can call it. */
  remove(): void;
}

/**
 * Checks `sha` out in `<temp>/friendli-bench-compare-*\/tree`, with `shared` beside it linked
 * to the `../shared` of this repository when there is one, so the base's spec pipeline finds
 * the pinned spec where it looks (`../shared/spec`) without a download.
 */
export function addBaseWorktree(repoRoot: string, sha: string): BaseWorktree {
  const folder = mkdtempSync(join(tmpdir(), "friendli-bench-compare-"));
  const root = join(folder, "tree");
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      execFileSync("git", ["worktree", "remove", "--force", root], { cwd: repoRoot, stdio: "ignore" });
    } catch {
      // Not added, or already gone: the prune below forgets it either way.
    }
    rmSync(folder, { recursive: true, force: true });
    execFileSync("git", ["worktree", "prune"], { cwd: repoRoot, stdio: "ignore" });
  };
  try {
    execFileSync("git", ["worktree", "add", "--detach", root, sha], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const shared = resolve(repoRoot, "../shared");
    const hasShared = existsSync(shared);
    if (hasShared) symlinkSync(realpathSync(shared), join(folder, "shared"));
    return { root, hasShared, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Run with their output on stderr, so that stdout holds the report alone. */
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {
    cwd,
    stdio: ["ignore", 2, 2],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });

/** The base's dependencies (from the warm store) and the packages the bench imports, built to their dist/. */
export function installAndBuild(tree: BaseWorktree): void {
  run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], tree.root);
  try {
    run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@friendli-ts/bench...", "--output-logs=errors-only"],
      tree.root,
    );
  } catch (error) {
    const where = tree.hasShared
      ? ""
      : " There is no ../shared beside this checkout, so the base's spec pipeline downloaded the pinned spec (or failed to):" +
        " put the spec at ../shared/spec/friendli-openapi.yaml or point FRIENDLI_SPEC_SOURCE at a copy.";
    throw new Error(`bench:compare: building the base failed (output above).${where}`, { cause: error });
  }
}
