import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runCommand } from "./run-command.ts";

/**
 * The `tsc` of one TypeScript version from the npm registry, installed once into
 * `.typescript/<version>` (git-ignored) and reused by every later run. The install goes to a
 * folder of its own first and is renamed into place, so two runs at once never see half of one.
 */
export async function typescriptCompiler(version: string): Promise<string> {
  const home = join(repoRoot, ".typescript");
  const prefix = join(home, version);
  const tsc = join(prefix, "node_modules", "typescript", "bin", "tsc");
  if (existsSync(tsc)) return tsc;
  mkdirSync(home, { recursive: true });
  const staging = mkdtempSync(join(home, `.${version}-`));
  try {
    const flags = ["--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"];
    await runCommand("npm", ["install", "--prefix", staging, ...flags, `typescript@${version}`], home, 120_000);
    if (!existsSync(prefix)) renameSync(staging, prefix);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return tsc;
}
