import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cloneCommands, findUnresolvedCommands, simpleCommands } from "../src/find-unresolved-commands.ts";
import { findReadmes, repoRoot } from "../src/write-readme-blocks.ts";

// The commands the READMEs and CONTRIBUTING.md show resolve in a clone, as written: each
// script, bin and file they name is there (they are resolved, not run: many need an account).

const pages = [...findReadmes(), "CONTRIBUTING.md"];
const clone = cloneCommands(repoRoot);
const fence = "```";

describe("commands shown in the READMEs and CONTRIBUTING.md", () => {
  it("resolve in a clone: scripts, bins and files", () => {
    expect(clone.scripts).toContain("demo");
    expect(clone.bins).toContain("tsx");
    expect(clone.publishedBins).toContain("friendli");
    const unresolved = pages.flatMap((page) =>
      findUnresolvedCommands(clone, page, readFileSync(join(repoRoot, page), "utf8")),
    );
    expect(unresolved).toEqual([]);
  });

  it("a bare bin, a missing script, bin or file is reported with its page and line", () => {
    const page = [
      "# Try", //                                                                          1
      `${fence}sh`, //                                                                     2
      "pnpm generate   # once", //                                                         3
      "tsx --conditions=source examples/endpoints-list-all.ts", //                         4
      "pnpm exec tsx --conditions=source examples/endpoints-list-all.ts", //               5
      "pnpm exec tsx --conditions=source examples/gone.ts", //                            6
      "pnpm no-such-script && npx no-such-bin", //                                        7
      "FRIENDLI_TOKEN=flp_... friendli endpoints list | jq -r '.[] | .id'", //            8
      "for p in a b; do (cd packages/$p && pnpm pack --pack-destination ../packs); done", // 9
      "node packages/cli/dist/cli.js --mock chat \\", //                                 10
      '  "Hi"', //                                                                        11
      fence, //                                                                           12
      "", //                                                                              13
      "Or `npx tsx examples/stream-chat.ts`, or `tsx examples/stream-chat.ts`.", //       14
    ].join("\n");
    expect(findUnresolvedCommands(clone, "packages/endpoints/README.md", page)).toEqual([
      expect.objectContaining({ line: 4, why: expect.stringContaining("`tsx` is not on a clone's PATH") }),
      expect.objectContaining({ line: 6, why: "examples/gone.ts does not exist" }),
      expect.objectContaining({ line: 7, command: "pnpm no-such-script", why: expect.stringContaining("no script") }),
      expect.objectContaining({ line: 7, command: "npx no-such-bin", why: "npx finds no bin `no-such-bin`" }),
      expect.objectContaining({ line: 14, command: "tsx examples/stream-chat.ts" }),
    ]);
  });

  it("cuts a line into simple commands: operators, subshells, substitutions, quotes, comments", () => {
    expect(simpleCommands(`friendli detokenize $(friendli tokenize "hi there") # comment`)).toEqual([
      ["friendli", "detokenize"],
      ["friendli", "tokenize", "hi there"],
    ]);
    expect(simpleCommands("git diff | friendli chat --system 'a | b'")).toEqual([
      ["git", "diff"],
      ["friendli", "chat", "--system", "a | b"],
    ]);
  });
});
