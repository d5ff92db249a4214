import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { snapshotFiles } from "./snapshot-files.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "snapshot-files-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file and folder under the temp dir, with a file's text: what a restore must bring back. */
function tree(): Record<string, string | null> {
  const found: Record<string, string | null> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) {
        found[`${relative(dir, child)}/`] = null;
        walk(child);
      } else {
        found[relative(dir, child)] = readFileSync(child, "utf8");
      }
    }
  };
  walk(dir);
  return found;
}

describe("snapshotFiles", () => {
  it("puts a folder back as it was: changed, added and removed files", () => {
    mkdirSync(join(dir, "generated/nested"), { recursive: true });
    writeFileSync(join(dir, "generated/a.ts"), "a before");
    writeFileSync(join(dir, "generated/nested/b.ts"), "b before");
    mkdirSync(join(dir, "generated/empty"));
    const before = tree();
    const snapshot = snapshotFiles([join(dir, "generated")]);

    writeFileSync(join(dir, "generated/a.ts"), "a after");
    rmSync(join(dir, "generated/nested"), { recursive: true });
    writeFileSync(join(dir, "generated/new.ts"), "added by the update");
    snapshot.restore();

    expect(tree()).toEqual(before);
  });

  it("puts a file back as it was", () => {
    const file = join(dir, "spec.yaml");
    writeFileSync(file, "openapi: 3.1.0\n");
    const snapshot = snapshotFiles([file]);
    writeFileSync(file, "broken");
    snapshot.restore();
    expect(readFileSync(file, "utf8")).toBe("openapi: 3.1.0\n");
  });

  it("removes a path that did not exist before, as a file or a folder, and recreates nothing", () => {
    const file = join(dir, "summary.md");
    const folder = join(dir, "new-folder");
    const untouched = join(dir, "never-written");
    const snapshot = snapshotFiles([file, folder, untouched]);

    writeFileSync(file, "written by the failed update");
    mkdirSync(folder);
    writeFileSync(join(folder, "x.ts"), "x");
    snapshot.restore();

    expect(existsSync(file)).toBe(false);
    expect(existsSync(folder)).toBe(false);
    expect(existsSync(untouched)).toBe(false);
    expect(tree()).toEqual({});
  });
});
