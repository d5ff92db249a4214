import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import {
  exportedNames,
  findMisnamedFiles,
  isListed,
  kebabCase,
  NAMED_FOR_CONTENT,
  namedForAnExport,
} from "./find-misnamed-files.ts";

describe("source file names", () => {
  it("each file is named for one of its exports, or is listed with its reason", () => {
    expect(findMisnamedFiles(repoRoot)).toEqual([]);
  });

  it("every listed path still exists, so the lists cannot outlive their files", () => {
    const paths = Object.keys(NAMED_FOR_CONTENT).filter((key) => key.includes("/"));
    expect(paths.filter((path) => !existsSync(join(repoRoot, path)))).toEqual([]);
  });

  it("reads names the way the files are named", () => {
    expect(kebabCase("createTransport")).toBe("create-transport");
    expect(kebabCase("APIError")).toBe("api-error");
    expect(kebabCase("ENDPOINT_STATUSES")).toBe("endpoint-statuses");
    expect(kebabCase("sha256Hex")).toBe("sha256-hex");
  });

  it("finds a module's own exports, declared or listed, and not what it re-exports whole", () => {
    const text = [
      'import { a } from "./a.ts";',
      "export function openStream() {}",
      "export interface OpenStream {}",
      "export const ONE = 1, two = 2;",
      "const hidden = 3;",
      "export { hidden as shown };",
      'export type { Other } from "./other.ts";',
      'export * from "./all.ts";',
    ].join("\n");
    expect(exportedNames(text)).toEqual(["openStream", "OpenStream", "ONE", "two", "shown", "Other"]);
    expect(namedForAnExport("open-stream.ts", exportedNames(text))).toBe(true);
    expect(namedForAnExport("open-event-stream.ts", exportedNames(text))).toBe(false);
  });

  it("lists a folder by its prefix, a path exactly, an entry-like name anywhere", () => {
    const list = { "a/b/": "folder", "a/c.ts": "file", "index.ts": "entry" };
    expect(isListed("a/b/x.ts", list)).toBe(true);
    expect(isListed("a/c.ts", list)).toBe(true);
    expect(isListed("z/c.ts", list)).toBe(false);
    expect(isListed("z/index.ts", list)).toBe(true);
  });
});
