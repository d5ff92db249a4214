import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { chainBlockModules } from "../src/chain-block-modules.ts";
import { extractReadmeBlocks, type ReadmeBlock } from "../src/extract-readme-blocks.ts";
import { runReadmeBlocks } from "../src/run-readme-blocks.ts";
import { typecheckBlocks } from "../src/typecheck-blocks.ts";
import { writeReadmeBlocks } from "../src/write-readme-blocks.ts";

// The checker itself, on READMEs written here: what it finds, what each block sees, and
// that a block that does not compile or throws fails the check at its README line.

const fence = "```";
const blocks = (...codes: [string, boolean?][]): ReadmeBlock[] =>
  codes.map(([code, run = true], i) => ({ readme: "README.md", index: i + 1, line: 10 * (i + 1), code, run }));

describe("extractReadmeBlocks", () => {
  it("finds ts and typescript blocks anywhere, with their first code line and no-run flag", () => {
    const markdown = [
      "# Title", //                      1
      `${fence}sh`, //                   2
      "pnpm test", //                    3
      fence, //                          4
      `${fence}ts`, //                   5
      "const a = 1;", //                 6
      fence, //                          7
      "- a list item:", //               8
      "", //                             9
      `  ${fence}typescript no-run`, // 10
      "  const b = 2;", //              11
      `  ${fence}`, //                  12
    ].join("\n");
    expect(extractReadmeBlocks(markdown, "x/README.md")).toEqual([
      { readme: "x/README.md", index: 1, line: 6, code: "const a = 1;", run: true },
      { readme: "x/README.md", index: 2, line: 11, code: "const b = 2;", run: false },
    ]);
  });

  it("refuses a flag it does not know, so a typo cannot turn a check off", () => {
    expect(() => extractReadmeBlocks(`text\n\n${fence}ts no_run\nx;\n${fence}\n`, "README.md")).toThrow(
      'README.md:3: unknown flag "no_run"',
    );
  });
});

describe("chainBlockModules", () => {
  it("gives each block the imports and declarations of the blocks above that it uses", () => {
    const [, second] = chainBlockModules(
      blocks(
        ['import { z } from "zod";\nimport type { Big } from "big";\nconst friendli = 1;\ntype Id = string;'],
        ["const id: Id = String(friendli + z.length) as Big;"],
      ),
    );
    // Imports repeated in order of first use, then those from the blocks above, grouped by block.
    expect(second?.text.split("\n").slice(1, 4)).toEqual([
      'import { z } from "zod";',
      'import { type Big } from "big";',
      'import { type Id, friendli } from "./block-01.ts";',
    ]);
    expect(second?.text).toContain("export const id: Id");
    expect(second?.preludeLines).toBe(4);
  });

  it("takes the nearest declaration, and none for a name the block declares or only uses as a property", () => {
    const modules = chainBlockModules(
      blocks(
        ["const answer = 1;\nconst text = 'a';"],
        ["const answer = 2;"],
        ["const x = { text: answer };"],
        ["const answer = 3;\nconsole.log(answer, x.text);"],
      ),
    );
    expect(modules[2]?.text).toContain('import { answer } from "./block-02.ts";');
    expect(modules[2]?.text).not.toContain("text } from");
    expect(modules[3]?.text).toContain('import { x } from "./block-03.ts";');
    expect(modules[3]?.text).not.toContain("answer } from");
  });

  it("refuses a runnable block that builds on a no-run one", () => {
    expect(() =>
      chainBlockModules(blocks(["const endpointId = await create();", false], ["wait(endpointId);"])),
    ).toThrow("README.md:20: this block runs but uses `endpointId` from the no-run block at line 10");
  });
});

describe("a README with a broken block", () => {
  const root = mkdtempSync(join(tmpdir(), "docs-check-"));
  // Inside this package, so the blocks resolve its @types/node.
  const outDir = fileURLToPath(new URL(`../.readme-blocks-test-${process.pid}/`, import.meta.url));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });
  writeFileSync(
    join(root, "README.md"),
    [
      "# Demo", //                                                     1
      `${fence}ts`, //                                                2
      "const count: number = 1;", //                                   3
      fence, //                                                        4
      `${fence}ts no-run`, //                                          5
      'throw new Error("the no-run block ran");', //                   6
      fence, //                                                        7
      `${fence}ts`, //                                                 8
      "const label: string = count;", //                               9
      "if (count > 0) throw new Error('planted: ' + label);", //     10
      fence, //                                                       11
    ].join("\n"),
  );
  const written = writeReadmeBlocks({ root, readmes: ["README.md"], outDir });

  it("fails the type check at the README line", () => {
    expect(typecheckBlocks(written)).toEqual(["README.md:9: TS2322 Type 'number' is not assignable to type 'string'."]);
  });

  it("fails the run naming the block that threw, and never runs a no-run block", async () => {
    const [readme] = written.readmes;
    if (!readme) throw new Error("no README written");
    const { code, output } = await runReadmeBlocks(written, readme, "http://127.0.0.1:9");
    expect(code).toBe(1);
    expect(output).toContain("README.md:9: this block threw");
    expect(output).toContain("planted: 1");
    expect(output).not.toContain("the no-run block ran");
  });
});
