import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runCommand } from "./run-command.ts";

/**
 * `pnpm pack` of `packages/<name>` for each name into `dest` (which turns `workspace:` and
 * `catalog:` into versions), in parallel; the tarballs' paths by name.
 */
export async function packWorkspacePackages<Name extends string>(
  names: readonly Name[],
  dest: string,
): Promise<Record<Name, string>> {
  const tarballs = {} as Record<Name, string>;
  await Promise.all(
    names.map(async (name) => {
      const dir = join(repoRoot, "packages", name);
      const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
      await runCommand("pnpm", ["pack", "--pack-destination", dest], dir);
      tarballs[name] = join(dest, `friendli-ts-${name}-${version}.tgz`);
    }),
  );
  return tarballs;
}
