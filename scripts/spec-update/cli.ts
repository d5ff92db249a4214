import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "../codegen/generate.ts";
import { generatedDir, rawSpecFile, repoRoot, specLockFile, testingGeneratedDir, workDir } from "../spec/paths.ts";
import { syncSpec } from "../spec/sync-spec.ts";
import { handKeptLists } from "../spec-check/hand-kept-lists.ts";
import { impactOfCheckout } from "../spec-diff/impact-of-checkout.ts";
import { parseSpecUpdateArgs, type SpecUpdateArgs } from "./parse-args.ts";
import { typecheckPackages } from "./typecheck-packages.ts";
import { updateSpec } from "./update-spec.ts";

let args: SpecUpdateArgs;
try {
  args = parseSpecUpdateArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
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
  // The impact step imports the wrappers' method tables, and the wrappers import the
  // generated client: a fresh checkout (the weekly workflow's) has to generate it first.
  if (!existsSync(generatedDir)) await generate();
  const result = await updateSpec(
    args.source,
    {
      lockFile: specLockFile,
      rawSpecFile,
      changesetDir: join(repoRoot, ".changeset"),
      outputs: [
        generatedDir,
        testingGeneratedDir,
        join(workDir, "friendli-openapi.normalized.json"),
        join(workDir, "friendli-openapi.mock.json"),
      ],
      generate,
      typecheck: (packages) => typecheckPackages(packagesDir, packages),
      impact: (diff, before, after) => impactOfCheckout(repoRoot, diff, before, after),
      packageVersions,
      handKeptLists: () => handKeptLists(),
      log: (line) => console.log(line),
    },
    { keep: args.keep, typecheck: args.typecheck, ...(args.summary ? { summaryFile: resolve(args.summary) } : {}) },
  );
  if (result.status === "rolled-back") process.exit(1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
