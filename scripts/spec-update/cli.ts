import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../codegen/generate.ts";
import { generatedDir, rawSpecFile, repoRoot, specLockFile, workDir } from "../spec/paths.ts";
import { syncSpec } from "../spec/sync-spec.ts";
import { typecheckPackages } from "./typecheck-packages.ts";
import { updateSpec } from "./update-spec.ts";

// pnpm spec:update --source <path|url> [--keep]
const args = process.argv.slice(2);
const source = args[args.indexOf("--source") + 1];
if (!args.includes("--source") || !source || source.startsWith("--")) {
  console.error("usage: pnpm spec:update --source <spec path|url> [--keep]");
  process.exit(2);
}
const packagesDir = join(repoRoot, "packages");
const packageVersions = Object.fromEntries(
  readdirSync(packagesDir).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    return [pkg.name, pkg.version];
  }),
);
try {
  // The diff's "before" is the pinned spec, so make sure the verified copy is there.
  await syncSpec();
  const result = await updateSpec(
    source,
    {
      lockFile: specLockFile,
      rawSpecFile,
      changesetDir: join(repoRoot, ".changeset"),
      outputs: [
        generatedDir,
        join(workDir, "friendli-openapi.normalized.json"),
        join(workDir, "friendli-openapi.mock.json"),
      ],
      generate,
      typecheck: () => typecheckPackages(packagesDir),
      packageVersions,
      log: (line) => console.log(line),
    },
    { keep: args.includes("--keep") },
  );
  if (result.status === "rolled-back") process.exit(1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
