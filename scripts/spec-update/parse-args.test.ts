import { describe, expect, it } from "vitest";
import { parseSpecUpdateArgs } from "./parse-args.ts";

describe("pnpm spec:update arguments", () => {
  it("takes the source, --keep and --summary in any order", () => {
    expect(parseSpecUpdateArgs(["--summary", "out.md", "--keep", "--source", "https://x.invalid/a.yaml"])).toEqual({
      source: "https://x.invalid/a.yaml",
      keep: true,
      summary: "out.md",
      typecheck: "all",
    });
    expect(parseSpecUpdateArgs(["--source=spec.yaml", "--typecheck", "hit"])).toEqual({
      source: "spec.yaml",
      keep: false,
      typecheck: "hit",
    });
  });

  it.each([
    [["--keep"], /--source is required/],
    [["--source", "a.yaml", "--sumary", "out.md"], /Unknown option '--sumary'/],
    [["--source", "a.yaml", "extra"], /positional/i],
    [["--source", "a.yaml", "--summary"], /argument missing/],
    [["--source", "a.yaml", "--typecheck", "some"], /--typecheck takes all, hit or none/],
  ])("refuses %j with the usage", (argv, message) => {
    expect(() => parseSpecUpdateArgs(argv)).toThrow(message);
    expect(() => parseSpecUpdateArgs(argv)).toThrow(/usage: pnpm spec:update --source/);
  });
});
