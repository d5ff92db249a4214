import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { internalRangeProblems } from "./internal-range-problems.ts";
import { createReleaseSandbox, type ReleaseSandbox } from "./release-sandbox.ts";

// The release script refuses to publish a package that asks for a sibling by anything but
// `workspace:^`; registry-release.test.ts checks what such ranges become once published.
let sandbox: ReleaseSandbox;
beforeAll(() => {
  sandbox = createReleaseSandbox({ pendingChangesets: false });
});
afterAll(() => sandbox?.remove());

it("finds nothing to refuse in the repository", () => {
  expect(internalRangeProblems(repoRoot)).toEqual([]);
});

it("names a published package that pins a sibling with workspace:*", () => {
  const file = join(sandbox.dir, sandbox.packageDirs.get("@friendli-ts/cli") as string, "package.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  manifest.dependencies["@friendli-ts/client"] = "workspace:*";
  writeFileSync(file, JSON.stringify(manifest));
  expect(internalRangeProblems(sandbox.dir)).toEqual([
    "@friendli-ts/cli asks for @friendli-ts/client@workspace:*, not workspace:^",
  ]);
});
