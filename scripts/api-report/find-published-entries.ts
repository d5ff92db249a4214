import { readFileSync } from "node:fs";
import { join } from "node:path";
import { workspacePackageDirs } from "../ci/workspace-package-dirs.ts";

/** One published entry point: its package, the subpath users import, and its built `.d.ts`. */
export interface PublishedEntry {
  packageName: string;
  packageDir: string;
  /** `.` or `./errors`, as in the package's `exports`. */
  subpath: string;
  /** Absolute path of the entry's built declaration file (`types` in `exports`). */
  typesFile: string;
  /** Absolute path of the committed report. */
  reportFile: string;
}

// The route descriptors are generated from the spec, name for name: nothing made from the
// spec is committed, and `pnpm spec:diff` already shows what a new spec changes there.
const skipped = new Set(["@friendli-ts/client ./routes"]);

interface PackageJson {
  name: string;
  private?: boolean;
  exports?: Record<string, string | { types?: string }>;
}

/** `.` -> `index`, `./errors` -> `errors`, `./a/b` -> `a-b`: the report's file name. */
export function reportName(subpath: string): string {
  return subpath === "." ? "index" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
}

/** Every entry of every published (not private) workspace package that declares types, sorted. */
export function findPublishedEntries(root: string): PublishedEntry[] {
  const entries: PublishedEntry[] = [];
  for (const packageDir of workspacePackageDirs(root)) {
    const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as PackageJson;
    if (pkg.private || !pkg.exports) continue;
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const types = typeof target === "object" ? target.types : undefined;
      if (!types || skipped.has(`${pkg.name} ${subpath}`)) continue;
      entries.push({
        packageName: pkg.name,
        packageDir,
        subpath,
        typesFile: join(packageDir, types),
        reportFile: join(packageDir, "etc", `${reportName(subpath)}.api.md`),
      });
    }
  }
  // A plain code-unit order, so the list reads the same under every locale.
  return entries.sort((a, b) => (a.reportFile < b.reportFile ? -1 : a.reportFile > b.reportFile ? 1 : 0));
}
