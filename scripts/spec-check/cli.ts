import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseCall } from "@friendli-ts/testing";
import { buildOperationIndex } from "../codegen/build-operation-index.ts";
import { repoRoot } from "../spec/paths.ts";
import { prepareSpec } from "../spec/prepare-spec.ts";
import { checkCoverage, formatCoverage } from "./check-coverage.ts";
import { exercisedOperations } from "./exercised-operations.ts";
import { handKeptLists, staleEntries } from "./hand-kept-lists.ts";

// pnpm spec:check [--json]: after the tests. Verifies the pin, then prints which wrapper
// method exposes each operation and whether a contract test exercised it, read from the
// calls the mock server answered (each package's requests.log). An operation with no
// wrapper and no entry in spec/low-level-only.json fails the check, and so does an entry of a
// hand-kept list (spec/*.json) naming an operation the spec no longer has.
const json = process.argv.includes("--json");
try {
  const index = buildOperationIndex(await prepareSpec());
  const packagesDir = join(repoRoot, "packages");
  const wrappers: Record<string, Record<string, string>> = {};
  const calls = [];
  for (const dir of readdirSync(packagesDir).map((name) => join(packagesDir, name))) {
    const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string };
    const methodsFile = join(dir, "src/operation-methods.ts");
    if (existsSync(methodsFile)) {
      wrappers[name] = (await import(pathToFileURL(methodsFile).href)).operationMethods;
    }
    const log = join(dir, "requests.log");
    if (existsSync(log))
      calls.push(
        ...readFileSync(log, "utf8")
          .split("\n")
          .flatMap((l) => parseCall(l) ?? []),
      );
  }
  const lowLevelOnly = JSON.parse(readFileSync(join(repoRoot, "spec/low-level-only.json"), "utf8")) as Record<
    string,
    string
  >;
  const coverage = checkCoverage({
    index,
    wrappers,
    lowLevelOnly,
    exercised: exercisedOperations(calls, index),
  });
  const { rows } = coverage;
  const known = new Set(index.map((op) => op.operationId));
  const problems = [...coverage.problems, ...staleEntries(handKeptLists(), known)];
  if (json) console.log(JSON.stringify({ operations: rows }, null, 2));
  else console.log(formatCoverage(rows));
  if (calls.length === 0) console.error("no requests.log found: run `pnpm test` first to measure contract coverage");
  if (problems.length) {
    console.error(`\nspec:check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`spec:check failed: ${(error as Error).message}`);
  process.exit(1);
}
