import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * The folder of every workspace package, read from `pnpm-workspace.yaml`: its entries are
 * folders (`scripts`) or folders of packages (`packages/*`).
 */
export function workspacePackageDirs(root: string): string[] {
  const workspace = parse(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages: string[] };
  return workspace.packages
    .flatMap((entry) =>
      entry.endsWith("/*")
        ? readdirSync(join(root, entry.slice(0, -2))).map((name) => join(root, entry.slice(0, -2), name))
        : [join(root, entry)],
    )
    .filter((dir) => existsSync(join(dir, "package.json")));
}
