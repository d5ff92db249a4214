import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { workspacePackageDirs } from "../ci/workspace-package-dirs.ts";
import { repoRoot } from "../spec/paths.ts";

const changesetBin = createRequire(import.meta.url).resolve("@changesets/cli/bin.js");
/** A run takes 1-3 s; the margin is for a machine busy with the rest of the suite. */
export const cliTimeout = 60_000;

export interface PackageManifest {
  name: string;
  version?: string;
  private?: boolean;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface ReleaseSandbox {
  dir: string;
  /** Each workspace package's folder, relative to the sandbox, by package name. */
  packageDirs: Map<string, string>;
  /** Runs the changeset CLI in the sandbox; never throws on a failed run. */
  changeset(args: string[]): Promise<{ code: number; output: string }>;
  manifest(name: string): PackageManifest;
  remove(): void;
}

/**
 * A temporary git repository holding only what `changeset` reads: the root manifest, the
 * workspace file, `.changeset/config.json` (and the pending changesets when asked) and every
 * workspace package's manifest. The release tooling runs there on the real configuration
 * without touching the checkout. `node_modules` is linked so the changelog module resolves.
 */
export function createReleaseSandbox({
  pendingChangesets,
  packageFiles = false,
}: {
  pendingChangesets: boolean;
  /** Also what each published package ships (its `files`, README and LICENSE, as built), to publish from the copy. */
  packageFiles?: boolean;
}): ReleaseSandbox {
  const dir = mkdtempSync(join(tmpdir(), "friendli-release-"));
  const copy = (file: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(dir, file));
  };
  try {
    copy("package.json");
    copy("pnpm-workspace.yaml");
    copy(".changeset/config.json");
    if (pendingChangesets) {
      for (const file of readdirSync(join(repoRoot, ".changeset"))) {
        if (file.endsWith(".md") && file !== "README.md") copy(join(".changeset", file));
      }
    }
    const packageDirs = new Map<string, string>();
    for (const packageDir of workspacePackageDirs(repoRoot)) {
      const rel = relative(repoRoot, packageDir);
      copy(join(rel, "package.json"));
      const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as PackageManifest;
      packageDirs.set(manifest.name, rel);
      if (packageFiles && !manifest.private) {
        // Negated entries (`!src/**/*.test.ts`) are applied when packing.
        const shipped = [...(manifest.files ?? []).filter((f) => !f.startsWith("!")), "README.md", "LICENSE"];
        for (const entry of shipped.filter((f) => existsSync(join(packageDir, f)))) {
          cpSync(join(packageDir, entry), join(dir, rel, entry), { recursive: true });
        }
      }
    }
    if (packageFiles) linkWorkspaceDependencies(dir, packageDirs);
    symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, ".gitignore"), "node_modules\ndist\n");
    // changeset compares against `baseBranch` (main) and reads commits, so the copy is a repository.
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        [
          "-c",
          "user.name=release-test",
          "-c",
          "user.email=release-test@localhost",
          "-c",
          "commit.gpgsign=false",
          ...args,
        ],
        { cwd: dir, stdio: "pipe" },
      );
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "--no-verify", "-m", "copy of the release files");

    return {
      dir,
      packageDirs,
      changeset: (args) =>
        new Promise((resolve) => {
          execFile(process.execPath, [changesetBin, ...args], { cwd: dir }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            resolve({ code, output: `${stdout}${stderr}` });
          });
        }),
      manifest: (name) => {
        const rel = packageDirs.get(name);
        if (rel === undefined) throw new Error(`${name} is not a workspace package`);
        return JSON.parse(readFileSync(join(dir, rel, "package.json"), "utf8")) as PackageManifest;
      },
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * pnpm turns `workspace:` ranges into versions from the linked sibling's manifest when it
 * packs, so each package of the copy gets links to its siblings in the copy (the versions
 * `changeset version` wrote there), as `pnpm install` would make them.
 */
function linkWorkspaceDependencies(dir: string, packageDirs: Map<string, string>): void {
  for (const rel of packageDirs.values()) {
    const manifest = JSON.parse(readFileSync(join(dir, rel, "package.json"), "utf8")) as Record<string, unknown>;
    const ranges = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((field) =>
      Object.entries((manifest[field] as Record<string, string> | undefined) ?? {}),
    );
    for (const [name, range] of ranges) {
      const target = packageDirs.get(name);
      if (!range.startsWith("workspace:") || target === undefined) continue;
      const link = join(dir, rel, "node_modules", name);
      if (existsSync(link)) continue;
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), join(dir, target)), link, "dir");
    }
  }
}
