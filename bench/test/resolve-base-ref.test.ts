// Which commit bench:compare builds as its base, in a real git repository made here:
// a branch off main, main itself with and without uncommitted changes, a named ref.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCompareArgs } from "../src/compare/parse-compare-args.ts";
import { gitIn, resolveBaseRef } from "../src/compare/resolve-base-ref.ts";

const dir = mkdtempSync(join(tmpdir(), "bench-compare-git-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = gitIn(dir);
const commit = (message: string) => {
  writeFileSync(join(dir, "file.txt"), message);
  git("add", "file.txt");
  git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
};

git("init", "-q", "-b", "main");
const first = commit("first");
const second = commit("second");
git("switch", "-q", "-c", "feature");
const feature = commit("feature");
git("switch", "-q", "main");
const third = commit("third on main");

describe("resolveBaseRef", () => {
  it("takes the merge base with main on a branch (not main's newer commits)", () => {
    git("switch", "-q", "feature");
    try {
      expect(resolveBaseRef(undefined, git)).toEqual({ sha: second, label: "merge base with main" });
    } finally {
      git("switch", "-q", "main");
    }
  });

  it("on main, takes HEAD's parent, and says so", () => {
    const base = resolveBaseRef(undefined, git);
    expect(base.sha).toBe(second);
    expect(base.note).toMatch(/HEAD is on main/);
  });

  it("on main with uncommitted changes, compares them with HEAD", () => {
    writeFileSync(join(dir, "file.txt"), "changed");
    try {
      expect(resolveBaseRef(undefined, git)).toMatchObject({ sha: third, label: "HEAD" });
    } finally {
      git("checkout", "-q", "--", "file.txt");
    }
  });

  it("takes a ref given as it is, and refuses one that is no commit", () => {
    expect(resolveBaseRef(first.slice(0, 7), git)).toEqual({ sha: first, label: first.slice(0, 7) });
    expect(resolveBaseRef("feature", git).sha).toBe(feature);
    expect(() => resolveBaseRef("no-such-branch", git)).toThrow(/"no-such-branch" is no commit here/);
  });
});

describe("parseCompareArgs", () => {
  it("defaults to 16 short rounds, exit 0 on a regression, base from git", () => {
    expect(parseCompareArgs([])).toEqual({
      rounds: 16,
      requests: 200,
      memoryCalls: 1_000,
      failOnRegression: false,
      same: false,
      mock: true,
    });
  });

  it("reads a ref and the options in any order; --rounds wins over --quick, which leaves the mock rows out", () => {
    expect(parseCompareArgs(["--quick", "a51a1c9", "--fail-on-regression", "--out", "table.md"])).toEqual({
      ref: "a51a1c9",
      rounds: 8,
      requests: 200,
      memoryCalls: 1_000,
      failOnRegression: true,
      out: "table.md",
      same: false,
      mock: false,
    });
    expect(parseCompareArgs(["--", "--quick", "--rounds", "9"]).rounds).toBe(9);
  });

  it("refuses what it does not know, with the usage", () => {
    expect(() => parseCompareArgs(["--rounds", "0"])).toThrow(/--rounds needs a whole number/);
    expect(() => parseCompareArgs(["--fast"])).toThrow(/unknown option --fast\nusage: pnpm bench:compare/);
    expect(() => parseCompareArgs(["main", "HEAD~3"])).toThrow(/one ref only/);
    expect(() => parseCompareArgs(["--out"])).toThrow(/--out needs a file/);
  });
});
