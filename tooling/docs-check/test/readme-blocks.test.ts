import { readFileSync } from "node:fs";
import { join } from "node:path";
import type {} from "@friendli-ts/test-kit/global-setup";
import { describe, expect, inject, it } from "vitest";
import { runReadmeBlocks } from "../src/run-readme-blocks.ts";
import { typecheckBlocks } from "../src/typecheck-blocks.ts";
import { repoRoot, writeReadmeBlocks } from "../src/write-readme-blocks.ts";

// Every TypeScript block of every README of the repository: type-checked as a user's project
// would be against the packages' built types, and the runnable ones run on the mock server.
const written = writeReadmeBlocks();

describe("the READMEs' TypeScript blocks", () => {
  it("are all found: as many as each README has TypeScript fences", () => {
    expect(written.readmes.map((r) => r.readme)).toContain("README.md");
    for (const { readme, modules } of written.readmes) {
      const fences = readFileSync(join(repoRoot, readme), "utf8").match(/^\s*```(ts|typescript)\b/gm) ?? [];
      expect(modules.length, readme).toBe(fences.length);
    }
  });

  it("type-check against the built packages, as a user's code would", () => {
    expect(typecheckBlocks(written)).toEqual([]);
  });

  it.each(written.readmes.filter((r) => r.runFile))(
    "$readme: the runnable blocks run on the mock server",
    async (readme) => {
      const { code, output } = await runReadmeBlocks(written, readme, inject("mockServerUrl"));
      expect(code, output).toBe(0);
    },
  );
});
