import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";

// A type a public signature names but the entry does not export is one a user cannot write;
// api-extractor marks it "ae-forgotten-export" in the report. The wrappers have none: such a
// type is exported, or a member of the package's types namespace (InferenceTypes, ...). The
// client's public entries likewise (FriendliClientTypes; the errors entry exports the types its
// classes name).
const clean = [
  "packages/client/etc/index.api.md",
  "packages/client/etc/errors.api.md",
  "packages/inference/etc/index.api.md",
  "packages/endpoints/etc/index.api.md",
  "packages/datasets/etc/index.api.md",
];

/** The symbols a report says the entry should export. */
function forgottenExports(report: string): string[] {
  return [...report.matchAll(/\(ae-forgotten-export\) The symbol "([^"]+)"/g)].map((m) => m[1]!);
}

describe("API reports", () => {
  it.each(clean)("%s names no type its entry leaves unexported", (report) => {
    expect(forgottenExports(readFileSync(join(repoRoot, report), "utf8"))).toEqual([]);
  });

  it("reads the warning as api-extractor writes it", () => {
    const line =
      '// Warning: (ae-forgotten-export) The symbol "ListPage" needs to be exported by the entry point index.d.ts';
    expect(forgottenExports(`${line}\nexport type A = ListPage;\n`)).toEqual(["ListPage"]);
  });
});
