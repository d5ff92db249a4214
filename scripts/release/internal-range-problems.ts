import { readFileSync } from "node:fs";
import { join } from "node:path";
import { workspacePackageDirs } from "../ci/workspace-package-dirs.ts";

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Every range by which a published package asks for a sibling other than `workspace:^`: on
 * publish that becomes `^<the sibling's version>`, so a user's install can share one copy of
 * the client across packages and take the sibling's fixes; `workspace:*` would become an
 * exact version.
 */
export function internalRangeProblems(root: string): string[] {
  const manifests = workspacePackageDirs(root).map(
    (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest,
  );
  const names = new Set(manifests.map((m) => m.name));
  return manifests
    .filter((m) => !m.private)
    .flatMap((m) =>
      [m.dependencies, m.peerDependencies, m.optionalDependencies].flatMap((deps) =>
        Object.entries(deps ?? {})
          .filter(([name, range]) => names.has(name) && range !== "workspace:^")
          .map(([name, range]) => `${m.name} asks for ${name}@${range}, not workspace:^`),
      ),
    );
}
