import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * Runs a command, killed with its children after `timeoutMs`; a command that hangs fails
 * naming itself. Resolves to its exit code and what it printed.
 */
export function runStep(
  command: string,
  args: string[],
  { cwd, timeoutMs, input }: { cwd: string; timeoutMs: number; input?: string },
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    // A child that exits without reading all its input reports its own failure.
    child.stdin?.on("error", () => {});
    child.stdin?.end(input);
    const killer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {}
      fail(
        new Error(`\`${command} ${args.join(" ")}\` did not finish in ${timeoutMs / 1000} s:\n${output.slice(-2000)}`),
      );
    }, timeoutMs);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(killer);
      done({ code, output });
    });
  });
}

const git = async (cwd: string, ...args: string[]) => {
  const { code, output } = await runStep("git", args, { cwd, timeoutMs: 60_000 });
  if (code !== 0) throw new Error(`git ${args.join(" ")} failed:\n${output}`);
  return output;
};

/** The node_modules folders of a pnpm workspace, the root's first. */
function nodeModulesDirs(root: string, at = ""): string[] {
  const here = join(root, at);
  if (existsSync(join(here, "node_modules")) && at !== "") return [join(at, "node_modules")];
  return readdirSync(here, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules" && at.split("/").length < 3
      ? nodeModulesDirs(root, join(at, entry.name))
      : [],
  );
}

/**
 * A git clone of `source` (its committed state plus its uncommitted and untracked files) in
 * `dir`/repo, with `dir`/shared beside it as the checkout has it. It borrows the checkout's
 * install instead of running one: each node_modules is copied (links only: pnpm links
 * workspace packages relatively, so they point into the clone) and the root's package
 * store is linked, read only.
 */
export async function scratchClone(source: string, dir: string): Promise<string> {
  const repo = join(dir, "repo");
  await git(dir, "clone", "--quiet", "--no-hardlinks", source, repo);
  const diff = await git(source, "diff", "HEAD", "--binary");
  if (diff.trim()) {
    const { code, output } = await runStep("git", ["apply", "--whitespace=nowarn", "-"], {
      cwd: repo,
      timeoutMs: 60_000,
      input: diff,
    });
    if (code !== 0) throw new Error(`applying the uncommitted changes failed:\n${output}`);
  }
  for (const file of (await git(source, "ls-files", "--others", "--exclude-standard")).split("\n").filter(Boolean))
    cpSync(join(source, file), join(repo, file));
  symlinkSync(realpathSync(resolve(source, "../shared")), join(dir, "shared"));

  mkdirSync(join(repo, "node_modules"));
  for (const entry of readdirSync(join(source, "node_modules"))) {
    const from = join(source, "node_modules", entry);
    if (entry === ".pnpm") symlinkSync(realpathSync(from), join(repo, "node_modules", entry));
    else cpSync(from, join(repo, "node_modules", entry), { recursive: true, verbatimSymlinks: true });
  }
  for (const modules of nodeModulesDirs(source)) {
    if (!existsSync(dirname(join(repo, modules)))) continue;
    cpSync(join(source, modules), join(repo, modules), { recursive: true, verbatimSymlinks: true });
  }
  await git(repo, "config", "user.name", "spec replay");
  await git(repo, "config", "user.email", "replay@example.invalid");
  await git(repo, "checkout", "--quiet", "-B", "main");
  // The checkout's work in progress, committed, so the clone starts clean.
  await git(repo, "add", "--all");
  if ((await git(repo, "status", "--porcelain")).trim())
    await git(repo, "commit", "--quiet", "-m", "the checkout's uncommitted changes");
  return repo;
}
