import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMissingPaths, isWrittenByACommand, looksLikeFilePath } from "../src/find-missing-paths.ts";
import { findReadmes, repoRoot } from "../src/write-readme-blocks.ts";

// The pages a reader follows into the code: the READMEs (root and packages') and CONTRIBUTING.
const pages = [...findReadmes(), "CONTRIBUTING.md"];

describe("file paths named in the READMEs and CONTRIBUTING.md", () => {
  it("exist, beside the page or from the repository root", () => {
    expect(pages).toContain("packages/client/README.md");
    const missing = pages
      .flatMap((page) => findMissingPaths(repoRoot, page, readFileSync(join(repoRoot, page), "utf8")))
      .filter(({ path }) => !isWrittenByACommand(repoRoot, path));
    expect(missing).toEqual([]);
  });

  it("a path that is gone is reported with its page and line; other code spans are not paths", () => {
    const page = ["# Retries", "", "Decided in `src/operations/retry-policy.ts`, with `spec/retry-policy.json`."].join(
      "\n",
    );
    expect(findMissingPaths(repoRoot, "packages/client/README.md", page)).toEqual([
      { page: "packages/client/README.md", line: 3, path: "src/operations/retry-policy.ts" },
    ]);
    for (const text of [
      "pnpm test",
      "@friendli-ts/client/routes",
      "https://x.example/a.json",
      "packages/*/README.md",
    ]) {
      expect(looksLikeFilePath(text), text).toBe(false);
    }
    for (const text of ["spec/retry-policy.json", "packages/client/src/client/make-request.ts", "./src/a.ts"]) {
      expect(looksLikeFilePath(text), text).toBe(true);
    }
  });
});
