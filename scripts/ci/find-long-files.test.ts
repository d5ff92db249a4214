import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { explainsItsLength, findLongFiles, LONG_FILE_LINES } from "./find-long-files.ts";

describe(`source files over ${LONG_FILE_LINES} lines`, () => {
  it("each says in its first comment why it is long", () => {
    const long = findLongFiles(repoRoot);
    expect(long).toEqual([]);
  });

  it("the first comment counts only before any code but imports, and must name the length", () => {
    const imports = 'import { a,\n  b } from "./a.ts";\nimport "./side.ts";\nimport type { C } from "./c.ts";\n\n';
    expect(explainsItsLength(`${imports}// Long: one state machine, cut in two it reads worse.\nexport {};`)).toBe(
      true,
    );
    expect(explainsItsLength("#!/usr/bin/env node\n/*\n * 320 lines: the table of ...\n */\n")).toBe(true);
    expect(explainsItsLength(`${imports}// Reads the body.\nexport {};`)).toBe(false);
    expect(explainsItsLength(`${imports}export const x = 1;\n// Long, but too late.\n`)).toBe(false);
    expect(explainsItsLength("export const x = 1;\n")).toBe(false);
  });
});
