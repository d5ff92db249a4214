import { execFileSync } from "node:child_process";

/** Runs git with these arguments in the repository; its trimmed output, or throws. */
export type Git = (...args: string[]) => string;

export const gitIn =
  (cwd: string): Git =>
  (...args) =>
    execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

export interface BaseRef {
  /** The commit to build. */
  sha: string;
  /** How to name it in the table: the ref given, or how it was found. */
  label: string;
  /** Said before the run when the choice is not the obvious one. */
  note?: string;
}

const commitOf = (git: Git, ref: string): string | undefined => {
  try {
    return git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    return undefined;
  }
};

/**
 * The base of `pnpm bench:compare`: the ref given, or else the merge base of HEAD with
 * `main` (`origin/main` when there is no local main). On main itself the merge base is HEAD:
 * with uncommitted changes those are compared with HEAD, without any with HEAD's parent.
 */
export function resolveBaseRef(ref: string | undefined, git: Git): BaseRef {
  if (ref !== undefined) {
    const sha = commitOf(git, ref);
    if (!sha) throw new Error(`bench:compare: "${ref}" is no commit here (for a remote branch: git fetch first)`);
    return { sha, label: ref };
  }
  const main = ["main", "origin/main"].find((name) => commitOf(git, name));
  if (!main)
    throw new Error(
      "bench:compare: no main or origin/main branch to compare with; name the base: pnpm bench:compare <ref>",
    );
  const head = git("rev-parse", "HEAD");
  const mergeBase = git("merge-base", "HEAD", main);
  if (mergeBase !== head) return { sha: mergeBase, label: `merge base with ${main}` };
  if (git("status", "--porcelain") !== "") {
    return { sha: head, label: "HEAD", note: `HEAD is on ${main}: comparing the uncommitted changes with HEAD` };
  }
  const parent = commitOf(git, "HEAD~1");
  if (!parent)
    throw new Error("bench:compare: HEAD is on main and has no parent; name the base: pnpm bench:compare <ref>");
  return {
    sha: parent,
    label: "HEAD~1",
    note: `HEAD is on ${main} (no commits of its own): comparing with its parent`,
  };
}
